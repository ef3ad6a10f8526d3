"""Leaflets of the demo directory: 7 filled regions and the national one, in 3 languages."""

from __future__ import annotations

import pytest

from build_tools.data.build import load_directory
from build_tools.languages import LANGUAGES
from build_tools.leaflets import build_leaflets
from tests.leaflets.conftest import SITE_URL
from tests.leaflets.pdfcheck import flat, page_texts, qr_codes
from tests.paths import DEMO_DIRECTORY

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory):
    directory = load_directory(DEMO_DIRECTORY)
    out = tmp_path_factory.mktemp("real-leaflets")
    infos = build_leaflets(directory, out, site_url=SITE_URL, languages=LANGUAGES)
    return directory, out, infos


def test_every_real_leaflet_keeps_its_design_and_lists_whole_places(real):
    directory, out, infos = real
    assert len(infos) == 3 * (len(directory.regions) + 2)
    hotline = directory.entry("national-hotline").phones[0].display
    for info in infos:
        texts = page_texts(out / info.path)
        assert len(texts) == (1 if info.kind == "cards" else 2), info.path
        assert hotline in flat(texts[0]), info.path
        if info.kind == "cards":
            continue
        back = flat(texts[1])
        if info.kind == "leaflet":
            assert info.listed, f"{info.path} lists no place"
        for entry_id in info.listed:
            entry = directory.entry(entry_id)
            assert flat(entry.name(info.lang)) in back, f"{info.path}: {entry_id} cut off"
            for phone in entry.phones:
                assert phone.display in back, f"{info.path}: {phone.display} cut off"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_real_qr_codes_open_their_region(real, lang: str, tmp_path):
    directory, out, _ = real
    prefix = "" if lang == "ru" else f"{lang}/"
    for region in directory.regions:
        found = qr_codes(out / lang / f"{region.id}.pdf", 2, tmp_path)
        assert found == [f"{SITE_URL}{prefix}directory/regions/{region.id}/"]
