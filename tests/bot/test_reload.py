"""The bot takes up changed data without a restart, and conversations in progress go on.

A second bot process, on its own copy of the fixture data, checking for changes every second
(``--reload 1``); and one that checks only when it gets SIGHUP.
"""

from __future__ import annotations

import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.conftest import BotRun, start_bot, stop_bot
from tests.paths import FIXTURE_DIRECTORY


def _bot(tmp_path: Path, *extra: str) -> Iterator[BotRun]:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURE_DIRECTORY, data_dir)
    _, run = start_bot(tmp_path, data_dir, *extra)
    try:
        yield run
    finally:
        stop_bot(run)


@pytest.fixture
def reloading_bot(tmp_path: Path) -> Iterator[BotRun]:
    yield from _bot(tmp_path, "--reload", "1")


@pytest.fixture
def bot_without_interval(tmp_path: Path) -> Iterator[BotRun]:
    yield from _bot(tmp_path)


def _wait_log(run: BotRun, text: str, count: int = 1, timeout: float = 170) -> None:
    deadline = time.monotonic() + timeout
    while run.log().count(text) < count:
        assert time.monotonic() < deadline, f"{text!r} not in the log:\n{run.log()}"
        time.sleep(0.2)


def _rename(data_dir: Path, old: str, new: str) -> None:
    path = data_dir / "entries" / "brest" / "pinsk-crisis-room.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_changed_data_is_served_and_the_conversation_goes_on(reloading_bot: BotRun) -> None:
    run = reloading_bot
    person = run.person()
    person.send("/start")
    person.tap("English")
    person.tap("Help in my town")
    person.tap("Brest Region")
    before = person.tap("Pinsk")
    assert before[0].text.splitlines()[0] == "Crisis room in Pinsk"

    _rename(run.data_dir, "en: Crisis room in Pinsk", "en: Pinsk crisis room (new name)")
    _wait_log(run, "data reloaded")
    # the same conversation, still in English, taps on: it sees the new data
    person.tap("Back to start")
    person.tap("Help in my town")
    person.tap("Brest Region")
    after = person.tap("Pinsk")
    assert after[0].text.splitlines()[0] == "Pinsk crisis room (new name)"

    # a broken change is not taken: the bot goes on with the data it has, and says why
    entry = run.data_dir / "entries" / "brest" / "pinsk-crisis-room.yml"
    entry.write_text(entry.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    _wait_log(run, "data not reloaded")
    assert "pinsk-crisis-room.yml" in run.log()
    again = person.send("Pinsk")
    assert again[0].text.splitlines()[0] == "Pinsk crisis room (new name)"


def test_sighup_reloads(bot_without_interval: BotRun) -> None:
    run = bot_without_interval
    person = run.person()
    person.send("/start")
    person.tap("Русский")
    _wait_log(run, "started")
    _rename(run.data_dir, "ru: Кризисная комната в Пинске", "ru: Пинская кризисная комната")
    run.signal(signal.SIGHUP)
    _wait_log(run, "data reloaded")
    results = person.send("Пинск")
    assert results[0].text.splitlines()[0] == "Пинская кризисная комната"
