"""Typed with the wrong keyboard layout on: the finder finds what the intended words find.

Both directions (Latin keys meaning Cyrillic words, Cyrillic keys meaning Latin words), on the
Russian and the Belarusian layouts. The Belarusian cases use the keys only that layout gives
its own letters (і, ў, the apostrophe): the Russian reading of the same keys finds nothing.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.finder.test_finder_browser import open_finder, shown_ids

pytestmark = pytest.mark.browser

SAID = {
    "ru": "Показаны результаты для «{}».",
    "be": "Паказаны вынікі для «{}».",
    "en": "Showing results for “{}”.",
}


@pytest.mark.parametrize(
    ("lang", "typed", "meant"),
    [
        # Russian words, Latin layout on
        ("ru", "rhbpbcyfz rjvyfnf", "кризисная комната"),
        ("ru", "hfpujdjh yjxm.", "разговор ночью"),  # the . key is ю
        ("ru", "ghfdjdfz gjvjom", "правовая помощь"),  # one word finds nothing, the other does
        # Latin words, Russian layout on
        ("ru", "Ьштыл", "Minsk"),
        ("en", "Икуые", "Brest"),
        # Belarusian words, Latin layout on: ў (o key), і (b key), the apostrophe (] key)
        ("be", "hfpvjdf oyfxs", "размова ўначы"),
        ("be", "czv]b", "сям'і"),
        ("be", "oc`", "ўсё"),  # too short for a forgiven typo: only the Belarusian reading finds
        ("be", "rhspbcys gfrjq", "крызісны пакой"),
        # Latin words, Belarusian layout on: the b key gives і
        ("be", "Ікуые", "Brest"),
        ("en", "Мшеуіыл", "Vitebsk"),
    ],
)
def test_the_wrong_layout_finds_what_was_meant(page, finder_url: str, lang, typed, meant) -> None:
    open_finder(page, finder_url, lang)
    page.fill("#hd-finder-q", meant)
    intended = shown_ids(page)
    assert intended, f"{meant!r} should find something in the test data"
    status = page.locator("#hd-finder-status")
    assert SAID[lang].format(meant) not in status.inner_text()
    page.fill("#hd-finder-q", typed)
    expect(status).to_contain_text(SAID[lang].format(meant))
    assert shown_ids(page) == intended


@pytest.mark.parametrize(("lang", "typed"), [("ru", "Минск"), ("en", "Pinsk"), ("ru", "801")])
def test_what_finds_something_as_typed_is_left_as_typed(page, finder_url: str, lang, typed) -> None:
    open_finder(page, finder_url, lang)
    page.fill("#hd-finder-q", typed)
    status = page.locator("#hd-finder-status")
    expect(status).not_to_have_text("")
    assert shown_ids(page)
    assert "«" not in status.inner_text() and "“" not in status.inner_text()


def test_gibberish_on_every_layout_still_finds_nothing(page, finder_url: str) -> None:
    open_finder(page, finder_url, "ru")
    page.fill("#hd-finder-q", "qzxv")
    expect(page.locator("#hd-finder-status")).to_contain_text("Ничего не нашлось")
    assert shown_ids(page) == []
