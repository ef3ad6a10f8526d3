"""Front-end components (``overrides/components/<name>/``): their strings and styles.

One component, one folder: template, script, stylesheet, ``strings.yml`` and its tests.
"""

from __future__ import annotations

import functools
from pathlib import Path

import rcssmin
import rjsmin
import yaml

from build_tools.i18n import DEFAULT_LANGUAGE


def ui_strings(lang: str, components_dir: Path | None = None) -> dict[str, dict[str, str]]:
    """Interface strings of every front-end component, in one language.

    Each component keeps its own ``strings.yml`` (key → {ru, be, en}) beside its template, so
    a component and its translations move together. Templates read ``helpdir.ui[component][key]``.
    A missing translation falls back to the default language.
    """
    root = components_dir or COMPONENTS_DIR
    return _load_strings(str(root), lang)


COMPONENTS_DIR = Path(__file__).resolve().parent.parent / "overrides" / "components"


@functools.lru_cache(maxsize=16)
def _load_strings(root: str, lang: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for path in sorted(Path(root).glob("*/strings.yml")):
        with path.open(encoding="utf-8") as handle:
            table = yaml.safe_load(handle) or {}
        out[path.parent.name] = {
            key: (texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or "")
            for key, texts in table.items()
        }
    return out


def site_css(components_dir: Path | None = None) -> str:
    """Every component's stylesheet in one file, without comments and needless white space:
    one small request on a slow connection (the sources are commented for the team)."""
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
