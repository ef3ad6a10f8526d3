"""Pets, places, the boys' age limit, phone types and sign language, as `validate` reports them.

Every field is optional: the fixture entries without them stay valid. A wrong value gets the
file, the line, the field and what to write instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.data.build import load_directory
from tests.data.helpers import Runner, write
from tests.data.test_bad_input import entry

B = "entries/brest/"
SHELTER = "services: [shelter]"


def _validate(run_cli: Runner, data_dir: Path, text: str) -> tuple[int, str]:
    write(data_dir, B + "t.yml", text)
    return run_cli("validate", str(data_dir))


def _line_of(text: str, needle: str) -> int:
    return 1 + next(i for i, line in enumerate(text.split("\n")) if needle in line)


@pytest.mark.parametrize(
    ("lines", "needle", "field", "says"),
    [
        (
            [SHELTER, "pets: maybe"],
            "pets:",
            "pets",
            "`maybe` is not an allowed value — use one of: yes, no, ask",
        ),
        (
            [SHELTER, "pets: true"],
            "pets:",
            "pets",
            "is not an allowed value — use one of: yes, no, ask",
        ),
        ([SHELTER, "places: 0"], "places:", "places", "is too small — use a number at least 1"),
        ([SHELTER, "places: four"], "places:", "places", "should be a whole number"),
        (
            [SHELTER, "admission:\n  children: with-parent\n  boys_up_to_age: 18"],
            "boys_up_to_age",
            "admission.boys_up_to_age",
            "is too large — use a number at most 17",
        ),
        (
            ['phones:\n  - number: "8 0162 12-34-56"\n    type: fax'],
            "type:",
            "phones.1.type",
            "`fax` is not an allowed value — use one of: voice, sms, messenger, video, textphone",
        ),
        (
            ['phones:\n  - number: "8 0162 12-34-56"\n    type: SMS'],
            "type:",
            "phones.1.type",
            "did you mean `sms`?",
        ),
        (["sign_language: yes"], "sign_language:", "sign_language", "write `true` or `false`"),
    ],
)
def test_a_wrong_value_names_file_line_field_and_the_fix(
    run_cli: Runner, data_dir: Path, lines: list[str], needle: str, field: str, says: str
) -> None:
    text = entry("t", *lines)
    code, out = _validate(run_cli, data_dir, text)
    assert code == 1, out
    found = [line for line in out.splitlines() if f": {field}: " in line]
    assert len(found) == 1, out
    assert f"t.yml:{_line_of(text, needle)}:" in found[0]
    assert says in found[0], found[0]


@pytest.mark.parametrize("children", ["", "  children: no\n"])
def test_a_boys_age_limit_needs_children_with_a_parent(
    run_cli: Runner, data_dir: Path, children: str
) -> None:
    text = entry("t", SHELTER, f"admission:\n{children}  boys_up_to_age: 14")
    code, out = _validate(run_cli, data_dir, text)
    assert code == 1, out
    found = [line for line in out.splitlines() if "admission.boys_up_to_age" in line]
    assert len(found) == 1, out
    assert f"t.yml:{_line_of(text, 'boys_up_to_age')}:" in found[0]
    assert "`children` is not `with-parent`" in found[0]
    assert "add `children: with-parent`" in found[0]


@pytest.mark.parametrize(("key", "value"), [("pets", "yes"), ("places", "3")])
def test_pets_and_places_belong_to_places_where_people_stay(
    run_cli: Runner, data_dir: Path, key: str, value: str
) -> None:
    text = entry("t", "services: [legal]", f"{key}: {value}")
    code, out = _validate(run_cli, data_dir, text)
    assert code == 1, out
    found = [line for line in out.splitlines() if f": {key}: " in line]
    assert len(found) == 1, out
    assert f"t.yml:{_line_of(text, key + ':')}:" in found[0]
    assert "neither `crisis-room` nor `shelter`" in found[0]


def test_the_new_fields_reach_the_model_as_written(run_cli: Runner, data_dir: Path) -> None:
    """`pets: yes` is the word yes (YAML 1.2), not a boolean; a video line means signing."""
    text = entry(
        "t",
        SHELTER,
        'phones:\n  - number: "8 0162 12-34-56"\n  - number: "+375 29 111-22-44"\n'
        '    type: video\n  - number: "+375 29 111-22-55"\n    type: sms',
        "pets: yes",
        "places: 7",
        "admission:\n  children: with-parent\n  boys_up_to_age: 12",
    )
    code, out = _validate(run_cli, data_dir, text)
    assert code == 0, out
    made = load_directory(data_dir).entry("t")
    assert (made.pets, made.places) == ("yes", 7)
    assert made.admission is not None and made.admission.boys_up_to_age == 12
    assert [p.type for p in made.phones] == ["voice", "video", "sms"]
    assert made.offers_sign_language and made.sign_language is None
    assert made.reached_by == ("sms", "video")


def test_entries_without_the_new_fields_say_nothing_about_them(data_dir: Path) -> None:
    made = load_directory(data_dir).entry("minsk-family-centre")
    assert (made.pets, made.places) == (None, None)
    assert made.offers_sign_language  # said outright: `sign_language: true`
    assert not load_directory(data_dir).entry("police-102").offers_sign_language
