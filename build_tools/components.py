"""Front-end components (``overrides/components/<name>/``): their strings and styles.

One component, one folder: template, script, stylesheet, ``strings.yml`` and its tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import rcssmin
import rjsmin

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
    """Every component's stylesheet in one file, without comments and needless white space
    (the sources are commented for the team); every page carries it in its ``<head>``, after
    Material's rules (:mod:`build_tools.first_view`)."""
    root = components_dir or COMPONENTS_DIR
    parts = [path.read_text(encoding="utf-8") for path in sorted(root.glob("*/*.css"))]
    return rcssmin.cssmin("\n".join(parts), keep_bang_comments=True)


#: The theme's own scripts, as MkDocs copies them from overrides/ into the site.
OWN_SCRIPT_FOLDERS = ("components/", "partials/javascripts/")


def is_own_script(src_uri: str) -> bool:
    return src_uri.endswith(".js") and src_uri.startswith(OWN_SCRIPT_FOLDERS)


def compact_script(source: str) -> str:
    """A script without comments and needless white space, as the site serves it. rjsmin only
    removes, never renames, so what runs is the code in the file; notices marked ``/*!``
    stay."""
    return rjsmin.jsmin(source, keep_bang_comments=True)
