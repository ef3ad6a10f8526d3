"""The coverage page in a real build (the fixture directory): in every language, its chart, its
tables and coverage.csv in the open data say the same numbers, and the numbers are right."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pages.coverage_read import chart, chart_alternative, csv_rows, disagreements, tables
from tests.paths import FIXTURE_DIRECTORY

ROOTS = {"ru": "", "be": "be/", "en": "en/"}
TITLES = {
    "ru": "Где не хватает помощи",
    "be": "Дзе не хапае дапамогі",
    "en": "Where help is missing",
}


def _page(site: Path, lang: str) -> str:
    return (site / ROOTS[lang] / "directory/coverage/index.html").read_text(encoding="utf-8")


def _csv(site: Path) -> str:
    return (site / "data/coverage.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ROOTS)
def test_the_page_is_built_in_every_language(fixture_site: Path, lang: str) -> None:
    html = _page(fixture_site, lang)
    assert f"<h1>{TITLES[lang]}</h1>" in html
    assert f'<html lang="{lang}"' in html


@pytest.mark.parametrize("lang", ROOTS)
def test_chart_tables_and_csv_agree(fixture_site: Path, lang: str) -> None:
    assert disagreements(_page(fixture_site, lang), _csv(fixture_site)) == []


def test_the_check_sees_a_chart_or_csv_that_differs(fixture_site: Path) -> None:
    """A planted difference: one bar's number, one CSV cell; the comparison must name each."""
    html, text = _page(fixture_site, "en"), _csv(fixture_site)
    wrong_bar = html.replace('data-measure="needed">130<', 'data-measure="needed">131<', 1)
    assert wrong_bar != html
    assert "brest needed: chart 131, table 130" in disagreements(wrong_bar, text)
    wrong_cell = text.replace(",1299912,", ",1299913,", 1)
    assert wrong_cell != text
    assert "brest people: table 1299912, csv '1299913'" in disagreements(html, wrong_cell)


def _places_in_files(region: str) -> int:
    """Places in the region's crisis rooms and shelters as the fixture files state them (one
    for a file that states none), read straight from the YAML; examples are not counted."""
    total = 0
    for file in sorted((FIXTURE_DIRECTORY / "entries" / region).glob("*.yml")):
        entry = yaml.safe_load(file.read_text(encoding="utf-8"))
        if entry.get("status", "active") in ("active", "unconfirmed") and {
            "crisis-room",
            "shelter",
        } & set(entry["services"]):
            total += entry.get("places") or 1
    return total


def test_the_numbers_are_the_fixtures(fixture_site: Path) -> None:
    """From tests/fixtures/directory: the sample shelter in Vitebsk is left out, Brest has two
    crisis rooms and Minsk one shelter, Minsk's children line is 24/7; 130 and 200 places are
    one per 10,000 of 1,299,912 and 1,996,730 people."""
    drawn = chart(_page(fixture_site, "ru"))
    assert drawn["brest"]["known"][0] == _places_in_files("brest") >= 2
    assert drawn["minsk-city"]["known"][0] == _places_in_files("minsk-city") >= 1
    assert drawn["brest"]["needed"][0] == 130 and drawn["minsk-city"]["needed"][0] == 200
    assert drawn["vitebsk"]["known"] == (0, 0.0)
    cells = tables(_page(fixture_site, "en"))
    assert cells["minsk-city"]["counselling"] == 3
    assert cells["minsk-city"]["counselling_needed"] == 22  # 1,075,000 women / 50,000
    assert cells["brest"]["counselling_needed"] is None  # no women figure: "no data"
    assert [r for r in cells if cells[r]["lines_24h"] == 0] == ["brest", "vitebsk"]
    rows = csv_rows(_csv(fixture_site))
    assert rows["vitebsk"]["region_name_be"] == "Віцебская вобласць"
    assert rows["brest"]["women"] == "" and rows["minsk-city"]["women"] == "1075000"


@pytest.mark.parametrize("lang", ROOTS)
def test_the_chart_is_an_image_with_a_text_alternative(fixture_site: Path, lang: str) -> None:
    role, title, desc = chart_alternative(_page(fixture_site, lang))
    assert role == "img"
    assert len(title) > 20 and len(desc) > 40 and title != desc


def test_the_open_data_file_is_linked_from_the_page(fixture_site: Path) -> None:
    assert 'href="../../data/coverage.csv"' in _page(fixture_site, "ru")
    assert 'href="../../../data/coverage.csv"' in _page(fixture_site, "be")
    assert (fixture_site / "data/coverage.csv").read_bytes().startswith(b"\xef\xbb\xbf")
