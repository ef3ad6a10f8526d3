"""Open Referral HSDS 3.0 export: one dataset per site language under ``data/hsds/<lang>/``."""

from __future__ import annotations

from pathlib import Path

from build_tools.data.model import LANGUAGES, Directory

from ..common import FEED_VERSION
from .export import export_tables, feed_words
from .package import write_package


def write_hsds(directory: Directory, out_dir: Path, *, site_url: str) -> None:
    """Write ``out_dir/<lang>/`` for every language (same UUIDs, texts in that language)."""
    for lang in LANGUAGES:
        tables = export_tables(directory, lang, site_url=site_url)
        write_package(
            tables,
            out_dir / lang,
            lang=lang,
            title=feed_words(lang)["hsds_title"],
            version=FEED_VERSION,
        )
