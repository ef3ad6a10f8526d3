"""The stylesheet every page carries in its own ``<head>``: what the first view waits for.

On a slow connection each stylesheet the page links costs a round trip before anything can be
drawn, and Material's full stylesheet (about 22 KB gzipped) styles many features this site
never uses (right-to-left layout, math, emoji, content tabs…). So
the build writes one stylesheet into every page instead of linking any:

- Material's stylesheet, keeping only the selectors that can match this site's markup: a
  selector is kept when every class, id and attribute it asks for is a word written somewhere
  the site's markup can come from (:func:`vocabulary`): Material's templates, the ``md-``
  classes its JavaScript writes (everything its scripts add at run time: the search results,
  the drawer, the tooltips…), our templates, scripts and pages stages, the Markdown
  extensions' code and the content folder itself (an editor's ``{ .class }`` or
  ``!!! note``). A word anywhere in those keeps a selector, so what is dropped cannot appear on
  a page. What goes: right-to-left layout (for a site in left-to-right languages), parts of
  content tabs, code tables, math, emoji, change marks, sortable tables, the clipboard button
  and what Material's left-out templates alone would write; then the custom properties
  nothing reads any more;
- then our components' stylesheet (``components/site.css``), whole.

The Content-Security-Policy allows that one ``<style>`` by its hash (and the inline
``memory-state.js`` by its hash), so still nothing a page's text could inject runs or styles.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown.extensions
import material
import rcssmin
import tinycss2
from tinycss2 import ast

from build_tools import components
from build_tools.build_cache import digest, source_fingerprint
from build_tools.paths import REPO
from build_tools.safety import policy

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = REPO / "overrides"
BUILD_TOOLS = REPO / "build_tools"
#: The inline state helpers (Material's __md_get/__md_set without browser storage).
MEMORY_STATE = OVERRIDES / "partials" / "javascripts" / "memory-state.js"

_WORD = re.compile(r"[A-Za-z0-9_-]+")
#: Where a page's markup, classes and attributes can come from (besides the content folder).
_SOURCES: tuple[tuple[Path, tuple[str, ...]], ...] = (
    (MATERIAL, ("*.html",)),
    (OVERRIDES, ("*.html", "*.js")),
    (BUILD_TOOLS, ("*.py", "*.html", "*.j2", "*.yml")),
    (Path(markdown.extensions.__file__).parent, ("*.py",)),
)


def material_stylesheet() -> Path:
    """Material's full stylesheet, as its ``base.html`` links it."""
    found = sorted((MATERIAL / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(found) != 1:
        raise RuntimeError(f"{MATERIAL}: expected one main.*.min.css, found {len(found)}")
    return found[0]


_THIS_FILE = Path(__file__).resolve()
#: Material's words for each language, one file per language.
_LANGUAGE_PARTIALS = MATERIAL / "partials" / "languages"


#: Stages of build_tools/ that write no page of the site: the printed leaflets (PDF), the
#: chatbot, the benchmark's generated data.
_NOT_PAGES = ("leaflets", "bot", "bench")


def _writes_no_page(path: Path) -> bool:
    """Files whose words never reach a page: this module (it names what it leaves out),
    Material's templates that ours replace (Jinja loads ours), stages that write no page."""
    if path == _THIS_FILE:
        return True
    if path.is_relative_to(MATERIAL):
        return (OVERRIDES / path.relative_to(MATERIAL)).is_file()
    if path.is_relative_to(BUILD_TOOLS):
        return path.relative_to(BUILD_TOOLS).parts[0] in _NOT_PAGES
    return False


def _source_files(content_dir: Path | None, languages: tuple[str, ...] | None) -> Iterator[Path]:
    for root, patterns in _SOURCES:
        for pattern in patterns:
            finder = root.glob if "/" in pattern else root.rglob
            for path in finder(pattern):
                if _writes_no_page(path):
                    continue
                other_language = (
                    languages is not None
                    and path.parent == _LANGUAGE_PARTIALS
                    and path.stem not in (*languages, "en")  # English: Material's fall-back
                )
                if not other_language:
                    yield path
    if content_dir is not None:
        yield from Path(content_dir).rglob("*.md")


#: The class and attribute names Material's JavaScript writes (its own ones all hold ``md-``:
#: ``md-search-result__item``, ``data-md-scrolllock``), and the focus class it sets.
_SCRIPT_CLASS = re.compile(r"[A-Za-z0-9_-]*md-[A-Za-z0-9_-]+|focus-visible")


def vocabulary(
    content_dir: Path | None = None, languages: tuple[str, ...] | None = None
) -> frozenset[str]:
    """Every word (letters, digits, ``-``, ``_``) in the files a page's markup comes from,
    and the classes Material's bundle writes. Of Material's per-language files only those of
    ``languages`` count (when given): the right-to-left rules stay out of a site written in
    left-to-right languages only (Material writes ``dir="rtl"`` from those files)."""
    words: set[str] = set()
    for path in _source_files(content_dir, languages):
        words.update(_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    for bundle in (MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js"):
        words.update(_SCRIPT_CLASS.findall(bundle.read_text(encoding="utf-8")))
    return frozenset(words)


def _split_selectors(prelude: list[ast.Node]) -> list[list[ast.Node]]:
    selectors: list[list[ast.Node]] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _asked_for(selector: list[ast.Node]) -> Iterator[str]:
    """The classes, ids, attribute names and exact attribute values a selector needs. What
    is inside a functional pseudo-class (``:not(…)``, ``:is(…)``) is not counted: such a
    selector can match without the words in it."""
    previous: ast.Node | None = None
    for token in selector:
        if isinstance(token, ast.IdentToken) and isinstance(previous, ast.LiteralToken):
            if previous.value == ".":
                yield token.value
        elif isinstance(token, ast.HashToken):
            yield token.value
        elif isinstance(token, ast.SquareBracketsBlock):
            parts = [t for t in token.content if not isinstance(t, ast.WhitespaceToken)]
            if parts and isinstance(parts[0], ast.IdentToken):
                yield parts[0].value
            exact = len(parts) == 3 and getattr(parts[1], "value", "") == "="
            if exact and isinstance(parts[2], (ast.IdentToken, ast.StringToken)):
                yield from _WORD.findall(parts[2].value)
        previous = token


def _keeps(selector: list[ast.Node], words: frozenset[str]) -> bool:
    return all(word in words for word in _asked_for(selector))


def _purge(rules: Iterable[ast.Node], words: frozenset[str]) -> Iterator[str]:
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            kept = [s for s in _split_selectors(rule.prelude) if _keeps(s, words)]
            if kept:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in kept)
                yield prelude + "{" + tinycss2.serialize(rule.content) + "}"
        elif isinstance(rule, ast.AtRule):
            if rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
                inner = tinycss2.parse_rule_list(rule.content)
                body = "".join(_purge(inner, words))
                if body:
                    yield f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}"
            elif rule.lower_at_keyword == "charset":
                continue
            else:
                yield rule.serialize()


_VAR_USE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")


def _drop_properties(rules: Iterable[ast.Node], unused: set[str]) -> Iterator[str]:
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            kept = [
                d.serialize()
                for d in tinycss2.parse_blocks_contents(rule.content, True, True)
                if isinstance(d, ast.Declaration) and d.name not in unused
            ]
            if kept:
                yield tinycss2.serialize(rule.prelude).strip() + "{" + ";".join(kept) + "}"
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_rule_list(rule.content or [], True, True)
            body = "".join(_drop_properties(inner, unused))
            if body:
                yield f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}"
        else:
            yield rule.serialize()


def _unused_properties(css: str, readers: str) -> set[str]:
    defined = set(re.findall(r"(?<![\w-])(--[A-Za-z0-9_-]+)\s*:", css))
    return defined - set(_VAR_USE.findall(css + readers))


def purge(css: str, words: frozenset[str], readers: str = "") -> str:
    """``css`` with the selectors that need a word outside ``words`` left out (and rules
    and @media blocks left empty by that), then the custom properties (``--md-…``: most are
    the icons of features left out) that nothing reads any more: neither what is kept nor
    ``readers`` (other stylesheets and scripts). Everything else as it was."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    kept = "".join(_purge(rules, words))
    while unused := _unused_properties(kept, readers):  # a property may only feed another
        rules = tinycss2.parse_stylesheet(kept, skip_comments=True, skip_whitespace=True)
        kept = "".join(_drop_properties(rules, unused))
    return kept


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@dataclass(frozen=True)
class FirstView:
    """What every page's ``<head>`` carries inline, with the hashes the policy allows."""

    css: str
    memory_state: str

    @property
    def style_hash(self) -> str:
        return _sha256(self.css)

    @property
    def script_hash(self) -> str:
        return _sha256(self.memory_state)

    @property
    def meta_csp(self) -> str:
        """The policy every page carries, allowing exactly these two inline parts."""
        return policy.meta_csp([self.style_hash], [self.script_hash])


def _scripts() -> Iterator[Path]:
    """Every script that may read the stylesheet's custom properties."""
    yield from (MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")
    yield from OVERRIDES.rglob("*.js")


#: Stylesheets already worked out in this process, by the digest of their inputs (the live
#: preview rebuilds with the same inputs again and again).
_MADE: dict[str, str] = {}


def first_view(
    content_dir: Path | None = None,
    languages: tuple[str, ...] | None = None,
    cache: MutableMapping[str, Any] | None = None,
) -> FirstView:
    """The inline stylesheet and state script for a site whose Markdown is in
    ``content_dir``, in ``languages`` (one per build: the same in every page and language, so
    one hash). The words are read again every time (an editor's new class counts at once);
    the purge, most of the work, is reused from this process or from ``cache`` (the build
    cache) when its inputs are the same to the byte."""
    words = vocabulary(content_dir, languages)
    ours = components.site_css()
    readers = ours + "".join(path.read_text(encoding="utf-8") for path in _scripts())
    material = material_stylesheet().read_text(encoding="utf-8")
    key = digest(source_fingerprint(_THIS_FILE), material, "\n".join(sorted(words)), readers)
    css = _MADE.get(key)
    if css is None and cache is not None:
        kept = cache.get(key)
        css = kept if isinstance(kept, str) else None
    if css is None:
        css = rcssmin.cssmin(purge(material, words, readers) + ours)
    if len(_MADE) > 8:
        _MADE.clear()
    _MADE[key] = css
    if cache is not None:
        cache[key] = css
    script = components.compact_script(MEMORY_STATE.read_text(encoding="utf-8")).strip()
    for text, end in ((css, "</style"), (script, "</script")):
        if end in text.lower():
            raise RuntimeError(f"the inline {end[2:]} would end early at {end}")
    return FirstView(css, script)
