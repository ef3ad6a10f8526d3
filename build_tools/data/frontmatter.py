"""Front matter of the Markdown pages: broken YAML there is an error, not a silent loss.

MkDocs 1.6 ignores front matter it cannot read and builds the page with no title or
description, so a typo quietly changes the page. Here the block is read with the same strict
loader as the directory data and each problem names the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from build_tools.messages import _

from .errors import WARNING, Problem
from .yaml_loader import load_text

#: The opening line MkDocs recognises, and the lines that close the block.
_OPEN = re.compile(r"^-{3}[ \t]*$")
_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")


def check_front_matter(content_dir: Path) -> list[Problem]:
    """Problems in the front matter of ``content_dir/<lang>/**/*.md``, in path order."""
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    if not content_dir.is_dir():
        return problems
    for file in sorted(content_dir.glob("*/**/*.md")):
        problems.extend(check_page(file, str(file)))
    return problems


def read_front_matter(text: str) -> tuple[str | None, int]:
    """The front matter block of a page (or None) and the line its YAML starts on."""
    lines = text.split("\n")
    if not lines or not _OPEN.match(lines[0].lstrip("\ufeff")):
        return None, 0
    for number, line in enumerate(lines[1:], start=1):
        if _CLOSE.match(line):
            return "\n".join(lines[1:number]), 2
    return "", -1  # opened and never closed


def check_page(file: Path, shown: str) -> Iterator[Problem]:
    """The problems of one page's front matter."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        yield Problem(shown, 1, 1, "", _("the file is not in UTF-8"), _("save it as UTF-8 text"))
        return
    block, first_line = read_front_matter(text)
    if first_line == -1:
        yield Problem(
            shown,
            1,
            1,
            "",
            _("the front matter opened with `---` is never closed"),
            _("add a `---` line after the last `key: value` line of the front matter"),
        )
        return
    if block is None:
        yield _no_description(shown, 1)
        return
    doc = load_text(block, shown, line_offset=first_line - 1)
    yield from doc.problems
    if doc.problems:
        return
    if doc.data is None:
        yield _no_description(shown, 1)
        return
    if not isinstance(doc.data, dict):
        yield Problem(
            shown,
            first_line,
            1,
            "",
            _("the front matter is not a set of `key: value` lines"),
            _("write it as `title: …` and `description: …` lines between the two `---` lines"),
        )
        return
    description = doc.data.get("description")
    if "description" not in doc.data:
        yield _no_description(shown, 1)
    elif not isinstance(description, str) or not description.strip():
        line, col = doc.where(("description",))
        yield Problem(
            shown,
            line,
            col,
            "description",
            _("the description is empty or not text"),
            _("write one sentence saying what the page is about"),
        )
    title = doc.data.get("title")
    if "title" in doc.data and (not isinstance(title, str) or not title.strip()):
        line, col = doc.where(("title",))
        yield Problem(shown, line, col, "title", _("the title is empty or not text"), _("write it"))


def _no_description(shown: str, line: int) -> Problem:
    return Problem(
        shown,
        line,
        1,
        "description",
        _("the page has no description (search engines and link previews show it)"),
        _("add front matter: a `---` line, `description: …`, and another `---` line"),
        WARNING,
    )
