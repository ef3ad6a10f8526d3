"""``status.yml`` (free places today) and ``notices.yml``, checked like every other data file.

Both files change far more often than the entries, so they are kept apart: a shelter that
reports "full" changes one line of ``status.yml``, not its entry. They are read by the strict
loader, checked against their JSON Schemas and against the entries here, in the data stage, so
``validate`` and the build stop on the same problems, each with file, line and field.
Times are Minsk time, written ``YYYY-MM-DD HH:MM``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from pathlib import Path

from build_tools.messages import _

from . import schema
from .errors import Problem
from .model import Entry, Notice, Report, Text
from .yaml_loader import Document, load_file

STATUS = "status.yml"
NOTICES = "notices.yml"

#: Belarus keeps UTC+3 all year (no summer time since 2011); a fixed offset needs no tz data.
MINSK = _dt.timezone(_dt.timedelta(hours=3), "Europe/Minsk")
TIME_FORMAT = "%Y-%m-%d %H:%M"

#: Kinds of help where people stay overnight: only these have places to report.
PLACE_SERVICES = frozenset({"crisis-room", "shelter"})


def parse_minsk(text: str) -> _dt.datetime:
    """``2026-11-29 10:00`` (Minsk time) as an aware datetime; ValueError if not a real time."""
    return _dt.datetime.strptime(text, TIME_FORMAT).replace(tzinfo=MINSK)


def format_minsk(moment: _dt.datetime) -> str:
    return moment.astimezone(MINSK).strftime(TIME_FORMAT)


def now_minsk() -> _dt.datetime:
    return _dt.datetime.now(MINSK)


def has_places(entry: Entry) -> bool:
    """True for an entry whose kinds of help include a place to stay."""
    return any(s in PLACE_SERVICES for s in entry.services)


def status_problems(
    data_dir: Path,
    entries: Mapping[str, Entry],
    now: _dt.datetime,
    broken: frozenset[str] = frozenset(),
) -> tuple[dict[str, Report], list[Problem]]:
    """The reports of ``data_dir/status.yml`` (none when there is no such file) and its problems.

    ``broken`` are ids of entries that have errors of their own: their reports are not checked
    (the entry's own message says what to fix; "no such id" would mislead).
    """
    file = Path(data_dir) / STATUS
    if not file.is_file():
        return {}, []
    doc = _load(file, "status", _("list the reports in it, or delete the file"))
    reports: dict[str, Report] = {}
    if doc.data is None or any(p.is_error for p in doc.problems):
        return {}, doc.problems
    for entry_id, item in doc.data.items():
        if entry_id in broken:
            continue
        report = _report(doc, entry_id, item, entries, now)
        if report is not None:
            reports[entry_id] = report
    return reports, doc.problems


def _report(
    doc: Document,
    entry_id: str,
    item: dict,
    entries: Mapping[str, Entry],
    now: _dt.datetime,
) -> Report | None:
    entry = entries.get(entry_id)
    if entry is None:
        doc.problem(
            (entry_id,),
            _("no entry has the id `{entry_id}`").format(entry_id=entry_id),
            _("use the id of a crisis room or shelter (its file name without .yml)"),
            at_key=True,
        )
        return None
    if not has_places(entry):
        doc.problem(
            (entry_id,),
            _("`{entry_id}` is not a crisis room or shelter, so it has no places to report").format(
                entry_id=entry_id
            ),
            _("remove this line; free places are reported only for kinds of help {items}").format(
                items=", ".join(sorted(PLACE_SERVICES))
            ),
            at_key=True,
        )
        return None
    reported = _time(doc, (entry_id, "reported"), item["reported"], now)
    if item["state"] == "full" and "places" in item:
        doc.problem(
            (entry_id, "places"),
            _("a place that is full has no free places to count"),
            _("remove `places`, or set `state: free`"),
        )
        return None
    if reported is None:
        return None
    return Report(entry_id, item["state"], item.get("places"), reported)


def _time(doc: Document, path: tuple, text: str, now: _dt.datetime) -> _dt.datetime | None:
    try:
        moment = parse_minsk(text)
    except ValueError:
        doc.problem(
            path,
            _("`{text}` is not a real date and time").format(text=text),
            _("write YYYY-MM-DD HH:MM"),
        )
        return None
    if moment > now + _dt.timedelta(minutes=5):
        doc.problem(
            path,
            _("`{text}` is in the future (it is now {format_minsk} in Minsk)").format(
                text=text, format_minsk=format_minsk(now)
            ),
            _("write the time they reported, Minsk time"),
        )
        return None
    return moment


def notice_problems(
    data_dir: Path, entries: Mapping[str, Entry], broken: frozenset[str] = frozenset()
) -> tuple[tuple[Notice, ...], list[Problem]]:
    """The notices of ``data_dir/notices.yml`` (none when there is no such file) and problems."""
    file = Path(data_dir) / NOTICES
    if not file.is_file():
        return (), []
    doc = _load(file, "notices", _("list the notices in it, or delete the file"))
    if doc.data is None or any(p.is_error for p in doc.problems):
        return (), doc.problems
    notices = []
    for i, item in enumerate(doc.data):
        entry_id = item.get("entry")
        if entry_id in broken:
            continue
        if entry_id is not None and entry_id not in entries:
            doc.problem(
                (i, "entry"),
                _("no entry has the id `{entry_id}`").format(entry_id=entry_id),
                _(
                    "use an entry's id (its file name without .yml), or leave `entry` out "
                    "for a notice on every page"
                ),
            )
            continue
        times = []
        for key in ("start", "end"):
            try:
                times.append(parse_minsk(item[key]))
            except ValueError:
                doc.problem(
                    (i, key),
                    _("`{value}` is not a real date and time").format(value=item[key]),
                    _("write YYYY-MM-DD HH:MM"),
                )
        if len(times) != 2:
            continue
        start, end = times
        if end <= start:
            doc.problem(
                (i, "end"),
                _("the end ({value}) is not after the start ({value2})").format(
                    value=item["end"], value2=item["start"]
                ),
                _("the notice would never be shown: check both times"),
            )
            continue
        text = Text({k: v for k, v in item["text"].items() if v})
        notices.append(Notice(item["kind"], start, end, text, entry_id))
    return tuple(notices), doc.problems


def _load(file: Path, kind: str, empty_fix: str) -> Document:
    doc = load_file(file, str(file))
    if doc.problems:
        return doc
    if doc.data is None:
        doc.problem((), _("the file is empty"), empty_fix)
        return doc
    schema.check(doc, kind)
    return doc
