"""The slow-phone part of the benchmark: its server sends what a static host sends, it compares
the same entry in both sites, and its network floor is the arithmetic it claims."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import pytest

from build_tools.bench.slow_phone import Load, gzip_server, paint_floor, same_entry


def fetch(url: str, *, gzipped: bool) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip" if gzipped else ""})
    with urllib.request.urlopen(request) as response:  # noqa: S310 (loopback only)
        return dict(response.headers), response.read()


def test_text_files_are_sent_gzipped_when_accepted(tmp_path: Path) -> None:
    page = "<!doctype html><title>Т</title>" + "<p>строка</p>" * 200
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(page, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG not compressed")
    with gzip_server(tmp_path) as url:
        headers, body = fetch(url + "a/", gzipped=True)
        assert headers["Content-Encoding"] == "gzip"
        assert int(headers["Content-Length"]) == len(body) < len(page.encode())
        assert gzip.decompress(body).decode() == page
        headers, body = fetch(url + "a/", gzipped=False)
        assert "Content-Encoding" not in headers and body.decode() == page
        headers, body = fetch(url + "logo.png", gzipped=True)
        assert "Content-Encoding" not in headers and body == b"\x89PNG not compressed"


def test_the_same_entry_is_compared(tmp_path: Path) -> None:
    site, anchor = tmp_path / "site", tmp_path / "anchor"
    pages = {
        site / "directory/alpha/index.html": "<html>entry</html>",
        site / "directory/beta/index.html": "<html>entry</html>",
        site / "directory/regions/beta/index.html": "<html>region</html>",
        site / "directory/old-beta/index.html": '<meta http-equiv="refresh" content="0; url=x">',
        anchor / "grodno/beta/index.html": "<html>plain</html>",
        anchor / "national/old-beta/index.html": "<html>plain</html>",
    }
    for path, text in pages.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert same_entry(site, anchor) == ("directory/beta/", "grodno/beta/")


def test_paint_floor_is_two_round_trips_and_the_blocking_bytes(tmp_path: Path) -> None:
    load = Load(
        first_paint=2.0,
        load=4.0,
        files={"directory/x/": 5000, "a/main.css": 20000, "site.css": 5000, "big.js": 90000},
        wire=0,
    )
    # 0.4 s twice, then 30,000 bytes at 50,000 bytes a second (400 kbit/s)
    assert paint_floor(load, "directory/x/") == pytest.approx(0.8 + 0.6)


def test_paint_floor_of_a_page_that_links_no_stylesheet_is_one_round_trip() -> None:
    load = Load(first_paint=1.0, load=2.0, files={"directory/x/": 25000, "big.js": 90000}, wire=0)
    assert paint_floor(load, "directory/x/") == pytest.approx(0.4 + 0.5)
