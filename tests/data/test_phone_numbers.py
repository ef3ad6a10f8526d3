"""Phone numbers as editors write them, shown as people dial them in Belarus."""

from __future__ import annotations

import pytest

from build_tools.data.errors import ERROR, WARNING
from build_tools.data.phones import PhoneIssue, parse_number


@pytest.mark.parametrize(
    ("raw", "display", "tel"),
    [
        ("8 017 123-45-67", "8 017 123-45-67", "+375171234567"),
        ("+375 17 123-45-67", "8 017 123-45-67", "+375171234567"),
        ("+375 (29) 123-45-67", "8 029 123-45-67", "+375291234567"),
        ("80291234567", "8 029 123-45-67", "+375291234567"),
        ("8 0162 12-34-56", "8 0162 12-34-56", "+375162123456"),
        ("+375 165 12-34-56", "8 0165 12-34-56", "+375165123456"),
        ("8 01771 2-34-56", "8 01771 2-34-56", "+375177123456"),
        ("+48 22 123 45 67", "+48 22 123 45 67", "+48221234567"),
    ],
)
def test_full_numbers(raw: str, display: str, tel: str) -> None:
    dialling = parse_number(raw)
    assert (dialling.display, dialling.tel, dialling.e164, dialling.short) == (
        display,
        tel,
        tel,
        False,
    )
    assert dialling.international == tel


@pytest.mark.parametrize(
    ("raw", "display", "e164", "tel"),
    [
        ("8 801 100 8 801", "8 801 100-88-01", "+3758011008801", "88011008801"),
        ("+375 801 100-88-01", "8 801 100-88-01", "+3758011008801", "88011008801"),
        ("8 800 100-16-11", "8 800 100-16-11", "+3758001001611", "88001001611"),
    ],
)
def test_free_lines_dial_in_the_national_form(raw: str, display: str, e164: str, tel: str) -> None:
    """8-801 and 8-800 free lines cannot be dialled as +375…: a tap on +3758011008801 fails."""
    dialling = parse_number(raw)
    assert (dialling.display, dialling.e164, dialling.tel) == (display, e164, tel)
    assert dialling.international is None


@pytest.mark.parametrize("raw", ["101", "102", "103", "104", "112", "133", "170"])
def test_short_numbers_are_valid(raw: str) -> None:
    dialling = parse_number(raw)
    assert (dialling.display, dialling.tel, dialling.e164, dialling.short) == (raw, raw, None, True)


@pytest.mark.parametrize(
    ("raw", "says", "severity"),
    [
        ("123-45-67", "without its area code", WARNING),
        ("2-34-56", "without its area code", WARNING),
        ("100", "not a known short number", ERROR),
        ("8 0162 12", "not a valid phone number", ERROR),
        ("+375 29 123", "not a valid phone number", ERROR),
        ("tel:102", "not a phone number", ERROR),
        ("", "not a phone number", ERROR),
    ],
)
def test_doubtful_and_wrong_numbers(raw: str, says: str, severity: str) -> None:
    with pytest.raises(PhoneIssue) as caught:
        parse_number(raw)
    assert says in caught.value.message
    assert caught.value.severity == severity
    assert caught.value.fix


@pytest.mark.parametrize(
    "raw",
    [
        "8 801 100 8 801",
        "8 800 100 0000",
        "8 017 123-45-67",
        "+375 17 123-45-67",
        "375 29 123 45 67",
        "80291234567",
        "8 (029) 123-45-67",
        "+375 (165) 12-34-56",
        "8 01771 2-34-56",
        "8 10 48 22 123 45 67",
        "+375 29 123 45 6",
        "8 029 123 45 678",
    ],
)
def test_quick_belarusian_path_agrees_with_the_library(raw: str) -> None:
    """The fast path for common forms must give what ``phonenumbers.parse`` gives."""
    import phonenumbers

    from build_tools.data.phones import _belarusian_fast

    digits = "".join(ch for ch in raw if ch.isdigit())
    quick = _belarusian_fast(raw, digits)
    library = phonenumbers.parse(raw, "BY")
    if quick is not None:
        assert phonenumbers.is_valid_number(library)
        assert quick.country_code == library.country_code
        assert quick.national_number == library.national_number
