"""Official population per region (``directory_data/population.yml``), with its source and date.

The Council of Europe's minimum standards count services per inhabitant (a family place in a
shelter per 10,000 people, a counselling centre per 50,000 women), so the coverage page needs
the official figures. They are data like the rest: checked against their schema, against
``regions.yml`` (every region once, no unknown id) and against the country total the source
gives, so a mistyped figure stops the build with the file, line and field to fix.

The file is optional: a data folder without it has no coverage page and no coverage table.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from . import schema
from .errors import WARNING, Problem
from .model import Text
from .yaml_loader import load_file

FILE_NAME = "population.yml"
SCHEMA_COMMENT = "# yaml-language-server: $schema="
SCHEMA_END = "schema/population.schema.json"
SCHEMA_LINE = SCHEMA_COMMENT + SCHEMA_END


@dataclass(frozen=True)
class RegionPopulation:
    people: int
    #: Women among them; None when the source gives no such figure.
    women: int | None = None


@dataclass(frozen=True)
class Population:
    """The checked figures: one per region id, the date they are true for and their source."""

    as_of: _dt.date
    publisher: Text
    url: str
    read: _dt.date
    regions: Mapping[str, RegionPopulation]
    total: int | None = None


def load_population(
    data_dir: Path, region_ids: Iterable[str]
) -> tuple[Population | None, list[Problem]]:
    """``population.yml`` checked against its schema and the regions; (None, []) when absent."""
    file = data_dir / FILE_NAME
    if not file.is_file():
        return None, []
    doc = load_file(file, str(file))
    first = doc.first_line.strip()
    if doc.readable and not (first.startswith(SCHEMA_COMMENT) and first.endswith(SCHEMA_END)):
        doc.problems.append(
            Problem(
                doc.path,
                1,
                1,
                "",
                "the first line does not name the schema, so editors' tools cannot check this file",
                f"make the first line `{SCHEMA_LINE}`",
                WARNING,
            )
        )
    if doc.data is None and doc.readable and not any(p.is_error for p in doc.problems):
        doc.problem((), "the file is empty", "write the figures in it (see docs/data-format.md)")
    elif doc.data is not None:
        schema.check(doc, "population")
    if any(p.is_error for p in doc.problems):
        return None, list(doc.problems)

    data = doc.data
    known = list(region_ids)
    figures = data["regions"]
    for region_id in figures if known else ():  # regions.yml unreadable: its own problem
        if region_id not in known:
            doc.problem(
                ("regions", region_id),
                f"`{region_id}` is not a region in regions.yml",
                f"use one of: {', '.join(known)}",
                at_key=True,
            )
    missing = [r for r in known if r not in figures] if known else list(figures)
    if missing:
        doc.problem(
            ("regions",),
            f"no figure for {', '.join(missing)}",
            "add `<region-id>: {people: …}` for each region in regions.yml, from the same source",
            at_key=True,
        )
    for region_id, figure in figures.items():
        women = figure.get("women")
        if women is not None and women > figure["people"]:
            doc.problem(
                ("regions", region_id, "women"),
                f"more women ({women}) than people ({figure['people']})",
                "check both figures against the source",
            )
    total = data.get("total")
    added = sum(figure["people"] for figure in figures.values())
    if total is not None and not missing and added != total:
        doc.problem(
            ("total",),
            f"the regions add up to {added}, not to the total {total}",
            "one figure is mistyped: compare each region with the source",
        )
    if any(p.is_error for p in doc.problems):
        return None, list(doc.problems)
    source = data["source"]
    population = Population(
        as_of=_dt.date.fromisoformat(data["as_of"]),
        publisher=Text(dict(source["publisher"])),
        url=source["url"],
        read=_dt.date.fromisoformat(source["read"]),
        regions=MappingProxyType(
            {
                region_id: RegionPopulation(
                    figures[region_id]["people"], figures[region_id].get("women")
                )
                for region_id in known
            }
        ),
        total=total,
    )
    return population, list(doc.problems)
