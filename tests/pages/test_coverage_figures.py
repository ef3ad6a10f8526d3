"""The figures of "Where help is missing", from the fixture directory, counted by hand, and the
page's words: what is counted, as of when, what is not yet confirmed, whose population."""

from __future__ import annotations

import dataclasses

import pytest

from build_tools.data.build import load_directory
from build_tools.data.coverage import coverage
from build_tools.data.model import Directory, Text
from build_tools.pages import directory_pages
from tests.paths import FIXTURE_DIRECTORY


@pytest.fixture(scope="module")
def directory() -> Directory:
    """The fixture with no entry stating its places, whatever the fixture files say: each test
    states the places it needs."""
    loaded = load_directory(FIXTURE_DIRECTORY)
    return _with_places(loaded, {e.id: None for e in loaded.entries})


def _with_places(directory: Directory, places: dict[str, int | None]) -> Directory:
    entries = []
    for entry in directory.entries:
        copy = dataclasses.replace(entry)
        if entry.id in places:
            object.__setattr__(copy, "places", places[entry.id])  # a field of newer models
        entries.append(copy)
    return dataclasses.replace(directory, entries=tuple(entries))


def _replace(directory: Directory, entry_id: str, **changes: object) -> Directory:
    entries = []
    for entry in directory.entries:
        copy = dataclasses.replace(entry, **changes) if entry.id == entry_id else entry
        if hasattr(entry, "places") and not hasattr(copy, "places"):
            object.__setattr__(copy, "places", entry.places)
        entries.append(copy)
    return dataclasses.replace(directory, entries=tuple(entries))


def _page(directory: Directory, lang: str) -> str:
    pages = directory_pages(directory, lang, slots={}, site_url="")
    return next(p for p in pages if p.src_uri == "directory/coverage/index.md").render()


def test_each_region_counted_by_hand(directory: Directory) -> None:
    figures = coverage(directory)
    assert figures is not None
    by_region = {r.region: r for r in figures.regions}
    assert list(by_region) == ["minsk-city", "brest", "vitebsk"]  # regions.yml order
    minsk, brest, vitebsk = by_region["minsk-city"], by_region["brest"], by_region["vitebsk"]
    # Minsk: one shelter (no places stated); family centre, legal aid and the shelter counsel;
    # the children's line has a 24/7 phone.
    assert (minsk.stay_services, minsk.places_known, minsk.places_needed) == (1, 1, 200)
    assert (minsk.counselling, minsk.counselling_needed, minsk.lines_24h) == (3, 22, 1)
    # Brest: two crisis rooms; the crisis room and the psychologist counsel; no hotline at all
    # (the crisis room is open 24/7 but is not a line).
    assert (brest.stay_services, brest.places_known, brest.places_needed) == (2, 2, 130)
    assert (brest.counselling, brest.counselling_needed, brest.lines_24h) == (2, None, 0)
    # Vitebsk: the shelter there is an example (status: sample) and is not counted.
    assert (vitebsk.stay_services, vitebsk.places_known, vitebsk.counselling) == (0, 0, 1)
    assert figures.without_24h_line == ("brest", "vitebsk")
    assert figures.unconfirmed == 0


def test_stated_places_count_as_stated_and_the_rest_as_one(directory: Directory) -> None:
    changed = _with_places(directory, {"brest-crisis-room": 6})
    brest = next(r for r in coverage(changed).regions if r.region == "brest")
    assert (brest.places_stated, brest.places_not_stated, brest.places_known) == (6, 1, 7)


def test_unconfirmed_and_suspended_entries(directory: Directory) -> None:
    changed = _replace(directory, "minsk-shelter", status="unconfirmed", verified=None)
    changed = _replace(changed, "pinsk-crisis-room", status="suspended")
    by_region = {r.region: r for r in coverage(changed).regions}
    assert by_region["minsk-city"].unconfirmed == 1
    assert by_region["minsk-city"].places_known == 1  # still counted
    assert by_region["brest"].places_known == 1  # the suspended crisis room is not
    assert "1 of the services counted is not yet confirmed" in _page(changed, "en")
    assert "Ещё не подтверждены по телефону: 1 из учтённых служб" in _page(changed, "ru")


def test_the_national_lines_say_what_the_data_says(directory: Directory) -> None:
    html = _page(directory, "en")
    hotline = html.split('data-entry-id="national-hotline"')[1].split("</li>")[0]
    assert "free" in hotline and "not around the clock" in hotline
    assert "08:00" in hotline and "20:00" in hotline
    bot = html.split('data-entry-id="helphotlinebot"')[1].split("</li>")[0]
    assert "24/7" in bot and "not around" not in bot
    # police-102 is not filed as a hotline: it is not one of the lines
    assert 'data-entry-id="police-102"' not in html


@pytest.mark.parametrize(
    ("lang", "known", "source", "women"),
    [
        ("ru", "Здесь учтено только то, что известно справочнику", "Белстат", "нет данных"),
        ("be", "Тут улічана толькі тое, што вядома даведніку", "Белстат", "няма даных"),
        ("en", "Only what the directory knows of is counted", "Belstat", "no data"),
    ],
)
def test_the_page_states_its_limits(directory: Directory, lang, known, source, women) -> None:
    html = _page(directory, lang)
    assert known in html
    assert source in html
    assert '<time datetime="2025-01-01">' in html  # the population's date
    assert "https://onlinebrest.by/" in html  # where the figures were read
    assert women in html  # Brest and Vitebsk have no women figure in the fixture


def test_every_text_from_the_data_is_escaped(directory: Directory) -> None:
    evil = "<script>alert(1)</script>"
    regions = tuple(
        dataclasses.replace(r, name=Text({"ru": evil, "be": evil, "en": evil}))
        if r.id == "brest"
        else r
        for r in directory.regions
    )
    html = _page(dataclasses.replace(directory, regions=regions), "en")
    assert evil not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_no_population_file_no_page(directory: Directory) -> None:
    without = dataclasses.replace(directory, population=None)
    pages = directory_pages(without, "en", slots={}, site_url="")
    assert "directory/coverage/index.md" not in {p.src_uri for p in pages}
