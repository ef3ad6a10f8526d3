"""The first view waits for no stylesheet: every page carries the rules the site can use.

What a page's ``<head>`` makes the browser wait for before it can paint is bounded here (no
stylesheet request, no script file; the inline stylesheet smaller than Material's whole one),
and the purge is checked against what the fixture pages really contain: every rule of
Material's full stylesheet that matches an element of a built page is still in the page.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import cssselect2
import pytest
import tinycss2
import tinyhtml5

from build_tools import first_view
from build_tools.components import site_css
from build_tools.languages import LANGUAGES

#: One page of each kind: the home, a Markdown page with admonitions and a table of contents,
#: the directory home (the finder), a region, a kind of help, an entry, in each language.
PAGES = [
    "index.html",
    "get-help/safety-plan/index.html",
    "directory/index.html",
    "directory/regions/brest/index.html",
    "directory/services/crisis-room/index.html",
    "directory/brest-crisis-room/index.html",
    "en/index.html",
    "en/directory/brest-crisis-room/index.html",
    "be/get-help/index.html",
    "404.html",
]
#: Gzipped, the inline stylesheet must stay below Material's whole stylesheet alone (22.8 KB
#: for Material 9.8): if the purge stopped working, every page would carry all of it.
INLINE_CSS_LIMIT = 22 * 1024


def _head(page: Path) -> str:
    return page.read_text(encoding="utf-8").split("</head>", 1)[0]


@pytest.mark.parametrize("path", PAGES)
def test_the_head_asks_for_no_file_before_the_first_paint(fixture_site: Path, path: str) -> None:
    head = _head(fixture_site / path)
    stylesheets = re.findall(r"<link\b[^>]*\brel=\"?stylesheet", head)
    assert stylesheets == [], "a stylesheet link in <head> holds the first paint back"
    blocking = [
        tag
        for tag in re.findall(r"<script\b[^>]*>", head)
        if " src=" in tag and not re.search(r"\b(defer|async)\b|type=\"module\"", tag)
    ]
    assert blocking == [], "a script file in <head> holds the first paint back"
    styles = re.findall(r"<style>(.*?)</style>", head, re.S)
    assert len(styles) == 1
    assert len(gzip.compress(styles[0].encode(), 6)) <= INLINE_CSS_LIMIT


@pytest.mark.parametrize("path", PAGES[:6])
def test_the_scripts_are_asked_for_before_the_stylesheet_arrives(
    fixture_site: Path, path: str
) -> None:
    """The inline stylesheet is most of a page's bytes: the preloads come before it, so the
    scripts (Material's bundle above all, which the load event waits for) download meanwhile;
    the charset stays in the first 1024 bytes, where browsers look for it."""
    text = (fixture_site / path).read_text(encoding="utf-8")
    head = _head(fixture_site / path)
    style = head.index("<style>")
    scripts = re.findall(r'<script src="([^"]+)"', text.split("</head>", 1)[1])
    preloads = re.findall(r'<link rel="preload" as="script" href="([^"]+)">', head[:style])
    # Those of the page frame's `scripts` block: Material's bundle, the quick exit, search.
    frame = [
        src
        for src in scripts
        if re.search(r"assets/javascripts/bundle\.|quick-exit\.js|site-search\.js", src)
    ]
    assert len(frame) == 3
    assert set(frame) <= set(preloads)
    assert text.encode().index(b'<meta charset="utf-8">') < 1024


def test_every_page_carries_the_same_inline_stylesheet(fixture_site: Path) -> None:
    """One stylesheet for the whole site, so one hash in the policy and the _headers file."""
    styles = {re.findall(r"<style>(.*?)</style>", _head(fixture_site / p), re.S)[0] for p in PAGES}
    assert len(styles) == 1
    css = styles.pop()
    # Ours (components/site.css) is all there, after Material's rules, so it still wins.
    assert css.endswith(site_css().strip()[-200:])


def _selectors(css: str) -> list[str]:
    found = []

    def walk(rules: list) -> None:
        for rule in rules:
            if rule.type == "qualified-rule":
                found.extend(s.strip() for s in tinycss2.serialize(rule.prelude).split(","))
            elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
                walk(tinycss2.parse_rule_list(rule.content, True, True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


@pytest.mark.parametrize("path", PAGES)
def test_no_rule_a_page_uses_was_left_out(fixture_site: Path, path: str) -> None:
    """Every selector of Material's full stylesheet that matches an element of the built page
    is in the page's own stylesheet (states such as :hover or ::before are matched without
    them: what they style is there when the element is)."""
    text = (fixture_site / path).read_text(encoding="utf-8")
    inline = re.findall(r"<style>(.*?)</style>", text, re.S)[0]
    kept = set(_selectors(inline))
    root = cssselect2.ElementWrapper.from_html_root(tinyhtml5.parse(text))
    missing = []
    for selector in set(_selectors(first_view.material_stylesheet().read_text("utf-8"))):
        bare = re.sub(r"::?[a-z-]+(\([^)]*\))?", "", selector).strip()
        if not bare or bare in (">", "+", "~"):
            continue
        try:
            compiled = cssselect2.compile_selector_list(bare)
        except cssselect2.SelectorError:
            continue
        if any(True for _ in root.query_all(*compiled)) and selector not in kept:
            missing.append(selector)
    assert missing == []


def test_purge_keeps_what_the_words_allow_and_drops_the_rest() -> None:
    css = (
        ":root{--used:red;--feeds:var(--used);--unused:blue}"
        "a,.gone{color:var(--feeds)}"
        ".kept .gone2{color:red}"
        ".kept:not(.gone){margin:0}"
        "[data-x=shown]{top:0}[data-x=hidden]{top:1px}"
        "#here{left:0}#away{left:1px}"
        "@media print{.gone{display:none}}"
        "@media screen{.kept{display:block}}"
        "@keyframes spin{to{opacity:0}}"
    )
    out = first_view.purge(css, frozenset({"kept", "data-x", "shown", "here"}))
    assert out == (
        ":root{--used:red;--feeds:var(--used)}"
        "a{color:var(--feeds)}"
        ".kept:not(.gone){margin:0}"
        "[data-x=shown]{top:0}"
        "#here{left:0}"
        "@media screen{.kept{display:block}}"
        "@keyframes spin{to{opacity:0}}"
    )
    # A property read by another stylesheet or a script stays.
    kept = first_view.purge(":root{--unused:blue}", frozenset(), readers="var(--unused)")
    assert kept == ":root{--unused:blue}"


def test_the_vocabulary_holds_material_script_classes_and_the_editors_words(
    tmp_path: Path,
) -> None:
    (tmp_path / "ru").mkdir()
    (tmp_path / "ru" / "page.md").write_text("Text { .editors-own-class }\n", encoding="utf-8")
    words = first_view.vocabulary(tmp_path)
    assert "editors-own-class" in words
    # Added by Material's JavaScript only: the search results and the search dialog.
    assert {"md-search-result__item", "md-search-result__meta"} <= words
    # Right-to-left rules only for a site in a right-to-left language.
    assert "rtl" not in first_view.vocabulary(tmp_path, LANGUAGES)
    assert "rtl" in first_view.vocabulary(tmp_path, ("ru", "ar"))
    # The attribute it sets on <body> while search is open on a phone (no page scroll).
    assert "data-md-scrolllock" in words


def test_an_editors_new_class_gets_its_rules_even_with_a_filled_cache(tmp_path: Path) -> None:
    """The purge is reused only for the same words: a class an editor starts using brings
    Material's rules for it into the next build, cache or not."""
    content = tmp_path / "content"
    (content / "ru").mkdir(parents=True)
    page = content / "ru" / "page.md"
    page.write_text("Текст.\n", encoding="utf-8")
    cache: dict[str, object] = {}
    before = first_view.first_view(content, ("ru",), cache)
    assert ".highlighttable" not in before.css and len(cache) == 1
    page.write_text("Текст.\n{ .highlighttable }\n", encoding="utf-8")
    after = first_view.first_view(content, ("ru",), cache)
    assert ".highlighttable" in after.css
    assert after.style_hash != before.style_hash
    # The same words again: the purge is not done again but taken from the cache (a stand-in
    # record shows it was read).
    first_view._MADE.clear()
    again = first_view.first_view(content, ("ru",), dict.fromkeys(cache, "x{}"))
    assert again.css == "x{}"
