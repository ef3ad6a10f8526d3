"""The origin scan's build cache: a file with the same bytes is not scanned again, and what a
cached scan found is still reported, so a cached build stops on the same pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.build_cache import JsonRecords
from build_tools.safety import origin_scan

LEAK = '<html><body><img src="https://tracker.example/pixel.gif"></body></html>\n'
CLEAN = '<html><body><img src="pixel.gif"></body></html>\n'


def _site(tmp_path: Path, page: str) -> Path:
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True, exist_ok=True)
    (site / "about" / "index.html").write_text(page, encoding="utf-8")
    (site / "index.html").write_text(CLEAN, encoding="utf-8")
    return site


def test_cached_findings_still_stop_the_build(tmp_path: Path, monkeypatch) -> None:
    site = _site(tmp_path, LEAK)
    records_file = tmp_path / "cache" / "origin-scan.json"
    first = JsonRecords(records_file)
    found = origin_scan.scan_site(site, cache=first)
    first.save()
    assert found and "tracker.example" in found[0] and found[0].startswith("about/index.html:")

    def no_scan(*args: object, **kwargs: object) -> list[origin_scan.Finding]:
        raise AssertionError("a file with the same bytes was scanned again")

    monkeypatch.setattr(origin_scan, "scan_file", no_scan)
    again = origin_scan.scan_site(site, cache=JsonRecords(records_file))
    assert again == found


def test_changed_bytes_are_scanned_again(tmp_path: Path) -> None:
    records_file = tmp_path / "cache" / "origin-scan.json"
    site = _site(tmp_path, CLEAN)
    records = JsonRecords(records_file)
    assert origin_scan.scan_site(site, cache=records) == []
    records.save()
    site = _site(tmp_path, LEAK)
    found = origin_scan.scan_site(site, cache=JsonRecords(records_file))
    assert any("tracker.example" in line for line in found)


@pytest.mark.parametrize("garbage", ["", "not json", "[1, 2]"])
def test_a_broken_cache_file_is_ignored(tmp_path: Path, garbage: str) -> None:
    records_file = tmp_path / "origin-scan.json"
    records_file.write_text(garbage, encoding="utf-8")
    site = _site(tmp_path, LEAK)
    assert any(
        "tracker.example" in line
        for line in origin_scan.scan_site(site, cache=JsonRecords(records_file))
    )
