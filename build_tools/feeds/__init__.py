"""Open data: the chatbot feed, CSV, GeoJSON and the Open Referral HSDS export."""

from __future__ import annotations

from pathlib import Path

from build_tools.data.model import Directory


def write_feeds(directory: Directory, out_dir: Path, *, site_url: str) -> None:
    """Write every feed into ``out_dir`` (``site/data``)."""
