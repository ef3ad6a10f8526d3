"""Checks on the characters and the length of every text an editor writes.

Invisible characters change what a reader sees without the editor seeing it: a right-to-left
override (U+202E) turns a web address or a name around, a zero-width space (U+200B) splits a
word the finder should find, a NUL cuts text short in other programs. None of them belongs in
the directory, so each is an error naming the field, the character and where it is.

Limits on length keep a pasted document out of a one-line field: a name or a summary that runs
to pages would fill a region page, a finder card and a leaflet. They are generous: a real text
never meets them.

A confidential place (``address_visibility: locality`` or ``hidden``) gets one more check: its
free text must not read like an address, since everything in it is published.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from build_tools.languages import LANGUAGES
from build_tools.messages import _

from .errors import WARNING
from .yaml_loader import Document, Path_

#: Line breaks and tabs are ordinary in text (a block scalar keeps its line breaks).
_ALLOWED_CONTROLS = frozenset("\n\t")
#: Unicode categories no text here needs: controls, invisible format characters (bidi
#: overrides and isolates, zero-width spaces and joiners, soft hyphens, the byte-order mark),
#: surrogates and private-use characters. (Unassigned code points pass: a newer emoji is not
#: known to every Python's Unicode tables.)
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co"})
#: Line and paragraph separators break lines in JavaScript and JSON readers but not in YAML.
_REFUSED_EXTRA = frozenset("\u2028\u2029")

#: The longest text each field may hold (characters). Keys are field paths with list positions
#: left out (``phones.label``); a text in several languages is limited per language.
LIMITS: dict[str, int] = {
    "id": 80,
    "name": 300,
    "summary": 1000,
    "address": 300,
    "admission.notes": 1500,
    "phones.number": 40,
    "phones.label": 150,
    "phones.hours": 300,
    "hours": 300,
    "email": 254,
    "website": 2000,
    # A page address (often percent-encoded Cyrillic) or a document's name.
    "source": 2000,
    "messengers.telegram": 64,
    "messengers.viber": 40,
    "messengers.whatsapp": 40,
    "description": 1000,
}
#: Any other text (an id in a list, a region name, …).
DEFAULT_LIMIT = 300

_LANGUAGE_KEYS = frozenset(LANGUAGES)


def _key(path: Path_) -> str:
    """``("phones", 0, "label", "ru")`` → ``"phones.label"`` (the language and positions go)."""
    parts = [p for p in path if isinstance(p, str)]
    if parts and parts[-1] in _LANGUAGE_KEYS:
        parts = parts[:-1]
    return ".".join(parts)


def _texts(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text in loaded data, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))


def refused_character(text: str) -> tuple[int, str] | None:
    """``(position, character)`` of the first character no text may hold, or None."""
    if text.isprintable():  # the usual case, at C speed: no control, format or separator
        return None
    for i, ch in enumerate(text):
        if ch in _ALLOWED_CONTROLS:
            continue
        if ch in _REFUSED_EXTRA or unicodedata.category(ch) in _REFUSED_CATEGORIES:
            return i, ch
    return None


def character_name(ch: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``: what to search for in an editor."""
    name = unicodedata.name(ch, "")
    if not name and ord(ch) < 0x20:
        name = _("a control character")
    return f"U+{ord(ch):04X} ({name})" if name else f"U+{ord(ch):04X}"


def check_texts(doc: Document, data: Any, *, prefix: Path_ = ()) -> None:
    """Invisible characters and over-long texts anywhere in ``data``: errors in ``doc``."""
    for path, text in _texts(data, prefix):
        found = refused_character(text)
        if found is not None:
            position, ch = found
            doc.problem(
                path,
                _(
                    "the text holds an invisible character {character_name} after {position} "
                    "characters"
                ).format(character_name=character_name(ch), position=position),
                _(
                    "delete it: retype the text around that place, or copy it from a "
                    "plain-text source (such characters can turn text around or hide part of "
                    "it)"
                ),
            )
        limit = LIMITS.get(_key(path[len(prefix) :]), DEFAULT_LIMIT)
        if len(text) > limit:
            doc.problem(
                path,
                _("the text is {len:,} characters long; this field holds at most {limit:,}").format(
                    len=len(text), limit=limit
                ),
                _(
                    "shorten it: long explanations belong on the entry's own website or in a "
                    "page under content/"
                ),
            )


# -- a street in a confidential place's free text

#: Street words (ru, be) that, followed by a number, make text an address.
_STREET_WORDS = (
    r"ул\.|улиц[аеуыи]\w*|вул\.|вуліц[аыу]\w*|пр-т|просп\.|проспект\w*|праспект\w*|"
    r"пер\.|переул\w*|завул\w*|бульвар\w*|б-р|пл\.|площад\w*|плошч\w*|шоссе|шаша"
)
#: A street word, a name of up to a few words, then a number; or "дом 5", "д. 5", "кв. 12".
ADDRESS_LIKE = re.compile(
    rf"(?<!\w)(?:(?:{_STREET_WORDS})[^\d\n;]{{0,40}}?\d+|(?:дом|д\.|кв\.)\s*№?\s*\d+)",
    re.IGNORECASE,
)
#: Free-text fields of an entry (every language of each).
_FREE_TEXT = ("name", "summary", "admission.notes", "phones.label")


def check_confidential_text(doc: Document, data: dict[str, Any]) -> None:
    """Warn when a confidential place's free text reads like a street address."""
    visibility = data.get("address_visibility")
    if visibility not in ("locality", "hidden"):
        return
    for path, text in _texts(data):
        if _key(path) not in _FREE_TEXT:
            continue
        match = ADDRESS_LIKE.search(text)
        if match is None:
            continue
        doc.problem(
            path,
            _(
                "`{group}` looks like an address, and this place's address is "
                "confidential (`address_visibility: {visibility}`)"
            ).format(group=match.group(0), visibility=visibility),
            _(
                "remove the street and the number: this text is published on the pages, "
                "in the finder, the open data and the leaflets; the address is given by "
                "phone"
            ),
            WARNING,
        )
