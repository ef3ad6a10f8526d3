"""``python -m build_tools validate``: every problem in the data and the pages, in one run.

The same checks run in the build; this command is for editors, the pre-commit hook and CI,
and prints each problem as ``path:line:col: field: what is wrong — how to fix``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from build_tools.messages import _, ngettext

from .build import validate_directory
from .errors import count_text, format_problems
from .frontmatter import check_front_matter


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``validate`` to the command line."""
    parser = subparsers.add_parser(
        "validate",
        help=_("check the directory data and the pages' front matter (exit 1 on any error)"),
        description=_("Check directory_data/ and the pages' front matter; list every problem."),
    )
    parser.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        help=_("the directory data folder (default: directory_data)"),
    )
    parser.add_argument(
        "--content",
        type=Path,
        help=_(
            "the Markdown folder whose front matter to check (default: content/ beside the data)"
        ),
    )
    parser.add_argument(
        "--publish",
        action="store_true",
        help=_("judge as the publishing build does: `status: sample` entries are errors"),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from build_tools.command_line import data_folder, missing_folder
    from build_tools.paths import default_content_dir

    data_dir = data_folder(args)
    content_dir = args.content or default_content_dir(data_dir)
    missing = missing_folder(data_dir)
    if missing is not None:
        return missing
    result = validate_directory(data_dir, publish=args.publish)
    problems = list(result.problems)
    if content_dir is not None:
        problems += check_front_matter(content_dir)
    if problems:
        print(format_problems(problems))
        print()
    errors = sum(1 for p in problems if p.is_error)
    if result.directory is not None:
        directory = result.directory
        what = ", ".join(
            (
                ngettext("{n} entry", "{n} entries", len(directory.entries)).format(
                    n=len(directory.entries)
                ),
                ngettext("{n} region", "{n} regions", len(directory.regions)).format(
                    n=len(directory.regions)
                ),
                ngettext("{n} kind of help", "{n} kinds of help", len(directory.services)).format(
                    n=len(directory.services)
                ),
            )
        )
    else:
        what = str(data_dir)
    if errors:
        print(
            _("FAILED: {count} ({what}). Fix the errors above and run again.").format(
                count=count_text(problems), what=what
            )
        )
        return 1
    if problems:
        print(_("OK: {what}; {count}.").format(what=what, count=count_text(problems)))
    else:
        print(_("OK: {what}, no problems.").format(what=what))
    return 0
