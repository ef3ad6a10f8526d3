"""Serve a built site on a loopback port, for the browser tests (shared with the benchmark)."""

from build_tools.bench.browser import SiteServer, serve

__all__ = ["SiteServer", "serve"]
