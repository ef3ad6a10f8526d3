"""``python -m build_tools verify ID``: record that a volunteer confirmed an entry by phone.

Editors keep comments, key order and quoting in their files, and reviews read diffs: so the
file is edited as text, line by line, and only the ``verified:`` line and a ``status:
unconfirmed`` line change. Everything else stays byte for byte.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from pathlib import Path

from build_tools.messages import _

_VERIFIED = re.compile(r"^verified:[ \t]*[^#\r\n]*?(?P<rest>[ \t]+#[^\r\n]*)?(?P<eol>\r?\n?)$")
_STATUS = re.compile(
    r"^status:[ \t]*(?P<q>[\"']?)unconfirmed(?P=q)(?P<rest>[ \t]+#[^\r\n]*)?(?P<eol>\r?\n?)$"
)


class VerifyError(ValueError):
    """The entry cannot be stamped; the message says why and what to do."""


def find_entry_file(data_dir: Path, entry_id: str) -> Path:
    """``entries/**/<id>.yml``: the file name is the id, so the search is by name."""
    matches = sorted((Path(data_dir) / "entries").rglob(f"{entry_id}.yml"))
    if not matches:
        raise VerifyError(
            _(
                "no entry `{entry_id}` in {value}: check the id (it is the file's name "
                "without .yml)"
            ).format(entry_id=entry_id, value=Path(data_dir) / "entries")
        )
    if len(matches) > 1:
        names = ", ".join(str(m) for m in matches)
        raise VerifyError(
            _("the id `{entry_id}` is used by more than one file: {names}").format(
                entry_id=entry_id, names=names
            )
        )
    return matches[0]


def stamp(text: str, day: _dt.date) -> str:
    """The file's text with ``verified: <day>`` and ``status: active`` instead of unconfirmed.

    An existing ``verified:`` line is replaced in place (its comment kept); without one, the
    line is added at the end of the file. Other lines are returned unchanged.
    """
    lines = text.splitlines(keepends=True)
    found = False
    for i, line in enumerate(lines):
        status = _STATUS.match(line)
        if status:
            lines[i] = f"status: active{status['rest'] or ''}{status['eol']}"
            continue
        verified = _VERIFIED.match(line)
        if verified:
            lines[i] = f"verified: {day.isoformat()}{verified['rest'] or ''}{verified['eol']}"
            found = True
    if not found:
        newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        lines.append(f"verified: {day.isoformat()}{newline}")
    return "".join(lines)


def verify_entry(data_dir: Path, entry_id: str, day: _dt.date) -> Path:
    """Stamp the entry's file; refuse a date in the future and a sample entry."""
    if day > _dt.date.today():
        raise VerifyError(
            _("the date {date} is in the future: give the day of the call").format(
                date=day.isoformat()
            )
        )
    file = find_entry_file(data_dir, entry_id)
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise VerifyError(
            _("{file}: not UTF-8 text ({reason}); save it as UTF-8").format(
                file=file, reason=error.reason
            )
        ) from None
    if any(re.match(r"^status:[ \t]*[\"']?sample", line) for line in text.splitlines()):
        raise VerifyError(
            _("{file}: a sample entry is not a real place and cannot be confirmed by phone").format(
                file=file
            )
        )
    file.write_bytes(stamp(text, day).encode("utf-8"))
    return file


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``verify`` to the command line."""
    parser = subparsers.add_parser(
        "verify",
        help=_("record that an entry was confirmed by phone (stamps `verified:`)"),
        description=(
            _(
                "After a call that confirmed an entry's details: write today's date (or "
                "--date) into its `verified:` line and change `status: unconfirmed` to "
                "`status: active`. Nothing else in the file changes."
            )
        ),
    )
    parser.add_argument("entry_id", metavar="ID", help=_("the entry's id (its file name)"))
    parser.add_argument("--date", help=_("the day of the call, YYYY-MM-DD (default: today)"))
    parser.add_argument("--data", type=Path, help=_("the directory data folder"))
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from build_tools.command_line import data_folder

    try:
        day = _dt.date.fromisoformat(args.date) if args.date else _dt.date.today()
    except ValueError:
        print(
            _("verify: `{date}` is not a date; write it as YYYY-MM-DD").format(date=args.date),
            file=sys.stderr,
        )
        return 1
    data_dir = data_folder(args)
    try:
        file = verify_entry(data_dir, args.entry_id, day)
    except (VerifyError, OSError) as error:
        print(f"verify: {error}", file=sys.stderr)
        return 1
    print(
        _("{file}: verified {date}. Run `python -m build_tools validate`, then commit.").format(
            file=file, date=day.isoformat()
        )
    )
    return 0
