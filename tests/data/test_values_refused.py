"""Values an editor may paste that must not reach the site, as `validate` reports them.

Invisible characters, e-mail addresses a mail link would misread, texts far too long for their
field, and a street typed into the free text of a confidential place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.data.text_checks import LIMITS
from tests.data.helpers import Runner, write
from tests.data.test_bad_input import entry

B = "entries/brest/"
CONFIDENTIAL = "address_visibility: locality"


def _validate(run_cli: Runner, data_dir: Path, text: str) -> tuple[int, str]:
    write(data_dir, B + "t.yml", text)
    return run_cli("validate", str(data_dir))


@pytest.mark.parametrize(
    ("line", "field", "char"),
    [
        (
            'website: "https://example.by/\\u202egnp.exe"',
            "website",
            "U+202E (RIGHT-TO-LEFT OVERRIDE)",
        ),
        ('website: "https://exa\\u200bmple.by/"', "website", "U+200B (ZERO WIDTH SPACE)"),
        ('email: "info\\0@example.by"', "email", "U+0000"),
        ('summary: {ru: "Помощь\\u2067 рядом"}', "summary.ru", "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
        ('name: {ru: "Те\\u00adст"}', "name.ru", "U+00AD (SOFT HYPHEN)"),
        (
            'phones:\n  - number: "8 0162 12-34-56"\n    label: {ru: "ночь\\u202d"}',
            "phones.1.label.ru",
            "U+202D (LEFT-TO-RIGHT OVERRIDE)",
        ),
    ],
)
def test_invisible_characters_are_errors(
    run_cli: Runner, data_dir: Path, line: str, field: str, char: str
) -> None:
    """Issue 19, defect 8: control and bidi/format characters in any text field are refused."""
    code, out = _validate(run_cli, data_dir, entry("t", line))
    assert code == 1
    assert f": {field}: the text holds an invisible character {char}" in out
    assert "t.yml:" in out


@pytest.mark.parametrize("address", ["a#x@b.example", "a?cc=x@b.example", "a%40c@b.example"])
def test_an_email_a_mail_link_would_misread_is_refused(
    run_cli: Runner, data_dir: Path, address: str
) -> None:
    """Issue 19, defect 8: `mailto:a#x@b.example` writes to "a"; such addresses are errors."""
    code, out = _validate(run_cli, data_dir, entry("t", f'email: "{address}"'))
    assert code == 1
    assert f"t.yml:10:8: email: `{address}` has `{address[1]}` before the `@`" in out


def test_ordinary_email_addresses_still_pass(run_cli: Runner, data_dir: Path) -> None:
    code, out = _validate(run_cli, data_dir, entry("t", "email: help.line+by_1@example-ngo.by"))
    assert code == 0, out


def test_a_text_longer_than_its_field_allows_is_an_error(run_cli: Runner, data_dir: Path):
    """Issue 19, defect 8: a pasted document in a summary is refused with the limit named."""
    long = "Помощь рядом. " * 2000
    code, out = _validate(run_cli, data_dir, entry("t", f"summary: {{ru: {long.strip()}}}"))
    assert code == 1
    assert "summary.ru: the text is 27,999 characters long; this field holds at most" in out
    limit = LIMITS["summary"]
    code, out = _validate(run_cli, data_dir, entry("t", f"summary: {{ru: {'я' * limit}}}"))
    assert code == 0, out


@pytest.mark.parametrize(
    ("lines", "field", "found"),
    [
        (
            ['summary: {ru: "Приходите на ул. Ленина, 5 после звонка"}'],
            "summary.ru",
            "ул. Ленина, 5",
        ),
        (["name: {ru: Кризисная комната (улица Мира 12)}"], "name.ru", "улица Мира 12"),
        (
            ['admission:\n  notes: {ru: "Вход со двора", be: "Уваход з двара, вуліца Леніна 3"}'],
            "admission.notes.be",
            "вуліца Леніна 3",
        ),
        (
            ['phones:\n  - number: "8 0162 12-34-56"\n    label: {ru: "вахта, д. 14, кв. 2"}'],
            "phones.1.label.ru",
            "д. 14",
        ),
        (["summary: {ru: Рядом пр-т Независимости 40}"], "summary.ru", "пр-т Независимости 40"),
        (["summary: {ru: Вход с пер. Тихий 3}"], "summary.ru", "пер. Тихий 3"),
    ],
)
@pytest.mark.parametrize("visibility", ["locality", "hidden"])
def test_a_street_in_a_confidential_place_s_text_is_warned(
    run_cli: Runner, data_dir: Path, lines: list[str], field: str, found: str, visibility: str
) -> None:
    """Issue 19, defect 5: file, line, field and the address-like words are named."""
    text = entry("t", f"address_visibility: {visibility}", *lines)
    code, out = _validate(run_cli, data_dir, text)
    assert code == 0, out
    warned = [line for line in out.splitlines() if "looks like an address" in line]
    assert len(warned) == 1, out
    line_no = 1 + next(i for i, t in enumerate(text.split("\n")) if found in t)
    assert f"t.yml:{line_no}:" in warned[0]
    assert f"{field}: warning: `{found}` looks like an address" in warned[0]
    assert f"address_visibility: {visibility}" in warned[0]


def test_public_places_and_plain_words_are_not_warned(run_cli: Runner, data_dir: Path) -> None:
    """Issue 19, defect 5: only confidential places, only a street word with a number."""
    public = entry("t", 'summary: {ru: "Приходите на ул. Ленина, 5"}')
    code, out = _validate(run_cli, data_dir, public)
    assert code == 0 and "looks like an address" not in out
    plain = entry(
        "t",
        CONFIDENTIAL,
        'summary: {ru: "Дом социального обслуживания; до 10 дней, 24 часа в сутки"}',
    )
    code, out = _validate(run_cli, data_dir, plain)
    assert code == 0 and "looks like an address" not in out, out
