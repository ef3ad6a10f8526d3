"""The page "Where help is missing" (``directory/coverage/``), for professionals and advocates.

It prints :func:`build_tools.data.coverage.coverage` as a bar chart, two tables and a list of
regions without a round-the-clock line, with its limits said first: what is counted, as of
when, how many entries are not yet confirmed, and whose population figures are used. The chart,
the tables and ``coverage.csv`` take the same values, so they cannot disagree.
"""

from __future__ import annotations

import datetime as _dt
import html

from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup

from build_tools.data.coverage import Coverage, RegionCoverage, coverage
from build_tools.data.model import Directory
from build_tools.i18n import url_prefix
from build_tools.pages.coverage_chart import Bar, bar_chart
from build_tools.pages.generated import GeneratedPage
from build_tools.pages.language import PageLanguage
from build_tools.pages.render import render

SRC_URI = "directory/coverage/index.md"
#: The open-data file with the same numbers (written by the feeds stage).
CSV_NAME = "coverage.csv"


def coverage_page(L: PageLanguage, figures: Coverage) -> GeneratedPage:
    """The page in ``L``'s language; rendered only when MkDocs writes it."""
    lang = L.code

    def number(n: int) -> str:
        return format_decimal(n, locale=lang)

    def day(value: _dt.date) -> Markup:
        return Markup('<time datetime="{}">{}</time>').format(
            value.isoformat(), format_date(value, format="long", locale=lang)
        )

    def body() -> str:
        population = L.directory.population
        regions = figures.regions
        chart = bar_chart(
            [
                Bar(
                    r.region,
                    L.plain(L.directory.region(r.region).name),
                    r.places_known,
                    r.places_needed,
                )
                for r in regions
            ],
            title=L.word("coverage_chart_title"),
            desc=L.word("coverage_chart_desc"),
            known_label=L.word("coverage_places_known"),
            needed_label=L.word("coverage_places_needed"),
            number=number,
        )
        women_known = any(r.women is not None for r in regions)
        depth = 2 + (1 if url_prefix(lang) else 0)
        return render(
            "coverage.html",
            L=L,
            figures=figures,
            regions=regions,
            chart=chart,
            number=number,
            day=day,
            population=population,
            women_known=women_known,
            totals=_totals(regions),
            no_line=figures.without_24h_line,
            csv_url="../" * depth + "data/" + CSV_NAME,
        )

    return GeneratedPage(
        SRC_URI,
        _escaped(L.word("coverage_title")),
        body,
        description=_escaped(L.word("coverage_description")),
    )


def _totals(regions: tuple[RegionCoverage, ...]) -> dict[str, int]:
    keys = ("people", "stay_services", "places_known", "places_needed", "counselling", "lines_24h")
    return {key: sum(getattr(r, key) for r in regions) for key in keys}


def _escaped(text: str) -> str:
    """Material writes ``page.meta.title`` and ``description`` as they are: escape here."""
    return html.escape(text, quote=True)


def coverage_pages(directory: Directory, L: PageLanguage) -> list[GeneratedPage]:
    """The page, when the data folder has population figures; none otherwise."""
    figures = coverage(directory)
    return [] if figures is None else [coverage_page(L, figures)]
