"""No page asks any other origin for anything (fonts, CDN, analytics, embeds, tiles)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build_tools.languages import LANGUAGES


@pytest.mark.browser
def test_no_page_requests_another_origin(browser, built_site: Path, site_url: str) -> None:
    origin = urlsplit(site_url).netloc
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    assert len(pages) > 40
    # Every page but the entry pages, which all come from one template: three of those per
    # language are enough (tests/safety checks every page type in depth).
    entries: dict[str, int] = {}

    def keep(rel: str) -> bool:
        parts = rel.split("/")
        if "directory" not in parts or len(parts) - parts.index("directory") != 3:
            return True
        lang = parts[0] if parts[0] in LANGUAGES[1:] else LANGUAGES[0]
        entries[lang] = entries.get(lang, 0) + 1
        return entries[lang] <= 3

    pages = [rel for rel in pages if keep(rel)]
    context = browser.new_context()
    foreign: list[str] = []

    def check(route, request) -> None:
        if urlsplit(request.url).netloc != origin and not request.url.startswith("data:"):
            foreign.append(request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", check)
    page = context.new_page()
    try:
        for rel in pages:
            page.goto(site_url + rel[: -len("index.html")], wait_until="load")
    finally:
        context.close()
    assert foreign == []


@pytest.mark.browser
def test_a_page_fetches_nothing_that_is_missing(page, site_url: str) -> None:
    """No wasted request on a slow connection: every fetch of the directory home succeeds."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(site_url + "be/directory/", wait_until="networkidle")
    assert failed == []
