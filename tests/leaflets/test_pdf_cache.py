"""Leaflets from the build cache: unchanged inputs give the same files and the same list for
the publications page without a new layout; changed inputs are laid out again."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.data.model import Directory
from build_tools.leaflets import build as leaflet_build
from build_tools.leaflets import pdf

SITE = "https://help.example.org/"


def _make(directory: Directory, out: Path, cache: Path, site_url: str = SITE) -> list:
    infos = leaflet_build.build_leaflets(
        directory, out, site_url=site_url, languages=["en"], cache_dir=cache
    )
    return sorted(infos, key=lambda info: info.path)


def _pdfs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.pdf")}


def test_unchanged_leaflets_come_from_the_cache(
    fixture_directory: Directory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = _make(fixture_directory, tmp_path / "one", cache)
    assert len(first) >= 4

    def no_layout(job: pdf.Job) -> pdf.Made:
        raise AssertionError(f"{job.target} was laid out again")

    monkeypatch.setattr(pdf, "make_pdf", no_layout)
    second = _make(fixture_directory, tmp_path / "two", cache)
    assert second == first  # pages, sizes, places listed: what the publications page shows
    assert _pdfs(tmp_path / "two") == _pdfs(tmp_path / "one")


def test_changed_inputs_are_laid_out_again(fixture_directory: Directory, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _make(fixture_directory, tmp_path / "one", cache)
    # Another published address: every QR code and printed address changes.
    second = _make(fixture_directory, tmp_path / "two", cache, "https://other.example.org/")
    assert all(info.url.startswith("https://other.example.org/") for info in second)
    new = _pdfs(tmp_path / "two")
    old = _pdfs(tmp_path / "one")
    assert set(new) == set(old) and all(new[name] != old[name] for name in new)
    # The cache keeps only what the last build used.
    assert len(list(cache.glob("*.pdf"))) == len(second)
