"""The leaflets inside a whole site build, and the browser printing a leaflet's HTML."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.data.model import Directory
from build_tools.languages import LANGUAGES
from build_tools.leaflets.build import cards_source, leaflet_source
from tests.leaflets.conftest import SITE_URL
from tests.leaflets.pdfcheck import MM

AREAS = ("minsk-city", "brest", "vitebsk", "national", "wallet-cards")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pdfs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.endswith(".pdf") and "leaflets/" in href:
            self.pdfs.append(href)


@pytest.mark.slow
def test_the_build_publishes_every_leaflet_and_lists_it(fixture_site: Path):
    for lang in LANGUAGES:
        for area in AREAS:
            assert (fixture_site / "leaflets" / lang / f"{area}.pdf").stat().st_size > 5000
    for root in (fixture_site, fixture_site / "be", fixture_site / "en"):
        page = root / "publications" / "index.html"
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        assert len(parser.pdfs) == 15, page
        for href in parser.pdfs:
            assert (page.parent / href).resolve().is_file(), f"{page}: {href} is broken"


def _printed(page, html: str, tmp_path: Path, name: str) -> PdfReader:
    source = tmp_path / name
    source.write_text(html, encoding="utf-8")
    page.goto(source.as_uri())
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))


@pytest.mark.browser
def test_a_browser_prints_the_leaflet_html_as_one_two_sided_a5_sheet(
    page, fixture_directory: Directory, tmp_path: Path
):
    html = leaflet_source(fixture_directory, region_id="minsk-city", lang="be", site_url=SITE_URL)
    printed = _printed(page, html, tmp_path, "minsk.html")
    sizes = [
        (round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM))
        for p in printed.pages
    ]
    assert sizes == [(148, 210), (148, 210)]
    back = " ".join((printed.pages[1].extract_text() or "").split())
    for entry_id in ("minsk-shelter", "minsk-children-line", "minsk-family-centre"):
        for phone in fixture_directory.entry(entry_id).phones:
            assert phone.display in back
    assert [r for r in page.requests_seen if not r.startswith(("file:", "data:"))] == []


@pytest.mark.browser
def test_a_browser_prints_the_card_sheet_on_one_a4_page(
    page, fixture_directory: Directory, tmp_path: Path
):
    html = cards_source(fixture_directory, lang="ru", site_url=SITE_URL)
    printed = _printed(page, html, tmp_path, "cards.html")
    assert len(printed.pages) == 1
    box = printed.pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (210, 297)
