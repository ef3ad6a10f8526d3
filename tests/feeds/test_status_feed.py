"""Free places in the open data (issue 17): status.json, directory.json and the CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from build_tools.data.build import load_directory
from build_tools.feeds import FEED_NAME, feed_schema
from build_tools.feeds.directory_json import build_feed
from build_tools.feeds.spreadsheet import render_csv
from build_tools.feeds.status import add_availability, status_feed
from tests.paths import FIXTURE_DIRECTORY


@pytest.fixture(scope="module")
def directory():
    return load_directory(FIXTURE_DIRECTORY)


def test_status_json_lists_each_report_with_its_minsk_time(directory) -> None:
    data = json.loads(json.dumps(status_feed(directory)))
    assert data["reports"] == {
        "brest-crisis-room": {
            "state": "free",
            "places": 2,
            "reported": "2026-11-20T10:00:00+03:00",
        },
        "minsk-shelter": {"state": "full", "places": None, "reported": "2026-11-20T09:30:00+03:00"},
    }


def test_directory_json_carries_availability_and_matches_its_schema(directory) -> None:
    from jsonschema import Draft202012Validator, FormatChecker

    feed = add_availability(build_feed(directory, site_url="https://example.org/"), directory)
    by_id = {e["id"]: e for e in feed["entries"]}
    assert by_id["minsk-shelter"]["availability"]["state"] == "full"
    assert by_id["national-hotline"]["availability"] is None
    schema = feed_schema("https://example.org/")
    errors = list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(feed))
    assert errors == [], FEED_NAME
    by_id["minsk-shelter"]["availability"]["state"] = "open"
    assert list(Draft202012Validator(schema).iter_errors(feed))


def test_csv_has_the_availability_columns(directory) -> None:
    text = render_csv(directory, site_url="https://example.org/")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["brest-crisis-room"]["availability"] == "free"
    assert rows["brest-crisis-room"]["availability_places"] == "2"
    assert rows["brest-crisis-room"]["availability_reported"] == "2026-11-20T10:00:00+03:00"
    assert rows["police-102"]["availability"] == ""
