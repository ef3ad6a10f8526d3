"""The one CSV writer for every CSV file the site publishes (``directory.csv`` and HSDS).

Spreadsheets run a cell that starts with ``= + - @`` (or a tab or carriage return) as a
formula: ``=HYPERLINK(…)`` typed into a name would become a link in the reader's spreadsheet.
Every cell, headers included, goes through :func:`neutral`, which puts an apostrophe before
such a start: the text stays readable and nothing is executed. Our own HSDS importer takes the
apostrophe off again (:func:`restored`), so a round trip keeps the text as written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    """``text`` as a cell no spreadsheet evaluates."""
    return "'" + text if text.startswith(FORMULA_START) else text


def restored(cell: str) -> str:
    """A cell read back: the apostrophe :func:`neutral` added is taken off."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str | None]]) -> str:
    """The whole file as text with CRLF line ends (RFC 4180); ``None`` is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutral(name) for name in header])
    writer.writerows([neutral(cell) if cell else "" for cell in row] for row in rows)
    return out.getvalue()
