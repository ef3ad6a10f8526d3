"""Rows read from an HSDS package, each remembering where it came from and what was used.

The import must never drop a value silently: every field a mapping reads is marked as taken,
and whatever is left over at the end becomes a line of the report, with its file and row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Values that mean "nothing here" in real exports (spreadsheets, US county systems).
PLACEHOLDERS = frozenset({"", "null", "none", "n/a", "na", "-", "--", "tbd", "unknown", "nan"})


def clean(value: Any) -> str | None:
    """A trimmed string, without wrapping quotes; None for empty and placeholder values.

    Exports often wrap values in extra quotes (a CSV cell of three double quotes on each
    side reads as ``"+44 1234 234567"``) or fill empty cells with ``NULL`` or ``N/A``.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value).strip()
    while len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    if text.lower() in PLACEHOLDERS:
        return None
    return text


@dataclass
class Record:
    """One row of one table: ``source`` is the file, ``row`` its line (header = line 1)."""

    kind: str
    source: str
    row: int
    values: dict[str, Any]
    taken: set[str] = field(default_factory=set)
    #: Set when the whole row was used for something (a linked phone, a term).
    used: bool = False

    def get(self, name: str) -> str | None:
        """The cleaned value of a field, marking it as taken (it will not be reported)."""
        self.taken.add(name)
        return clean(self.values.get(name))

    def peek(self, name: str) -> str | None:
        """The cleaned value without taking it (for matching and linking)."""
        return clean(self.values.get(name))

    def take(self, *names: str) -> None:
        self.taken.update(names)

    @property
    def id(self) -> str | None:
        return self.peek("id")

    def leftovers(self) -> dict[str, str]:
        """Fields with a real value that nothing took."""
        left = {}
        for name, raw in self.values.items():
            if name in self.taken or isinstance(raw, (dict, list)):
                continue
            value = clean(raw)
            if value is not None:
                left[name] = value
        return left

    @property
    def where(self) -> str:
        return f"{self.source}:{self.row}"
