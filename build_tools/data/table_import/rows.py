"""One row of the table → one entry for review, with what the editor must still do.

The row keeps only what it could read for sure; everything else becomes a to-do in the
file's header, quoting the cell. A confidential place's address is dropped here, before any
file, comment or report line is written, so it cannot leak further down.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from build_tools.messages import _

from ..hours import HoursError, parse_hours
from ..hsds_import.known import Known
from ..hsds_import.texts import guess_language, slug
from .hours_words import hours_from_words
from .values import Places, date_in, phones_in, services_in, yes_no

#: Kinds of help whose address is never published (people hide there).
CONFIDENTIAL_SERVICES = frozenset({"crisis-room", "shelter"})

_SERVES = (
    ("women", ("женщин", "жанчын", "women", "woman")),
    ("men", ("мужчин", "мужчын", "men", "man")),
    ("children", ("дет", "ребен", "дзец", "дзіц", "child")),
    ("teenagers", ("подрост", "падлет", "teen", "youth", "молод", "моладз")),
    ("families", ("семь", "семей", "сям", "сем'", "famil")),
    ("older-people", ("пожил", "пенсион", "пажыл", "older", "elder")),
    ("people-with-disabilities", ("инвалид", "інвалід", "овз", "disab")),
)
_EVERYONE = ("все", "всем", "любой", "усе", "усім", "everyone", "all")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class RowResult:
    """An entry's data with its to-do list, or why the row was skipped."""

    data: dict[str, Any] = field(default_factory=dict)
    todo: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: str | None = None
    #: For finding duplicates: the phones' numbers and the name as compared.
    phone_keys: set[str] = field(default_factory=set)
    name_key: str = ""


def map_row(
    cells: dict[str, str],
    *,
    known: Known,
    places: Places,
    source: str,
    today: _dt.date,
) -> RowResult:
    """``cells`` is field → cell text for one row (only non-empty cells)."""
    result = RowResult()
    name = cells.get("name", "")
    if not name:
        result.skipped = _("no name")
        return result
    lang = guess_language(name, None)
    data = result.data
    data["id"] = ""
    data["status"] = "unconfirmed"
    data["name"] = {lang: name}
    if lang != "ru":
        result.todo.append(_("write the name in Russian (`name: {ru: …}`): it is required"))
    result.name_key = " ".join(re.sub(r"[^\w]+", " ", name.casefold().replace("ё", "е")).split())
    _services(cells, known, result)
    _place(cells, places, result)
    confidential = _confidential(cells, result)
    _phones(cells, result)
    _contacts(cells, result)
    if not (data.get("phones") or data.get("email") or data.get("website")):
        result.skipped = _("no phone, e-mail or website: nobody could reach them through the site")
        return result
    _hours(cells, result)
    _serves(cells, result)
    free = cells.get("free")
    if free:
        answer = yes_no(free)
        if answer is None:
            result.todo.append(
                _("is it free? The sheet says `{free}`: write `free: true` or false").format(
                    free=free
                )
            )
        else:
            data["free"] = answer
    data["source"] = cells.get("source") or source
    _source_date(cells, today, result)
    notes = cells.get("notes")
    if notes:
        address = cells.get("address", "")
        if confidential and address and _contains(notes, address):
            result.todo.append(_("the sheet's note was not copied: it repeats the hidden address"))
        else:
            result.notes.append(
                _("the sheet's note: {items}").format(items=" ".join(notes.split()))
            )
    data["id"] = _entry_id(name, data.get("locality"))
    return result


def _contains(text: str, part: str) -> bool:
    squash = lambda s: re.sub(r"\W+", "", s.casefold())  # noqa: E731
    return bool(squash(part)) and squash(part) in squash(text)


def _entry_id(name: str, locality: str | None) -> str:
    base = slug(name) or "imported-entry"
    if locality and locality not in base:
        base = f"{base}-{locality}"[:60].rstrip("-")
    return base


def _services(cells: dict[str, str], known: Known, result: RowResult) -> None:
    text = cells.get("services", "")
    found, unmatched = services_in(text, known) if text else ([], [])
    result.data["services"] = found
    if not found:
        said = _(" (the sheet says `{text}`)").format(text=text) if text else ""
        result.todo.append(
            _("choose kinds of help from services.yml (`services: [...]`){said}").format(said=said)
        )
    elif unmatched:
        parts = ", ".join(f"`{p}`" for p in unmatched)
        result.todo.append(
            _(
                "not matched to a kind of help: {parts}; add it to `services:` by hand, "
                "or add the word to `synonyms` in services.yml"
            ).format(parts=parts)
        )


def _place(cells: dict[str, str], places: Places, result: RowResult) -> None:
    data = result.data
    region_text = cells.get("region", "")
    locality_text = cells.get("locality", "")
    region = None
    if region_text:
        if places.is_national(region_text):
            data["national"] = True
        else:
            region = places.region(region_text)
            if region is None:
                # a town written in the region column ("г. Минск")
                found = places.locality(region_text)
                region = found[0] if found else None
                if found and not locality_text:
                    data["region"], data["locality"] = found
                    return
            elif not locality_text:
                # "г. Минск": a region and a town of the same name
                found = places.locality(region_text)
                if found and found[0] == region:
                    data["locality"] = found[1]
            if region is None:
                result.todo.append(
                    _(
                        "set `region:` — the sheet says `{region_text}`, which is not in "
                        "regions.yml"
                    ).format(region_text=region_text)
                )
    if locality_text and not data.get("national"):
        found = places.locality(locality_text)
        if found is None and places.is_national(locality_text):
            data["national"] = True
        elif found is None:
            if region is None:
                region = places.region(locality_text)
            result.todo.append(
                _(
                    "the place `{locality_text}` is not in regions.yml: add it to "
                    "regions.yml under its region, then write its id in `locality:`"
                ).format(locality_text=locality_text)
            )
        else:
            if region and found[0] != region:
                result.todo.append(
                    _(
                        "`{locality_text}` is in region `{value}` in regions.yml, but the sheet "
                        "says `{region_text}`: check which is right"
                    ).format(locality_text=locality_text, value=found[0], region_text=region_text)
                )
            region = found[0]
            data["locality"] = found[1]
    if region and not data.get("national"):
        data["region"] = region
        if "locality" in data:  # keep region before locality in the file
            data["locality"] = data.pop("locality")
    if not data.get("region") and not data.get("national"):
        result.todo.append(_("set `region:` (an id from regions.yml), or `national: true`"))


def _confidential(cells: dict[str, str], result: RowResult) -> bool:
    """Yes in the confidential column, or a crisis room or shelter: the town only."""
    data = result.data
    flag = cells.get("confidential", "")
    answer = yes_no(flag) if flag else False
    hidden_kind = bool(CONFIDENTIAL_SERVICES & set(data["services"]))
    # anything but a clear "no" in that column counts as confidential
    confidential = answer is not False or hidden_kind
    if confidential:
        data["address_visibility"] = "locality"
        if cells.get("address"):
            result.todo.append(
                _(
                    "this place's address is confidential: it was not imported; the page "
                    "shows the town and says the address is given by phone"
                )
            )
    elif cells.get("address"):
        address = " ".join(cells["address"].split())
        data["address"] = {guess_language(address, None): address}
        result.todo.append(
            _(
                "may this address be shown on the site? Ask them; if not, remove "
                "`address` and write `address_visibility: locality`"
            )
        )
    return confidential


def _phones(cells: dict[str, str], result: RowResult) -> None:
    text = cells.get("phones", "")
    if not text:
        return
    cell = phones_in(text)
    result.todo.extend(cell.todo)
    if cell.phones:
        result.data["phones"] = cell.phones
        result.phone_keys = {re.sub(r"\D", "", p["number"]) for p in cell.phones}


def _contacts(cells: dict[str, str], result: RowResult) -> None:
    email = cells.get("email", "").strip()
    if email:
        if _EMAIL.match(email):
            result.data["email"] = email
        else:
            result.todo.append(
                _("the e-mail `{email}` does not look right: check it").format(email=email)
            )
    website = cells.get("website", "").strip()
    if website:
        if not website.startswith(("http://", "https://")):
            website = "https://" + website
            result.todo.append(
                _("check that {website} opens (the sheet had no https://)").format(website=website)
            )
        result.data["website"] = website


def _hours(cells: dict[str, str], result: RowResult) -> None:
    text = cells.get("hours", "")
    if not text:
        return
    hours = hours_from_words(text)
    if hours is None:
        try:
            hours = parse_hours(text.strip()).raw
        except HoursError:
            oneline = " ".join(text.split())
            result.todo.append(
                _(
                    'write the hours (`hours: "Mo-Fr 09:00-18:00"`); the sheet says `{oneline}`'
                ).format(oneline=oneline)
            )
            return
    result.data["hours"] = hours


def _serves(cells: dict[str, str], result: RowResult) -> None:
    text = cells.get("serves", "")
    if not text:
        return
    key = text.casefold().replace("ё", "е")
    words = set(re.findall(r"\w+", key))
    if words & set(_EVERYONE) and len(words) <= 2:
        return
    serves = [value for value, stems in _SERVES if any(re.search(rf"\b{s}", key) for s in stems)]
    if serves:
        result.data["serves"] = serves
    else:
        result.todo.append(
            _("who is served? The sheet says `{text}`: write `serves: [...]`").format(text=text)
        )


def _source_date(cells: dict[str, str], today: _dt.date, result: RowResult) -> None:
    text = cells.get("source_date", "")
    day = date_in(text) if text else None
    if text and day is None:
        result.todo.append(
            _(
                "the date `{text}` did not read: write `source_date: YYYY-MM-DD` (today's for now)"
            ).format(text=text)
        )
    if day is not None and day > today:
        result.todo.append(
            _("the date {day} is in the future: check it").format(day=day.isoformat())
        )
        day = None
    result.data["source_date"] = day or today
