"""``python -m build_tools leaflet``: one leaflet for a volunteer, or every leaflet at once.

A volunteer may want a leaflet for one town's places only (``--entries``), or the HTML to
print from a browser (``--out leaflet.html``); ``--all`` makes what the build publishes and
reports each file as it is done, since that takes a while.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

FALLBACK_SITE_URL = "https://help.example.org/"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``leaflet`` to the command line."""
    parser = subparsers.add_parser(
        "leaflet",
        help="make a printable leaflet (PDF or HTML) for a region and language",
        description=(
            "Make a two-sided A5 leaflet for a region (or 'national') in one language, "
            "optionally with chosen entries only; or, with --all, every leaflet and "
            "wallet-card sheet the site publishes."
        ),
    )
    parser.add_argument("--region", help="region id from regions.yml, or 'national'")
    parser.add_argument("--lang", choices=("ru", "be", "en"), default="ru")
    parser.add_argument(
        "--entries", help="comma-separated entry ids to list instead of the region's places"
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="the file to write: .pdf, or .html to print from a browser "
        "(default leaflet-<region>-<lang>.pdf); with --all, a folder",
    )
    parser.add_argument(
        "--cards", action="store_true", help="the wallet-card sheet instead of a leaflet"
    )
    parser.add_argument("--all", action="store_true", help="every leaflet and card sheet")
    parser.add_argument("--data-dir", type=Path, help="the directory data folder")
    parser.add_argument(
        "--site-url", help="the site's public address for the QR codes (default: mkdocs.yml)"
    )
    parser.set_defaults(func=run)


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
    from build_tools.data.build import validate_directory
    from build_tools.data.errors import format_problems
    from build_tools.paths import default_data_dir

    from . import build

    data_dir = args.data_dir or default_data_dir()
    site_url = args.site_url or site_url_default()
    result = validate_directory(data_dir)
    directory = result.directory
    if directory is None:
        return _fail(format_problems(result.problems) + "\nNo leaflet: fix the data first.")

    if args.all:
        out_dir = args.out or Path("leaflets")

        def progress(info: build.LeafletInfo, done: int, total: int) -> None:
            print(
                f"[{done}/{total}] {out_dir / info.path} ({info.pages} p., {info.size // 1024} KB)"
            )

        made = build.build_leaflets(
            directory, out_dir, site_url=site_url, languages=("ru", "be", "en"), progress=progress
        )
        print(f"{len(made)} files in {out_dir}")
        _warn_notices(directory, [i for info in made for i in info.listed])
        return 0

    region_id = None if args.region in (None, "national") else args.region
    known = [r.id for r in directory.regions]
    if args.region is None and not args.cards:
        return _fail("Say which region: --region " + " | ".join([*known, "national"]))
    if region_id is not None and region_id not in known:
        return _fail(
            f"There is no region '{region_id}' in {data_dir / 'regions.yml'}; "
            f"use one of: {', '.join([*known, 'national'])}."
        )
    entry_ids = [i.strip() for i in (args.entries or "").split(",") if i.strip()]
    ids = {e.id for e in directory.entries}
    unknown = [i for i in entry_ids if i not in ids]
    if unknown:
        return _fail(
            f"No entry with the id {', '.join(unknown)} in {data_dir / 'entries'}; "
            "the id is the file name without .yml."
        )
    name = "wallet-cards" if args.cards else f"leaflet-{args.region}"
    target: Path = args.out or Path(f"{name}-{args.lang}.pdf")
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
        print(f"{target}: open it in a browser and print on A5 (or A4 for cards), both sides")
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
    listed = f", {len(info.listed)} places" if info.kind != "cards" else ""
    more = f" ({info.more} more on the website)" if info.more else ""
    print(f"{target}: {info.pages} pages{listed}{more}, {info.size // 1024} KB")
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
