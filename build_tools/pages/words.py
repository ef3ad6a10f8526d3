"""The words of the directory pages in every language, read once per process.

They live in ``strings.yml`` beside this module (key → {ru, be, en}), with the words
other outputs print too in the shared table (:mod:`build_tools.strings`); counted phrases
use the plural categories of the page's language from Babel.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from babel import Locale

from build_tools.strings import words_in

STRINGS_FILE = Path(__file__).resolve().parent / "strings.yml"


def words(lang: str) -> Mapping[str, str | Mapping[str, str]]:
    """Every page word in ``lang``; a missing translation falls back to the default language."""
    return words_in(lang, STRINGS_FILE)


@functools.lru_cache(maxsize=8)
def _plural_rule(lang: str):  # noqa: ANN202 - Babel's PluralRule
    return Locale.parse(lang).plural_form


def counted(lang: str, key: str, n: int) -> str:
    """``counted("ru", "count_entries", 3)`` → "3 службы", by the language's plural rules."""
    forms = words(lang)[key]
    assert isinstance(forms, Mapping), f"{key} is not a counted phrase"
    form = _plural_rule(lang)(n)
    return (forms.get(form) or forms["other"]).replace("{n}", str(n))
