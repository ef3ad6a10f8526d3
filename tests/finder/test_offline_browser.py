"""Keeping the directory on the device: only when asked, works with the network cut, and
goes away completely when removed."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.serve import SiteServer as Server

pytestmark = pytest.mark.browser

CACHES = "caches.keys()"
WORKERS = "navigator.serviceWorker.getRegistrations().then(r => r.map(x => x.scope))"


def ready(page) -> None:
    expect(page.locator("[data-hd-finder]")).to_be_visible()
    expect(page.locator("#hd-finder-status")).to_have_text("", timeout=15000)


def wait_until(page, check, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("gave up waiting")
        page.wait_for_timeout(200)


@contextmanager
def kept_copy(browser, site: Path, root: str, keep: str, kept: str) -> Iterator[tuple]:
    """A served copy of the site whose finder (under ``root``) was kept on the device by
    pressing ``keep`` until the status says ``kept``; yields the server and the page."""
    server = Server(site)
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    try:
        page.goto(f"{server.url}{root}directory/")
        ready(page)
        offline = page.locator("[data-hd-offline]")
        offline.get_by_role("button", name=keep).click()
        expect(offline.locator("[data-offline-status]")).to_have_text(kept, timeout=60000)
        yield server, page
    finally:
        context.close()
        server.stop()


def test_without_opting_in_nothing_is_stored(page, finder_url: str) -> None:
    page.goto(f"{finder_url}directory/")
    ready(page)
    page.fill("#hd-finder-q", "кризисной комнаты")
    page.locator("#hd-finder-results a").first.click()
    expect(page.locator("h1")).to_be_visible()
    page.goto(f"{finder_url}be/directory/")
    ready(page)
    assert page.evaluate(CACHES) == []
    assert page.evaluate(WORKERS) == []


@pytest.fixture
def own_site(finder_site: Path, tmp_path: Path) -> Path:
    """A copy the test may change (to publish a "new build")."""
    return Path(shutil.copytree(finder_site, tmp_path / "site"))


def test_kept_copy_works_offline_and_is_removed(browser, own_site: Path) -> None:
    with kept_copy(
        browser,
        own_site,
        "",
        "Сохранить на устройстве",
        "Копия сохранена на этом устройстве.",
    ) as (server, page):
        offline = page.locator("[data-hd-offline]")
        expect(offline).to_contain_text("след на устройстве")
        names = page.evaluate(CACHES)
        assert len(names) == 1 and names[0].startswith("helpdir-offline-")
        assert page.evaluate(WORKERS) == [server.url]

        # The network goes away: the server stops and the browser is offline.
        server.stop()
        page.context.set_offline(True)
        page.reload()
        ready(page)
        page.fill("#hd-finder-q", "кризисной комнаты")
        page.locator("#hd-finder-results a", has_text="Кризисная комната «Пример»").click()
        expect(page.locator("h1")).to_contain_text("Кризисная комната «Пример»")
        leaflet = page.evaluate(
            "fetch('../../leaflets/ru/brest.pdf')"
            ".then(r => r.arrayBuffer().then(b => [r.status, Array.from(new Uint8Array(b, 0, 4))]))"
        )
        assert leaflet[0] == 200
        assert bytes(leaflet[1]) == b"%PDF"
        page.goto(f"{server.url}directory/regions/brest/")
        expect(page.locator("a[href$='pinsk-crisis-room/']").first).to_be_visible()

        page.goto(f"{server.url}directory/")
        ready(page)
        offline.get_by_role("button", name="Удалить копию с устройства").click()
        expect(offline.locator("[data-offline-status]")).to_have_text(
            "Копия удалена с этого устройства."
        )
        assert page.evaluate(CACHES) == []
        assert page.evaluate(WORKERS) == []


def test_a_new_build_replaces_the_kept_copy_on_the_next_visit(browser, own_site: Path) -> None:
    with kept_copy(
        browser, own_site, "en/", "Keep on this device", "A copy is kept on this device."
    ) as (_, page):
        (old,) = page.evaluate(CACHES)
        assert old.endswith(":en/finder/offline.json")
        worker = own_site / "sw.js"
        build = old.removeprefix("helpdir-offline-").split(":")[0]
        worker.write_text(worker.read_text().replace(build, "newbuild0001"))

        page.reload()
        ready(page)
        wait_until(
            page,
            lambda: (
                page.evaluate(CACHES) == ["helpdir-offline-newbuild0001:en/finder/offline.json"]
            ),
        )
