"""The finder: a prebuilt lunr index and the client-side search for help."""

from __future__ import annotations

from pathlib import Path

from build_tools.data.model import Directory


def slot_html(directory: Directory, lang: str) -> str:
    """Markup of the finder on the directory home (a form that works with the page's lists)."""
    return ""


def write_assets(directory: Directory, lang: str, site_dir: Path) -> None:
    """Write the finder's data and scripts into one language's site folder."""
