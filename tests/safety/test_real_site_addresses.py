"""The published site gives no address of a real crisis room or shelter, PDFs included.

The real entries were taken from public pages, some of which print a crisis room's street and
house. The files keep only the town, but the danger is an output that shows an address anyway.
This builds the site exactly as published (``real_site``: content/ and directory_data/) and
reads every output a visitor or a partner can get — pages, finder data, feeds, the text of the
leaflet PDFs as ``tests/leaflets/pdfcheck.py`` reads it — for address-like text next to the town
of any place whose address is not public. A second build of a copy with one public address
planted in such a town proves the search sees addresses in pages and in PDFs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools.data.build import load_directory
from build_tools.data.model import Directory
from tests.leaflets.pdfcheck import flat, page_texts
from tests.paths import REPO
from tests.safety.test_confidential_output import addresses_near, output_texts
from tests.sitebuild import build_site

pytestmark = pytest.mark.slow

REAL = REPO / "directory_data"
PLANTED_STREET = "ул. Подставная, 13"


def confidential_towns(directory: Directory) -> set[str]:
    """Every name (ru, be, en) of every town that has a place with a non-public address."""
    towns: set[str] = set()
    for entry in directory.entries:
        if not entry.address_public and entry.locality:
            names = directory.locality(entry.locality).name.values.values()
            towns |= {name for name in names if name}
    return towns


def public_addresses(directory: Directory) -> set[str]:
    return {
        text
        for entry in directory.entries
        if entry.address_public and entry.address
        for text in entry.address.values.values()
    }


def addresses_in_outputs(site: Path, directory: Directory) -> dict[str, list[str]]:
    """Output file → address-like texts found beside a confidential place's town."""
    towns = confidential_towns(directory)
    allowed = public_addresses(directory)
    texts = output_texts(site)
    for pdf in sorted(site.rglob("*.pdf")):  # the leaflets, read as the leaflet tests read them
        texts[pdf.relative_to(site).as_posix()] = flat(" ".join(page_texts(pdf)))
    return {
        rel: found for rel, text in texts.items() if (found := addresses_near(text, towns, allowed))
    }


def test_the_real_directory_has_places_whose_address_is_secret() -> None:
    directory = load_directory(REAL)
    secret = [e for e in directory.entries if not e.address_public]
    kinds = {s for e in secret for s in e.services}
    assert "crisis-room" in kinds
    assert confidential_towns(directory)
    for entry in secret:
        assert not entry.address and entry.geo is None, entry.id


def test_no_crisis_room_address_anywhere_in_the_published_site(real_site: Path) -> None:
    directory = load_directory(REAL)
    pdfs = list(real_site.rglob("*.pdf"))
    assert pdfs, "the published site has no leaflets to read"
    assert any(flat(" ".join(page_texts(p))) for p in pdfs), "no text read from the PDFs"
    assert addresses_in_outputs(real_site, directory) == {}


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Directory]:
    """The real data plus a public place with a street address in a crisis room's town."""
    work = tmp_path_factory.mktemp("real-planted")
    data = work / "data"
    shutil.copytree(REAL, data)
    directory = load_directory(data)
    # In the region with the fewest entries, so the planted place fits on its leaflet too.
    secret = min(
        (e for e in directory.entries if not e.address_public and e.locality),
        key=lambda e: len(directory.in_region(str(e.region))),
    )
    planted = (
        "id: planted-public-office\n"
        "status: unconfirmed\n"
        "source: https://example.org/planted\n"
        "source_date: 2026-11-01\n"
        "name: {ru: Проверочный кабинет, be: Праверачны кабінет, en: Test office}\n"
        "services: [psychological]\n"
        f"region: {secret.region}\n"
        f"locality: {secret.locality}\n"
        f'address: {{ru: "{PLANTED_STREET}"}}\n'
        'phones:\n  - number: "8 017 123-45-67"\n'
    )
    (data / "entries" / secret.region / "planted-public-office.yml").write_text(planted, "utf-8")
    build_site(work, data_dir=data)
    return work / "site", load_directory(REAL)


def test_an_address_planted_beside_a_crisis_room_is_found_in_pages_and_pdfs(planted_site) -> None:
    """Judged as the real data is judged (the planted address is not on the allowed list)."""
    site, real_directory = planted_site
    found = addresses_in_outputs(site, real_directory)
    assert any(rel.endswith(".html") for rel in found), sorted(found)
    assert any(rel.endswith(".pdf") for rel in found), sorted(found)
    assert all(PLANTED_STREET in " ".join(texts) for texts in found.values()), found
