"""Directory pages (home, region, kind of help, entry) and redirect pages, per language."""

from __future__ import annotations

from build_tools.pages.build import directory_pages, redirect_pages

__all__ = ["directory_pages", "redirect_pages"]
