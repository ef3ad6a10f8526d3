"""The search dialog gets its accessible name in the page's language."""

from __future__ import annotations

import pytest


@pytest.mark.browser
@pytest.mark.parametrize(("path", "name"), [("", "Поиск"), ("en/", "Search")])
def test_search_dialog_has_a_name(page, fixture_site_url, path, name) -> None:
    page.goto(fixture_site_url + path)
    assert page.locator(".md-search").get_attribute("aria-label") == name
