"""The quick exit in a real browser: click, skip link, Shift ×3, and what is left behind.

The neutral destination is answered by the test itself (no network), so the tests see where
the browser went without leaving the machine.
"""

from __future__ import annotations

import pytest
import yaml

from build_tools.languages import LANGUAGES
from tests.paths import REPO
from tests.safety.sitepages import DESTINATION, NEUTRAL_PAGE

pytestmark = pytest.mark.browser

STRINGS = yaml.safe_load(
    (REPO / "overrides/components/quick-exit/strings.yml").read_text(encoding="utf-8")
)
PAGE = "directory/brest-crisis-room/"


@pytest.fixture
def exit_page(page, fixture_site_url: str):
    """A page of the site whose quick-exit destination answers with a neutral page."""
    page.destination_hits = []

    def neutral(route) -> None:
        page.destination_hits.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    page.context.route(DESTINATION + "**", neutral)
    page.goto(fixture_site_url + PAGE)
    return page


def _left(page) -> None:
    page.wait_for_url(DESTINATION + "**")
    assert page.title() == "Neutral"


def _exiting(page) -> bool:
    return page.evaluate("document.documentElement.classList.contains('helpdir-exiting')")


def test_clicking_the_button_blanks_the_page_at_once_and_leaves(exit_page) -> None:
    seen = exit_page.evaluate(
        """() => {
            document.querySelector('.helpdir-exit__button').click();
            const heading = document.querySelector('h1');
            return {
                heading: getComputedStyle(heading).visibility,
                overlay: !!document.querySelector('.helpdir-exit-overlay'),
            };
        }"""
    )
    # Checked in the same task as the click: hidden before the next site has loaded.
    assert seen == {"heading": "hidden", "overlay": True}
    _left(exit_page)


def test_the_skip_link_is_the_first_thing_the_keyboard_reaches(exit_page) -> None:
    exit_page.keyboard.press("Tab")
    focused = exit_page.evaluate(
        "[document.activeElement.className, document.activeElement.textContent.trim()]"
    )
    assert focused[0].startswith("helpdir-exit-skip")
    assert focused[1] == STRINGS["skip"]["ru"]
    assert exit_page.locator(".helpdir-exit-skip").is_visible()
    exit_page.keyboard.press("Enter")
    _left(exit_page)


def test_shift_three_times_leaves_announcing_the_countdown(exit_page) -> None:
    status = exit_page.locator("[data-helpdir-exit-status]")
    exit_page.keyboard.press("Shift")
    exit_page.wait_for_function(
        "t => document.querySelector('[data-helpdir-exit-status]').textContent === t",
        arg=STRINGS["press_two"]["ru"],
    )
    assert status.get_attribute("aria-live") == "polite"
    exit_page.keyboard.press("Shift")
    exit_page.wait_for_function(
        "t => document.querySelector('[data-helpdir-exit-status]').textContent === t",
        arg=STRINGS["press_one"]["ru"],
    )
    assert not _exiting(exit_page)
    exit_page.keyboard.press("Shift")
    _left(exit_page)


def test_shift_with_a_letter_does_not_count(exit_page) -> None:
    keyboard = exit_page.keyboard
    keyboard.press("Shift")
    keyboard.press("Shift+A")  # resets the count
    keyboard.press("Shift")
    keyboard.press("Shift")
    assert exit_page.get_attribute("[data-helpdir-exit-root]", "data-presses") == "2"
    assert not _exiting(exit_page)
    keyboard.press("a")  # another key on its own resets too
    keyboard.press("Shift")
    keyboard.type("ABC")  # capitals typed in a row
    keyboard.press("Shift")
    assert not _exiting(exit_page)
    assert exit_page.destination_hits == []


def test_going_back_does_not_show_the_page(exit_page, fixture_site_url: str) -> None:
    heading = exit_page.locator("h1").first.text_content()
    for _ in range(3):
        exit_page.keyboard.press("Shift")
    _left(exit_page)
    exit_page.go_back()
    exit_page.wait_for_load_state()
    shown = exit_page.evaluate("document.body ? document.body.innerText : ''")
    assert heading and heading.strip() not in shown
    assert exit_page.url != fixture_site_url + PAGE


def test_a_page_restored_after_an_exit_is_blanked_and_left_again(page, fixture_site_url) -> None:
    """The back-forward cache can bring the exited page back as it was: it leaves again.

    The destination answers "204 No Content", so the browser stays on the page; the test then
    plays the restore (the overlay gone, a ``pageshow`` with ``persisted``).
    """
    page.context.route(DESTINATION + "**", lambda route: route.fulfill(status=204))
    page.goto(fixture_site_url + PAGE)
    with page.expect_request(DESTINATION + "**"):
        page.click(".helpdir-exit__button")
    with page.expect_request(DESTINATION + "**"):
        page.evaluate(
            """() => {
                document.querySelector('.helpdir-exit-overlay').remove();
                document.documentElement.classList.remove('helpdir-exiting');
                window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
            }"""
        )
    assert page.evaluate("!!document.querySelector('.helpdir-exit-overlay')")
    assert _exiting(page)
    assert not page.locator("h1").first.is_visible()


def test_hidden_in_print(page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + PAGE)
    assert page.locator(".helpdir-exit__button").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".helpdir-exit__button").is_visible()
    assert not page.locator(".helpdir-exit-skip").is_visible()


def test_works_without_javascript(browser, fixture_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    context.route(
        DESTINATION + "**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE),
    )
    try:
        page = context.new_page()
        page.goto(fixture_site_url + "en/" + PAGE)
        button = page.locator(".helpdir-exit__button")
        assert STRINGS["button"]["en"] in button.text_content()
        button.click()
        _left(page)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translated(page, fixture_site_url: str, lang: str) -> None:
    root = "" if lang == "ru" else f"{lang}/"
    page.goto(fixture_site_url + root + PAGE)
    assert STRINGS["button"][lang] in page.locator(".helpdir-exit__button").text_content()
    assert page.locator(".helpdir-exit-skip").text_content().strip() == STRINGS["skip"][lang]
    page.keyboard.press("Shift")
    page.wait_for_function(
        "t => document.querySelector('[data-helpdir-exit-status]').textContent === t",
        arg=STRINGS["press_two"][lang],
    )
