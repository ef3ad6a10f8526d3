"""A site built from the shared fixture directory plus the finder's own test entries."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.paths import FIXTURE_DIRECTORY, REPO
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
    # mkdocs.yml's `watch` paths are relative to the config file, which the build writes here.
    for name in ("content", "directory_data"):
        (work / name).symlink_to(REPO / name)
    build_site(work, data_dir=finder_data_dir)
    return work / "site"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class Server:
    """The built site on a loopback port; ``stop()`` cuts it off like a lost connection."""

    def __init__(self, site: Path) -> None:
        handler = functools.partial(_Quiet, directory=str(site))
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.running = True

    def stop(self) -> None:
        if self.running:
            self._server.shutdown()
            self._server.server_close()
            self.running = False


@pytest.fixture(scope="session")
def finder_url(finder_site: Path) -> Iterator[str]:
    server = Server(finder_site)
    yield server.url
    server.stop()


@pytest.fixture
def finder_server(finder_site: Path) -> Iterator[Server]:
    """A server of its own, for a test that cuts the network."""
    server = Server(finder_site)
    yield server
    server.stop()
