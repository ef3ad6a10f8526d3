"""Belarusian page search: Material's search worker with our lunr.be plugin."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_tools.finder import assets
from tests.paths import REPO

PLUGIN = REPO / "overrides" / "assets" / "javascripts" / "lunr" / "min" / "lunr.be.min.js"


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")
def test_belarusian_word_forms_find_each_other() -> None:
    texts = [
        "Крызісны пакой у Брэсце",
        "Прытулак для жанчын з дзецьмі",
        "Псіхалагічная дапамога па тэлефоне",
        "Гарачая лінія: 8 801 100 8 801",
    ]
    queries = ["крызіснага пакоя", "прытулку", "псіхалагічнай дапамогі", "лініі", "дзецям"]
    result = subprocess.run(
        [
            "node",
            str(Path(__file__).with_name("lunr_be_node.js")),
            str(assets.mkdocs_search_dir()),
            str(assets.COMPONENT_DIR / "finder-tokens.js"),
            str(PLUGIN),
            json.dumps(queries),
        ],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == [[0], [1], [2], [3], [1]]
