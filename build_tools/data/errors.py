"""Problems found in editors' files, and how they are shown.

Editors are not programmers: every problem names the file, the line, the field, what is
wrong and how to fix it, in one line an editor (or their editor's terminal) can jump to.
All problems of a run are collected before anything is reported, so one run shows them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from build_tools.messages import _, ngettext

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: ``path:line:col: field: what is wrong — how to fix``."""

    path: str
    line: int
    col: int
    field: str
    message: str
    fix: str = ""
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        """The one-line form editors see; warnings say so before the message."""
        where = f"{self.path}:{self.line}:{self.col}:"
        what = (
            self.message if self.is_error else _("warning: {message}").format(message=self.message)
        )
        text = f"{where} {self.field}: {what}" if self.field else f"{where} {what}"
        return f"{text} — {self.fix}" if self.fix else text

    def __str__(self) -> str:
        return self.format()


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.path, problem.line, problem.col, problem.field)


def group_by_file(problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    """Problems per file, files and lines in order, so an editor fixes one file at a time."""
    grouped: dict[str, list[Problem]] = {}
    for problem in sorted(problems, key=sort_key):
        grouped.setdefault(problem.path, []).append(problem)
    return grouped


def count_text(problems: Iterable[Problem]) -> str:
    """``"2 errors, 1 warning in 2 files"`` — the summary line of a run."""
    problems = list(problems)
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    return _("{errors}, {warnings} {in_files}").format(
        errors=_errors(errors), warnings=_warnings(warnings), in_files=_in_files(files)
    )


def format_problems(problems: Iterable[Problem]) -> str:
    """All problems grouped by file, each file under a header line, blank lines between."""
    blocks = []
    for path, items in group_by_file(problems).items():
        errors = sum(1 for p in items if p.is_error)
        counts = _("{errors}, {warnings}").format(
            errors=_errors(errors), warnings=_warnings(len(items) - errors)
        )
        lines = [f"{path} ({counts})"]
        lines.extend(f"  {p.format()}" for p in items)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _errors(n: int) -> str:
    return ngettext("{n} error", "{n} errors", n).format(n=n)


def _warnings(n: int) -> str:
    return ngettext("{n} warning", "{n} warnings", n).format(n=n)


def _in_files(n: int) -> str:
    return ngettext("in {n} file", "in {n} files", n).format(n=n)


class DataError(Exception):
    """Raised when the directory data has at least one error; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems, key=sort_key)
        super().__init__(self._summary())

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def _summary(self) -> str:
        return _("directory data has {count}:").format(count=count_text(self.problems)) + (
            f"\n{format_problems(self.problems)}"
        )


def field_path(path: tuple[str | int, ...]) -> str:
    """``("phones", 0, "number")`` → ``"phones.1.number"``: items count from 1, as people do."""
    return ".".join(str(part + 1) if isinstance(part, int) else part for part in path)
