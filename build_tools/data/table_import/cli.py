"""``python -m build_tools import-table PATH``: the organisation's spreadsheet in, for review."""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``import-table`` to the command line."""
    parser = subparsers.add_parser(
        "import-table",
        help="turn a spreadsheet of places (.xlsx or .csv) into entries to review",
        description=(
            "Read a table of places (.xlsx, or .csv in UTF-8 or Windows-1251 separated by , ; "
            "or tab), find its header and recognise the columns by their headings, and write "
            "one YAML entry per row into a review folder, each `status: unconfirmed` with a "
            "to-do list in its header. Every row is accounted for in import-report.txt."
        ),
    )
    parser.add_argument("path", type=Path, help="the .xlsx or .csv file")
    parser.add_argument("--sheet", help="the sheet to read in a workbook (default: the first)")
    parser.add_argument(
        "--columns",
        type=Path,
        metavar="MAP.yml",
        help="headings this table uses, one per line: `Heading: field` (name, phones, …)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="where to write (default: <data>/review/); files go into <out>/<region>/<id>.yml",
    )
    parser.add_argument("--data", type=Path, help="the directory data folder (to match names)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from build_tools.paths import default_data_dir

    from . import TableInputError, import_table

    data_dir: Path = args.data or default_data_dir()
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
    print(
        f"\nRead {result.rows} row(s); wrote {len(result.files)} file(s) and import-report.txt "
        f"into {out_dir}/. Review each file (its header lists what to do), then move it into "
        "directory_data/entries/<folder>/ and run `python -m build_tools validate`."
    )
    return 0
