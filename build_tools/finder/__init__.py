"""The finder: a prebuilt lunr index and the client-side search for help.

``slot_html`` gives the directory home its search box, filters, guided path and offline
control; ``write_assets`` writes what they need beside each language's pages. Both read the
model only, and everything the browser gets is public: no address, no confidential detail.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from build_tools.data.model import Directory
from build_tools.data.organisation import Fact
from build_tools.finder.assets import write_language_assets
from build_tools.finder.guide import GUIDE_FILE
from build_tools.finder.markup import render_slot


def slot_html(directory: Directory, lang: str, facts: Mapping[str, Fact] | None = None) -> str:
    """Markup of the finder on the directory home; hidden until its script runs.

    ``facts`` fill the ``{{ org.… }}`` placeholders of the guide and the finder's strings.
    """
    return render_slot(directory, lang, facts)


def write_assets(directory: Directory, lang: str, site_dir: Path) -> None:
    """Write the finder's data, index, scripts and (at the site root) the offline worker."""
    write_language_assets(directory, lang, site_dir)


__all__ = ["GUIDE_FILE", "slot_html", "write_assets"]
