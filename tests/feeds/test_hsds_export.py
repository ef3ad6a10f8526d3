"""The HSDS 3.0 export: valid against the standard's schemas, linked, stable, discreet."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools.data.hsds_import.vocabulary import hsds_id
from build_tools.data.model import Directory
from build_tools.feeds.hsds.export import export_tables
from build_tools.feeds.hsds.tables import TABLES
from build_tools.languages import LANGUAGES

from .helpers import SITE_URL

LANGS = LANGUAGES
REQUIRED = (
    "organization",
    "service",
    "location",
    "service_at_location",
    "phone",
    "schedule",
    "address",
    "language",
    "taxonomy",
    "taxonomy_term",
)


def _bundle(feeds_dir: Path, lang: str) -> dict[str, list[dict]]:
    data = json.loads((feeds_dir / "hsds" / lang / "hsds.json").read_text(encoding="utf-8"))
    return {kind: data[f"{stem}.csv"] for kind, (stem, _) in TABLES.items()}


@pytest.mark.parametrize("lang", LANGS)
def test_every_object_validates_against_the_hsds_schemas(
    feeds_dir: Path, lang: str, hsds_validator: Callable
) -> None:
    tables = _bundle(feeds_dir, lang)
    for kind in REQUIRED:
        assert tables[kind], f"no {kind} objects"
    problems = []
    for kind, rows in tables.items():
        validator = hsds_validator(kind)
        for row in rows:
            problems += [f"{kind} {row['id']}: {e.message}" for e in validator.iter_errors(row)]
    assert problems == []


def test_the_validator_does_catch_a_broken_object(hsds_validator: Callable) -> None:
    validator = hsds_validator("service")
    assert not validator.is_valid({"id": "not-a-uuid", "name": "x", "status": "active"})
    assert not validator.is_valid({"id": hsds_id("service", "x"), "name": "x", "status": "open"})
    nested = {
        "id": hsds_id("service", "x"),
        "name": "x",
        "status": "active",
        "phones": [{"id": hsds_id("phone", "x")}],  # a phone without its number, via $ref
    }
    assert not validator.is_valid(nested)


def test_every_link_points_at_an_exported_object(feeds_dir: Path) -> None:
    tables = _bundle(feeds_dir, "ru")
    ids = {kind: {row["id"] for row in rows} for kind, rows in tables.items()}
    links = {
        "organization_id": "organization",
        "service_id": "service",
        "location_id": "location",
        "taxonomy_term_id": "taxonomy_term",
        "taxonomy_id": "taxonomy",
        "parent_id": "taxonomy_term",
    }
    for kind, rows in tables.items():
        for row in rows:
            for key, target in links.items():
                if key in row:
                    assert row[key] in ids[target], (kind, key, row[key])
            if kind == "attribute":
                assert row["link_id"] in ids[row["link_entity"]]


def test_ids_are_stable_uuid5_of_our_ids_in_every_language(feeds_dir: Path) -> None:
    services = {lang: [row["id"] for row in _bundle(feeds_dir, lang)["service"]] for lang in LANGS}
    assert services["ru"] == services["be"] == services["en"]
    # pinned: partners key their copies on these ids, so they must never change
    assert hsds_id("service", "national-hotline") == "04e34aee-58a8-59e5-af91-d2b8c28d541f"
    assert "04e34aee-58a8-59e5-af91-d2b8c28d541f" in services["ru"]
    assert uuid.UUID("04e34aee-58a8-59e5-af91-d2b8c28d541f").version == 5


def test_kinds_of_help_are_a_taxonomy_with_our_ids_as_codes(
    directory: Directory, feeds_dir: Path
) -> None:
    tables = _bundle(feeds_dir, "en")
    terms = {row["code"]: row for row in tables["taxonomy_term"]}
    for service in directory.services:
        assert terms[service.id]["name"] == service.name("en")
        assert terms[service.id]["term_uri"] == f"{SITE_URL}en/directory/services/{service.id}/"
    hotline = hsds_id("service", "national-hotline")
    linked = {row["taxonomy_term_id"] for row in tables["attribute"] if row["link_id"] == hotline}
    for service_id in ("hotline", "psychological", "legal"):
        assert terms[service_id]["id"] in linked


def test_texts_are_in_the_dataset_language(feeds_dir: Path) -> None:
    name = {
        lang: next(
            row["name"]
            for row in _bundle(feeds_dir, lang)["service"]
            if row["id"] == hsds_id("service", "minsk-shelter")
        )
        for lang in LANGS
    }
    assert name == {"ru": "Убежище «Пример»", "be": "Прытулак «Прыклад»", "en": 'Shelter "Example"'}


def test_confidential_places_have_no_location_or_address(
    directory: Directory, feeds_dir: Path
) -> None:
    for lang in LANGS:
        tables = _bundle(feeds_dir, lang)
        locations = {row["id"]: row for row in tables["location"]}
        addressed = {row["location_id"] for row in tables["address"]}
        for entry in directory.entries:
            location = locations.get(hsds_id("location", entry.id))
            if entry.address_visibility == "hidden":
                assert location is None, entry.id
            if entry.address_visibility != "public" and location is not None:
                assert "latitude" not in location and location["id"] not in addressed
        assert locations[hsds_id("location", "pinsk-crisis-room")]["name"] in (
            "Пинск",
            "Пінск",
            "Pinsk",
        )


def test_samples_are_not_exported(directory: Directory) -> None:
    tables = export_tables(directory, "ru", site_url=SITE_URL)
    names = {row["name"] for row in tables["service"]}
    assert "Пример убежища" not in names
    assert len(tables["service"]) == sum(1 for e in directory.entries if not e.is_sample)


def test_hours_become_weekly_schedules(feeds_dir: Path) -> None:
    tables = _bundle(feeds_dir, "ru")
    centre = hsds_id("service", "minsk-family-centre")
    rows = [row for row in tables["schedule"] if row["service_id"] == centre]
    assert [(r["byday"], r["opens_at"], r["closes_at"]) for r in rows] == [
        ("MO,TU,WE,TH,FR", "08:30:00", "17:30:00"),
        ("SA", "09:00:00", "13:00:00"),
    ]
    assert all(r["freq"] == "WEEKLY" and r["timezone"] == 3 for r in rows)


def test_the_csv_package_matches_the_json_and_lists_its_files(feeds_dir: Path) -> None:
    folder = feeds_dir / "hsds" / "ru"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    bundle = json.loads((folder / "hsds.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    for resource in package["resources"]:
        text = (folder / resource["path"]).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        header = [field["name"] for field in resource["schema"]["fields"]]
        assert list(rows[0]) == header if rows else True
        assert [row["id"] for row in rows] == [row["id"] for row in bundle[resource["path"]]]


def test_phone_numbers_are_ones_people_can_dial(feeds_dir: Path) -> None:
    """The free hotline cannot be dialled as +375…: HSDS gives it as dialled in Belarus."""
    numbers = {p["number"] for p in _bundle(feeds_dir, "en")["phone"]}
    assert "8 801 100-88-01" in numbers and "+3758011008801" not in numbers
    assert "102" in numbers
    assert any(n.startswith("+375") for n in numbers)


def _facts_of(bundle: dict[str, list[dict]], entity: str, link_id: str) -> dict[str, str]:
    """Our facet code → value, for the attributes linked to one object."""
    codes = {t["id"]: t["code"] for t in bundle["taxonomy_term"]}
    return {
        codes[a["taxonomy_term_id"]]: a.get("value", "")
        for a in bundle["attribute"]
        if a["link_id"] == link_id and a["link_entity"] == entity
    }


def test_pets_places_boys_and_sign_language_are_attributes(feeds_dir: Path) -> None:
    """What HSDS has no field for travels as attributes of our facets taxonomy."""
    bundle = _bundle(feeds_dir, "ru")
    crisis = _facts_of(bundle, "service", hsds_id("service", "brest-crisis-room"))
    assert crisis["pets"] == "ask"
    assert crisis["places"] == "4"
    assert crisis["admission-boys-up-to-age"] == "14"
    police = _facts_of(bundle, "service", hsds_id("service", "police-102"))
    assert not {"pets", "places", "sign-language"} & set(police)
    signing = {
        a["link_id"]
        for a in bundle["attribute"]
        if a["taxonomy_term_id"] == _term(bundle, "sign-language")
    }
    assert signing == {
        hsds_id("service", "vitebsk-help-centre"),
        hsds_id("service", "minsk-family-centre"),
    }


def _term(bundle: dict[str, list[dict]], code: str) -> str:
    return next(t["id"] for t in bundle["taxonomy_term"] if t["code"] == code)


def test_phone_types_use_the_hsds_words_and_keep_ours(feeds_dir: Path) -> None:
    """HSDS names phone types after RFC 6350 (text, video, textphone); our exact kind is kept
    as a phone attribute, so a messenger number is not mistaken for an ordinary mobile."""
    bundle = _bundle(feeds_dir, "en")
    phones = {p["id"]: p for p in bundle["phone"]}
    expected = {
        ("minsk-children-line", 0): ("voice", None),
        ("minsk-children-line", 1): ("text", "sms"),
        ("minsk-children-line", 2): ("cell", "messenger"),
        ("vitebsk-help-centre", 1): ("video", "video"),
        ("minsk-legal-aid", 1): ("textphone", "textphone"),
    }
    for (entry_id, index), (hsds_type, ours) in expected.items():
        phone_id = hsds_id("phone", f"{entry_id}/{index}")
        assert phones[phone_id]["type"] == hsds_type
        assert _facts_of(bundle, "phone", phone_id).get("phone-type") == ours
