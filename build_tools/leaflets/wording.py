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
from build_tools.weekdays import days_text, span_text

STRINGS_FILE = Path(__file__).with_name("strings.yml")


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
        when = t("daily", lang) if len(set(days)) == 7 else days_text(days, lang)
        rules.append(f"{when} {', '.join(span_text(s, e) for s, e in spans)}")
    return "; ".join(rules)


def cost_text(phone: Phone, lang: str) -> str:
    if phone.cost == "free":
        return t("free", lang)
    if phone.cost == "free-landline":
        return t("free_landline", lang)
    return ""
