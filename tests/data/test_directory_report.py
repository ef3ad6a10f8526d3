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
    assert "Stale: 1 entry not verified for more than 12 months." in lines


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
