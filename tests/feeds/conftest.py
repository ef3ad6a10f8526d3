"""Shared ground for the open-data tests: the fixture model, its feeds, the HSDS validator."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from build_tools.data.build import load_directory
from build_tools.data.model import Directory
from build_tools.feeds import write_feeds
from tests.paths import FIXTURE_DIRECTORY

from .helpers import HSDS_SCHEMAS, SITE_URL, TODAY, format_checker


@pytest.fixture(scope="session")
def directory() -> Directory:
    return load_directory(FIXTURE_DIRECTORY, today=TODAY)


@pytest.fixture(scope="session")
def feeds_dir(directory: Directory, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``site/data`` as the build writes it for the fixture directory."""
    out = tmp_path_factory.mktemp("feeds") / "data"
    write_feeds(directory, out, site_url=SITE_URL)
    return out


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
