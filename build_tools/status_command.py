"""``python -m build_tools status ID free|full|clear [--places N] [--at TIME]``.

Whoever takes the morning call from a crisis room records what it said in one command; only
that entry's line of ``status.yml`` changes (the rest of the file, comments included, stays as
written), so the change is one readable line in the history. The new file is checked with the
build's own validation; if that finds a problem in it, the old file is put back and the problem
is shown with file, line and field. ``--json`` also writes the site's ``data/status.json``
from the checked data, so the change can be published as that one file.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from build_tools.data.availability import STATUS, format_minsk, now_minsk, parse_minsk
from build_tools.messages import _

HEADER = (
    "# yaml-language-server: $schema=schema/status.schema.json\n"
    "# Free places today, one line per crisis room or shelter (Minsk time).\n"
    "# Written by `python -m build_tools status ID free|full|clear`; see docs/data-format.md.\n"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "status",
        help=_("record free places today for a crisis room or shelter"),
        description=_(
            "Record what a crisis room or shelter reported: free places, full, or "
            "nothing known (clear). Changes that entry's line in status.yml only."
        ),
    )
    parser.add_argument("id", help=_("the entry's id (its file name without .yml)"))
    parser.add_argument("state", choices=("free", "full", "clear"))
    parser.add_argument("--places", type=int, help=_("how many places are free (with `free`)"))
    parser.add_argument(
        "--at", help=_("when they reported, Minsk time, YYYY-MM-DD HH:MM (default: now)")
    )
    parser.add_argument("--data-dir", type=Path, default=None, help=_("the directory_data folder"))
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        help=_(
            "also write the site's status file here (such as site/data/status.json), "
            "to publish the change without rebuilding the site"
        ),
    )
    parser.set_defaults(func=run)


def status_line(entry_id: str, state: str, places: int | None, reported: str) -> str:
    """The one line that holds an entry's report."""
    fields = [f"state: {state}"]
    if places is not None:
        fields.append(f"places: {places}")
    fields.append(f"reported: {reported}")
    return f"{entry_id}: {{{', '.join(fields)}}}\n"


def replace_block(text: str, entry_id: str, line: str | None) -> str:
    """``text`` with the top-level block of ``entry_id`` replaced by ``line`` (or removed).

    A block is the line ``<id>:`` and the indented lines under it; an entry without one gets
    its line at the end of the file.
    """
    lines = text.splitlines(keepends=True)
    key = re.compile(rf"^{re.escape(entry_id)}\s*:(\s|$)")
    out: list[str] = []
    i, done = 0, False
    while i < len(lines):
        if not done and key.match(lines[i]):
            i += 1
            while i < len(lines) and lines[i][:1] in (" ", "\t"):
                i += 1
            if line is not None:
                out.append(line)
            done = True
            continue
        out.append(lines[i])
        i += 1
    if not done and line is not None:
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n"
        out.append(line)
    return "".join(out)


def run(args: argparse.Namespace) -> int:
    from build_tools.command_line import data_folder
    from build_tools.data.build import validate_directory
    from build_tools.data.errors import format_problems

    data_dir = data_folder(args)
    file = data_dir / STATUS
    if args.state != "free" and args.places is not None:
        print(
            _(
                "{file}: --places goes only with `free` (a full or unknown place has no count)."
            ).format(file=file)
        )
        return 1
    if args.places is not None and args.places < 1:
        print(
            _("{file}: --places must be at least 1; with no free place, record `full`.").format(
                file=file
            )
        )
        return 1
    now = now_minsk()
    if args.at:
        try:
            reported = format_minsk(parse_minsk(args.at.strip()))
        except ValueError:
            print(
                _("--at `{at}`: write the time as YYYY-MM-DD HH:MM, Minsk time.").format(at=args.at)
            )
            return 1
    else:
        reported = format_minsk(now)
    old = file.read_text(encoding="utf-8") if file.is_file() else None
    line = None
    if args.state != "clear":
        line = status_line(args.id, args.state, args.places, reported)
    elif old is None or not _has_block(old, args.id):
        print(_("{file}: `{id}` has no report; nothing to clear.").format(file=file, id=args.id))
        return 0
    new = replace_block(old if old is not None else HEADER, args.id, line)
    file.write_text(new, encoding="utf-8")
    result = validate_directory(data_dir, now=now)
    own = [p for p in result.errors if Path(p.path) == file]
    if own:
        if old is None:
            file.unlink()
        else:
            file.write_text(old, encoding="utf-8")
        print(_("status.yml was not changed:\n") + format_problems(own))
        return 1
    if args.state == "clear":
        print(
            _("{file}: {id}: report removed; it now shows as unknown (call to ask).").format(
                file=file, id=args.id
            )
        )
    else:
        count = f" ({args.places})" if args.places else ""
        said = _("places free") if args.state == "free" else _("full")
        print(
            _("{file}: {id}: {said}{count}, as of {reported} Minsk time.").format(
                file=file, id=args.id, said=said, count=count, reported=reported
            )
        )
    if result.errors or result.directory is None:
        print(
            _("Other problems in the directory stop the build:\n") + format_problems(result.errors)
        )
        return 1
    if args.json:
        from build_tools.feeds.common import write_json
        from build_tools.feeds.status import status_feed

        write_json(args.json, status_feed(result.directory))
        print(
            _("{json}: written; upload this one file to publish the change.").format(json=args.json)
        )
    return 0


def _has_block(text: str, entry_id: str) -> bool:
    return replace_block(text, entry_id, None) != text
