"""The open-now component's strings: both phrases in every language.

Its behaviour in a browser (Minsk time on any device, the week's wrap, bad data) is tested in
``tests/pages/test_open_now_script.py``, which shares the session's browser with the other
browser tests (two Playwright instances cannot run in one test session).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from build_tools.languages import LANGUAGES

HERE = Path(__file__).resolve().parent
STRINGS = yaml.safe_load((HERE / "strings.yml").read_text(encoding="utf-8"))


def test_strings_are_complete_in_every_language() -> None:
    assert set(STRINGS) == {"open", "closed"}
    for key, texts in STRINGS.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(isinstance(t, str) and t.strip() for t in texts.values()), key
