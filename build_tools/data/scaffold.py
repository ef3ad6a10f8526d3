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

from .entry_checks import RESERVED_IDS
from .yaml_loader import load_file

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``new-entry`` to the command line."""
    parser = subparsers.add_parser(
        "new-entry",
        help="write a commented skeleton for a new entry (never overwrites)",
        description="Write directory_data/entries/<region>/<id>.yml with every field explained.",
    )
    parser.add_argument("--id", dest="entry_id", help="the new id, such as brest-crisis-room")
    parser.add_argument("--region", help="a region id from regions.yml")
    parser.add_argument("--locality", help="a town id of that region")
    parser.add_argument(
        "--service", action="append", default=[], help="a kind of help (repeat for several)"
    )
    parser.add_argument("--national", action="store_true", help="a country-wide service")
    parser.add_argument("--name", help="the name in Russian")
    parser.add_argument(
        "--confidential",
        action="store_true",
        help="the address is not published (with --locality the town is shown)",
    )
    parser.add_argument("--data", type=Path, help="the directory data folder")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from build_tools.paths import default_data_dir

    data_dir: Path = args.data or default_data_dir()
    regions, services = _known(data_dir)
    entry_id = args.entry_id or _ask("id (such as brest-crisis-room)")
    if not entry_id or not _ID.match(entry_id) or entry_id in RESERVED_IDS:
        return _fail(
            f"`{entry_id or ''}` cannot be an id: use lower-case Latin letters, digits and "
            "hyphens (not regions, services, finder, guide)"
        )
    region = None if args.national else (args.region or _ask("region"))
    if not args.national:
        if region not in regions:
            return _fail(f"there is no region `{region}`; use one of: {', '.join(regions)}")
        if args.locality and args.locality not in regions[region]:
            return _fail(
                f"there is no town `{args.locality}` in `{region}`; use one of: "
                f"{', '.join(regions[region])}"
            )
    service_ids = args.service or (_ask("kinds of help, comma-separated") or "").split(",")
    service_ids = [s.strip() for s in service_ids if s.strip()]
    unknown = [s for s in service_ids if s not in services]
    if unknown:
        return _fail(f"unknown kind of help {', '.join(unknown)}; use: {', '.join(services)}")
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
    print(f"Wrote {file}. Fill in the empty values, then run `make validate`.")
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
    return (
        f"the id `{entry_id}` is taken by {existing}{what}. If it is the same place, do not "
        f"make a new entry: edit that file and replace what has changed. If it is another "
        f"place, choose another id, such as `{other}`."
    )


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
    """The text of a new entry: the given facts filled in, the rest empty and explained."""
    if region is None:
        place = "# A country-wide service: no region.\nnational: true"
    else:
        town = f"locality: {locality}" if locality else "# locality: a town id of the region"
        place = f"# The region and town, ids from regions.yml.\nregion: {region}\n{town}"
    if region is None and not confidential:
        address = "# A country-wide service usually has no address; add `address:` if it has."
    elif confidential:
        # With a town, the town is shown (what people need of a crisis room); a place that must
        # not be located at all is made `hidden` by the editor.
        shown = "locality" if locality else "hidden"
        address = (
            "# Confidential: never write the address or geo of this place here (the data\n"
            "# repository is public). The page says the address is given by phone.\n"
            "# locality: the town is shown | hidden: neither town nor address (a place that\n"
            "# must not be located at all)\n"
            f"address_visibility: {shown}"
        )
    else:
        address = (
            "# public (the address is shown) | locality (only the town) | hidden\n"
            "address_visibility: public\n"
            "address:\n"
            "  ru:\n"
            "# A map point, optional: geo: {lat: 53.90, lon: 27.56}"
        )
    services_text = f"[{', '.join(services)}]" if services else "[]"
    admission = _ADMISSION if STAY_SERVICES.intersection(services) else ""
    name_text = f" {name}" if name else ""
    return f"""# yaml-language-server: $schema={schema}
# A new entry. Fill in the empty values, delete the commented lines you do not need,
# then run `make validate` in the repository folder.
# The editors' guide (docs/editors-guide.en.md) explains every field.

# The same as the file name; it is the page address, so do not change it later.
id: {entry_id}
# active | sample (an example, not a real service) | suspended
status: active
# Required in Russian; Belarusian and English fall back to Russian when missing.
name:
  ru:{name_text}
#  be:
#  en:
# One or two plain sentences: what they do, for whom.
summary:
  ru:
# Kinds of help, ids from services.yml.
services: {services_text}
{place}
{address}
# At least one way to reach them: phones, email, website or messengers.
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
{admission}# The day you confirmed these details.
verified: {today.isoformat()}
"""


#: Kinds of help where people stay: their skeleton has the admission block.
STAY_SERVICES = frozenset({"crisis-room", "shelter"})

_ADMISSION = """\
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
"""


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
