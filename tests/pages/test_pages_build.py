"""The directory pages in a real build of the fixture directory (all three languages)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.pages.pagehtml import (
    address_traces,
    card_text,
    confidential_ids,
    fixture_entries,
    fixture_ids,
    listed,
    read,
)

ROOTS = {"ru": "", "be": "be/", "en": "en/"}
ENTRY_IDS = [e["id"] for e in fixture_entries()]
NATIONAL = sorted(e["id"] for e in fixture_entries() if e.get("national"))


def main_content(html: str) -> str:
    """The page's own content (Material's article), without header, navigation and footer."""
    start = html.index('<article class="md-content__inner')
    return html[start : html.rindex("</article>")]


@pytest.mark.parametrize("lang", ROOTS)
def test_every_entry_has_a_page_in_every_language(fixture_site: Path, lang: str) -> None:
    for entry_id in ENTRY_IDS:
        page = fixture_site / ROOTS[lang] / "directory" / entry_id / "index.html"
        assert page.is_file(), f"{page} missing"
        html = read(page)
        assert f'<html lang="{lang}"' in html[:500]
        assert f'data-entry-id="{entry_id}"' in main_content(html)


@pytest.mark.parametrize("lang", ROOTS)
def test_region_pages_list_exactly_their_entries(fixture_site: Path, lang: str) -> None:
    entries = fixture_entries()
    for region_id in fixture_ids("regions.yml"):
        html = read(fixture_site / ROOTS[lang] / f"directory/regions/{region_id}/index.html")
        found = listed(main_content(html))
        expected = [e["id"] for e in entries if not e.get("national") and e["region"] == region_id]
        assert sorted(found.get("region", [])) == sorted(expected), region_id
        assert sorted(found["national"]) == NATIONAL


@pytest.mark.parametrize("lang", ROOTS)
def test_service_pages_list_exactly_their_entries(fixture_site: Path, lang: str) -> None:
    entries = fixture_entries()
    for service_id in fixture_ids("services.yml"):
        html = read(fixture_site / ROOTS[lang] / f"directory/services/{service_id}/index.html")
        found = listed(main_content(html)).get("service", [])
        expected = [e["id"] for e in entries if service_id in e["services"]]
        assert sorted(found) == sorted(expected), service_id


@pytest.mark.parametrize("lang", ROOTS)
def test_confidential_entries_show_no_address(fixture_site: Path, lang: str) -> None:
    traces = address_traces()
    root = fixture_site / ROOTS[lang] / "directory"
    pages = sorted(root.rglob("index.html"))
    for entry_id in confidential_ids():
        own = read(root / entry_id / "index.html")
        for trace in traces:
            assert trace not in own, f"{entry_id}: {trace!r} on its own page"
        assert "geo:" not in own
        listing = 0
        for page in pages:
            card = card_text(read(page), entry_id)
            listing += bool(card)
            for trace in traces:
                assert trace not in card, f"{entry_id}: {trace!r} on {page}"
        assert listing >= 3, f"{entry_id} should be listed on its region and kinds of help"


@pytest.mark.parametrize("lang", ROOTS)
def test_redirect_pages_point_to_the_renamed_entry(fixture_site: Path, lang: str) -> None:
    for entry in fixture_entries():
        for old_id in entry.get("former_ids", []):
            page = fixture_site / ROOTS[lang] / "directory" / old_id / "index.html"
            html = read(page)
            assert f'<html lang="{lang}">' in html
            assert '<meta http-equiv="Content-Security-Policy" content="default-src' in html
            target = re.search(r'content="0; url=([^"]+)"', html).group(1)
            assert re.search(rf'<link rel="canonical" href="{re.escape(target)}">', html)
            assert f'<a href="{target}">' in html
            base = f"http://x/{ROOTS[lang]}directory/{old_id}/"
            assert urljoin(base, target) == f"http://x/{ROOTS[lang]}directory/{entry['id']}/"
            assert (page.parent / target / "index.html").resolve().is_file()


@pytest.mark.parametrize("lang", ROOTS)
def test_directory_pages_are_in_the_sitemap_not_in_the_navigation(
    fixture_site: Path, lang: str
) -> None:
    sitemap = read(fixture_site / ROOTS[lang] / "sitemap.xml")
    for entry_id in ENTRY_IDS:
        assert f"{ROOTS[lang]}directory/{entry_id}/</loc>" in sitemap, entry_id
    for region_id in fixture_ids("regions.yml"):
        assert f"{ROOTS[lang]}directory/regions/{region_id}/</loc>" in sitemap
    page = read(fixture_site / ROOTS[lang] / "directory/minsk-family-centre/index.html")
    html = page.split("</head>", 1)[1]  # the head's stylesheet names the classes too
    sidebar = html[html.index("md-sidebar--primary") : html.index("md-sidebar--secondary")]
    page_url = f"http://x/{ROOTS[lang]}directory/minsk-family-centre/"
    nav_links = {urljoin(page_url, href) for href in re.findall(r'href="([^"]+)"', sidebar)}
    assert f"http://x/{ROOTS[lang]}directory/" in nav_links, "the directory home is in the nav"
    for link in nav_links:
        assert not re.search(r"/directory/.+", link), f"{link} is in the sidebar navigation"


@pytest.mark.parametrize("lang", ROOTS)
def test_entry_pages_stay_out_of_the_search_index(fixture_site: Path, lang: str) -> None:
    index = json.loads(read(fixture_site / ROOTS[lang] / "search/search_index.json"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "directory/" in locations, "the directory home is searchable"
    searched = {"directory/", "directory/coverage/"}  # the home, and the figures per region
    assert "directory/coverage/" in locations
    assert not any(loc.startswith("directory/") and loc not in searched for loc in locations)


@pytest.mark.parametrize("lang", ROOTS)
def test_the_open_now_script_is_where_the_pages_load_it(fixture_site: Path, lang: str) -> None:
    for page in ("directory/police-102/index.html", "directory/regions/brest/index.html"):
        path = fixture_site / ROOTS[lang] / page
        src = re.search(r'<script src="([^"]*open-now\.js)" defer>', read(path)).group(1)
        assert (path.parent / src).resolve().is_file(), src


def test_the_print_stylesheet_is_on_every_page(fixture_site: Path) -> None:
    css = read(fixture_site / "components/site.css")
    assert "@media print" in css and 'a[href^="http"]::after' in css
