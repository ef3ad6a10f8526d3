"""The "Open data" page in each language: it describes and links every published file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from build_tools.i18n import url_prefix
from build_tools.languages import LANGUAGES
from tests.paths import REPO

from .helpers import format_checker

LANGS = LANGUAGES
LINK = re.compile(r"\]\((site:[^)\s]+)\)")


def _page(lang: str) -> str:
    return (REPO / "content" / lang / "open-data.md").read_text(encoding="utf-8")


def _data_links(lang: str) -> list[str]:
    base = "site:data/"
    return [url.removeprefix(base) for url in LINK.findall(_page(lang)) if url.startswith(base)]


@pytest.mark.parametrize("lang", LANGS)
def test_page_has_a_description_and_names_the_licence(lang: str) -> None:
    text = _page(lang)
    front = yaml.safe_load(text.split("---\n")[1])
    assert len(front["description"]) > 40
    assert "CC BY 4.0" in text
    assert "https://creativecommons.org/licenses/by/4.0/" in text
    assert "<" not in text.split("---\n", 2)[2].replace("<id>", "")  # plain Markdown, no HTML


@pytest.mark.parametrize("lang", LANGS)
def test_page_links_every_published_file(lang: str, feeds_dir: Path) -> None:
    links = _data_links(lang)
    for name in (
        "directory.json",
        "directory.schema.json",
        "directory.csv",
        "directory.geojson",
        "coverage.csv",
        *(f"hsds/{code}/{file}" for code in LANGS for file in ("datapackage.json", "hsds.json")),
    ):
        assert name in links, name
    for name in links:
        assert (feeds_dir / name).is_file(), f"{lang}: the page links {name}, which is not built"


@pytest.mark.slow
def test_the_built_site_publishes_the_feeds(built_site: Path) -> None:
    data = built_site / "data"
    feed = json.loads((data / "directory.json").read_text(encoding="utf-8"))
    schema = json.loads((data / "directory.schema.json").read_text(encoding="utf-8"))
    assert (
        list(Draft202012Validator(schema, format_checker=format_checker()).iter_errors(feed)) == []
    )
    assert feed["entries"]
    for lang, prefix in ((lang, url_prefix(lang)) for lang in LANGUAGES):
        html = (built_site / prefix / "open-data" / "index.html").read_text(encoding="utf-8")
        for name in _data_links(lang):
            up = "../" if not prefix else "../../"
            assert f'href="{up}data/{name}"' in html
            assert (data / name).is_file(), name
