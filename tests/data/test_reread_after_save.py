"""Validating again in one process (the live preview does after every save) reads what changed.

Files whose bytes did not change are not parsed again; these tests show that a change is never
missed, even one that keeps the file's size and times, and that the problems of an unchanged
file come back unchanged each time (the checks across files do not pile up on it).
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
from pathlib import Path

from build_tools.data.build import validate_directory
from tests.paths import FIXTURE_DIRECTORY

TODAY = _dt.date(2026, 11, 28)


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    return data


def _an_entry(data: Path) -> Path:
    return sorted((data / "entries").rglob("*.yml"))[0]


def test_a_saved_change_of_the_same_size_and_times_is_read(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    entry = _an_entry(data)
    first = validate_directory(data, today=TODAY)
    assert first.directory is not None and first.problems == []
    text = entry.read_text(encoding="utf-8")
    before = entry.stat()
    # Same length, same times: only the bytes tell the change (a region that does not exist).
    changed = text.replace("region: ", "region: x", 1).replace("\n", "", 1)
    assert len(changed.encode()) == len(text.encode()) and changed != text
    entry.write_text(changed, encoding="utf-8")
    os.utime(entry, ns=(before.st_atime_ns, before.st_mtime_ns))
    second = validate_directory(data, today=TODAY)
    assert second.directory is None
    assert any(p.path == str(entry) for p in second.errors), second.problems
    entry.write_text(text, encoding="utf-8")
    third = validate_directory(data, today=TODAY)
    assert third.directory is not None and third.problems == []


def test_an_unchanged_file_s_problems_do_not_pile_up(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    entries = sorted((data / "entries").rglob("*.yml"))
    # Two files with one id: each gets the duplicate-id problem once, however often it runs.
    twin = entries[0].parent / ("twin-" + entries[0].name)
    shutil.copy(entries[0], twin)
    runs = [validate_directory(data, today=TODAY) for _ in range(3)]
    counts = [len(run.problems) for run in runs]
    assert counts[0] > 0 and counts == [counts[0]] * 3, counts
    assert [str(p) for p in runs[0].problems] == [str(p) for p in runs[2].problems]
