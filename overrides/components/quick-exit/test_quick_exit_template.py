"""The quick-exit templates on their own: real links, escaped values, complete translations.

MkDocs renders theme templates without autoescaping, so the template must escape what it
writes itself; this renders it with the theme environment MkDocs itself makes from mkdocs.yml
(Material plus our overrides, MkDocs' own ``url`` filter), with hostile values.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import jinja2
import pytest
import yaml
from mkdocs.config import load_config

from build_tools.languages import LANGUAGES

HERE = Path(__file__).resolve().parent
STRINGS = yaml.safe_load((HERE / "strings.yml").read_text(encoding="utf-8"))


@functools.cache
def theme_env() -> jinja2.Environment:
    """The Jinja environment MkDocs builds the site's pages with."""
    config = load_config(str(HERE.parents[2] / "mkdocs.yml"))
    return config.theme.get_env()


def render(name: str, *, destination: str, ui: dict[str, str]) -> str:
    context = {
        "page": None,  # a page one level down, as an entry page's ``base_url`` says
        "base_url": "..",
        "helpdir": {"ui": {"quick-exit": ui}, "options": {"quick_exit_url": destination}},
    }
    return theme_env().get_template(f"components/quick-exit/{name}").render(**context)


def ui(lang: str) -> dict[str, str]:
    return {key: texts[lang] for key, texts in STRINGS.items()}


def test_strings_are_complete_in_every_language() -> None:
    for key, texts in STRINGS.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(text.strip() for text in texts.values()), key
    assert {"button", "skip", "press_two", "press_one", "leaving"} <= set(STRINGS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_two_real_links_to_the_destination(lang: str) -> None:
    html = render("quick-exit.html", destination="https://www.wikipedia.org/", ui=ui(lang))
    links = re.findall(r"<a ([^>]*)>", html)
    assert len(links) == 2
    for attributes in links:
        assert 'href="https://www.wikipedia.org/"' in attributes
        assert 'rel="nofollow noreferrer"' in attributes
        assert "onclick" not in attributes
    # the skip link comes first, the button carries the visible label
    assert "helpdir-exit-skip" in links[0]
    assert STRINGS["button"][lang] in html
    assert 'aria-live="polite"' in html
    assert f'data-press-two="{STRINGS["press_two"][lang]}"' in html


def test_values_are_escaped() -> None:
    hostile = '"><script>alert(1)</script>'
    html = render(
        "quick-exit.html",
        destination='https://x.example/?a=1&b="2"',
        ui={key: hostile for key in STRINGS},
    )
    assert "<script>" not in html
    assert 'href="https://x.example/?a=1&amp;b=&#34;2&#34;"' in html


def test_script_is_an_external_file() -> None:
    html = render("quick-exit-script.html", destination="", ui={})
    assert re.fullmatch(
        r'\s*<script src="\.\./components/quick-exit/quick-exit\.js"></script>\s*', html
    )


def test_hidden_in_print_and_nothing_stored() -> None:
    css = (HERE / "quick-exit.css").read_text(encoding="utf-8")
    print_rules = css.split("@media print", 1)[1]
    assert ".helpdir-exit," in print_rules and "display: none" in print_rules
    script = (HERE / "quick-exit.js").read_text(encoding="utf-8")
    for trace in ("localStorage", "sessionStorage", "indexedDB", "document.cookie", "history."):
        assert trace not in script
    assert "location.replace(" in script
