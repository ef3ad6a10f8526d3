"""Leaflets made once per session from the shared fixture directory."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from build_tools.data.build import load_directory
from build_tools.data.model import Directory
from build_tools.languages import LANGUAGES
from build_tools.leaflets import LeafletInfo, build_leaflets
from tests.paths import FIXTURE_DIRECTORY

SITE_URL = "https://help.example.org/"


@dataclass(frozen=True)
class Made:
    directory: Directory
    out_dir: Path
    infos: list[LeafletInfo]

    def info(self, path: str) -> LeafletInfo:
        return next(i for i in self.infos if i.path == path)


@pytest.fixture(scope="session")
def fixture_directory() -> Directory:
    return load_directory(FIXTURE_DIRECTORY)


@pytest.fixture(scope="session")
def made(fixture_directory: Directory, tmp_path_factory: pytest.TempPathFactory) -> Made:
    out_dir = tmp_path_factory.mktemp("leaflets")
    infos = build_leaflets(fixture_directory, out_dir, site_url=SITE_URL, languages=list(LANGUAGES))
    return Made(fixture_directory, out_dir, infos)


def with_changes(directory: Directory, entry_id: str, **changes: object) -> Directory:
    """The directory with one entry changed (the model is immutable: a changed copy)."""
    entries = tuple(replace(e, **changes) if e.id == entry_id else e for e in directory.entries)
    return Directory(directory.regions, directory.services, entries)
