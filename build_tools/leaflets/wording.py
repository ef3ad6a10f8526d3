"""The leaflets' printed words: UI strings per language and dates.

Everything a leaflet says that does not come from the directory lives in ``strings.yml`` so a
translator edits one file, and the three languages can be checked side by side; words the
pages print too (opening hours) come from the shared table, and hours from the one formatter
the pages use (:mod:`build_tools.hours_text`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from babel.dates import format_date

from build_tools.data.model import Phone
from build_tools.hours_text import hours_text
from build_tools.strings import read_table, words_in

__all__ = ["Strings", "cost_text", "hours_text", "long_date", "t"]

STRINGS_FILE = Path(__file__).with_name("strings.yml")


def _strings() -> Mapping[str, Mapping[str, Any]]:
    """The leaflets' own table, as written (for the tests that compare its languages)."""
    return read_table(STRINGS_FILE)


def t(key: str, lang: str, **values: object) -> Any:
    """The string ``key`` in ``lang`` (falling back to Russian), with ``{name}`` filled in."""
    text = words_in(lang, STRINGS_FILE)[key]
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


def cost_text(phone: Phone, lang: str) -> str:
    if phone.cost == "free":
        return t("free", lang)
    if phone.cost == "free-landline":
        return t("free_landline", lang)
    return ""
