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

from babel import Locale

from build_tools import strings
from build_tools.data.model import DEFAULT_LANGUAGE, LANGUAGES, Directory, Entry, Text
from build_tools.messages import _, language, ngettext

OTHER_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)


@dataclass
class Report:
    """The report as plain data (the JSON form is exactly this)."""

    today: str
    stale_months: int
    entries: int
    #: ``{"entry", "source", "missing": {lang: [field, …]}, "sample"}`` per entry with a gap,
    #: real entries first.
    entry_translations: list[dict[str, Any]] = field(default_factory=list)
    #: ``{"page", "missing": [lang, …]}`` per Russian page without a counterpart.
    page_translations: list[dict[str, Any]] = field(default_factory=list)
    #: Per other language with gaps, the interface words (strings files) it lacks, by key
    #: (``pages.free_n``); the site shows the Russian words there meanwhile.
    string_translations: dict[str, list[str]] = field(default_factory=dict)
    #: ``{"entry", "source", "verified", "months", "days", "sample"}``: real entries first,
    #: then samples; oldest first within each.
    stale: list[dict[str, Any]] = field(default_factory=list)
    #: ``{"entry", "source"}`` of every ``status: unconfirmed`` entry (due for a call).
    unconfirmed: list[dict[str, str]] = field(default_factory=list)
    #: Unconfirmed entries per region id (``national`` for country-wide ones), only non-zero.
    unconfirmed_per_region: dict[str, int] = field(default_factory=dict)
    #: Entries last verified before this day (``stale_months`` before today) are stale.
    stale_before: str = ""
    #: ``{"entry", "source"}`` of every ``status: sample`` entry.
    samples: list[dict[str, str]] = field(default_factory=list)
    #: Entries per region id (``national`` for country-wide ones), in regions.yml order.
    per_region: dict[str, int] = field(default_factory=dict)
    #: Entries per kind of help, in services.yml order.
    per_service: dict[str, int] = field(default_factory=dict)
    #: Per region id (``national`` first): entries per kind of help, only the kinds it has.
    coverage: dict[str, dict[str, int]] = field(default_factory=dict)


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
    report.stale_before = cutoff.isoformat()
    # Real entries first: they are what visitors rely on; samples are listed after them.
    for entry in sorted(directory.entries, key=lambda e: e.is_sample):
        missing = missing_translations(entry)
        if missing:
            report.entry_translations.append(
                {
                    "entry": entry.id,
                    "source": entry.file,
                    "missing": missing,
                    "sample": entry.is_sample,
                }
            )
        if entry.is_unconfirmed:
            report.unconfirmed.append({"entry": entry.id, "source": entry.file})
            area = "national" if entry.national else str(entry.region)
            report.unconfirmed_per_region[area] = report.unconfirmed_per_region.get(area, 0) + 1
        elif entry.verified is not None and entry.verified < cutoff:
            months = _months_between(entry.verified, today)
            report.stale.append(
                {
                    "entry": entry.id,
                    "source": entry.file,
                    "verified": entry.verified.isoformat(),
                    "months": months,
                    "days": (months_before(today, months) - entry.verified).days,
                    "sample": entry.is_sample,
                }
            )
        if entry.is_sample:
            report.samples.append({"entry": entry.id, "source": entry.file})
    report.stale.sort(key=lambda item: (item["sample"], item["verified"]))
    report.per_region = {"national": len(directory.national())}
    for region in directory.regions:
        report.per_region[region.id] = len(directory.in_region(region.id))
    for service in directory.services:
        report.per_service[service.id] = len(directory.with_service(service.id))
    report.coverage = coverage(directory)
    for lang in OTHER_LANGUAGES:
        if strings.missing(lang):
            report.string_translations[lang] = strings.missing(lang)
    if content_dir is not None:
        report.page_translations = missing_pages(Path(content_dir))
    return report


def coverage(directory: Directory) -> dict[str, dict[str, int]]:
    """How many entries each region has of each kind of help (what a region lacks shows)."""
    areas = [("national", directory.national())]
    areas += [(region.id, directory.in_region(region.id)) for region in directory.regions]
    table = {}
    for area, entries in areas:
        counts = {s.id: sum(s.id in e.services for e in entries) for s in directory.services}
        table[area] = {service: n for service, n in counts.items() if n}
    return table


def missing_translations(entry: Entry) -> dict[str, list[str]]:
    """Per other language, the fields that have Russian text but none in that language."""
    texts: list[tuple[str, Text]] = [("name", entry.name), ("summary", entry.summary)]
    if entry.shown_address:
        texts.append(("address", entry.shown_address))
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


def _entries(n: int) -> str:
    return ngettext("{n} entry", "{n} entries", n).format(n=n)


def _months(n: int) -> str:
    return ngettext("{n} month", "{n} months", n).format(n=n)


def _samples(n: int) -> str:
    return ngettext("{n} sample", "{n} samples", n).format(n=n)


def language_name(lang: str) -> str:
    """``"be"`` → "Belarusian", in the messages' language (a list of what is missing)."""
    return Locale.parse(lang).get_display_name(language())


def _area_name(area: str, directory: Directory) -> str:
    """A region's name in the messages' language (English where the data has no such text)."""
    if area == "national":
        return _("country-wide")
    lang = language()
    return directory.region(area).name(lang if lang in LANGUAGES else "en")


def short_report(
    directory: Directory, *, stale_months: int = 12, today: _dt.date | None = None
) -> str:
    """Three to five lines for the end of a build: counts, gaps, what to run for details."""
    report = build_report(directory, stale_months=stale_months, today=today)
    national = report.per_region.get("national", 0)
    regions = sum(1 for key, n in report.per_region.items() if key != "national" and n)
    lines = [
        _("Directory: {entries} ({national} national, {local} {in_regions}), {samples}.").format(
            entries=_entries(report.entries),
            national=national,
            local=report.entries - national,
            in_regions=ngettext("in {n} region", "in {n} regions", regions).format(n=regions),
            samples=_samples(len(report.samples)),
        )
    ]
    gaps = []
    for lang in OTHER_LANGUAGES:
        count = sum(1 for item in report.entry_translations if lang in item["missing"])
        gaps.append(
            ngettext("{n} entry lacks {language}", "{n} entries lack {language}", count).format(
                n=count, language=language_name(lang)
            )
        )
    lines.append(_("Translations: {gaps}.").format(gaps=", ".join(gaps)))
    real = sum(1 for item in report.stale if not item["sample"])
    samples = ""
    if real < len(report.stale):
        samples = " " + _("({real} real, {samples})").format(
            real=real, samples=_samples(len(report.stale) - real)
        )
    stale = _("Stale: {entries}{samples} {rule}").format(
        entries=_entries(len(report.stale)), samples=samples, rule=_stale_rule(report)
    )
    if report.unconfirmed:
        stale += "; " + ngettext(
            "{n} entry not yet confirmed by phone.",
            "{n} entries not yet confirmed by phone.",
            len(report.unconfirmed),
        ).format(n=len(report.unconfirmed))
    else:
        stale += "."
    lines.append(stale)
    lines.append(_("Details: {command}").format(command="make report"))
    return "\n".join(lines)


def _stale_rule(report: Report) -> str:
    """The one wording of the boundary, used wherever stale entries are counted or listed."""
    return _("last verified before {day} (more than {months} ago)").format(
        day=report.stale_before, months=_months(report.stale_months)
    )


def render_text(report: Report, directory: Directory) -> str:
    """The full report for a terminal."""
    none = "  " + _("none")
    sample = " [" + _("sample") + "]"
    out: list[str] = [
        _("Directory report, {day}: {entries}").format(
            day=report.today, entries=_entries(report.entries)
        ),
        "",
    ]

    out.append(_("Entries missing a translation, real ones first"))
    if not report.entry_translations:
        out.append(none)
    for item in report.entry_translations:
        gaps = "; ".join(
            f"{language_name(lang)}: {', '.join(fields)}"
            for lang, fields in item["missing"].items()
        )
        mark = sample if item["sample"] else ""
        out.append(f"  {item['source']}{mark}: {gaps}")

    out += ["", _("Pages missing a translation")]
    if not report.page_translations:
        out.append(none)
    for item in report.page_translations:
        langs = ", ".join(language_name(lang) for lang in item["missing"])
        out.append(f"  {item['page']}: " + _("no {languages}").format(languages=langs))

    out += ["", _("Interface words missing a translation (the Russian words are shown)")]
    if not report.string_translations:
        out.append(none)
    for lang, keys in report.string_translations.items():
        out.append(f"  {language_name(lang)} ({lang}): {len(keys)}")
        out.extend(f"    {_strings_place(key)}" for key in keys)

    out += ["", _("Entries {rule}, real ones first").format(rule=_stale_rule(report))]
    if not report.stale:
        out.append(none)
    for item in report.stale:
        age = _months(item["months"])
        if item["days"]:
            days = ngettext("{n} day", "{n} days", item["days"]).format(n=item["days"])
            age = _("{months} and {days}").format(months=age, days=days)
        mark = sample if item["sample"] else ""
        said = _("verified {day}, {age} ago").format(day=item["verified"], age=age)
        out.append(f"  {item['source']}{mark}: {said}")

    out += ["", _("Entries not yet confirmed by phone (status: unconfirmed), per region")]
    if not report.unconfirmed:
        out.append(none)
    for region_id in report.per_region:  # regions.yml order
        count = report.unconfirmed_per_region.get(region_id, 0)
        if not count:
            continue
        out.append(f"  {count:4d}  {region_id} ({_area_name(region_id, directory)})")
    out.extend(f"        {item['source']}" for item in report.unconfirmed)
    if report.unconfirmed:
        out.append(
            "  "
            + _("A list to call them: {command}").format(
                command=".venv/bin/python -m build_tools call-list"
            )
        )

    out += ["", _("Sample entries (refused by the publishing build)")]
    if not report.samples:
        out.append(none)
    out.extend(f"  {item['source']}" for item in report.samples)

    out += ["", _("Entries per region")]
    for region_id, count in report.per_region.items():
        out.append(f"  {count:4d}  {region_id} ({_area_name(region_id, directory)})")
    out += ["", _("Entries per kind of help")]
    lang = language() if language() in LANGUAGES else "en"
    for service_id, count in report.per_service.items():
        out.append(f"  {count:4d}  {service_id} ({directory.service(service_id).name(lang)})")
    out += _coverage_lines(report, directory)
    return "\n".join(out)


def _strings_place(key: str) -> str:
    """``pages.free_n`` → ``build_tools/pages/strings.yml: free_n``, where to write it."""
    owner, dot, name = key.partition(".")
    owner, name = (owner, name) if dot else ("", key)
    path = strings.strings_files()[owner].relative_to(strings.SHARED_FILE.parents[1])
    return f"{path.as_posix()}: {name}"


def _coverage_lines(report: Report, directory: Directory) -> list[str]:
    """Per region: what it has, how much of it is unconfirmed, and which kinds it has none of."""
    out = ["", _("Coverage: kinds of help per region (the national lines serve every region)")]
    for area, counts in report.coverage.items():
        total = report.per_region.get(area, 0)
        unconfirmed = report.unconfirmed_per_region.get(area, 0)
        head = f"  {area} ({_area_name(area, directory)}): {_entries(total)}"
        if unconfirmed:
            head += ", " + _("{n} not yet confirmed by phone").format(n=unconfirmed)
        out.append(head)
        if counts:
            has = ", ".join(f"{s} {n}" for s, n in counts.items())
            out.append("      " + _("has: {kinds}").format(kinds=has))
        if area != "national":
            missing = [s.id for s in directory.services if s.id not in counts]
            out.append("      " + _("none yet: {kinds}").format(kinds=", ".join(missing) or "-"))
    return out


def to_json(report: Report) -> str:
    return json.dumps(asdict(report), ensure_ascii=False, indent=2)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``report`` to the command line."""
    parser = subparsers.add_parser(
        "report",
        help=_("translation gaps, stale and sample entries, counts per region and kind of help"),
        description=_("What to look at next in the directory and the pages."),
    )
    parser.add_argument("data_dir", nargs="?", type=Path, help=_("the directory data folder"))
    parser.add_argument("--content", type=Path, help=_("the Markdown folder (content/)"))
    parser.add_argument(
        "--stale-months",
        type=int,
        default=12,
        help=_("entries verified longer ago than this are stale (default 12)"),
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from build_tools.command_line import FAILED, OK, checked_directory, data_folder
    from build_tools.paths import default_content_dir

    data_dir = data_folder(args)
    content_dir = args.content or default_content_dir(data_dir)
    directory = checked_directory(data_dir, _("No report"))
    if directory is None:
        return FAILED
    report = build_report(directory, content_dir=content_dir, stale_months=args.stale_months)
    print(to_json(report) if args.format == "json" else render_text(report, directory))
    return OK
