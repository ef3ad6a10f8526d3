"""The availability component's words: every case in every language, placeholders intact.

Its behaviour on a device's clock is tested in ``tests/pages/test_availability_browser.py``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from build_tools.languages import LANGUAGES

HERE = Path(__file__).resolve().parent
STRINGS = yaml.safe_load((HERE / "strings.yml").read_text(encoding="utf-8"))


def test_strings_are_complete_in_every_language() -> None:
    assert set(STRINGS) == {"free", "free_n", "full", "unknown", "as_of", "call_anyway"}
    for key, texts in STRINGS.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(isinstance(t, str) and t.strip() for t in texts.values()), key


def test_placeholders_are_kept_in_every_language() -> None:
    for lang in LANGUAGES:
        assert "{n}" in STRINGS["free_n"][lang]
        assert "{time}" in STRINGS["as_of"][lang]
