"""The published directory holds real help only: every local entry says where it comes from.

A visitor must never meet an example next to real help, and an editor or a volunteer calling
to confirm an entry must be able to find the page it was taken from. These checks read the
YAML files themselves (as an editor writes them), so a missing field is caught even where
the build would fill in a default.
"""

from __future__ import annotations

import datetime as _dt
import shutil
from pathlib import Path

import pytest
import yaml

from tests.data.helpers import Runner
from tests.paths import REPO

REAL = REPO / "directory_data"


def entries_without_source(data_dir: Path) -> list[str]:
    """Files of non-national entries that lack a `source` or a usable `source_date`."""
    problems = []
    for path in sorted((data_dir / "entries").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("national") is True:
            continue
        rel = path.relative_to(data_dir).as_posix()
        source = data.get("source")
        if not isinstance(source, str) or not source.strip():
            problems.append(f"{rel}: no source")
        when = data.get("source_date")
        if not isinstance(when, _dt.date) or when > _dt.date.today():
            problems.append(f"{rel}: no source_date (or one in the future): {when!r}")
    return problems


def test_every_local_entry_names_its_source_and_date() -> None:
    local = [
        p
        for p in (REAL / "entries").rglob("*.yml")
        if (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("national") is not True
    ]
    assert local, "the real directory has no local entries"
    assert entries_without_source(REAL) == []


def test_an_entry_without_its_source_is_caught(tmp_path: Path) -> None:
    data = tmp_path / "directory_data"
    shutil.copytree(REAL, data)
    victim = next(
        p
        for p in sorted((data / "entries").rglob("*.yml"))
        if "source:" in p.read_text(encoding="utf-8") and "national: true" not in p.read_text()
    )
    lines = victim.read_text(encoding="utf-8").splitlines(keepends=True)
    victim.write_text("".join(x for x in lines if not x.startswith("source:")), "utf-8")
    rel = victim.relative_to(data).as_posix()
    assert entries_without_source(data) == [f"{rel}: no source"]


def test_the_published_directory_passes_the_publishing_check(run_cli: Runner) -> None:
    code, out = run_cli("validate", "--publish", str(REAL))
    assert code == 0, out
    assert out.splitlines()[-1].startswith("OK: ")


def test_no_sample_is_left_in_the_published_directory() -> None:
    statuses = {
        p.relative_to(REAL).as_posix(): (yaml.safe_load(p.read_text("utf-8")) or {}).get("status")
        for p in (REAL / "entries").rglob("*.yml")
    }
    assert statuses
    assert [rel for rel, status in statuses.items() if status == "sample"] == []


def test_a_sample_slipped_into_the_directory_fails_the_publishing_check(
    tmp_path: Path, run_cli: Runner
) -> None:
    data = tmp_path / "directory_data"
    shutil.copytree(REAL, data)
    entry = next(p for p in sorted((data / "entries").rglob("*.yml")) if "status:" in p.read_text())
    text = entry.read_text(encoding="utf-8")
    entry.write_text(
        "".join(
            "status: sample\n" if line.startswith("status:") else line
            for line in text.splitlines(keepends=True)
        ),
        "utf-8",
    )
    code, out = run_cli("validate", "--publish", str(data))
    assert code == 1
    assert "a sample entry cannot be published" in out


@pytest.mark.parametrize("kind", ["crisis-room", "shelter"])
def test_places_to_stay_show_at_most_their_town(kind: str) -> None:
    """Crisis rooms and shelters: never an address or a map point, even where a page had one."""
    for path in sorted((REAL / "entries").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if kind not in data.get("services", []):
            continue
        rel = path.relative_to(REAL).as_posix()
        assert data.get("address_visibility") in ("locality", "hidden"), rel
        assert "address" not in data and "geo" not in data, rel


def test_every_region_has_real_help_and_at_least_21_regional_entries() -> None:
    """A visitor in any region finds at least one local service; the directory holds at least
    21 regional entries in all (national lines not counted)."""
    regions = yaml.safe_load((REAL / "regions.yml").read_text(encoding="utf-8"))
    per_region = {region["id"]: 0 for region in regions}
    for path in (REAL / "entries").rglob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("national") is True or data.get("status") == "sample":
            continue
        per_region[data["region"]] = per_region.get(data["region"], 0) + 1
    assert [r for r, n in per_region.items() if n == 0] == []
    assert sum(per_region.values()) >= 21
