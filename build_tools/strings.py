"""The one loader of translated words: one table per language, one fallback (to the default).

Words stay beside what prints them (``strings.yml``: key → text per language): the shared
``build_tools/strings.yml`` (words several outputs print, such as opening hours), one file per
output or face (``build_tools/<part>/strings.yml``: pages, leaflets, bot, confirm, feeds) and one
per front-end component (``overrides/components/<name>/strings.yml``). This module reads them all
into one table per language, each key named by its owner (``pages.free_n``, ``finder.title``;
a shared key has no owner), so:

- a missing translation falls back to the default language, the same way for every reader;
- no key is defined twice: an output's key may not repeat a shared one (the output reads both);
- a phrase is translated once: where another key needs the same words it says
  ``{same_as: owner.key}`` (``capital: true`` for a capital first letter) instead of
  translating them again (``tests/quality/test_strings.py`` refuses two keys with the same text);
- ``python -m build_tools report`` lists the keys a language lacks (:func:`missing`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from build_tools.languages import DEFAULT_LANGUAGE

_BUILD_TOOLS = Path(__file__).resolve().parent
#: Words more than one output prints.
SHARED_FILE = _BUILD_TOOLS / "strings.yml"
#: The front-end components, one folder each (template, script, styles, strings, tests).
COMPONENTS_DIR = _BUILD_TOOLS.parent / "overrides" / "components"

Words = Mapping[str, Any]


class StringsError(ValueError):
    """A strings file that cannot be read as a table of translated words."""


Files = tuple[tuple[str, Path], ...]


def strings_files() -> dict[str, Path]:
    """Every strings file by owner ("" for the shared one), in reading order."""
    files = {"": SHARED_FILE}
    files |= {path.parent.name: path for path in sorted(_BUILD_TOOLS.glob("*/strings.yml"))}
    for path in sorted(COMPONENTS_DIR.glob("*/strings.yml")):
        if path.parent.name in files:
            raise StringsError(f"{path}: a part of build_tools has the same name")
        files[path.parent.name] = path
    return files


def owner_of(path: Path) -> str:
    """The owner of a strings file, as its keys are named in the table."""
    for owner, known in strings_files().items():
        if known == Path(path).resolve():
            return owner
    raise StringsError(f"{path}: not a strings file the loader reads (see build_tools/strings.py)")


def qualified(owner: str, key: str) -> str:
    return f"{owner}.{key}" if owner else key


@functools.lru_cache(maxsize=64)
def read_table(path: Path) -> Mapping[str, Mapping[str, Any]]:
    """A strings file as written (cached); a value YAML did not read as text is an error."""
    with Path(path).open(encoding="utf-8") as handle:
        table = yaml.safe_load(handle) or {}
    for key, texts in table.items():
        if not isinstance(texts, dict):
            raise StringsError(f"{path}: {key}: write the texts per language (ru: …, be: …)")
        for lang, value in texts.items():
            # PyYAML reads a bare yes/no as a boolean: quote such words in strings files.
            if lang not in ("same_as", "capital") and not isinstance(value, str | dict | list):
                raise StringsError(f"{path}: {key}: {value!r} is not text; quote it")
    return MappingProxyType(table)


@functools.lru_cache(maxsize=4)
def sources(files: Files | None = None) -> Mapping[str, tuple[Path, Mapping[str, Any]]]:
    """Every key of every strings file (``files``: owner and path, the shared file first;
    the project's own by default), qualified by its owner: (file, what it says)."""
    files = files or tuple(strings_files().items())
    found: dict[str, tuple[Path, Mapping[str, Any]]] = {}
    for owner, path in files:
        for key, texts in read_table(path).items():
            found[qualified(owner, key)] = (path, texts)
    for name, (path, texts) in found.items():
        target = texts.get("same_as")
        if target is not None and target not in found:
            raise StringsError(f"{path}: {name}: same_as names `{target}`, which no file defines")
        if target is None and not texts.get(DEFAULT_LANGUAGE):
            raise StringsError(f"{path}: {name}: the {DEFAULT_LANGUAGE} text is missing")
    return MappingProxyType(found)


def _text(name: str, lang: str, seen: tuple[str, ...] = ()) -> Any:
    path, texts = sources()[name]
    if name in seen:
        raise StringsError(f"{path}: {name}: same_as leads back to itself")
    target = texts.get("same_as")
    if target is None:
        return texts.get(lang) or texts[DEFAULT_LANGUAGE]
    text = _text(target, lang, (*seen, name))
    if texts.get("capital") and isinstance(text, str):
        text = text[:1].upper() + text[1:]
    return text


@functools.lru_cache(maxsize=16)
def table(lang: str) -> Words:
    """Every key in ``lang`` (qualified: ``pages.free_n``), the default language's text where
    ``lang`` has none."""
    return MappingProxyType({name: _text(name, lang) for name in sources()})


@functools.lru_cache(maxsize=64)
def words_in(lang: str, *paths: Path) -> Words:
    """The shared words and those of the owners of ``paths``, by their own keys, in ``lang``."""
    owners = {owner_of(path) for path in paths}
    words = table(lang)
    out: dict[str, Any] = {}
    for name, text in words.items():
        owner, key = _split(name)
        if owner == "" or owner in owners:
            if key in out:
                raise StringsError(
                    f"{sources()[name][0]}: {key}: already defined in {SHARED_FILE}; remove one"
                )
            out[key] = text
    return MappingProxyType(out)


@functools.lru_cache(maxsize=16)
def ui_strings(lang: str) -> Mapping[str, Mapping[str, str]]:
    """Each front-end component's words in ``lang``, as templates read them
    (``helpdir.ui[component][key]``)."""
    components = {path.parent.name for path in COMPONENTS_DIR.glob("*/strings.yml")}
    out: dict[str, dict[str, str]] = {name: {} for name in sorted(components)}
    for name, text in table(lang).items():
        owner, key = _split(name)
        if owner in out:
            out[owner][key] = text
    return MappingProxyType(out)


def _split(name: str) -> tuple[str, str]:
    owner, dot, key = name.partition(".")
    return (owner, key) if dot else ("", name)


def missing(lang: str, files: Files | None = None) -> list[str]:
    """The keys (qualified) with no text of their own in ``lang``: they print the default's."""
    return [
        name
        for name, (_path, texts) in sources(files).items()
        if "same_as" not in texts and not texts.get(lang)
    ]


def same_texts(lang: str = DEFAULT_LANGUAGE, files: Files | None = None) -> list[list[str]]:
    """Groups of keys that carry the same text in ``lang`` (letter case aside): a phrase
    translated twice, which should be one key and a ``same_as``."""
    by_text: dict[str, list[str]] = {}
    for name, (_path, texts) in sources(files).items():
        if "same_as" in texts or not isinstance(texts.get(lang), str):
            continue
        by_text.setdefault(" ".join(texts[lang].split()).casefold(), []).append(name)
    return [names for names in by_text.values() if len(names) > 1]
