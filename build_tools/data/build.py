"""From ``directory_data/`` to the typed :class:`Directory`, with every problem in one run.

``validate_directory`` never stops at the first problem: it loads every file, checks each
against its schema and the cross-references, and returns the model only when there is no
error. ``load_directory`` is the same for callers that want an exception (the build).
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from build_tools.messages import _, language
from build_tools.safety.inside import LINK_FIX, outside_reason

from . import schema
from .availability import notice_problems, now_minsk, status_problems
from .entry_checks import References, check_entry
from .errors import WARNING, DataError, Problem
from .guide import guide_problems
from .model import Directory, Entry, Locality, Region, Service, Text
from .organisation import FILE_NAME as ORGANISATION_FILE
from .organisation import Organisation, load_organisation
from .population import load_population
from .text_checks import check_confidential_text, check_texts
from .yaml_loader import Document, load_file

ENTRIES = "entries"


@dataclass
class ValidationResult:
    """The model (None when there is any error) and every problem found, warnings included."""

    directory: Directory | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def load_directory(
    data_dir: Path,
    *,
    today: _dt.date | None = None,
    publish: bool = False,
    now: _dt.datetime | None = None,
) -> Directory:
    """The validated model; raises :class:`DataError` listing all problems if any is an error.

    ``publish`` makes ``status: sample`` entries errors, as the publishing build requires.
    """
    result = validate_directory(data_dir, today=today, publish=publish, now=now)
    if result.directory is None:
        raise DataError(result.problems)
    return result.directory


def validate_directory(
    data_dir: Path,
    *,
    today: _dt.date | None = None,
    publish: bool = False,
    now: _dt.datetime | None = None,
) -> ValidationResult:
    """Check everything under ``data_dir``; problem paths start with ``data_dir`` as given.

    ``now`` (Minsk time) is what a report in ``status.yml`` may not be later than.
    """
    with _without_gc_pauses():
        return _validate(Path(data_dir), today or _dt.date.today(), publish, now or now_minsk())


@contextmanager
def _without_gc_pauses() -> Iterator[None]:
    """Loading builds many small acyclic objects; the cycle collector would rescan them over and
    over (a quarter of the run) while finding nothing, so it pauses until the load is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _validate(
    data_dir: Path, today: _dt.date, publish: bool, now: _dt.datetime
) -> ValidationResult:
    problems: list[Problem] = []

    regions_doc = _load_list(data_dir, "regions.yml", "regions", problems)
    services_doc = _load_list(data_dir, "services.yml", "services", problems)
    regions, refs = _regions(regions_doc)
    services = _services(services_doc, refs)

    entries: list[Entry] = []
    # What the checks of one file depend on besides the file itself.
    context = (repr((regions, refs)), today, publish, language())
    entry_docs = [
        _read_entry(file, source, data_dir, refs, context)
        for file, source in _entry_files(data_dir, problems)
    ]
    _check_ids(entry_docs)

    organisation = None
    if (data_dir / ORGANISATION_FILE).exists():
        organisation, found = load_organisation(data_dir)
        problems.extend(found)
    if organisation is not None:
        for doc, entry in entry_docs:
            if entry is not None:
                _check_hotline_hours(doc, entry, organisation)

    for doc in (regions_doc, services_doc):
        problems.extend(doc.problems)
    for doc, entry in entry_docs:
        problems.extend(doc.problems)
        if entry is not None:
            entries.append(entry)

    _guide_problems, guide = guide_problems(data_dir, (s.id for s in services))
    problems.extend(guide)
    by_id = {e.id: e for e in entries}
    broken = frozenset(
        doc.data["id"]
        for doc, entry in entry_docs
        if entry is None and isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str)
    )
    reports, found = status_problems(data_dir, by_id, now, broken)
    problems.extend(found)
    notices, found = notice_problems(data_dir, by_id, broken)
    problems.extend(found)
    population, found = load_population(data_dir, (r.id for r in regions))
    problems.extend(found)
    if any(p.is_error for p in problems):
        return ValidationResult(None, problems)
    directory = Directory(
        regions=tuple(regions),
        services=tuple(services),
        entries=tuple(entries),
        reports=MappingProxyType(reports),
        notices=notices,
        organisation=organisation,
        population=population,
    )
    return ValidationResult(directory, problems)


@dataclass(frozen=True)
class _Read:
    """One entry file as read and checked on its own, and what that depended on."""

    content: bytes
    context: tuple[Any, ...]
    doc: Document
    entry: Entry | None
    problems: tuple[Problem, ...]


#: Entry files read in this process, by path: the live preview validates the whole directory
#: after every save, and only the saved file needs reading and checking again.
_READ: dict[str, _Read] = {}


def _read_entry(
    file: Path, source: str, data_dir: Path, refs: References, context: tuple[Any, ...]
) -> tuple[Document, Entry | None]:
    """The file's document and entry, with the problems found in the file alone.

    A file whose bytes are what they were when it was last parsed, in the same context
    (regions, kinds of help, day, publishing, message language), is not parsed and checked
    again: its problems are put back as they were (the checks across files add theirs later).
    The bytes are compared, not the file's times: two saves within one tick of the file
    system's clock would leave the times unchanged.
    """
    path = str(data_dir / source)
    try:
        content: bytes | None = file.read_bytes()
    except OSError:
        content = None  # load_file says why it cannot be read
    kept = _READ.get(path)
    if (
        content is not None
        and kept is not None
        and kept.content == content
        and kept.context == context
    ):
        kept.doc.problems[:] = kept.problems
        return kept.doc, kept.entry
    doc = load_file(file, path)
    _check_schema_line(doc, "entry", source.count("/"))
    if doc.data is None and doc.readable and not any(p.is_error for p in doc.problems):
        doc.problem(
            (),
            _("the file is empty: it holds no entry"),
            _("write the entry, or delete the file"),
        )
    elif doc.data is not None:
        schema.check(doc, "entry")
        check_texts(doc, doc.data)
        if isinstance(doc.data, dict):
            check_confidential_text(doc, doc.data)
    today, publish = context[1], context[2]
    entry = check_entry(
        doc,
        refs,
        stem=file.name.removesuffix(".yml"),
        file=source,
        today=today,
        publish=publish,
    )
    if content is not None:
        _READ[path] = _Read(content, context, doc, entry, tuple(doc.problems))
    return doc, entry


def _load_list(data_dir: Path, name: str, kind: str, problems: list[Problem]) -> Document:
    file = data_dir / name
    refused = _outside_problem(file, data_dir)
    if refused is not None:
        doc = Document(str(file), data=[])
        doc.problems.append(refused)
        return doc
    doc = load_file(file, str(file))
    if not file.is_file():
        doc.problems[:] = [
            Problem(
                str(file),
                1,
                1,
                "",
                _("{name} is missing").format(name=name),
                _("create {name} in {data_dir}").format(name=name, data_dir=data_dir),
            )
        ]
        doc.data = []
        return doc
    _check_schema_line(doc, kind, 0)
    if doc.data is None and doc.readable and not any(p.is_error for p in doc.problems):
        doc.problem((), _("the file is empty"), _("list the {kind} in it").format(kind=kind))
    elif doc.data is not None:
        schema.check(doc, kind)
        check_texts(doc, doc.data)
    return doc


SCHEMA_COMMENT = "# yaml-language-server: $schema="


def _check_schema_line(doc: Document, kind: str, depth: int) -> None:
    """Warn when the first line does not name the schema: the editor would not check the file."""
    if not doc.readable:
        return  # the file could not be read as text: its first line is unknown
    line = doc.first_line.strip()
    if line.startswith(SCHEMA_COMMENT) and line.endswith(f"schema/{kind}.schema.json"):
        return
    relative = "../" * depth + f"schema/{kind}.schema.json"
    doc.problems.append(
        Problem(
            doc.path,
            1,
            1,
            "",
            _("the first line does not name the schema, so editors' tools cannot check this file"),
            _("make the first line `{SCHEMA_COMMENT}{relative}`").format(
                SCHEMA_COMMENT=SCHEMA_COMMENT, relative=relative
            ),
            WARNING,
        )
    )


def _entry_files(data_dir: Path, problems: list[Problem]) -> list[tuple[Path, str]]:
    """``(file, path relative to data_dir)`` of every entry file, in path order."""
    root = data_dir / ENTRIES
    if not root.is_dir():
        return []
    files = []
    for file, link in _paths_below(root, data_dir):
        if link:
            refused = _outside_problem(file, data_dir)
            if refused is not None:
                problems.append(refused)
                continue
        if not file.is_file():
            continue
        source = file.relative_to(data_dir).as_posix()
        if file.name.startswith("."):
            if file.name.lower().endswith((".yml", ".yaml")):
                problems.append(
                    Problem(
                        str(data_dir / source),
                        1,
                        1,
                        "",
                        _("file names starting with `.` are hidden; this one is skipped"),
                        _(
                            "if it is an entry, rename it to `<id>.yml` (its id and a `.yml` "
                            "ending)"
                        ),
                        WARNING,
                    )
                )
            continue
        if file.suffix == ".yml":
            files.append((file, source))
        elif file.suffix.lower() in (".yml", ".yaml") and file.suffix != ".yaml":
            problems.append(
                Problem(
                    str(data_dir / source),
                    1,
                    1,
                    "",
                    _("entry files end in `.yml` (small letters); `{suffix}` is skipped").format(
                        suffix=file.suffix
                    ),
                    _("rename it to `{stem}.yml`").format(stem=file.stem),
                    WARNING,
                )
            )
        elif file.suffix == ".yaml":
            problems.append(
                Problem(
                    str(data_dir / source),
                    1,
                    1,
                    "",
                    _("entry files end in `.yml`; this one is skipped"),
                    _("rename it to `{stem}.yml`").format(stem=file.stem),
                )
            )
    return files


def _paths_below(root: Path, data_dir: Path) -> list[tuple[Path, bool]]:
    """Every path below ``root`` in path order, and whether it must be checked as a possible
    link: a walk that never follows links reaches the other files only through real folders,
    so only the links it meets (and everything, when ``root`` itself is refused) need
    :func:`outside_reason`, which resolves the path (slow, for thousands of files)."""
    if outside_reason(root, data_dir) is not None:
        return [(path, True) for path in sorted(root.rglob("*"))]
    found = []
    for top, folders, names in os.walk(root):
        here = Path(top)
        for name in folders + names:
            path = here / name
            found.append((path, path.is_symlink()))
    return sorted(found)


def _outside_problem(file: Path, data_dir: Path) -> Problem | None:
    """A symbolic link, or a path leading outside the data folder, is refused unread: what it
    points to (``/etc/passwd``) must reach neither the site nor a message."""
    reason = outside_reason(file, data_dir)
    if reason is None:
        return None
    return Problem(
        str(file),
        1,
        1,
        "",
        _("not read: {reason} (only files inside {data_dir} are read)").format(
            reason=reason, data_dir=data_dir
        ),
        _(LINK_FIX),
    )


def _items(doc: Document) -> list[tuple[int, dict[str, Any]]]:
    data = doc.data if isinstance(doc.data, list) else []
    return [(i, item) for i, item in enumerate(data) if isinstance(item, dict)]


def _text(value: Any) -> Text:
    if not isinstance(value, dict):
        return Text()
    return Text({k: v for k, v in value.items() if isinstance(v, str) and v})


def _regions(doc: Document) -> tuple[list[Region], References]:
    refs = References()
    regions: list[Region] = []
    for i, item in _items(doc):
        region_id = item.get("id")
        if not isinstance(region_id, str):
            continue
        if region_id in refs.localities:
            doc.problem(
                (i, "id"),
                _("the region `{region_id}` is listed twice").format(region_id=region_id),
                _("keep one of them (merge their towns)"),
            )
            continue
        refs.localities[region_id] = set()
        localities: list[Locality] = []
        items = item.get("localities") if isinstance(item.get("localities"), list) else []
        for j, town in enumerate(items):
            town_id = town.get("id") if isinstance(town, dict) else None
            if not isinstance(town_id, str):
                continue
            if town_id in refs.locality_region:
                doc.problem(
                    (i, "localities", j, "id"),
                    _("the town id `{town_id}` is already used in `{value}`").format(
                        town_id=town_id, value=refs.locality_region[town_id]
                    ),
                    _("town ids are unique across all regions: give this one a distinct id"),
                )
                continue
            refs.locality_region[town_id] = region_id
            refs.localities[region_id].add(town_id)
            localities.append(Locality(town_id, region_id, _text(town.get("name"))))
        regions.append(Region(region_id, _text(item.get("name")), tuple(localities)))
    return regions, refs


def _services(doc: Document, refs: References) -> list[Service]:
    services: list[Service] = []
    for i, item in _items(doc):
        service_id = item.get("id")
        if not isinstance(service_id, str):
            continue
        if service_id in refs.services:
            doc.problem(
                (i, "id"),
                _("the kind of help `{service_id}` is listed twice").format(service_id=service_id),
                _("keep one"),
            )
            continue
        refs.services.add(service_id)
        services.append(
            Service(service_id, _text(item.get("name")), _text(item.get("description")))
        )
    return services


def _check_ids(entry_docs: list[tuple[Document, Entry | None]]) -> None:
    """Ids unique across files; a former id is nobody's current id and nobody else's former."""
    owners: dict[str, str] = {}
    for doc, _entry in entry_docs:
        entry_id = doc.data.get("id") if isinstance(doc.data, dict) else None
        if not isinstance(entry_id, str):
            continue
        if entry_id in owners:
            doc.problem(
                ("id",),
                _("the id `{entry_id}` is already used by {value}").format(
                    entry_id=entry_id, value=owners[entry_id]
                ),
                _("give each entry its own id (and file name)"),
            )
        else:
            owners[entry_id] = doc.path
    former_owners: dict[str, str] = {}
    for doc, _entry in entry_docs:
        data = doc.data if isinstance(doc.data, dict) else {}
        former = data.get("former_ids")
        if not isinstance(former, list):
            continue
        for i, old in enumerate(former):
            if not isinstance(old, str) or old == data.get("id"):
                continue
            if old in owners:
                doc.problem(
                    ("former_ids", i),
                    _("`{old}` is the current id of {value}").format(old=old, value=owners[old]),
                    _(
                        "a former id must not be used by any entry: remove it here or rename the "
                        "other entry"
                    ),
                )
            elif old in former_owners and former_owners[old] != doc.path:
                doc.problem(
                    ("former_ids", i),
                    _("`{old}` is already a former id of {value}").format(
                        old=old, value=former_owners[old]
                    ),
                    _("an old address can redirect to one entry only: keep it in one file"),
                )
            else:
                former_owners[old] = doc.path


def _check_hotline_hours(doc: Document, entry: Entry, organisation: Organisation) -> None:
    """The organisation's hotline in the directory keeps the hours organisation.yml gives."""
    opens, closes = organisation.hotline_hours.split("–")
    wanted = {(_minutes(opens), _minutes(closes))}
    for i, phone in enumerate(entry.phones):
        if phone.tel != organisation.hotline_tel or phone.hours is None:
            continue
        spans = {span for _days, day_spans in phone.hours.rules for span in day_spans}
        if phone.hours.always or spans != wanted:
            doc.problem(
                ("phones", i, "hours"),
                _(
                    "organisation.yml gives the hotline's hours as {hotline_hours}, this "
                    "number says `{raw}`"
                ).format(hotline_hours=organisation.hotline_hours, raw=phone.hours.raw),
                _(
                    "change both together (organisation.yml is what the pages, the emergency "
                    "strip and the leaflets say)"
                ),
                WARNING,
            )


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)
