"""What editors should look at next: translation gaps, stale and sample entries, counts.

``python -m build_tools report`` prints the full report; :func:`short_report` is the few
lines that end every build's output, so gaps are seen without anyone asking for them.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from build_tools.data.model import DEFAULT_LANGUAGE, LANGUAGES, Directory, Entry, Text

OTHER_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)
LANGUAGE_NAMES = {"ru": "Russian", "be": "Belarusian", "en": "English"}


@dataclass
class Report:
    """The report as plain data (the JSON form is exactly this)."""

    today: str
    stale_months: int
    entries: int
    #: ``{"entry", "source", "missing": {lang: [field, …]}}`` per entry with a gap.
    entry_translations: list[dict[str, Any]] = field(default_factory=list)
    #: ``{"page", "missing": [lang, …]}`` per Russian page without a counterpart.
    page_translations: list[dict[str, Any]] = field(default_factory=list)
    #: ``{"entry", "source", "verified", "months"}``, oldest first.
    stale: list[dict[str, Any]] = field(default_factory=list)
    #: ``{"entry", "source"}`` of every ``status: unconfirmed`` entry (due for a call).
    unconfirmed: list[dict[str, str]] = field(default_factory=list)
    #: ``{"entry", "source"}`` of every ``status: sample`` entry.
    samples: list[dict[str, str]] = field(default_factory=list)
    #: Entries per region id (``national`` for country-wide ones), in regions.yml order.
    per_region: dict[str, int] = field(default_factory=dict)
    #: Entries per kind of help, in services.yml order.
    per_service: dict[str, int] = field(default_factory=dict)


def build_report(
    directory: Directory,
    *,
    content_dir: Path | None = None,
    stale_months: int = 12,
    today: _dt.date | None = None,
) -> Report:
    """Collect the report from the model (and the Markdown pages, when given)."""
    today = today or _dt.date.today()
    cutoff = months_before(today, stale_months)
    report = Report(today.isoformat(), stale_months, len(directory.entries))
    for entry in directory.entries:
        missing = missing_translations(entry)
        if missing:
            report.entry_translations.append(
                {"entry": entry.id, "source": entry.file, "missing": missing}
            )
        if entry.is_unconfirmed:
            report.unconfirmed.append({"entry": entry.id, "source": entry.file})
        elif entry.verified is not None and entry.verified < cutoff:
            report.stale.append(
                {
                    "entry": entry.id,
                    "source": entry.file,
                    "verified": entry.verified.isoformat(),
                    "months": _months_between(entry.verified, today),
                }
            )
        if entry.is_sample:
            report.samples.append({"entry": entry.id, "source": entry.file})
    report.stale.sort(key=lambda item: item["verified"])
    report.per_region = {"national": len(directory.national())}
    for region in directory.regions:
        report.per_region[region.id] = len(directory.in_region(region.id))
    for service in directory.services:
        report.per_service[service.id] = len(directory.with_service(service.id))
    if content_dir is not None:
        report.page_translations = missing_pages(Path(content_dir))
    return report


def missing_translations(entry: Entry) -> dict[str, list[str]]:
    """Per other language, the fields that have Russian text but none in that language."""
    texts: list[tuple[str, Text]] = [("name", entry.name), ("summary", entry.summary)]
    if entry.address_public:
        texts.append(("address", entry.address))
    texts.extend((f"phones.{i}.label", phone.label) for i, phone in enumerate(entry.phones, 1))
    if entry.admission is not None:
        texts.append(("admission.notes", entry.admission.notes))
    missing: dict[str, list[str]] = {}
    for lang in OTHER_LANGUAGES:
        fields = [name for name, text in texts if text.has(DEFAULT_LANGUAGE) and not text.has(lang)]
        if fields:
            missing[lang] = fields
    return missing


def missing_pages(content_dir: Path) -> list[dict[str, Any]]:
    """Russian pages (``content/ru/**.md``) that have no Belarusian or English counterpart."""
    source = content_dir / DEFAULT_LANGUAGE
    if not source.is_dir():
        return []
    found = []
    for page in sorted(source.rglob("*.md")):
        relative = page.relative_to(source)
        missing = [
            lang for lang in OTHER_LANGUAGES if not (content_dir / lang / relative).is_file()
        ]
        if missing:
            found.append({"page": relative.as_posix(), "missing": missing})
    return found


def months_before(day: _dt.date, months: int) -> _dt.date:
    """The same day ``months`` months earlier (the last day of a shorter month)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return _dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - some day of every month exists


def _months_between(earlier: _dt.date, later: _dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


def short_report(
    directory: Directory, *, stale_months: int = 12, today: _dt.date | None = None
) -> str:
    """Three to five lines for the end of a build: counts, gaps, what to run for details."""
    report = build_report(directory, stale_months=stale_months, today=today)
    national = report.per_region.get("national", 0)
    regions = sum(1 for key, n in report.per_region.items() if key != "national" and n)
    lines = [
        f"Directory: {_plural(report.entries, 'entry', 'entries')} ({national} national, "
        f"{report.entries - national} in {_plural(regions, 'region')}), "
        f"{_plural(len(report.samples), 'sample')}."
    ]
    gaps = []
    for lang in OTHER_LANGUAGES:
        count = sum(1 for item in report.entry_translations if lang in item["missing"])
        gaps.append(f"{_plural(count, 'entry', 'entries')} lack {LANGUAGE_NAMES[lang]}")
    lines.append(f"Translations: {', '.join(gaps)}.")
    lines.append(
        f"Stale: {_plural(len(report.stale), 'entry', 'entries')} not verified for more than "
        f"{_plural(stale_months, 'month')}."
    )
    lines.append("Details: python -m build_tools report")
    return "\n".join(lines)


def render_text(report: Report, directory: Directory) -> str:
    """The full report for a terminal."""
    out: list[str] = [f"Directory report, {report.today}: {report.entries} entries", ""]

    out.append("Entries missing a translation")
    if not report.entry_translations:
        out.append("  none")
    for item in report.entry_translations:
        gaps = "; ".join(
            f"{LANGUAGE_NAMES[lang]}: {', '.join(fields)}"
            for lang, fields in item["missing"].items()
        )
        out.append(f"  {item['source']}: {gaps}")

    out += ["", "Pages missing a translation"]
    if not report.page_translations:
        out.append("  none")
    for item in report.page_translations:
        langs = ", ".join(LANGUAGE_NAMES[lang] for lang in item["missing"])
        out.append(f"  {item['page']}: no {langs}")

    out += ["", f"Entries not verified for more than {_plural(report.stale_months, 'month')}"]
    if not report.stale:
        out.append("  none")
    for item in report.stale:
        out.append(f"  {item['source']}: verified {item['verified']} ({item['months']} months ago)")

    out += ["", "Sample entries (refused by the publishing build)"]
    if not report.samples:
        out.append("  none")
    out.extend(f"  {item['source']}" for item in report.samples)

    out += ["", "Entries per region"]
    for region_id, count in report.per_region.items():
        name = "country-wide" if region_id == "national" else directory.region(region_id).name("en")
        out.append(f"  {count:4d}  {region_id} ({name})")
    out += ["", "Entries per kind of help"]
    for service_id, count in report.per_service.items():
        out.append(f"  {count:4d}  {service_id} ({directory.service(service_id).name('en')})")
    return "\n".join(out)


def to_json(report: Report) -> str:
    return json.dumps(asdict(report), ensure_ascii=False, indent=2)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``report`` to the command line."""
    parser = subparsers.add_parser(
        "report",
        help="translation gaps, stale and sample entries, counts per region and kind of help",
        description="What to look at next in the directory and the pages.",
    )
    parser.add_argument("data_dir", nargs="?", type=Path, help="the directory data folder")
    parser.add_argument("--content", type=Path, help="the Markdown folder (content/)")
    parser.add_argument(
        "--stale-months",
        type=int,
        default=12,
        help="entries verified longer ago than this are stale (default 12)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from build_tools.cli import default_content_dir, default_data_dir
    from build_tools.data.build import validate_directory
    from build_tools.data.errors import count_text, format_problems

    data_dir = args.data_dir or default_data_dir()
    content_dir = args.content or default_content_dir(data_dir)
    result = validate_directory(data_dir)
    if result.directory is None:
        print(format_problems(result.problems))
        print(f"\nNo report: the data has {count_text(result.problems)}.")
        return 1
    report = build_report(result.directory, content_dir=content_dir, stale_months=args.stale_months)
    print(to_json(report) if args.format == "json" else render_text(report, result.directory))
    return 0
