"""The open-now script on a bare page: Minsk time on any device, weeks that wrap, bad data.

The directory pages' browser tests check the hint on built pages; these pin the script's own
rules without building a site.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator

import pytest

from tests.paths import REPO
from tests.serve import serve

SCRIPT = REPO / "overrides" / "components" / "open-now" / "open-now.js"
MINSK = dt.timezone(dt.timedelta(hours=3))

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
<span id="office" data-open-now="[[510,1050],[1950,2490],[3390,3930],[4830,5370],[6270,6810]]"
  data-open-text="open" data-closed-text="closed" hidden></span>
<span id="night" data-open-now="[[9840,10560]]" data-open-text="open" data-closed-text="closed"
  hidden></span>
<span id="broken" data-open-now="not json" data-open-text="open" data-closed-text="closed"
  hidden></span>
<script src="open-now.js" defer></script>
</body></html>"""


@pytest.fixture(scope="module")
def bare_page_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("open-now")
    shutil.copy(SCRIPT, folder / "open-now.js")
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    with serve(folder) as url:
        yield url


def hints_at(browser, url: str, when: dt.datetime, timezone: str) -> dict[str, str | None]:
    context = browser.new_context(timezone_id=timezone)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(when)
        page.goto(url)
        page.locator("#night").wait_for(state="visible")
        return {
            name: (
                page.locator(f"#{name}").inner_text()
                if page.locator(f"#{name}").is_visible()
                else None
            )
            for name in ("office", "night", "broken")
        }
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("when", "office", "night"),
    [
        (dt.datetime(2026, 11, 30, 3, 0, tzinfo=MINSK), "closed", "open"),  # Monday night
        (dt.datetime(2026, 11, 30, 7, 59, tzinfo=MINSK), "closed", "open"),
        (dt.datetime(2026, 11, 30, 8, 0, tzinfo=MINSK), "closed", "closed"),  # end is exclusive
        (dt.datetime(2026, 11, 30, 8, 30, tzinfo=MINSK), "open", "closed"),
        (dt.datetime(2026, 11, 29, 19, 59, tzinfo=MINSK), "closed", "closed"),  # Sunday
        (dt.datetime(2026, 11, 29, 20, 0, tzinfo=MINSK), "closed", "open"),
    ],
)
@pytest.mark.parametrize("timezone", ["Asia/Tokyo", "America/Los_Angeles"])
def test_hints_follow_minsk_time_whatever_the_device_says(
    browser, bare_page_url: str, when: dt.datetime, office: str, night: str, timezone: str
) -> None:
    found = hints_at(browser, bare_page_url, when, timezone)
    assert found == {"office": office, "night": night, "broken": None}
