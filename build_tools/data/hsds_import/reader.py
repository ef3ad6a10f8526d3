"""Reading HSDS data in the shapes people actually publish, into rows by HSDS 3.0 object type.

Accepted: a folder with CSV files and ``datapackage.json`` (HSDS 1.1 and 3.0 layouts; a
missing or unreadable ``datapackage.json`` falls back to the standard file names, and says
so); a folder of such folders (our own export, one per language); a JSON file in the HSDS
"tabular" shape (keys are CSV file names), or HSDS API objects (a full service or
organization, or a page of them with ``contents``), whose nested objects are unnested.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.messages import _, ngettext
from build_tools.safety.csv_writer import restored
from build_tools.safety.inside import outside_reason

from .records import Record, clean

#: File stems and datapackage resource names (1.1 and 3.0) → the kind we read them as.
#: 1.1-only tables keep their own kind: their columns differ from the 3.0 ones.
KINDS = {
    "organization": "organization",
    "organizations": "organization",
    "service": "service",
    "services": "service",
    "location": "location",
    "locations": "location",
    "service_at_location": "service_at_location",
    "services_at_location": "service_at_location",
    "phone": "phone",
    "phones": "phone",
    "schedule": "schedule",
    "schedules": "schedule",
    "regular_schedule": "regular_schedule",
    "regular_schedules": "regular_schedule",
    "holiday_schedule": "holiday_schedule",
    "holiday_schedules": "holiday_schedule",
    "address": "address",
    "addresses": "address",
    "physical_address": "physical_address",
    "physical_addresses": "physical_address",
    "postal_address": "postal_address",
    "postal_addresses": "postal_address",
    "language": "language",
    "languages": "language",
    "taxonomy": "taxonomy",
    "taxonomies": "taxonomy",
    "taxonomy_term": "taxonomy_term",
    "taxonomy_terms": "taxonomy_term",
    "attribute": "attribute",
    "attributes": "attribute",
    "service_taxonomy": "service_taxonomy",
    "services_taxonomy": "service_taxonomy",
    "service_area": "service_area",
    "service_areas": "service_area",
    "meta_table_description": "meta_table_description",
    "meta_table_descriptions": "meta_table_description",
}

#: Nested keys of HSDS API objects → the kind of object they hold.
NESTED = {
    "organization": "organization",
    "services": "service",
    "service": "service",
    "location": "location",
    "locations": "location",
    "service_at_locations": "service_at_location",
    "phones": "phone",
    "schedules": "schedule",
    "addresses": "address",
    "languages": "language",
    "attributes": "attribute",
    "taxonomy_term": "taxonomy_term",
    "taxonomy_detail": "taxonomy",
    "service_areas": "service_area",
    "contacts": "contact",
    "accessibility": "accessibility",
    "funding": "funding",
    "cost_options": "cost_option",
    "program": "program",
    "programs": "program",
    "required_documents": "required_document",
    "organization_identifiers": "organization_identifier",
    "metadata": "metadata",
}

#: The foreign key a nested object gets from its parent, when it does not carry it.
PARENT_KEYS = {
    "service": "service_id",
    "organization": "organization_id",
    "location": "location_id",
    "service_at_location": "service_at_location_id",
    "phone": "phone_id",
}


class ImportInputError(Exception):
    """The path is not something we can read as HSDS at all."""


@dataclass
class Package:
    """All rows of one dataset, by kind; ``notes`` are file-level findings for the report."""

    source: str
    tables: dict[str, list[Record]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: The language of its texts, when the package says so (our export, meta descriptions).
    language: str | None = None
    #: The header of each CSV table read, by kind (what the file really calls its columns).
    columns: dict[str, list[str]] = field(default_factory=dict)
    _by_id: dict[tuple[str, str], Record] = field(default_factory=dict, repr=False)

    def rows(self, kind: str) -> list[Record]:
        return self.tables.get(kind, [])

    def add(self, record: Record) -> None:
        self.tables.setdefault(record.kind, []).append(record)
        if record.id:
            self._by_id.setdefault((record.kind, record.id), record)

    def find(self, kind: str, record_id: str) -> Record | None:
        return self._by_id.get((kind, record_id))

    def all_records(self) -> list[Record]:
        return [record for records in self.tables.values() for record in records]


def read_packages(path: Path) -> list[Package]:
    """One package, or several when ``path`` holds one package per sub-folder."""
    path = Path(path)
    if path.is_file():
        return [_read_json(path)]
    if not path.is_dir():
        raise ImportInputError(_("{path}: no such file or folder").format(path=path))
    if (path / "datapackage.json").exists() or any(path.glob("*.csv")):
        return [_read_folder(path)]
    subfolders = sorted(
        p for p in path.iterdir() if p.is_dir() and ((p / "datapackage.json").exists())
    )
    for subfolder in subfolders:
        _refuse_outside(path, subfolder.name)
    if subfolders:
        return [_read_folder(p, prefix=f"{p.name}/") for p in subfolders]
    raise ImportInputError(
        _(
            "{path}: no datapackage.json and no CSV files here — give the folder of "
            "an HSDS data package (CSV files with datapackage.json), or an HSDS JSON "
            "file"
        ).format(path=path)
    )


def _read_folder(folder: Path, prefix: str = "") -> Package:
    package = Package(source=str(folder))
    resources = _datapackage_resources(folder, package)
    seen: set[str] = set()
    for name, file_name in resources:
        kind = KINDS.get(name) or KINDS.get(Path(file_name).stem)
        _refuse_outside(folder, file_name)
        file = folder / file_name
        seen.add(file.name)
        if not file.exists():
            package.notes.append(
                _("{prefix}{file_name}: listed in datapackage.json but missing").format(
                    prefix=prefix, file_name=file_name
                )
            )
            continue
        _read_csv(file, kind or f"unknown:{name}", package, prefix)
    for file in sorted(folder.glob("*.csv")):
        if file.name not in seen:
            _refuse_outside(folder, file.name)
            _read_csv(file, KINDS.get(file.stem, f"unknown:{file.stem}"), package, prefix)
    _detect_language(package)
    return package


def _refuse_outside(folder: Path, file_name: str) -> None:
    """Only files inside the package folder are read: a resource path ``../../etc/passwd`` or a
    symbolic link would copy a file from elsewhere into the report. It is refused unread."""
    reason = outside_reason(Path(file_name), folder)
    if reason is not None:
        raise ImportInputError(
            _(
                "{value}: not read: {reason} (only files inside the package folder are "
                "read) — put the file itself into the package folder and list it by its "
                "name"
            ).format(value=folder / file_name, reason=reason)
        )


def _datapackage_resources(folder: Path, package: Package) -> list[tuple[str, str]]:
    """(resource name, file) pairs from ``datapackage.json``; [] (reported) if unusable."""
    file = folder / "datapackage.json"
    _refuse_outside(folder, file.name)
    if not file.exists():
        package.notes.append(_("datapackage.json: missing; read the CSV files by their HSDS names"))
        return []
    text = file.read_text(encoding="utf-8-sig", errors="replace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        first = text.strip().splitlines()[0][:80] if text.strip() else ""
        package.notes.append(
            _(
                "datapackage.json: not JSON (it reads `{first}`; a symbolic link copied "
                "as text?); read the CSV files by their HSDS names"
            ).format(first=first)
        )
        return []
    if isinstance(data, dict) and isinstance(data.get("language"), str):
        package.language = data["language"]
    pairs = []
    for resource in data.get("resources", []) if isinstance(data, dict) else []:
        if isinstance(resource, dict) and isinstance(resource.get("path"), str):
            pairs.append((str(resource.get("name", "")), resource["path"]))
    return pairs


def _read_csv(file: Path, kind: str, package: Package, prefix: str = "") -> None:
    text = _utf8(file.read_bytes(), prefix + file.name)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    package.columns.setdefault(kind, list(reader.fieldnames or []))
    # a row's line in the file: header is line 1; quoted newlines make lines longer, so
    # the reader's own line counter is used
    for values in reader:
        extra = values.pop(None, None)  # cells beyond the header
        values = {k: restored(v) if isinstance(v, str) else v for k, v in values.items()}
        if kind == "taxonomy" and ("vocabulary" in values or "parent_name" in values):
            kind = "taxonomy_term"  # HSDS 1.1 called its table of terms "taxonomy"
        record = Record(kind, prefix + file.name, reader.line_num, dict(values))
        if extra:
            package.notes.append(
                ngettext(
                    "{where}: {n} cell beyond the header not read: {extra!r}",
                    "{where}: {n} cells beyond the header not read: {extra!r}",
                    len(extra),
                ).format(where=record.where, n=len(extra), extra=extra)
            )
        package.add(record)


def _utf8(data: bytes, shown: str) -> str:
    """The text of a file, which must be UTF-8: a wrong guess would turn every name into
    question marks silently, so the line that is not UTF-8 is named instead."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        end = data.find(b"\n", exc.start)
        # Windows-1251 (Cyrillic Windows, what Excel saves in Belarus) reads the line as words
        guess = data[start : end if end != -1 else len(data)].decode("cp1251", errors="ignore")
        letters = [ch for ch in guess if ch.isalpha() and not ch.isascii()]
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters)
        hint = _(" (it looks like Windows-1251)") if letters and cyrillic == len(letters) else ""
        raise ImportInputError(
            _(
                "{shown}:{line}: this line is not UTF-8 text{hint} — save the file as "
                'UTF-8 (in a spreadsheet: "CSV UTF-8") and import again'
            ).format(shown=shown, line=line, hint=hint)
        ) from None


def check_package(package: Package) -> None:
    """Refuse what would import nothing, or import it wrongly, with what is missing.

    A package without its services (or whose service columns were renamed) would import
    "0 entries" and look like success; an id with an invisible character would become a
    file name. Both stop the import before anything is written.
    """
    for record in package.all_records():
        for name, value in record.values.items():
            if not isinstance(name, str) or not (name == "id" or name.endswith("_id")):
                continue
            if isinstance(value, str) and any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
                bad = next(ch for ch in value if ord(ch) < 32 or ord(ch) == 127)
                raise ImportInputError(
                    _(
                        "{where}: {name}: the id holds an invisible control character "
                        "U+{code:04X} — correct the source file and import again"
                    ).format(where=record.where, name=name, code=ord(bad))
                )
    services = package.rows("service")
    columns = package.columns.get("service")
    if columns is None and services:  # JSON: the keys its service objects use
        columns = sorted({str(key) for record in services for key in record.values})
    found = ", ".join(sorted(kind for kind in package.tables if not kind.startswith("unknown:")))
    if columns is None and not services:
        raise ImportInputError(
            _(
                "{source}: no services — an HSDS package lists them in `services.csv` "
                "(tables found: {value}); add the file or give the right folder"
            ).format(source=package.source, value=found or _("none"))
        )
    if columns is not None:
        missing = [name for name in ("id", "name") if name not in columns]
        if missing:
            raise ImportInputError(
                _(
                    "{source}: services.csv has no column {columns_missing} (its columns: "
                    "{columns}) — HSDS names them `id`, `name`, `organization_id`, …; rename the "
                    "columns and import again"
                ).format(
                    source=package.source,
                    columns_missing=_(" and no column ").join(f"`{m}`" for m in missing),
                    columns=", ".join(columns) or _("none"),
                )
            )
    if not services:
        raise ImportInputError(
            _("{source}: services.csv has no rows — there is nothing to import").format(
                source=package.source
            )
        )


def _detect_language(package: Package) -> None:
    if package.language:
        return
    codes = {
        code
        for record in package.rows("meta_table_description")
        if (code := record.peek("language")) and len(code) in (2, 3)
    }
    if len(codes) == 1:
        package.language = codes.pop()


def _read_json(file: Path) -> Package:
    package = Package(source=str(file))
    try:
        data = json.loads(_utf8(file.read_bytes(), str(file)))
    except json.JSONDecodeError as exc:
        raise ImportInputError(
            _("{file}: not a JSON file ({exc})").format(file=file, exc=exc)
        ) from exc
    except RecursionError:
        raise ImportInputError(
            _(
                "{file}: objects are nested too deeply to read (thousands of levels) — "
                "this is not an HSDS file; check that the right file was given"
            ).format(file=file)
        ) from None
    if isinstance(data, dict) and data and all(str(k).endswith(".csv") for k in data):
        for file_name, rows in data.items():
            kind = KINDS.get(Path(file_name).stem, f"unknown:{file_name}")
            for index, row in enumerate(rows if isinstance(rows, list) else []):
                if isinstance(row, dict):
                    package.add(Record(kind, f"{file.name}[{file_name}]", index + 1, row))
        _detect_language(package)
        return package
    items, kind = _top_level(data, file)
    counter = _Counter()
    try:
        for item in items:
            _unnest(item, kind, None, None, file.name, package, counter)
    except RecursionError:
        raise ImportInputError(
            _(
                "{file}: objects are nested too deeply to read — HSDS nests a few "
                "levels; check that the right file was given"
            ).format(file=file)
        ) from None
    return package


def _top_level(data: Any, file: Path) -> tuple[list[dict[str, Any]], str]:
    """The objects and their kind: a list page (``contents``), a list, or one object."""
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        items = [item for item in data["contents"] if isinstance(item, dict)]
    elif isinstance(data, list):
        items = [item for item in data if isinstance(item, dict)]
    elif isinstance(data, dict):
        items = [data]
    else:
        items = []
    if not items:
        raise ImportInputError(_("{file}: no HSDS objects in this JSON file").format(file=file))
    return items, _guess_kind(items[0], file.stem)


def _guess_kind(item: dict[str, Any], stem: str) -> str:
    for name in sorted(KINDS, key=len, reverse=True):
        if stem.startswith(name):
            return KINDS[name]
    if "location_type" in item:
        return "location"
    if "service_at_locations" in item or "status" in item:
        return "service"
    return "organization" if "organization_identifiers" in item else "unknown:object"


class _Counter:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n


def _unnest(
    item: dict[str, Any],
    kind: str,
    parent_kind: str | None,
    parent_id: str | None,
    source: str,
    package: Package,
    counter: _Counter,
) -> None:
    flat = {key: value for key, value in item.items() if not isinstance(value, (dict, list))}
    key = PARENT_KEYS.get(parent_kind or "")
    if key and parent_id and not clean(flat.get(key)):
        flat[key] = parent_id
    own_id = clean(flat.get("id"))
    for child_key, value in item.items():
        child_kind = NESTED.get(child_key, f"unknown:{child_key}")
        if isinstance(value, dict):
            _unnest(value, child_kind, kind, own_id, source, package, counter)
            # a nested single object is linked from its parent by its id
            child_id = clean(value.get("id"))
            link = PARENT_KEYS.get(child_kind)
            if child_id and link and not clean(flat.get(link)):
                flat[link] = child_id
        elif isinstance(value, list):
            for child in value:
                if isinstance(child, dict):
                    _unnest(child, child_kind, kind, own_id, source, package, counter)
    # API objects repeat the same object wherever it is linked: keep one, with every link
    existing = package.find(kind, own_id) if own_id else None
    if existing is not None:
        for key_, value in flat.items():
            if not clean(existing.values.get(key_)):
                existing.values[key_] = value
        return
    package.add(Record(kind, source, counter.next(), flat))
