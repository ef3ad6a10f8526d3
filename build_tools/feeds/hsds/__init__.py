"""Open Referral HSDS 3.0 export: one dataset per site language under ``data/hsds/<lang>/``."""

from __future__ import annotations

from pathlib import Path

from build_tools.data.model import LANGUAGES, Directory

from ..common import FEED_VERSION
from .export import export_tables
from .package import write_package

_TITLES = {
    "ru": "Справочник помощи при домашнем насилии (HSDS 3.0)",
    "be": "Даведнік дапамогі пры хатнім гвалце (HSDS 3.0)",
    "en": "Help directory for people affected by domestic violence (HSDS 3.0)",
}


def write_hsds(directory: Directory, out_dir: Path, *, site_url: str) -> None:
    """Write ``out_dir/<lang>/`` for every language (same UUIDs, texts in that language)."""
    for lang in LANGUAGES:
        tables = export_tables(directory, lang, site_url=site_url)
        write_package(tables, out_dir / lang, lang=lang, title=_TITLES[lang], version=FEED_VERSION)
