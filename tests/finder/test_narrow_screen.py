"""On a 360 px phone the finder's cards use the screen's whole width (issue: every pixel of a
card's width is a line less to scroll), and nothing scrolls sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("prefix", ["", "be/", "en/"])
def test_cards_reach_both_edges_of_a_small_phone(browser, finder_url: str, prefix: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(f"{finder_url}{prefix}directory/")
        expect(page.locator("#hd-finder-status")).to_have_text("", timeout=15000)
        page.fill("#hd-finder-q", "Minsk")
        card = page.locator(".hd-card").first
        card.scroll_into_view_if_needed()
        box = card.bounding_box()
        assert box is not None
        assert box["x"] <= 0.5 and box["x"] + box["width"] >= 359.5, box
        # The text inside keeps a small margin from the glass, and no line is cut off.
        name = card.locator(".hd-card__name").bounding_box()
        assert name is not None and 8 <= name["x"] <= 20, name
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_cards_keep_their_frame_on_a_wide_screen(browser, finder_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{finder_url}en/directory/")
        expect(page.locator("#hd-finder-status")).to_have_text("", timeout=15000)
        page.fill("#hd-finder-q", "Minsk")
        card = page.locator(".hd-card").first
        content = page.locator(".md-content__inner").bounding_box()
        box = card.bounding_box()
        assert content is not None and box is not None
        # Flush with the text column (no list indent), not wider than it.
        assert abs(box["x"] - content["x"]) <= 1 and box["width"] <= content["width"] + 1
    finally:
        context.close()
