"""Small helpers the data-stage tests share (fixtures are in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

#: ``run_cli(*args) -> (exit code, everything printed)``
Runner = Callable[..., tuple[int, str]]


def write(data_dir: Path, relative: str, text: str) -> Path:
    """Write one data file (creating folders) and return its path."""
    file = data_dir / relative
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file
