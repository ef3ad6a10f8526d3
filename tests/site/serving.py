"""A live preview (``mkdocs serve``) of a small site copied into tmp_path, for the tests.

The real content and theme, the fixture directory, no leaflets, on a free loopback port. The
tests poll pages over HTTP until a change shows (a generous bound, no timing assertions).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.paths import FIXTURE_DIRECTORY, REPO
from tests.sitebuild import write_config

#: Generous: a rebuild of the small site takes seconds, but the machine is shared.
WAIT_SECONDS = 240
ENTRY = "entries/brest/brest-crisis-room.yml"


@dataclass
class Served:
    url: str
    work: Path
    log: Path

    @property
    def data(self) -> Path:
        return self.work / "directory_data"

    @property
    def content(self) -> Path:
        return self.work / "content"

    @property
    def theme(self) -> Path:
        return self.work / "overrides"

    def terminal(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def fetch(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def wait_for(self, path: str, test: Callable[[int, str], bool], what: str) -> str:
        """Poll ``path`` until ``test(status, body)`` holds; fail with the terminal's text."""
        deadline = time.monotonic() + WAIT_SECONDS
        status, body = 0, ""
        while time.monotonic() < deadline:
            status, body = self.fetch(path)
            if test(status, body):
                return body
            time.sleep(0.5)
        said = [line for line in self.terminal().splitlines() if '"GET ' not in line]
        pytest.fail(
            f"{path}: {what} never showed (last status {status}).\n"
            + "Terminal:\n"
            + "\n".join(said[-80:])
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_lang(body: str) -> str | None:
    found = re.search(r'<html lang="([a-z]+)"', body)
    return found[1] if found else None


def page_shows(lang: str, marker: str | None = None) -> Callable[[int, str], bool]:
    """The page is served in ``lang`` (and shows ``marker`` when one is given)."""
    return lambda status, body: (
        status == 200 and page_lang(body) == lang and (marker is None or marker in body)
    )


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """The preview, running until the test ends (then stopped with Ctrl-C, as an editor does)."""
    work = tmp_path / "site-copy"
    shutil.copytree(REPO / "content", work / "content")
    shutil.copytree(FIXTURE_DIRECTORY, work / "directory_data")
    shutil.copytree(REPO / "overrides", work / "overrides")
    config = write_config(
        work, data_dir=work / "directory_data", content_dir=work / "content", leaflets=False
    )
    text = config.read_text(encoding="utf-8")
    text = text.replace(f"custom_dir: {REPO / 'overrides'}", f"custom_dir: {work / 'overrides'}")
    config.write_text(text, encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [str(mkdocs), "serve", "--livereload", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            cwd=work,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield Served(f"http://127.0.0.1:{port}/", work, log)
    finally:
        # Ctrl-C, as an editor stops it: MkDocs then removes its temporary site folder.
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def edit(path: Path, old: str, new: str) -> None:
    """Save ``path`` with its first ``old`` replaced by ``new``."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
