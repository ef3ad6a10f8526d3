"""The browser must turn words into the same terms as the build did, or queries miss.

Runs build_tools/finder/tokens.py and overrides/components/finder/finder-tokens.js (in Node,
with lunr and lunr.ru.js from the installed mkdocs package) on one list of texts: every text
of the real directory and of the fixtures, plus words people type in odd ways.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from build_tools.finder import assets, tokens
from tests.paths import FIXTURE_DIRECTORY, REPO

TRICKY = [
    "Кризисная кризисной кризисных КРИЗИСНУЮ комнаты комнате Комната",
    "Крызісны пакой крызіснага пакоя крызіснаму пакоі пакоем",
    "Ёлка ёж Могилёв Магілёў Мінск Мінску Мінскам",
    "Minsk MINSK Hrodna Grodno Mahilioŭ Mogilev Viciebsk Vitebsk Homiel Gomel Brest Pinsk",
    "krizisnaya komnata ubezhishche shchit Zhodzina Shchuchyn Yelsk",
    "O’Brien d'Artagnan пад’езд пад'езд падʼезд",
    "8 801 100-88-01 +375 (29) 123-45-67 102 103",
    "Children's line; shelters running helped helpline lawyers",
    "прытулак прытулку прытулкам дапамога дапамогі дапамогай дапамозе",
    "гарачая лінія лініі лінію ліній ахвяраў ахвяры",
    "Экстренная помощь психологическая помощь юридической помощи убежище убежищах",
    "ﬁ ＡＢＣ №5 «ёлки-палки» — «Пример»",
    "дом мы я а в у ў і",
]


def _texts_in(data_dir: Path) -> list[str]:
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted(data_dir.rglob("*.yml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def _word_list() -> list[str]:
    texts = TRICKY + _texts_in(FIXTURE_DIRECTORY) + _texts_in(REPO / "directory_data")
    # Running text in all three languages: many more word forms than the data has.
    for page in sorted((REPO / "content").rglob("*.md")):
        texts += page.read_text(encoding="utf-8").splitlines()
    return sorted(set(texts))


def _python(text: str) -> dict[str, object]:
    words = tokens.words(text)
    return {
        "fold": tokens.fold(text),
        "words": words,
        "cyrillic": [tokens.latin_to_cyrillic(w) for w in words],
        "ru": [tokens.stem("ru", w) for w in words],
        "be": [tokens.stem("be", w) for w in words],
        "en": [tokens.stem("en", w) for w in words],
    }


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")
def test_python_and_browser_tokens_are_identical() -> None:
    texts = _word_list()
    assert len(texts) > 100
    result = subprocess.run(
        [
            "node",
            str(Path(__file__).with_name("tokens_node.js")),
            str(assets.mkdocs_search_dir()),
            str(assets.COMPONENT_DIR / "finder-tokens.js"),
        ],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    browser = json.loads(result.stdout)
    differences = [
        (text, key, _python(text)[key], js[key])
        for text, js in zip(texts, browser, strict=True)
        for key in js
        if _python(text)[key] != js[key]
    ]
    assert differences == []
