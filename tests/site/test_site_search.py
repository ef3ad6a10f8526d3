"""Material's page search, per language: Belarusian and Russian words find their own pages.

Material matches the beginnings of words (it drops lunr's stemmer), so morphology works where
the typed form is a prefix of the page's form; the Belarusian build uses our lunr.be plugin
for its stop words. The finder, not this search, does full Russian and Belarusian stemming.
"""

from __future__ import annotations

import pytest


def search(page, base: str, query: str) -> list[str]:
    """Type a query into Material's search and return the result links (page paths)."""
    page.goto(base)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially(query, delay=10)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return [h.removeprefix(base) for h in hrefs]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("крызісныя пакоі", "get-help/social/"),
        ("план бяспекі", "get-help/safety-plan/"),
    ],
)
def test_belarusian_words_find_belarusian_pages(page, site_url, query, expected) -> None:
    results = search(page, site_url + "be/", query)
    assert any(r.startswith(expected) for r in results), results
    assert not any(r.startswith(("../en/", "en/")) for r in results)


@pytest.mark.browser
def test_russian_morphology_in_page_search(page, site_url) -> None:
    results = search(page, site_url, "кризисные комнаты")
    assert any(r.startswith("get-help/social/") for r in results), results
