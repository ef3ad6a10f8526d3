"""The chatbot feed: complete, normalised, valid against its own schema, silent on secrets."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from jsonschema import Draft202012Validator

from build_tools.data.model import Directory, Geo, Text
from build_tools.feeds import feed_schema, write_feeds
from build_tools.feeds.directory_json import build_feed
from build_tools.languages import LANGUAGES

from .helpers import SITE_URL, format_checker


def _feed(feeds_dir: Path) -> dict:
    return json.loads((feeds_dir / "directory.json").read_text(encoding="utf-8"))


def test_every_entry_is_in_the_feed_with_its_id_and_phones(
    directory: Directory, feeds_dir: Path
) -> None:
    entries = {item["id"]: item for item in _feed(feeds_dir)["entries"]}
    assert list(entries) == [entry.id for entry in directory.entries]
    for entry in directory.entries:
        phones = entries[entry.id]["phones"]
        assert [(p["e164"], p["dial"], p["short"]) for p in phones] == [
            (phone.e164, phone.display, phone.short) for phone in entry.phones
        ]


def test_phones_are_normalised_by_the_model(feeds_dir: Path) -> None:
    entries = {item["id"]: item for item in _feed(feeds_dir)["entries"]}
    hotline = entries["national-hotline"]["phones"][0]
    assert hotline["e164"] == "+3758011008801"
    # The free line cannot be dialled from abroad: no international form, dialled as 8801….
    assert hotline["international"] is None
    assert hotline["tel"] == "88011008801"
    assert hotline["dial"] == "8 801 100-88-01"
    assert hotline["cost"] == "free"
    assert hotline["label"]["en"] == "helpline"
    police = entries["police-102"]["phones"][0]
    assert police == {
        "e164": None,
        "international": None,
        "dial": "102",
        "tel": "102",
        "short": True,
        "label": {},
        "hours": police["hours"],
        "cost": "free",
        "type": "voice",
    }
    assert police["hours"]["always"] is True


def test_pets_places_children_and_ways_to_reach_are_in_the_feed(feeds_dir: Path) -> None:
    entries = {item["id"]: item for item in _feed(feeds_dir)["entries"]}
    crisis = entries["brest-crisis-room"]
    assert (crisis["pets"], crisis["places"]) == ("ask", 4)
    assert crisis["admission"]["children"] == "with-parent"
    assert crisis["admission"]["boys_up_to_age"] == 14
    assert [p["type"] for p in entries["minsk-children-line"]["phones"]] == [
        "voice",
        "sms",
        "messenger",
    ]
    signing = {key for key, item in entries.items() if item["sign_language"]}
    assert signing == {"vitebsk-help-centre", "minsk-family-centre"}
    police = entries["police-102"]
    assert (police["pets"], police["places"], police["admission"]) == (None, None, None)


def test_hours_are_weekly_intervals_with_the_raw_text(
    directory: Directory, feeds_dir: Path
) -> None:
    entries = {item["id"]: item for item in _feed(feeds_dir)["entries"]}
    centre = entries["minsk-family-centre"]["hours"]
    assert centre["raw"] == "Mo-Fr 08:30-17:30; Sa 09:00-13:00"
    # Monday 08:30-17:30 and Saturday 09:00-13:00, in minutes from Monday 00:00
    assert centre["intervals"][0] == [510, 1050]
    assert centre["intervals"][-1] == [5 * 1440 + 540, 5 * 1440 + 780]
    assert centre["closed_days"] == [6]
    night = entries["minsk-children-line"]["phones"][2]["hours"]
    model = directory.entry("minsk-children-line").phones[2].hours
    assert night["intervals"] == [[i.start, i.end] for i in model.intervals]


def test_confidential_places_carry_no_address(directory: Directory, feeds_dir: Path) -> None:
    entries = {item["id"]: item for item in _feed(feeds_dir)["entries"]}
    for entry in directory.entries:
        item = entries[entry.id]
        if entry.address_visibility != "public":
            assert "address" not in item and "geo" not in item, entry.id
        if entry.address_visibility == "hidden":
            assert "locality" not in item, entry.id
    assert entries["pinsk-crisis-room"]["locality"] == "pinsk"
    assert entries["minsk-family-centre"]["address"]["ru"] == "ул. Примерная, 1"
    assert entries["minsk-family-centre"]["geo"] == {"lat": 53.9, "lon": 27.56}


def test_a_secret_address_never_reaches_any_file(directory: Directory, tmp_path: Path) -> None:
    """Even if a hidden place reached the model with an address, no feed would write it."""
    secret = "ул. Секретная, 5"
    leaked = dataclasses.replace(
        directory.entry("minsk-shelter"),
        address=Text({"ru": secret}),
        geo=Geo(53.123456, 27.654321),
    )
    entries = tuple(leaked if e.id == leaked.id else e for e in directory.entries)
    write_feeds(dataclasses.replace(directory, entries=entries), tmp_path, site_url=SITE_URL)
    written = [file for file in tmp_path.rglob("*") if file.is_file()]
    assert len(written) > 10
    for file in written:
        text = file.read_bytes().decode("utf-8-sig")
        assert "Секретная" not in text, file
        assert "53.123456" not in text and "27.654321" not in text, file


def test_the_feed_validates_against_its_published_schema(feeds_dir: Path) -> None:
    schema = json.loads((feeds_dir / "directory.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=format_checker())
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_feed(feeds_dir))
    ]
    assert errors == []
    assert schema["$id"] == SITE_URL + "data/directory.schema.json"


def test_the_schema_rejects_an_address_on_a_confidential_place(directory: Directory) -> None:
    feed = build_feed(directory, site_url=SITE_URL)
    shelter = next(item for item in feed["entries"] if item["id"] == "minsk-shelter")
    shelter["address"] = {"ru": "ул. Примерная, 2"}
    validator = Draft202012Validator(feed_schema(SITE_URL), format_checker=format_checker())
    assert not validator.is_valid(feed)


def test_samples_are_marked(feeds_dir: Path) -> None:
    entries = {item["id"]: item for item in _feed(feeds_dir)["entries"]}
    assert entries["vitebsk-sample-shelter"]["status"] == "sample"
    assert entries["vitebsk-sample-shelter"]["sample"] is True
    assert entries["national-hotline"]["sample"] is False


def test_texts_in_every_language_and_pages_per_language(feeds_dir: Path) -> None:
    feed = _feed(feeds_dir)
    entries = {item["id"]: item for item in feed["entries"]}
    assert set(entries["minsk-shelter"]["name"]) == set(LANGUAGES)
    # only what the editors wrote: the Russian-only summary is not copied into other languages
    assert list(entries["brest-psychologist"]["summary"]) == ["ru"]
    assert entries["minsk-shelter"]["urls"] == {
        "ru": f"{SITE_URL}directory/minsk-shelter/",
        "be": f"{SITE_URL}be/directory/minsk-shelter/",
        "en": f"{SITE_URL}en/directory/minsk-shelter/",
    }
    assert [region["id"] for region in feed["regions"]] == ["minsk-city", "brest", "vitebsk"]
    assert feed["services"][0]["urls"]["en"] == f"{SITE_URL}en/directory/services/hotline/"


def test_rebuilding_unchanged_data_writes_identical_files(
    directory: Directory, feeds_dir: Path, tmp_path: Path
) -> None:
    write_feeds(directory, tmp_path, site_url=SITE_URL)
    first = {p.relative_to(feeds_dir): p.read_bytes() for p in feeds_dir.rglob("*") if p.is_file()}
    again = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert first == again
    newest = max(entry.verified for entry in directory.entries).isoformat()
    assert _feed(feeds_dir)["generated"] == newest
    assert _feed(feeds_dir)["version"] == "1.0"
