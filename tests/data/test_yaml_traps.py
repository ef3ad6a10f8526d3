"""The YAML 1.1 traps editors would fall into with plain PyYAML, each pinned as a test.

Each trap is checked twice: in the loader (what the value becomes) and through the whole
pipeline (what the site's model holds, or what ``validate`` says), since that is what an
editor notices.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
import yaml

from build_tools.data.build import load_directory
from build_tools.data.yaml_loader import load_text
from tests.data.helpers import Runner, write

HEAD = "# yaml-language-server: $schema=../../schema/entry.schema.json\n"


def loaded(text: str) -> object:
    doc = load_text(text, "t.yml")
    assert not doc.problems, doc.problems
    return doc.data


def test_plain_pyyaml_really_has_these_traps() -> None:
    """Guards the premise: if PyYAML ever changes, these tests should be revisited."""
    data = yaml.safe_load("a: 10:30\nb: 0171234567\nc: no\nd: 1.10\ne: x\ne: y\n")
    assert data == {"a": 630, "b": 0o171234567, "c": False, "d": 1.1, "e": "y"}


@pytest.mark.parametrize("text", ["10:30", "08:00", "1:30:00", "20:00-08:00"])
def test_times_stay_text(text: str) -> None:
    assert loaded(f"hours: {text}") == {"hours": text}


@pytest.mark.parametrize("text", ["0171234567", "0800", "0o17", "0x1F", "1_000", "+375 29"])
def test_leading_zeros_octal_hex_stay_text(text: str) -> None:
    assert loaded(f"n: {text}") == {"n": text}


@pytest.mark.parametrize("word", ["no", "NO", "No", "yes", "YES", "on", "off", "ON", "y", "n", "Y"])
def test_yes_no_on_off_stay_text(word: str) -> None:
    assert loaded(f"v: {word}") == {"v": word}


@pytest.mark.parametrize(("word", "value"), [("true", True), ("false", False), ("True", True)])
def test_only_true_and_false_are_booleans(word: str, value: bool) -> None:
    assert loaded(f"v: {word}") == {"v": value}


def test_decimal_keeps_its_text_where_text_is_expected() -> None:
    doc = load_text("a: 1.10\n", "t.yml")
    assert doc.data == {"a": 1.1}
    assert doc.raw[("a",)] == "1.10"


def test_iso_dates_load_as_dates_and_bad_ones_stay_text() -> None:
    assert loaded("d: 2026-10-01\ne: 2026-13-45") == {"d": _dt.date(2026, 10, 1), "e": "2026-13-45"}


def test_null_forms() -> None:
    assert loaded("a:\nb: ~\nc: null\nd: 'null'") == {"a": None, "b": None, "c": None, "d": "null"}


def test_duplicated_key_is_an_error_with_both_lines() -> None:
    doc = load_text("a: 1\nb: 2\na: 3\n", "t.yml")
    [problem] = doc.problems
    assert (problem.line, problem.field) == (3, "a")
    assert "first on line 1" in problem.message
    assert doc.data["a"] == 1


def test_every_value_keeps_line_and_column() -> None:
    doc = load_text("# comment\nid: x\nphones:\n  - number: '102'\n    hours: 24/7\n", "t.yml")
    assert doc.where(("id",)) == (2, 5)
    assert doc.where(("phones", 0, "number")) == (4, 13)
    assert doc.key_where(("phones", 0, "hours")) == (5, 5)
    assert doc.where(("phones", 0, "label")) == (4, 5)  # missing: its parent


def test_recursive_alias_and_unknown_tags_are_errors_not_crashes() -> None:
    doc = load_text("a: &x [*x]\nb: !!python/object:os.system x\n", "t.yml")
    messages = " ".join(p.message for p in doc.problems)
    assert "refers to itself" in messages
    assert "not supported" in messages


def test_alias_bomb_is_stopped() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    doc = load_text("\n".join(lines), "t.yml")
    assert any("too many values" in p.message for p in doc.problems)


def _entry_with(extra: str) -> str:
    return (
        HEAD + "id: t\nname: {ru: Тест}\nservices: [hotline]\nregion: brest\n"
        "verified: 2026-10-01\n" + extra
    )


def test_traps_through_the_pipeline(data_dir: Path) -> None:
    """Unquoted editor values reach the model as typed."""
    write(
        data_dir,
        "entries/brest/t.yml",
        _entry_with(
            "phones:\n  - number: 102\n    label: {ru: 1.10, be: no, en: on}\n"
            "    hours: Mo-Fr 10:30-17:00\n"
            "messengers: {viber: +375291234567}\n"
            "summary: {ru: 2026-10-01}\n"
        ),
    )
    entry = load_directory(data_dir, today=_dt.date(2026, 11, 28)).entry("t")
    phone = entry.phones[0]
    assert (phone.display, phone.short) == ("102", True)
    assert dict(phone.label.values) == {"ru": "1.10", "be": "no", "en": "on"}
    assert phone.hours is not None and phone.hours.raw == "Mo-Fr 10:30-17:00"
    assert entry.messengers["viber"] == "+375291234567"
    assert entry.summary("ru") == "2026-10-01"


def test_leading_zero_number_through_the_pipeline(data_dir: Path) -> None:
    write(data_dir, "entries/brest/t.yml", _entry_with("phones:\n  - number: 0171234567\n"))
    entry = load_directory(data_dir, today=_dt.date(2026, 11, 28)).entry("t")
    assert entry.phones[0].raw == "0171234567"


def test_no_for_a_yes_no_field_is_explained(data_dir: Path, run_cli: Runner) -> None:
    write(data_dir, "entries/brest/t.yml", _entry_with("phones:\n  - number: '102'\nfree: no\n"))
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    assert "t.yml:9:7: free: `no` should be `true` or `false`" in out


def test_duplicated_key_through_validate(data_dir: Path, run_cli: Runner) -> None:
    write(data_dir, "entries/brest/t.yml", _entry_with("phones: [{number: '102'}]\nregion: x\n"))
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    assert "t.yml:8:1: region: `region` is written twice (first on line 5)" in out
