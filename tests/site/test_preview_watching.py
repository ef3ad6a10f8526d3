"""The live preview listens to the system's change notifications (build_tools/preview.py).

MkDocs' own server polls; the preview hands its watched paths to watchdog's native observer,
which passes on changes only (a file opened or read by the build is not a change), unless
``HELPDIR_PREVIEW_POLLING=1`` asks to keep MkDocs' polling.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from build_tools.preview import watch_natively


def _server(tmp_path: Path) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    for name in ("content", "data"):
        (tmp_path / name).mkdir()
        server.watch(str(tmp_path / name))
    server.watch(str(tmp_path / "data"))  # watched twice: still there after one unwatch
    return server


def _wanted_after(server: LiveReloadServer, action, seconds: float = 3.0) -> bool:
    server._want_rebuild = False
    action()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server._want_rebuild:
            return True
        time.sleep(0.05)
    return False


def test_a_save_is_a_change_and_reading_a_file_is_not(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("HELPDIR_PREVIEW_POLLING", raising=False)
    server = _server(tmp_path)
    watch_natively(server)
    assert not isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(tmp_path / "content"): 1, str(tmp_path / "data"): 2}
    entry = tmp_path / "data" / "entry.yml"
    entry.write_text("id: one\n", encoding="utf-8")
    server.observer.start()
    try:
        time.sleep(0.3)
        assert not _wanted_after(server, lambda: entry.read_text(encoding="utf-8"), 1.0)
        assert _wanted_after(server, lambda: entry.write_text("id: two\n", encoding="utf-8"))
        server.unwatch(str(tmp_path / "data"))
        assert _wanted_after(server, lambda: entry.write_text("id: three\n", encoding="utf-8"))
    finally:
        server.observer.stop()
        server.observer.join()


@pytest.mark.parametrize("value", ["1", "true"])
def test_polling_is_kept_when_asked(tmp_path: Path, monkeypatch, value: str) -> None:
    monkeypatch.setenv("HELPDIR_PREVIEW_POLLING", value)
    server = _server(tmp_path)
    watch_natively(server)
    assert isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(tmp_path / "content"): 1, str(tmp_path / "data"): 2}
