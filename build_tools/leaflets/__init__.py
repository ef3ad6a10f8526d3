"""Printable leaflets and wallet cards, generated from the directory."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from build_tools.data.model import Directory


def build_leaflets(
    directory: Directory, out_dir: Path, *, site_url: str, languages: Sequence[str]
) -> list[Any]:
    """Make every leaflet and card sheet into ``out_dir`` (laid out as ``site/leaflets``)."""
    return []


def catalogue_html(leaflets: Sequence[Any], lang: str) -> str:
    """The list of leaflets appended to the publications page."""
    return ""
