"""The publications page's list of leaflets: names, sizes, pages, dates and working links."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import PurePosixPath
from types import MappingProxyType

from build_tools.leaflets import LeafletInfo, catalogue_html


def _info(path: str, kind: str, names: dict[str, str], pages: int = 2) -> LeafletInfo:
    lang = path.split("/")[0]
    return LeafletInfo(
        path=path,
        kind=kind,
        region=None if kind != "leaflet" else path.split("/")[1].removesuffix(".pdf"),
        lang=lang,
        paper="A4" if kind == "cards" else "A5",
        pages=pages,
        size=20_480,
        date=dt.date(2026, 11, 28),
        checked=dt.date(2026, 10, 1),
        names=MappingProxyType(names),
    )


BREST = {"ru": "Брестская область", "be": "Брэсцкая вобласць", "en": "Brest Region"}
LEAFLETS = [
    _info("ru/brest.pdf", "leaflet", BREST),
    _info("ru/national.pdf", "national", {"ru": "Вся Беларусь", "en": "All of Belarus"}),
    _info("ru/wallet-cards.pdf", "cards", {"ru": "Карточки", "en": "Wallet cards"}, pages=1),
    _info("be/brest.pdf", "leaflet", BREST),
    _info("en/brest.pdf", "leaflet", BREST),
]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs)["href"] or "")


def _links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def test_every_leaflet_and_card_sheet_is_listed_with_a_link():
    html = catalogue_html(LEAFLETS, "ru")
    assert len(_links(html)) == len(LEAFLETS)


def test_links_are_relative_to_the_publications_page_of_each_language():
    """ru: /publications/ → /leaflets/…; be, en: /be/publications/ → /leaflets/…"""
    for lang, page in (
        ("ru", "publications/"),
        ("be", "be/publications/"),
        ("en", "en/publications/"),
    ):
        for href in _links(catalogue_html(LEAFLETS, lang)):
            resolved = PurePosixPath("/", page, href)
            parts: list[str] = []
            for part in resolved.parts[1:]:
                if part == "..":
                    parts.pop()
                else:
                    parts.append(part)
            assert parts[0] == "leaflets", href
            assert "/".join(parts[1:]) in {i.path for i in LEAFLETS}


def test_rows_show_region_format_pages_size_and_date_in_the_page_language():
    html = catalogue_html(LEAFLETS, "en")
    assert "Brest Region" in html
    assert "A5, two-sided" in html and "A4, 8 cards of 85 × 55 mm" in html
    assert "<td>2</td>" in html and "<td>1</td>" in html
    assert "20 KB" in html
    assert "November 28, 2026" in html and 'datetime="2026-11-28"' in html
    ru = catalogue_html(LEAFLETS, "ru")
    assert "Брестская область" in ru and "20 КБ" in ru and "28 ноября 2026" in ru


def test_the_page_language_comes_first():
    html = catalogue_html(LEAFLETS, "be")
    assert (
        html.index('<h3 lang="be">') < html.index('<h3 lang="ru">') < html.index('<h3 lang="en">')
    )


def test_names_are_escaped():
    evil = _info("ru/x.pdf", "leaflet", {"ru": '<img src=x onerror="alert(1)">'})
    html = catalogue_html([evil], "ru")
    assert "<img" not in html and "&lt;img" in html


def test_without_leaflets_the_page_says_so():
    assert "Листовки ещё не созданы" in catalogue_html([], "ru")
