"""The same hours read the same on an entry page and on its leaflet (issue 16).

Both go through one formatter; this checks what a reader sees: the hours lines of the rendered
entry page, and the text of the printed PDF, for hours with a whole day and a closed day.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from build_tools.data.hours import parse_hours
from build_tools.data.model import Directory
from build_tools.languages import LANGUAGES
from build_tools.leaflets.build import build_custom
from build_tools.pages import directory_pages
from tests.leaflets.conftest import SITE_URL, with_changes
from tests.leaflets.pdfcheck import flat, page_texts

ENTRY = "minsk-family-centre"
HOURS = "Mo-Fr 00:00-24:00; Sa 09:00-13:00; Su off"


def page_hours(directory: Directory, lang: str) -> list[str]:
    pages = directory_pages(directory, lang, slots={"finder": ""}, site_url=SITE_URL)
    body = next(p for p in pages if p.src_uri.endswith(f"directory/{ENTRY}/index.md")).render()
    block = re.search(r'<ul class="helpdir-hours">(.*?)</ul>', body, re.S)
    assert block, "the entry page shows no hours"
    return [html.unescape(line) for line in re.findall(r"<li>(.*?)</li>", block[1])]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hours_on_the_entry_page_and_the_leaflet_read_the_same(
    fixture_directory: Directory, tmp_path: Path, lang: str
) -> None:
    directory = with_changes(fixture_directory, ENTRY, hours=parse_hours(HOURS), phones=())
    lines = page_hours(directory, lang)
    assert len(lines) == 3, lines  # weekdays around the clock, Saturday, Sunday closed
    pdf = tmp_path / "leaflet.pdf"
    build_custom(
        directory, pdf, region_id="minsk-city", lang=lang, site_url=SITE_URL, entry_ids=[ENTRY]
    )
    printed = flat(" ".join(page_texts(pdf)))
    expected = "; ".join(lines)
    # The leaflet writes the week on one line; the page one line per rule, each capitalised.
    assert expected.lower() in printed.lower(), (expected, printed)
