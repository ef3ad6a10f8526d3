"""What people send that is not a tap on a button: the bot answers, never breaks, keeps nothing.

Stickers, photos, very long text, made-up and stale button data, and 200 chats at once, all
against the real bot process. Afterwards its log and every folder it could write to are
searched for the chat ids and the words people typed.
"""

from __future__ import annotations

import asyncio
import time

from build_tools.bot.standin import Sent
from tests.bot.conftest import TOKEN, BotRun

LANGUAGE_BUTTONS = ["Русский", "Беларуская", "English"]
#: A word typed by the people in these tests, to be looked for in the log and on disk.
SECRET = "Зубрёнок7731"


def _in_english(bot: BotRun):
    person = bot.person()
    person.send("/start")
    person.tap("English")
    return person


def _emergency_and_menu(reply: Sent) -> None:
    assert "☎ 102 — Police" in reply.text and "☎ 103 — Ambulance" in reply.text
    assert reply.labels()[0] == "Find help (3 questions)"


def test_sticker_and_photo_get_the_emergency_numbers_and_the_choices(bot: BotRun) -> None:
    person = _in_english(bot)
    for answer in (person.send_sticker(), person.send_photo()):
        assert answer[-1].text.startswith("I only understand text and buttons.")
        _emergency_and_menu(answer[-1])
    # before a language is chosen, a sticker gets the first message (language, safety)
    stranger = bot.person()
    assert stranger.send_sticker()[-1].labels() == LANGUAGE_BUTTONS


def test_text_not_understood_gets_the_emergency_numbers_and_the_choices(bot: BotRun) -> None:
    person = _in_english(bot)
    answer = person.send(f"{SECRET} he took my phone")
    assert answer[-1].text.startswith("I did not understand that.")
    _emergency_and_menu(answer[-1])
    unknown = person.send("/whatever")
    _emergency_and_menu(unknown[-1])


def test_a_4000_character_message_is_answered(bot: BotRun) -> None:
    person = _in_english(bot)
    answer = person.send((SECRET + " ") * (4000 // (len(SECRET) + 1)))
    _emergency_and_menu(answer[-1])
    # a long message that names a town still finds it
    results = person.send("Pinsk " + "x" * 3990)
    assert results[0].text.splitlines()[0] == "Crisis room in Pinsk"


def test_made_up_button_data_is_not_an_error(bot: BotRun) -> None:
    # one person per tap: the per-chat rate limit is not what this test is about
    for data in ("", "nonsense", "a:b:c:d:e", "x" * 64, "-:xx:L:xx", "ffffff:en:Z:1"):
        person = _in_english(bot)
        menu = person.seen()[-1]
        answer = person.tap_data(menu.message_id, data)
        assert answer[-1].labels(), data
    for made_up in ("A:nostep.0", "A:danger.99", "R:atlantis", "W:atlantis", "P:x", "K:none"):
        person = _in_english(bot)
        menu = person.seen()[-1]
        token = menu.data_for("Find help (3 questions)").split(":")[0]
        answer = person.tap_data(menu.message_id, f"{token}:en:{made_up}")
        assert answer[-1].labels(), made_up
    assert not bot.standin.server.refused  # nothing the bot sent was refused by "Telegram"


def test_a_button_from_an_ended_conversation_starts_again(bot: BotRun) -> None:
    person = _in_english(bot)
    person.tap("Find help (3 questions)")
    old_question = person.seen()[-1]
    person.send("/exit", expect_buttons=False)
    answer = person.tap("Yes")
    assert old_question.labels()[0] == "Yes"
    assert answer[-1].text.startswith("This conversation has ended. Let us start again.")
    assert answer[-1].labels()[0] == "Find help (3 questions)"
    # the stale "Yes" was not taken as an answer: no emergency list, no next question
    assert all("What kind of help" not in a.text for a in answer)


def test_two_hundred_chats_at_once(bot: BotRun) -> None:
    people = [bot.person() for _ in range(200)]
    server = bot.standin.server

    async def everyone_starts() -> None:
        await asyncio.gather(*(server.text(p.chat, f"/start {SECRET}") for p in people))

    started = time.perf_counter()
    bot.standin.call(everyone_starts)
    for person in people:
        first = bot.standin.call(server.wait_for, person.chat, lambda sent: len(sent) >= 1, 120)
        assert first[0].labels() == LANGUAGE_BUTTONS

    async def everyone_taps() -> None:
        await asyncio.gather(
            *(
                server.tap(p.chat, p.seen()[0].message_id, p.seen()[0].data_for("Беларуская"))
                for p in people
            )
        )

    bot.standin.call(everyone_taps)
    for person in people:
        menu = bot.standin.call(server.wait_for, person.chat, lambda sent: len(sent) >= 2, 120)
        assert menu[1].text == "Што вы хочаце знайсці?"
    assert time.perf_counter() - started < 600  # not a speed check: that is in `make bench`
    # the bot still answers a new person afterwards
    late = bot.person()
    assert late.send("/start")[-1].labels() == LANGUAGE_BUTTONS


def test_one_chat_flooding_is_limited_and_others_go_on(bot: BotRun) -> None:
    flooder = _in_english(bot)
    server = bot.standin.server
    before = len(flooder.seen())

    async def flood() -> None:
        await asyncio.gather(*(server.text(flooder.chat, "hello") for _ in range(40)))

    bot.standin.call(flood)
    other = bot.person()
    assert other.send("/start")[-1].labels() == LANGUAGE_BUTTONS
    time.sleep(1.5)
    answered = len(flooder.seen()) - before
    assert 1 <= answered < 20  # a burst is answered, the rest of the flood is not


def test_nothing_about_the_chats_in_the_log_or_on_disk(bot: BotRun) -> None:
    """Runs after the tests above in this file (pytest keeps file order)."""
    person = _in_english(bot)
    person.send(f"{SECRET} Pinsk")
    assert bot.chats, "the tests above talked to the bot"
    log = bot.log()
    assert "started" in log  # the log is there and has what an operator needs
    for chat in bot.chats:
        assert str(chat) not in log
    assert SECRET not in log and "he took my phone" not in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    written = [
        p
        for folder in ("work", "home", "tmp")
        for p in (bot.root / folder).rglob("*")
        if p.is_file()
    ]
    assert written == []
    for path in bot.data_dir.rglob("*"):
        if path.is_file():
            text = path.read_bytes()
            assert SECRET.encode() not in text
            assert all(str(chat).encode() not in text for chat in bot.chats)
