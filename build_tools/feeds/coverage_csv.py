"""``coverage.csv``: the numbers of the page "Where help is missing", one row per region.

The same values as the page's chart and tables (:func:`build_tools.data.coverage.coverage`),
for people who compare regions in a spreadsheet or quote them in a report. Written like
``directory.csv``: UTF-8 with a byte-order mark, CRLF line ends, through the site's one CSV
writer. An empty cell means the figure is not known (women, where the population source does
not give them).
"""

from __future__ import annotations

from pathlib import Path

from build_tools.data.coverage import PEOPLE_PER_PLACE, WOMEN_PER_COUNSELLING, Coverage
from build_tools.data.model import LANGUAGES, Directory
from build_tools.safety.csv_writer import csv_text

COVERAGE_CSV_NAME = "coverage.csv"


def columns() -> list[str]:
    """The header row, in order (documented on the Open data page)."""
    return [
        "region",
        *(f"region_name_{lang}" for lang in LANGUAGES),
        "population",
        "women",
        "population_as_of",
        "crisis_rooms_and_shelters",
        "places_stated",
        "places_not_stated",
        "places_known_at_least",
        f"places_needed_1_per_{PEOPLE_PER_PLACE}",
        "counselling_services",
        f"counselling_needed_1_per_{WOMEN_PER_COUNSELLING}_women",
        "lines_24h",
        "unconfirmed",
    ]


def render_coverage_csv(directory: Directory, figures: Coverage) -> str:
    rows = []
    for r in figures.regions:
        names = directory.region(r.region).name
        rows.append(
            [
                r.region,
                *(names.values.get(lang) for lang in LANGUAGES),
                str(r.people),
                None if r.women is None else str(r.women),
                figures.population_as_of.isoformat(),
                str(r.stay_services),
                str(r.places_stated),
                str(r.places_not_stated),
                str(r.places_known),
                str(r.places_needed),
                str(r.counselling),
                None if r.counselling_needed is None else str(r.counselling_needed),
                str(r.lines_24h),
                str(r.unconfirmed),
            ]
        )
    return csv_text(columns(), rows)


def write_coverage_csv(directory: Directory, figures: Coverage, path: Path) -> None:
    path.write_bytes(render_coverage_csv(directory, figures).encode("utf-8-sig"))
