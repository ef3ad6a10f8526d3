"""``python -m build_tools import-hsds PATH``: partner data in, files for review out."""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

from build_tools.languages import LANGUAGES


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``import-hsds`` to the command line."""
    parser = subparsers.add_parser(
        "import-hsds",
        help="turn Open Referral HSDS data (1.1 or 3.0) into entries to review",
        description=(
            "Read an HSDS data package (a folder of CSV files with datapackage.json, HSDS 1.1 "
            "or 3.0; or an HSDS JSON file) and write one YAML entry per service into a review "
            "folder, with a to-do list in each file's header. Everything that could not be "
            "carried over is listed per file and row, on screen and in import-report.txt."
        ),
    )
    parser.add_argument("path", type=Path, help="the package folder or JSON file")
    parser.add_argument(
        "--out",
        type=Path,
        help="where to write (default: <data>/review/); files go into <out>/<region>/<id>.yml",
    )
    parser.add_argument("--data", type=Path, help="the directory data folder (to match names)")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="the language of the package's texts (default: what the package says, or a guess)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from build_tools.paths import default_data_dir

    from . import ImportInputError, import_hsds

    data_dir: Path = args.data or default_data_dir()
    out_dir: Path = args.out or data_dir / "review"
    try:
        result = import_hsds(
            args.path, out_dir, data_dir=data_dir, today=_dt.date.today(), lang=args.lang
        )
    except ImportInputError as error:
        print(f"import-hsds: {error}", file=sys.stderr)
        return 1
    print(result.report.text(), end="")
    print(
        f"\nWrote {len(result.files)} file(s) and import-report.txt into {out_dir}/. Review each "
        "file (its header lists what to do), then move it into directory_data/entries/<folder>/ "
        "and run `make validate`."
    )
    return 0
