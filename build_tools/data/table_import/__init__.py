"""``import-table``: the organisation's own spreadsheet (.xlsx, .csv) → entries for review.

It shares the review folder, the per-file to-do header and ``import-report.txt`` with
``import-hsds``. Every row of the sheet is accounted for in the report by its row number:
written (with the file), skipped (why), or a possible duplicate of an earlier row. Entries
are ``status: unconfirmed`` with the sheet as their ``source``, until somebody calls.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from build_tools.messages import N_, _

from ..hsds_import import _unique_ids
from ..hsds_import.known import Known
from ..hsds_import.mapping import ImportedEntry
from ..hsds_import.report import Report
from ..hsds_import.yaml_output import write_entries
from .columns import HEADER_SEARCH_ROWS, Synonyms, find_header
from .reading import Table, TableInputError, read_table
from .rows import RowResult, map_row
from .values import Places

__all__ = ["TableImportResult", "TableInputError", "import_table"]


class TableReport(Report):
    """The HSDS import's report, worded for the rows of a sheet."""

    WRITTEN = N_("Written: {entries}, by row of the sheet:")
    REST = N_("Rows not written, and notes on the sheet ({n}):")
    COMPLETE = N_("Every row of the sheet was written.")


@dataclass
class TableImportResult:
    entries: list[ImportedEntry]
    report: Report
    files: list[Path]
    rows: int


def import_table(
    path: Path,
    out_dir: Path,
    *,
    data_dir: Path | None = None,
    today: _dt.date | None = None,
    sheet: str | None = None,
    columns: Path | None = None,
) -> TableImportResult:
    """Read, map and write; raise :class:`TableInputError` when nothing could be read."""
    path = Path(path)
    today = today or _dt.date.today()
    try:
        synonyms = Synonyms.load(columns)
    except (ValueError, OSError) as error:
        raise TableInputError(str(error)) from None
    table = read_table(path, sheet)
    header = find_header(table.rows, synonyms)
    if header is None:
        where = _(" of the sheet {name!r}").format(name=table.name) if table.sheets else ""
        if len(table.sheets) > 1:
            names = ", ".join(repr(n) for n in table.sheets)
            where += _(" (the workbook's sheets are {names}: choose one with --sheet)").format(
                names=names
            )
        raise TableInputError(
            _(
                "{path}: no header row in the first {HEADER_SEARCH_ROWS} rows{where}: "
                "one row must name the columns, with at least a name column (Название, "
                "Организация, Name) and one more (Телефон, Область, Адрес…); add your "
                "headings to build_tools/data/table_import/columns.yml or map them with "
                "--columns MAP.yml"
            ).format(path=path, HEADER_SEARCH_ROWS=HEADER_SEARCH_ROWS, where=where)
        )
    known = Known.from_data_dir(data_dir)
    report = TableReport()
    where = path.name if table.name == path.name else f"{path.name}[{table.name}]"
    for row, message in table.notes:
        report.note(f"{where}:{row}", message)
    for index, heading in header.unknown.items():
        report.note(
            f"{where}:{header.row}",
            _(
                "column {value} `{heading}` is not a known heading: its values were not "
                "imported (add the heading to columns.yml, or map it with --columns)"
            ).format(value=index + 1, heading=heading),
        )
    flagged: dict[str, str] = {}
    entries, rows = _map_rows(
        table, header.row, header.fields, known, where, path, today, report, flagged
    )
    _unique_ids(entries, known)
    files = write_entries(
        entries, out_dir, source=str(path), today=today, header=lambda e: _header(e, path, today)
    )
    for entry, file in zip(entries, files, strict=True):
        written = file.relative_to(out_dir).as_posix()
        flag = f"; {flagged[entry.source]}" if entry.source in flagged else ""
        report.imported.append(
            _("{source}: written to {written}{flag}").format(
                source=entry.source, written=written, flag=flag
            )
        )
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    (Path(out_dir) / "import-report.txt").write_text(report.text(), encoding="utf-8")
    return TableImportResult(entries, report, files, rows)


def _map_rows(
    table: Table,
    header_row: int,
    fields: dict[int, str],
    known: Known,
    where: str,
    path: Path,
    today: _dt.date,
    report: Report,
    flagged: dict[str, str],
) -> tuple[list[ImportedEntry], int]:
    places = Places.from_known(known)
    entries: list[ImportedEntry] = []
    by_phone: dict[tuple[str, str], int] = {}
    by_name: dict[tuple[str, str | None], int] = {}
    count = 0
    for number, cells in table.rows:
        if number <= header_row:
            if number < header_row and any(cells):
                report.note(f"{where}:{number}", _("above the header: not a row of data"))
            continue
        count += 1
        at = f"{where}:{number}"
        values = {
            name: cells[index].strip()
            for index, name in fields.items()
            if index < len(cells) and cells[index].strip()
        }
        if not any(cell.strip() for cell in cells):
            report.note(at, _("skipped: empty row"))
            continue
        result = map_row(values, known=known, places=places, source=path.name, today=today)
        if result.skipped:
            report.note(at, f"skipped: {result.skipped}")
            continue
        duplicate = _duplicate(result, number, by_phone, by_name)
        if duplicate and duplicate[2]:
            report.note(
                at,
                _("skipped: possible duplicate of row {row} ({reason})").format(
                    row=duplicate[0], reason=duplicate[1]
                ),
            )
            continue
        entry = _entry(result, at)
        if duplicate:
            flagged[at] = _("possible duplicate of row {row} ({reason})").format(
                row=duplicate[0], reason=duplicate[1]
            )
            entry.todo.insert(
                0,
                _("{value}: keep one of the two files, or make them differ").format(
                    value=flagged[at]
                ),
            )
        entries.append(entry)
    return entries, count


def _duplicate(
    result: RowResult,
    number: int,
    by_phone: dict[tuple[str, str], int],
    by_name: dict[tuple[str, str | None], int],
) -> tuple[int, str, bool] | None:
    """An earlier row this one may repeat: ``(row, why, skip)``, the first row wins.

    The same phone or the same name in the same place is skipped; the same name elsewhere
    ("Кризисная комната" in two towns) is written and flagged.
    """
    place = str(result.data.get("locality") or result.data.get("region") or "")
    for phone in sorted(result.phone_keys):
        if (place, phone) in by_phone:
            return by_phone[(place, phone)], _("the same phone in the same place"), True
    if (result.name_key, place) in by_name:
        return by_name[(result.name_key, place)], _("the same name in the same place"), True
    for phone in result.phone_keys:
        by_phone.setdefault((place, phone), number)
    first = by_name.get((result.name_key, None))  # the first row of this name, anywhere
    by_name[(result.name_key, place)] = number
    if first is not None:
        return first, _("the same name"), False
    by_name[(result.name_key, None)] = number
    return None


def _entry(result: RowResult, at: str) -> ImportedEntry:
    entry = ImportedEntry(result.data, service_uuid="", source=at)
    entry.todo.extend(_one_line(item) for item in result.todo)
    entry.notes.extend(_one_line(item) for item in result.notes)
    return entry


def _one_line(text: str) -> str:
    """A to-do quotes cells; a line break in one must not end the YAML comment it sits in."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _header(entry: ImportedEntry, path: Path, today: _dt.date) -> list[str]:
    return [
        _("Imported from the table {name} on {day} ({source}).").format(
            name=path.name, day=today.isoformat(), source=entry.source
        ),
        *_(
            "Nobody has confirmed these details by phone yet (status: unconfirmed). Check every\n"
            "value against the table, then move this file into directory_data/entries/<folder>/."
        ).split("\n"),
        _("After a call that confirms it: python -m build_tools verify <id>"),
    ]
