"""axe-core in Chromium on every page type in every language: no serious or critical issue.

A person in distress, perhaps using a screen reader or a keyboard on a small screen, must be
able to use every page, the finder's results and the quick exit alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import DEMO_DIRECTORY
from tests.quality.axe import blocking, run_axe
from tests.quality.browser_states import focus_quick_exit, new_page, show_finder_results
from tests.quality.pagetypes import LANG_ROOTS, page_samples

SAMPLES = page_samples(DEMO_DIRECTORY)


def _assert_accessible(page, what: str) -> None:
    found = blocking(run_axe(page))
    assert not found, f"{what}: axe found serious or critical problems:\n" + "\n".join(
        map(str, found)
    )


@pytest.mark.browser
@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_page_type_has_no_serious_accessibility_problem(
    browser, built_site: Path, site_url: str, sample
) -> None:
    assert (built_site / sample.file).is_file(), f"{sample.file} was not built"
    context, page = new_page(browser)
    try:
        page.goto(site_url + sample.path, wait_until="load")
        _assert_accessible(page, sample.path)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_finder_with_results_has_no_serious_accessibility_problem(
    browser, site_url: str, lang: str
) -> None:
    context, page = new_page(browser)
    try:
        page.goto(site_url + LANG_ROOTS[lang] + "directory/", wait_until="load")
        assert show_finder_results(page, lang) > 0
        _assert_accessible(page, f"{LANG_ROOTS[lang]}directory/ with finder results")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_focused_quick_exit_has_no_serious_accessibility_problem(
    browser, site_url: str, lang: str
) -> None:
    """The skip link is hidden until focused: its focused look must be readable too."""
    context, page = new_page(browser)
    try:
        page.goto(site_url + LANG_ROOTS[lang] + "directory/", wait_until="load")
        focus_quick_exit(page)
        _assert_accessible(page, f"{LANG_ROOTS[lang]}directory/ with the quick exit focused")
    finally:
        context.close()
