"""Sample entries are marked on paper as on the site, wherever the leaflet prints them."""

from __future__ import annotations

from pathlib import Path

from build_tools.data.model import Directory
from build_tools.leaflets import build_custom
from tests.leaflets.conftest import SITE_URL, with_changes
from tests.leaflets.pdfcheck import flat, page_texts


def test_a_sample_national_contact_is_badged_on_the_front(
    fixture_directory: Directory, tmp_path: Path
):
    directory = with_changes(fixture_directory, "police-102", status="sample")
    target = tmp_path / "brest.pdf"
    build_custom(directory, target, region_id="brest", lang="en", site_url=SITE_URL)
    front = flat(page_texts(target)[0])
    assert "102 Police SAMPLE — not a real service" in front
    assert front.count("SAMPLE") == 1


def test_a_suspended_place_is_not_printed(fixture_directory: Directory, tmp_path: Path):
    directory = with_changes(fixture_directory, "pinsk-crisis-room", status="suspended")
    target = tmp_path / "brest.pdf"
    info = build_custom(directory, target, region_id="brest", lang="ru", site_url=SITE_URL)
    assert "pinsk-crisis-room" not in info.listed
    assert "8 0165 12-34-56" not in flat(page_texts(target)[1])
