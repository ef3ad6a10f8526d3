"""Front-end components (``overrides/components/<name>/``): their strings and styles.

One component, one folder: template, script, stylesheet, ``strings.yml`` and its tests.
"""

from __future__ import annotations

import functools
from pathlib import Path

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
    """Every component's stylesheet in one file: one request on a slow connection."""
    root = components_dir or COMPONENTS_DIR
    parts = []
    for path in sorted(root.glob("*/*.css")):
        parts.append(f"/* {path.parent.name}/{path.name} */\n" + path.read_text(encoding="utf-8"))
    return "\n".join(parts)
