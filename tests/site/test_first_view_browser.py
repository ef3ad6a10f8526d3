"""With only the inline stylesheet, a phone still gets a styled page whose header, menu, search
and language switcher look and work as Material's, and the policy blocks nothing of ours.

Screenshots of each state are saved in the test's tmp_path (look at them after a change).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ENTRY = "directory/brest-crisis-room/"


@pytest.fixture
def phone(browser, fixture_site_url):
    context = browser.new_context(viewport={"width": 360, "height": 640}, has_touch=True)
    page = context.new_page()
    page.blocked = []
    page.on(
        "console",
        lambda message: (
            page.blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(fixture_site_url + ENTRY, wait_until="networkidle")
    yield page
    context.close()


def _style(page, selector: str, prop: str) -> str:
    return page.locator(selector).first.evaluate(
        f"e => getComputedStyle(e).getPropertyValue('{prop}')"
    )


def test_the_page_is_styled_and_nothing_is_blocked(phone, tmp_path: Path) -> None:
    phone.screenshot(path=str(tmp_path / "entry-360.png"))
    assert phone.blocked == []
    # Material's header bar: fixed colour, sticky; its hidden toggles stay hidden.
    assert _style(phone, ".md-header", "position") == "sticky"
    assert _style(phone, ".md-header", "background-color") != "rgba(0, 0, 0, 0)"
    assert not phone.locator("#__drawer").is_visible()
    # Our components' rules are there too: the quick exit is a button in the corner.
    assert _style(phone, ".helpdir-exit__button", "position") in ("fixed", "sticky", "absolute")
    # The state helpers ran from the inline script before Material's bundle.
    assert phone.evaluate("typeof window.__md_get === 'function'")
    assert phone.evaluate("document.documentElement.classList.contains('js')")


def test_the_menu_opens_as_a_drawer(phone, tmp_path: Path) -> None:
    drawer = phone.locator(".md-sidebar--primary")
    assert drawer.bounding_box()["x"] + drawer.bounding_box()["width"] <= 1
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.wait_for_timeout(600)
    phone.screenshot(path=str(tmp_path / "menu-open-360.png"))
    box = drawer.bounding_box()
    assert box["x"] >= -1 and box["width"] > 200
    expect(phone.locator(".md-sidebar--primary .md-nav__link").first).to_be_visible()


def test_search_opens_and_shows_styled_results(phone, tmp_path: Path) -> None:
    phone.locator("label.md-header__button[for='__search']").click()
    phone.locator(".md-search__input").press_sequentially("кризисные комнаты", delay=5)
    phone.wait_for_selector(".md-search-result__item", timeout=15000)
    phone.wait_for_timeout(300)
    phone.screenshot(path=str(tmp_path / "search-open-360.png"))
    # The search dialog covers the screen, and its results (written by Material's script)
    # are laid out by Material's rules: list items without bullets, titles in the result font.
    box = phone.locator(".md-search__inner").bounding_box()
    assert box["width"] >= 350
    assert _style(phone, ".md-search-result__list", "list-style-type") == "none"
    assert _style(phone, ".md-search-result__link", "display") == "block"
    assert phone.blocked == []


def test_the_language_switcher_opens_and_leads_to_the_other_language(phone, tmp_path: Path) -> None:
    links = phone.locator(".md-select__inner")
    assert _style(phone, ".md-select__inner", "opacity") == "0"
    phone.locator(".md-select > button").focus()
    phone.wait_for_timeout(400)
    phone.screenshot(path=str(tmp_path / "switcher-open-360.png"))
    assert _style(phone, ".md-select__inner", "opacity") == "1"
    assert links.bounding_box()["x"] >= 0
    phone.locator(".md-select__link[hreflang='en']").click()
    phone.wait_for_url("**/en/" + ENTRY)
