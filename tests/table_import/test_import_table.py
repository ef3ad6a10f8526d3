"""``import-table``: a real-looking regional list (.xlsx and `;` cp1251 .csv) → entries.

What an editor relies on: every row of the sheet is accounted for by its number, places,
phones and hours come out right, a confidential address is written nowhere, and the files
validate once moved into ``entries/``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.data.helpers import Runner
from tests.table_import.sheet import FIRST_DATA_ROW, ROWS, SECRET_STREETS, write_csv, write_xlsx

WRITERS = {"xlsx": write_xlsx, "csv": write_csv}


def _load(file: Path) -> dict:
    return yaml.safe_load(file.read_text(encoding="utf-8"))


@pytest.fixture(params=sorted(WRITERS))
def imported(request: pytest.FixtureRequest, tmp_path: Path, data_dir: Path, run_cli: Runner):
    """Run the command on the sheet; return (exit code, output, review folder, files by row)."""
    sheet = WRITERS[request.param](tmp_path / f"список.{request.param}")
    out = tmp_path / "review"
    code, printed = run_cli("import-table", str(sheet), "--data", str(data_dir), "--out", str(out))
    report = (out / "import-report.txt").read_text(encoding="utf-8") if out.exists() else ""
    by_row = {}
    for number, target in re.findall(r":(\d+): written to (\S+)", report):
        by_row[int(number)] = out / target
    return code, printed, out, by_row, report


def test_every_row_is_accounted_for_by_its_number(imported) -> None:
    code, printed, _out, by_row, report = imported
    assert code == 0, printed
    rows = range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(ROWS))
    for number in rows:
        lines = [line for line in report.splitlines() if re.search(rf":{number}: ", line)]
        assert len(lines) == 1, (number, report)
    assert sorted(by_row) == [4, 5, 6, 7, 10]
    assert re.search(r":8: skipped: possible duplicate of row 5", report)
    assert re.search(r":9: skipped: no phone, e-mail or website", report)
    assert "column 1 `№` is not a known heading" in report


def test_places_phones_and_hours_come_out_right(imported) -> None:
    *_, by_row, _report = imported
    pinsk = _load(by_row[4])
    assert (pinsk["region"], pinsk["locality"]) == ("brest", "pinsk")
    assert pinsk["services"] == ["crisis-room"]
    assert pinsk["phones"] == [
        {"number": "8 0165 12-34-56", "hours": "24/7"},
        {"number": "8 801 100-88-01"},
    ]
    assert pinsk["hours"] == "24/7"
    assert pinsk["status"] == "unconfirmed"
    assert pinsk["source"] == "Список ТЦСОН"
    assert str(pinsk["source_date"]) == "2026-09-01"

    brest = _load(by_row[5])
    assert (brest["region"], brest["locality"]) == ("brest", "brest")
    assert brest["services"] == ["psychological", "legal"]
    assert brest["phones"] == [
        {"number": "8 0162 21-22-23"},
        {"number": "21-22-24", "label": {"ru": "после 17.30"}},
    ]
    assert brest["hours"] == "Mo-Fr 08:30-17:30; Sa 09:00-13:00"
    assert brest["address"] == {"ru": "ул. Открытая, 10"}
    assert brest["source"].startswith("список.")
    text = by_row[5].read_text(encoding="utf-8")
    assert "# To do: add the area code to `21-22-24`" in text
    assert "# To do: may this address be shown on the site?" in text

    national = _load(by_row[6])
    assert national["national"] is True and "region" not in national
    assert national["hours"] == "Mo-Su 08:00-20:00"

    vitebsk = _load(by_row[7])
    assert (vitebsk["region"], vitebsk["locality"]) == ("vitebsk", "vitebsk")
    assert vitebsk["hours"] == "Mo-Fr 09:00-18:00; Su off"

    unknown_town = by_row[10].read_text(encoding="utf-8")
    assert "the place `г. Барановичи` is not in regions.yml" in unknown_town
    assert "the sheet says `по записи`" in unknown_town
    assert _load(by_row[10])["region"] == "brest"


def test_confidential_addresses_are_in_no_output(imported) -> None:
    _code, printed, out, by_row, _report = imported
    for row in (4, 7):  # a yes in the column; a shelter with "нет" in it
        data = _load(by_row[row])
        assert data["address_visibility"] == "locality"
        assert "address" not in data
    files = [file for file in out.rglob("*") if file.is_file()]
    assert len(files) == 6  # five entries and the report
    for file in files:
        text = file.read_text(encoding="utf-8")
        for street in SECRET_STREETS:
            assert street not in text, file
    for street in SECRET_STREETS:
        assert street not in printed


def test_written_entries_validate_once_moved(imported, data_dir: Path, run_cli: Runner) -> None:
    *_, by_row, _report = imported
    for file in by_row.values():
        target = data_dir / "entries" / file.parent.name / file.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(file, target)
    code, out = run_cli("validate", str(data_dir))
    assert code == 0, out
    assert " 0 errors" in out
    warnings = [line for line in out.splitlines() if ": warning: " in line]
    assert warnings, out  # the number without its area code
    for line in warnings:
        assert re.match(rf"\s*{re.escape(str(data_dir))}/entries/\S+\.yml:\d+:\d+: ", line), line
