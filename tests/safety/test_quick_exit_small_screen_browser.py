"""The quick exit on a 360 × 640 phone: always on screen, never over a link, number or field.

At every scroll position of the home, the directory home with results, a region page and an
entry page, the exit button's box must not overlap any link, `tel:` number, field or button
that is not itself hidden under the sticky header bar, and the button must be what a tap on
its middle reaches. Screenshots of each page (top and scrolled) are saved in the test's
temporary folder for a person to look at.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.safety.sitepages import DESTINATION, NEUTRAL_PAGE

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 640}
PAGES = {
    "home": "",
    "directory-results": "directory/",
    "region": "directory/regions/brest/",
    "entry": "directory/brest-crisis-room/",
    "entry-en": "en/directory/brest-crisis-room/",
}

#: Everything a visitor may need to reach: links, numbers, fields and buttons.
CHECKED = "a, [href^='tel:'], input, button, select, textarea, label.md-header__button"

#: In the page: what overlaps the exit button and would otherwise be visible, and whether a
#: tap on the button's middle reaches the button.
COVERED = """(selector) => {
  const exit = document.querySelector('.helpdir-exit__button');
  const box = exit.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const inHeaderBar = (r) =>
    r.top >= header.top && r.bottom <= header.bottom && r.left >= header.left &&
    r.right <= header.right;
  const covered = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest('.helpdir-exit, .helpdir-exit-skip')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || +style.opacity === 0) continue;
    for (const r of el.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      const overlap = {
        left: Math.max(r.left, box.left), right: Math.min(r.right, box.right),
        top: Math.max(r.top, box.top), bottom: Math.min(r.bottom, box.bottom),
      };
      if (overlap.right - overlap.left < 1 || overlap.bottom - overlap.top < 1) continue;
      // Content that has scrolled under the opaque header bar is hidden by the bar itself.
      const ownBar = el.closest('.md-header, .helpdir-strip');
      if (!ownBar && inHeaderBar(overlap)) continue;
      covered.push((el.getAttribute('href') || el.id || el.className || el.tagName) +
        ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"');
      break;
    }
  }
  const middle = document.elementFromPoint(
    (box.left + box.right) / 2, (box.top + box.bottom) / 2);
  const onScreen = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight &&
    box.right <= innerWidth;
  return {covered, reachable: !!middle && exit.contains(middle), onScreen};
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def settle(page) -> None:
    """Let opening animations end (the search bar widens over about a quarter of a second,
    longer on a busy machine): wait, up to 5 s, until nothing is covered; ``check`` then
    says what still is."""
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            f"(selector) => ({COVERED})(selector).covered.length === 0", arg=CHECKED, timeout=5000
        )


def check(page, where: str) -> None:
    seen = page.evaluate(COVERED, CHECKED)
    assert seen["covered"] == [], f"{where}: the exit button covers {seen['covered']}"
    assert seen["onScreen"], f"{where}: the exit button is off the screen"
    assert seen["reachable"], f"{where}: something lies over the exit button"


def scroll_through(page, name: str, shots: Path) -> None:
    """Check at the top, at small steps through the header strip, and down the page."""
    height = page.evaluate("document.documentElement.scrollHeight - innerHeight")
    steps = [0, 20, 45, 70, 100, 130, 170, 250, 400, 700, 1100, height]
    for y in sorted({min(step, height) for step in steps}):
        page.evaluate("y => window.scrollTo(0, y)", y)
        page.wait_for_timeout(30)
        check(page, f"{name} scrolled to {y}px")
        if y in (0, 400):
            page.screenshot(path=str(shots / f"{name}-{y}.png"))


@pytest.mark.parametrize("name", list(PAGES))
def test_exit_covers_nothing_on_a_phone(phone, fixture_site_url, tmp_path, name) -> None:
    phone.goto(fixture_site_url + PAGES[name], wait_until="networkidle")
    if name == "directory-results":
        phone.locator("#hd-finder-q").fill("кризисная комната")
        expect(phone.locator("#hd-finder-results a").first).to_be_visible()
    scroll_through(phone, name, tmp_path)


def test_exit_covers_nothing_with_search_or_menu_open(phone, fixture_site_url, tmp_path) -> None:
    phone.goto(fixture_site_url + PAGES["entry"], wait_until="networkidle")
    phone.locator("label.md-header__button[for='__search']").click()
    expect(phone.locator(".md-search__input")).to_be_focused()
    phone.keyboard.type("кризис")
    settle(phone)
    phone.screenshot(path=str(tmp_path / "search-open.png"))
    check(phone, "search open")
    phone.keyboard.press("Escape")
    phone.locator("label.md-header__button[for='__drawer']").click()
    settle(phone)
    phone.screenshot(path=str(tmp_path / "menu-open.png"))
    check(phone, "menu open")


def test_exit_still_leaves_on_a_phone(phone, fixture_site_url) -> None:
    """The same link and behaviour: a tap blanks the page and leaves."""
    phone.context.route(
        DESTINATION + "**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE),
    )
    phone.goto(fixture_site_url + PAGES["entry"], wait_until="networkidle")
    phone.evaluate("window.scrollTo(0, 500)")
    phone.locator(".helpdir-exit__button").tap()
    phone.wait_for_url(DESTINATION + "**")
    assert phone.title() == "Neutral"
