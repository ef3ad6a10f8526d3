"""The live preview's answer to a save: from writing one entry file to the reloaded page.

``mkdocs serve --livereload`` (as ``make serve`` runs it, leaflets off) on a copy of the
generated data; Chromium shows one entry page; the bench changes that entry's Russian name in
its YAML file and waits for the page MkDocs' reload script brings back to show it. The time is
from the moment the file is written to the reloaded page's load event (both clocks are this
machine's wall clock).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.bench import builds

#: How long the first build of the preview may take on a loaded machine.
START_TIMEOUT_S = 1200
#: How long one save may take to show.
SAVE_TIMEOUT_S = 600
_NAME = re.compile(r'(?m)^(name: \{ru: ")')
#: What the preview logs when the quick path has written a save's entry pages, and when it has
#: written the rest (build_tools/preview_update.py; messages in English, HELPDIR_LANG=en).
_QUICK = re.compile(r"Preview: \d+ entry pages written again in ([\d.]+) s")
_SETTLED = re.compile(r"the finder's data and the feeds are up to date \(([\d.]+) s\)")


@dataclass(frozen=True)
class PreviewTimes:
    #: Save to reloaded page, one per save.
    seconds: list[float]
    #: MkDocs' own "Documentation built in" figures for the rebuilds, when it printed them.
    rebuilds: list[float]
    #: Save to everything written (the lists, the finder's data, the feeds), one per save taken
    #: by the quick path; empty when the saves took the full rebuild.
    settled: list[float] = field(default_factory=list)
    #: The quick path's own figures for writing the entry's pages, one per save.
    quick: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


class PreviewFailed(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_served(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PreviewFailed(f"mkdocs serve stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    raise PreviewFailed(f"the preview did not serve {url} within {timeout:.0f} s")


def measure_preview(work: Path, data_dir: Path, browser: object, *, saves: int = 3) -> PreviewTimes:
    """Serve a copy of ``data_dir`` and time ``saves`` edits of one entry (``browser``: a
    Playwright browser)."""
    data = work / "data"
    if data.exists():
        shutil.rmtree(data)
    shutil.copytree(data_dir, data)
    config = builds.site_config(work, data, leaflets=False)
    entry_file = sorted((data / "entries").rglob("*.yml"))[0]
    entry_id = entry_file.stem
    port = _free_port()
    url = f"http://127.0.0.1:{port}/directory/{entry_id}/"
    log = work / "serve.log"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "HELPDIR_LEAFLETS": "false",
        "HELPDIR_LANG": "en",
    }
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [*builds.mkdocs_command(), "serve", "--livereload", "-f", str(config)]
            + ["-a", f"127.0.0.1:{port}"],
            cwd=work,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_served(url, process, START_TIMEOUT_S)
        page = browser.new_page()  # type: ignore[attr-defined]
        try:
            page.goto(url, wait_until="load")
            seconds, settled = [], []
            for n in range(1, saves + 1):
                reloaded, written = _one_save(page, entry_file, n, log)
                seconds.append(reloaded)
                if written is not None:
                    settled.append(written)
        finally:
            page.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    built = [
        float(x) for x in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text())
    ]
    # Each save rebuilds three languages, each logging its own line; the first build is not a save.
    quick = [float(x) for x in _QUICK.findall(log.read_text())]
    return PreviewTimes(seconds, built, settled, quick)


def _one_save(page: object, entry_file: Path, n: int, log: Path) -> tuple[float, float | None]:
    """Seconds from the save to the reloaded page's load event, and to the quick path's last
    file written (None when the save took the full rebuild)."""
    marker = f"Правка{n}"
    text = entry_file.read_text(encoding="utf-8")
    changed, count = _NAME.subn(lambda m: f"{m[1]}{marker} ", text, count=1)
    if count != 1:
        raise PreviewFailed(f"{entry_file}: no Russian name to change")
    settled_before = len(_SETTLED.findall(log.read_text(encoding="utf-8")))
    saved = time.time()
    entry_file.write_text(changed, encoding="utf-8")
    # The load event's moment, read on the page that shows the new name (the page may reload
    # once more when the rest is written, so it is read there and then).
    loaded_ms = page.wait_for_function(  # type: ignore[attr-defined]
        "m => { const h = document.querySelector('.helpdir-entry__name');"
        " if (h === null || !h.textContent.includes(m)) return false;"
        " const n = performance.getEntriesByType('navigation')[0];"
        " return n && n.loadEventEnd > 0 ? performance.timeOrigin + n.loadEventEnd : false; }",
        arg=marker,
        timeout=SAVE_TIMEOUT_S * 1000,
    ).json_value()
    reloaded = float(loaded_ms) / 1000 - saved
    settled = _wait_settled(log, settled_before, saved)
    # The second reload (after the rest is written) ends before the next save.
    page.wait_for_timeout(1500)  # type: ignore[attr-defined]
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    return reloaded, settled


def _wait_settled(log: Path, before: int, saved: float) -> float | None:
    """Seconds from the save until the preview logged that everything is written; None when
    the save took the full rebuild (nothing more to wait for)."""
    deadline = time.monotonic() + SAVE_TIMEOUT_S
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8")
        if len(_SETTLED.findall(text)) > before:
            return time.time() - saved
        if len(_QUICK.findall(text)) <= before:
            return None  # no quick path line for this save: the full rebuild served it
        time.sleep(0.05)
    raise PreviewFailed("the preview never said that the lists, finder data and feeds are written")
