"""An unconfirmed entry says so wherever it appears: pages, finder data, feeds, paper.

Each output is made from the fixture directory with two entries made unconfirmed; the test
reads what a visitor, a partner's system or a volunteer would read, in three languages.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from build_tools.feeds.directory_json import build_feed
from build_tools.feeds.hsds.export import export_tables
from build_tools.feeds.spreadsheet import render_csv
from build_tools.finder import records
from build_tools.languages import LANGUAGES
from build_tools.leaflets import build_custom
from build_tools.leaflets.build import cards_source
from build_tools.pages import directory_pages
from build_tools.report import build_report, render_text
from tests.confirm.unconfirmed import SAYS, SOURCE, UNCONFIRMED_IDS, fixture_with_unconfirmed
from tests.leaflets.pdfcheck import flat, page_texts
from tests.pages.pagehtml import card_text

SITE = "https://help.example.org/"
LANGS = LANGUAGES


@pytest.fixture(scope="module")
def directory():  # noqa: ANN201
    return fixture_with_unconfirmed()


@pytest.fixture(scope="module")
def pages(directory) -> dict[str, dict[str, str]]:
    out = {}
    for lang in LANGS:
        made = directory_pages(directory, lang, slots={"finder": "<div></div>"}, site_url=SITE)
        out[lang] = {p.src_uri: p.render() for p in made}
    return out


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("lang", LANGS)
def test_region_list_cards_say_not_confirmed_with_source_and_date(pages, lang: str) -> None:
    body = pages[lang]["directory/regions/vitebsk/index.md"]
    card = card_text(body, "vitebsk-help-centre")
    badge, day = SAYS[lang]
    assert badge in card and day in card and SOURCE in card
    # the confirmed one beside it says nothing of the kind
    assert badge not in card_text(
        pages[lang]["directory/regions/minsk-city/index.md"], "minsk-shelter"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_kind_of_help_rows_carry_the_badge(pages, lang: str) -> None:
    body = pages[lang]["directory/services/psychological/index.md"]
    rows = re.findall(r'<li class="helpdir-row[^"]*" data-entry-id="([^"]+)".*?</li>', body, re.S)
    assert "vitebsk-help-centre" in rows
    row = re.search(r'data-entry-id="vitebsk-help-centre".*?</li>', body, re.S)
    assert row and SAYS[lang][0] in _text(row.group(0))
    other = re.search(r'data-entry-id="brest-psychologist".*?</li>', body, re.S)
    assert other and SAYS[lang][0] not in _text(other.group(0))


@pytest.mark.parametrize("lang", LANGS)
def test_entry_page_says_call_before_you_go(pages, lang: str) -> None:
    text = _text(pages[lang]["directory/pinsk-crisis-room/index.md"])
    assert SAYS[lang][1] in text and SOURCE in text
    assert {"ru": "Позвоните, прежде чем идти", "be": "Патэлефануйце, перш чым ісці",
            "en": "Call before you go"}[lang] in text  # fmt: skip


def test_finder_records_flag_unconfirmed_entries(directory) -> None:
    entries = records.published(directory)
    data = records.build_records(directory, "ru", entries)
    flags = dict(zip(data["e"]["id"], data["e"]["flags"], strict=True))
    for entry_id, value in flags.items():
        assert bool(value & records.UNCONFIRMED) == (entry_id in UNCONFIRMED_IDS), entry_id
    sources = dict(zip(data["e"]["id"], data["e"]["source"], strict=True))
    shown = sources["pinsk-crisis-room"].replace("\u202f", " ")  # Babel's narrow space
    assert shown == "example.by/list-of-centres, 15 сентября 2026 г."
    assert sources["minsk-shelter"] == ""


def test_feeds_carry_status_source_and_date(directory) -> None:
    feed = {e["id"]: e for e in build_feed(directory, site_url=SITE)["entries"]}
    assert feed["vitebsk-help-centre"]["status"] == "unconfirmed"
    assert feed["vitebsk-help-centre"]["verified"] is None
    assert feed["vitebsk-help-centre"]["source_date"] == "2026-09-15"
    rows = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO(render_csv(directory, site_url=SITE).lstrip("\ufeff")))
    }
    assert rows["pinsk-crisis-room"]["status"] == "unconfirmed"
    assert rows["pinsk-crisis-room"]["source"] == SOURCE
    assert rows["pinsk-crisis-room"]["source_date"] == "2026-09-15"
    assert rows["brest-crisis-room"]["status"] == "active"


@pytest.mark.parametrize("lang", LANGS)
def test_hsds_services_alert_readers_in_each_language(directory, lang: str) -> None:
    tables = export_tables(directory, lang, site_url=SITE)
    said = [row["alert"] for row in tables["service"] if row.get("alert")]
    assert len(said) == 2
    for alert in said:
        assert alert.startswith(SAYS[lang][0]) and SOURCE in alert and "2026-09-15" in alert


@pytest.mark.parametrize("lang", LANGS)
def test_leaflet_prints_where_it_comes_from_and_call_first(directory, tmp_path: Path, lang: str):
    target = tmp_path / "brest.pdf"
    info = build_custom(directory, target, region_id="brest", lang=lang, site_url=SITE)
    assert "pinsk-crisis-room" in info.listed
    back = flat(page_texts(target)[1])
    badge, day = SAYS[lang]
    line = re.search(rf"{badge}[^.]*example\.by/list-of-centres[^.]*{day}[^.]*\.", back)
    assert line, back
    assert back.count(badge) == 1  # the confirmed places say nothing of the kind
    # nobody checked the whole list by phone: the footer says "as of", not "checked"
    as_of = {"ru": "Сведения на", "be": "Звесткі на", "en": "Details as of"}[lang]
    assert as_of in back
    assert {"ru": "проверены", "be": "правераны", "en": "checked on"}[lang] not in back


@pytest.mark.parametrize("lang", LANGS)
def test_wallet_cards_mark_an_unconfirmed_hotline(lang: str) -> None:
    directory = fixture_with_unconfirmed("national-hotline")
    html = cards_source(directory, lang=lang, site_url=SITE)
    short = {"ru": "не подтверждено по телефону", "be": "не пацверджана па тэлефоне",
             "en": "not yet confirmed by phone"}[lang]  # fmt: skip
    assert _text(html).count(short) == 8  # each of the eight cards
    assert short not in _text(cards_source(fixture_with_unconfirmed(), lang=lang, site_url=SITE))


def test_report_counts_unconfirmed_entries_per_region(directory) -> None:
    report = build_report(directory, stale_months=12)
    assert report.unconfirmed_per_region == {"vitebsk": 1, "brest": 1}
    text = render_text(report, directory)
    section = text.split("not yet confirmed by phone", 1)[1].split("\n\n", 1)[0]
    assert re.search(r"^\s+1\s+brest \(Brest Region\)$", section, re.M)
    assert re.search(r"^\s+1\s+vitebsk \(Vitebsk Region\)$", section, re.M)
    assert "entries/brest/pinsk-crisis-room.yml" in section
