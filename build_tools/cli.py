"""``python -m build_tools <command>``: the editors' and CI's command line.

Each command lives in its own module that exposes ``register(subparsers)``; adding one is a
line in :data:`COMMAND_MODULES`. ``register`` should only declare arguments (import heavy
libraries inside the command's function), so ``--help`` and ``validate`` stay quick.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

#: Modules that add a sub-command, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "build_tools.data.validate_command",
    "build_tools.report",
    "build_tools.data.scaffold",
    "build_tools.data.hsds_import.cli",
    "build_tools.leaflets.cli",
)

#: The repository root, for defaults when the command runs from another folder.
REPO = Path(__file__).resolve().parents[1]


def default_data_dir() -> Path:
    """``directory_data`` of the current folder if there is one, else the repository's."""
    here = Path("directory_data")
    return here if here.is_dir() else REPO / "directory_data"


def default_content_dir(data_dir: Path) -> Path | None:
    """The ``content`` folder beside the data folder, when it exists."""
    content = Path(data_dir).parent / "content"
    return content if content.is_dir() else None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=".venv/bin/python -m build_tools",
        description="Tools for the help directory: check data, report, scaffold, build.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit code is the command's (1 on any error in the data)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
