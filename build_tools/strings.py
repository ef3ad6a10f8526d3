"""One loader for every table of translated words (key → {ru, be, en}).

Each output keeps the words only it uses in a ``strings.yml`` beside it; words that several
outputs print (opening hours, for one) live in ``build_tools/strings.yml``, so a phrase is
translated once and reads the same on a page and on paper. A key defined in two tables that
are read together is an error, and a missing translation falls back to Russian.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from build_tools.data.model import DEFAULT_LANGUAGE

#: Words more than one output prints.
SHARED_FILE = Path(__file__).resolve().with_name("strings.yml")

Words = Mapping[str, Any]


@functools.lru_cache(maxsize=16)
def read_table(path: Path) -> Mapping[str, Mapping[str, Any]]:
    """A strings file as read (cached); a value YAML did not read as text is an error."""
    with path.open(encoding="utf-8") as handle:
        table = yaml.safe_load(handle) or {}
    for key, texts in table.items():
        for value in texts.values():
            # PyYAML reads a bare yes/no as a boolean: quote such words in strings files.
            if not isinstance(value, str | dict | list):
                raise ValueError(f"{path}: {key}: {value!r} is not text; quote it")
    return MappingProxyType(table)


@functools.lru_cache(maxsize=64)
def words_in(lang: str, *paths: Path) -> Words:
    """The shared words and those of ``paths``, in ``lang`` (Russian where a text is missing)."""
    merged: dict[str, Any] = {}
    for path in (SHARED_FILE, *paths):
        for key, texts in read_table(path).items():
            if key in merged:
                raise ValueError(f"{path}: {key}: already defined in another strings file")
            merged[key] = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return MappingProxyType(merged)
