"""``import-hsds``: Open Referral HSDS data (1.1 or 3.0) → directory entries for review.

The result is never published directly: files land in a review folder with a to-do list in
their header, and a report lists, per file and row, everything that was not carried over.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from build_tools.messages import _

from ..model import LANGUAGES
from .known import Known
from .mapping import ImportedEntry, PackageMapper
from .reader import ImportInputError, check_package, read_packages
from .report import Report
from .yaml_output import write_entries

__all__ = ["ImportInputError", "ImportResult", "import_hsds", "map_packages"]


@dataclass
class ImportResult:
    entries: list[ImportedEntry]
    report: Report
    files: list[Path]


def map_packages(
    path: Path, *, known: Known, today: _dt.date, lang: str | None = None
) -> tuple[list[ImportedEntry], Report]:
    """Read and map without writing; several language packages merge into one entry each."""
    report = Report()
    packages = read_packages(path)
    for package in packages:
        check_package(package)
    if lang:
        for package in packages:
            package.language = lang
    packages.sort(key=lambda p: LANGUAGES.index(p.language) if p.language in LANGUAGES else 9)
    merged: dict[str, ImportedEntry] = {}
    for package in packages:
        mapper = PackageMapper(package, known, report, today)
        for entry in mapper.entries():
            first = merged.get(entry.service_uuid) if len(packages) > 1 else None
            if first is None:
                merged[entry.service_uuid or str(len(merged))] = entry
            else:
                _merge_texts(first.data, entry.data)
        report.leftovers(package)
    entries = list(merged.values())
    _unique_ids(entries, known)
    for entry in entries:
        report.imported.append(f"{entry.data['id']} ← {entry.source}")
    return entries, report


def import_hsds(
    path: Path,
    out_dir: Path,
    *,
    data_dir: Path | None = None,
    today: _dt.date | None = None,
    lang: str | None = None,
) -> ImportResult:
    """Import ``path`` into ``out_dir``; writes ``import-report.txt`` there as well."""
    today = today or _dt.date.today()
    entries, report = map_packages(
        path, known=Known.from_data_dir(data_dir), today=today, lang=lang
    )
    files = write_entries(entries, out_dir, source=str(path), today=today)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    (Path(out_dir) / "import-report.txt").write_text(report.text(), encoding="utf-8")
    return ImportResult(entries, report, files)


_TEXT_KEYS = ("name", "summary", "address")


def _merge_texts(into: dict, other: dict) -> None:
    """Add the other language's texts; one equal to the default text is only a fallback."""

    def merge(a: dict, b: dict) -> None:
        default = next(iter(a.values()), None)
        for lang_, text in b.items():
            if lang_ not in a and text != default:
                a[lang_] = text

    for key in _TEXT_KEYS:
        if isinstance(into.get(key), dict) and isinstance(other.get(key), dict):
            merge(into[key], other[key])
    for mine, theirs in zip(into.get("phones", []), other.get("phones", []), strict=False):
        if "label" in mine and "label" in theirs:
            merge(mine["label"], theirs["label"])
    notes_a = (into.get("admission") or {}).get("notes")
    notes_b = (other.get("admission") or {}).get("notes")
    if notes_a and notes_b:
        merge(notes_a, notes_b)


def _unique_ids(entries: list[ImportedEntry], known: Known) -> None:
    seen: set[str] = set()
    for entry in entries:
        base = entry.data["id"]
        candidate, n = base, 2
        while candidate in seen:
            candidate, n = f"{base}-{n}", n + 1
        seen.add(candidate)
        entry.data["id"] = candidate
        if candidate in known.entry_ids:
            entry.notes.append(
                _(
                    "an entry `{candidate}` exists already: compare the two before replacing it"
                ).format(candidate=candidate)
            )
