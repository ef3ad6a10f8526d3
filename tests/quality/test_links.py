"""No broken internal link or anchor anywhere in the built site, nor on the printed leaflets.

Addresses are printed on paper and handed out: a page, a redirect of a renamed entry or a
leaflet's URL that leads nowhere cannot be fixed once the paper is out.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.data.build import load_directory
from tests.paths import DEMO_DIRECTORY
from tests.quality.linkcheck import SiteChecker, parse_page
from tests.quality.pagetypes import LANG_ROOTS


def public_url(site: Path) -> str:
    """The site_url the site was built with (the Russian home's canonical link)."""
    html = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert match, "the home page has no canonical link to learn the public address from"
    return match[1]


def printed_url_pattern(host: str) -> re.Pattern[str]:
    """An address of ``host`` in text extracted from a PDF, where a long path may wrap after a
    hyphen or a slash (``…/regions/minsk-⏎region/``): the wrap is followed into the next line
    only where the path goes on in lowercase id characters, so a following word is not taken."""
    path = r"(/(?:[a-z0-9\-._~/]|(?<=-)\n(?=[a-z0-9])|(?<=/)\n(?=[a-z0-9\-]+/))*)"
    return re.compile(r"(?:https?://)?" + re.escape(host) + path + "?")


def test_no_broken_link_or_anchor_in_the_site(built_site: Path) -> None:
    problems = SiteChecker(built_site, public_url(built_site)).check_site()
    assert not problems, f"{len(problems)} broken references:\n" + "\n".join(problems[:50])


def test_renamed_entries_old_urls_lead_to_the_entry(built_site: Path) -> None:
    directory = load_directory(DEMO_DIRECTORY)
    renamed = [(old, e.id) for e in directory.entries for old in e.former_ids]
    assert renamed, "the real data has renamed entries"
    checker = SiteChecker(built_site, public_url(built_site))
    for root in LANG_ROOTS.values():
        for old, new in renamed:
            page = built_site / root / "directory" / old / "index.html"
            assert page.is_file(), f"no redirect page at /{root}directory/{old}/"
            base = checker.page_url(page)
            targets = [
                checker.internal_path(link.url, base)
                for link in parse_page(page).links
                if link.tag in ("meta refresh", "a")
            ]
            expected = f"/{root}directory/{new}/"
            assert any(t and t[0] == expected for t in targets), (
                f"/{root}directory/{old}/ does not lead to {expected}: {targets}"
            )


def test_every_qr_code_on_the_leaflets_leads_to_a_page(built_site: Path, tmp_path: Path) -> None:
    """What a phone reads from each leaflet's QR codes is an address of a built page."""
    from pypdf import PdfReader

    from tests.leaflets.pdfcheck import qr_codes

    base = public_url(built_site)
    checker = SiteChecker(built_site, base)
    problems: list[str] = []
    for pdf in sorted((built_site / "leaflets").glob("*/*.pdf")):
        pages = len(PdfReader(pdf).pages)
        urls = [url for page in range(1, pages + 1) for url in qr_codes(pdf, page, tmp_path)]
        name = str(pdf.relative_to(built_site))
        assert urls, f"{name} has no readable QR code"
        assert all(url.startswith(base) for url in urls), (name, urls)
        problems += checker.check_urls(name, urls)
    assert not problems, "\n".join(problems)


def test_printed_url_pattern_follows_wrapped_paths() -> None:
    pattern = printed_url_pattern("help.example.org")
    text = (
        "на сайте:\nhttps://help.example.org/be/directory/regions/minsk-\ncity/\nЗвесткі\n"
        "site: help.example.org/en/directory/\nDetails · help.example.org"
    )
    found = [(m[1] or "/").replace("\n", "") for m in pattern.finditer(text)]
    assert found == ["/be/directory/regions/minsk-city/", "/en/directory/", "/"]


def test_urls_in_the_leaflet_text_lead_to_pages(built_site: Path) -> None:
    from pypdf import PdfReader

    base = public_url(built_site)
    host = re.sub(r"^https?://", "", base).rstrip("/")
    pattern = printed_url_pattern(host)
    directory = load_directory(DEMO_DIRECTORY)
    checker = SiteChecker(built_site, base)
    problems: list[str] = []
    checked = 0
    for lang in LANG_ROOTS:
        for region in [r.id for r in directory.regions] + ["national"]:
            pdf = built_site / "leaflets" / lang / f"{region}.pdf"
            assert pdf.is_file(), f"{pdf.relative_to(built_site)} was not built"
            text = "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
            urls = [
                "https://" + host + (m[1] or "/").replace("\n", "") for m in pattern.finditer(text)
            ]
            checked += len(urls)
            problems += checker.check_urls(str(pdf.relative_to(built_site)), urls)
    assert checked, f"no address of {host} is printed on any leaflet"
    assert not problems, "\n".join(problems)
