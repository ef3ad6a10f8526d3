"""Every CSV file the site publishes neutralises formula cells, the HSDS tables included."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

from build_tools.data.hsds_import.reader import read_packages
from build_tools.data.model import Directory, Text
from build_tools.feeds import write_feeds

from .helpers import SITE_URL

EVIL = {
    "ru": '=HYPERLINK("https://evil.example/","Нажмите")',
    "be": "@SUM(1+1)*cmd|' /C calc'!A0",
    "en": "-2+3+cmd|' /C calc'!A0",
}


def test_every_published_csv_neutralises_formulas(directory: Directory, tmp_path: Path) -> None:
    """Issue 19, defect 10: `=HYPERLINK(…)` in a name reaches no CSV cell as a formula."""
    evil = dataclasses.replace(
        directory.entry("minsk-legal-aid"),
        name=Text(EVIL),
        summary=Text({"ru": "+375 (17) 000-00-00 =1+1"}),
    )
    entries = tuple(evil if e.id == evil.id else e for e in directory.entries)
    out = tmp_path / "data"
    write_feeds(dataclasses.replace(directory, entries=entries), out, site_url=SITE_URL)

    files = sorted(out.rglob("*.csv"))
    hsds = [f for f in files if "hsds" in f.parts]
    assert len(hsds) >= 3 * 10, "every HSDS table of every language is checked"
    seen = set()
    for file in files:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (file, cell)
                    seen.add(cell)
    for text in EVIL.values():
        assert "'" + text in seen  # still there, readable, as text
    services = (out / "hsds" / "ru" / "services.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in services


def test_our_importer_reads_the_neutralised_cells_back_as_written(
    directory: Directory, tmp_path: Path
) -> None:
    """Issue 19, defect 10: the apostrophe is for spreadsheets; a round trip keeps the text."""
    evil = dataclasses.replace(directory.entry("minsk-legal-aid"), name=Text(EVIL))
    entries = tuple(evil if e.id == evil.id else e for e in directory.entries)
    out = tmp_path / "data"
    write_feeds(dataclasses.replace(directory, entries=entries), out, site_url=SITE_URL)
    (package,) = read_packages(out / "hsds" / "ru")
    names = {record.peek("name") for record in package.rows("service")}
    assert EVIL["ru"] in names
    numbers = {record.peek("number") for record in package.rows("phone")}
    assert "+375171234567" in numbers  # not "'+375…"
