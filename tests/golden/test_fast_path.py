"""The entry pages' shared shell (build_tools/page_shell.py) writes what the full template
writes: a fixture build through the fast path and one forced through Material's full page
template (``HELPDIR_FULL_TEMPLATE=1``) must be the same files, byte for byte."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.golden.goldensite import FULL_TEMPLATE_VARIABLE, LANG_ROOTS
from tests.paths import FIXTURE_DIRECTORY
from tests.sitebuild import build_site

FILLED = re.compile(r"(\w+): Entry pages: (\d+) filled into the shared page shell, (\d+) through")


@pytest.fixture(scope="module")
def both_paths(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    fast_work = tmp_path_factory.mktemp("fast-path")
    fast = build_site(fast_work, data_dir=FIXTURE_DIRECTORY, leaflets=False)
    full_work = tmp_path_factory.mktemp("full-template")
    env = {FULL_TEMPLATE_VARIABLE: "1"}
    full = build_site(full_work, data_dir=FIXTURE_DIRECTORY, leaflets=False, env=env)
    assert not FILLED.search(full.stderr), "the switch did not force the full template"
    return fast_work / "site", full_work / "site", fast.stderr


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def test_fast_path_fills_entry_pages_in_every_language(both_paths: tuple[Path, Path, str]) -> None:
    """Without this the equivalence below would hold trivially (nothing filled)."""
    filled = {lang: int(n) for lang, n, _ in FILLED.findall(both_paths[2])}
    assert set(filled) == set(LANG_ROOTS)
    entries = len(list((FIXTURE_DIRECTORY / "entries").rglob("*.yml")))
    for lang, count in filled.items():
        # The entry with a notice of its own takes the full template; the others the shell.
        assert count == entries - 1, f"{lang}: {count} of {entries} entry pages filled"


def test_fast_path_writes_the_same_site_as_the_full_template(
    both_paths: tuple[Path, Path, str],
) -> None:
    fast, full = _files(both_paths[0]), _files(both_paths[1])
    assert sorted(fast) == sorted(full)
    differing = [
        name for name in sorted(fast) if fast[name].read_bytes() != full[name].read_bytes()
    ]
    assert not differing, f"{len(differing)} files differ, the first: {differing[:5]}"
    assert any(name.endswith("directory/brest-psychologist/index.html") for name in fast)
