"""One compiled, auto-escaping Jinja environment for the directory pages, per process.

Thousands of pages go through the same few templates, so they are compiled once; autoescape
is on because every value comes from editors' YAML.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from build_tools.hours_text import capitalise

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.filters["first_upper"] = capitalise
    return env


def render(template: str, **context: Any) -> str:
    """Render one of ``templates/`` (compiled on first use, cached for the process).

    ``w``, the words of the page's language, comes from ``L`` (a :class:`PageLanguage`) so
    templates write ``w.contacts`` rather than call a method for every word.
    """
    return _template(template).render(w=context["L"].w, **context)


@functools.lru_cache(maxsize=32)
def _template(name: str) -> Template:
    return environment().get_template(name)
