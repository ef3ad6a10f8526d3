"""The words of the directory pages in every language, read once per process.

They live in ``strings.yml`` beside this module (key → {ru, be, en}) so a translator edits one
file; counted phrases use the plural categories of the page's language from Babel.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import yaml
from babel import Locale

from build_tools.data.model import DEFAULT_LANGUAGE

STRINGS_FILE = Path(__file__).resolve().parent / "strings.yml"


@functools.lru_cache(maxsize=8)
def words(lang: str) -> Mapping[str, str | Mapping[str, str]]:
    """Every page word in ``lang``; a missing translation falls back to the default language."""
    with STRINGS_FILE.open(encoding="utf-8") as handle:
        table = yaml.safe_load(handle)
    for key, texts in table.items():
        for value in texts.values():
            # PyYAML reads a bare yes/no as a boolean: quote such words in strings.yml.
            if not isinstance(value, str | dict):
                raise ValueError(f"{STRINGS_FILE}: {key}: {value!r} is not text; quote it")
    return MappingProxyType(
        {key: texts.get(lang) or texts[DEFAULT_LANGUAGE] for key, texts in table.items()}
    )


@functools.lru_cache(maxsize=8)
def _plural_rule(lang: str):  # noqa: ANN202 - Babel's PluralRule
    return Locale.parse(lang).plural_form


def counted(lang: str, key: str, n: int) -> str:
    """``counted("ru", "count_entries", 3)`` → "3 службы", by the language's plural rules."""
    forms = words(lang)[key]
    assert isinstance(forms, Mapping), f"{key} is not a counted phrase"
    form = _plural_rule(lang)(n)
    return (forms.get(form) or forms["other"]).replace("{n}", str(n))
