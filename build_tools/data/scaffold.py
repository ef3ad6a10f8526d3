"""``python -m build_tools new-entry``: a commented skeleton entry in the right folder.

The skeleton leaves the facts empty on purpose: until an editor fills them in, ``validate``
points at each empty line, so a half-written entry cannot be published by accident.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import re
import sys
from pathlib import Path

from build_tools.messages import N_, _, language

from .entry_checks import RESERVED_IDS
from .yaml_loader import load_file

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``new-entry`` to the command line."""
    parser = subparsers.add_parser(
        "new-entry",
        help=_("write a commented skeleton for a new entry (never overwrites)"),
        description=_("Write directory_data/entries/<region>/<id>.yml with every field explained."),
    )
    parser.add_argument("--id", dest="entry_id", help=_("the new id, such as brest-crisis-room"))
    parser.add_argument("--region", help=_("a region id from regions.yml"))
    parser.add_argument("--locality", help=_("a town id of that region"))
    parser.add_argument(
        "--service", action="append", default=[], help=_("a kind of help (repeat for several)")
    )
    parser.add_argument("--national", action="store_true", help=_("a country-wide service"))
    parser.add_argument("--name", help=_("the name in Russian"))
    parser.add_argument(
        "--confidential",
        action="store_true",
        help=_("the address is not published (with --locality the town is shown)"),
    )
    parser.add_argument("--data", type=Path, help=_("the directory data folder"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from build_tools.command_line import data_folder

    data_dir: Path = data_folder(args)
    regions, services = _known(data_dir)
    entry_id = args.entry_id or _ask(_("id (such as brest-crisis-room)"))
    if not entry_id or not _ID.match(entry_id) or entry_id in RESERVED_IDS:
        return _fail(
            _(
                "`{value}` cannot be an id: use lower-case Latin letters, digits and "
                "hyphens (not regions, services, finder, guide)"
            ).format(value=entry_id or "")
        )
    region = None if args.national else (args.region or _ask("region"))
    if not args.national:
        if region not in regions:
            return _fail(
                _("there is no region `{region}`; use one of: {items}").format(
                    region=region, items=", ".join(regions)
                )
            )
        if args.locality and args.locality not in regions[region]:
            return _fail(
                _("there is no town `{locality}` in `{region}`; use one of: {items}").format(
                    locality=args.locality, region=region, items=", ".join(regions[region])
                )
            )
    service_ids = args.service or (_ask(_("kinds of help, comma-separated")) or "").split(",")
    service_ids = [s.strip() for s in service_ids if s.strip()]
    unknown = [s for s in service_ids if s not in services]
    if unknown:
        return _fail(
            _("unknown kind of help {items}; use: {items2}").format(
                items=", ".join(unknown), items2=", ".join(services)
            )
        )
    existing = list((data_dir / "entries").rglob(f"{entry_id}.yml"))
    if existing:
        return _fail(_taken(existing[0], entry_id, data_dir, args.locality))
    folder = data_dir / "entries" / (region or "national")
    file = folder / f"{entry_id}.yml"
    folder.mkdir(parents=True, exist_ok=True)
    schema = os.path.relpath(data_dir / "schema" / "entry.schema.json", folder)
    text = skeleton(
        entry_id,
        schema=Path(schema).as_posix(),
        region=region,
        locality=args.locality,
        services=service_ids,
        name=args.name,
        confidential=args.confidential,
        today=_dt.date.today(),
    )
    with open(file, "x", encoding="utf-8") as out:  # "x": never overwrite
        out.write(text)
    print(_("Wrote {file}. Fill in the empty values, then run `make validate`.").format(file=file))
    return 0


def _taken(existing: Path, entry_id: str, data_dir: Path, locality: str | None) -> str:
    """Which of the two cases it is, so the editor neither duplicates a place nor loses one."""
    data = load_file(existing).data
    name = data.get("name") if isinstance(data, dict) else None
    name_ru = name.get("ru") if isinstance(name, dict) else None
    what = f" ({name_ru})" if isinstance(name_ru, str) and name_ru else ""
    taken = {f.stem for f in (data_dir / "entries").rglob("*.yml")}
    options = [f"{entry_id}-{locality}"] if locality and locality not in entry_id else []
    options += [f"{entry_id}-{n}" for n in range(2, 10)]
    other = next(o for o in options if o not in taken)
    return _(
        "the id `{entry_id}` is taken by {existing}{what}. If it is the same "
        "place, do not make a new entry: edit that file and replace what has "
        "changed. If it is another place, choose another id, such as `{other}`."
    ).format(entry_id=entry_id, existing=existing, what=what, other=other)


def skeleton(
    entry_id: str,
    *,
    schema: str,
    region: str | None,
    locality: str | None,
    services: list[str],
    name: str | None,
    confidential: bool,
    today: _dt.date,
) -> str:
    """The text of a new entry: the given facts filled in, the rest empty and explained.

    The comments are in the messages' language (``--lang``), and point to that language's
    editors' guide; the keys and values stay as the data format has them.
    """
    if region is None:
        place = _("# A country-wide service: no region.") + "\nnational: true"
    else:
        town = f"locality: {locality}" if locality else _("# locality: a town id of the region")
        place = _("# The region and town, ids from regions.yml.") + f"\nregion: {region}\n{town}"
    if region is None and not confidential:
        address = _("# A country-wide service usually has no address; add `address:` if it has.")
    elif confidential:
        # With a town, the town is shown (what people need of a crisis room); a place that must
        # not be located at all is made `hidden` by the editor.
        shown = "locality" if locality else "hidden"
        address = (
            _(
                "# Confidential: never write the address or geo of this place here (the data\n"
                "# repository is public). The page says the address is given by phone.\n"
                "# locality: the town is shown | hidden: neither town nor address (a place that\n"
                "# must not be located at all)"
            )
            + f"\naddress_visibility: {shown}"
        )
    else:
        address = (
            _("# public (the address is shown) | locality (only the town) | hidden")
            + "\naddress_visibility: public\naddress:\n  ru:\n"
            + _("# A map point, optional: geo: {lat: 53.90, lon: 27.56}")
        )
    services_text = f"[{', '.join(services)}]" if services else "[]"
    admission = _(_ADMISSION) if STAY_SERVICES.intersection(services) else ""
    name_text = f" {name}" if name else ""
    intro = _(
        "# A new entry. Fill in the empty values, delete the commented lines you do not need,\n"
        "# then run `make validate` in the repository folder.\n"
        "# The editors' guide ({guide}) explains every field."
    ).format(guide=guide_path())
    id_note = _("# The same as the file name; it is the page address, so do not change it later.")
    status_note = _("# active | sample (an example, not a real service) | suspended")
    name_note = _(
        "# Required in Russian; Belarusian and English fall back to Russian when missing."
    )
    summary_note = _("# One or two plain sentences: what they do, for whom.")
    services_note = _("# Kinds of help, ids from services.yml.")
    reach_note = _("# At least one way to reach them: phones, email, website or messengers.")
    verified_note = _("# The day you confirmed these details.")
    return f"""# yaml-language-server: $schema={schema}
{intro}

{id_note}
id: {entry_id}
{status_note}
status: active
{name_note}
name:
  ru:{name_text}
#  be:
#  en:
{summary_note}
summary:
  ru:
{services_note}
services: {services_text}
{place}
{address}
{reach_note}
phones:
  - number: ""
#    type: voice    # voice | sms | messenger | video (sign language) | textphone
#    label: {{ru: горячая линия}}
#    hours: "Mo-Fr 09:00-18:00"
#    cost: free
# email: info@example.by
# website: https://example.by
# messengers: {{telegram: UserName, viber: "+375 29 123-45-67"}}
# hours: "Mo-Fr 08:30-17:30; Sa 09:00-13:00"
# serves: [women, men, children]
# languages: [ru, be]
# sign_language: true
# free: true
# anonymous: true
# wheelchair: limited
{admission}{verified_note}
verified: {today.isoformat()}
"""


#: The editors' guides there are; a language without one points to the Russian guide.
GUIDES_DIR = Path(__file__).resolve().parents[2] / "docs"


def guide_path(lang: str | None = None) -> str:
    """``docs/editors-guide.<lang>.md`` in the messages' language, else the Russian one."""
    lang = lang or language()
    if not (GUIDES_DIR / f"editors-guide.{lang}.md").is_file():
        lang = "ru"
    return f"docs/editors-guide.{lang}.md"


#: Kinds of help where people stay: their skeleton has the admission block.
STAY_SERVICES = frozenset({"crisis-room", "shelter"})

_ADMISSION = N_("""\
# How one gets a place to stay here. Uncomment only what you have confirmed by phone;
# a line you do not know stays commented (the page then says nothing about it).
# admission:
#   referral: [self, police, social-services, health]  # who may send someone; self = come
#                                                      # or call yourself; also court, ngo
#   max_stay_days: 10              # the longest stay, in days
#   registration_required: false  # true if a local residence registration is needed
#   id_required: false             # true if an identity document is needed
#   children: with-parent          # with-parent (children stay with a parent) | no
#   boys_up_to_age: 14             # with with-parent: the oldest age a boy may stay at
#   notes: {ru: …}                 # anything else about getting in
# pets: ask                        # may one come with a pet: yes | no | ask (it depends)
# places: 4                        # how many people can stay at once (beds)
""")


def _known(data_dir: Path) -> tuple[dict[str, list[str]], list[str]]:
    """Region ids with their town ids, and kind-of-help ids, read leniently."""
    regions: dict[str, list[str]] = {}
    for item in load_file(data_dir / "regions.yml").data or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            towns = item.get("localities") or []
            regions[item["id"]] = [t["id"] for t in towns if isinstance(t, dict) and "id" in t]
    services = [
        item["id"]
        for item in load_file(data_dir / "services.yml").data or []
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]
    return regions, services


def _ask(what: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return input(f"{what}: ").strip() or None


def _fail(message: str) -> int:
    print(f"new-entry: {message}", file=sys.stderr)
    return 1
