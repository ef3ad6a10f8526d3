"""What the offline copy keeps of Material's site search: the files its worker will ask for."""

from __future__ import annotations

import json
from pathlib import Path

from build_tools.finder.site_search import site_search_files

WORKER = "assets/javascripts/workers/search.0123abcd.min.js"
LUNR = "assets/javascripts/lunr/min/"


def language_root(tmp_path: Path, languages: list[str], stemmers: list[str]) -> Path:
    (tmp_path / "search").mkdir()
    index = {"config": {"lang": languages}, "docs": []}
    (tmp_path / "search/search_index.json").write_text(json.dumps(index), encoding="utf-8")
    for path in [WORKER, WORKER + ".map"] + [LUNR + name for name in stemmers]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")
    return tmp_path


def test_russian_index_keeps_its_stemmer(tmp_path: Path) -> None:
    root = language_root(
        tmp_path, ["ru"], ["lunr.stemmer.support.min.js", "lunr.ru.min.js", "lunr.de.min.js"]
    )
    assert site_search_files(root) == [
        "search/search_index.json",
        WORKER,
        LUNR + "lunr.stemmer.support.min.js",
        LUNR + "lunr.ru.min.js",
    ]


def test_english_needs_no_stemmer_file(tmp_path: Path) -> None:
    root = language_root(tmp_path, ["en"], ["lunr.stemmer.support.min.js", "lunr.ru.min.js"])
    assert site_search_files(root) == ["search/search_index.json", WORKER]


def test_two_languages_add_lunr_multi(tmp_path: Path) -> None:
    names = ["lunr.stemmer.support.min.js", "lunr.be.min.js", "lunr.multi.min.js"]
    root = language_root(tmp_path, ["be", "en"], names)
    assert site_search_files(root)[2:] == [LUNR + name for name in names]


def test_no_search_index_means_nothing_to_keep(tmp_path: Path) -> None:
    assert site_search_files(tmp_path) == []
