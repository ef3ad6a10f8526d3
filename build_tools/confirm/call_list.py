"""``python -m build_tools call-list``: the places a volunteer should phone, oldest first.

Unconfirmed entries (taken from a public source, never called) and entries last verified
longer ago than ``stale_months`` are due. The list says what to ask and leaves room for the
answers: it is printed (A4 PDF) or opened as HTML, or taken into a spreadsheet as CSV. After a
call that confirms everything, ``verify ID`` stamps the entry.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.data.model import DEFAULT_LANGUAGE, LANGUAGES, Directory, Entry
from build_tools.messages import _, ngettext
from build_tools.strings import words_in

_HERE = Path(__file__).parent
FORMATS = ("pdf", "html", "csv")


def t(key: str, lang: str, **values: object) -> Any:
    """The call list's word ``key`` in ``lang`` (the one strings loader's fallback)."""
    text = words_in(lang, _HERE / "strings.yml")[key]
    return text.format(**values) if values else text


@dataclass(frozen=True)
class Due:
    """One entry due for a call, and since when it is known."""

    entry: Entry
    #: The last call, else the source's date (None: nobody knows how old it is).
    since: _dt.date | None


def due_entries(
    directory: Directory,
    *,
    today: _dt.date,
    stale_months: int = 12,
    region: str | None = None,
) -> list[Due]:
    """Unconfirmed entries and stale ones, oldest first (undated unconfirmed ones first of all).

    ``region`` keeps one region's entries (``national`` keeps the country-wide ones). Sample
    entries are not real places and are never due.
    """
    from build_tools.report import months_before

    cutoff = months_before(today, stale_months)
    due = []
    for entry in directory.entries:
        if entry.is_sample:
            continue
        if region == "national" and not entry.national:
            continue
        if region not in (None, "national") and entry.region != region:
            continue
        if entry.is_unconfirmed or (entry.verified is not None and entry.verified < cutoff):
            due.append(Due(entry, entry.as_of))
    due.sort(key=lambda d: (d.since or _dt.date.min, d.entry.id))
    return due


def _months(earlier: _dt.date, later: _dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def _item(due: Due, directory: Directory, lang: str, today: _dt.date) -> dict[str, Any]:
    from build_tools.leaflets.views import phone_view, source_text
    from build_tools.leaflets.wording import hours_text, long_date

    entry = due.entry
    name, name_lang = entry.name.get(lang)
    where = [t("everywhere", lang)] if entry.national else []
    if entry.region:
        where.append(directory.region(entry.region).name(lang))
    if entry.locality:
        town = directory.locality(entry.locality).name(lang)
        if town not in where:  # Minsk is a region and a town of the same name
            where.append(town)
    if entry.is_unconfirmed:
        day = long_date(entry.source_date, lang) if entry.source_date else "?"
        status = t("unconfirmed", lang, source=source_text(entry) or "?", date=day)
    else:
        assert entry.verified is not None
        status = t(
            "stale",
            lang,
            date=long_date(entry.verified, lang),
            months=_months(entry.verified, today),
        )
    phones = [phone_view(p, lang) for p in entry.phones]
    return {
        "id": entry.id,
        "name": name,
        "name_lang": name_lang,
        "where": ", ".join(where),
        "status": status,
        "phones": [{"number": p.number, "details": p.details} for p in phones],
        "hours": hours_text(entry.hours, lang),
    }


def render_html(
    due: list[Due], directory: Directory, *, lang: str, today: _dt.date, area: str
) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from build_tools.leaflets.wording import long_date

    env = Environment(
        loader=FileSystemLoader(_HERE / "templates"), autoescape=select_autoescape(["html"])
    )

    class _S:
        def __getattr__(self, key: str) -> Any:
            return t(key, lang)

    return env.get_template("call-list.html").render(
        lang=lang,
        s=_S(),
        area=area,
        made=t("made", lang, date=long_date(today, lang), n=len(due)),
        items=[_item(d, directory, lang, today) for d in due],
        questions=t("questions", lang),
        css=(_HERE / "templates" / "call-list.css").read_text(encoding="utf-8"),
    )


def render_csv(due: list[Due], directory: Directory, *, lang: str, today: _dt.date) -> str:
    """One row per entry with a column per question, for a shared spreadsheet of calls."""
    from build_tools.safety.csv_writer import csv_text

    questions = t("questions", lang)
    header = ["id", "name", "where", "status", "phones", "hours", *questions, "verify"]
    rows = []
    for d in due:
        item = _item(d, directory, lang, today)
        phones = "; ".join(
            p["number"] + (f" ({p['details']})" if p["details"] else "") for p in item["phones"]
        )
        row = [item["id"], item["name"], item["where"], item["status"], phones, item["hours"]]
        rows.append(row + [""] * len(questions) + [f"python -m build_tools verify {item['id']}"])
    return "\ufeff" + csv_text(header, rows)


def write_pdf(html: str, target: Path) -> None:
    """A4 pages, as the leaflets are made: WeasyPrint may fetch nothing but ``data:`` URIs."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf(target)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``call-list`` to the command line."""
    parser = subparsers.add_parser(
        "call-list",
        help=_("the entries due for a confirming call (unconfirmed or stale), as PDF, HTML or CSV"),
        description=(
            _(
                "List the entries nobody has confirmed by phone yet and those verified "
                "longer ago than --stale-months, oldest first, with their phones, hours, "
                "what to ask and room for the answers."
            )
        ),
    )
    parser.add_argument("--region", help=_("one region's id from regions.yml, or `national`"))
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("the language of the list and of the messages (default: ru)"),
    )
    parser.add_argument("--format", choices=FORMATS, default="pdf")
    parser.add_argument("--stale-months", type=int, default=12, help="default 12")
    parser.add_argument("--out", type=Path, help=_("the file to write (default: call-list-….ext)"))
    parser.add_argument("--data", type=Path, help=_("the directory data folder"))
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from build_tools.command_line import FAILED, checked_directory, data_folder

    args.lang = args.lang or DEFAULT_LANGUAGE
    directory = checked_directory(data_folder(args), _("No call list"), stream=sys.stderr)
    if directory is None:
        return FAILED
    region_ids = [r.id for r in directory.regions]
    if args.region and args.region != "national" and args.region not in region_ids:
        print(
            _("call-list: no region `{region}`; choose one of {items} or `national`").format(
                region=args.region, items=", ".join(region_ids)
            ),
            file=sys.stderr,
        )
        return 1
    today = _dt.date.today()
    due = due_entries(directory, today=today, stale_months=args.stale_months, region=args.region)
    if args.region in (None, "national"):
        area = t("everywhere", args.lang)
    else:
        area = directory.region(args.region).name(args.lang)
    target = args.out or Path(f"call-list-{args.region or 'all'}-{args.lang}.{args.format}")
    try:
        if args.format == "csv":
            target.write_text(
                render_csv(due, directory, lang=args.lang, today=today), encoding="utf-8"
            )
        else:
            html = render_html(due, directory, lang=args.lang, today=today, area=area)
            if args.format == "html":
                target.write_text(html, encoding="utf-8")
            else:
                write_pdf(html, target)
    except OSError as error:
        print(
            _("call-list: cannot write {target}: {strerror}").format(
                target=target, strerror=error.strerror
            ),
            file=sys.stderr,
        )
        return 1
    print(
        ngettext(
            "{target}: {n} entry due for a call.", "{target}: {n} entries due for a call.", len(due)
        ).format(target=target, n=len(due))
    )
    return 0
