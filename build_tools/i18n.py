"""Site languages and the URL prefixes that are printed on paper, so they never change."""

from __future__ import annotations

from pathlib import PurePosixPath

from build_tools.languages import DEFAULT_LANGUAGE


def url_prefix(lang: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The path of a language's root: "" for the default language, "be/" for Belarusian."""
    return "" if lang == default else f"{lang}/"


def page_url(src_uri: str) -> str:
    """The directory-style URL of a page relative to its language root ("about/", "")."""
    path = PurePosixPath(src_uri)
    if path.suffix != ".md":
        return str(path)
    if path.stem in ("index", "README"):
        parent = str(path.parent)
        return "" if parent == "." else parent + "/"
    parent = "" if str(path.parent) == "." else str(path.parent) + "/"
    return f"{parent}{path.stem}/"
