"""Opening hours: the subset of OpenStreetMap ``opening_hours`` editors may write.

Supported, and nothing else (so a typo is an error, never a silently wrong "open now"):

- ``24/7``;
- rules joined by ``;`` — each is ``<days> <times>`` or ``<days> off``;
- days: ``Mo Tu We Th Fr Sa Su``, as lists and ranges: ``Mo-Fr``, ``Sa,Su``, ``Mo-We,Fr``;
  a rule may leave the days out, meaning every day (``08:00-20:00``);
- spaces around ``,`` and ``-`` are allowed;
- times: ``HH:MM-HH:MM``, several joined by ``,`` (``09:00-13:00,14:00-18:00``); a span that
  ends at or before it starts runs past midnight (``20:00-08:00``); ``00:00-24:00`` is all day;
- a later rule replaces earlier ones for the days it names (``Mo-Su 09:00-18:00; Su off``),
  as in OpenStreetMap.

Spans are minutes from the start of their day; a span past midnight ends after 1440
(``20:00-08:00`` is ``(1200, 1920)``). Intervals are minutes from Monday 00:00, merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from build_tools.messages import N_, _

from .model import Hours, Interval

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
DAY_MINUTES = 24 * 60
WEEK_MINUTES = 7 * DAY_MINUTES

SUPPORTED = N_(
    "supported: `24/7`, or rules joined by `;` such as `Mo-Fr 08:30-17:30; "
    "Sa 09:00-13:00; Su off` — days Mo Tu We Th Fr Sa Su in lists (`Sa,Su`) "
    "and ranges (`Mo-Fr`), times HH:MM-HH:MM joined by `,`, `off` for closed "
    "days"
)

_TIME = r"(\d{1,2}):(\d{2})"
_SPAN = re.compile(rf"^{_TIME}-{_TIME}$")
#: Spaces around `,` and `-` are forgiven (`Mo - Fr 09:00-13:00, 14:00-18:00`).
_LOOSE = re.compile(r"\s*([,-])\s*")
_DAY_PART = re.compile(r"^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?$")


class HoursError(ValueError):
    """An opening-hours string outside the supported subset; says what is supported."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = _(SUPPORTED)


@lru_cache(maxsize=4096)
def parse_hours(raw: str) -> Hours:
    """Parse ``raw`` into :class:`Hours`; raise :class:`HoursError` naming the wrong part.

    Cached: a directory repeats a few hours strings (``24/7``, office hours) many times.
    """
    text = raw.strip()
    if not text:
        raise HoursError(_("the hours are empty"))
    if text == "24/7":
        return Hours(
            raw=raw,
            always=True,
            rules=((tuple(range(7)), ((0, DAY_MINUTES),)),),
            intervals=(Interval(0, WEEK_MINUTES),),
        )
    _reject_lookalikes(text)
    per_day: dict[int, tuple[tuple[int, int], ...]] = {}
    rules: list[tuple[tuple[int, ...], tuple[tuple[int, int], ...]]] = []
    for part in text.split(";"):
        rule = part.strip()
        if not rule:
            raise HoursError(_("an empty rule between two `;`"))
        days, spans = _parse_rule(rule)
        # a later rule replaces earlier ones for its days (OpenStreetMap semantics)
        rules = [(tuple(d for d in ds if d not in days), sp) for ds, sp in rules]
        rules = [(ds, sp) for ds, sp in rules if ds]
        rules.append((days, spans))
        for day in days:
            per_day[day] = spans
    intervals = _merge(
        (day * DAY_MINUTES + start, day * DAY_MINUTES + end)
        for day, spans in per_day.items()
        for start, end in spans
    )
    closed = tuple(d for d in range(7) if not per_day.get(d))
    always = _covers_week(intervals)
    return Hours(
        raw=raw,
        always=always,
        rules=tuple(rules),
        intervals=tuple(Interval(s, e) for s, e in intervals),
        closed_days=closed,
    )


def rules_without_days(raw: str) -> list[str]:
    """The times of rules that name no days (``8:30-17:30``).

    OpenStreetMap reads them as every day, so the page says "daily"; editors who write them
    usually mean weekdays, which is why validation warns.
    """
    if raw.strip() == "24/7":
        return []
    found = []
    for part in raw.split(";"):
        words = _LOOSE.sub(lambda m: m.group(1), part.strip()).split()
        if len(words) == 1 and words[0] != "off":
            found.append(words[0])
    return found


def _reject_lookalikes(text: str) -> None:
    for bad, what in (
        ("–", _("an en dash `–`")),
        ("—", "a dash `—`"),
        ("−", _("a minus sign `−`")),
    ):
        if bad in text:
            raise HoursError(_("{what} is used; write a plain hyphen `-`").format(what=what))
    if re.search(r"\d\.\d\d", text):
        raise HoursError(_("times are written with a dot; write them with a colon: `08:30`"))


def _parse_rule(rule: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    words = _LOOSE.sub(lambda m: m.group(1), rule).split()
    if len(words) == 1:
        days, times = tuple(range(7)), words[0]
    elif len(words) == 2:
        days, times = _parse_days(words[0]), words[1]
    else:
        raise HoursError(
            _(
                "`{rule}` has too many parts: write days, one space, then times (`Mo-Fr "
                "09:00-13:00,14:00-18:00`)"
            ).format(rule=rule)
        )
    if times == "off":
        return days, ()
    return days, tuple(_parse_span(span) for span in times.split(","))


def _parse_days(text: str) -> tuple[int, ...]:
    days: list[int] = []
    for part in text.split(","):
        found = _DAY_PART.match(part)
        if not found:
            raise HoursError(
                _("`{part}` is not a day or a range of days such as `Mo-Fr`").format(part=part)
            )
        first = DAYS.index(found.group(1))
        last = DAYS.index(found.group(2)) if found.group(2) else first
        if last < first:
            raise HoursError(
                _("`{part}` runs backwards; write the week from Mo to Su").format(part=part)
            )
        for day in range(first, last + 1):
            if day in days:
                raise HoursError(
                    _("`{value}` is named twice in `{text}`").format(value=DAYS[day], text=text)
                )
            days.append(day)
    return tuple(days)


def _parse_span(text: str) -> tuple[int, int]:
    found = _SPAN.match(text)
    if not found:
        if text in ("24/7", "off"):
            raise HoursError(_("`{text}` cannot be combined with other times").format(text=text))
        raise HoursError(_("`{text}` is not a time span such as `08:30-17:30`").format(text=text))
    h1, m1, h2, m2 = (int(g) for g in found.groups())
    for hours, minutes in ((h1, m1), (h2, m2)):
        if minutes > 59 or hours > 24 or (hours == 24 and minutes):
            raise HoursError(_("`{text}` has a time that does not exist").format(text=text))
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if start == DAY_MINUTES:
        raise HoursError(_("`{text}` starts at 24:00; write 00:00").format(text=text))
    if start == end:
        raise HoursError(
            _("`{text}` starts and ends at one time; for all day write 00:00-24:00").format(
                text=text
            )
        )
    if end < start:
        end += DAY_MINUTES  # past midnight
    return start, end


def joined_intervals(hours: Iterable[Hours]) -> list[tuple[int, int]]:
    """The weekly intervals of several hours at once (a helpline's numbers), joined where they
    touch: what "open now" reads when a place has hours only on its phones."""
    return _merge((i.start, i.end) for h in hours for i in h.intervals)


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping and touching spans joined; ends past Sunday midnight stay > a week."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _covers_week(intervals: list[tuple[int, int]]) -> bool:
    return len(intervals) == 1 and intervals[0][0] == 0 and intervals[0][1] >= WEEK_MINUTES


def open_at(hours: Hours, minute_of_week: int) -> bool:
    """Whether a place is open at ``minute_of_week`` (0 = Monday 00:00, Minsk time).

    Intervals that run past Sunday midnight are wrapped into the start of the week. Used by
    the chatbot, which says "open now" on the server rather than in a browser.
    """
    minute = minute_of_week % WEEK_MINUTES
    return any(
        iv.start <= minute < iv.end or iv.start <= minute + WEEK_MINUTES < iv.end
        for iv in hours.intervals
    )
