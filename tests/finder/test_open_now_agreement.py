"""One open-now rule: the entry page's hint and the finder's card say the same thing.

Both ask overrides/components/open-now/open-now.js (the finder's bundle carries it). The test
entry ``night-counselling`` opens Mo-Th 22:00-02:00 and Su 21:00-01:00: hours across midnight,
a Sunday shift that runs into Monday, and Saturday with no hours at all. The device is set to
Los Angeles time; only Minsk time may count.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MINSK = dt.timezone(dt.timedelta(hours=3))
ENTRY = "night-counselling"
NAME = 'Night counselling "Test"'


def minsk(day: int, hour: int, minute: int) -> dt.datetime:
    """A moment in the week of Monday 30 November 2026 (``day`` 0 = Monday), Minsk time."""
    return dt.datetime(2026, 11, 30, hour, minute, tzinfo=MINSK) + dt.timedelta(days=day)


# (moment, open?) — each either side of an edge of the hours.
MOMENTS = [
    (minsk(0, 0, 30), True),  # Monday, still Sunday's shift (past the week's end)
    (minsk(0, 1, 0), False),  # the end is exclusive
    (minsk(0, 21, 59), False),
    (minsk(0, 22, 0), True),
    (minsk(1, 0, 0), True),  # midnight inside Monday's night shift
    (minsk(1, 1, 59), True),
    (minsk(1, 2, 0), False),
    (minsk(4, 1, 30), True),  # Friday morning: Thursday's shift
    (minsk(4, 22, 30), False),  # Friday has no evening shift
    (minsk(5, 12, 0), False),  # Saturday: no hours at all
    (minsk(5, 23, 59), False),
    (minsk(6, 20, 59), False),
    (minsk(6, 21, 0), True),
    (minsk(6, 23, 59), True),
]


@pytest.fixture
def elsewhere(browser):
    context = browser.new_context(timezone_id="America/Los_Angeles", locale="en-US")
    yield context.new_page()
    context.close()


def entry_page_says(page, base: str, when: dt.datetime) -> str:
    page.clock.set_fixed_time(when)
    page.goto(f"{base}en/directory/{ENTRY}/")
    hint = page.locator("#hours ~ .helpdir-hours__note .helpdir-open-now")
    hint.wait_for(state="visible")
    return hint.inner_text()


def finder_card_says(page, base: str, when: dt.datetime) -> str:
    page.clock.set_fixed_time(when)
    page.goto(f"{base}en/directory/")
    expect(page.locator("#hd-finder-status")).to_have_text("", timeout=15000)
    page.fill("#hd-finder-q", "night counselling")
    card = page.locator(".hd-card", has_text=NAME)
    expect(card).to_have_count(1)
    # text_content: a card may be skipped by rendering (content-visibility), its text is not.
    return card.locator(".hd-card__hours").text_content() or ""


@pytest.mark.parametrize(
    ("when", "is_open"), MOMENTS, ids=[m[0].strftime("%a-%H%M") for m in MOMENTS]
)
def test_entry_page_and_finder_card_agree(elsewhere, finder_url: str, when, is_open) -> None:
    page_text = entry_page_says(elsewhere, finder_url, when)
    card_text = finder_card_says(elsewhere, finder_url, when)
    assert page_text == ("Open now" if is_open else "Closed now")
    assert card_text.startswith("Open now, until" if is_open else "Closed now")


def test_the_open_now_filter_follows_the_same_rule(elsewhere, finder_url: str) -> None:
    elsewhere.clock.set_fixed_time(minsk(0, 0, 30))  # Monday 00:30: Sunday's shift runs on
    elsewhere.goto(f"{finder_url}en/directory/")
    expect(elsewhere.locator("#hd-finder-status")).to_have_text("", timeout=15000)
    elsewhere.fill("#hd-finder-q", "night counselling")
    elsewhere.locator(".hd-finder__filters summary").click()
    elsewhere.check('[data-filter="open_now"]')
    expect(elsewhere.locator(".hd-card", has_text=NAME)).to_contain_text("until 01:00")
    elsewhere.clock.set_fixed_time(minsk(5, 12, 0))  # Saturday: no hours
    elsewhere.reload()
    expect(elsewhere.locator("#hd-finder-status")).to_have_text("", timeout=15000)
    elsewhere.fill("#hd-finder-q", "night counselling")
    elsewhere.locator(".hd-finder__filters summary").click()
    elsewhere.uncheck('[data-filter="open_now"]')
    expect(elsewhere.locator(".hd-card", has_text=NAME)).to_contain_text("Closed now")
    elsewhere.check('[data-filter="open_now"]')
    expect(elsewhere.locator(".hd-card", has_text=NAME)).to_have_count(0)
