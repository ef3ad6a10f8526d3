"""Directory entries turned into the plain strings a template prints, in one language.

Templates stay simple (and autoescaped) when every decision is made here: which address may be
shown, which hours belong to which number, what a sample entry must say.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.data.model import Directory, Entry, Phone
from build_tools.data.sources import shown_source

from .wording import cost_text, hours_text, long_date, t


@dataclass(frozen=True)
class Said:
    """A text and the language it is really in (fallback text gets its own ``lang``)."""

    text: str
    lang: str


@dataclass(frozen=True)
class PhoneView:
    number: str
    tel: str
    details: str


@dataclass(frozen=True)
class PlaceView:
    id: str
    name: Said
    sample: bool
    kinds: str
    where: Said
    phones: tuple[PhoneView, ...]
    contacts: str
    #: Opening hours of the place when no number carries its own.
    hours: str
    #: For a place nobody has yet confirmed by phone: where it comes from, and "call first".
    unconfirmed: str = ""


def phone_view(phone: Phone, lang: str, *, fallback_hours: str = "") -> PhoneView:
    label = phone.label(lang) if phone.label else ""
    hours = hours_text(phone.hours, lang) or fallback_hours
    parts: list[str] = []
    for part in (label, hours, cost_text(phone, lang)):
        if part and part.casefold() not in (p.casefold() for p in parts):
            parts.append(part)
    details = ", ".join(parts)
    return PhoneView(number=phone.display, tel=phone.tel, details=details)


def where(entry: Entry, directory: Directory, lang: str, *, with_region: bool) -> Said:
    """Where the place is, or how to reach it: a confidential address is never printed."""
    town = entry.shown_locality
    locality = directory.locality(town).name(lang) if town else ""
    region = ""
    if with_region and entry.region:
        region = directory.region(entry.region).name(lang)
    if entry.shown_address:
        text, actual = entry.shown_address.get(lang)
        place = ", ".join(p for p in (region, locality, text) if p)
        return Said(place, actual)
    if not entry.address_by_phone:
        # Nothing to hide, nothing published (a hotline, an online service): say only the area.
        return Said(", ".join(p for p in (region, locality) if p), lang)
    if locality:
        town = ", ".join(p for p in (region, locality) if p)
        return Said(t("address_in_locality", lang, locality=town), lang)
    prefix = f"{region}. " if region else ""
    return Said(prefix + t("address_by_phone", lang), lang)


def contacts(entry: Entry) -> str:
    """The non-phone ways to reach a place, as printed (no scheme noise on paper)."""
    parts: list[str] = []
    telegram = entry.messengers.get("telegram")
    if telegram:
        parts.append(f"Telegram @{telegram.lstrip('@')}")
    viber = entry.messengers.get("viber")
    if viber:
        parts.append(f"Viber {viber}")
    if entry.email:
        parts.append(entry.email)
    if entry.website:
        parts.append(entry.website.removeprefix("https://").removeprefix("http://").rstrip("/"))
    return " · ".join(parts)


def source_text(entry: Entry) -> str:
    """The source as printed: a web address without its scheme, a long title shortened."""
    return shown_source(entry.source)


def unconfirmed_text(entry: Entry, lang: str) -> str:
    """ "Not yet confirmed by phone: from <source>, <date>; call before you go." or ""."""
    if not entry.is_unconfirmed:
        return ""
    day = long_date(entry.source_date, lang) if entry.source_date else ""
    return t("unconfirmed", lang, source=source_text(entry), date=day)


def place_view(entry: Entry, directory: Directory, lang: str, *, with_region: bool) -> PlaceView:
    entry_hours = hours_text(entry.hours, lang)
    phones = tuple(phone_view(p, lang, fallback_hours=entry_hours) for p in entry.phones)
    kinds = ", ".join(directory.service(s).name(lang) for s in entry.services[:3])
    name, name_lang = entry.name.get(lang)
    return PlaceView(
        id=entry.id,
        name=Said(name, name_lang),
        sample=entry.is_sample,
        kinds=kinds,
        where=where(entry, directory, lang, with_region=with_region),
        phones=phones,
        contacts=contacts(entry),
        hours="" if phones else entry_hours,
        unconfirmed=unconfirmed_text(entry, lang),
    )
