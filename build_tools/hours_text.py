"""Opening hours written out in a language: "Пн–Пт 08:30–17:30; Вс выходной", "24/7".

The one formatter for pages, leaflets and the finder, so the same hours read the same on screen
and on paper. Weekday names and clock times come from ``build_tools.weekdays`` (Babel's CLDR
data), the words from the shared strings table. The editor's grouping of days
(``Hours.rules``) is kept: the text reads like the sign on the door.
"""

from __future__ import annotations

import functools

from build_tools.data.model import Hours
from build_tools.strings import words_in
from build_tools.weekdays import DAY_MINUTES, days_text, span_text


def spans_text(spans: tuple[tuple[int, int], ...], lang: str) -> str:
    """ "08:30–17:30", "09:00–13:00, 14:00–18:00", or "24/7" for a whole day."""
    if spans == ((0, DAY_MINUTES),):
        return str(words_in(lang)["always"])
    return ", ".join(span_text(start, end) for start, end in spans)


def hours_lines(hours: Hours, lang: str) -> tuple[str, ...]:
    """One line per rule of the editor's hours, in ``lang``, in lower case where words start it."""
    return _hours_lines(hours, lang)


@functools.lru_cache(maxsize=4096)
def _hours_lines(hours: Hours, lang: str) -> tuple[str, ...]:
    w = words_in(lang)
    if hours.always:
        return (str(w["always"]),)
    lines = []
    for days, spans in hours.rules:
        when = str(w["daily"]) if len(set(days)) == 7 else days_text(days, lang)
        what = spans_text(spans, lang) if spans else str(w["day_off"])
        lines.append(f"{when} {what}")
    return tuple(lines)


def hours_text(hours: Hours | None, lang: str, *, capital: bool = True) -> str:
    """The whole week on one line ("Пн–Пт 08:30–17:30; Сб 09:00–13:00"); "" when unknown.

    ``capital=False`` keeps "ежедневно …" in lower case for use inside a sentence.
    """
    if hours is None:
        return ""
    line = "; ".join(hours_lines(hours, lang))
    return capitalise(line) if capital else line


def capitalise(text: str) -> str:
    """Upper-case the first letter only ("круглосуточно" → "Круглосуточно"; "24/7" stays)."""
    return text[:1].upper() + text[1:]
