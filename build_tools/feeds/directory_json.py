"""``directory.json``: the versioned feed the Telegram chatbot and partners read.

Its shape is documented by ``directory.schema.json`` (published beside it); a change that
breaks readers needs a new ``version``. Phones and hours come normalised from the model, so
the chatbot never re-parses what editors typed. Confidential places carry no address keys at
all, not even empty ones: a reader cannot leak what it never receives.
"""

from __future__ import annotations

from typing import Any

from build_tools.data.model import (
    LANGUAGES,
    Admission,
    Directory,
    Entry,
    Hours,
    Phone,
    Region,
    Service,
)

from .common import FEED_VERSION, LICENCE, generated_date, text_map
from .urls import SiteUrls

SCHEMA_NAME = "directory.schema.json"


def build_feed(directory: Directory, *, site_url: str) -> dict[str, Any]:
    """The whole feed as plain JSON data."""
    urls = SiteUrls(site_url)
    return {
        "version": FEED_VERSION,
        "generated": generated_date(directory),
        "schema": urls.data(SCHEMA_NAME),
        "licence": LICENCE,
        "languages": list(LANGUAGES),
        "timezone": "Europe/Minsk",
        "regions": [_region(region, urls) for region in directory.regions],
        "services": [_service(service, urls) for service in directory.services],
        "entries": [_entry(entry, urls) for entry in directory.entries],
    }


def _region(region: Region, urls: SiteUrls) -> dict[str, Any]:
    return {
        "id": region.id,
        "name": text_map(region.name),
        "urls": urls.region(region.id),
        "localities": [
            {"id": locality.id, "name": text_map(locality.name)} for locality in region.localities
        ],
    }


def _service(service: Service, urls: SiteUrls) -> dict[str, Any]:
    return {
        "id": service.id,
        "name": text_map(service.name),
        "description": text_map(service.description),
        "urls": urls.service(service.id),
    }


def _entry(entry: Entry, urls: SiteUrls) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": entry.id,
        "status": entry.status,
        "sample": entry.is_sample,
        "name": text_map(entry.name),
        "summary": text_map(entry.summary),
        "services": list(entry.services),
        "national": entry.national,
        "region": entry.region,
        "address_visibility": entry.address_visibility,
    }
    if entry.shown_locality:
        data["locality"] = entry.shown_locality
    if entry.shown_address:
        data["address"] = text_map(entry.shown_address)
    if entry.shown_geo is not None:
        data["geo"] = {"lat": entry.shown_geo.lat, "lon": entry.shown_geo.lon}
    data["phones"] = [_phone(phone) for phone in entry.phones]
    data["email"] = entry.email
    data["website"] = entry.website
    data["messengers"] = dict(entry.messengers)
    data["hours"] = _hours(entry.hours)
    data["serves"] = list(entry.serves)
    data["languages"] = list(entry.languages)
    data["free"] = entry.free
    data["anonymous"] = entry.anonymous
    data["wheelchair"] = entry.wheelchair
    data["sign_language"] = entry.offers_sign_language
    data["pets"] = entry.pets
    data["places"] = entry.places
    data["admission"] = _admission(entry.admission)
    data["verified"] = entry.verified.isoformat() if entry.verified else None
    data["source"] = entry.source
    data["source_date"] = entry.source_date.isoformat() if entry.source_date else None
    data["urls"] = urls.entry(entry.id)
    data["former_ids"] = list(entry.former_ids)
    return data


def _phone(phone: Phone) -> dict[str, Any]:
    return {
        "e164": phone.e164,
        "international": phone.international,
        "dial": phone.display,
        "tel": phone.tel,
        "short": phone.short,
        "label": text_map(phone.label),
        "hours": _hours(phone.hours),
        "cost": phone.cost,
        "type": phone.type,
    }


def _hours(hours: Hours | None) -> dict[str, Any] | None:
    if hours is None:
        return None
    return {
        "raw": hours.raw,
        "always": hours.always,
        "intervals": [[interval.start, interval.end] for interval in hours.intervals],
        "closed_days": list(hours.closed_days),
    }


def _admission(admission: Admission | None) -> dict[str, Any] | None:
    if admission is None:
        return None
    return {
        "referral": list(admission.referral),
        "max_stay_days": admission.max_stay_days,
        "registration_required": admission.registration_required,
        "id_required": admission.id_required,
        "children": admission.children,
        "boys_up_to_age": admission.boys_up_to_age,
        "notes": text_map(admission.notes),
    }
