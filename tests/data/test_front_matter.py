"""Front matter: MkDocs ignores broken blocks silently; here they are errors with a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.data.frontmatter import check_front_matter
from tests.data.helpers import Runner, write
from tests.paths import FIXTURE_DIRECTORY

GOOD = "---\ntitle: Помощь\ndescription: Куда обратиться\n---\n\n# Помощь\n"


def problems(tmp_path: Path, text: str) -> list[tuple[int, str, str, str]]:
    write(tmp_path, "ru/page.md", text)
    return [(p.line, p.field, p.severity, p.message) for p in check_front_matter(tmp_path)]


def test_good_page_has_no_problem(tmp_path: Path) -> None:
    assert problems(tmp_path, GOOD) == []


def test_broken_yaml_is_an_error_on_its_line(tmp_path: Path) -> None:
    [(line, _, severity, message)] = problems(
        tmp_path, "---\ntitle: a\ndescription: b: c\n---\ntext\n"
    )
    assert (line, severity) == (3, "error")
    assert "second `:`" in message


def test_duplicated_key_in_front_matter(tmp_path: Path) -> None:
    [(line, field, severity, _)] = problems(
        tmp_path, "---\ndescription: a\ntitle: b\ndescription: c\n---\n"
    )
    assert (line, field, severity) == (4, "description", "error")


def test_not_a_mapping_is_an_error(tmp_path: Path) -> None:
    [(line, _, severity, message)] = problems(tmp_path, "---\n- a\n- b\n---\ntext\n")
    assert (line, severity) == (2, "error")
    assert "not a set of `key: value` lines" in message


def test_unclosed_block_is_an_error(tmp_path: Path) -> None:
    [(line, _, severity, message)] = problems(tmp_path, "---\ntitle: a\n\n# Text\n")
    assert (line, severity) == (1, "error")
    assert "never closed" in message


@pytest.mark.parametrize("text", ["# No front matter\n", "---\ntitle: a\n---\n", "---\n---\n"])
def test_missing_description_is_a_warning(tmp_path: Path, text: str) -> None:
    [(_, field, severity, _)] = problems(tmp_path, text)
    assert (field, severity) == ("description", "warning")


def test_empty_description_is_an_error(tmp_path: Path) -> None:
    [(line, field, severity, _)] = problems(tmp_path, "---\ntitle: a\ndescription:\n---\n")
    assert (line, field, severity) == (3, "description", "error")


def test_validate_checks_pages_too(run_cli: Runner, tmp_path: Path) -> None:
    write(tmp_path, "content/ru/index.md", GOOD)
    write(tmp_path, "content/en/index.md", "---\ndescription: [unclosed\n---\n")
    code, out = run_cli("validate", str(FIXTURE_DIRECTORY), "--content", str(tmp_path / "content"))
    assert code == 1
    assert f"{tmp_path / 'content' / 'en' / 'index.md'}:" in out
    assert "index.md:3:1:" in out or "index.md:2:" in out
