"""Every ``tel:`` link of the built site dials from a phone in Belarus.

The rule, as a person in Belarus knows it (written here independently of the build's code):
numbers that can be dialled internationally as ``+375…``; the 8-801 / 8-800 free lines, which
cannot, as dialled inside the country (``88011008801``); short numbers (102, 103…) as they are.
Every page in every language is read, the leaflets and wallet cards included, and every number
of the data and of the content must be found behind a link of that form.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.data.build import load_directory
from build_tools.i18n import url_prefix
from build_tools.languages import LANGUAGES
from tests.paths import REPO

TEL = re.compile(r'<a\b[^>]*\bhref="tel:([^"]*)"[^>]*>(.*?)</a>', re.S)
TAG = re.compile(r"<[^>]+>")


def expected_tel(shown: str) -> str:
    """What a phone in Belarus dials for a number as written for people in Belarus."""
    digits = re.sub(r"\D", "", shown)
    if shown.strip().startswith("+"):
        if digits.startswith("37580"):  # a free line written internationally: not diallable
            return "8" + digits[3:]
        return "+" + digits
    if len(digits) <= 4:
        return digits  # 101, 102, 103, 112, 133, 170
    if digits.startswith("880"):
        return digits  # 8 801 …, 8 800 …: free lines, only inside Belarus
    if digits.startswith("80"):
        return "+375" + digits[2:]  # 8 0XX …: trunk prefix 8, area code with its 0
    if 5 <= len(digits) <= 7 and not digits.startswith("8"):
        # A local number a source gave without its area code (validate warns): only a
        # landline in that town can dial it, and it dials it as written.
        return digits
    raise AssertionError(f"{shown!r} is not written as dialled in Belarus")


def shown_number(shown: str) -> str | None:
    """The phone number a link shows (its label and hours around it left out)."""
    text = re.sub(r"\d{1,2}:\d{2}", " ", shown)  # 08:00–20:00 is not part of the number
    number = re.search(r"\+?\d[\d ()\-]{1,20}\d|\b\d{3}\b", " ".join(text.split()))
    return number.group(0) if number else None


def tel_links(site: Path) -> list[tuple[str, str, str]]:
    """``(page, tel value, visible number)`` for every tel: link of every HTML page."""
    found = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for tel, inner in TEL.findall(text):
            shown = html.unescape(TAG.sub(" ", inner))
            found.append((page.relative_to(site).as_posix(), html.unescape(tel), shown))
    return found


def test_every_tel_link_on_every_page_dials_from_belarus(built_site: Path) -> None:
    links = tel_links(built_site)
    assert len({page for page, _, _ in links}) > 100  # the directory's pages are among them
    wrong = []
    for page, tel, shown in links:
        number = shown_number(shown)
        if number is None:
            wrong.append(f"{page}: tel:{tel} shows no number ({shown.strip()!r})")
        elif tel != expected_tel(number):
            wrong.append(f"{page}: tel:{tel} for {number!r}")
    assert not wrong, "\n".join(wrong[:20])


def test_the_hotline_link_is_the_national_form_in_every_language(built_site: Path) -> None:
    for home in ("index.html", "be/index.html", "en/index.html", "hotline/index.html"):
        text = (built_site / home).read_text(encoding="utf-8")
        strip = text[text.index('class="helpdir-strip"') :]
        assert 'href="tel:88011008801"' in strip[:2000], home  # the emergency strip
        assert text.count('href="tel:88011008801"') >= 2, home  # and the page's own text
        assert "tel:+37580" not in text, home


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_number_of_the_data_is_dialled_by_the_rule_on_its_page(
    real_site: Path, lang: str
) -> None:
    """The published site, every number of the real directory."""
    directory = load_directory(REPO / "directory_data")
    prefix = "" if lang == "ru" else f"{lang}/"
    for entry in directory.entries:
        page = real_site / prefix / "directory" / entry.id / "index.html"
        links = {tel for _, tel, _ in tel_links_of(page)}
        for phone in entry.phones:
            assert expected_tel(phone.raw) in links, (entry.id, phone.raw, links)


def test_every_number_in_the_content_is_a_link_that_dials(built_site: Path) -> None:
    """Numbers editors write in Markdown (hand-written or from organisation.yml) all dial."""
    for lang, prefix in ((lang, url_prefix(lang)) for lang in LANGUAGES):
        for source in (REPO / "content" / lang).rglob("*.md"):
            rel = source.relative_to(REPO / "content" / lang).with_suffix("")
            parts = rel.parts[:-1] if rel.name == "index" else rel.parts
            page = built_site / prefix / Path(*parts) / "index.html"
            for _, tel, shown in tel_links_of(page):
                assert tel == expected_tel(shown_number(shown) or shown), (page, tel, shown)


def test_leaflets_and_cards_dial_by_the_rule(built_site: Path) -> None:
    pdfs = sorted((built_site / "leaflets").rglob("*.pdf"))
    assert pdfs
    seen = set()
    for pdf in pdfs:
        for page in PdfReader(pdf).pages:
            for annot in page.get("/Annots") or []:
                uri = annot.get_object().get("/A", {}).get("/URI")
                if uri and str(uri).startswith("tel:"):
                    seen.add(str(uri))
    assert "tel:88011008801" in seen
    assert not [uri for uri in seen if uri.startswith("tel:+37580")]
    assert {"tel:102", "tel:103"} <= seen


def tel_links_of(page: Path) -> list[tuple[str, str, str]]:
    text = page.read_text(encoding="utf-8")
    return [
        (page.name, html.unescape(tel), html.unescape(TAG.sub(" ", inner)))
        for tel, inner in TEL.findall(text)
    ]


def test_the_oracle_itself() -> None:
    assert expected_tel("8 801 100 8 801") == "88011008801"
    assert expected_tel("+375 801 100-88-01") == "88011008801"
    assert expected_tel("8 017 123-45-67") == "+375171234567"
    assert expected_tel("102") == "102"
