"""Free places today in the open data: ``status.json`` on its own, and in the other feeds.

``status.json`` is what the pages fetch (without caching) to show reports newer than the build:
publishing a new ``status.json`` updates every page that lists a crisis room or shelter, with
no rebuild. Like every feed it is a pure function of the data (no clock): the age of a report
is judged by whoever reads it, from ``reported``.
"""

from __future__ import annotations

from typing import Any

from build_tools.data.availability import PLACE_SERVICES
from build_tools.data.model import Directory
from build_tools.status_text import report_json

STATUS_NAME = "status.json"
STATUS_VERSION = "1.0"


def status_feed(directory: Directory) -> dict[str, Any]:
    """Every report, keyed by entry id; an entry that is not listed is unknown."""
    return {
        "version": STATUS_VERSION,
        "timezone": "Europe/Minsk",
        "place_services": sorted(PLACE_SERVICES),
        "reports": {
            entry_id: report_json(report) for entry_id, report in sorted(directory.reports.items())
        },
    }


def add_availability(feed: dict[str, Any], directory: Directory) -> dict[str, Any]:
    """``directory.json``'s entries with their ``availability`` (null when nothing is known)."""
    for item in feed["entries"]:
        item["availability"] = report_json(directory.reports.get(item["id"]))
    return feed


#: The CSV's last columns (appended, so readers of the earlier columns are not disturbed).
CSV_COLUMNS = ("availability", "availability_places", "availability_reported")


def csv_cells(directory: Directory, entry_id: str) -> dict[str, object]:
    found = report_json(directory.reports.get(entry_id))
    if found is None:
        return {}
    return dict(zip(CSV_COLUMNS, (found["state"], found["places"], found["reported"]), strict=True))
