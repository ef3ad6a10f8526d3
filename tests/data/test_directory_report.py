"""`report`: translation gaps, stale and sample entries, counts; and the build's short form."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from build_tools.data.build import load_directory
from build_tools.report import build_report, months_before, short_report
from tests.data.helpers import Runner, write
from tests.paths import FIXTURE_DIRECTORY

TODAY = _dt.date(2026, 11, 28)


def directory():  # noqa: ANN201 - the model type is obvious here
    return load_directory(FIXTURE_DIRECTORY, today=TODAY)


def test_report_on_the_fixture() -> None:
    report = build_report(directory(), stale_months=12, today=TODAY)
    gaps = {item["entry"]: item["missing"] for item in report.entry_translations}
    assert gaps["brest-psychologist"] == {"be": ["summary"], "en": ["summary"]}
    assert gaps["minsk-shelter"] == {"be": ["admission.notes"]}
    assert "national-hotline" not in gaps
    assert [item["entry"] for item in report.stale] == ["minsk-legal-aid"]
    assert report.stale[0]["months"] == 22
    assert [item["entry"] for item in report.samples] == ["vitebsk-sample-shelter"]
    assert report.per_region == {"national": 3, "minsk-city": 4, "brest": 3, "vitebsk": 2}
    assert report.per_service["psychological"] == 6
    assert sum(report.per_region.values()) == report.entries == 12


def test_stale_months_is_configurable() -> None:
    report = build_report(directory(), stale_months=3, today=TODAY)
    stale = [item["entry"] for item in report.stale]
    assert stale[0] == "minsk-legal-aid"  # oldest first
    assert "brest-psychologist" in stale and "minsk-children-line" not in stale


def test_pages_missing_a_translation(tmp_path: Path) -> None:
    for relative in ("ru/a.md", "ru/sub/b.md", "be/a.md", "en/a.md", "en/sub/b.md"):
        write(tmp_path, relative, "---\ndescription: x\n---\n")
    report = build_report(directory(), content_dir=tmp_path, today=TODAY)
    assert report.page_translations == [{"page": "sub/b.md", "missing": ["be"]}]


def test_short_report_is_three_to_five_lines() -> None:
    text = short_report(directory(), today=TODAY)
    lines = text.splitlines()
    assert 3 <= len(lines) <= 5
    assert lines[0] == "Directory: 12 entries (3 national, 9 in 3 regions), 1 sample."
    assert "1 entry lack English" not in text
    assert "Stale: 1 entry last verified before 2025-11-28 (more than 12 months ago)." in lines


def test_report_command_text_and_json(run_cli: Runner, tmp_path: Path) -> None:
    code, out = run_cli("report", str(FIXTURE_DIRECTORY), "--content", str(tmp_path))
    assert code == 0
    assert "entries/vitebsk/vitebsk-sample-shelter.yml" in out
    assert "entries/minsk-city/minsk-legal-aid.yml: verified 2025-01-15" in out
    code, out = run_cli(
        "report", str(FIXTURE_DIRECTORY), "--format", "json", "--stale-months", "1000"
    )
    assert code == 0
    data = json.loads(out)
    assert data["stale"] == [] and data["stale_months"] == 1000
    assert data["per_region"]["brest"] == 3


def test_report_refuses_broken_data(run_cli: Runner, data_dir: Path) -> None:
    write(data_dir, "entries/brest/x.yml", "id: x\n")
    code, out = run_cli("report", str(data_dir))
    assert code == 1
    assert "No report" in out and "x.yml:1:1:" in out


def test_months_before_clamps_to_the_month_end() -> None:
    assert months_before(_dt.date(2026, 3, 31), 1) == _dt.date(2026, 2, 28)
    assert months_before(_dt.date(2026, 11, 28), 12) == _dt.date(2025, 11, 28)
    assert months_before(_dt.date(2026, 1, 15), 13) == _dt.date(2024, 12, 15)


def _stale_fixture(data_dir: Path) -> None:
    """Two real entries and the sample, around the 12-month boundary of TODAY (2026-11-28)."""
    sample = data_dir / "entries/vitebsk/vitebsk-sample-shelter.yml"
    sample.write_text(
        sample.read_text(encoding="utf-8")
        .replace("verified: 2026-10-01", "verified: 2024-05-01")
        .replace("  en: A sample entry that shows the format.\n", ""),
        encoding="utf-8",
    )
    for name, day in (("brest-psychologist", "2025-11-27"), ("pinsk-crisis-room", "2025-11-28")):
        path = next(data_dir.rglob(f"{name}.yml"))
        text = path.read_text(encoding="utf-8")
        old = next(line for line in text.splitlines() if line.startswith("verified:"))
        path.write_text(text.replace(old, f"verified: {day}"), encoding="utf-8")


def test_report_lists_real_entries_before_samples_and_marks_samples(data_dir: Path, capsys) -> None:
    from build_tools.report import render_text

    _stale_fixture(data_dir)
    directory = load_directory(data_dir, today=TODAY)
    text = render_text(build_report(directory, today=TODAY), directory)
    section = text.split("Entries last verified before 2025-11-28 (more than 12 months ago)")[1]
    rows = [line.strip() for line in section.split("\n\n")[0].splitlines()[1:]]
    assert rows == [
        "entries/minsk-city/minsk-legal-aid.yml: verified 2025-01-15, 22 months and 13 days ago",
        "entries/brest/brest-psychologist.yml: verified 2025-11-27, 12 months and 1 day ago",
        "entries/vitebsk/vitebsk-sample-shelter.yml [sample]: verified 2024-05-01, "
        "30 months and 27 days ago",
    ]
    translations = text.split("Entries missing a translation, real ones first\n")[1]
    marks = ["[sample]" in line for line in translations.split("\n\n")[0].splitlines()]
    assert marks == sorted(marks) and True in marks and False in marks


def test_the_boundary_is_stated_the_same_way_everywhere(data_dir: Path) -> None:
    """Exactly 12 months ago is not stale; one day more is, and every summary says so."""
    _stale_fixture(data_dir)
    directory = load_directory(data_dir, today=TODAY)
    report = build_report(directory, today=TODAY)
    stale = [item["entry"] for item in report.stale]
    assert "pinsk-crisis-room" not in stale and "brest-psychologist" in stale
    short = short_report(directory, today=TODAY)
    assert (
        "Stale: 3 entries (2 real, 1 sample) last verified before 2025-11-28 "
        "(more than 12 months ago)." in short
    )
    assert report.stale_before == "2025-11-28"
