"""The finder's files beside each language's pages: scripts, data, index, offline worker."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

#: The finder's own front-end files (template strings, scripts, styles, the offline worker).
COMPONENT_DIR = Path(__file__).resolve().parents[2] / "overrides" / "components" / "finder"

#: Third-party scripts taken from the installed mkdocs package at build time (never committed),
#: in the order the page loads them: lunr itself, then its Snowball support, then Russian.
LUNR_FILES: tuple[tuple[str, str], ...] = (
    ("templates/search/lunr.js", "lunr.js"),
    ("lunr-language/lunr.stemmer.support.js", "lunr.stemmer.support.js"),
    ("lunr-language/lunr.ru.js", "lunr.ru.js"),
)


def mkdocs_search_dir() -> Path:
    """``mkdocs/contrib/search`` of the installed mkdocs, wherever the environment put it."""
    spec = importlib.util.find_spec("mkdocs")
    if spec is None or spec.origin is None:
        raise RuntimeError("mkdocs is not installed: run `make build` to set up the environment.")
    return Path(spec.origin).parent / "contrib" / "search"


_BLOCK_COMMENT = re.compile(r"^[ \t]*/\*(?!!)[\s\S]*?\*/[ \t]*\n", re.MULTILINE)
_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*\n", re.MULTILINE)


def slim_script(source: str) -> str:
    """Drop comments that stand on lines of their own; licence headers (``/*!``) stay.

    lunr.js is mostly documentation comments; a phone on a slow connection should not
    download them. Only whole-line comments go, so code and strings are never touched
    (the finder's tests load the result in Node and in Chromium).
    """
    source = _BLOCK_COMMENT.sub("", source)
    return _LINE_COMMENT.sub("", source)


def copy_lunr(target_dir: Path) -> list[str]:
    """Copy lunr.js and its Russian support into ``target_dir``; returns the file names."""
    source = mkdocs_search_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    names = []
    for rel, name in LUNR_FILES:
        text = (source / rel).read_text(encoding="utf-8")
        (target_dir / name).write_text(slim_script(text), encoding="utf-8")
        names.append(name)
    return names
