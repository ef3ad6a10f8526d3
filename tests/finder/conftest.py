"""A site built from the shared fixture directory plus the finder's own test entries."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import FIXTURE_DIRECTORY
from tests.serve import SiteServer
from tests.sitebuild import build_site

FINDER_DATA = Path(__file__).with_name("data")


@pytest.fixture(scope="session")
def finder_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared fixture directory with this folder's ``data/entries`` added."""
    data = tmp_path_factory.mktemp("finder-data") / "directory"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    shutil.copytree(FINDER_DATA / "entries", data / "entries" / "finder-tests")
    return data


@pytest.fixture(scope="session")
def finder_site(tmp_path_factory: pytest.TempPathFactory, finder_data_dir: Path) -> Path:
    work = tmp_path_factory.mktemp("finder-site")
    build_site(work, data_dir=finder_data_dir)
    return work / "site"


@pytest.fixture(scope="session")
def finder_url(finder_site: Path) -> Iterator[str]:
    server = SiteServer(finder_site)
    yield server.url
    server.stop()


@pytest.fixture
def finder_server(finder_site: Path) -> Iterator[SiteServer]:
    """A server of its own, for a test that cuts the network."""
    server = SiteServer(finder_site)
    yield server
    server.stop()
