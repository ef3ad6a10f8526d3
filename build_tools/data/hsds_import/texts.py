"""Texts from another system: which of our languages they are in, and ids made from names."""

from __future__ import annotations

import re

from ..model import LANGUAGES

_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЎў]")
_BELARUSIAN_ONLY = re.compile(r"[ІіЎў]")
_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i u"
_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў", _LATIN.split(" "), strict=True))


def guess_language(text: str, declared: str | None) -> str:
    """The declared language when it is one of ours, else a guess from the script.

    Belarusian is told from Russian by і and ў; Latin script is taken as English. The editor
    reviews every imported file, and the report says when a language was guessed.
    """
    if declared in LANGUAGES:
        return declared
    if _CYRILLIC.search(text):
        return "be" if _BELARUSIAN_ONLY.search(text) else "ru"
    return "en"


def slug(text: str) -> str:
    """An entry id from a name: Latin letters, digits and single hyphens, at most 60 long."""
    out = []
    for char in text.lower():
        mapped = _TRANSLIT.get(char)
        if mapped is not None:
            out.append("" if mapped == "_" else mapped)
        elif char.isascii() and char.isalnum():
            out.append(char)
        else:
            out.append("-")
    text = re.sub(r"-+", "-", "".join(out)).strip("-")
    return text[:60].rstrip("-")
