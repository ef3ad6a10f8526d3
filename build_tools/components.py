"""Front-end components (``overrides/components/<name>/``): their strings and styles.

One component, one folder: template, script, stylesheet, ``strings.yml`` and its tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from build_tools import strings
from build_tools.strings import COMPONENTS_DIR

__all__ = ["COMPONENTS_DIR", "site_css", "ui_strings"]


def ui_strings(lang: str) -> Mapping[str, Mapping[str, str]]:
    """Interface strings of every front-end component, in one language.

    Each component keeps its own ``strings.yml`` beside its template, so a component and its
    translations move together; the one loader (:mod:`build_tools.strings`) reads them into the
    language's table, with the same fallback as every other word. Templates read
    ``helpdir.ui[component][key]``.
    """
    return strings.ui_strings(lang)


def site_css(components_dir: Path | None = None) -> str:
    """Every component's stylesheet in one file: one request on a slow connection."""
    root = components_dir or COMPONENTS_DIR
    parts = []
    for path in sorted(root.glob("*/*.css")):
        parts.append(f"/* {path.parent.name}/{path.name} */\n" + path.read_text(encoding="utf-8"))
    return "\n".join(parts)
