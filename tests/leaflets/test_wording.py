"""Opening hours and costs as a leaflet prints them."""

from __future__ import annotations

import pytest

from build_tools.data.hours import parse_hours
from build_tools.data.model import Phone
from build_tools.languages import LANGUAGES
from build_tools.leaflets.wording import cost_text, hours_text, t


@pytest.mark.parametrize(
    ("raw", "lang", "printed"),
    [
        ("24/7", "ru", "Круглосуточно"),
        ("24/7", "be", "Кругласутачна"),
        ("Mo-Fr 08:00-17:00; Sa,Su off", "ru", "Пн–Пт 08:00–17:00; Сб, Вс выходной"),
        ("Mo-Fr 08:30-17:30; Sa 09:00-13:00", "be", "Пн–Пт 08:30–17:30; Сб 09:00–13:00"),
        ("Tu,Th 10:00-13:00,14:00-18:00", "en", "Tue, Thu 10:00–13:00, 14:00–18:00"),
        ("Mo-Su 08:00-20:00", "en", "Daily 08:00–20:00"),
        ("Mo-Su 20:00-08:00", "ru", "Ежедневно 20:00–08:00"),
        ("Mo,We,Fr 09:00-12:00", "be", "Пн, Ср, Пт 09:00–12:00"),
    ],
)
def test_hours_read_as_posted_on_a_door(raw: str, lang: str, printed: str):
    assert hours_text(parse_hours(raw), lang) == printed


def test_unknown_hours_print_nothing():
    assert hours_text(None, "ru") == ""


def test_cost():
    def phone(cost):
        return Phone(raw="102", e164=None, display="102", tel="102", short=True, cost=cost)

    assert cost_text(phone("free"), "be") == "бясплатна"
    assert cost_text(phone("free-landline"), "en") == "free from a landline"
    assert cost_text(phone("paid"), "ru") == ""


def test_every_string_exists_in_every_language():
    from build_tools.leaflets.wording import _strings

    for key, values in _strings().items():
        if "same_as" in values:  # the words of another key, translated there
            continue
        for lang in LANGUAGES:
            assert values.get(lang), f"strings.yml: {key} has no {lang}"
    assert t("more", "en", n=3) == "All the others (3) are on the website:"


@pytest.mark.parametrize(
    ("name", "number", "printed"),
    [
        ("Милиция — 102", "102", "Милиция"),
        ("Rescue service - 101", "101", "Rescue service"),
        ("Скорая (103)", "103", "Скорая"),
        ("Police", "102", "Police"),
        ("102", "102", "102"),
    ],
)
def test_emergency_names_do_not_repeat_their_number(name: str, number: str, printed: str):
    from build_tools.leaflets.render import _without_number
    from build_tools.leaflets.views import Said

    assert _without_number(Said(name, "ru"), number).text == printed
