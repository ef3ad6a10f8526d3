"""What every command shares: ``--lang`` and ``--data``, finding and checking the data, printing
the problems, the exit code.

:mod:`build_tools.cli` gives each command's parser the common arguments (:func:`add_common`)
and chooses the messages' language before the command runs (:func:`start`); a command then
asks :func:`data_folder` and :func:`checked_directory` instead of repeating "find the data,
validate, print problems, exit 1". This is a face: stages never import it.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from build_tools.languages import LANGUAGES
from build_tools.messages import (
    ENVIRONMENT_VARIABLE,
    UnknownLanguage,
    _,
    available_languages,
    checked_language,
    environment_language,
    use_language,
)

if TYPE_CHECKING:
    from build_tools.data.model import Directory

#: Exit codes: 0 done, 1 the data or the input has an error, 2 the command was misused.
OK, FAILED, MISUSED = 0, 1, 2


def _language_argument(value: str) -> str:
    try:
        return checked_language(value, origin="")
    except UnknownLanguage as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_common(parser: argparse.ArgumentParser) -> None:
    """``--lang`` and ``--data`` on a command that has not declared its own."""
    # A command's own --lang (a leaflet's language) chooses the messages too; its own --data stays.
    with contextlib.suppress(argparse.ArgumentError):
        parser.add_argument(
            "--lang",
            type=_language_argument,
            metavar="|".join(available_languages()),
            help=_(
                "the language of the messages (default: the variable {variable}, else Russian)"
            ).format(variable=ENVIRONMENT_VARIABLE),
        )
    with contextlib.suppress(argparse.ArgumentError):
        parser.add_argument(
            "--data", type=Path, help=_("the directory data folder (default: directory_data)")
        )


def start(args: argparse.Namespace) -> int | None:
    """Choose the messages' language; an exit code if the choice is wrong, else ``None``.

    A command whose ``--lang`` names something else (an import's source language) sets
    ``lang_is_messages=False``; its messages follow ``HELPDIR_LANG``.
    """
    given = getattr(args, "lang", None) if getattr(args, "lang_is_messages", True) else None
    if given and given in LANGUAGES and given not in available_languages():
        given = None  # a site language with no messages yet: they follow HELPDIR_LANG
    try:
        if given:
            use_language(given)
        elif environment_language():
            use_language(checked_language(environment_language() or "", ENVIRONMENT_VARIABLE))
        else:
            use_language(None)
    except UnknownLanguage as error:
        use_language(None)
        print(str(error), file=sys.stderr)
        return MISUSED
    return None


def data_folder(args: argparse.Namespace) -> Path:
    """The data folder a command was given (as an argument or ``--data``), else the default."""
    from build_tools.paths import default_data_dir

    given = getattr(args, "data_dir", None) or getattr(args, "data", None)
    return Path(given) if given else default_data_dir()


def missing_folder(data_dir: Path, stream: TextIO | None = None) -> int | None:
    """Say so and return the exit code when ``data_dir`` is not a folder; else ``None``."""
    if data_dir.is_dir():
        return None
    print(
        _("{folder}: no such folder — give the directory data folder, e.g. directory_data").format(
            folder=data_dir
        ),
        file=stream or sys.stdout,
    )
    return FAILED


def print_problems(problems: list, stream: TextIO | None = None) -> None:
    """Every problem, grouped by file, as ``validate`` shows them."""
    from build_tools.data.errors import format_problems

    if problems:
        print(format_problems(problems), file=stream or sys.stdout)


def checked_directory(
    data_dir: Path, nothing_made: str, *, stream: TextIO | None = None, **options: object
) -> Directory | None:
    """The checked directory, or ``None`` after printing its problems and ``nothing_made``
    (``"No report"``, already translated) with the count: the command then exits 1."""
    from build_tools.data.build import validate_directory
    from build_tools.data.errors import count_text

    if missing_folder(data_dir, stream) is not None:
        return None
    result = validate_directory(data_dir, **options)  # type: ignore[arg-type]
    if result.directory is None:
        print_problems(list(result.problems), stream)
        print(
            "\n"
            + _("{nothing_made}: the data has {count}.").format(
                nothing_made=nothing_made, count=count_text(result.problems)
            ),
            file=stream or sys.stdout,
        )
        return None
    return result.directory
