"""``status.yml`` and ``notices.yml`` (issue 17): the ``status`` command changes one line, and
``validate`` names file, line and field for each mistake an editor can make in them."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from build_tools.data.availability import MINSK
from build_tools.data.build import load_directory
from tests.data.helpers import Runner

NOTICE = """\
# yaml-language-server: $schema=schema/notices.schema.json
- kind: closed
  start: 2026-12-31 18:00
  end: 2027-01-02 09:00
  text: {{ru: Закрыто на праздники, en: Closed for the holidays}}
- entry: {entry}
  kind: changed-number
  start: {start}
  end: {end}
  text:
    ru: Номер изменился
"""


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_status_command_writes_one_line_and_keeps_the_rest(data_dir: Path, run_cli: Runner) -> None:
    file = data_dir / "status.yml"
    before = "# our comment\nminsk-shelter:\n  state: full\n  reported: 2026-11-28 09:00\n"
    file.write_text(before, encoding="utf-8")
    code, out = run_cli(
        "status", "brest-crisis-room", "free", "--places", "2",
        "--at", "2026-11-29 10:00", "--data-dir", str(data_dir),
    )  # fmt: skip
    assert code == 0, out
    after = file.read_text(encoding="utf-8")
    assert (
        after
        == before + "brest-crisis-room: {state: free, places: 2, reported: 2026-11-29 10:00}\n"
    )
    code, out = run_cli(
        "status", "minsk-shelter", "free", "--at", "2026-11-29 11:30", "--data-dir", str(data_dir)
    )
    assert code == 0, out
    lines = file.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "# our comment",
        "minsk-shelter: {state: free, reported: 2026-11-29 11:30}",
        "brest-crisis-room: {state: free, places: 2, reported: 2026-11-29 10:00}",
    ]
    directory = load_directory(data_dir)
    report = directory.reports["brest-crisis-room"]
    assert (report.state, report.places) == ("free", 2)
    assert report.reported == _dt.datetime(2026, 11, 29, 10, 0, tzinfo=MINSK)
    code, out = run_cli("status", "minsk-shelter", "clear", "--data-dir", str(data_dir))
    assert code == 0, out
    assert "minsk-shelter" not in file.read_text(encoding="utf-8")
    assert "minsk-shelter" not in load_directory(data_dir).reports


def test_status_command_refuses_unknown_id_future_time_and_a_place_without_beds(
    data_dir: Path, run_cli: Runner
) -> None:
    file = data_dir / "status.yml"
    file.write_text("brest-crisis-room: {state: full, reported: 2026-11-29 10:00}\n")
    before = file.read_text()
    code, out = run_cli("status", "brest-crisis-rom", "full", "--data-dir", str(data_dir))
    assert code == 1
    assert f"{file}:2:1: brest-crisis-rom: no entry has the id `brest-crisis-rom`" in out
    future = (_dt.datetime.now(MINSK) + _dt.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    code, out = run_cli(
        "status", "pinsk-crisis-room", "full", "--at", future, "--data-dir", str(data_dir)
    )
    assert code == 1
    assert f"{file}:2:" in out and "pinsk-crisis-room.reported:" in out and "in the future" in out
    code, out = run_cli("status", "national-hotline", "free", "--data-dir", str(data_dir))
    assert code == 1
    assert (
        f"{file}:2:1: national-hotline: `national-hotline` is not a crisis room or shelter" in out
    )
    assert file.read_text() == before


def test_validate_names_file_line_and_field_in_status_yml(data_dir: Path, run_cli: Runner) -> None:
    text = (
        "brest-crisis-room: {state: full, places: 3, reported: 2026-11-29 10:00}\n"
        "minsk-shelter:\n  state: free\n  reported: 2026-11-31 10:00\n"
        "pinsk-crisis-room: {state: open, reported: 2026-11-29 10:00}\n"
    )
    file = data_dir / "status.yml"
    file.write_text(text, encoding="utf-8")
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    assert f"{file}:5:" in out and "pinsk-crisis-room.state: `open` is not an allowed value" in out
    # the schema error stops the file; fixed, the checks against the entries follow
    file.write_text(text.replace("state: open", "state: full"), encoding="utf-8")
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    assert f"{file}:1:" in out and "brest-crisis-room.places: a place that is full" in out
    assert f"{file}:4:" in out and "minsk-shelter.reported: `2026-11-31 10:00` is not a real" in out


def test_validate_names_file_line_and_field_in_notices_yml(data_dir: Path, run_cli: Runner) -> None:
    file = data_dir / "notices.yml"
    text = NOTICE.format(entry="brest-crisis-rom", start="2026-12-01 10:00", end="2026-12-02 10:00")
    file.write_text(text, encoding="utf-8")
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    line = _line_of(text, "entry: brest-crisis-rom")
    assert f"{file}:{line}:" in out and "2.entry: no entry has the id `brest-crisis-rom`" in out
    text = NOTICE.format(
        entry="brest-crisis-room", start="2026-12-05 10:00", end="2026-12-02 10:00"
    )
    file.write_text(text, encoding="utf-8")
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    line = _line_of(text, "end: 2026-12-02")
    assert f"{file}:{line}:" in out and "2.end: the end (2026-12-02 10:00) is not after" in out
    text = NOTICE.format(
        entry="brest-crisis-room", start="2026-12-01 10:00", end="2026-12-02 10:00"
    )
    file.write_text(text.replace("kind: closed", "kind: holiday"), encoding="utf-8")
    code, out = run_cli("validate", str(data_dir))
    assert code == 1 and f"{file}:2:" in out and "1.kind: `holiday` is not an allowed" in out
    file.write_text(text, encoding="utf-8")
    code, out = run_cli("validate", str(data_dir))
    assert code == 0, out
    notices = load_directory(data_dir).notices
    assert [(n.entry, n.kind) for n in notices] == [
        (None, "closed"),
        ("brest-crisis-room", "changed-number"),
    ]
    assert notices[1].text("en") == "Номер изменился"  # falls back to Russian


def test_status_command_writes_the_site_status_file_for_publishing_alone(
    data_dir: Path, run_cli: Runner, tmp_path: Path
) -> None:
    target = tmp_path / "site" / "data" / "status.json"
    code, out = run_cli(
        "status", "pinsk-crisis-room", "free", "--places", "1", "--at", "2026-11-29 08:15",
        "--data-dir", str(data_dir), "--json", str(target),
    )  # fmt: skip
    assert code == 0, out
    reports = json.loads(target.read_text(encoding="utf-8"))["reports"]
    assert reports["pinsk-crisis-room"] == {
        "state": "free",
        "places": 1,
        "reported": "2026-11-29T08:15:00+03:00",
    }


def test_a_broken_entry_is_not_also_called_unknown_in_status_yml(
    data_dir: Path, run_cli: Runner
) -> None:
    entry = data_dir / "entries" / "brest" / "brest-crisis-room.yml"
    entry.write_text(entry.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    (data_dir / "status.yml").write_text(
        "brest-crisis-room: {state: full, reported: 2026-11-29 10:00}\n", encoding="utf-8"
    )
    code, out = run_cli("validate", str(data_dir))
    assert code == 1 and "unknown field `colour`" in out
    assert "no entry has the id" not in out
