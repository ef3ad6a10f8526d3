"""``address_visibility``: ``locality`` shows the town, ``hidden`` shows no town anywhere.

A hidden place is planted in Pinsk (its YAML names the town, as editors may leave it) beside
the fixture's ``locality`` crisis room in the same town. Every output is made straight from the
model: the entry page and its meta description, the region page's grouping, the finder's
records and index text, the feeds (JSON, CSV, GeoJSON, HSDS) and the leaflet's print source.
Nothing about the hidden place may name Pinsk; the ``locality`` place must.
"""

from __future__ import annotations

import csv
import io
import re
import shutil

import pytest

from build_tools.data.build import load_directory
from build_tools.data.model import Directory
from build_tools.feeds.directory_json import build_feed
from build_tools.feeds.geojson import build_geojson
from build_tools.feeds.hsds.export import export_tables
from build_tools.feeds.spreadsheet import render_csv
from build_tools.finder.index import document
from build_tools.finder.records import build_records, rows
from build_tools.languages import LANGUAGES
from build_tools.leaflets.build import leaflet_source
from build_tools.pages import directory_pages
from tests.paths import FIXTURE_DIRECTORY

SITE = "https://help.example.org/"
HIDDEN_ID = "brest-hidden-refuge"
LOCALITY_ID = "pinsk-crisis-room"  # the fixture's `address_visibility: locality` place
HIDDEN = f"""\
id: {HIDDEN_ID}
name: {{ru: Убежище «Проверка», be: Прытулак «Праверка», en: Refuge "Check"}}
summary: {{ru: Комнаты для женщин с детьми.}}
services: [shelter]
region: brest
locality: pinsk
address_visibility: hidden
phones:
  - number: "8 029 765-43-21"
verified: 2026-10-01
"""
PINSK = re.compile(r"Пинск|Пінск|Pinsk|pinsk", re.IGNORECASE)


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Directory:
    data = tmp_path_factory.mktemp("hidden") / "data"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    (data / "entries" / "brest" / f"{HIDDEN_ID}.yml").write_text(HIDDEN, "utf-8")
    return load_directory(data)


def test_the_model_answers_what_may_be_shown(directory: Directory) -> None:
    """Issue 19, defect 4: the rule lives on the entry, once."""
    hidden, locality = directory.entry(HIDDEN_ID), directory.entry(LOCALITY_ID)
    assert hidden.locality == "pinsk" and hidden.shown_locality is None
    assert locality.shown_locality == "pinsk"
    for entry in (hidden, locality):
        assert entry.address_by_phone and not entry.shown_address and entry.shown_geo is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_never_name_a_hidden_place_s_town(directory: Directory, lang: str) -> None:
    """Issue 19, defect 4: entry page text, meta description and region grouping."""
    pages = {p.src_uri: p for p in directory_pages(directory, lang, slots={}, site_url=SITE)}
    hidden = pages[f"directory/{HIDDEN_ID}/index.md"]
    assert not PINSK.search(hidden.render())
    assert not PINSK.search(hidden.description)
    shown = pages[f"directory/{LOCALITY_ID}/index.md"]
    assert PINSK.search(shown.render()) and PINSK.search(shown.description)

    region = pages["directory/regions/brest/index.md"].render()
    card = region.index(f'data-entry-id="{HIDDEN_ID}"')
    group = re.findall(r'<h2 id="([^"]+)"', region[:card])[-1]
    assert group == "whole-region"
    card = region.index(f'data-entry-id="{LOCALITY_ID}"')
    assert re.findall(r'<h2 id="([^"]+)"', region[:card])[-1] == "town-pinsk"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_finder_data_carries_no_town_of_a_hidden_place(directory: Directory, lang: str):
    """Issue 19, defect 4: the finder's records and the text it indexes."""
    entries = list(directory.entries)
    records = {row["id"]: row for row in rows(build_records(directory, lang, entries))}
    assert records[HIDDEN_ID]["town"] == -1
    assert records[LOCALITY_ID]["town"] != -1
    assert not PINSK.search(document(directory, directory.entry(HIDDEN_ID), lang)["t"])
    assert PINSK.search(document(directory, directory.entry(LOCALITY_ID), lang)["t"])


def test_feeds_carry_no_town_of_a_hidden_place(directory: Directory) -> None:
    """Issue 19, defect 4: directory.json, the CSV, GeoJSON and every HSDS table."""
    feed = {e["id"]: e for e in build_feed(directory, site_url=SITE)["entries"]}
    assert "locality" not in feed[HIDDEN_ID]
    assert feed[LOCALITY_ID]["locality"] == "pinsk"
    table = {
        row["id"]: row for row in csv.DictReader(io.StringIO(render_csv(directory, site_url=SITE)))
    }
    assert not any(PINSK.search(value or "") for value in table[HIDDEN_ID].values())
    assert table[LOCALITY_ID]["locality"] == "pinsk"
    assert HIDDEN_ID not in str(build_geojson(directory, site_url=SITE))
    for lang in LANGUAGES:
        tables = export_tables(directory, lang, site_url=SITE)
        linked = _rows_of(tables, directory.entry(HIDDEN_ID).name(lang))
        assert len(linked) > 3, "the hidden place is exported, with its phone and attributes"
        assert not any(PINSK.search(str(row)) for row in linked), linked
        shown = _rows_of(tables, directory.entry(LOCALITY_ID).name(lang))
        assert any(PINSK.search(str(row)) for row in shown)


def _rows_of(tables: dict[str, list[dict]], service_name: str) -> list[dict]:
    """Every HSDS row that belongs to the service of that name: the service, its organisation
    and each row that refers to them, followed link by link (shared vocabulary left out)."""
    service = next(row for row in tables["service"] if row["name"] == service_name)
    ids = {service["id"], service["organization_id"]}
    found: dict[str, dict] = {}
    while True:
        before = len(ids)
        for name, table_rows in tables.items():
            if name in ("taxonomy", "taxonomy_term", "meta_table_description"):
                continue
            for row in table_rows:
                if row.get("id") in ids or ids & {str(v) for v in row.values()}:
                    found[row["id"]] = row
                    ids.add(row["id"])
        if len(ids) == before:
            return list(found.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_leaflet_names_no_town_of_a_hidden_place(directory: Directory, lang: str) -> None:
    """Issue 19, defect 4: the printable leaflet of the region."""
    source = leaflet_source(directory, region_id="brest", lang=lang, site_url=SITE)
    at = source.index(f'id="place-{HIDDEN_ID}"')
    card = source[at : source.index("</article>", at)]
    assert "Проверка" in card or "Праверка" in card or "Check" in card
    assert not PINSK.search(card), card
    at = source.index(f'id="place-{LOCALITY_ID}"')
    assert PINSK.search(source[at : source.index("</article>", at)])
