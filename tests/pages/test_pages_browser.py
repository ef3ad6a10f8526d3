"""The directory pages in a real browser: phone links, the open-now hint, printing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.browser

MINSK = dt.timezone(dt.timedelta(hours=3))
# Friday 27 November 2026; minsk-family-centre is open Mo-Fr 08:30-17:30, Sa 09:00-13:00.
FRIDAY = dt.date(2026, 11, 27)


@pytest.fixture
def far_away(browser) -> Iterator[object]:
    """A visitor whose device is set to New York time: the hint must still use Minsk time."""
    context = browser.new_context(timezone_id="America/New_York", locale="en-US")
    page = context.new_page()
    yield page
    context.close()


def test_phone_numbers_are_tel_links(page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + "directory/minsk-children-line/")
    links = page.locator("article.md-content__inner .helpdir-phones a[href^='tel:']")
    assert links.count() == 3
    assert links.nth(0).get_attribute("href") == "tel:+375171112233"
    assert links.nth(0).inner_text() == "8 017 111-22-33"
    assert links.nth(0).is_visible()
    page.goto(fixture_site_url + "en/directory/police-102/")
    link = page.locator(".helpdir-phones a[href='tel:102']")
    assert link.inner_text() == "102"


def open_now_text(page, url: str, when: dt.datetime) -> str:
    page.clock.set_fixed_time(when)
    page.goto(url)
    hint = page.locator("#hours ~ .helpdir-hours__note .helpdir-open-now")
    hint.wait_for(state="visible")
    return hint.inner_text()


@pytest.mark.parametrize(
    ("hhmm", "expected"), [((17, 29), "Сейчас открыто"), ((17, 31), "Сейчас закрыто")]
)
def test_open_now_either_side_of_closing_time(
    page, fixture_site_url: str, hhmm: tuple[int, int], expected: str
) -> None:
    when = dt.datetime.combine(FRIDAY, dt.time(*hhmm), tzinfo=MINSK)
    url = fixture_site_url + "directory/minsk-family-centre/"
    assert open_now_text(page, url, when) == expected


@pytest.mark.parametrize(("hhmm", "expected"), [((8, 29), "Closed now"), ((8, 31), "Open now")])
def test_open_now_uses_minsk_time_on_a_device_elsewhere(
    far_away, fixture_site_url: str, hhmm: tuple[int, int], expected: str
) -> None:
    when = dt.datetime.combine(FRIDAY, dt.time(*hhmm), tzinfo=MINSK)
    url = fixture_site_url + "en/directory/minsk-family-centre/"
    assert open_now_text(far_away, url, when) == expected


def test_a_night_line_is_open_after_midnight_on_monday(page, fixture_site_url: str) -> None:
    """The night line runs 20:00-08:00 every day, so Sunday's shift reaches into Monday."""
    page.clock.set_fixed_time(dt.datetime(2026, 11, 30, 3, 0, tzinfo=MINSK))
    page.goto(fixture_site_url + "be/directory/minsk-children-line/")
    phones = page.locator(".helpdir-phone")
    phones.nth(2).locator(".helpdir-open-now").wait_for(state="visible")
    assert phones.nth(0).locator(".helpdir-open-now").count() == 0  # 24/7 needs no hint
    assert phones.nth(1).locator(".helpdir-open-now").inner_text() == "Зараз зачынена"
    assert phones.nth(2).locator(".helpdir-open-now").inner_text() == "Зараз адчынена"


def test_hours_read_well_without_javascript(browser, fixture_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(fixture_site_url + "directory/minsk-family-centre/")
        hours = page.locator(".helpdir-hours li")
        assert hours.all_inner_texts() == ["Пн–Пт 08:30–17:30", "Сб 09:00–13:00"]
        assert not page.locator(".helpdir-open-now").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["directory/minsk-family-centre/", "directory/regions/brest/"])
def test_printing_hides_navigation_and_the_quick_exit(
    page, fixture_site_url: str, path: str
) -> None:
    page.goto(fixture_site_url + path)
    assert page.locator(".md-header").is_visible()
    assert page.locator(".helpdir-exit__button").is_visible()
    page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".helpdir-exit__button",
        ".helpdir-back",
    ):
        located = page.locator(selector)
        assert located.count() > 0, f"{selector} is not on the page"
        assert not located.first.is_visible(), f"{selector} is printed"
    assert page.locator("article h1").is_visible()
    assert page.locator("article a[href^='tel:']").first.is_visible()


def test_printing_writes_out_link_addresses_and_the_page_address(
    page, fixture_site_url: str
) -> None:
    page.goto(fixture_site_url + "en/directory/brest-psychologist/")
    page.emulate_media(media="print")
    after = page.evaluate(
        "getComputedStyle(document.querySelector(\"a[href='https://example.by/psy']\"),"
        " '::after').content"
    )
    assert after == '" (https://example.by/psy)"'
    tel_after = page.evaluate(
        "getComputedStyle(document.querySelector('.helpdir-strip a[href^=\"tel:\"]'),"
        " '::after').content"
    )
    assert tel_after in ("none", "normal")
    assert page.locator(".helpdir-print-only").is_visible()
    assert "/en/directory/brest-psychologist/" in page.locator(".helpdir-print-only").inner_text()
