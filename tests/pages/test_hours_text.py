"""Opening hours as a visitor reads them, in every language, with Babel's weekday names."""

from __future__ import annotations

import pytest

from build_tools.data.hours import parse_hours
from build_tools.hours_text import hours_lines, hours_text
from build_tools.languages import LANGUAGES

CASES = [
    (
        "Mo-Fr 08:30-17:30; Sa 09:00-13:00",
        {
            "ru": "Пн–Пт 08:30–17:30; Сб 09:00–13:00",
            "be": "Пн–Пт 08:30–17:30; Сб 09:00–13:00",
            "en": "Mon–Fri 08:30–17:30; Sat 09:00–13:00",
        },
    ),
    ("24/7", {"ru": "Круглосуточно", "be": "Кругласутачна", "en": "24/7"}),
    (
        "Tu,Th 10:00-13:00,14:00-18:00",
        {
            "ru": "Вт, Чт 10:00–13:00, 14:00–18:00",
            "be": "Аў, Чц 10:00–13:00, 14:00–18:00",
            "en": "Tue, Thu 10:00–13:00, 14:00–18:00",
        },
    ),
    (
        "Mo-Fr 08:00-17:00; Sa,Su off",
        {
            "ru": "Пн–Пт 08:00–17:00; Сб, Вс выходной",
            "be": "Пн–Пт 08:00–17:00; Сб, Нд выхадны",
            "en": "Mon–Fri 08:00–17:00; Sat, Sun closed",
        },
    ),
    (
        "Mo-Su 20:00-08:00",
        {
            "ru": "Ежедневно 20:00–08:00",
            "be": "Штодня 20:00–08:00",
            "en": "Daily 20:00–08:00",
        },
    ),
    (
        "Mo-Su 09:00-18:00; Su off",
        {
            "ru": "Пн–Сб 09:00–18:00; Вс выходной",
            "be": "Пн–Сб 09:00–18:00; Нд выхадны",
            "en": "Mon–Sat 09:00–18:00; Sun closed",
        },
    ),
    (
        "Mo-Fr 00:00-24:00; Sa 10:00-12:00",
        {
            "ru": "Пн–Пт круглосуточно; Сб 10:00–12:00",
            "be": "Пн–Пт кругласутачна; Сб 10:00–12:00",
            "en": "Mon–Fri 24/7; Sat 10:00–12:00",
        },
    ),
    (
        "Mo,Tu,Th,Sa 09:00-17:00",
        {
            "ru": "Пн, Вт, Чт, Сб 09:00–17:00",
            "be": "Пн, Аў, Чц, Сб 09:00–17:00",
            "en": "Mon, Tue, Thu, Sat 09:00–17:00",
        },
    ),
]


@pytest.mark.parametrize(("raw", "expected"), CASES, ids=[raw for raw, _ in CASES])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_hours_read_as_on_a_sign(raw: str, expected: dict[str, str], lang: str) -> None:
    assert hours_text(parse_hours(raw), lang) == expected[lang]


def test_one_line_per_rule_and_lower_case_inside_a_sentence() -> None:
    hours = parse_hours("Mo-Su 08:00-20:00")
    assert hours_lines(hours, "ru") == ("ежедневно 08:00–20:00",)
    assert hours_text(hours, "ru", capital=False) == "ежедневно 08:00–20:00"
    two = parse_hours("Mo-Fr 08:30-17:30; Sa 09:00-13:00")
    assert hours_lines(two, "en") == ("Mon–Fri 08:30–17:30", "Sat 09:00–13:00")


def test_a_day_ending_at_midnight_says_24_00() -> None:
    assert hours_text(parse_hours("Fr 18:00-24:00"), "en") == "Fri 18:00–24:00"
