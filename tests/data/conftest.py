"""Helpers for the data-stage tests: a writable copy of the fixture directory and a way to
run ``python -m build_tools <command>`` in-process, capturing what an editor would see."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools.cli import main
from tests.data.helpers import Runner
from tests.paths import FIXTURE_DIRECTORY


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the shared fixture directory that a test may change."""
    target = tmp_path / "directory_data"
    shutil.copytree(FIXTURE_DIRECTORY, target)
    return target


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Runner:
    """``run_cli("validate", str(dir))`` → (exit code, everything printed)."""

    def run(*args: str) -> tuple[int, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    return run
