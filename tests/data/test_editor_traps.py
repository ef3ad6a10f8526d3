"""Traps an editor falls into, each with the message `validate` now gives."""

from __future__ import annotations

from pathlib import Path

from tests.data.helpers import Runner, write

HEAD = "# yaml-language-server: $schema=../../schema/entry.schema.json\n"
BODY = """id: trap
name: {ru: Тест, be: Тэст, en: Test}
services: [crisis-room]
region: brest
phones:
  - number: "8 0162 12-34-56"
verified: 2026-10-01
"""
#: Where the facts come from, after the fields a test adds, so their line numbers stay put.
SOURCE = "source: Fictional test data\nsource_date: 2026-10-01\n"


def _lines(output: str, file: Path) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.strip().startswith(f"{file}:")]


def test_hours_without_days_warn_with_the_weekday_fix(data_dir: Path, run_cli: Runner) -> None:
    file = write(data_dir, "entries/brest/trap.yml", HEAD + BODY + 'hours: "8:30-17:30"\n' + SOURCE)
    code, out = run_cli("validate", str(data_dir))
    assert code == 0
    assert _lines(out, file) == [
        f"{file}:9:8: hours: warning: `8:30-17:30` names no days, so it means every day and "
        'the page says "daily" — for weekdays write `Mo-Fr 08:30-17:30`; if it really is '
        "every day, write `Mo-Su 08:30-17:30`"
    ]


def test_hours_with_days_do_not_warn(data_dir: Path, run_cli: Runner) -> None:
    text = HEAD + BODY + 'hours: "Mo-Fr 08:30-17:30; Sa 09:00-13:00; Su off"\n' + SOURCE
    file = write(data_dir, "entries/brest/trap.yml", text)
    code, out = run_cli("validate", str(data_dir))
    assert code == 0 and _lines(out, file) == []


def test_an_unquoted_comma_in_a_text_map_shows_the_quoted_form(
    data_dir: Path, run_cli: Runner
) -> None:
    text = (
        HEAD + BODY + "summary: {ru: круглосуточно, дежурный специалист, без выходных}\n" + SOURCE
    )
    file = write(data_dir, "entries/brest/trap.yml", text)
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    lines = _lines(out, file)
    assert lines[0] == (
        f"{file}:9:30: summary.дежурный специалист: `дежурный специалист` is not a field: "
        "a comma inside `{…}` ended the text before it — put the whole text in quotes: "
        '`ru: "круглосуточно, дежурный специалист, без выходных"`'
    )
    assert "unknown field" not in out


def test_a_misspelt_field_is_still_an_unknown_field(data_dir: Path, run_cli: Runner) -> None:
    file = write(
        data_dir, "entries/brest/trap.yml", HEAD + BODY + "summary: {ru: x, eng: y}\n" + SOURCE
    )
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    assert "summary.eng: unknown field `eng` — did you mean `en`?" in "\n".join(_lines(out, file))


def test_an_empty_required_field_is_not_advised_away(data_dir: Path, run_cli: Runner) -> None:
    text = HEAD + BODY.replace("name: {ru: Тест, be: Тэст, en: Test}", "name:") + SOURCE
    file = write(data_dir, "entries/brest/trap.yml", text + "summary:\n")
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    lines = _lines(out, file)
    assert (
        f"{file}:3:1: name: the value is empty — write a value after the colon: it is "
        "required" in lines
    )
    # An optional field may still go.
    assert any(
        line.endswith(
            "summary: the value is empty — write a value after the colon, or remove the line"
        )
        for line in lines
    )


def test_an_empty_verified_is_filled_in_or_traded_for_the_source(
    data_dir: Path, run_cli: Runner
) -> None:
    """`verified` is optional in the schema, yet removing it alone only trades one error for
    another: the fix says what to write, or what to write instead."""
    text = HEAD + BODY.replace("verified: 2026-10-01", "verified:")
    file = write(data_dir, "entries/brest/trap.yml", text)
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    assert (
        f"{file}:8:1: verified: the value is empty — write the day the details were confirmed "
        "by phone (YYYY-MM-DD); if nobody has called yet, remove the line and write "
        "`status: unconfirmed` with `source` and `source_date`"
    ) in _lines(out, file)


def test_a_required_part_of_an_optional_field_names_what_may_go(
    data_dir: Path, run_cli: Runner
) -> None:
    text = (
        HEAD
        + BODY.replace('number: "8 0162 12-34-56"', 'number: ""')
        + "summary:\n  ru:\n"
        + SOURCE
    )
    file = write(data_dir, "entries/brest/trap.yml", text)
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    lines = _lines(out, file)
    assert f"{file}:7:13: phones.1.number: the text is empty — write the text: it is required" in (
        lines
    )
    assert (
        f"{file}:10:3: summary.ru: the value is empty — write a value after the colon, or "
        "remove `summary` altogether" in lines
    )
    assert not any("remove the line" in line for line in lines)
