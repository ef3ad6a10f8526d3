"""After a saved entry file the live preview takes its quick path (build_tools/preview_update.py).

The entry's own pages come first, then the pages that list it, the finder's data and the feeds;
what the preview then serves is, file for file, what a full build of the same sources writes.
Anything else that changes (here: a new entry file) still takes the full rebuild.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.site.serving import ENTRY, WAIT_SECONDS, Served, edit, page_shows

QUICK = "Preview: 3 entry pages written again"
FOLLOWED = "the finder's data and the feeds are up to date"
FULL = "Building documentation..."
DONE = "Reloading browsers"


def _wait_terminal(served: Served, test: Callable[[str], bool], what: str) -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        text = served.terminal()
        if test(text):
            return text
        time.sleep(0.3)
    pytest.fail(f"{what} never showed. Terminal:\n{served.terminal()[-6000:]}")


def _site_dir(served: Served) -> Path:
    found = re.search(r"Building documentation to directory: (\S+)/be\b", served.terminal())
    assert found, served.terminal()
    return Path(found[1])


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_a_saved_entry_shows_everywhere_as_a_full_build_would_write_it(served: Served) -> None:
    served.wait_for("directory/brest-crisis-room/", page_shows("ru"), "the entry page")
    entry = served.data / ENTRY

    # The entry changes its name and one kind of help (it leaves one list and joins another).
    edit(entry, "«Пример»", "«Сохранённый пример»")
    edit(entry, "services: [crisis-room, psychological]", "services: [crisis-room, legal]")
    served.wait_for(
        "directory/brest-crisis-room/", page_shows("ru", "«Сохранённый пример»"), "the new name"
    )
    terminal = _wait_terminal(served, lambda t: FOLLOWED in t, "the background step's end")
    assert QUICK in terminal
    assert terminal.count(FULL) == 1, "a full rebuild ran after the save"

    # The lists that show it, the finder's data and the feeds have followed.
    for path in ("directory/regions/brest/", "directory/services/legal/"):
        served.wait_for(path, page_shows("ru", "«Сохранённый пример»"), f"{path} with the name")
    _, psychological = served.fetch("directory/services/psychological/")
    assert 'data-entry-id="brest-crisis-room"' not in psychological
    site = _site_dir(served)
    assert "Сохранённый пример" in (site / "data/directory.json").read_text(encoding="utf-8")
    finder_data = [p for p in site.glob("finder/*.json") if "Сохранённый" in p.read_text()]
    assert finder_data, sorted(p.name for p in site.glob("finder/*"))
    quick = _files(site)

    # The same sources through a full build (touching mkdocs.yml changes nothing it says).
    config = served.work / "mkdocs.yml"
    os.utime(config)
    _wait_terminal(served, lambda t: t.count(FULL) == 2, "the full rebuild")
    _wait_terminal(
        served,
        lambda t: t.rsplit(FULL, 1)[1].count(DONE) >= 1,
        "the end of the full rebuild",
    )
    full = _files(site)
    assert sorted(quick) == sorted(full)
    differ = [path for path in full if quick[path] != full[path]]
    assert differ == [], differ


def test_a_new_entry_file_takes_the_full_rebuild(served: Served) -> None:
    served.wait_for("directory/brest-crisis-room/", page_shows("ru"), "the entry page")
    source = (served.data / ENTRY).read_text(encoding="utf-8")
    copy = source.replace("id: brest-crisis-room", "id: brest-crisis-room-two")
    (served.data / "entries/brest/brest-crisis-room-two.yml").write_text(copy, encoding="utf-8")
    served.wait_for("directory/brest-crisis-room-two/", page_shows("ru"), "the new entry's page")
    terminal = served.terminal()
    assert terminal.count(FULL) == 2
    assert QUICK not in terminal


def test_a_save_during_the_background_step_is_not_lost(served: Served) -> None:
    served.wait_for("directory/brest-crisis-room/", page_shows("ru"), "the entry page")
    entry = served.data / ENTRY
    edit(entry, "«Пример»", "«Первая правка»")
    served.wait_for(
        "directory/brest-crisis-room/", page_shows("ru", "«Первая правка»"), "the first save"
    )
    # The second save comes while the lists of the first are being written.
    edit(entry, "«Первая правка»", "«Вторая правка»")
    served.wait_for(
        "directory/regions/brest/", page_shows("ru", "«Вторая правка»"), "the second save's list"
    )
    served.wait_for(
        "directory/services/crisis-room/", page_shows("ru", "«Вторая правка»"), "its kind of help"
    )
    site = _site_dir(served)
    _wait_terminal(
        served, lambda t: t.rsplit(QUICK, 1)[1].count(FOLLOWED) == 1, "the last background step"
    )
    text = (site / "data/directory.json").read_text(encoding="utf-8")
    assert "Вторая правка" in text and "Первая правка" not in text
    assert served.terminal().count(FULL) == 1
