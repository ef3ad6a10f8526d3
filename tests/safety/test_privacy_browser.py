"""Every page type in every language, in a real browser: nothing leaves, nothing stays.

A visitor's device may be checked by the person who hurts them, and the network may be watched:
no request to another origin, no cookie, nothing in localStorage, sessionStorage or IndexedDB,
and nothing the Content-Security-Policy had to block (which would mean the page tried).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.safety.sitepages import PAGES

pytestmark = pytest.mark.browser

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', event => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""

TRACES = """async () => ({
  cookie: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  databases: (await indexedDB.databases()).map(db => db.name),
  caches: window.caches ? await caches.keys() : [],
  workers: navigator.serviceWorker
    ? (await navigator.serviceWorker.getRegistrations()).map(r => r.scope) : [],
  csp: window.__cspViolations,
})"""

#: The finder's offline copy (Cache Storage and a service worker) is opt-in: without the
#: visitor asking for it, there is none either.
CLEAN = {
    "cookie": "",
    "local": 0,
    "session": 0,
    "databases": [],
    "caches": [],
    "workers": [],
    "csp": [],
}


def _foreign(requests: list[str], site_url: str) -> list[str]:
    origin = urlsplit(site_url).netloc
    return [
        url for url in requests if urlsplit(url).netloc != origin and not url.startswith("data:")
    ]


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_page_leaves_no_trace_and_asks_no_one_else(
    page, fixture_site_url: str, name: str, path: str
) -> None:
    page.add_init_script(WATCH_CSP)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(fixture_site_url + path, wait_until="networkidle")
    assert response is not None and response.ok, path
    # Use the page a little: open and close the navigation drawer, scroll to the end.
    page.keyboard.press("End")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    assert page.evaluate(TRACES) == CLEAN
    assert _foreign(page.requests_seen, fixture_site_url) == []
    assert errors == []


def test_searching_leaves_no_trace(page, fixture_site_url: str) -> None:
    """Material's search runs in a worker fed from the site; the query is kept nowhere."""
    page.add_init_script(WATCH_CSP)
    page.goto(fixture_site_url + "en/", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("crisis")
    page.wait_for_selector(".md-search-result__item")
    assert "crisis" not in page.url
    page.keyboard.press("Escape")
    page.goto(fixture_site_url + "en/get-help/", wait_until="networkidle")
    assert page.evaluate(TRACES) == CLEAN
    assert page.input_value("input[data-md-component=search-query]") == ""
    assert _foreign(page.requests_seen, fixture_site_url) == []
