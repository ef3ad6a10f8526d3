"""``python -m build_tools import-table PATH``: the organisation's spreadsheet in, for review."""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

from build_tools.messages import _, ngettext


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``import-table`` to the command line."""
    parser = subparsers.add_parser(
        "import-table",
        help=_("turn a spreadsheet of places (.xlsx or .csv) into entries to review"),
        description=(
            _(
                "Read a table of places (.xlsx, or .csv in UTF-8 or Windows-1251 "
                "separated by , ; or tab), find its header and recognise the columns by "
                "their headings, and write one YAML entry per row into a review folder, "
                "each `status: unconfirmed` with a to-do list in its header. Every row "
                "is accounted for in import-report.txt."
            )
        ),
    )
    parser.add_argument("path", type=Path, help=_("the .xlsx or .csv file"))
    parser.add_argument("--sheet", help=_("the sheet to read in a workbook (default: the first)"))
    parser.add_argument(
        "--columns",
        type=Path,
        metavar="MAP.yml",
        help=_("headings this table uses, one per line: `Heading: field` (name, phones, …)"),
    )
    parser.add_argument(
        "--out",
        type=Path,
        help=_("where to write (default: <data>/review/); files go into <out>/<region>/<id>.yml"),
    )
    parser.add_argument("--data", type=Path, help=_("the directory data folder (to match names)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from build_tools.command_line import data_folder

    from . import TableInputError, import_table

    data_dir: Path = data_folder(args)
    out_dir: Path = args.out or data_dir / "review"
    try:
        result = import_table(
            args.path,
            out_dir,
            data_dir=data_dir,
            today=_dt.date.today(),
            sheet=args.sheet,
            columns=args.columns,
        )
    except TableInputError as error:
        print(f"import-table: {error}", file=sys.stderr)
        return 1
    print(result.report.text(), end="")
    read = ngettext("Read {n} row", "Read {n} rows", result.rows).format(n=result.rows)
    wrote = ngettext(
        "wrote {n} file and import-report.txt into {folder}/.",
        "wrote {n} files and import-report.txt into {folder}/.",
        len(result.files),
    ).format(n=len(result.files), folder=out_dir)
    review = _(
        "Review each file (its header lists what to do), then move it into "
        "directory_data/entries/<folder>/ and run `make validate`."
    )
    print(f"\n{read}; {wrote} {review}")
    return 0
