"""``python -m build_tools validate``: every problem in the data and the pages, in one run.

The same checks run in the build; this command is for editors, the pre-commit hook and CI,
and prints each problem as ``path:line:col: field: what is wrong — how to fix``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .build import validate_directory
from .errors import count_text, format_problems
from .frontmatter import check_front_matter


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``validate`` to the command line."""
    parser = subparsers.add_parser(
        "validate",
        help="check the directory data and the pages' front matter (exit 1 on any error)",
        description="Check directory_data/ and the pages' front matter; list every problem.",
    )
    parser.add_argument(
        "data_dir", nargs="?", type=Path, help="the directory data folder (default: directory_data)"
    )
    parser.add_argument(
        "--content",
        type=Path,
        help="the Markdown folder whose front matter to check (default: content/ beside the data)",
    )
    parser.add_argument(
        "--publish",
        action="store_true",
        help="judge as the publishing build does: `status: sample` entries are errors",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from build_tools.paths import default_content_dir, default_data_dir

    data_dir = args.data_dir or default_data_dir()
    content_dir = args.content or default_content_dir(data_dir)
    if not data_dir.is_dir():
        print(f"{data_dir}: no such folder — give the directory data folder, e.g. directory_data")
        return 1
    result = validate_directory(data_dir, publish=args.publish)
    problems = list(result.problems)
    if content_dir is not None:
        problems += check_front_matter(content_dir)
    if problems:
        print(format_problems(problems))
        print()
    errors = sum(1 for p in problems if p.is_error)
    if result.directory is not None:
        what = (
            f"{len(result.directory.entries)} entries, {len(result.directory.regions)} regions, "
            f"{len(result.directory.services)} kinds of help"
        )
    else:
        what = str(data_dir)
    if errors:
        print(f"FAILED: {count_text(problems)} ({what}). Fix the errors above and run again.")
        return 1
    tail = f"; {count_text(problems)}" if problems else ", no problems"
    print(f"OK: {what}{tail}.")
    return 0
