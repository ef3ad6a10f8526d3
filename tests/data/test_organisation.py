"""organisation.yml: checked like the directory, and ``{{ org.key }}`` in editors' texts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools.data.build import validate_directory
from build_tools.data.organisation import load_organisation
from build_tools.facts_markup import check_files, fill_markdown, fill_text
from tests.paths import FIXTURE_DIRECTORY, REPO


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE_DIRECTORY, tmp_path / "data"))


def _edit(data: Path, old: str, new: str) -> None:
    file = data / "organisation.yml"
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def test_the_real_register_is_valid_and_complete() -> None:
    organisation, problems = load_organisation(REPO / "directory_data")
    assert problems == [] and organisation is not None
    en = organisation.facts("en")
    assert en["name"].text == "International Public Association “Gender Perspectives”"
    assert organisation.facts("ru")["name"].text.endswith("«Гендерные перспективы»")
    assert organisation.facts("be")["name"].text.endswith("«Гендарныя перспектывы»")
    assert en["hotline.tel"].text == "88011008801"
    assert en["chatbot.name"].text == "Help for domestic violence survivors"
    assert en["chatbot.handle"].text == "@HelpHotlineBot"
    assert en["hotline.opened"].text == "13 August 2012"
    assert organisation.facts("ru")["chatbot.opened"].text == "ноября 2019"
    # Every figure carries the date it is true for and its source.
    for figure in organisation.data["figures"].values():
        assert figure["as_of"] and figure["source"].startswith("https://")


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "says"),
    [
        ('hours: "08:00-20:00"', 'hours: "8-20"', 18, "hotline.hours", "not in the right form"),
        ("  telegram: Help", "  telegramm: Help", 28, "chatbot.telegramm", "unknown field"),
        ("value: 13874", "value: many", 35, "figures.hotline_calls.value", "whole number"),
        ('number: "8 801 100 8 801"', 'number: "8 801 100"', 17, "hotline.number", "8 801 100"),
    ],
)  # fmt: skip
def test_a_mistake_names_file_line_and_field(
    data: Path, old: str, new: str, line: int, field: str, says: str
) -> None:
    _edit(data, old, new)
    result = validate_directory(data)
    assert result.directory is None
    found = [p for p in result.errors if p.path.endswith("organisation.yml")]
    problem = next(p for p in found if p.field == field)
    assert problem.line == line
    assert says in problem.message and problem.fix


def test_a_source_is_required_for_every_figure(data: Path) -> None:
    _edit(
        data,
        "    as_of: 2020-04-01\n    source: https://www.genderperspectives.by/en/2015-10-19-08-43-44"
        "/2015-10-26-06-17-13/results-and-impact-domestic-violence\n",
        "    as_of: 2020-04-01\n",
    )
    errors = validate_directory(data).errors
    assert [p.field for p in errors] == ["figures.hotline_calls.source"]


def test_placeholders_are_filled_and_escaped() -> None:
    organisation, _ = load_organisation(REPO / "directory_data")
    assert organisation is not None
    facts = dict(organisation.facts("en"))
    text = "Call {{ org.hotline.link }}, {{org.hotline.hours}}. **{{ org.name }}**"
    assert fill_markdown(text, facts) == (
        "Call [8 801 100 8 801](tel:88011008801), 08:00–20:00. "
        "**International Public Association “Gender Perspectives”**"
    )
    # A value is text, never markup: Markdown and HTML in it are escaped.
    facts["name"] = type(facts["name"])("<b>*A*</b> [x](y)")
    assert fill_markdown("{{ org.name }}", facts) == r"&lt;b&gt;\*A\*&lt;/b&gt; \[x\]\(y\)"
    assert fill_text("{{ org.name }}", facts) == "<b>*A*</b> [x](y)"  # escaped where written


def test_an_unknown_key_names_file_and_line(tmp_path: Path) -> None:
    organisation, _ = load_organisation(REPO / "directory_data")
    assert organisation is not None
    page = tmp_path / "content" / "ru" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Page\n\nCall {{ org.hotline.link }}.\nOpen {{ org.hotline.hour }}\n")
    [problem] = check_files([page], organisation.facts("ru"), tmp_path)
    assert (problem.path, problem.line, problem.col) == ("content/ru/page.md", 4, 6)
    assert "{{ org.hotline.hour }}" in problem.message
    assert "org.hotline.hours" in problem.fix


def test_braces_around_a_name_are_a_fact_and_around_code_stay_text(tmp_path: Path) -> None:
    organisation, _ = load_organisation(REPO / "directory_data")
    assert organisation is not None
    facts = organisation.facts("en")
    page = tmp_path / "page.md"
    page.write_text('Open {{ hotline.hours }}.\n\nTemplate: {{ "".__class__ }}\n')
    [problem] = check_files([page], facts, tmp_path)
    assert (problem.line, problem.col) == (1, 6)
    assert fill_markdown('{{ "".x }}', facts) == '{{ "".x }}'
