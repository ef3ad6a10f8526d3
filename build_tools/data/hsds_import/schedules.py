"""HSDS schedules (3.0 RRULE-like rows, 1.1 regular_schedules) as our opening-hours text.

Only weekly opening times translate; anything else (monthly rules, holidays, validity
periods) stays in the report for the editor.
"""

from __future__ import annotations

import re

from .records import Record
from .vocabulary import OSM_DAYS, WEEKDAYS

_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?")
_DAY_NAMES = {
    **{code: index for index, code in enumerate(WEEKDAYS)},
    **{
        name: index
        for index, name in enumerate(
            ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]
        )
    },
    **{str(index + 1): index for index in range(7)},
}
#: Columns of a weekly schedule row that the hours text fully carries.
WEEKLY_FIELDS = (
    "freq",
    "wkst",
    "byday",
    "weekday",
    "opens_at",
    "closes_at",
    "timezone",
    "interval",
)


def _minutes(value: str | None) -> int | None:
    match = _TIME.match(value or "")
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours == 23 and minutes == 59:
        return 24 * 60  # "23:59(:59)" is how exports write the end of the day
    if hours > 24 or minutes > 59:
        return None
    return hours * 60 + minutes


def weekly_spans(record: Record) -> list[tuple[int, int, int]] | None:
    """(weekday, start, end) of one row, or None when the row is not a plain weekly time."""
    freq = (record.peek("freq") or "WEEKLY").upper()
    interval = record.peek("interval") or "1"
    if freq != "WEEKLY" or interval not in ("1", "1.0"):
        return None
    for other in ("byweekno", "bymonthday", "byyearday", "count", "until"):
        if record.peek(other):
            return None
    days_text = record.peek("byday") or record.peek("weekday")
    if not days_text:
        return None
    days = []
    for part in re.split(r"[,\s]+", days_text.upper()):
        if part not in _DAY_NAMES:
            return None
        days.append(_DAY_NAMES[part])
    start, end = _minutes(record.peek("opens_at")), _minutes(record.peek("closes_at"))
    if start is None or end is None or start == end:
        return None
    return [(day, start, end) for day in days]


def opening_hours(spans: list[tuple[int, int, int]]) -> str:
    """``Mo-Fr 09:00-17:00; Sa 10:00-14:00`` from (weekday, start, end) spans."""
    by_day: dict[int, list[tuple[int, int]]] = {}
    for day, start, end in spans:
        by_day.setdefault(day, [])
        if (start, end) not in by_day[day]:
            by_day[day].append((start, end))
    if all(by_day.get(day) == [(0, 24 * 60)] for day in range(7)):
        return "24/7"
    groups: list[tuple[list[int], tuple[tuple[int, int], ...]]] = []
    for day in sorted(by_day):
        times = tuple(sorted(by_day[day]))
        if groups and groups[-1][1] == times and groups[-1][0][-1] == day - 1:
            groups[-1][0].append(day)
        else:
            groups.append(([day], times))
    rules = []
    for days, times in groups:
        first, last = OSM_DAYS[days[0]], OSM_DAYS[days[-1]]
        if len(days) == 1:
            day_text = first
        else:
            day_text = f"{first},{last}" if len(days) == 2 else f"{first}-{last}"
        rules.append(f"{day_text} " + ",".join(f"{_hhmm(s)}-{_hhmm(e)}" for s, e in times))
    return "; ".join(rules)


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"
