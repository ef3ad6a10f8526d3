"""Constants and helpers the open-data tests share (fixtures live in ``conftest.py``)."""

from __future__ import annotations

import datetime as _dt
from urllib.parse import urlsplit

from jsonschema import FormatChecker

from tests.paths import EXTERNAL

SITE_URL = "https://help.example.org/"
TODAY = _dt.date(2026, 11, 28)
HSDS = EXTERNAL / "hsds"
HSDS_SCHEMAS = HSDS / "hsds3.0-spec" / "schema"


def format_checker() -> FormatChecker:
    """jsonschema's checks, plus ``uri`` (its own check needs a package we do not install)."""
    checker = FormatChecker()

    @checker.checks("uri")
    def _uri(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return bool(parts.scheme in ("http", "https") and parts.netloc) and " " not in value

    return checker
