"""The leaflets' printed words: UI strings per language, opening hours and dates.

Everything a leaflet says that does not come from the directory lives in ``strings.yml`` so a
translator edits one file, and the three languages can be checked side by side.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel.dates import format_date

from build_tools.data.model import Hours, Phone

STRINGS_FILE = Path(__file__).with_name("strings.yml")
DAY_MINUTES = 24 * 60


@cache
def _strings() -> dict[str, dict[str, Any]]:
    with STRINGS_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def t(key: str, lang: str, **values: object) -> Any:
    """The string ``key`` in ``lang`` (falling back to Russian), with ``{name}`` filled in."""
    entry = _strings()[key]
    text = entry.get(lang) or entry["ru"]
    if values and isinstance(text, str):
        return text.format(**values)
    return text


class Strings:
    """``s.key`` in templates: the UI string in one language."""

    def __init__(self, lang: str) -> None:
        self._lang = lang

    def __getattr__(self, key: str) -> Any:
        return t(key, self._lang)


def long_date(day: dt.date, lang: str) -> str:
    """A date as people write it in that language ("20 октября 2026 г.")."""
    return format_date(day, "long", locale=lang)


def _clock(minute: int) -> str:
    within = minute % DAY_MINUTES
    return f"{within // 60:02d}:{within % 60:02d}"


def _span(start: int, end: int) -> str:
    """One span of a day; an end past midnight (20:00–08:00) is written as the clock shows it."""
    end_text = "24:00" if end == DAY_MINUTES else _clock(end)
    return f"{_clock(start)}–{end_text}"


def _days(days: tuple[int, ...], lang: str) -> str:
    """Weekdays as ranges ("Пн–Пт, Сб"): the way opening hours are posted on doors."""
    names = t("weekdays", lang)
    if tuple(sorted(days)) == tuple(range(7)):
        return t("daily", lang)
    parts: list[str] = []
    ordered = sorted(set(days))
    run_start = previous = ordered[0]
    for day in [*ordered[1:], None]:
        if day is not None and day == previous + 1:
            previous = day
            continue
        if previous - run_start >= 2:
            parts.append(f"{names[run_start]}–{names[previous]}")
        elif previous != run_start:
            parts.append(f"{names[run_start]}, {names[previous]}")
        else:
            parts.append(names[run_start])
        if day is not None:
            run_start = previous = day
    return ", ".join(parts)


def hours_text(hours: Hours | None, lang: str) -> str:
    """Opening hours in the editor's grouping, or "круглосуточно"; "" when unknown."""
    if hours is None:
        return ""
    if hours.always:
        return t("around_the_clock", lang)
    rules = []
    for days, spans in hours.rules:
        if not days or not spans:
            continue
        rules.append(f"{_days(days, lang)} {', '.join(_span(s, e) for s, e in spans)}")
    return "; ".join(rules)


def cost_text(phone: Phone, lang: str) -> str:
    if phone.cost == "free":
        return t("free", lang)
    if phone.cost == "free-landline":
        return t("free_landline", lang)
    return ""
