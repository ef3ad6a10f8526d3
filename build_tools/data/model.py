"""The typed, immutable directory model that every output stage reads.

The model is built once per build from validated YAML (see ``build_tools.data.build``) and
never mutated afterwards, so the pages, finder, feeds and leaflets of all three languages
agree with each other by construction.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

# Site languages (declared in mkdocs.yml), the default first. Text falls back in this order.
from build_tools.languages import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE
from build_tools.languages import LANGUAGES as LANGUAGES

#: A phone's ``type`` values, in the order pages and filters list them.
PHONE_TYPES: tuple[str, ...] = ("voice", "sms", "messenger", "video", "textphone")


@dataclass(frozen=True)
class Text:
    """A text in several languages, with the fallback rule the whole site shares.

    Keeping the fallback here (and reporting which language was actually used) lets every
    output mark fallen-back text with its own ``lang`` attribute.
    """

    values: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def get(self, lang: str) -> tuple[str, str]:
        """Return ``(text, language_of_text)``; falls back to ru, then be, then en."""
        if self.values.get(lang):
            return self.values[lang], lang
        for other in LANGUAGES:
            if self.values.get(other):
                return self.values[other], other
        return "", lang

    def __call__(self, lang: str) -> str:
        return self.get(lang)[0]

    def has(self, lang: str) -> bool:
        return bool(self.values.get(lang))

    def __bool__(self) -> bool:
        return any(self.values.values())


@dataclass(frozen=True)
class Locality:
    id: str
    region: str
    name: Text


@dataclass(frozen=True)
class Region:
    id: str
    name: Text
    localities: tuple[Locality, ...] = ()


@dataclass(frozen=True)
class Service:
    """A kind of help (taxonomy term)."""

    id: str
    name: Text
    description: Text = Text()


@dataclass(frozen=True)
class Interval:
    """One opening interval in minutes from Monday 00:00 (Minsk time), end exclusive.

    ``start`` is in 0..10079; ``end`` may exceed 10080 for intervals that run past Sunday
    midnight; consumers wrap it.
    """

    start: int
    end: int


@dataclass(frozen=True)
class Hours:
    """Parsed opening hours (the OpenStreetMap ``opening_hours`` subset we support).

    ``rules`` keeps the editor's grouping for display: each rule is a tuple of weekdays
    (0 = Monday) and the ``(start_minute, end_minute)`` spans of one day, so a page can
    write "Mon–Fri 08:30–17:30" without regrouping. ``intervals`` is the same as a flat
    weekly list for "open now" checks and feeds.
    """

    raw: str
    always: bool = False
    rules: tuple[tuple[tuple[int, ...], tuple[tuple[int, int], ...]], ...] = ()
    intervals: tuple[Interval, ...] = ()
    closed_days: tuple[int, ...] = ()


@dataclass(frozen=True)
class Phone:
    raw: str
    #: "+375171234567", or None for short numbers (102, 133) that have no E.164 form. The
    #: number's identity, not always diallable: see ``international``.
    e164: str | None
    #: How to dial it inside Belarus, readably grouped: "8 801 100-88-01", "102".
    display: str
    #: The value for a ``tel:`` link, what a phone in Belarus dials (one rule,
    #: :func:`build_tools.data.phones.dial_in_belarus`): "+375171234567", "88011008801", "102".
    tel: str
    short: bool = False
    #: The form to dial from abroad; None for short numbers and the 8-801 free lines.
    international: str | None = None
    label: Text = Text()
    hours: Hours | None = None
    #: "free" | "free-landline" | "paid" | None
    cost: str | None = None
    #: How the number is used: "voice" (a call, the default), "sms", "messenger" (Viber,
    #: Telegram or WhatsApp on this number), "video" (a video call in sign language),
    #: "textphone" (a text telephone for deaf people).
    type: str = "voice"


@dataclass(frozen=True)
class Geo:
    lat: float
    lon: float


@dataclass(frozen=True)
class Admission:
    referral: tuple[str, ...] = ()
    max_stay_days: int | None = None
    registration_required: bool | None = None
    id_required: bool | None = None
    children: str | None = None
    #: With ``children == "with-parent"``: the oldest age (full years) at which a boy may stay
    #: with his mother; None when the source states no limit.
    boys_up_to_age: int | None = None
    notes: Text = Text()


@dataclass(frozen=True)
class Entry:
    id: str
    name: Text
    services: tuple[str, ...]
    #: The day the details were last confirmed by phone; None while ``unconfirmed``.
    verified: _dt.date | None
    status: str = "active"  # active | unconfirmed | sample | suspended
    #: Where the facts come from (a URL or a document's name) and the date it shows.
    source: str | None = None
    source_date: _dt.date | None = None
    summary: Text = Text()
    national: bool = False
    region: str | None = None
    locality: str | None = None
    address_visibility: str = "public"  # public | locality | hidden
    address: Text = Text()
    geo: Geo | None = None
    phones: tuple[Phone, ...] = ()
    email: str | None = None
    website: str | None = None
    messengers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    hours: Hours | None = None
    serves: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    free: bool | None = None
    anonymous: bool | None = None
    wheelchair: str | None = None  # yes | limited | no
    #: May one come with a pet: "yes" | "no" | "ask" (it depends); None when not known.
    pets: str | None = None
    #: How many people can stay at once (beds), as the source says; None when not known.
    places: int | None = None
    #: True when staff can talk in sign language; see :attr:`offers_sign_language`.
    sign_language: bool | None = None
    admission: Admission | None = None
    #: Ids this entry was known by before; each keeps a redirect page at its old URL.
    former_ids: tuple[str, ...] = ()
    #: Path of the YAML file, relative to the data directory (for reports and messages).
    file: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "messengers", MappingProxyType(dict(self.messengers)))

    @property
    def is_sample(self) -> bool:
        return self.status == "sample"

    @property
    def hours_in_force(self) -> tuple[Hours, ...]:
        """The entry's own hours, else its phones' (a helpline often has hours only on its
        number): what "open now" and "around the clock" are judged by. Empty when unknown."""
        if self.hours is not None:
            return (self.hours,)
        return tuple(p.hours for p in self.phones if p.hours is not None)

    @property
    def offers_sign_language(self) -> bool:
        """Sign language is offered: said outright, or a video line (which is for signing)."""
        return self.sign_language is True or any(p.type == "video" for p in self.phones)

    @property
    def reached_by(self) -> tuple[str, ...]:
        """Ways to reach them besides a voice call, in a fixed order: "sms", "messenger"
        (a number that works in messengers, or a ``messengers`` contact), "video", "textphone".
        """
        kinds = {p.type for p in self.phones}
        if self.messengers:
            kinds.add("messenger")
        return tuple(k for k in PHONE_TYPES if k != "voice" and k in kinds)

    # -- what of its place may be shown: the one rule every output asks (never re-decide it)
    #
    #   public   the town (if any), the address and the map point, as written
    #   locality the town only; the address is given by phone
    #   hidden   neither town nor address nor point: only the region (or "all the country")

    @property
    def is_unconfirmed(self) -> bool:
        """Real help taken from a public source that nobody has yet confirmed by phone."""
        return self.status == "unconfirmed"

    @property
    def as_of(self) -> _dt.date | None:
        """The date the details are known as of: the last call, else the source's date."""
        return self.verified or self.source_date

    @property
    def address_public(self) -> bool:
        """True only when the editor published the address; confidential places never are."""
        return self.address_visibility == "public"

    @property
    def shown_locality(self) -> str | None:
        """The town id that may be shown, or None: a hidden place is never located in a town."""
        return None if self.address_visibility == "hidden" else self.locality

    @property
    def shown_address(self) -> Text:
        """The street address that may be shown; empty for every confidential place."""
        return self.address if self.address_public else Text()

    @property
    def shown_geo(self) -> Geo | None:
        """The map point that may be shown; None for every confidential place."""
        return self.geo if self.address_public else None

    @property
    def address_by_phone(self) -> bool:
        """True when outputs must say the address is given by phone (or on contact)."""
        return not self.address_public


@dataclass(frozen=True)
class Report:
    """What a crisis room or shelter said about its places, and when (``status.yml``).

    Kept apart from the entry because it changes daily. How old is too old is judged where it
    is shown (on the visitor's device), never here.
    """

    entry: str
    state: str  # free | full
    #: Free places, when they said how many (only with ``free``).
    places: int | None
    #: When they said so, an aware datetime in Minsk time.
    reported: _dt.datetime


@dataclass(frozen=True)
class Notice:
    """A notice shown between ``start`` and ``end`` on every page, or on one entry's pages."""

    kind: str  # changed-number | closed | other
    start: _dt.datetime
    end: _dt.datetime
    text: Text
    #: The entry it concerns; None for the whole site.
    entry: str | None = None

    def active(self, now: _dt.datetime) -> bool:
        return self.start <= now < self.end


@dataclass(frozen=True)
class Directory:
    regions: tuple[Region, ...]
    services: tuple[Service, ...]
    entries: tuple[Entry, ...]
    #: ``status.yml``: the latest report per entry id (entries without one are unknown).
    reports: Mapping[str, Report] = field(default_factory=lambda: MappingProxyType({}))
    notices: tuple[Notice, ...] = ()
    #: The organisation's own facts (organisation.yml), when the data folder has them; the
    #: site build requires them. A :class:`build_tools.data.organisation.Organisation`.
    organisation: Any = None
    #: Official population per region (population.yml), when the data folder has it; the
    #: coverage page needs it. A :class:`build_tools.data.population.Population`.
    population: Any = None

    def region(self, region_id: str) -> Region:
        return self._regions_by_id[region_id]

    def service(self, service_id: str) -> Service:
        return self._services_by_id[service_id]

    def entry(self, entry_id: str) -> Entry:
        return self._entries_by_id[entry_id]

    def locality(self, locality_id: str) -> Locality:
        return self._localities_by_id[locality_id]

    @property
    def _regions_by_id(self) -> Mapping[str, Region]:
        return _index(self, "_r", ((r.id, r) for r in self.regions))

    @property
    def _services_by_id(self) -> Mapping[str, Service]:
        return _index(self, "_s", ((s.id, s) for s in self.services))

    @property
    def _entries_by_id(self) -> Mapping[str, Entry]:
        return _index(self, "_e", ((e.id, e) for e in self.entries))

    @property
    def _localities_by_id(self) -> Mapping[str, Locality]:
        return _index(self, "_l", ((loc.id, loc) for r in self.regions for loc in r.localities))

    def national(self) -> tuple[Entry, ...]:
        """Country-wide services, in file order (the editors decide what comes first)."""
        return tuple(e for e in self.entries if e.national)

    def in_region(self, region_id: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if not e.national and e.region == region_id)

    def with_service(self, service_id: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if service_id in e.services)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)


def _index(owner: Directory, key: str, items: Iterator[tuple[str, object]]) -> Mapping:
    """Lazily built id lookups; the model is immutable, so they never go stale."""
    found = owner.__dict__.get(key)
    if found is None:
        found = MappingProxyType(dict(items))
        object.__setattr__(owner, key, found)
    return found
