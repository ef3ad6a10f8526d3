"""Headless Chromium and a loopback server, as the benchmark and the test suite both use them."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

#: Debian's chromium (no browser download); HELPDIR_CHROMIUM points elsewhere if needed.
CHROMIUM = os.environ.get("HELPDIR_CHROMIUM", "/usr/bin/chromium")
#: Root needs --no-sandbox; the rest keep Chromium from calling home on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class SiteServer:
    """A built site on a loopback port; ``stop()`` cuts it off like a lost connection."""

    def __init__(self, site_dir: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(site_dir))
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.running = True

    def stop(self) -> None:
        if self.running:
            self._server.shutdown()
            self._server.server_close()
            self.running = False


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Yield the base URL ("http://127.0.0.1:PORT/") of ``site_dir`` served over HTTP."""
    server = SiteServer(site_dir)
    try:
        yield server.url
    finally:
        server.stop()
