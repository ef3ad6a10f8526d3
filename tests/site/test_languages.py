"""Build layer: the three languages, their pages, their search indexes, and a safe swap."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.paths import FIXTURE_DIRECTORY, REPO
from tests.sitebuild import build_site

LANG_ROOTS = {"ru": "", "be": "be/", "en": "en/"}


def content_pages(lang: str) -> list[str]:
    folder = REPO / "content" / lang
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


def built_path(src: str) -> str:
    """content path → built file, with directory URLs ("about.md" → "about/index.html")."""
    if src.endswith("index.md"):
        return src[: -len("index.md")] + "index.html"
    return src[: -len(".md")] + "/index.html"


def test_every_language_has_the_same_pages() -> None:
    assert content_pages("ru"), "content/ru is empty"
    assert content_pages("be") == content_pages("ru")
    assert content_pages("en") == content_pages("ru")


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_every_content_page_is_built_with_its_language(built_site: Path, lang: str) -> None:
    for src in content_pages(lang):
        page = built_site / LANG_ROOTS[lang] / built_path(src)
        assert page.is_file(), f"{page} was not built"
        head = page.read_text(encoding="utf-8")[:400]
        assert f'<html lang="{lang}"' in head, f"{page}: wrong <html lang>"


def test_home_pages_exist(built_site: Path) -> None:
    for root in LANG_ROOTS.values():
        assert (built_site / root / "index.html").is_file()


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_one_search_index_per_language(built_site: Path, lang: str) -> None:
    """A Russian query never returns English pages: each language has its own index."""
    index = json.loads((built_site / LANG_ROOTS[lang] / "search/search_index.json").read_text())
    locations = [doc["location"] for doc in index["docs"]]
    assert locations, "empty search index"
    assert not any(loc.startswith(("be/", "en/")) for loc in locations)
    text = " ".join(doc["text"] for doc in index["docs"])
    marker = {"ru": "ы", "be": "ў", "en": "the"}[lang]
    assert marker in text


def test_search_options_put_nothing_typed_in_urls() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    features = re.findall(r"(?m)^\s+- (search\.\w+)", config)
    assert not set(features) & {"search.highlight", "search.share", "search.suggest"}


def test_theme_loads_no_web_fonts(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_emergency_numbers_on_every_page_without_javascript(built_site: Path) -> None:
    for page in built_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # redirect pages of renamed entries
        for number in ('href="tel:88011008801"', 'href="tel:102"', 'href="tel:103"'):
            assert number in html, f"{page}: {number} missing"


def test_failed_build_leaves_the_earlier_site_untouched(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    build_site(tmp_path, data_dir=data, leaflets=False)
    site = tmp_path / "site"
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    marker = (site / "index.html").read_bytes()

    entry = next((data / "entries").rglob("*.yml"))
    entry.write_text(entry.read_text(encoding="utf-8") + "\nunknown_field: 1\n", encoding="utf-8")
    result = build_site(tmp_path, data_dir=data, leaflets=False, check=False)

    assert result.returncode != 0
    assert "unknown_field" in result.stdout + result.stderr
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert (site / "index.html").read_bytes() == marker
    assert list(tmp_path.glob("site.partial*")) == [] and list(tmp_path.glob("site.old*")) == []
