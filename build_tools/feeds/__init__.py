"""Open data: the chatbot feed, CSV, GeoJSON and the Open Referral HSDS export.

Everything here is written from the validated model, once per build, into ``site/data/``::

    directory.json          the versioned feed (chatbot, partners)
    directory.schema.json   its JSON Schema
    directory.csv           one row per entry, for spreadsheets
    directory.geojson       public places with a map point
    status.json             free places today (what the pages fetch to stay current)
    coverage.csv            the coverage page's numbers per region (with population.yml)
    hsds/<lang>/            HSDS 3.0: CSV files + datapackage.json, and hsds.json

Every file is a pure function of the data (no clock), so a rebuild of unchanged data writes
identical bytes and the published files do not churn.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from build_tools.data.coverage import coverage
from build_tools.data.model import Directory
from build_tools.languages import with_languages

from .common import write_json
from .coverage_csv import COVERAGE_CSV_NAME, write_coverage_csv
from .directory_json import SCHEMA_NAME, build_feed
from .geojson import build_geojson
from .hsds import hsds_steps
from .spreadsheet import write_csv
from .status import STATUS_NAME, add_availability, status_feed
from .urls import SiteUrls

FEED_NAME = "directory.json"
CSV_NAME = "directory.csv"
GEOJSON_NAME = "directory.geojson"
HSDS_FOLDER = "hsds"


def feed_schema(site_url: str) -> dict:
    """The published schema of ``directory.json``, with its own address as ``$id``."""
    schema = json.loads(resources.files(__package__).joinpath(SCHEMA_NAME).read_text("utf-8"))
    schema = with_languages(schema)
    schema["$id"] = SiteUrls(site_url).data(SCHEMA_NAME)
    return schema


def write_feeds(
    directory: Directory,
    out_dir: Path,
    *,
    site_url: str,
    should_stop: Callable[[], bool] = lambda: False,
) -> bool:
    """Write every feed into ``out_dir`` (``site/data``); False when ``should_stop`` said to
    stop between two files (the live preview stops for a newer save, which writes them all)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    steps: list[Callable[[], object]] = [
        lambda: write_json(
            out_dir / FEED_NAME,
            add_availability(build_feed(directory, site_url=site_url), directory),
        ),
        lambda: write_json(out_dir / SCHEMA_NAME, feed_schema(site_url)),
        lambda: write_csv(directory, out_dir / CSV_NAME, site_url=site_url),
        lambda: write_json(out_dir / GEOJSON_NAME, build_geojson(directory, site_url=site_url)),
        *hsds_steps(directory, out_dir / HSDS_FOLDER, site_url=site_url),
        lambda: write_json(out_dir / STATUS_NAME, status_feed(directory)),
    ]
    for step in steps:
        if should_stop():
            return False
        step()
    figures = coverage(directory)
    if figures is not None:
        write_coverage_csv(directory, figures, out_dir / COVERAGE_CSV_NAME)
    return True
