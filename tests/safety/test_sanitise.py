"""Editors' Markdown keeps what Python-Markdown makes for it and loses anything that could run.

The pages are rendered with the Markdown extensions of the real mkdocs.yml, so what is tested
is what the build does.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load

from build_tools.safety.sanitise import sanitise_html
from build_tools.site_links import resolve_site_links
from tests.paths import REPO
from tests.safety.naughty import blns_strings, xss_inputs


@functools.lru_cache(maxsize=1)
def _extensions() -> tuple[list[str], dict]:
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    names, options = [], {}
    for item in config.get("markdown_extensions", []):
        if isinstance(item, dict):
            ((name, opts),) = item.items()
            names.append(name)
            options[name] = opts or {}
        else:
            names.append(item)
    return names, options


def render(text: str) -> str:
    """Markdown → HTML as the build renders an editors' page, then the raw-HTML policy."""
    names, options = _extensions()
    raw = markdown.markdown(text, extensions=names, extension_configs=options)
    return sanitise_html(raw)


class _Elements(HTMLParser):
    """Every element with its attributes, to compare what survives."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, tuple[tuple[str, str], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = tuple(sorted((k, v or "") for k, v in attrs if k != "rel"))
        self.items.append((tag, kept))


def elements(html: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.items


def dangerous(html: str) -> list[str]:
    """What could run or load: script/style/iframe/object elements, on* handlers, style
    attributes, javascript:/vbscript:/data: links."""
    found = []
    for tag, attrs in elements(html):
        if tag in {"script", "style", "iframe", "object", "embed", "svg", "math", "form", "base"}:
            found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc", "formaction"}:
                found.append(f"{tag} {name}")
            if name in {"href", "src"} and re.match(
                r"\s*(javascript|vbscript|data|file):", value, re.I
            ):
                found.append(f"{tag} {name}={value}")
    return found


CONTENT_PAGES = sorted((REPO / "content").glob("*/**/*.md"))


@pytest.mark.parametrize("page", CONTENT_PAGES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_real_pages_lose_nothing(page) -> None:
    """The policy fits the editors' real pages: every element and attribute survives."""
    text = page.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    names, options = _extensions()
    raw = markdown.markdown(text, extensions=names, extension_configs=options)
    raw = resolve_site_links(raw, "page/")  # as the plugin does before the policy
    assert elements(sanitise_html(raw)) == elements(raw)


def test_material_markup_survives() -> None:
    html = render(
        "# Title {#top}\n\n"
        '!!! warning "If you are in danger"\n    Call **102**.\n\n'
        'Text with [a link](../hotline/ "Hotline"), [mail](mailto:a@example.by) and '
        "[call](tel:+3758011008801).\n\n"
        "## Section {.special}\n"
    )
    assert '<h1 id="top">Title</h1>' in html
    assert '<div class="admonition warning">' in html
    assert '<p class="admonition-title">If you are in danger</p>' in html
    assert 'href="../hotline/"' in html and 'title="Hotline"' in html
    assert 'href="mailto:a@example.by"' in html and 'href="tel:+3758011008801"' in html
    assert '<h2 class="special" id="section">Section</h2>' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[x](javascript:alert(1))",
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<iframe src="https://t.example/"></iframe>',
        "<style>body{display:none}</style>",
        'Paragraph {: onclick="alert(1)" style="color:red" }',
        "<svg><script>alert(1)</script></svg>",
        '<details open ontoggle="alert(1)"><summary>x</summary></details>',
        '<form action="https://t.example/"><input name="q"></form>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<object data="x.swf"></object>',
    ],
)
def test_dangerous_markup_is_removed(text: str) -> None:
    assert dangerous(render(text)) == []


def test_material_reserved_ids_are_dropped() -> None:
    assert 'id="__config"' not in render("## Heading {#__config}")


@pytest.mark.parametrize("case", xss_inputs(), ids=lambda c: c.split("\n")[0][:40])
def test_markdown_it_xss_cases_are_harmless(case: str) -> None:
    assert dangerous(render(case)) == []


def test_every_naughty_string_is_harmless() -> None:
    strings = blns_strings()
    assert len(strings) > 400
    bad = {s: found for s in strings if (found := dangerous(render(s)))}
    assert bad == {}
