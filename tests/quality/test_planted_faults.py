"""Each quality check fails on a fault planted into a copy of a built page.

A checker that never reports anything looks exactly like a clean site; these tests show that
the accessibility, HTML and link checks, configured as the suite runs them, do catch faults.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.quality import vnu
from tests.quality.axe import blocking, run_axe
from tests.quality.browser_states import new_page
from tests.quality.linkcheck import SiteChecker
from tests.serve import serve

PAGE = "get-help/safety-plan/index.html"


def plant(site_copy: Path, page: str, old: str, new: str) -> Path:
    """Replace the first ``old`` in one page of a hard-linked site copy with ``new``."""
    file = site_copy / page
    html = file.read_text(encoding="utf-8")
    assert old in html, f"{page} has no {old!r} to plant the fault next to"
    file.unlink()  # the copy shares the built file's data: write a new file, not through it
    file.write_text(html.replace(old, new, 1), encoding="utf-8")
    return file


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site made of hard links (instant, and the original stays clean)."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, copy_function=os.link)
    return copy


@pytest.mark.browser
def test_axe_reports_an_image_without_alt(browser, site_copy: Path) -> None:
    plant(site_copy, PAGE, "</h1>", '</h1><img src="../../assets/favicon.svg">')
    context, page = new_page(browser)
    try:
        with serve(site_copy) as url:
            page.goto(url + PAGE.removesuffix("index.html"), wait_until="load")
            found = blocking(run_axe(page))
    finally:
        context.close()
    assert "image-alt" in {v.rule for v in found}, found


def test_html_checker_reports_a_duplicate_id(built_site: Path, tmp_path: Path) -> None:
    """The clean page and its planted twin in one Java run (starting Java is the slow part)."""
    html = (built_site / PAGE).read_text(encoding="utf-8")
    clean = tmp_path / "clean.html"
    clean.write_text(html, encoding="utf-8")
    planted = tmp_path / "planted.html"
    planted.write_text(
        html.replace("</h1>", '</h1><p id="twice">a</p><p id="twice">b</p>', 1), encoding="utf-8"
    )
    errors = vnu.unaccepted(vnu.check_files([clean, planted], root=tmp_path))
    assert errors, "the checker reported nothing on a page with a duplicate id"
    assert {e.file for e in errors} == {"planted.html"}, errors
    assert any("Duplicate ID" in e.text and "twice" in e.text for e in errors), errors


def test_link_crawler_reports_a_broken_link_and_a_broken_anchor(
    built_site: Path, site_copy: Path
) -> None:
    checker = SiteChecker(site_copy)
    assert checker.check_pages([site_copy / PAGE]) == []
    planted = plant(
        site_copy,
        PAGE,
        "</h1>",
        '</h1><a href="../no-such-page/">x</a><a href="../../#no-such-anchor">y</a>',
    )
    problems = checker.check_pages([planted])
    assert len(problems) == 2, problems
    assert "no file at /get-help/no-such-page/" in problems[0]
    assert "no id 'no-such-anchor' in /index.html" in problems[1]


def test_link_crawler_reports_a_broken_redirect_and_a_missing_printed_url(
    site_copy: Path,
) -> None:
    checker = SiteChecker(site_copy, "https://help.example.org/")
    redirect = site_copy / "directory" / "old-name" / "index.html"
    redirect.parent.mkdir(parents=True)
    redirect.write_text(
        '<!doctype html><meta http-equiv="refresh" content="0; url=../no-such-entry/">',
        encoding="utf-8",
    )
    assert len(checker.check_pages([redirect])) == 1
    printed = ["https://help.example.org/be/directory/regions/no-such-region/"]
    assert len(checker.check_urls("leaflets/be/brest.pdf", printed)) == 1
    elsewhere = ["https://other.example.org/be/"]
    assert len(checker.check_urls("leaflets/be/brest.pdf", elsewhere)) == 1
