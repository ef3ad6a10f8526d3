"""A region with more places than a page holds: the most important ones, whole, and a pointer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools.data.build import load_directory
from build_tools.languages import LANGUAGES
from build_tools.leaflets import build_custom, build_leaflets
from tests.leaflets.conftest import SITE_URL
from tests.leaflets.pdfcheck import flat, page_texts
from tests.paths import FIXTURE_DIRECTORY

CRISIS_ROOM = """\
id: {id}
name:
  ru: Кризисная комната территориального центра социального обслуживания населения № {n}
  be: Крызісны пакой тэрытарыяльнага цэнтра сацыяльнага абслугоўвання насельніцтва № {n}
  en: Crisis room of the territorial centre for social services No. {n}
services: [crisis-room, psychological, legal]
region: brest
locality: pinsk
address_visibility: locality
phones:
  - number: "8 0165 20-00-{n:02d}"
    label: {{ru: дежурный специалист, be: дзяжурны спецыяліст, en: duty specialist}}
    hours: "24/7"
  - number: "+375 29 200-00-{n:02d}"
    label: {{ru: психолог, be: псіхолаг, en: psychologist}}
    hours: "Mo-Fr 09:00-13:00,14:00-18:00"
hours: "24/7"
verified: 2026-0{month}-01
"""

LEGAL = """\
id: {id}
name: {{ru: Юрист № {n}, be: Юрыст № {n}, en: Lawyer No. {n}}}
services: [legal]
region: brest
phones:
  - number: "+375 33 300-00-{n:02d}"
verified: 2026-09-01
"""


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory):
    """The fixture directory plus 14 crisis rooms and 6 lawyers in Brest Region."""
    data = tmp_path_factory.mktemp("crowded") / "data"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    extra = data / "entries" / "brest"
    for n in range(1, 15):
        entry_id = f"brest-room-{n}"
        text = CRISIS_ROOM.format(id=entry_id, n=n, month=1 + n % 9)
        (extra / f"{entry_id}.yml").write_text(text, encoding="utf-8")
    for n in range(1, 7):
        entry_id = f"brest-lawyer-{n}"
        (extra / f"{entry_id}.yml").write_text(LEGAL.format(id=entry_id, n=n), encoding="utf-8")
    directory = load_directory(data)
    out = tmp_path_factory.mktemp("crowded-out")
    infos = build_leaflets(directory, out, site_url=SITE_URL, languages=LANGUAGES)
    return directory, out, {i.path: i for i in infos}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_crowded_region_keeps_two_pages_and_lists_whole_places(crowded, lang: str):
    directory, out, infos = crowded
    info = infos[f"{lang}/brest.pdf"]
    pages = page_texts(out / info.path)
    assert len(pages) == 2
    back = flat(pages[1])
    assert 0 < len(info.listed) < 23
    for entry_id in info.listed:
        entry = directory.entry(entry_id)
        assert flat(entry.name(lang)) in back, f"{entry_id} is cut off"
        for phone in entry.phones:
            assert phone.display in back, f"{entry_id}: {phone.display} is cut off"
    left_out = [e for e in directory.in_region("brest") if e.id not in info.listed and e.phones]
    assert left_out
    assert all(e.phones[0].display not in back for e in left_out), "no half-printed place"


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [("ru", "Остальные службы"), ("be", "Астатнія службы"), ("en", "All the others")],
)
def test_places_left_out_are_counted_and_sent_to_the_website(crowded, lang: str, phrase: str):
    directory, out, infos = crowded
    info = infos[f"{lang}/brest.pdf"]
    assert info.more == len(directory.in_region("brest")) - len(info.listed)
    back = page_texts(out / info.path)[1]
    assert f"{phrase} ({info.more})" in flat(back)
    prefix = "" if lang == "ru" else f"{lang}/"
    assert f"{SITE_URL}{prefix}directory/regions/brest/" in "".join(back.split())


def test_places_to_stay_come_before_other_help_when_room_is_short(crowded):
    directory, _, infos = crowded
    listed = [directory.entry(i) for i in infos["ru/brest.pdf"].listed]
    assert all("crisis-room" in e.services for e in listed), "only places to stay fit"
    assert "brest-crisis-room" in infos["ru/brest.pdf"].listed


def test_the_page_is_used_rather_than_left_empty(crowded):
    """The estimate is not so cautious that half the back page stays blank."""
    _, _, infos = crowded
    assert len(infos["ru/brest.pdf"].listed) >= 4


def test_checked_on_counts_only_what_is_printed(crowded):
    directory, _, infos = crowded
    info = infos["ru/brest.pdf"]
    printed = [directory.entry(i).verified for i in info.listed]
    front = [directory.entry(i).verified for i in ("national-hotline", "helphotlinebot")]
    assert info.checked == min(printed + front + [directory.entry("police-102").verified])


def test_a_custom_leaflet_lists_the_chosen_entries(crowded, tmp_path: Path):
    directory, _, _ = crowded
    target = tmp_path / "mine.pdf"
    info = build_custom(
        directory,
        target,
        region_id="brest",
        lang="be",
        site_url=SITE_URL,
        entry_ids=["brest-psychologist", "pinsk-crisis-room"],
    )
    assert info.listed == ("pinsk-crisis-room", "brest-psychologist")
    back = flat(page_texts(target)[1])
    assert "Псіхолаг «Прыклад»" in back and "Крызісны пакой у Пінску" in back
    assert "Крызісны пакой «Прыклад»" not in back
    assert info.more == len(directory.in_region("brest")) - 2
