"""The real bot process (``python -m build_tools bot``) against a Bot API stand-in on loopback.

One process serves every end-to-end test of this folder (starting aiogram takes seconds). It
runs in an empty working folder with its own HOME and TMPDIR, on a copy of the fixture data,
so the tests can look afterwards at everything it could have written.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from build_tools.bot.standin import Sent, StandInThread
from tests.paths import FIXTURE_DIRECTORY, REPO

TOKEN = "123456789:TEST-token_for_the_stand_in"
#: Chat ids far from anything else in the output, so a leak into logs or files is visible.
FIRST_CHAT = 731_000_000


@dataclass
class BotRun:
    standin: StandInThread
    process: subprocess.Popen[str]
    root: Path
    data_dir: Path
    log_file: Path
    chats: list[int] = field(default_factory=list)

    def person(self) -> Person:
        chat = FIRST_CHAT + len(self.chats) * 7919
        self.chats.append(chat)
        return Person(self, chat)

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8")

    def signal(self, sig: int) -> None:
        self.process.send_signal(sig)


class Person:
    """One person in one chat: what they send, and what they read back."""

    def __init__(self, run: BotRun, chat: int) -> None:
        self.run = run
        self.chat = chat
        self.server = run.standin.server

    def seen(self) -> list[Sent]:
        return list(self.server.sent[self.chat])

    def _await_answer(self, before: int, expect_buttons: bool = True) -> list[Sent]:
        """Everything the bot sent after ``before``, once its answer ends in a message with
        buttons (every answer does, except the goodbye)."""

        def done(sent: list[Sent]) -> bool:
            new = sent[before:]
            return bool(new) and (bool(new[-1].buttons) or not expect_buttons)

        sent = self.run.standin.call(self.server.wait_for, self.chat, done, 170)
        return sent[before:]

    def send(self, text: str, expect_buttons: bool = True) -> list[Sent]:
        before = len(self.seen())
        self.run.standin.call(self.server.text, self.chat, text)
        return self._await_answer(before, expect_buttons)

    def send_sticker(self) -> list[Sent]:
        before = len(self.seen())
        self.run.standin.call(self.server.sticker, self.chat)
        return self._await_answer(before)

    def send_photo(self) -> list[Sent]:
        before = len(self.seen())
        self.run.standin.call(self.server.photo, self.chat)
        return self._await_answer(before)

    def tap(self, label: str) -> list[Sent]:
        """Tap the button with this label on the latest message that has it."""
        for sent in reversed(self.seen()):
            if label in sent.labels():
                return self.tap_data(sent.message_id, sent.data_for(label))
        raise AssertionError(f"no button {label!r}; last buttons: {self.seen()[-1].labels()}")

    def tap_data(self, message_id: int, data: str) -> list[Sent]:
        before = len(self.seen())
        self.run.standin.call(self.server.tap, self.chat, message_id, data)
        return self._await_answer(before)


def start_bot(root: Path, data_dir: Path, *extra: str) -> tuple[StandInThread, BotRun]:
    standin = StandInThread().__enter__()
    work = root / "work"
    for folder in (work, root / "home", root / "tmp"):
        folder.mkdir(parents=True, exist_ok=True)
    log_file = root / "bot.log"
    env = {
        **os.environ,
        "HELPDIR_BOT_TOKEN": TOKEN,
        "PYTHONPATH": str(REPO),
        "HOME": str(root / "home"),
        "TMPDIR": str(root / "tmp"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "SITE_URL": "https://help.example.org/",
    }
    command = [sys.executable, "-m", "build_tools", "bot", "--api-url", standin.url]
    command += ["--data-dir", str(data_dir), "--allow-samples", *extra]
    with log_file.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, text=True
        )
    run = BotRun(standin, process, root, data_dir, log_file)
    # starting aiogram takes seconds, and many more on a busy machine: wait until it polls
    deadline = time.monotonic() + 300
    while standin.server.calls["getUpdates"] == 0:
        if process.poll() is not None or time.monotonic() > deadline:
            stop_bot(run)
            raise AssertionError(f"the bot did not start:\n{run.log()}")
        time.sleep(0.1)
    return standin, run


def stop_bot(run: BotRun) -> None:
    if run.process.poll() is None:
        run.process.send_signal(signal.SIGTERM)
        try:
            run.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            run.process.kill()
            run.process.wait()
    run.standin.__exit__(None, None, None)


@pytest.fixture(scope="package")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotRun]:
    root = tmp_path_factory.mktemp("bot")
    data_dir = root / "data"
    shutil.copytree(FIXTURE_DIRECTORY, data_dir)
    _, run = start_bot(root, data_dir)
    try:
        yield run
    finally:
        stop_bot(run)
