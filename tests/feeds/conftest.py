"""Shared ground for the open-data tests: the fixture model, its feeds, the HSDS validator."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from build_tools.data.build import load_directory
from build_tools.data.model import Directory
from build_tools.feeds import write_feeds
from tests.paths import FIXTURE_DIRECTORY, SHARED

SITE_URL = "https://help.example.org/"
TODAY = _dt.date(2026, 11, 28)
HSDS = SHARED / "testdata" / "hsds"
HSDS_SCHEMAS = HSDS / "hsds3.0-spec" / "schema"


@pytest.fixture(scope="session")
def directory() -> Directory:
    return load_directory(FIXTURE_DIRECTORY, today=TODAY)


@pytest.fixture(scope="session")
def feeds_dir(directory: Directory, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``site/data`` as the build writes it for the fixture directory."""
    out = tmp_path_factory.mktemp("feeds") / "data"
    write_feeds(directory, out, site_url=SITE_URL)
    return out


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


@pytest.fixture(scope="session")
def hsds_validator() -> Callable[[str], Draft202012Validator]:
    """A validator for one HSDS 3.0 object type, its ``$ref``s resolved to the local files."""
    resources = []
    for file in sorted(HSDS_SCHEMAS.glob("*.json")):
        if file.name == "openapi.json":
            continue
        contents = json.loads(file.read_text(encoding="utf-8"))
        resources.append(
            (file.name, Resource.from_contents(contents, default_specification=DRAFT202012))
        )
    registry = Registry().with_resources(resources)
    checker = format_checker()

    def validator(kind: str) -> Draft202012Validator:
        return Draft202012Validator(
            {"$ref": f"{kind}.json"}, registry=registry, format_checker=checker
        )

    return validator
