"""``directory.csv``: one row per entry for people who work in spreadsheets.

Written as UTF-8 with a byte-order mark and CRLF line ends: without the mark, Excel opens a
CSV in the local ANSI code page and Cyrillic turns into mojibake. A cell that starts with
``= + - @`` (or a tab or carriage return) would run as a formula in a spreadsheet, so it gets a
leading apostrophe: the text stays readable and nothing is executed (the site's one CSV
writer, :mod:`build_tools.safety.csv_writer`, does it for every CSV file).
"""

from __future__ import annotations

from pathlib import Path

from build_tools.data.model import LANGUAGES, Directory, Entry, Text
from build_tools.safety.csv_writer import csv_text, neutral

from .status import CSV_COLUMNS, csv_cells
from .urls import SiteUrls

_JOIN = "; "


def columns() -> list[str]:
    """The header row, in order (documented on the Open data page)."""

    def per_lang(name: str) -> list[str]:
        return [f"{name}_{lang}" for lang in LANGUAGES]

    return [
        "id",
        "status",
        *per_lang("name"),
        *per_lang("summary"),
        "services",
        *per_lang("services_names"),
        "national",
        "region",
        *per_lang("region_name"),
        "locality",
        *per_lang("locality_name"),
        "address_visibility",
        *per_lang("address"),
        "lat",
        "lon",
        "phones",
        "phones_e164",
        "phones_tel",
        "email",
        "website",
        "telegram",
        "viber",
        "whatsapp",
        "hours",
        "serves",
        "languages",
        "free",
        "anonymous",
        "wheelchair",
        "verified",
        "source",
        "source_date",
        *per_lang("url"),
        *CSV_COLUMNS,
        # Added later, so at the end: the columns before keep their places.
        "phones_type",
        "sign_language",
        "pets",
        "places",
        "children",
        "boys_up_to_age",
    ]


def safe_cell(value: object) -> str:
    """Plain text a spreadsheet will not evaluate."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return neutral(str(value))


def render_csv(directory: Directory, *, site_url: str) -> str:
    """The whole file as text (CRLF line ends; the BOM is added when writing)."""
    urls = SiteUrls(site_url)
    names = columns()
    rows = (_row(directory, entry, urls) for entry in directory.entries)
    return csv_text(names, ([safe_cell(row.get(name)) for name in names] for row in rows))


def write_csv(directory: Directory, path: Path, *, site_url: str) -> None:
    path.write_bytes(render_csv(directory, site_url=site_url).encode("utf-8-sig"))


def _row(directory: Directory, entry: Entry, urls: SiteUrls) -> dict[str, object]:
    row: dict[str, object] = {
        "id": entry.id,
        "status": entry.status,
        "services": _JOIN.join(entry.services),
        "national": entry.national,
        "region": entry.region,
        "address_visibility": entry.address_visibility,
        "phones": _JOIN.join(phone.display for phone in entry.phones),
        "phones_e164": _JOIN.join(phone.e164 or phone.display for phone in entry.phones),
        "phones_tel": _JOIN.join(phone.tel for phone in entry.phones),
        "phones_type": _JOIN.join(phone.type for phone in entry.phones),
        "email": entry.email,
        "website": entry.website,
        "hours": entry.hours.raw if entry.hours else None,
        "serves": _JOIN.join(entry.serves),
        "languages": _JOIN.join(entry.languages),
        "free": entry.free,
        "anonymous": entry.anonymous,
        "wheelchair": entry.wheelchair,
        "sign_language": entry.offers_sign_language,
        "pets": entry.pets,
        "places": entry.places,
        "children": entry.admission.children if entry.admission else None,
        "boys_up_to_age": entry.admission.boys_up_to_age if entry.admission else None,
        "verified": entry.verified.isoformat() if entry.verified else None,
        "source": entry.source,
        "source_date": entry.source_date.isoformat() if entry.source_date else None,
    }
    row.update(csv_cells(directory, entry.id))
    for name in ("telegram", "viber", "whatsapp"):
        row[name] = entry.messengers.get(name)
    region = directory.region(entry.region) if entry.region else None
    locality = None
    if entry.shown_locality:
        locality = directory.locality(entry.shown_locality)
        row["locality"] = entry.shown_locality
    services = [directory.service(service_id).name for service_id in entry.services]
    page_urls = urls.entry(entry.id)
    for lang in LANGUAGES:
        row[f"name_{lang}"] = _own(entry.name, lang)
        row[f"summary_{lang}"] = _own(entry.summary, lang)
        row[f"services_names_{lang}"] = _JOIN.join(name(lang) for name in services)
        row[f"region_name_{lang}"] = region.name(lang) if region else None
        row[f"locality_name_{lang}"] = locality.name(lang) if locality else None
        row[f"url_{lang}"] = page_urls[lang]
        if not entry.address_by_phone:
            row[f"address_{lang}"] = _own(entry.shown_address, lang)
    if entry.shown_geo is not None:
        row["lat"], row["lon"] = entry.shown_geo.lat, entry.shown_geo.lon
    return row


def _own(text: Text, lang: str) -> str | None:
    """Only what the editors wrote in ``lang``; an empty cell shows a missing translation."""
    return text.values.get(lang) or None
