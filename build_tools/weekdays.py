"""Weekdays and clock times as people read them on a door sign, in any site language.

Shared by the pages and the leaflets, so a place's hours read the same on screen and on
paper. Weekday names come from Babel's CLDR data, not from tables of our own.
"""

from __future__ import annotations

import functools

from babel.dates import get_day_names

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


def span_text(start: int, end: int) -> str:
    """One span of a day: "08:30–17:30", "20:00–08:00"."""
    return f"{clock(start)}{DASH}{clock(end)}"
