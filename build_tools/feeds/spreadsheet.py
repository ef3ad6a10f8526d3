"""``directory.csv``: one row per entry for people who work in spreadsheets.

Written as UTF-8 with a byte-order mark and CRLF line ends: without the mark, Excel opens a
CSV in the local ANSI code page and Cyrillic turns into mojibake. A cell that starts with
``= + - @`` (or a tab or carriage return) would run as a formula in a spreadsheet, so it gets a
leading apostrophe: the text stays readable and nothing is executed.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from build_tools.data.model import LANGUAGES, Directory, Entry, Text

from .urls import SiteUrls

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
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
    ]


def safe_cell(value: object) -> str:
    """Plain text a spreadsheet will not evaluate."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(directory: Directory, *, site_url: str) -> str:
    """The whole file as text (CRLF line ends; the BOM is added when writing)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns())
    urls = SiteUrls(site_url)
    for entry in directory.entries:
        row = _row(directory, entry, urls)
        writer.writerow([safe_cell(row.get(name)) for name in columns()])
    return out.getvalue()


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
        "email": entry.email,
        "website": entry.website,
        "hours": entry.hours.raw if entry.hours else None,
        "serves": _JOIN.join(entry.serves),
        "languages": _JOIN.join(entry.languages),
        "free": entry.free,
        "anonymous": entry.anonymous,
        "wheelchair": entry.wheelchair,
        "verified": entry.verified.isoformat() if entry.verified else None,
        "source": entry.source,
        "source_date": entry.source_date.isoformat() if entry.source_date else None,
    }
    for name in ("telegram", "viber", "whatsapp"):
        row[name] = entry.messengers.get(name)
    region = directory.region(entry.region) if entry.region else None
    locality = None
    if entry.locality and entry.address_visibility != "hidden":
        locality = directory.locality(entry.locality)
        row["locality"] = entry.locality
    services = [directory.service(service_id).name for service_id in entry.services]
    page_urls = urls.entry(entry.id)
    for lang in LANGUAGES:
        row[f"name_{lang}"] = _own(entry.name, lang)
        row[f"summary_{lang}"] = _own(entry.summary, lang)
        row[f"services_names_{lang}"] = _JOIN.join(name(lang) for name in services)
        row[f"region_name_{lang}"] = region.name(lang) if region else None
        row[f"locality_name_{lang}"] = locality.name(lang) if locality else None
        row[f"url_{lang}"] = page_urls[lang]
        if entry.address_public:
            row[f"address_{lang}"] = _own(entry.address, lang)
    if entry.address_public and entry.geo is not None:
        row["lat"], row["lon"] = entry.geo.lat, entry.geo.lon
    return row


def _own(text: Text, lang: str) -> str | None:
    """Only what the editors wrote in ``lang``; an empty cell shows a missing translation."""
    return text.values.get(lang) or None
