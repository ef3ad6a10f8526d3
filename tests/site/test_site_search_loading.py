"""Material's site search starts when the visitor first uses the search box, not on load.

A page that is only read fetches neither the search index nor the search worker nor its
stemmers; focusing the box, Material's `/` shortcut or the kept offline copy all still give
results on the first try (components/site-search/site-search.js).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.serve import SiteServer

pytestmark = pytest.mark.browser

#: What Material's site search fetches: the index, its worker, the worker's stemmers.
SEARCH_FILES = re.compile(r"search/search_index\.json|/workers/search\.|/lunr/min/")
ENTRY = "directory/brest-crisis-room/"


def search_requests(page) -> list[str]:
    return [url for url in page.requests_seen if SEARCH_FILES.search(url)]


def loaded(page, url: str) -> None:
    """Open ``url`` and wait until the page and Material's script have settled."""
    page.goto(url, wait_until="networkidle")
    # Material's bundle ran (it swaps no-js for js) and built its search stand-in.
    assert page.evaluate("document.documentElement.classList.contains('js')")


def results(page) -> list[str]:
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


@pytest.mark.parametrize("path", ["", ENTRY, "en/" + ENTRY, "be/"])
def test_reading_a_page_fetches_no_site_search(page, fixture_site_url, path) -> None:
    loaded(page, fixture_site_url + path)
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(300)
    assert search_requests(page) == []


def test_focus_then_typing_finds_pages(page, fixture_site_url) -> None:
    loaded(page, fixture_site_url + ENTRY)
    page.locator(".md-search__input").focus()
    # Typed at once, before the index has arrived: the query waits for it.
    page.locator(".md-search__input").press_sequentially("кризисные комнаты", delay=5)
    assert any("get-help/social/" in href for href in results(page))
    fetched = search_requests(page)
    assert any("search_index.json" in url for url in fetched)
    assert any("lunr.ru.min.js" in url for url in fetched)


def test_clicking_the_search_icon_on_a_phone_finds_pages(browser, fixture_site_url) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, has_touch=True)
    page = context.new_page()
    try:
        page.goto(fixture_site_url + "en/", wait_until="networkidle")
        page.locator("label.md-header__button[for='__search']").click()
        page.locator(".md-search__input").press_sequentially("safety plan", delay=5)
        assert any("get-help/safety-plan/" in href for href in results(page))
    finally:
        context.close()


@pytest.mark.parametrize("key", ["/", "s"])
def test_material_shortcut_starts_search(page, fixture_site_url, key) -> None:
    loaded(page, fixture_site_url + "be/")
    page.keyboard.press(key)
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("план бяспекі", delay=5)
    assert any("get-help/safety-plan/" in href for href in results(page))


def test_typing_elsewhere_does_not_start_search(page, fixture_site_url) -> None:
    loaded(page, fixture_site_url + "directory/")
    page.locator("#hd-finder-q").fill("")
    page.locator("#hd-finder-q").press_sequentially("sf/", delay=5)
    page.wait_for_timeout(300)
    assert search_requests(page) == []


def test_kept_copy_searches_offline_on_first_use(browser, fixture_site) -> None:
    """Kept on the device, then opened with no network: the first search still answers."""
    server = SiteServer(fixture_site)
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    try:
        page.goto(server.url + "directory/", wait_until="networkidle")
        offline = page.locator("[data-hd-offline]")
        offline.get_by_role("button", name="Сохранить на устройстве").click()
        expect(offline.locator("[data-offline-status]")).to_have_text(
            "Копия сохранена на этом устройстве.", timeout=60000
        )
        server.stop()
        context.set_offline(True)
        page.goto(server.url + ENTRY)
        expect(page.locator("h1")).to_be_visible()
        page.locator(".md-search__input").focus()
        page.locator(".md-search__input").press_sequentially("кризисные комнаты", delay=5)
        assert any("get-help/social/" in href for href in results(page))
    finally:
        context.close()
        server.stop()
