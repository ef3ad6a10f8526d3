"""Rows of a spreadsheet as text: ``.xlsx`` through openpyxl (read-only), ``.csv`` as saved.

Every cell becomes a string and nothing is evaluated: a formula is read as the text of the
formula (``=A1+1``), never computed. Row numbers are the sheet's own (row 1 is the first
line), so the report points at the row an editor sees in Excel.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.messages import _

#: The start of an OLE2 file: an encrypted (password-protected) workbook, or an old ``.xls``.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (";", ",", "\t")


class TableInputError(ValueError):
    """Nothing could be read from the file; the message names the file and what to do."""


@dataclass
class Table:
    """The rows of one sheet: ``(row number, cells)``; ``notes`` are problems with cells."""

    name: str
    rows: list[tuple[int, list[str]]]
    notes: list[tuple[int, str]] = field(default_factory=list)
    #: All sheets of the workbook (empty for a CSV file).
    sheets: list[str] = field(default_factory=list)


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read ``path`` (``.xlsx`` or ``.csv``); raise :class:`TableInputError` if it cannot be."""
    path = Path(path)
    if not path.is_file():
        raise TableInputError(_("{path}: no such file").format(path=path))
    suffix = path.suffix.lower()
    head = path.read_bytes()[:8]
    if head.startswith(_OLE2):
        raise TableInputError(
            _(
                "{path}: this is a password-protected workbook or an old Excel (.xls) "
                "file; open it in Excel or LibreOffice, remove the password and save it "
                "as .xlsx or .csv"
            ).format(path=path)
        )
    if suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path, sheet)
    elif suffix in (".csv", ".txt", ".tsv"):
        if sheet:
            raise TableInputError(
                _("{path}: a CSV file has no sheets; leave out --sheet").format(path=path)
            )
        table = _read_csv(path)
    else:
        raise TableInputError(
            _("{path}: not a spreadsheet this command reads; save it as .xlsx or .csv").format(
                path=path
            )
        )
    if not any(any(cells) for _number, cells in table.rows):
        raise TableInputError(
            _("{path}: the sheet {name!r} is empty").format(path=path, name=table.name)
        )
    return table


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise TableInputError(
            _(
                "{path}: not a readable .xlsx workbook ({kind}); open it in Excel or "
                "LibreOffice and save it again as .xlsx or .csv"
            ).format(path=path, kind=type(error).__name__)
        ) from None
    try:
        if sheet is None:
            if len(book.sheetnames) > 1:
                names = ", ".join(repr(n) for n in book.sheetnames)
                sheet = book.sheetnames[0]
                first_note = _(
                    "the workbook has sheets {names}; read {sheet!r} (choose with --sheet)"
                ).format(names=names, sheet=sheet)
            else:
                sheet, first_note = book.sheetnames[0], ""
        elif sheet not in book.sheetnames:
            names = ", ".join(repr(n) for n in book.sheetnames)
            raise TableInputError(
                _("{path}: no sheet {sheet!r}; the sheets are {names}").format(
                    path=path, sheet=sheet, names=names
                )
            )
        else:
            first_note = ""
        worksheet = book[sheet]
        table = Table(sheet, [], sheets=list(book.sheetnames))
        if first_note:
            table.notes.append((0, first_note))
        for number, row in enumerate(worksheet.iter_rows(), 1):
            cells = []
            for cell in row:
                value = getattr(cell, "value", None)
                text = _cell_text(value)
                if isinstance(value, str) and value.startswith("="):
                    table.notes.append(
                        (
                            number,
                            _("a formula in column {value} was read as its text").format(
                                value=len(cells) + 1
                            ),
                        )
                    )
                cells.append(text)
            table.rows.append((number, _trim(cells)))
        for first, last in _merged_ranges(path, getattr(worksheet, "_worksheet_path", "")):
            row = int(re.sub(r"\D", "", first))
            table.notes.append(
                (
                    row,
                    _(
                        "merged cells {first}:{last}: only the first cell holds the value, the "
                        "others read as empty; unmerge them and fill in each row"
                    ).format(first=first, last=last),
                )
            )
        return table
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        if isinstance(error, TableInputError):
            raise
        raise TableInputError(
            _(
                "{path}: the workbook could not be read ({kind}: {error}); save it "
                "again as .xlsx or .csv"
            ).format(path=path, kind=type(error).__name__, error=error)
        ) from None
    finally:
        book.close()


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')


def _merged_ranges(path: Path, member: str) -> list[tuple[str, str]]:
    """Merged ranges of one sheet: the read-only reader does not report them, the XML does."""
    if not member:
        return []
    with zipfile.ZipFile(path) as archive:
        try:
            xml = archive.read(member.lstrip("/"))
        except KeyError:
            return []
    return [(a.decode(), b.decode()) for a, b in _MERGE.findall(xml)]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if not value.time() else value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _trim(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise TableInputError(
            _(
                "{path}: not a text CSV file (it holds binary data, or is saved as "
                "UTF-16); save it as CSV in UTF-8 or Windows-1251"
            ).format(path=path)
        )
    if raw.startswith(b"PK\x03\x04"):
        raise TableInputError(
            _("{path}: this is a workbook, not a CSV file; rename it to .xlsx").format(path=path)
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251", errors="replace")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = Table(path.name, [])
    try:
        for number, cells in enumerate(reader, 1):
            table.rows.append((number, _trim([cell.strip() for cell in cells])))
    except csv.Error as error:
        raise TableInputError(f"{path}: row {reader.line_num}: {error}") from None
    return table


def _delimiter(text: str) -> str:
    """``;`` (Russian Excel), ``,`` or tab: the one that splits most of the first rows into the
    same number of cells (a title line or a comma inside a quoted cell does not mislead it)."""
    sample = "\n".join(text.splitlines()[:40])
    best, best_score = ",", (-1, -1)
    for candidate in _DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=candidate) if r]
        except csv.Error:
            continue
        wide = [n for n in counts if n > 1]
        if not wide:
            continue
        modal = max(set(wide), key=wide.count)
        score = (wide.count(modal), modal)
        if score > best_score:
            best, best_score = candidate, score
    return best
