"""Our own HSDS export, imported again, gives back the same entries (what HSDS can carry)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from build_tools.data.build import load_directory
from build_tools.data.hsds_import import import_hsds, map_packages
from build_tools.data.hsds_import.known import Known
from build_tools.data.model import Directory, Entry
from tests.paths import FIXTURE_DIRECTORY

from .helpers import TODAY


def carried(entry: Entry) -> dict[str, Any]:
    """The fields an HSDS round trip keeps (a hidden place's town is not published at all)."""
    admission = entry.admission
    return {
        "id": entry.id,
        "former_ids": entry.former_ids,
        "status": entry.status,
        "name": dict(entry.name.values),
        "summary": dict(entry.summary.values),
        "services": entry.services,
        "national": entry.national,
        "region": entry.region,
        "locality": None if entry.address_visibility == "hidden" else entry.locality,
        "address_visibility": entry.address_visibility,
        "address": dict(entry.address.values),
        "geo": entry.geo,
        "phones": [
            (p.e164 or p.display, dict(p.label.values), p.hours and p.hours.raw, p.cost, p.type)
            for p in entry.phones
        ],
        "email": entry.email,
        "website": entry.website,
        "messengers": dict(entry.messengers),
        "hours": entry.hours and entry.hours.raw,
        "serves": entry.serves,
        "languages": entry.languages,
        "free": entry.free,
        "anonymous": entry.anonymous,
        "wheelchair": entry.wheelchair,
        "sign_language": entry.offers_sign_language,
        "pets": entry.pets,
        "places": entry.places,
        "admission": admission
        and (
            admission.referral,
            admission.max_stay_days,
            admission.registration_required,
            admission.id_required,
            admission.children,
            admission.boys_up_to_age,
            dict(admission.notes.values),
        ),
    }


def _data_dir_with(tmp_path: Path) -> Path:
    """A data folder with the fixture's regions and services and no entries yet."""
    data = tmp_path / "directory_data"
    data.mkdir()
    for name in ("regions.yml", "services.yml"):
        shutil.copy(FIXTURE_DIRECTORY / name, data / name)
    return data


def _round_trip(source: Path, tmp_path: Path) -> tuple[Directory, list[str]]:
    data = _data_dir_with(tmp_path)
    result = import_hsds(source, data / "entries", data_dir=data, today=TODAY)
    return load_directory(data, today=TODAY), result.report.sorted_lines()


def test_all_languages_come_back(directory: Directory, feeds_dir: Path, tmp_path: Path) -> None:
    imported, report = _round_trip(feeds_dir / "hsds", tmp_path)
    originals = [entry for entry in directory.entries if not entry.is_sample]
    assert [entry.id for entry in imported.entries] == [entry.id for entry in originals]
    for original in originals:
        again = imported.entry(original.id)
        assert carried(again) == carried(original), original.id
        assert again.verified == TODAY  # the editor confirms it again before publishing
    # nothing of our own export is lost: only unused vocabulary is left over
    assert all("vocabulary no imported entry refers to" in line for line in report), report


def test_one_language_package_gives_that_language(
    directory: Directory, feeds_dir: Path, tmp_path: Path
) -> None:
    known = Known.from_data_dir(_data_dir_with(tmp_path))
    entries, _ = map_packages(feeds_dir / "hsds" / "en", known=known, today=TODAY)
    shelter = next(entry for entry in entries if entry.data["id"] == "minsk-shelter")
    assert shelter.data["name"] == {"en": 'Shelter "Example"'}
    assert list(shelter.data["services"]) == list(directory.entry("minsk-shelter").services)
    # Russian is required in our files: the editor is told to add it
    assert any("name in Russian" in item for item in shelter.todo)


def test_imported_files_start_with_the_schema_line_and_a_review_note(
    feeds_dir: Path, tmp_path: Path
) -> None:
    data = _data_dir_with(tmp_path)
    result = import_hsds(feeds_dir / "hsds" / "ru", tmp_path / "review", data_dir=data, today=TODAY)
    assert result.files
    for file in result.files:
        lines = file.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "# yaml-language-server: $schema=../../schema/entry.schema.json"
        assert "Imported from HSDS on 2026-11-28" in lines[1]
        assert "status: active" not in file.read_text(encoding="utf-8")  # active is the default
    assert (tmp_path / "review" / "brest" / "brest-crisis-room.yml").exists()
    assert (tmp_path / "review" / "national" / "police-102.yml").exists()
    assert (tmp_path / "review" / "import-report.txt").exists()
