"""A person's conversation with the real bot process, from /start to results, in each language.

Everything is checked as the person sees it: the text of each message and the buttons on it.
The expected words are those of the fixture data and guide.yml.
"""

from __future__ import annotations

import pytest

from build_tools.languages import LANGUAGES
from tests.bot.conftest import BotRun

LANGUAGE_BUTTONS = ["Русский", "Беларуская", "English"]

PATHS = {
    "ru": {
        "language": "Русский",
        "menu": "Что вы хотите найти?",
        "guide": "Подобрать помощь (3 вопроса)",
        "danger": "Вам угрожает опасность прямо сейчас?",
        "yes": "Да",
        "no": "Нет",
        "police": "Милиция",
        "help": "Какая помощь вам нужна?",
        "safe": "Безопасное место, где можно побыть",
        "where": "Где вы находитесь?",
        "region": "Брестская область",
        "anywhere": "Не важно, вся Беларусь",
        "pinsk": "Кризисная комната в Пинске",
        "pinsk_place": "Пинск: точный адрес сообщают по телефону",
        "brest": "Кризисная комната «Пример»",
        "brest_place": "Адрес сообщают по телефону",
        "found": "Найдено: 2.",
        "back": "В начало",
        "exit": "Выйти",
        "link": "https://help.example.org/directory/pinsk-crisis-room/",
        "hours": "Пн–Пт 08:00–17:00",
    },
    "be": {
        "language": "Беларуская",
        "menu": "Што вы хочаце знайсці?",
        "guide": "Падабраць дапамогу (3 пытанні)",
        "danger": "Вам пагражае небяспека проста цяпер?",
        "yes": "Так",
        "no": "Не",
        "police": "Міліцыя",
        "help": "Якая дапамога вам патрэбна?",
        "safe": "Бяспечнае месца, дзе можна пабыць",
        "where": "Дзе вы знаходзіцеся?",
        "region": "Брэсцкая вобласць",
        "anywhere": "Не важна, уся Беларусь",
        "pinsk": "Крызісны пакой у Пінску",
        "pinsk_place": "Пінск: дакладны адрас паведамляюць па тэлефоне",
        "brest": "Крызісны пакой «Прыклад»",
        "brest_place": "Адрас паведамляюць па тэлефоне",
        "found": "Знойдзена: 2.",
        "back": "У пачатак",
        "exit": "Выйсці",
        "link": "https://help.example.org/be/directory/pinsk-crisis-room/",
        "hours": "Пн–Пт 08:00–17:00",
    },
    "en": {
        "language": "English",
        "menu": "What would you like to find?",
        "guide": "Find help (3 questions)",
        "danger": "Are you in danger right now?",
        "yes": "Yes",
        "no": "No",
        "police": "Police",
        "help": "What kind of help do you need?",
        "safe": "A safe place to stay",
        "where": "Where are you?",
        "region": "Brest Region",
        "anywhere": "Anywhere in Belarus",
        "pinsk": "Crisis room in Pinsk",
        "pinsk_place": "Pinsk: the exact address is given by phone",
        "brest": 'Crisis room "Example"',
        "brest_place": "The address is given by phone",
        "found": "Found: 2.",
        "back": "Back to start",
        "exit": "Exit",
        "link": "https://help.example.org/en/directory/pinsk-crisis-room/",
        "hours": "Mon–Fri 08:00–17:00",
    },
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_start_language_guided_path_region_results(bot: BotRun, lang: str) -> None:
    words = PATHS[lang]
    person = bot.person()

    first = person.send("/start")
    assert len(first) == 1
    assert first[0].labels() == LANGUAGE_BUTTONS
    # before anything else: how to delete the chat and hide notifications, in every language
    assert "«Удалить чат»" in first[0].text and "«Уведомления»" in first[0].text
    assert "«Выдаліць чат»" in first[0].text and "«Апавяшчэнні»" in first[0].text
    assert '"Delete chat"' in first[0].text and '"Notifications"' in first[0].text
    assert "☎ 102" in first[0].text

    menu = person.tap(words["language"])
    assert words["menu"] in menu[-1].text
    assert menu[-1].labels()[0] == words["guide"]
    assert words["exit"] in menu[-1].labels()
    assert len(menu[-1].labels()) == 6

    danger = person.tap(words["guide"])
    assert danger[-1].method == "editMessageText"
    assert danger[-1].text == words["danger"]
    assert danger[-1].labels() == [words["yes"], words["no"], words["back"]]

    after_yes = person.tap(words["yes"])
    assert f"☎ 102 — {words['police']}" in after_yes[0].text  # the emergency numbers first
    assert after_yes[-1].text == words["help"]
    assert words["safe"] in after_yes[-1].labels()

    where = person.tap(words["safe"])
    assert where[-1].method == "editMessageText"
    assert where[-1].text == words["where"]
    assert words["region"] in where[-1].labels()
    assert words["anywhere"] in where[-1].labels()
    assert words["back"] in where[-1].labels()

    results = person.tap(words["region"])
    cards = [r.text for r in results[:-1]]
    assert [c.splitlines()[0] for c in cards] == [words["brest"], words["pinsk"]]
    pinsk = cards[1]
    assert f"📍 {words['pinsk_place']}" in pinsk
    assert "☎ +375165123456" in pinsk  # the number a phone dials: Telegram makes it a call
    assert words["hours"] in pinsk
    assert f'<a href="{words["link"]}">' in results[1].html
    assert f"📍 {words['region']}. {words['brest_place']}" in cards[0]
    assert results[-1].text == words["found"]
    assert results[-1].labels() == [words["back"], words["exit"]]


def test_entry_links_point_at_the_entry_page(bot: BotRun) -> None:
    person = bot.person()
    person.send("/start")
    person.tap("English")
    results = person.send("Pinsk")
    card = results[0].html
    assert card.splitlines()[0] == "<b>Crisis room in Pinsk</b>"  # the HTML Telegram gets
    assert '<a href="https://help.example.org/en/directory/pinsk-crisis-room/">' in card


def test_search_by_town_offers_towns_then_results(bot: BotRun) -> None:
    person = bot.person()
    person.send("/start")
    person.tap("Русский")
    regions = person.tap("Помощь в моём городе")
    assert regions[-1].text == "Выберите область"
    assert regions[-1].labels()[:3] == ["Минск", "Брестская область", "Витебская область"]
    towns = person.tap("Брестская область")
    assert towns[-1].text == "Выберите город"
    # only towns a place may be shown in: the Brest crisis room is `hidden`, so "Брест" (its
    # town in the data) is not offered, which would tell where it is
    assert towns[-1].labels() == ["Пинск", "Вся область", "В начало"]
    results = person.tap("Пинск")
    names = [r.text.splitlines()[0] for r in results[:-1]]
    assert names[0] == "Кризисная комната в Пинске"
    # then the region's places that name no town, then the national lines
    assert "Кризисная комната «Пример»" in names  # the hidden one, under its region only
    assert "Вся Беларусь" in results[-2].text


def test_search_by_kind_of_help_then_region(bot: BotRun) -> None:
    person = bot.person()
    person.send("/start")
    person.tap("English")
    kinds = person.tap("By kind of help")
    assert kinds[-1].text == "What kind of help?"
    assert "Legal help" in kinds[-1].labels()
    where = person.tap("Legal help")
    assert where[-1].text == "Choose a region"
    assert where[-1].labels()[-2:] == ["All of Belarus", "Back to start"]
    results = person.tap("Minsk")
    names = [r.text.splitlines()[0] for r in results[:-1]]
    # Minsk's two places with legal help, then the national line that also gives it
    assert len(names) == 3 and results[-1].text == "Found: 3."
    assert all("Legal help" in r.text.splitlines()[1] for r in results[:-1])


def test_typed_town_and_kind_of_help_are_understood(bot: BotRun) -> None:
    person = bot.person()
    person.send("/start")
    person.tap("Русский")
    results = person.send("кризисная комната в Пинске")
    assert results[0].text.splitlines()[0] == "Кризисная комната в Пинске"
    # then the region's crisis room that does not say its town
    assert results[1].text.splitlines()[0] == "Кризисная комната «Пример»"
    assert results[-1].text == "Найдено: 2."


def test_more_results_page_by_page(bot: BotRun) -> None:
    person = bot.person()
    person.send("/start")
    person.tap("English")
    person.tap("Find help (3 questions)")
    person.tap("No")
    person.tap("I am not sure, show everything")
    first = person.tap("Anywhere in Belarus")
    assert len(first) == 6  # five cards and what next
    assert first[-1].text.startswith("Found: ") and "Showing 1–5" in first[-1].text
    assert first[-1].labels() == ["More", "Back to start", "Exit"]
    second = person.tap("More")
    assert "Showing 6–" in second[-1].text
    shown = {r.text.splitlines()[0] for r in first[:-1]} & {
        r.text.splitlines()[0] for r in second[:-1]
    }
    assert not shown  # the second page is new entries


def test_commands_help_language_exit(bot: BotRun) -> None:
    person = bot.person()
    person.send("/start")
    person.tap("Беларуская")
    help_text = person.send("/help")
    assert "/language" in help_text[-1].text and "/exit" in help_text[-1].text
    assert help_text[-1].labels()[0] == "Падабраць дапамогу (3 пытанні)"
    choice = person.send("/language")
    assert choice[-1].labels() == LANGUAGE_BUTTONS
    menu = person.tap("English")
    assert menu[-1].text == "What would you like to find?"
    goodbye = person.send("/exit", expect_buttons=False)
    assert "Delete this chat" in goodbye[-1].text
    assert goodbye[-1].buttons == []
    # after /exit the bot has forgotten the language: it asks again
    again = person.send("hello")
    assert again[-1].labels() == LANGUAGE_BUTTONS
