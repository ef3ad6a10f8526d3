"""One strings table per language, one loader, one fallback, and no phrase translated twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from build_tools import strings
from build_tools.components import ui_strings
from build_tools.languages import DEFAULT_LANGUAGE, LANGUAGES
from tests.paths import REPO


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _clear() -> None:
    for cached in (strings.sources, strings.table, strings.words_in, strings.ui_strings):
        cached.cache_clear()


@pytest.fixture
def planted(tmp_path: Path, monkeypatch) -> Iterator[dict[str, Path]]:
    """The loader reading a small set of strings files instead of the project's."""
    files = {
        "": _write(tmp_path / "strings.yml", "free:\n  ru: бесплатно\n  be: бясплатна\n"),
        "pages": _write(tmp_path / "pages/strings.yml", "home:\n  ru: Главная\n  en: Home\n"),
        "finder": _write(
            tmp_path / "finder/strings.yml",
            "free:\n  same_as: free\n  capital: true\nsearch:\n  ru: Искать\n  be: Шукаць\n",
        ),
    }
    monkeypatch.setattr(strings, "strings_files", lambda: dict(files))
    monkeypatch.setattr(strings, "COMPONENTS_DIR", tmp_path)
    _clear()
    yield files
    _clear()


def test_no_two_keys_carry_the_same_russian_text() -> None:
    assert strings.same_texts(DEFAULT_LANGUAGE) == []


def test_the_check_sees_a_phrase_translated_twice(planted: dict[str, Path]) -> None:
    _write(planted["pages"], "home:\n  ru: Главная\nfree_of_charge:\n  ru: Бесплатно\n")
    strings.sources.cache_clear()
    assert strings.same_texts(DEFAULT_LANGUAGE) == [["free", "pages.free_of_charge"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_string(lang: str) -> None:
    """``report`` lists what a language lacks while it is being translated; the site's
    languages ship complete."""
    assert strings.missing(lang) == []


def test_a_missing_string_falls_back_to_russian_for_every_reader(planted) -> None:
    pages = strings.words_in("be", planted["pages"])
    assert pages["home"] == "Главная"  # no Belarusian: the Russian text
    assert pages["free"] == "бясплатна"  # the shared words come with every reader's own
    finder = strings.ui_strings("en")["finder"]
    assert finder == {"free": "Бесплатно", "search": "Искать"}  # capital, then the fallback
    assert strings.missing("en") == ["free", "finder.search"]
    assert strings.missing("be") == ["pages.home"]


def test_a_key_is_defined_once_for_its_reader(planted) -> None:
    _write(planted["pages"], "free:\n  ru: даром\n")
    strings.sources.cache_clear()
    with pytest.raises(strings.StringsError, match="free: already defined in"):
        strings.words_in("ru", planted["pages"])


def test_same_as_must_name_a_key(planted) -> None:
    _write(planted["finder"], "free:\n  same_as: gratis\n")
    strings.sources.cache_clear()
    with pytest.raises(strings.StringsError, match="same_as names `gratis`"):
        strings.table("ru")


def test_every_reader_gets_its_words_from_the_one_loader() -> None:
    """Pages, leaflets, the bot, the call list, the feeds and the components read one table."""
    from build_tools.bot.cards import bot_words
    from build_tools.confirm.call_list import t as call_list_word
    from build_tools.feeds.hsds.export import feed_words
    from build_tools.leaflets.wording import t as leaflet_word
    from build_tools.pages.words import words

    for lang in LANGUAGES:
        table = strings.table(lang)
        assert words(lang)["hours"] == table["hours"]
        assert leaflet_word("whole_country", lang) == table["pages.all_country"]
        assert call_list_word("everywhere", lang) == table["pages.all_country"]
        assert bot_words(lang)["page_link"] == table["pages.about"]
        assert feed_words(lang)["suspended"] == table["pages.suspended_badge"]
        assert ui_strings(lang)["notices"]["closed"] == table["pages.suspended_badge"]
    files = strings.strings_files()
    assert files["finder"] == REPO / "overrides/components/finder/strings.yml"
    assert {"pages", "leaflets", "bot", "confirm", "feeds"} <= set(files)
