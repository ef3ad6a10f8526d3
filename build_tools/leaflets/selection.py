"""What a leaflet lists: the national numbers on the front, then a region's places by importance.

Paper has a fixed size, so the places are ranked (somewhere to stay tonight first: crisis rooms
and shelters, then other help) and cut to what the back page holds; the rest are counted and
sent to the website, which the QR code opens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from build_tools.data.model import Directory, Entry, Phone, Region

#: Kinds of help where a person can stay: they come first on every leaflet.
STAY_SERVICES = frozenset({"crisis-room", "shelter"})


@dataclass(frozen=True)
class Front:
    """The country-wide contacts printed on every leaflet and wallet card."""

    hotline: Entry | None
    hotline_phone: Phone | None
    chatbot: Entry | None
    emergency: tuple[Entry, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        found = [e for e in (self.hotline, self.chatbot) if e is not None]
        return (*found, *self.emergency)


@dataclass(frozen=True)
class Plan:
    """One leaflet's content, before it is laid out."""

    lang: str
    region: Region | None
    front: Front
    places: tuple[Entry, ...]
    #: Places that exist but did not fit: "all the others (n) at <url>".
    more: int
    url: str

    @property
    def checked(self) -> dt.date | None:
        """The oldest date among everything printed (the leaflet is as old as that): the last
        call, or for an unconfirmed entry the date of its source."""
        dates = [e.as_of for e in (*self.front.entries, *self.places) if e.as_of]
        return min(dates) if dates else None


def listed(entries: Iterable[Entry]) -> list[Entry]:
    """Entries fit to print: a suspended service must not be sent people on paper."""
    return [e for e in entries if e.status != "suspended"]


def front_of(directory: Directory) -> Front:
    """The hotline, the chatbot and the emergency numbers, taken from the national entries.

    The first national hotline with a phone, the first national chat with a Telegram account,
    and every national emergency line, in file order (editors decide the order).
    """
    national = listed(directory.national())
    hotline = next((e for e in national if "hotline" in e.services and e.phones), None)
    chatbot = next(
        (e for e in national if "chat" in e.services and e.messengers.get("telegram")), None
    )
    emergency = tuple(
        e for e in national if "emergency" in e.services and e.phones and e is not hotline
    )
    phone = None
    if hotline is not None:
        phone = next((p for p in hotline.phones if p.cost == "free"), hotline.phones[0])
    return Front(hotline=hotline, hotline_phone=phone, chatbot=chatbot, emergency=emergency)


def is_stay(entry: Entry) -> bool:
    return bool(STAY_SERVICES.intersection(entry.services))


def ranked(entries: Sequence[Entry]) -> list[Entry]:
    """Most important first: places to stay, real before sample, reachable by phone, file order."""
    order = {e.id: i for i, e in enumerate(entries)}
    return sorted(
        entries,
        key=lambda e: (not is_stay(e), e.is_sample, not e.phones, order[e.id]),
    )


def candidates(directory: Directory, region_id: str | None) -> list[Entry]:
    """Every place a leaflet could list, most important first.

    A region's leaflet lists that region's places. The national leaflet lists the other
    country-wide services, then places to stay: each region's most important one, then each
    region's second, and so on.
    """
    front_ids = {e.id for e in front_of(directory).entries}
    if region_id is not None:
        return ranked(listed(directory.in_region(region_id)))
    others = [e for e in listed(directory.national()) if e.id not in front_ids]
    per_region = [
        ranked([e for e in listed(directory.in_region(r.id)) if is_stay(e)])
        for r in directory.regions
    ]
    # One place to stay per region in turn, so the national leaflet covers the whole country.
    interleaved = [
        places[i]
        for i in range(max(map(len, per_region), default=0))
        for places in per_region
        if i < len(places)
    ]
    return [*ranked(others), *interleaved]


def all_places(directory: Directory, region_id: str | None) -> int:
    """How many places the website lists for this leaflet's area (for "all the others (n)")."""
    front_ids = {e.id for e in front_of(directory).entries}
    if region_id is not None:
        return len(listed(directory.in_region(region_id)))
    return len([e for e in listed(directory.entries) if e.id not in front_ids])
