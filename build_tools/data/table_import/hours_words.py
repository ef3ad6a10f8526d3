"""Opening hours as people write them in Russian or Belarusian → the hours format.

"круглосуточно" → ``24/7``; "ежедневно 8.00-20.00" → ``Mo-Su 08:00-20:00``; "пн-пт 8.30-17.30,
сб 9-13" → ``Mo-Fr 08:30-17:30; Sa 09:00-13:00``; "выходной — воскресенье" → ``Su off``.
Anything with a word this does not know returns None: the import then leaves a to-do quoting
the text, rather than guessing hours a survivor would rely on.
"""

from __future__ import annotations

import re

from ..hours import DAYS, HoursError, parse_hours

_ALWAYS = re.compile(
    r"^(круглосуточно|круглосуточная|круглосут\.?|кругласутачна|цэлыя суткі|"
    r"24/7|24 часа|24 ч|24 гадзіны|24 hours|round the clock)$"
)
#: Day words by stem, Russian and Belarusian, long and short.
_DAY_STEMS = (
    (0, ("понедельник", "пн", "пон", "панядзел", "пнд")),
    (1, ("вторник", "вт", "аўтор", "аутор", "аўт")),
    (2, ("сред", "ср", "серад", "серада")),
    (3, ("четверг", "чт", "чацв", "чац")),
    (4, ("пятниц", "пт", "пятніц", "пят")),
    (5, ("суббот", "сб", "субот", "суб")),
    (6, ("воскресень", "вс", "нядзел", "нд", "вос")),
)
_EVERY_DAY = (
    "ежедневно", "без выходных", "каждый день", "штодня", "штодзённа", "без выхадных",
    "пн-вс", "daily",
)  # fmt: skip
_WEEKDAYS = ("по будням", "будни", "будние дни", "рабочие дни", "па буднях", "будні")
_OFF = re.compile(r"(выходн\w*|выхадн\w*|не работает|не працуе)")
_TIME = r"(\d{1,2})(?:[.:](\d{2}))?"
_SPAN = re.compile(rf"{_TIME}\s*-\s*{_TIME}")
_FILLER = {"с", "з", "до", "ч", "час", "часов", "гадз", "и", "і", "г"}


def hours_from_words(text: str) -> str | None:
    """The hours in our format, or None when the text says something this cannot read."""
    t = text.casefold().replace("ё", "е").replace("–", "-").replace("—", "-").strip().rstrip(".")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"(?<=\d):(?=\d)", ".", t)
    if _ALWAYS.match(t):
        return "24/7"
    if re.search(r"обед|перерыв|перапын", t):
        return None  # a break: better written by hand than read as extra open hours
    t = re.sub(rf"\bс {_TIME} до {_TIME}", lambda m: _span_text(m), t)
    t = re.sub(rf"\bз {_TIME} да {_TIME}", lambda m: _span_text(m), t)
    for phrase in _EVERY_DAY:
        t = t.replace(phrase, " @all ")
    for phrase in _WEEKDAYS:
        t = t.replace(phrase, " @weekdays ")
    off_days: list[int] = []
    off = _OFF.search(t)
    if off:
        before, after = t[: off.start()], t[off.end() :]
        # "выходной — воскресенье", "воскресенье — выходной", "сб, вс - выходные"
        tail_days = _days_only(after)
        if tail_days is not None and tail_days[0]:
            off_days, t = tail_days[0], before
        else:
            head = _trailing_days(before)
            if head is None:
                return None
            off_days, t = head
            if after.strip(" ,;:-"):
                t = t + " ; " + after
    rules = _rules(t)
    if rules is None:
        return None
    if not rules and not off_days:
        return None
    if off_days:
        if not rules:
            return None  # only closed days: the open hours are missing
        rules.append((tuple(off_days), ()))
    result = "; ".join(_rule_text(days, spans) for days, spans in rules)
    try:
        parse_hours(result)
    except HoursError:
        return None
    return result


def _span_text(m: re.Match[str]) -> str:
    return f"{m[1]}.{m[2] or '00'}-{m[3]}.{m[4] or '00'}"


def _day(word: str) -> int | None:
    word = word.strip(" .,:;")
    for day, stems in _DAY_STEMS:
        for stem in stems:
            if word == stem or (len(stem) >= 4 and word.startswith(stem)):
                return day
    return None


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"([\s,;:]+|(?<=[^\d\s])-|-(?=[^\d\s]))", text) if t and t.strip()]


def _days_only(text: str) -> tuple[list[int], str] | None:
    days: list[int] = []
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        token = tokens[i].strip(" ,;:")
        if not token or token in ("-", "и", "і"):
            i += 1
            continue
        day = _day(token)
        if day is None:
            return None
        if i + 2 < len(tokens) and tokens[i + 1].strip() == "-" and _day(tokens[i + 2]) is not None:
            end = _day(tokens[i + 2])
            assert end is not None
            days.extend(range(day, end + 1))
            i += 3
            continue
        days.append(day)
        i += 1
    return days, ""


def _trailing_days(text: str) -> tuple[list[int], str] | None:
    """Days named at the end of ``text`` (before "выходной") and the text before them."""
    parts = re.split(r"([,;]\s*)", text)
    tail: list[int] = []
    while parts:
        last = parts[-1].strip(" ,;-")
        if not last:
            parts.pop()
            continue
        found = _days_only(last)
        if found is None or not found[0]:
            # "… сб 9-13 вс" → the last word alone may be the day
            words = last.rsplit(" ", 1)
            if len(words) == 2 and _day(words[1]) is not None:
                tail.insert(0, _day(words[1]))  # type: ignore[arg-type]
                parts[-1] = words[0]
            break
        tail[:0] = found[0]
        parts.pop()
    if not tail:
        return None
    return tail, "".join(parts)


def _rules(text: str) -> list[tuple[tuple[int, ...], tuple[tuple[int, int], ...]]] | None:
    rules: list[tuple[tuple[int, ...], list[tuple[int, int]]]] = []
    pending: list[int] = []
    last_was_time = False
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        token = tokens[i].strip(" ,;:")
        i += 1
        if not token or token in _FILLER:
            continue
        span = _SPAN.fullmatch(token)
        if span is None and i + 1 < len(tokens) and tokens[i].strip() == "-":
            joined = token + "-" + tokens[i + 1].strip(" ,;:")
            span = _SPAN.fullmatch(joined)
            if span:
                i += 2
        if span:
            start = int(span[1]) * 60 + int(span[2] or 0)
            end = int(span[3]) * 60 + int(span[4] or 0)
            if start > 24 * 60 or end > 24 * 60:
                return None
            if pending:
                rules.append((tuple(sorted(set(pending))), [(start, end)]))
                pending = []
            elif last_was_time and rules:
                rules[-1][1].append((start, end))
            else:
                rules.append((tuple(range(7)), [(start, end)]))
            last_was_time = True
            continue
        if token == "@all":
            pending.extend(range(7))
        elif token == "@weekdays":
            pending.extend(range(5))
        else:
            day = _day(token)
            if day is None:
                return None
            if i + 1 < len(tokens) and tokens[i].strip() == "-":
                end_day = _day(tokens[i + 1])
                if end_day is None:
                    return None
                pending.extend(range(day, end_day + 1))
                i += 2
            else:
                pending.append(day)
        last_was_time = False
    if pending:
        return None  # days without hours
    return [(days, tuple(spans)) for days, spans in rules]


def _rule_text(days: tuple[int, ...], spans: tuple[tuple[int, int], ...]) -> str:
    day_text = _days_text(days)
    if not spans:
        return f"{day_text} off"
    times = ",".join(f"{_hhmm(a)}-{_hhmm(b)}" for a, b in spans)
    return f"{day_text} {times}"


def _days_text(days: tuple[int, ...]) -> str:
    """``(0,1,2,3,4)`` → ``Mo-Fr``; ``(5,6)`` → ``Sa,Su``; runs of three or more as ranges."""
    days = tuple(sorted(set(days)))
    groups: list[list[int]] = []
    for day in days:
        if groups and groups[-1][-1] == day - 1:
            groups[-1].append(day)
        else:
            groups.append([day])
    parts = []
    for group in groups:
        if len(group) >= 3:
            parts.append(f"{DAYS[group[0]]}-{DAYS[group[-1]]}")
        else:
            parts.extend(DAYS[d] for d in group)
    return ",".join(parts)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
