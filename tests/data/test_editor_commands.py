"""Commands the tools tell an editor to run work as typed in the repository folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.data.build import load_directory
from build_tools.report import short_report
from tests.data.helpers import Runner
from tests.paths import FIXTURE_DIRECTORY, REPO


def _make(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def _hinted_make_commands(text: str) -> list[str]:
    return re.findall(r"`(make [a-z-]+)[^`]*`", text) + re.findall(r": (make [a-z-]+)$", text, re.M)


def test_the_build_summary_and_new_entry_hint_make_targets_that_exist(
    run_cli: Runner, data_dir: Path
) -> None:
    summary = short_report(load_directory(FIXTURE_DIRECTORY), stale_months=12)
    assert summary.endswith("Details: make report")
    code, out = run_cli(
        "new-entry", "--data", str(data_dir), "--id", "x-new", "--region", "brest",
        "--service", "legal",
    )  # fmt: skip
    assert code == 0 and "then run `make validate`." in out
    skeleton = (data_dir / "entries/brest/x-new.yml").read_text(encoding="utf-8")
    hinted = set(_hinted_make_commands(summary + "\n" + out + "\n" + skeleton))
    assert hinted == {"make report", "make validate"}
    for command in hinted:
        dry = _make("-n", command.split()[1])
        assert dry.returncode == 0, dry.stderr
        assert f"-m build_tools {command.split()[1]}" in dry.stdout


def test_make_validate_checks_the_real_data() -> None:
    result = _make("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: " in result.stdout


def test_make_leaflet_takes_region_and_lang_but_not_the_locale() -> None:
    asked = _make("-n", "leaflet", "REGION=brest", "LANG=be", env={"LANG": "C.UTF-8"})
    assert '--region "brest" --lang "be"' in asked.stdout and "env -u LANG" in asked.stdout
    locale_only = _make("-n", "leaflet", "REGION=vitebsk", env={"LANG": "C.UTF-8"})
    assert '--region "vitebsk" --lang "ru"' in locale_only.stdout
    missing = _make("leaflet")
    assert missing.returncode != 0
    assert "Say which region: make leaflet REGION=brest LANG=be (or REGION=national)" in (
        missing.stdout
    )


@pytest.mark.parametrize("command", ["validate", "report", "leaflet"])
def test_without_the_packages_a_command_says_run_make_build(command: str) -> None:
    """`-S` leaves site-packages out: what a Python without the project's packages sees."""
    result = subprocess.run(
        [sys.executable, "-S", "-m", "build_tools", command],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "run `make build` first" in result.stderr
    assert "`.venv/bin/python -m build_tools …`" in result.stderr
