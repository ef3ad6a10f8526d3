"""The bot's parts on their own: forgetting, the rate limit, "open now", the token, messages."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.bot.cards import MINSK, entry_text, hours_line, minute_of_week
from build_tools.bot.catalogue import CatalogueError, load_catalogue
from build_tools.bot.command import TOKEN_VARIABLE, read_token
from build_tools.bot.conversation import Conversations
from build_tools.bot.memory import Memory, RateLimit
from build_tools.data.hours import open_at, parse_hours
from tests.paths import FIXTURE_DIRECTORY, REPO


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(
        FIXTURE_DIRECTORY, site_url="https://help.example.org", allow_samples=True
    )


def test_a_quiet_conversation_is_forgotten(catalogue) -> None:
    clock = Clock()
    memory = Memory(ttl=600, clock=clock)
    talk = Conversations(lambda: catalogue, memory)
    menu = talk.tap(5, "-:be:L:be").replies[-1]
    assert menu.text == "Што вы хочаце знайсці?"
    clock.now += 599
    assert memory.get(5) is not None and memory.get(5).lang == "be"
    clock.now += 601
    assert memory.get(5) is None
    assert len(memory) == 0
    # its buttons now start a new conversation in the button's language, not a choice
    answer = talk.tap(5, menu.buttons[0][0].data)
    assert answer.replies[-1].text.startswith("Гэтая размова ўжо скончылася.")


def test_rate_limit_allows_a_burst_then_one_a_second_per_chat() -> None:
    clock = Clock()
    limit = RateLimit(burst=3, per_second=1, clock=clock)
    assert [limit.allow(1) for _ in range(5)] == [True, True, True, False, False]
    assert limit.allow(2)  # another chat is not held up
    clock.now += 1
    assert limit.allow(1) and not limit.allow(1)


def test_open_at_minsk_time() -> None:
    office = parse_hours("Mo-Fr 08:30-17:30")
    night = parse_hours("Su 20:00-08:00")
    monday = 0
    assert open_at(office, monday + 9 * 60)
    assert not open_at(office, monday + 8 * 60)
    assert not open_at(office, 5 * 1440 + 10 * 60)  # Saturday
    assert open_at(night, monday + 7 * 60)  # Sunday night runs into Monday morning
    # a Monday 09:00 in Minsk is 06:00 UTC (Minsk keeps UTC+3 all year)
    utc = _dt.datetime(2026, 11, 30, 6, 0, tzinfo=_dt.UTC)
    assert minute_of_week(utc) == 9 * 60
    assert hours_line(office, "en", utc).endswith("· Open now")
    assert hours_line(office, "ru", utc.replace(hour=15)).endswith("· Сейчас закрыто")


def test_card_of_a_sample_says_it_is_an_example(catalogue) -> None:
    sample = catalogue.directory.entry("vitebsk-sample-shelter")
    text = entry_text(catalogue, sample, "en", _dt.datetime(2026, 11, 30, 12, tzinfo=MINSK))
    assert "⚠ Example, not a real service" in text


def test_card_of_an_unconfirmed_entry_says_so(catalogue) -> None:
    entry = dataclasses.replace(
        catalogue.directory.entry("pinsk-crisis-room"), status="unconfirmed"
    )
    for lang, words in (("ru", "Сведения ещё не подтверждены по телефону"), ("en", "Not yet")):
        assert f"⚠ {words}" in entry_text(catalogue, entry, lang)
    confirmed = entry_text(catalogue, catalogue.directory.entry("pinsk-crisis-room"), "en")
    assert "⚠" not in confirmed


def test_samples_are_refused_unless_allowed() -> None:
    with pytest.raises(CatalogueError, match="sample"):
        load_catalogue(FIXTURE_DIRECTORY, site_url="https://help.example.org")


def test_token_from_the_environment_or_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    token, why = read_token(None)
    assert token is None and TOKEN_VARIABLE in why and "--token-file" in why
    monkeypatch.setenv(TOKEN_VARIABLE, "123:abc-DEF_9")
    assert read_token(None)[0] == "123:abc-DEF_9"
    file = tmp_path / "token"
    file.write_text("456:xyz\n", encoding="utf-8")
    assert read_token(file)[0] == "456:xyz"
    file.write_text("not a token", encoding="utf-8")
    assert "not a bot token" in read_token(file)[1]
    assert "cannot read" in read_token(tmp_path / "missing")[1]


def test_the_command_line_has_no_token_option_and_says_what_to_do() -> None:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "HELPDIR_LANG": "en"}
    given = subprocess.run(
        [sys.executable, "-m", "build_tools", "bot", "--token", "123:abc"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert given.returncode == 2 and "unrecognized arguments: --token" in given.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "build_tools", "bot"], capture_output=True, text=True, env=env
    )
    assert missing.returncode == 1
    assert f"no bot token: set {TOKEN_VARIABLE}" in missing.stdout
    assert "Traceback" not in missing.stderr


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("кризисная комната в Пинске", ("brest", "pinsk", "crisis-room")),
        ("у Пінску", ("brest", "pinsk", None)),
        ("Брэст", ("brest", "brest", None)),
        ("брестская область", ("brest", None, None)),
        ("Vitebsk shelter", ("vitebsk", "vitebsk", "shelter")),
        ("нужен психолог", (None, None, "psychological")),
        ("чат", (None, None, "chat")),
        ("мне плохо, помогите", (None, None, None)),
        ("минута", (None, None, None)),
        ("", (None, None, None)),
    ],
)
def test_typed_towns_and_kinds_of_help(catalogue, typed: str, found: tuple) -> None:
    assert catalogue.match_text(typed) == found


def test_buttons_fit_telegram_with_long_ids(tmp_path: Path) -> None:
    """Telegram takes at most 64 bytes of button data; editors' ids may be longer."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    long_step = "what-kind-of-help-would-be-the-most-useful-to-you-at-this-moment"
    guide = (REPO / "directory_data" / "guide.yml").read_text(encoding="utf-8")
    (data / "guide.yml").write_text(
        guide.replace("id: help", f"id: {long_step}").replace("next: help", f"next: {long_step}"),
        encoding="utf-8",
    )
    catalogue = load_catalogue(data, site_url="https://help.example.org", allow_samples=True)
    assert long_step in catalogue.steps
    talk = Conversations(lambda: catalogue)
    reply = talk.tap(9, "-:en:L:en").replies[-1]
    for label in ("Find help (3 questions)", "No", "A psychologist"):
        data_of = {b.label: b.data for row in reply.buttons for b in row}
        assert all(len(d.encode()) <= 64 for d in data_of.values()), data_of
        reply = talk.tap(9, data_of[label]).replies[-1]
    assert reply.text == "Where are you?"  # the long step's answer was understood
