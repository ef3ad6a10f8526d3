"""Which directory pages exist, in every language."""

from __future__ import annotations

import html
from collections.abc import Mapping

from build_tools.data.model import Directory
from build_tools.pages.generated import GeneratedPage

TITLES = {
    "ru": "Справочник служб помощи",
    "be": "Даведнік службаў дапамогі",
    "en": "Directory of help",
}


def directory_pages(
    directory: Directory, lang: str, *, slots: Mapping[str, str], site_url: str
) -> list[GeneratedPage]:
    """The directory home; one page per entry, region and kind of help are added here."""

    def home() -> str:
        items = "".join(
            f'<li><a href="{html.escape(e.id)}/">{html.escape(e.name(lang))}</a></li>'
            for e in directory.entries
        )
        return f"<h1>{html.escape(TITLES[lang])}</h1>{slots.get('finder', '')}<ul>{items}</ul>"

    return [GeneratedPage("directory/index.md", TITLES[lang], home)]


def redirect_pages(directory: Directory, lang: str) -> dict[str, str]:
    """Old URLs of renamed entries (``former_ids``) → tiny pages that lead to the new one."""
    return {}
