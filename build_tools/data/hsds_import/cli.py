"""``python -m build_tools import-hsds PATH``: partner data in, files for review out."""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

from build_tools.languages import LANGUAGES
from build_tools.messages import _, ngettext


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``import-hsds`` to the command line."""
    parser = subparsers.add_parser(
        "import-hsds",
        help=_("turn Open Referral HSDS data (1.1 or 3.0) into entries to review"),
        description=(
            _(
                "Read an HSDS data package (a folder of CSV files with datapackage.json, "
                "HSDS 1.1 or 3.0; or an HSDS JSON file) and write one YAML entry per "
                "service into a review folder, with a to-do list in each file's header. "
                "Everything that could not be carried over is listed per file and row, "
                "on screen and in import-report.txt."
            )
        ),
    )
    parser.add_argument("path", type=Path, help=_("the package folder or JSON file"))
    parser.add_argument(
        "--out",
        type=Path,
        help=_("where to write (default: <data>/review/); files go into <out>/<region>/<id>.yml"),
    )
    parser.add_argument("--data", type=Path, help=_("the directory data folder (to match names)"))
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("the language of the package's texts (default: what the package says, or a guess)"),
    )
    # --lang names the package's language here: the messages follow HELPDIR_LANG.
    parser.set_defaults(func=run, lang_is_messages=False)


def run(args: argparse.Namespace) -> int:
    from build_tools.command_line import data_folder

    from . import ImportInputError, import_hsds

    data_dir: Path = data_folder(args)
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
        "\n"
        + ngettext(
            "Wrote {n} file and import-report.txt into {folder}/.",
            "Wrote {n} files and import-report.txt into {folder}/.",
            len(result.files),
        ).format(n=len(result.files), folder=out_dir)
        + " "
        + _(
            "Review each file (its header lists what to do), then move it into "
            "directory_data/entries/<folder>/ and run `make validate`."
        )
    )
    return 0
