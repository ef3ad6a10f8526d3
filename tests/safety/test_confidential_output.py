"""Confidential places leave no address and no map point in anything the build writes.

A confidential address is never in the YAML (validation refuses it), so the danger is an
output that makes one up or carries one from elsewhere: a street next to the town's name,
coordinates of the town centre. The test builds the fixture directory plus a *public* entry
planted in the same town as a confidential one, then reads every output (pages, finder data,
feeds, search index, text of the leaflet PDFs): next to the town of any non-public entry there
is no address-like text except the public entries' own addresses, and no coordinates other than
public ones appear anywhere. The planted address must be found, so the search is proven to see.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.data.build import load_directory
from build_tools.data.model import Directory
from tests.paths import FIXTURE_DIRECTORY, REPO
from tests.sitebuild import build_site

pytestmark = pytest.mark.slow

#: Streets the confidential places would have, written nowhere: not in YAML, not in a test
#: fixture. Any of them in the output could only come from somewhere it must not.
SECRET_STREETS = ("Незабудкина Тайная", "Нязабудкіна Тайная", "Nezabudkina Secret")

PLANTED = """\
id: pinsk-planted-public
name: {ru: Открытый центр в Пинске, be: Адкрыты цэнтр у Пінску, en: Open centre in Pinsk}
services: [psychological]
region: brest
locality: pinsk
address: {ru: "ул. Контрольная, 7", be: "вул. Кантрольная, 7", en: "7 Kantrolnaja St"}
geo: {lat: 52.1234, lon: 26.0987}
phones:
  - number: "8 0165 76-54-32"
verified: 2026-10-01
"""
PLANTED_ADDRESSES = ("ул. Контрольная, 7", "вул. Кантрольная, 7", "7 Kantrolnaja St")

#: Words that make text an address (ru, be, en), as whole abbreviations or words.
ADDRESS_MARKERS = re.compile(
    r"(?<!\w)(?:ул\.|улиц|просп|пр-т|пр\.|пер\.|переул|бульв|б-р|пл\.|площад|шоссе|д\.\s*\d|"
    r"кв\.|вул\.|вуліц|праспект|зав\.|завулак|бульвар|плошч|"
    r"st\.?(?!\w)|street|avenue|ave\.|road|rd\.|lane|square|blvd)",
    re.IGNORECASE,
)
#: Decimal numbers with three or more decimals: a coordinate at useful precision.
COORDINATE = re.compile(r"(?<![\d.])(\d{2}\.\d{3,})(?![\d.])")
WINDOW = 80


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _html_text(text: str) -> str:
    text = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", " ", text, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def _json_text(text: str) -> str:
    parts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                parts.append(str(key))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif value is not None:
            parts.append(str(value))

    walk(json.loads(text))
    return " | ".join(parts)


def output_texts(site: Path) -> dict[str, str]:
    """The text of every output a visitor or a partner system can read."""
    texts = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel.split("/")[0] in {"assets", "partials", "components"}:
            continue
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            raw = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
        elif suffix in {".json", ".geojson"}:
            raw = _json_text(path.read_text(encoding="utf-8"))
        elif suffix in {".html", ".htm"}:
            raw = _html_text(path.read_text(encoding="utf-8"))
        elif suffix in {".csv", ".txt", ".xml", ".tsv", ".ics", ".vcf"}:
            raw = path.read_text(encoding="utf-8")
        else:
            continue
        texts[rel] = _plain(raw)
    return texts


def _names(directory: Directory, locality_id: str) -> set[str]:
    return {name for name in directory.locality(locality_id).name.values.values() if name}


def addresses_near(text: str, towns: set[str], allowed: set[str]) -> list[str]:
    """Address-like text within a short distance of a town's name, once public addresses
    (``allowed``) are taken out."""
    for address in sorted(allowed, key=len, reverse=True):
        text = text.replace(_plain(address), " ")
    markers = [m.start() for m in ADDRESS_MARKERS.finditer(text)]
    found = []
    for town in towns:
        for match in re.finditer(re.escape(town), text):
            if any(match.start() - WINDOW <= at <= match.end() + WINDOW for at in markers):
                found.append(text[max(0, match.start() - WINDOW) : match.end() + WINDOW])
    return found


def foreign_coordinates(text: str, public: list[float]) -> list[str]:
    """Coordinate-like numbers inside Belarus's ranges that are no public entry's."""
    found = []
    for match in COORDINATE.finditer(text):
        value = float(match.group(1))
        if not (51 <= value <= 57 or 23 <= value <= 33):
            continue
        if not any(abs(value - known) < 0.0005 for known in public):
            found.append(match.group(1))
    return found


@pytest.fixture(scope="module")
def confidential_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Directory]:
    work = tmp_path_factory.mktemp("confidential")
    data = work / "data"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    (data / "entries" / "brest" / "pinsk-planted-public.yml").write_text(PLANTED, "utf-8")
    directory = load_directory(data)
    build_site(work, data_dir=data, leaflets=True)
    return work / "site", directory


def test_the_fixture_has_confidential_places_beside_public_ones(confidential_site) -> None:
    _site, directory = confidential_site
    hidden = [e for e in directory.entries if not e.address_public and e.locality]
    assert {e.address_visibility for e in hidden} == {"hidden", "locality"}
    assert "pinsk" in {e.locality for e in hidden}
    for entry in hidden:
        assert not entry.address and entry.geo is None


def test_no_address_beside_a_confidential_place_s_town(confidential_site) -> None:
    site, directory = confidential_site
    texts = output_texts(site)
    kinds = {rel.rsplit(".", 1)[-1] for rel in texts}
    assert "html" in kinds
    public = [e for e in directory.entries if e.address_public and e.address]
    allowed = {text for e in public for text in e.address.values.values()}
    towns: set[str] = set()
    for entry in directory.entries:
        if not entry.address_public and entry.locality:
            towns |= _names(directory, entry.locality)
    problems = {
        rel: found for rel, text in texts.items() if (found := addresses_near(text, towns, allowed))
    }
    assert problems == {}


def test_the_planted_public_address_is_found(confidential_site) -> None:
    """The search sees addresses: the public one planted beside a confidential place shows."""
    site, directory = confidential_site
    texts = output_texts(site)
    page = texts["directory/pinsk-planted-public/index.html"]
    assert PLANTED_ADDRESSES[0] in page
    assert PLANTED_ADDRESSES[1] in texts["be/directory/pinsk-planted-public/index.html"]
    assert addresses_near(page, _names(directory, "pinsk"), set()) != []
    feeds = [text for rel, text in texts.items() if rel.startswith("data/")]
    if feeds:  # open data lists public addresses too
        assert any(PLANTED_ADDRESSES[0] in text for text in feeds)


def test_no_coordinates_but_public_ones(confidential_site) -> None:
    site, directory = confidential_site
    public = [v for e in directory.entries if e.geo for v in (e.geo.lat, e.geo.lon)]
    assert 52.1234 in public
    texts = output_texts(site)
    problems = {
        rel: found for rel, text in texts.items() if (found := foreign_coordinates(text, public))
    }
    assert problems == {}
    # and the detector does see a coordinate that is not public
    assert foreign_coordinates("lat 52.4567", public) == ["52.4567"]


def test_invented_streets_appear_nowhere(confidential_site) -> None:
    site, _directory = confidential_site
    for rel, text in output_texts(site).items():
        for street in SECRET_STREETS:
            assert street not in text, rel
    for path in [*REPO.glob("directory_data/**/*.yml"), *FIXTURE_DIRECTORY.glob("**/*.yml")]:
        text = path.read_text(encoding="utf-8")
        assert not any(street in text for street in SECRET_STREETS), path
