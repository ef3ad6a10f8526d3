"""Opening hours written out in the page's language: "Пн–Пт 08:30–17:30", "Mon–Fri …", "24/7".

Weekday names come from Babel's CLDR data, not from tables of our own, so every language is
spelled the way its speakers expect. The editor's grouping of days (``Hours.rules``) is kept:
a page reads like the sign on the door.
"""

from __future__ import annotations

import functools

from babel.dates import get_day_names

from build_tools.data.model import Hours
from build_tools.pages.words import words

DAY_MINUTES = 24 * 60
DASH = "\u2013"  # en dash between the ends of a range


@functools.lru_cache(maxsize=8)
def day_names(lang: str) -> tuple[str, ...]:
    """Abbreviated weekday names, Monday first, capitalised as on a sign ("Пн", "Аў", "Mon")."""
    names = get_day_names("abbreviated", locale=lang)
    return tuple(names[day][:1].upper() + names[day][1:] for day in range(7))


def days_text(days: tuple[int, ...], lang: str) -> str:
    """Runs of three or more days become ranges ("Пн–Пт"); shorter runs are listed ("Сб, Вс")."""
    names = day_names(lang)
    parts: list[str] = []
    for first, last in _runs(sorted(set(days))):
        if last - first >= 2:
            parts.append(f"{names[first]}{DASH}{names[last]}")
        else:
            parts.extend(names[day] for day in range(first, last + 1))
    return ", ".join(parts)


def _runs(days: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for day in days:
        if runs and day == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def clock(minute: int) -> str:
    """Minutes of a day as "08:30"; the end of the day stays "24:00", past midnight wraps."""
    if minute > DAY_MINUTES:
        minute -= DAY_MINUTES
    return f"{minute // 60:02d}:{minute % 60:02d}"


def spans_text(spans: tuple[tuple[int, int], ...], lang: str) -> str:
    """ "08:30–17:30", "09:00–13:00, 14:00–18:00", or "around the clock" for a whole day."""
    if spans == ((0, DAY_MINUTES),):
        return str(words(lang)["all_day"])
    return ", ".join(f"{clock(start)}{DASH}{clock(end)}" for start, end in spans)


def hours_lines(hours: Hours, lang: str) -> tuple[str, ...]:
    """One line per rule of the editor's hours, in ``lang``, in lower case where words start it."""
    return _hours_lines(hours, lang)


@functools.lru_cache(maxsize=4096)
def _hours_lines(hours: Hours, lang: str) -> tuple[str, ...]:
    w = words(lang)
    if hours.always:
        return (str(w["always"]),)
    lines = []
    for days, spans in hours.rules:
        when = str(w["daily"]) if len(set(days)) == 7 else days_text(days, lang)
        what = spans_text(spans, lang) if spans else str(w["day_off"])
        lines.append(f"{when} {what}")
    return tuple(lines)


def hours_text(hours: Hours, lang: str, *, capital: bool = True) -> str:
    """The whole week on one line ("Пн–Пт 08:30–17:30; Сб 09:00–13:00").

    ``capital=False`` keeps "ежедневно …" in lower case for use inside a sentence.
    """
    line = "; ".join(hours_lines(hours, lang))
    return capitalise(line) if capital else line


def capitalise(text: str) -> str:
    """Upper-case the first letter only ("круглосуточно" → "Круглосуточно"; "24/7" stays)."""
    return text[:1].upper() + text[1:]
