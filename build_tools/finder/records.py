"""What a result card needs about each entry, as compact JSON for the browser.

Only what is public and needed goes in: no address at all (the card links to the entry page,
which shows a public address), nothing about confidential places beyond their town. Lists
of regions, towns and kinds of help are sent once and referred to by position, so the file
stays small at a thousand entries.
"""

from __future__ import annotations

from typing import Any

from babel.dates import format_date

from build_tools.data.availability import has_places
from build_tools.data.hours import joined_intervals
from build_tools.data.model import Directory, Entry
from build_tools.data.sources import shown_source

# Flag bits of an entry (the page receives them as FLAGS below: finder.js reads that table).
NATIONAL = 1
FREE = 2
ANONYMOUS = 4
WHEELCHAIR = 8
WHEELCHAIR_LIMITED = 16
ALWAYS_OPEN = 32
WOMEN = 64
MEN = 128
CHILDREN = 256
SAMPLE = 512
#: The hours are known (without this, "open now" cannot be said either way).
HOURS_KNOWN = 1024
#: Real, from a public source, not yet confirmed by phone: the card says "call first".
UNCONFIRMED = 2048

_SERVES = {"women": WOMEN, "men": MEN, "children": CHILDREN}

#: A crisis room or shelter: its card says whether it has free places (availability.js).
PLACES = 4096

#: Pets: welcome, or "ask" (it depends); an entry that says neither has no bit.
PETS_YES = 1 << 13
PETS_ASK = 1 << 14
#: Children may stay with a parent (``admission.children: with-parent``).
WITH_PARENT = 1 << 15
#: Ways to reach them besides a voice call (:attr:`Entry.reached_by`).
REACH_SMS = 1 << 16
REACH_MESSENGER = 1 << 17
REACH_VIDEO = 1 << 18
REACH_TEXTPHONE = 1 << 19
#: Staff talk in sign language (:attr:`Entry.offers_sign_language`).
SIGN_LANGUAGE = 1 << 20

_PETS = {"yes": PETS_YES, "ask": PETS_ASK}
_REACH = {
    "sms": REACH_SMS,
    "messenger": REACH_MESSENGER,
    "video": REACH_VIDEO,
    "textphone": REACH_TEXTPHONE,
}

#: Every flag by the name finder.js uses. The page receives this table in the finder's
#: configuration, so the browser never writes a bit of its own and the two cannot disagree.
FLAGS: dict[str, int] = {
    "national": NATIONAL,
    "free": FREE,
    "anonymous": ANONYMOUS,
    "wheelchair": WHEELCHAIR,
    "wheelchairLimited": WHEELCHAIR_LIMITED,
    "always": ALWAYS_OPEN,
    "women": WOMEN,
    "men": MEN,
    "children": CHILDREN,
    "sample": SAMPLE,
    "hoursKnown": HOURS_KNOWN,
    "unconfirmed": UNCONFIRMED,
    "places": PLACES,
    "petsYes": PETS_YES,
    "petsAsk": PETS_ASK,
    "withParent": WITH_PARENT,
    "reachSms": REACH_SMS,
    "reachMessenger": REACH_MESSENGER,
    "reachVideo": REACH_VIDEO,
    "reachTextphone": REACH_TEXTPHONE,
    "signLanguage": SIGN_LANGUAGE,
}


def flags(entry: Entry) -> int:
    value = 0
    if entry.national:
        value |= NATIONAL
    if entry.free:
        value |= FREE
    if entry.anonymous:
        value |= ANONYMOUS
    if entry.wheelchair == "yes":
        value |= WHEELCHAIR
    elif entry.wheelchair == "limited":
        value |= WHEELCHAIR_LIMITED
    hours = entry.hours_in_force
    if hours:
        value |= HOURS_KNOWN
        if any(h.always for h in hours):
            value |= ALWAYS_OPEN
    if entry.is_sample:
        value |= SAMPLE
    if entry.is_unconfirmed:
        value |= UNCONFIRMED
    for who in entry.serves:
        value |= _SERVES.get(who, 0)
    if has_places(entry):
        value |= PLACES
    value |= _PETS.get(entry.pets or "", 0)
    if entry.admission is not None and entry.admission.children == "with-parent":
        value |= WITH_PARENT
    for way in entry.reached_by:
        value |= _REACH[way]
    if entry.offers_sign_language:
        value |= SIGN_LANGUAGE
    return value


def boys_up_to_age(entry: Entry) -> int:
    """The stated oldest age a boy may stay at with his mother; 0 when none is stated."""
    admission = entry.admission
    if admission is None or admission.children != "with-parent":
        return 0
    return admission.boys_up_to_age or 0


def hours_intervals(entry: Entry) -> list[list[int]]:
    """The weekly intervals ``[[start, end], …]`` (minutes from Monday 00:00, Minsk time) of
    the entry, or of its phones when it has none: the same form the entry pages hand the
    open-now script, which the finder's cards and filter ask too. Empty when the hours are
    unknown or around the clock (the flags say which)."""
    hours = entry.hours_in_force
    if not hours or any(h.always for h in hours):
        return []
    return [[start, end] for start, end in joined_intervals(hours)]


def unconfirmed_source(entry: Entry, lang: str) -> str:
    """ "example.by/list, 15 сентября 2026 г." for an unconfirmed entry's card; else ""."""
    if not entry.is_unconfirmed:
        return ""
    day = format_date(entry.source_date, "long", locale=lang) if entry.source_date else ""
    return ", ".join(part for part in (shown_source(entry.source), day) if part)


def phone_row(display: str, tel: str) -> list[str]:
    """A card's number as shown and as dialled: finder.js takes the ``tel:`` value from here,
    never works it out, so the one rule of the data stage decides every call button."""
    return [display, tel]


def published(directory: Directory) -> list[Entry]:
    """Entries the finder shows: everything but suspended ones, national services first."""
    shown = [e for e in directory.entries if e.status != "suspended"]
    return [e for e in shown if e.national] + [e for e in shown if not e.national]


#: Columns of the entries, in the order ``build_records`` writes them (finder.js reads the
#: same keys). One list per column rather than one list per entry: a column holds values
#: of one shape (ids, names, flags), which compresses about a fifth better.
COLUMNS = (
    "id",
    "name",
    "services",
    "region",
    "town",
    "flags",
    "hours",
    "phones",
    "source",
    "languages",
    "places",
    "boys",
)


def build_records(directory: Directory, lang: str, entries: list[Entry]) -> dict[str, Any]:
    """The finder's data for one language; an entry's position is its reference in the index.

    Keys: ``r`` regions ``[id, name]``, ``l`` towns ``[id, name, region position]``,
    ``s`` kinds of help ``[id, name]``, ``e`` the entries by column (:data:`COLUMNS`): ids,
    names, ``[service positions]``, region position or -1, town position or -1, flags,
    ``[[open, close], …]`` weekly intervals, ``[[phone display, tel], …]``, for an unconfirmed
    entry where its facts come from and their date as the card shows them ("" for the others),
    the codes of the languages spoken, the number of places (0: not known) and the oldest age a
    boy may stay at with his mother (0: not stated). The last three are what the described
    filters (:mod:`build_tools.finder.filters`) compare with.
    """
    regions = list(directory.regions)
    region_pos = {r.id: i for i, r in enumerate(regions)}
    towns = [loc for r in regions for loc in r.localities]
    town_pos = {loc.id: i for i, loc in enumerate(towns)}
    services = list(directory.services)
    service_pos = {s.id: i for i, s in enumerate(services)}
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for entry in entries:
        columns["id"].append(entry.id)
        columns["name"].append(entry.name(lang))
        columns["services"].append([service_pos[s] for s in entry.services if s in service_pos])
        columns["region"].append(region_pos.get(entry.region or "", -1))
        columns["town"].append(town_pos.get(entry.shown_locality or "", -1))
        columns["flags"].append(flags(entry))
        columns["hours"].append(hours_intervals(entry))
        columns["phones"].append([phone_row(p.display, p.tel) for p in entry.phones])
        columns["source"].append(unconfirmed_source(entry, lang))
        columns["languages"].append(list(entry.languages))
        columns["places"].append(entry.places or 0)
        columns["boys"].append(boys_up_to_age(entry))
    return {
        "r": [[r.id, r.name(lang)] for r in regions],
        "l": [[loc.id, loc.name(lang), region_pos[loc.region]] for loc in towns],
        "s": [[s.id, s.name(lang)] for s in services],
        "e": columns,
    }


def rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The entries of ``build_records`` one by one, each a dict by column (for checks)."""
    columns = data["e"]
    return [{name: columns[name][i] for name in COLUMNS} for i in range(len(columns["id"]))]
