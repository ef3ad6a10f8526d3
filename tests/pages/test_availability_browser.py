"""Free places and notices in real Chromium with the device's clock set by the test (issue 17).

The site is built once from the fixture directory plus a ``status.yml`` and a ``notices.yml``
whose times are placed relative to the moment of the build; the browser's clock (Playwright's
``page.clock``) is then moved, never the site rebuilt: what a page says must follow the
visitor's clock and the published ``data/status.json``.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from build_tools.data.availability import MINSK
from tests.paths import FIXTURE_DIRECTORY
from tests.serve import SiteServer
from tests.sitebuild import build_site

pytestmark = pytest.mark.browser

#: The moment the test site is built from, on the minute (reports must lie in the past).
NOW = _dt.datetime.now(MINSK).replace(second=0, microsecond=0)
REPORTED = NOW - _dt.timedelta(days=10)
NOTICE_START = NOW + _dt.timedelta(days=2)
NOTICE_END = NOW + _dt.timedelta(days=4)


def _t(moment: _dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("availability-data") / "directory"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    (data / "status.yml").write_text(
        f"brest-crisis-room: {{state: free, places: 2, reported: {_t(REPORTED)}}}\n"
        f"minsk-shelter: {{state: full, reported: {_t(REPORTED)}}}\n",
        encoding="utf-8",
    )
    (data / "notices.yml").write_text(
        f"""\
- kind: closed
  start: {_t(NOTICE_START)}
  end: {_t(NOTICE_END)}
  text:
    ru: Линия не работает в праздники
    be: Лінія не працуе ў святы
    en: The line is closed for the holidays
- entry: brest-crisis-room
  kind: changed-number
  start: {_t(NOW - _dt.timedelta(days=1))}
  end: {_t(NOW + _dt.timedelta(days=300))}
  text: {{ru: Новый номер, en: A new number}}
""",
        encoding="utf-8",
    )
    work = tmp_path_factory.mktemp("availability-site")
    build_site(work, data_dir=data, leaflets=False)
    return work / "site"


@pytest.fixture(scope="module")
def url(site: Path) -> Iterator[str]:
    server = SiteServer(site)
    yield server.url
    server.stop()


def _open(page, url: str, path: str, at: _dt.datetime) -> None:
    page.clock.install(time=at)
    page.goto(url + path)


def _state(page, entry_id: str):
    return page.locator(f'.helpdir-entry [data-availability="{entry_id}"]')


def test_a_fresh_report_shows_free_or_full_with_its_time(page, url: str) -> None:
    at = REPORTED + _dt.timedelta(hours=2)
    _open(page, url, "en/directory/brest-crisis-room/", at)
    line = _state(page, "brest-crisis-room")
    when = f"{REPORTED.day} {REPORTED:%B}, {REPORTED:%H:%M}"
    expect(line).to_have_class("helpdir-availability helpdir-availability--free")
    expect(line.locator(".helpdir-availability__state")).to_have_text(
        f"Places free: 2 (as of {when})"
    )
    expect(line.locator(".helpdir-availability__call")).to_contain_text("Call anyway")
    page.goto(url + "directory/minsk-shelter/")
    line = _state(page, "minsk-shelter")
    expect(line).to_have_class("helpdir-availability helpdir-availability--full")
    expect(line.locator(".helpdir-availability__state")).to_contain_text("Мест нет (на ")


def test_a_report_three_days_old_shows_as_unknown(page, url: str) -> None:
    _open(page, url, "en/directory/brest-crisis-room/", REPORTED + _dt.timedelta(days=3))
    line = _state(page, "brest-crisis-room")
    expect(line).to_have_class("helpdir-availability helpdir-availability--unknown")
    expect(line.locator(".helpdir-availability__state")).to_have_text(
        "Free places unknown — call to ask"
    )
    expect(line.locator(".helpdir-availability__call")).to_be_visible()


def test_a_report_ages_into_unknown_while_the_page_stays_open(page, url: str) -> None:
    _open(page, url, "en/directory/regions/minsk-city/", REPORTED)
    card = page.locator('.helpdir-card [data-availability="minsk-shelter"]')
    expect(card).to_have_class("helpdir-availability helpdir-availability--full")
    page.clock.run_for(49 * 3600 * 1000)
    expect(card).to_have_class("helpdir-availability helpdir-availability--unknown")


def test_a_notice_appears_at_its_start_and_goes_at_its_end_without_a_rebuild(
    page, url: str
) -> None:
    _open(page, url, "en/", NOTICE_START - _dt.timedelta(minutes=5))
    notice = page.locator(".helpdir-notice--closed")
    expect(notice).to_be_hidden()
    page.clock.run_for(6 * 60 * 1000)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("The line is closed for the holidays")
    page.clock.run_for(int((NOTICE_END - NOTICE_START).total_seconds() * 1000))
    expect(notice).to_be_hidden()


def test_an_entry_notice_shows_on_its_own_page_only(page, url: str) -> None:
    _open(page, url, "be/directory/brest-crisis-room/", NOW)
    notice = page.locator(".helpdir-notice--changed-number")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Змяніўся нумар")
    expect(notice.locator(".helpdir-notice__text")).to_have_attribute("lang", "ru")
    page.goto(url + "be/directory/minsk-shelter/")
    expect(page.locator(".helpdir-notice--changed-number")).to_have_count(0)


def test_without_javascript_the_notices_in_force_at_build_time_show(browser, url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url + "en/directory/brest-crisis-room/")
        expect(page.locator(".helpdir-notice--changed-number")).to_be_visible()
        expect(page.locator(".helpdir-notice--closed")).to_be_hidden()
        # the built-in words: the report was already 10 days old when the site was built
        expect(page.locator(".helpdir-entry .helpdir-availability__state")).to_have_text(
            "Free places unknown — call to ask"
        )
    finally:
        context.close()


def test_publishing_only_status_json_changes_a_built_page(page, url: str, site: Path) -> None:
    file = site / "data" / "status.json"
    original = file.read_text(encoding="utf-8")
    at = REPORTED + _dt.timedelta(hours=1)
    try:
        _open(page, url, "directory/minsk-shelter/", at)
        line = _state(page, "minsk-shelter")
        expect(line).to_have_class("helpdir-availability helpdir-availability--full")
        data = json.loads(original)
        later = (REPORTED + _dt.timedelta(minutes=30)).isoformat()
        data["reports"]["minsk-shelter"] = {"state": "free", "places": 3, "reported": later}
        file.write_text(json.dumps(data), encoding="utf-8")
        # an ordinary visit to another page: the file is asked for again, not taken from a cache
        page.goto(url + "directory/regions/minsk-city/")
        card = page.locator('.helpdir-card [data-availability="minsk-shelter"]')
        expect(card).to_have_class("helpdir-availability helpdir-availability--free")
        expect(card.locator(".helpdir-availability__state")).to_contain_text("Свободных мест: 3")
        page.goto(url + "directory/minsk-shelter/")
        # a report removed from the file is unknown, whatever the page was built with
        del data["reports"]["minsk-shelter"]
        file.write_text(json.dumps(data), encoding="utf-8")
        page.reload()
        expect(line).to_have_class("helpdir-availability helpdir-availability--unknown")
        # without the file, the page's own report is judged the same way
        file.unlink()
        page.reload()
        expect(line).to_have_class("helpdir-availability helpdir-availability--full")
    finally:
        file.write_text(original, encoding="utf-8")
    fetched = [u for u in page.requests_seen if u.endswith("status.json")]
    assert fetched and all(u.startswith(url) for u in fetched)


def _shown(page) -> list[str]:
    links = page.locator("#hd-finder-results .hd-card__name a")
    return [
        h.rstrip("/") for h in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    ]


def test_the_finder_shows_free_places_and_filters_on_them(page, url: str) -> None:
    _open(page, url, "en/directory/", REPORTED + _dt.timedelta(hours=2))
    expect(page.locator("#hd-finder-status")).to_have_text("", timeout=15000)
    page.fill("#hd-finder-q", "crisis")
    card = page.locator(".hd-card", has=page.locator('a[href="brest-crisis-room/"]'))
    expect(card.locator(".helpdir-availability__state")).to_have_text(re.compile("^Places free: 2"))
    page.fill("#hd-finder-q", "")
    page.locator(".hd-finder__filters summary").click()
    page.check('[data-filter="free_places"]')
    expect(page.locator("#hd-finder-results .hd-card")).to_have_count(1)
    assert _shown(page) == ["brest-crisis-room"]
    # three days on, with the page still open: nothing is known to be free any more
    page.clock.run_for(3 * 24 * 3600 * 1000)
    expect(page.locator("#hd-finder-results .hd-card")).to_have_count(0)


def test_the_offline_copy_keeps_the_latest_status_it_has_seen(
    browser, site: Path, tmp_path: Path
) -> None:
    from tests.finder.test_offline_browser import kept_copy, wait_until

    own = Path(shutil.copytree(site, tmp_path / "site"))
    with kept_copy(
        browser, own, "", "Сохранить на устройстве", "Копия сохранена на этом устройстве."
    ) as (server, page):
        page.clock.install(time=REPORTED + _dt.timedelta(hours=1))
        file = own / "data" / "status.json"
        data = json.loads(file.read_text(encoding="utf-8"))
        later = (REPORTED + _dt.timedelta(minutes=30)).isoformat()
        data["reports"]["minsk-shelter"] = {"state": "free", "places": 3, "reported": later}
        file.write_text(json.dumps(data), encoding="utf-8")
        page.goto(server.url + "directory/minsk-shelter/")
        line = _state(page, "minsk-shelter")
        expect(line).to_have_class("helpdir-availability helpdir-availability--free")
        kept = "caches.match(location.origin + '/data/status.json').then(r => r ? r.text() : '')"
        wait_until(page, lambda: '"places": 3' in page.evaluate(kept))

        server.stop()
        page.context.set_offline(True)
        page.reload()
        expect(line).to_have_class("helpdir-availability helpdir-availability--free")
        expect(line.locator(".helpdir-availability__state")).to_contain_text("Свободных мест: 3")
