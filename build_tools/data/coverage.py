"""Where help is missing: the directory counted region by region against the minimum standards.

The Council of Europe's minimum standards, which WAVE's country reports compare services with,
ask for one family place in a shelter per 10,000 inhabitants, one women's counselling centre per
50,000 women, and a free national helpline open around the clock. These figures are worked out
once, here, from the model and ``population.yml``; the coverage page, its chart and table, and
``coverage.csv`` in the open data all print the same :class:`RegionCoverage` values.

What is counted is what the directory knows of, never more:

- places: the number of places a crisis room or shelter states (``places``), and one place for
  each crisis room or shelter that states none (it has at least one), so the figure is a floor;
- counselling: local services that offer psychological or legal help;
- round-the-clock lines: local hotlines whose hours, or a phone's hours, are ``24/7``.

Entries that are examples (``sample``) or not working now (``suspended``) are not counted;
entries not yet confirmed by phone are counted and their number is given beside the figures.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass

from .model import Directory, Entry, Hours

#: One family place in a shelter per this many inhabitants.
PEOPLE_PER_PLACE = 10_000
#: One counselling centre per this many women.
WOMEN_PER_COUNSELLING = 50_000
#: Kinds of help where people stay.
STAY_KINDS = frozenset({"crisis-room", "shelter"})
#: Kinds of help counted as counselling.
COUNSELLING_KINDS = frozenset({"psychological", "legal"})
#: The kind of help a helpline is filed under.
LINE_KIND = "hotline"
#: Statuses of entries that are counted (real services, working).
COUNTED_STATUSES = frozenset({"active", "unconfirmed"})


def stated_places(entry: Entry) -> int | None:
    """The number of places (beds) an entry states, or None.

    Read tolerantly: ``places`` is new in the data contract (the entry format in DESIGN.md), so
    a model without the field simply has no stated places.
    """
    value = getattr(entry, "places", None)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def needed(count: int, per: int) -> int:
    """How many the standard asks for: one per ``per``, rounded to the nearest whole number."""
    return (count + per // 2) // per


@dataclass(frozen=True)
class RegionCoverage:
    region: str
    people: int
    #: Women in the region; None when the population source gives no such figure.
    women: int | None
    #: Crisis rooms and shelters the directory lists in the region.
    stay_services: int
    #: Places stated by those that state them.
    places_stated: int
    #: Crisis rooms and shelters that state no number of places (each counted as one place).
    places_not_stated: int
    #: Places the standard asks for (one per 10,000 inhabitants).
    places_needed: int
    #: Local services offering psychological or legal help.
    counselling: int
    #: Counselling services the standard asks for (one per 50,000 women); None without women.
    counselling_needed: int | None
    #: Local hotlines open around the clock.
    lines_24h: int
    #: Counted entries (of all three kinds) not yet confirmed by phone.
    unconfirmed: int

    @property
    def places_known(self) -> int:
        """At least this many places: those stated, and one for each place that states none."""
        return self.places_stated + self.places_not_stated


@dataclass(frozen=True)
class NationalLine:
    """A country-wide helpline and what the data says of the standard's two conditions."""

    entry: Entry
    #: True when its hours (or a phone's) are ``24/7``; False when hours are given and are not;
    #: None when the data gives no hours.
    around_the_clock: bool | None
    #: True when the entry or one of its phones is marked free; None when the data does not say.
    free: bool | None

    @property
    def hours(self) -> Hours | None:
        """The hours to print: the entry's, else its first phone's that has any."""
        return self.entry.hours or next((p.hours for p in self.entry.phones if p.hours), None)


@dataclass(frozen=True)
class Coverage:
    regions: tuple[RegionCoverage, ...]
    national_lines: tuple[NationalLine, ...]
    #: The date the population figures are true for.
    population_as_of: _dt.date
    #: The newest date any counted entry's details are known as of (last call or source).
    data_as_of: _dt.date | None

    @property
    def without_24h_line(self) -> tuple[str, ...]:
        return tuple(r.region for r in self.regions if r.lines_24h == 0)

    @property
    def unconfirmed(self) -> int:
        return sum(r.unconfirmed for r in self.regions)


def _around_the_clock(entry: Entry) -> bool | None:
    hours = [entry.hours, *(p.hours for p in entry.phones)]
    given = [h for h in hours if h is not None]
    if not given:
        return None
    return any(h.always for h in given)


def _free(entry: Entry) -> bool | None:
    if entry.free or any(p.cost == "free" for p in entry.phones):
        return True
    if entry.free is False:
        return False
    return None


def coverage(directory: Directory) -> Coverage | None:
    """The figures per region, in regions.yml order; None when there is no population.yml."""
    population = directory.population
    if population is None:
        return None
    counted = [e for e in directory.entries if e.status in COUNTED_STATUSES]
    local: Mapping[str, list[Entry]] = {r.id: [] for r in directory.regions}
    for entry in counted:
        if not entry.national and entry.region in local:
            local[entry.region].append(entry)
    regions = []
    for region in directory.regions:
        figure = population.regions[region.id]
        entries = local[region.id]
        stay = [e for e in entries if STAY_KINDS.intersection(e.services)]
        counselling = [e for e in entries if COUNSELLING_KINDS.intersection(e.services)]
        lines = [e for e in entries if LINE_KIND in e.services and _around_the_clock(e)]
        stated = [stated_places(e) for e in stay]
        regions.append(
            RegionCoverage(
                region=region.id,
                people=figure.people,
                women=figure.women,
                stay_services=len(stay),
                places_stated=sum(n for n in stated if n is not None),
                places_not_stated=sum(n is None for n in stated),
                places_needed=needed(figure.people, PEOPLE_PER_PLACE),
                counselling=len(counselling),
                counselling_needed=(
                    None if figure.women is None else needed(figure.women, WOMEN_PER_COUNSELLING)
                ),
                lines_24h=len(lines),
                unconfirmed=len({e.id for e in stay + counselling + lines if e.is_unconfirmed}),
            )
        )
    national = tuple(
        NationalLine(e, _around_the_clock(e), _free(e))
        for e in counted
        if e.national and LINE_KIND in e.services
    )
    dates = [e.as_of for e in counted if e.as_of is not None]
    return Coverage(
        regions=tuple(regions),
        national_lines=national,
        population_as_of=population.as_of,
        data_as_of=max(dates) if dates else None,
    )
