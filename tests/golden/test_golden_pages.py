"""Golden pages: one generated page of each kind, in every language, as committed.

A change to a template, a strings file, the pages stage or Material shows up here as a diff a
reviewer can read. When the change is meant, ``make golden`` writes the new pages (commit them
with the change); ``tests/golden/README.md`` says how.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.golden.goldensite import GOLDEN, LANG_ROOTS, PAGES, build_fixture, updating


@pytest.fixture(scope="module")
def golden_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture(tmp_path_factory.mktemp("golden"))


def _diff(expected: str, actual: str, name: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"golden {name}",
        tofile=f"built {name}",
        n=2,
    )
    return "".join(list(lines)[:60])


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_generated_page_matches_golden(golden_build: Path, lang: str, kind: str) -> None:
    built = (golden_build / LANG_ROOTS[lang] / PAGES[kind]).read_text(encoding="utf-8")
    golden = GOLDEN / lang / f"{kind}.html"
    if updating():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(built, encoding="utf-8")
        return
    assert golden.is_file(), f"{golden} is missing: run `make golden` and commit it"
    expected = golden.read_text(encoding="utf-8")
    assert built == expected, (
        f"{lang} {kind} page differs from {golden.relative_to(GOLDEN.parent.parent.parent)} "
        "(if the change is meant: `make golden`, then commit the pages):\n"
        + _diff(expected, built, f"{lang}/{kind}.html")
    )
