"""One compiled, auto-escaping Jinja environment for the directory pages, per process.

Thousands of pages go through the same few templates, so they are compiled once; autoescape
is on because every value comes from editors' YAML.
"""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from build_tools.pages.hours_text import capitalise

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


def render(template: str, **context: object) -> str:
    """Render one of ``templates/`` (compiled on first use, cached for the process)."""
    return environment().get_template(template).render(**context)
