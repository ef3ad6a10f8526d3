"""The shared fixture directory and the real data validate clean; schemas are sound."""

from __future__ import annotations

import datetime as _dt
import json
import os
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from build_tools.data.build import load_directory, validate_directory
from build_tools.data.errors import format_problems
from build_tools.data.schema import SCHEMA_DIR
from tests.data.helpers import Runner
from tests.paths import FIXTURE_DIRECTORY, REPO

REAL = REPO / "directory_data"
SCHEMA_LINE = "# yaml-language-server: $schema="


def test_fixture_directory_validates_without_any_problem() -> None:
    result = validate_directory(FIXTURE_DIRECTORY, today=_dt.date(2026, 11, 28))
    assert result.problems == [], format_problems(result.problems)
    assert result.directory is not None
    assert len(result.directory.entries) == 12


def test_fixture_directory_through_the_command(run_cli: Runner) -> None:
    code, out = run_cli("validate", str(FIXTURE_DIRECTORY))
    assert code == 0
    assert out.strip() == "OK: 12 entries, 3 regions, 8 kinds of help, no problems."


def test_fixture_directory_refused_when_publishing(run_cli: Runner) -> None:
    code, out = run_cli("validate", "--publish", str(FIXTURE_DIRECTORY))
    assert code == 1
    assert "vitebsk-sample-shelter.yml:4:9: status: a sample entry cannot be published" in out


@pytest.mark.skipif(not (REAL / "regions.yml").is_file(), reason="no real data yet")
def test_real_directory_validates_clean() -> None:
    result = validate_directory(REAL)
    assert result.errors == [], format_problems(result.errors)
    assert result.directory is not None and result.directory.entries


@pytest.mark.skipif(not (REAL / "regions.yml").is_file(), reason="no real data yet")
def test_real_content_front_matter_has_no_errors(run_cli: Runner) -> None:
    code, out = run_cli("validate", str(REAL), "--content", str(REPO / "content"))
    assert code == 0, out


@pytest.mark.parametrize("kind", ["regions", "services", "entry"])
def test_schemas_are_valid_draft_2020_12_with_descriptions(kind: str) -> None:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    item = schema.get("items", schema)
    for name, prop in item["properties"].items():
        assert "description" in prop or "$ref" in prop, name


def _data_files(root: Path) -> list[Path]:
    files = [root / "regions.yml", root / "services.yml"]
    return files + sorted((root / "entries").rglob("*.yml"))


@pytest.mark.parametrize("root", [FIXTURE_DIRECTORY, REAL], ids=["fixture", "real"])
def test_every_data_file_names_its_schema_on_the_first_line(root: Path) -> None:
    if not (root / "regions.yml").is_file():
        pytest.skip("no data yet")
    for file in _data_files(root):
        first = file.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith(SCHEMA_LINE), file
        target = (file.parent / first.removeprefix(SCHEMA_LINE)).resolve()
        kind = "entry" if "entries" in file.parts else file.stem
        assert target == (SCHEMA_DIR / f"{kind}.schema.json").resolve(), file


def test_load_directory_raises_with_every_problem(tmp_path: Path) -> None:
    from build_tools.data.errors import DataError

    (tmp_path / "entries").mkdir()
    (tmp_path / "regions.yml").write_text("- {id: a, name: {ru: A}}\n", encoding="utf-8")
    (tmp_path / "services.yml").write_text("- {id: s, name: {ru: S}, extra: 1}\n", "utf-8")
    (tmp_path / "entries" / "x.yml").write_text("id: x\nname: {ru: X}\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_directory(tmp_path)
    fields = {p.field for p in caught.value.errors}
    assert {"1.extra", "services", "verified", "region", "id"} <= fields


def test_the_module_runs_as_a_command() -> None:
    """``python -m build_tools validate`` itself: exit codes as CI sees them."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    ok = subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", str(FIXTURE_DIRECTORY)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", "--publish", str(FIXTURE_DIRECTORY)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 1
    assert "status: a sample entry cannot be published" in bad.stdout
