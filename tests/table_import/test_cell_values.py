"""Cells as people type them: hours in words, places in their usual forms, yes/no, phones."""

from __future__ import annotations

import pytest

from build_tools.data.hsds_import.known import Known
from build_tools.data.table_import.hours_words import hours_from_words
from build_tools.data.table_import.values import Places, phones_in, services_in, yes_no
from tests.paths import FIXTURE_DIRECTORY


@pytest.mark.parametrize(
    ("words", "hours"),
    [
        ("круглосуточно", "24/7"),
        ("Круглосуточно.", "24/7"),
        ("ежедневно 8.00-20.00", "Mo-Su 08:00-20:00"),
        ("пн-пт 8.30-17.30, сб 9-13", "Mo-Fr 08:30-17:30; Sa 09:00-13:00"),
        ("без выходных 9-18", "Mo-Su 09:00-18:00"),
        ("пн-пт 9.00-18.00, выходной — воскресенье", "Mo-Fr 09:00-18:00; Su off"),
        ("Пн-сб 9:00-17:00, вс - выходной", "Mo-Sa 09:00-17:00; Su off"),
        ("Пн–Пт с 9 до 18", "Mo-Fr 09:00-18:00"),
        ("понедельник - пятница 8.30-17.30", "Mo-Fr 08:30-17:30"),
        ("пн-пт 9-13, 14-18", "Mo-Fr 09:00-13:00,14:00-18:00"),
        ("пн, ср, пт 10:00-16:00", "Mo,We,Fr 10:00-16:00"),
        ("штодня 8-20", "Mo-Su 08:00-20:00"),
        ("пн-пт 8-17; сб-нд выхадныя", "Mo-Fr 08:00-17:00; Sa,Su off"),
    ],
)
def test_hours_in_words_become_the_hours_format(words: str, hours: str) -> None:
    assert hours_from_words(words) == hours


@pytest.mark.parametrize(
    "words",
    ["по записи", "без выходных", "выходной — воскресенье", "пн-пт 9-17 обед 13-14", "пн-пт", ""],
)
def test_hours_it_cannot_read_are_left_for_the_editor(words: str) -> None:
    assert hours_from_words(words) is None


@pytest.fixture(scope="module")
def places() -> Places:
    return Places.from_known(Known.from_data_dir(FIXTURE_DIRECTORY))


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Брестская", "brest"),
        ("Брестская обл.", "brest"),
        ("брестская область", "brest"),
        ("Брэсцкая вобласць", "brest"),
        ("Brest Region", "brest"),
        ("г. Минск", "minsk-city"),
        ("Витебская", "vitebsk"),
        ("Гомельская обл.", None),
    ],
)
def test_regions_by_name_in_usual_forms(places: Places, text: str, region: str | None) -> None:
    assert places.region(text) == region


def test_localities_and_national(places: Places) -> None:
    assert places.locality("г. Пинск") == ("brest", "pinsk")
    assert places.locality("Пінск") == ("brest", "pinsk")
    assert places.locality("город Брест") == ("brest", "brest")
    assert places.locality("г. Барановичи") is None
    assert places.is_national("Вся Беларусь") and places.is_national("Уся Беларусь")
    assert not places.is_national("Брест")


@pytest.mark.parametrize(
    ("cell", "answer"),
    [("да", True), ("Так", True), ("yes", True), ("+", True), ("1", True),
     ("нет", False), ("не", False), ("No", False), ("-", False), ("0", False), ("может", None)],
)  # fmt: skip
def test_yes_no_in_three_languages(cell: str, answer: bool | None) -> None:
    assert yes_no(cell) is answer


def test_kinds_of_help_through_synonyms_in_services_yml() -> None:
    known = Known.from_data_dir(FIXTURE_DIRECTORY)
    assert services_in("Юрист; психолог", known) == (["legal", "psychological"], [])
    assert services_in("приют для женщин", known) == (["shelter"], [])
    assert services_in("кризисная комната, массаж", known) == (["crisis-room"], ["массаж"])


def test_several_phones_with_notes_and_short_numbers() -> None:
    cell = phones_in("8 (0232) 12-34-56 (после 17.30), 8-801-100-88-01 / 102\n133; 23-45-67")
    assert [p["number"] for p in cell.phones] == [
        "8 0232 12-34-56", "8 801 100-88-01", "102", "133", "23-45-67",
    ]  # fmt: skip
    assert cell.phones[0]["label"] == {"ru": "после 17.30"}
    assert cell.todo == [
        "add the area code to `23-45-67`: without it the number only works from a landline "
        "in the same town"
    ]
    assert phones_in("+375 29 123-45-67 (круглосуточно)").phones == [
        {"number": "8 029 123-45-67", "hours": "24/7"}
    ]


@pytest.mark.parametrize(
    ("region", "locality", "expected"),
    [
        ("г. Минск", "", {"region": "minsk-city", "locality": "minsk"}),
        ("Брест", "", {"region": "brest", "locality": "brest"}),
        ("Брестская обл.", "г. Пинск", {"region": "brest", "locality": "pinsk"}),
        ("", "Віцебск", {"region": "vitebsk", "locality": "vitebsk"}),
        ("Вся Беларусь", "", {"national": True}),
    ],
)
def test_a_row_lands_in_its_region_and_town(region: str, locality: str, expected: dict) -> None:
    import datetime as _dt

    from build_tools.data.table_import.rows import map_row

    known = Known.from_data_dir(FIXTURE_DIRECTORY)
    cells = {"name": "Центр", "phones": "8 0162 21-22-23", "region": region, "locality": locality}
    result = map_row(
        {k: v for k, v in cells.items() if v},
        known=known,
        places=Places.from_known(known),
        source="t.csv",
        today=_dt.date(2026, 11, 1),
    )
    got = {k: result.data[k] for k in ("region", "locality", "national") if k in result.data}
    assert got == expected
    assert not [t for t in result.todo if "region" in t]
