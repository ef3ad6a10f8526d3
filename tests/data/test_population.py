"""population.yml: official figures per region, checked like the rest of the data; a mistake
is named with its file, line and field and a fix, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools.data.build import validate_directory
from build_tools.data.population import load_population
from tests.paths import FIXTURE_DIRECTORY, REPO

REGIONS = ("minsk-city", "brest", "vitebsk")
HEAD = """# yaml-language-server: $schema=schema/population.schema.json
as_of: 2025-01-01
source:
  publisher: {ru: Белстат, be: Белстат, en: Belstat}
  url: https://example.by/population
  read: 2026-11-30
"""


def _load(tmp_path: Path, body: str):
    (tmp_path / "population.yml").write_text(HEAD + body, encoding="utf-8")
    return load_population(tmp_path, REGIONS)


def test_the_real_figures_add_up_and_cover_every_region() -> None:
    data = REPO / "directory_data"
    result = validate_directory(data)
    assert result.directory is not None
    population = result.directory.population
    assert population is not None
    assert set(population.regions) == {r.id for r in result.directory.regions}
    assert sum(r.people for r in population.regions.values()) == population.total == 9109280
    assert population.regions["minsk-city"].people == 1996730
    assert population.url.startswith("https://")
    assert not [p for p in result.problems if "population" in p.path]


def test_good_figures_load(tmp_path: Path) -> None:
    population, problems = _load(
        tmp_path,
        "total: 6\nregions:\n  minsk-city: {people: 3, women: 2}\n  brest: {people: 2}\n"
        "  vitebsk: {people: 1}\n",
    )
    assert problems == []
    assert population.regions["minsk-city"].women == 2
    assert population.regions["brest"].women is None


@pytest.mark.parametrize(
    ("body", "line", "field", "words"),
    [
        (
            "regions:\n  minsk-city: {people: 3}\n  brest: {people: 2}\n  vitebsk: {people: 1}\n"
            "  mogilev: {people: 1}\n",
            11,
            "regions.mogilev",
            "`mogilev` is not a region in regions.yml",
        ),
        (
            "regions:\n  minsk-city: {people: 3}\n  brest: {people: 2}\n",
            7,
            "regions",
            "no figure for vitebsk",
        ),
        (
            "total: 7\nregions:\n  minsk-city: {people: 3}\n  brest: {people: 2}\n"
            "  vitebsk: {people: 1}\n",
            7,
            "total",
            "the regions add up to 6, not to the total 7",
        ),
        (
            "regions:\n  minsk-city: {people: 3, women: 4}\n  brest: {people: 2}\n"
            "  vitebsk: {people: 1}\n",
            8,
            "regions.minsk-city.women",
            "more women (4) than people (3)",
        ),
        (
            'regions:\n  minsk-city: {people: "1 996 730"}\n  brest: {people: 2}\n'
            "  vitebsk: {people: 1}\n",
            8,
            "regions.minsk-city.people",
            "",
        ),
    ],
    ids=["unknown-region", "missing-region", "total", "women", "number-as-text"],
)
def test_a_mistake_is_named_with_its_line_and_field(
    tmp_path: Path, body: str, line: int, field: str, words: str
) -> None:
    population, problems = _load(tmp_path, body)
    assert population is None
    errors = [p for p in problems if p.is_error]
    assert errors, problems
    first = errors[0]
    assert (first.line, first.field) == (line, field), first.format()
    assert words in first.message
    assert first.fix


def test_the_build_and_validate_stop_on_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    text = (data / "population.yml").read_text(encoding="utf-8")
    (data / "population.yml").write_text(
        text.replace("brest: {people: 1299912}", "brest: {people: 0}"), encoding="utf-8"
    )
    result = validate_directory(data)
    assert result.directory is None
    assert any(
        p.path.endswith("population.yml") and p.field == "regions.brest.people"
        for p in result.errors
    )


def test_without_the_file_there_is_no_coverage(tmp_path: Path) -> None:
    assert load_population(tmp_path, REGIONS) == (None, [])
