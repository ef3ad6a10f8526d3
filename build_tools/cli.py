"""``python -m build_tools <command>``: the editors' and CI's command line.

Each command lives in its own module that exposes ``register(subparsers)``; adding one is a
line in :data:`COMMAND_MODULES`. ``register`` should only declare arguments (import heavy
libraries inside the command's function), so ``--help`` and ``validate`` stay quick. Every
command gets the common arguments (``--lang``, ``--data``) and its messages' language from
:mod:`build_tools.command_line`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

from build_tools import command_line
from build_tools.messages import UnknownLanguage, _, use_language

#: Modules that add a sub-command, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "build_tools.data.validate_command",
    "build_tools.report",
    "build_tools.data.scaffold",
    "build_tools.status_command",
    "build_tools.data.hsds_import.cli",
    "build_tools.leaflets.cli",
    "build_tools.data.table_import.cli",
    "build_tools.confirm.call_list",
    "build_tools.confirm.verify",
    "build_tools.bot.command",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=".venv/bin/python -m build_tools",
        description=_("Tools for the help directory: check data, report, scaffold, build."),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    for command in subparsers.choices.values():
        command_line.add_common(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit code is the command's (1 on any error in the data)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _early_language(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    refused = command_line.start(args)
    if refused is not None:
        return refused
    return int(args.func(args) or 0)


def _early_language(argv: list[str]) -> None:
    """The help texts are put into words when the parser is built, before the arguments are
    read: a ``--lang`` that has messages is taken now, else ``HELPDIR_LANG``, else Russian.
    ``command_line.start`` makes the final choice (and refuses a wrong one) afterwards."""
    use_language(None)
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value:
            with contextlib.suppress(UnknownLanguage):
                use_language(value)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
