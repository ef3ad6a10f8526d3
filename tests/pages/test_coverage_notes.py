"""Pages promise only what the directory holds (issue 14): a region or kind of help with few
or no local entries says so and points to the national lines; the directory home says, per
region, how many places it lists and when they were last confirmed by phone."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re

import pytest

from build_tools.data.build import load_directory
from build_tools.data.model import Directory
from build_tools.languages import LANGUAGES
from build_tools.pages import directory_pages
from tests.paths import FIXTURE_DIRECTORY

FEW = {
    "ru": "В справочнике пока мало местных служб",
    "be": "У даведніку пакуль мала мясцовых службаў",
    "en": "The directory lists few local services here so far",
}
NONE = {
    "ru": "В справочнике пока нет местных служб",
    "be": "У даведніку пакуль няма мясцовых службаў",
    "en": "The directory lists no local services here yet",
}


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load_directory(FIXTURE_DIRECTORY)


def page(directory: Directory, lang: str, uri: str) -> str:
    pages = directory_pages(directory, lang, slots={"finder": ""}, site_url="https://x.by/")
    return next(p for p in pages if p.src_uri == uri).render()


def without_region(directory: Directory, region_id: str) -> Directory:
    kept = tuple(e for e in directory.entries if e.region != region_id)
    return dataclasses.replace(directory, entries=kept)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_thin_region_says_so_and_points_to_the_national_lines(directory, lang) -> None:
    local = [e for e in directory.entries if e.region == "vitebsk"]
    assert 0 < len(local) < 3
    html = page(directory, lang, "directory/regions/vitebsk/index.md")
    note = re.search(r'<p class="helpdir-coverage-note">(.*?)</p>', html, re.S)
    assert note and FEW[lang] in note[1] and 'href="#national"' in note[1]
    assert 'id="national"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_region_with_three_or_more_has_no_note(directory, lang) -> None:
    assert len([e for e in directory.entries if e.region == "minsk-city"]) >= 3
    html = page(directory, lang, "directory/regions/minsk-city/index.md")
    assert "helpdir-coverage-note" not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_empty_region_and_kind_of_help_say_there_is_nothing_yet(directory, lang) -> None:
    empty = without_region(directory, "vitebsk")
    html = page(empty, lang, "directory/regions/vitebsk/index.md")
    assert NONE[lang] in html and 'href="#national"' in html
    emergency = [e for e in directory.entries if "emergency" in e.services]
    assert emergency and all(e.national for e in emergency)
    html = page(directory, lang, "directory/services/emergency/index.md")
    assert FEW[lang] in html and NONE[lang] not in html
    no_emergency = dataclasses.replace(
        directory, entries=tuple(e for e in directory.entries if "emergency" not in e.services)
    )
    html = page(no_emergency, lang, "directory/services/emergency/index.md")
    assert NONE[lang] in html and FEW[lang] not in html


def test_the_home_says_per_region_how_many_and_when_last_confirmed(directory) -> None:
    html = page(directory, "ru", "directory/index.md")
    rows = dict(
        re.findall(r'data-region-id="([a-z-]+)">.*?<span class="helpdir-count">(.*?)</span>', html)
    )
    newest = max(e.verified for e in directory.entries if e.region == "minsk-city" and e.verified)
    assert newest.isoformat() in rows["minsk-city"]
    assert "последняя проверка по телефону" in rows["minsk-city"]
    assert rows["minsk-city"].startswith("4 ")
    unconfirmed = dataclasses.replace(
        directory,
        entries=tuple(
            dataclasses.replace(e, status="unconfirmed", verified=None)
            if e.region == "vitebsk"
            else e
            for e in directory.entries
        ),
    )
    rows = dict(
        re.findall(
            r'data-region-id="([a-z-]+)">.*?<span class="helpdir-count">(.*?)</span>',
            page(unconfirmed, "en", "directory/index.md"),
        )
    )
    assert "not yet confirmed by phone" in rows["vitebsk"]
    assert _dt.date.today().isoformat() not in rows["vitebsk"]
