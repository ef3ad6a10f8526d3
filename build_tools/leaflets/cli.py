"""``python -m build_tools leaflet``: one leaflet for a volunteer, or every leaflet at once.

A volunteer may want a leaflet for one town's places only (``--entries``), or the HTML to
print from a browser (``--out leaflet.html``); ``--all`` makes what the build publishes and
reports each file as it is done, since that takes a while.

Paper cannot be corrected once handed out, so the command refuses a leaflet whose QR code would
open the placeholder address, warns about sample entries (and refuses them when publishing),
and lists the printed entries nobody has confirmed for a long time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from build_tools.languages import DEFAULT_LANGUAGE, LANGUAGES
from build_tools.messages import _, ngettext

FALLBACK_SITE_URL = "https://help.example.org/"
#: Where leaflets go unless --out says otherwise; git ignores it (.gitignore).
OUT_DIR = Path("leaflets-out")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``leaflet`` to the command line."""
    parser = subparsers.add_parser(
        "leaflet",
        help=_("make a printable leaflet (PDF or HTML) for a region and language"),
        description=(
            _(
                "Make a two-sided A5 leaflet for a region (or 'national') in one "
                "language, optionally with chosen entries only; or, with --all, every "
                "leaflet and wallet-card sheet the site publishes."
            )
        ),
    )
    parser.add_argument("--region", help=_("region id from regions.yml, or 'national'"))
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("the leaflet's language, and the messages' (default: ru)"),
    )
    parser.add_argument(
        "--entries", help=_("comma-separated entry ids to list instead of the region's places")
    )
    parser.add_argument(
        "--out",
        type=Path,
        help=_(
            "the file to write: .pdf, or .html to print from a browser (default "
            "{OUT_DIR}/leaflet-<region>-<lang>.pdf); with --all, a folder (default "
            "{OUT_DIR}/)"
        ).format(OUT_DIR=OUT_DIR),
    )
    parser.add_argument(
        "--cards", action="store_true", help=_("the wallet-card sheet instead of a leaflet")
    )
    parser.add_argument("--all", action="store_true", help=_("every leaflet and card sheet"))
    parser.add_argument("--data-dir", type=Path, help=_("the directory data folder"))
    parser.add_argument(
        "--site-url", help=_("the site's public address for the QR codes (default: mkdocs.yml)")
    )
    parser.add_argument(
        "--allow-placeholder-url",
        action="store_true",
        help=_("make it even though the QR code opens a placeholder address (a test print only)"),
    )
    parser.add_argument(
        "--stale-months",
        type=int,
        default=12,
        help=_("warn about printed entries confirmed longer ago than this (default 12)"),
    )
    parser.set_defaults(func=run)


def is_placeholder(url: str) -> bool:
    """``https://help.example.org/`` and any other ``example.`` domain: not a real site."""
    host = (urlsplit(url).hostname or "").lower()
    return "example" in host.split(".")


def _site_url(args: argparse.Namespace) -> tuple[str, str]:
    """The address for the QR codes, and where it was set (said when it is a placeholder)."""
    if args.site_url:
        return args.site_url, "--site-url"
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"], _("the SITE_URL environment variable")
    return site_url_default(), _("`site_url` in mkdocs.yml")


def _placeholder_refusal(url: str, where: str) -> str:
    return _(
        "No leaflet: its QR code and printed address would be {url} ({where}), a "
        "placeholder, not the site's real address. Set the real address as "
        "`site_url` in mkdocs.yml (the publishing build takes it from the "
        "SITE_URL environment variable), or give --site-url https://… . For a "
        "test print that nobody is handed, add --allow-placeholder-url."
    ).format(url=url, where=where)


def _truthy(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _publishing() -> bool:
    """The publishing build's rule: no sample entries, unless explicitly allowed."""
    return _truthy("HELPDIR_PUBLISH") and not _truthy("HELPDIR_ALLOW_SAMPLES")


def _unique(entries: Iterable) -> list:
    seen: dict[str, object] = {}
    for entry in entries:
        seen.setdefault(entry.id, entry)
    return list(seen.values())


def _sample_lines(entries: Iterable, data_dir: Path) -> list[str]:
    return [f"  {e.id} ({_file(e.id, data_dir)})" for e in entries if e.is_sample]


def _file(entry_id: str, data_dir: Path) -> Path:
    """The entry's file: its name is the id (a rule of the data format), its folder is free."""
    return next((data_dir / "entries").rglob(f"{entry_id}.yml"), data_dir / "entries")


def _check_samples(entries: list, data_dir: Path) -> str | None:
    """Under HELPDIR_PUBLISH a leaflet that would print a sample entry is refused."""
    lines = _sample_lines(entries, data_dir)
    if not lines or not _publishing():
        return None
    return (
        _(
            "No leaflet: it would print sample entries (`status: sample`, not real "
            "services), and HELPDIR_PUBLISH is set:\n"
        )
        + "\n".join(lines)
        + _("\nReplace them with real entries, or choose others with --entries.")
    )


def _warnings(entries: list, data_dir: Path, stale_months: int) -> list[str]:
    """Samples and entries not confirmed within ``stale_months``, among what is printed."""
    from build_tools.report import months_before

    out = []
    samples = _sample_lines(entries, data_dir)
    if samples:
        out.append(
            _(
                "warning: this prints sample entries, marked SAMPLE — not real services; "
                "do not hand it out as a real leaflet:\n"
            )
            + "\n".join(samples)
        )
    cutoff = months_before(dt.date.today(), stale_months)
    dated = [e for e in entries if e.verified is not None]
    stale = sorted((e for e in dated if e.verified < cutoff), key=lambda e: e.verified)
    if stale:
        lines = [f"  {e.id}: verified {e.verified} ({_file(e.id, data_dir)})" for e in stale]
        out.append(
            _(
                "warning: last verified before {cutoff} (more than {stale_months} months "
                "ago); call them and update `verified` before printing many copies:\n"
            ).format(cutoff=cutoff, stale_months=stale_months)
            + "\n".join(lines)
        )
    return out


def _pages(n: int) -> str:
    return ngettext("{n} page", "{n} pages", n).format(n=n)


def _places(n: int) -> str:
    return ngettext("{n} place", "{n} places", n).format(n=n)


def site_url_default() -> str:
    """``SITE_URL`` as the build sees it, else the default written in mkdocs.yml."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    from build_tools.paths import REPO

    config = REPO / "mkdocs.yml"
    if config.is_file():
        found = re.search(
            r'(?m)^site_url:.*?"(https?://[^"]+)"', config.read_text(encoding="utf-8")
        )
        if found:
            return found.group(1)
    return FALLBACK_SITE_URL


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    from build_tools.command_line import FAILED, checked_directory, data_folder

    from . import build
    from .selection import candidates, front_of

    args.lang = args.lang or DEFAULT_LANGUAGE
    data_dir = data_folder(args)
    site_url, where = _site_url(args)
    if is_placeholder(site_url) and not args.allow_placeholder_url:
        return _fail(_placeholder_refusal(site_url, where))
    directory = checked_directory(data_dir, _("No leaflet"), stream=sys.stderr)
    if directory is None:
        return FAILED
    front = list(front_of(directory).entries)

    if args.all:
        out_dir = args.out or OUT_DIR
        printable = _unique(
            [*front, *candidates(directory, None)]
            + [e for r in directory.regions for e in candidates(directory, r.id)]
        )
        refusal = _check_samples(printable, data_dir)
        if refusal:
            return _fail(refusal)

        def progress(info: build.LeafletInfo, done: int, total: int) -> None:
            print(
                f"[{done}/{total}] {out_dir / info.path} "
                f"({_pages(info.pages)}, {info.size // 1024} KB)"
            )

        made = build.build_leaflets(
            directory, out_dir, site_url=site_url, languages=LANGUAGES, progress=progress
        )
        listed = {i for info in made for i in info.listed}
        printed = _unique([*front, *(e for e in directory.entries if e.id in listed)])
        for warning in _warnings(printed, data_dir, args.stale_months):
            print(warning, file=sys.stderr)
        print(
            ngettext("{n} file in {folder}", "{n} files in {folder}", len(made)).format(
                n=len(made), folder=out_dir
            )
        )
        _warn_notices(directory, [i for info in made for i in info.listed])
        return 0

    region_id = None if args.region in (None, "national") else args.region
    known = [r.id for r in directory.regions]
    if args.region is None and not args.cards:
        return _fail(_("Say which region: --region ") + " | ".join([*known, "national"]))
    if region_id is not None and region_id not in known:
        return _fail(
            _("There is no region '{region_id}' in {value}; use one of: {items}.").format(
                region_id=region_id,
                value=data_dir / "regions.yml",
                items=", ".join([*known, "national"]),
            )
        )
    entry_ids = [i.strip() for i in (args.entries or "").split(",") if i.strip()]
    ids = {e.id for e in directory.entries}
    unknown = [i for i in entry_ids if i not in ids]
    if unknown:
        return _fail(
            _(
                "No entry with the id {items} in {value}; the id is the file name without .yml."
            ).format(items=", ".join(unknown), value=data_dir / "entries")
        )
    places: list = []
    if not args.cards:
        plan = build.leaflet_plan(
            directory,
            region_id=region_id,
            lang=args.lang,
            site_url=site_url,
            entry_ids=entry_ids or None,
        )
        places = list(plan.places)
    refusal = _check_samples(_unique([*front, *places]), data_dir)
    if refusal:
        return _fail(refusal)
    name = "wallet-cards" if args.cards else f"leaflet-{args.region}"
    target: Path = args.out or OUT_DIR / f"{name}-{args.lang}.pdf"
    if is_placeholder(site_url):
        print(
            _(
                "warning: the QR code opens {site_url}, a placeholder address: a test print only."
            ).format(site_url=site_url),
            file=sys.stderr,
        )
    if target.suffix.lower() == ".html":
        if args.cards:
            html = build.cards_source(directory, lang=args.lang, site_url=site_url)
        else:
            html = build.leaflet_source(
                directory,
                region_id=region_id,
                lang=args.lang,
                site_url=site_url,
                entry_ids=entry_ids or None,
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        for warning in _warnings(_unique([*front, *places]), data_dir, args.stale_months):
            print(warning, file=sys.stderr)
        print(
            _(
                "{target}: open it in a browser and print on A5 (or A4 for cards), both sides"
            ).format(target=target)
        )
        _warn_notices(directory, entry_ids or _region_places(directory, region_id))
        return 0
    if args.cards:
        info = build.build_cards(directory, target, lang=args.lang, site_url=site_url)
    else:
        info = build.build_custom(
            directory,
            target,
            region_id=region_id,
            lang=args.lang,
            site_url=site_url,
            entry_ids=entry_ids or None,
        )
    printed = _unique([*front, *(directory.entry(i) for i in info.listed)])
    for warning in _warnings(printed, data_dir, args.stale_months):
        print(warning, file=sys.stderr)
    listed = f", {_places(len(info.listed))}" if info.kind != "cards" else ""
    more = _(" ({more} more on the website)").format(more=info.more) if info.more else ""
    print(f"{target}: {_pages(info.pages)}{listed}{more}, {info.size // 1024} KB")
    _warn_notices(directory, info.listed)
    return 0


def _region_places(directory: object, region_id: str | None) -> list[str]:
    from .selection import candidates

    return [e.id for e in candidates(directory, region_id)]  # type: ignore[arg-type]


def _warn_notices(directory: object, listed: list[str] | tuple[str, ...]) -> None:
    """Notices in force about what the leaflet prints (see leaflets/notices.py)."""
    from .notices import notice_warnings

    for line in notice_warnings(directory, listed):  # type: ignore[arg-type]
        print(line, file=sys.stderr)
