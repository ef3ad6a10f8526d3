"""``{{ org.key }}`` in editors' texts: the organisation's facts, written once, used everywhere.

Markdown pages, their front matter, the components' ``strings.yml`` and the guided help may
write ``{{ org.hotline.hours }}`` where the fact belongs. Double braces mean nothing in
Markdown, so the syntax cannot be mistaken for text. In a page's body the value is escaped for
Markdown and HTML (a name with ``*`` or ``<`` stays text), except the ``….link`` keys, which
become the link itself. A ``{{ name }}`` that is not a known key (``{{ org.hotline.hour }}``,
``{{ hotline.hours }}``) stops the build with the file, line and the keys there are: a misspelt
key must never reach a page as braces. Braces around anything that is not a name (code, a
formula) are left as they are, as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from build_tools.data.errors import Problem
from build_tools.data.organisation import Fact
from build_tools.messages import _

#: ``{{ org.hotline.hours }}``, spaces inside the braces optional: a name, dots between parts.
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")
_KEY = re.compile(r"^org\.([a-z0-9_.]+)$")
#: The characters Python-Markdown lets a backslash escape (others would show the backslash).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")


def unknown_keys(text: str, known: Iterable[str]) -> list[tuple[int, int, str]]:
    """``(line, column, written)`` of every placeholder that names no fact (1-based)."""
    names = set(known)
    found = []
    for match in PLACEHOLDER.finditer(text):
        key = _KEY.match(match.group(1))
        if key is None or key.group(1) not in names:
            line = text.count("\n", 0, match.start()) + 1
            col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            found.append((line, col, match.group(0)))
    return found


def check_files(
    files: Iterable[Path], facts: Mapping[str, Fact], shown_root: Path
) -> list[Problem]:
    """A problem for every unknown ``{{ … }}`` in ``files`` (Markdown or YAML)."""
    problems = []
    keys = ", ".join(f"org.{k}" for k in sorted(facts))
    for file in files:
        text = file.read_text(encoding="utf-8", errors="replace")
        for line, col, written in unknown_keys(text, facts):
            problems.append(
                Problem(
                    _shown(file, shown_root),
                    line,
                    col,
                    "",
                    _("`{written}` is not one of the organisation's facts").format(written=written),
                    _(
                        "use one of: {keys} (they are kept in directory_data/organisation.yml)"
                    ).format(keys=keys),
                )
            )
    return problems


def fill_markdown(text: str, facts: Mapping[str, Fact]) -> str:
    """A page's Markdown with every placeholder replaced by its escaped value (or link)."""

    def value(match: re.Match[str]) -> str:
        fact = _fact(match, facts)
        if fact.markdown is not None:
            return fact.markdown
        return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(fact.text, quote=False))

    return PLACEHOLDER.sub(value, text)


def fill_text(text: str, facts: Mapping[str, Fact]) -> str:
    """Plain text (front matter, interface strings, the guide) with the facts' plain text.

    The result is escaped where it is written, like any other text from the repository.
    """
    return PLACEHOLDER.sub(lambda match: _fact(match, facts).text, text)


def _fact(match: re.Match[str], facts: Mapping[str, Fact]) -> Fact:
    key = _KEY.match(match.group(1))
    fact = facts.get(key.group(1)) if key else None
    if fact is None:  # the build checks every file first; this is for other callers
        raise KeyError(f"{match.group(0)} is not one of the organisation's facts")
    return fact


def _shown(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return str(file)
