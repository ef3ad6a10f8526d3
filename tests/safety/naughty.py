"""The shared naughty inputs: the Big List of Naughty Strings and markdown-it's XSS cases."""

from __future__ import annotations

from pathlib import Path

from tests.paths import EXTERNAL

NAUGHTY = EXTERNAL / "naughty"
BLNS = NAUGHTY / "blns" / "blns.txt"
XSS = NAUGHTY / "markdown-it" / "xss.txt"


def blns_strings(path: Path = BLNS) -> list[str]:
    """Every string of the list (comment and blank lines are the list's own notes)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line.strip() and not line.startswith("#")]


def xss_inputs(path: Path = XSS) -> list[str]:
    """The Markdown input of every case (the text between a case's first two "." lines)."""
    inputs: list[str] = []
    current: list[str] | None = None
    dots = 0
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line == ".":
            dots += 1
            if dots % 3 == 1:
                current = []
            elif dots % 3 == 2 and current is not None:
                inputs.append("\n".join(current))
                current = None
            continue
        if current is not None and dots % 3 == 1:
            current.append(line)
    return inputs
