"""Reading the coverage page and coverage.csv the way a reader does, to check that they agree.

The chart is read from what is drawn (each bar's printed number and its length), the tables
from their cells, the CSV with the csv module: nothing here calls the code that made them.
"""

from __future__ import annotations

import csv
import io
import re
from xml.etree.ElementTree import Element

import tinyhtml5

SVG = "{http://www.w3.org/2000/svg}"
HTML = "{http://www.w3.org/1999/xhtml}"

#: Table column (data-measure) → coverage.csv column.
TABLE_TO_CSV = {
    "people": "population",
    "stay": "crisis_rooms_and_shelters",
    "known": "places_known_at_least",
    "needed": "places_needed_1_per_10000",
    "counselling": "counselling_services",
    "counselling_needed": "counselling_needed_1_per_50000_women",
    "lines_24h": "lines_24h",
    "unconfirmed": "unconfirmed",
}


def number(text: str) -> int | None:
    """ "1 299 912", "1,299,912" → 1299912; text without digits ("no data") → None."""
    digits = re.sub(r"\D", "", text)
    return int(digits) if digits else None


def _text(element: Element) -> str:
    return "".join(element.itertext())


def _chart_svg(html: str) -> Element:
    """The chart (the page's other SVGs are the theme's icons)."""
    charts = [
        svg
        for svg in tinyhtml5.parse(html).iter(f"{SVG}svg")
        if "helpdir-chart" in (svg.get("class") or "").split()
    ]
    assert len(charts) == 1, f"the page has {len(charts)} charts, not one"
    return charts[0]


def chart(html: str) -> dict[str, dict[str, tuple[int, float]]]:
    """Region → measure ("known", "needed") → (the number printed, the bar's drawn length)."""
    svg = _chart_svg(html)
    found: dict[str, dict[str, tuple[int, float]]] = {}
    for group in svg.iter(f"{SVG}g"):
        region = group.get("data-region")
        if not region:
            continue
        # the visible length: an outlined bar's stroke adds half its width on either end
        bars = {
            r.get("data-measure"): float(r.get("width", "0")) + float(r.get("stroke-width", "0"))
            for r in group.iter(f"{SVG}rect")
        }
        labels = {t.get("data-measure"): _text(t) for t in group.iter(f"{SVG}text")}
        found[region] = {
            measure: (number(labels[measure]), bars.get(measure, 0.0))
            for measure in ("known", "needed")
        }
    return found


def chart_alternative(html: str) -> tuple[str, str, str]:
    """The chart's role, and the texts its ``aria-labelledby`` points at (title, desc)."""
    svg = _chart_svg(html)
    ids = (svg.get("aria-labelledby") or "").split()
    texts = {e.get("id"): _text(e) for e in svg.iter() if e.get("id") in ids}
    return svg.get("role") or "", texts.get(ids[0], ""), texts.get(ids[-1], "")


def tables(html: str) -> dict[str, dict[str, int | None]]:
    """Region → column (the cell's ``data-measure``) → the number the cell shows first."""
    found: dict[str, dict[str, int | None]] = {}
    for row in tinyhtml5.parse(html).iter(f"{HTML}tr"):
        region = row.get("data-region")
        if not region:
            continue
        cells = found.setdefault(region, {})
        for cell in row.iter(f"{HTML}td"):
            # the first text is the figure; a note after it ("2 without a stated number") is not
            cells[cell.get("data-measure") or ""] = number(cell.text or "")
    return found


def csv_rows(text: str) -> dict[str, dict[str, str]]:
    """Region id → its row of coverage.csv."""
    return {row["region"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}


def disagreements(html: str, csv_text: str) -> list[str]:
    """Every place where the chart, the tables and the CSV do not say the same thing."""
    problems = []
    drawn, cells, rows = chart(html), tables(html), csv_rows(csv_text)
    if not (set(drawn) == set(cells) == set(rows)):
        problems.append(
            f"regions differ: chart {sorted(drawn)}, table {sorted(cells)}, csv {sorted(rows)}"
        )
    drawn_bars = []
    for region in sorted(set(drawn) & set(cells) & set(rows)):
        for measure in ("known", "needed"):
            printed, length = drawn[region][measure]
            if printed != cells[region][measure]:
                problems.append(
                    f"{region} {measure}: chart {printed}, table {cells[region][measure]}"
                )
            drawn_bars.append((region, measure, printed or 0, length))
        for column, csv_column in TABLE_TO_CSV.items():
            cell = cells[region].get(column)
            value = rows[region][csv_column]
            if cell != (int(value) if value else None):
                problems.append(f"{region} {column}: table {cell}, csv {value!r}")
    # one scale for every bar: each length is its number times the longest bar's units per place
    longest = max(drawn_bars, key=lambda bar: bar[2], default=None)
    if longest and longest[2]:
        scale = longest[3] / longest[2]
        for region, measure, printed, length in drawn_bars:
            if abs(length - printed * scale) > 0.2:
                problems.append(f"{region} {measure}: bar {length} long for {printed}")
    return problems
