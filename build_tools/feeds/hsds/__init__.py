"""Open Referral HSDS 3.0 export: one dataset per site language under ``data/hsds/<lang>/``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from build_tools.data.model import LANGUAGES, Directory

from ..common import FEED_VERSION
from .export import export_tables, feed_words
from .package import write_package


def hsds_steps(directory: Directory, out_dir: Path, *, site_url: str) -> list[Callable[[], None]]:
    """Writing ``out_dir/<lang>/`` for every language (same UUIDs, texts in that language), as
    one step per language: the live preview may stop between two."""

    def one(lang: str) -> Callable[[], None]:
        def step() -> None:
            tables = export_tables(directory, lang, site_url=site_url)
            write_package(
                tables,
                out_dir / lang,
                lang=lang,
                title=feed_words(lang)["hsds_title"],
                version=FEED_VERSION,
            )

        return step

    return [one(lang) for lang in LANGUAGES]
