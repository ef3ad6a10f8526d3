"""The publications page's list of every leaflet and card sheet, with links relative to it.

The publications page lives at ``publications/`` under its language root, and the leaflets at
``leaflets/`` under the site root, one level above the ``be/`` and ``en/`` roots; relative links
keep the site movable to another host or a sub-folder.
"""

from __future__ import annotations

from collections.abc import Sequence

from build_tools.i18n import DEFAULT_LANGUAGE

from .build import LeafletInfo
from .render import environment
from .wording import Strings, long_date, t

_KIND_ORDER = {"leaflet": 0, "national": 1, "cards": 2}


def leaflet_href(info: LeafletInfo, page_lang: str) -> str:
    """The link from ``page_lang``'s publications page to one PDF."""
    up = "../" if page_lang == DEFAULT_LANGUAGE else "../../"
    return f"{up}leaflets/{info.path}"


def _row(info: LeafletInfo, lang: str) -> dict[str, object]:
    paper = t("cards_format", lang) if info.kind == "cards" else t("leaflet_format", lang)
    return {
        "name": info.names.get(lang) or info.names.get(info.lang) or info.path,
        "href": leaflet_href(info, lang),
        "paper": paper,
        "pages": info.pages,
        "size": t("kilobytes", lang, n=max(1, round(info.size / 1024))),
        "date": long_date(info.date, lang),
        "iso": info.date.isoformat(),
    }


def catalogue_html(leaflets: Sequence[LeafletInfo], lang: str) -> str:
    """A table per leaflet language (this page's language first) with size, pages and date."""
    languages: list[str] = []
    for info in leaflets:
        if info.lang not in languages:
            languages.append(info.lang)
    languages.sort(key=lambda code: code != lang)
    sections = []
    for code in languages:
        ordered = [i for i in leaflets if i.lang == code]
        ordered.sort(key=lambda i: _KIND_ORDER.get(i.kind, 9))
        sections.append(
            {
                "lang": code,
                "title": t("language_name", code),
                "rows": [_row(i, lang) for i in ordered],
            }
        )
    template = environment().get_template("catalogue.html")
    return template.render(lang=lang, sections=sections, s=Strings(lang))
