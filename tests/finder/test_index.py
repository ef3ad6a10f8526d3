"""The packed index the browser unpacks is the index lunr.py built, score for score."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_tools.data.build import load_directory
from build_tools.finder import assets, index, records, tokens
from build_tools.languages import LANGUAGES
from tests.paths import FIXTURE_DIRECTORY

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")


def _scores(serialised: dict) -> dict[str, dict[str, float]]:
    """``{"n/3": {term: score}}`` whatever numbering the terms got."""
    terms = {posting["_index"]: term for term, posting in serialised["invertedIndex"]}
    out = {}
    for field_ref, elements in serialised["fieldVectors"]:
        pairs = zip(elements[::2], elements[1::2], strict=True)
        out[field_ref] = {terms[i]: score for i, score in pairs}
    return out


def _postings(serialised: dict) -> dict[str, dict[str, list[str]]]:
    return {
        term: {f: sorted(docs) for f, docs in posting.items() if f != "_index"}
        for term, posting in serialised["invertedIndex"]
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_unpacks_what_lunr_py_built(lang: str) -> None:
    directory = load_directory(FIXTURE_DIRECTORY)
    entries = records.published(directory)
    builder = index.lunr_builder(lang)
    for position, entry in enumerate(entries):
        builder.add({"i": str(position), **index.document(directory, entry, lang)})
    expected = builder.build().serialize()
    packed = index.build_index(directory, lang, entries)
    result = subprocess.run(
        [
            "node",
            str(Path(__file__).with_name("unpack_node.js")),
            str(assets.mkdocs_search_dir()),
            str(assets.COMPONENT_DIR / "finder-tokens.js"),
        ],
        input=json.dumps(packed),
        capture_output=True,
        text=True,
        check=True,
    )
    unpacked = json.loads(result.stdout)
    assert unpacked["pipeline"] == expected["pipeline"] == [index.STEMMER_LABELS[lang]]
    assert unpacked["fields"] == expected["fields"]
    assert _postings(unpacked) == _postings(expected)
    got, want = _scores(unpacked), _scores(expected)
    assert got.keys() == want.keys()
    for field_ref, terms in want.items():
        assert got[field_ref].keys() == terms.keys()
        for term, score in terms.items():
            assert got[field_ref][term] == pytest.approx(score, abs=0.0011), (field_ref, term)


def test_every_entry_is_in_the_index_by_its_position() -> None:
    directory = load_directory(FIXTURE_DIRECTORY)
    entries = records.published(directory)
    packed = index.build_index(directory, "ru", entries)
    assert packed["c"] == len(entries)
    seen = set()
    for gaps in packed["t"]:
        position = 0
        for gap in gaps:
            position += gap
            seen.add(position)
    assert seen == set(range(len(entries)))


def test_stop_words_stay_out_of_the_index() -> None:
    """Words the browser skips in a query ("в", "для", "область") are never looked up, so
    the index does not carry them; every other word of the entry does."""
    directory = load_directory(FIXTURE_DIRECTORY)
    for entry in records.published(directory):
        fields = index.document(directory, entry, "ru")
        indexed = " ".join(fields.values()).split()
        assert not set(indexed) & tokens.STOP_WORDS
        expected = [w for w in tokens.words(entry.name("ru")) if w not in tokens.STOP_WORDS]
        assert indexed[: len(expected)] == expected
