"""``directory.csv`` opens right in spreadsheets; ``directory.geojson`` shows public places only."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

from build_tools.data.model import Directory, Geo, Text
from build_tools.feeds.spreadsheet import render_csv
from build_tools.languages import LANGUAGES

from .helpers import SITE_URL


def _rows(feeds_dir: Path) -> list[dict[str, str]]:
    text = (feeds_dir / "directory.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_is_utf8_with_bom_and_crlf(feeds_dir: Path) -> None:
    raw = (feeds_dir / "directory.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert "Кризисная комната «Пример»" in raw.decode("utf-8-sig")


def test_csv_has_one_row_per_entry_and_the_documented_columns(
    directory: Directory, feeds_dir: Path
) -> None:
    text = (feeds_dir / "directory.csv").read_bytes().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    # The columns partners' spreadsheets and scripts rely on, in order: a change here is a
    # change of the published format (docs/data-format.md, content/*/open-data.md).
    assert header == [
        *("id", "status", "name_ru", "name_be", "name_en", "summary_ru", "summary_be"),
        *("summary_en", "services", "services_names_ru", "services_names_be"),
        *("services_names_en", "national", "region", "region_name_ru", "region_name_be"),
        *("region_name_en", "locality", "locality_name_ru", "locality_name_be"),
        *("locality_name_en", "address_visibility", "address_ru", "address_be", "address_en"),
        *("lat", "lon", "phones", "phones_e164", "phones_tel", "email", "website", "telegram"),
        *("viber",),
        *("whatsapp", "hours", "serves", "languages", "free", "anonymous", "wheelchair"),
        *("verified", "source", "source_date", "url_ru", "url_be", "url_en", "availability"),
        *("availability_places", "availability_reported", "phones_type", "sign_language"),
        *("pets", "places", "children", "boys_up_to_age"),
    ]
    rows = _rows(feeds_dir)
    assert [row["id"] for row in rows] == [entry.id for entry in directory.entries]
    children = next(row for row in rows if row["id"] == "minsk-children-line")
    assert children["phones"] == "8 017 111-22-33; 8 029 765-43-21; 8 033 111-22-33"
    assert children["phones_type"] == "voice; sms; messenger"
    crisis = next(row for row in rows if row["id"] == "brest-crisis-room")
    assert [crisis[k] for k in ("pets", "places", "children", "boys_up_to_age")] == [
        "ask",
        "4",
        "with-parent",
        "14",
    ]
    signing = {row["id"] for row in rows if row["sign_language"] == "yes"}
    assert signing == {"vitebsk-help-centre", "minsk-family-centre"}
    assert {row["pets"] for row in rows if row["id"] == "police-102"} == {""}
    assert children["services_names_ru"] == "Детям и подросткам; Горячая линия"
    centre = next(row for row in rows if row["id"] == "minsk-family-centre")
    assert (centre["address_ru"], centre["lat"], centre["lon"]) == (
        "ул. Примерная, 1",
        "53.9",
        "27.56",
    )
    assert centre["url_be"] == f"{SITE_URL}be/directory/minsk-family-centre/"


def test_csv_keeps_confidential_addresses_out(directory: Directory) -> None:
    # Validation refuses an address on a confidential entry; a model that carries one anyway
    # (a bug upstream) must still not publish it.
    planted = tuple(
        dataclasses.replace(e, address=Text({"ru": "ул. Тайная, 7"}), geo=Geo(53.9, 27.5))
        if e.address_visibility != "public"
        else e
        for e in directory.entries
    )
    assert any(e.address_visibility != "public" for e in planted)
    text = render_csv(dataclasses.replace(directory, entries=planted), site_url=SITE_URL)
    assert "Тайная" not in text
    for row in csv.DictReader(io.StringIO(text)):
        entry = directory.entry(row["id"])
        if entry.address_visibility != "public":
            assert not any(row[f"address_{lang}"] for lang in LANGUAGES)
            assert not row["lat"] and not row["lon"]
        if entry.address_visibility == "hidden":
            assert not row["locality"] and not row["locality_name_ru"]


def test_csv_cells_cannot_run_as_formulas(directory: Directory) -> None:
    evil = dataclasses.replace(
        directory.entry("minsk-legal-aid"),
        name=Text(
            {"ru": '=HYPERLINK("https://evil.example/","x")', "be": "+1+1", "en": "@SUM(A1)"}
        ),
        summary=Text({"ru": "-2+3"}),
    )
    entries = tuple(evil if e.id == evil.id else e for e in directory.entries)
    text = render_csv(dataclasses.replace(directory, entries=entries), site_url=SITE_URL)
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["id"] == "minsk-legal-aid")
    assert row["name_ru"] == '\'=HYPERLINK("https://evil.example/","x")'
    assert row["name_be"] == "'+1+1"
    assert row["name_en"] == "'@SUM(A1)"
    assert row["summary_ru"] == "'-2+3"
    for cell in (c for r in csv.reader(io.StringIO(text)) for c in r):
        assert not cell.startswith(("=", "+", "-", "@")), cell


def test_geojson_has_only_public_places_with_a_point(directory: Directory, feeds_dir: Path) -> None:
    data = json.loads((feeds_dir / "directory.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    expected = [e.id for e in directory.entries if e.address_public and e.geo is not None]
    assert [feature["id"] for feature in data["features"]] == expected
    assert expected == ["minsk-family-centre", "vitebsk-help-centre"]
    centre = data["features"][0]
    assert centre["geometry"] == {"type": "Point", "coordinates": [27.56, 53.9]}
    assert centre["properties"]["address_en"] == "1 Prymiernaja St"
    assert centre["properties"]["url_ru"] == f"{SITE_URL}directory/minsk-family-centre/"
