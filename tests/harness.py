"""Fixtures shared by every layer of tests (loaded as a pytest plugin, see pyproject.toml).

- ``built_site``: the real content with the demo directory (``tests/fixtures/demo``: every
  region and kind of entry, all made up) built once per test session (strict mode).
- ``real_site``: the site as published: the real content and ``directory_data/``.
- ``fixture_site``: the shared fixture directory built once per session.
- ``site_url`` / ``fixture_site_url``: those sites served on a loopback port.
- ``browser`` / ``page``: Playwright driving Debian's chromium (no browser download); every
  request a page makes is recorded in ``page.requests_seen``.

Messages for editors are in English in tests (``HELPDIR_LANG=en``, for the subprocesses too),
so a test reads the source text; the tests of the catalogues choose Russian and Belarusian.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_tools.bench.browser import CHROMIUM, CHROMIUM_ARGS
from build_tools.messages import use_language
from tests.paths import DEMO_DIRECTORY, FIXTURE_DIRECTORY, REPO
from tests.serve import serve
from tests.sitebuild import build_site

os.environ["HELPDIR_LANG"] = "en"


@pytest.fixture(autouse=True)
def _messages_back_to_default() -> Iterator[None]:
    """A command run in the test process (``--lang ru``) chooses the messages' language for the
    rest of the process; the next test starts from ``HELPDIR_LANG`` again."""
    yield
    use_language(None)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content with the demo directory, built once: every page type has an example."""
    work = tmp_path_factory.mktemp("demo-site")
    build_site(work, data_dir=DEMO_DIRECTORY)
    return work / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as published (content/ and directory_data/), built once."""
    work = tmp_path_factory.mktemp("real-site")
    build_site(work, data_dir=REPO / "directory_data")
    return work / "site"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared fixture directory with the real content, built once."""
    work = tmp_path_factory.mktemp("fixture-site")
    build_site(work, data_dir=FIXTURE_DIRECTORY)
    return work / "site"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def fixture_site_url(fixture_site: Path) -> Iterator[str]:
    with serve(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"Debian's chromium is missing ({CHROMIUM}); `make test` installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser context per test (no shared cookies, storage or cache)."""
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    yield page
    context.close()
