"""The words of the directory pages: complete in every language, counted the language's way."""

from __future__ import annotations

import pytest
import yaml

from build_tools.pages.words import STRINGS_FILE, counted


def test_every_word_is_written_in_every_language() -> None:
    table = yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8"))
    for key, texts in table.items():
        assert set(texts) == {"ru", "be", "en"}, key
        for lang, text in texts.items():
            if isinstance(text, dict):
                assert "other" in text, f"{key}.{lang}"
                assert all("{n}" in form for form in text.values()), f"{key}.{lang}"
            else:
                assert isinstance(text, str) and text.strip(), f"{key}.{lang}: {text!r}"


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("ru", 1, "1 служба"),
        ("ru", 3, "3 службы"),
        ("ru", 5, "5 служб"),
        ("ru", 21, "21 служба"),
        ("be", 5, "5 службаў"),
        ("be", 22, "22 службы"),
        ("en", 1, "1 service"),
        ("en", 11, "11 services"),
    ],
)
def test_counts_follow_the_plural_rules(lang: str, n: int, expected: str) -> None:
    assert counted(lang, "count_entries", n) == expected


def test_a_stay_is_counted_in_days() -> None:
    assert counted("ru", "max_stay", 21) == "Срок пребывания: до 21 дня"
    assert counted("ru", "max_stay", 10) == "Срок пребывания: до 10 дней"
    assert counted("be", "max_stay", 10) == "Тэрмін знаходжання: да 10 дзён"
    assert counted("en", "max_stay", 1) == "You can stay up to 1 day"
