"""The supported opening-hours subset: what it means, and clear errors for everything else."""

from __future__ import annotations

import pytest

from build_tools.data.hours import HoursError, parse_hours

MON, TUE, SUN = 0, 1440, 6 * 1440


def spans(text: str) -> list[tuple[int, int]]:
    return [(i.start, i.end) for i in parse_hours(text).intervals]


def test_always_open() -> None:
    hours = parse_hours("24/7")
    assert hours.always and spans("24/7") == [(0, 7 * 1440)]
    assert parse_hours("Mo-Su 00:00-24:00").always


def test_weekday_range_and_second_rule() -> None:
    hours = parse_hours("Mo-Fr 08:30-17:30; Sa 09:00-13:00")
    assert hours.rules == (((0, 1, 2, 3, 4), ((510, 1050),)), ((5,), ((540, 780),)))
    assert hours.closed_days == (6,)
    assert spans("Mo-Fr 08:30-17:30; Sa 09:00-13:00")[0] == (MON + 510, MON + 1050)


def test_lists_and_several_spans_a_day() -> None:
    hours = parse_hours("Tu,Th 10:00-13:00,14:00-18:00")
    assert hours.rules == (((1, 3), ((600, 780), (840, 1080))),)
    assert spans("Tu,Th 10:00-13:00,14:00-18:00")[:2] == [
        (TUE + 600, TUE + 780),
        (TUE + 840, TUE + 1080),
    ]


def test_past_midnight_runs_into_the_next_day() -> None:
    hours = parse_hours("Mo-Su 20:00-08:00")
    assert hours.rules[0][1] == ((1200, 1920),)
    assert spans("Mo-Su 20:00-08:00")[-1] == (SUN + 1200, SUN + 1920)  # past Sunday: > a week


def test_later_rule_replaces_earlier_for_its_days() -> None:
    hours = parse_hours("Mo-Su 09:00-18:00; Su off")
    assert hours.rules == (((0, 1, 2, 3, 4, 5), ((540, 1080),)), ((6,), ()))
    assert hours.closed_days == (6,)


def test_rule_without_days_means_every_day() -> None:
    assert len(spans("08:00-20:00")) == 7


def test_spaces_around_commas_and_hyphens_are_forgiven() -> None:
    loose = parse_hours("Mo - Fr 09:00 - 13:00, 14:00-18:00")
    assert loose.rules == parse_hours("Mo-Fr 09:00-13:00,14:00-18:00").rules


def test_touching_spans_are_merged() -> None:
    assert spans("Mo 08:00-12:00,12:00-18:00") == [(480, 1080)]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("Mo-Fr 9-18", "is not a time span"),
        ("Mo-Fr 09:00–18:00", "en dash"),
        ("Mo-Fr 8.30-17.30", "colon"),
        ("mo-fr 09:00-18:00", "is not a day"),
        ("PH off", "is not a day"),
        ("Fr-Mo 10:00-12:00", "runs backwards"),
        ("Mo,Mo 10:00-12:00", "named twice"),
        ("Mo-Fr 25:00-26:00", "does not exist"),
        ("Mo 10:60-11:00", "does not exist"),
        ("Mo 24:00-02:00", "starts at 24:00"),
        ("Mo 10:00-10:00", "starts and ends at one time"),
        ("Mo-Fr 09:00-18:00;", "empty rule"),
        ("Mo-Fr 09:00-18:00 open", "too many parts"),
        ("Mo-Fr 09:00-13:00,off", "cannot be combined"),
        ("sunrise-sunset", "is not a time span"),
        ("Jan-Mar Mo 10:00-12:00", "too many parts"),
    ],
)
def test_unsupported_forms_are_clear_errors(text: str, says: str) -> None:
    with pytest.raises(HoursError) as caught:
        parse_hours(text)
    assert says in caught.value.message
    assert "supported: `24/7`" in caught.value.fix
