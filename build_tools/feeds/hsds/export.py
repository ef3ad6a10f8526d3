"""The directory as HSDS 3.0 objects, one table per object type, for one language.

HSDS has no multilingual text, so each site language gets a complete dataset with the same
ids; a text missing in that language falls back the way the site does. Sample entries are
left out: partners load HSDS into their own systems, where an invented shelter would look real.
Confidential places get no ``location`` or ``address`` at all, only their region as a service
area; a place showing only its town gets a location named after the town and nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from babel import Locale

from build_tools.data.hsds_import import vocabulary as v
from build_tools.data.model import Directory, Entry, Hours, Phone
from build_tools.strings import words_in

from ..urls import SiteUrls
from .tables import TABLES

Row = dict[str, Any]

#: HSDS requires these keys on an address even where we have nothing to put in them.
_REQUIRED_EVEN_EMPTY = {"address": ("city", "state_province", "postal_code")}

#: The feeds' words (``build_tools/feeds/strings.yml``, read by the one strings loader).
STRINGS_FILE = Path(__file__).resolve().parents[1] / "strings.yml"
_TAXONOMY_NAMES = {
    v.SERVICES_TAXONOMY: "taxonomy_services",
    v.AREAS_TAXONOMY: "taxonomy_areas",
    v.FACETS_TAXONOMY: "taxonomy_facets",
}


def feed_words(lang: str) -> Mapping[str, Any]:
    """The feeds' words in ``lang`` (the default language's where it has none)."""
    return words_in(lang, STRINGS_FILE)


_TAXONOMY_DESCRIPTIONS = {
    v.SERVICES_TAXONOMY: "The kinds of help of the help directory (term codes are its ids).",
    v.AREAS_TAXONOMY: "Regions (region:<id>) and towns (locality:<id>) of Belarus.",
    v.FACETS_TAXONOMY: "Facts HSDS has no field for; the attribute value holds the fact.",
}


def export_tables(directory: Directory, lang: str, *, site_url: str) -> dict[str, list[Row]]:
    """object type → rows (HSDS 3.0 field names, empty fields left out), in a stable order."""
    builder = _Builder(directory, lang, SiteUrls(site_url))
    builder.taxonomies()
    for entry in directory.entries:
        if not entry.is_sample:
            builder.entry(entry)
    builder.meta()
    return builder.tables


class _Builder:
    def __init__(self, directory: Directory, lang: str, urls: SiteUrls) -> None:
        self.directory = directory
        self.lang = lang
        self.urls = urls
        self.tables: dict[str, list[Row]] = {kind: [] for kind in TABLES}

    def add(self, kind: str, **fields: Any) -> Row:
        keep = _REQUIRED_EVEN_EMPTY.get(kind, ())
        row = {k: val for k, val in fields.items() if val not in (None, "") or k in keep}
        self.tables[kind].append(row)
        return row

    # -- taxonomies

    def taxonomies(self) -> None:
        for key in (v.SERVICES_TAXONOMY, v.AREAS_TAXONOMY, v.FACETS_TAXONOMY):
            self.add(
                "taxonomy",
                id=v.taxonomy_id(key),
                name=feed_words(self.lang)[_TAXONOMY_NAMES[key]],
                description=_TAXONOMY_DESCRIPTIONS[key],
                uri=self.urls.data("hsds/") + "#" + key,
                version="1.0",
            )
        lang = self.lang
        for service in self.directory.services:
            self.term(
                v.SERVICES_TAXONOMY,
                service.id,
                service.name(lang),
                service.description(lang) or service.name(lang),
                uri=self.urls.service(service.id)[lang],
            )
        for region in self.directory.regions:
            region_code = v.REGION_PREFIX + region.id
            self.term(
                v.AREAS_TAXONOMY,
                region_code,
                region.name(lang),
                region.name(lang),
                uri=self.urls.region(region.id)[lang],
            )
            for locality in region.localities:
                self.term(
                    v.AREAS_TAXONOMY,
                    v.LOCALITY_PREFIX + locality.id,
                    locality.name(lang),
                    f"{locality.name(lang)}, {region.name(lang)}",
                    parent=region_code,
                )
        for code, description in v.FACETS.items():
            self.term(v.FACETS_TAXONOMY, code, code, description)

    def term(
        self,
        taxonomy: str,
        code: str,
        name: str,
        description: str,
        *,
        uri: str | None = None,
        parent: str | None = None,
    ) -> None:
        self.add(
            "taxonomy_term",
            id=v.term_id(taxonomy, code),
            code=code,
            name=name,
            description=description,
            parent_id=v.term_id(taxonomy, parent) if parent else None,
            taxonomy_id=v.taxonomy_id(taxonomy),
            language=self.lang,
            term_uri=uri,
        )

    def attribute(
        self, entity: str, link_id: str, code: str, value: str = "", *, taxonomy: str
    ) -> None:
        self.add(
            "attribute",
            id=v.hsds_id("attribute", f"{link_id}/{taxonomy}/{code}/{value}"),
            link_id=link_id,
            taxonomy_term_id=v.term_id(taxonomy, code),
            link_type=code,
            link_entity=entity,
            value=value,
        )

    def facts(self, service_id: str, code: str, values: Iterable[object]) -> None:
        for value in values:
            if value is not None:
                self.attribute(
                    "service", service_id, code, _fact(value), taxonomy=v.FACETS_TAXONOMY
                )

    # -- one entry: organization, service, its area, place, phones, hours, languages

    def entry(self, entry: Entry) -> None:
        lang = self.lang
        org_id = v.hsds_id("organization", entry.id)
        service_id = v.hsds_id("service", entry.id)
        name, summary = entry.name(lang), entry.summary(lang)
        self.add(
            "organization",
            id=org_id,
            name=name,
            description=summary or name,
            email=entry.email,
            website=entry.website,
        )
        admission = entry.admission
        self.add(
            "service",
            id=service_id,
            organization_id=org_id,
            name=name,
            description=summary,
            url=entry.website,
            email=entry.email,
            status=v.STATUS_TO_HSDS[entry.status],
            application_process=admission.notes(lang) if admission else None,
            fees_description=feed_words(lang)["fees_free"] if entry.free else None,
            eligibility_description=", ".join(entry.serves),
            assured_date=entry.verified.isoformat() if entry.verified else None,
            alert=_alert(entry, lang),
        )
        for service in entry.services:
            self.attribute("service", service_id, service, taxonomy=v.SERVICES_TAXONOMY)
        self.area(entry, service_id)
        self.place(entry, org_id, service_id)
        for index, phone in enumerate(entry.phones):
            self.phone(entry, service_id, index, phone)
        if entry.hours is not None:
            self.schedules(entry, service_id, entry.hours)
        for code in entry.languages:
            self.add(
                "language",
                id=v.hsds_id("language", f"{entry.id}/{code}"),
                service_id=service_id,
                name=_language_name(code, lang),
                code=code,
            )
        self.facts(service_id, v.ENTRY_ID, [entry.id])
        self.facts(service_id, v.FORMER_ID, entry.former_ids)
        self.facts(service_id, v.SERVES, entry.serves)
        self.facts(service_id, v.FREE, [entry.free])
        self.facts(service_id, v.ANONYMOUS, [entry.anonymous])
        self.facts(service_id, v.WHEELCHAIR, [entry.wheelchair])
        self.facts(service_id, v.SIGN_LANGUAGE, [True if entry.offers_sign_language else None])
        self.facts(service_id, v.PETS, [entry.pets])
        self.facts(service_id, v.PLACES, [entry.places])
        for name_, handle in entry.messengers.items():
            self.facts(service_id, v.MESSENGER_PREFIX + name_, [handle])
        if admission is not None:
            self.facts(service_id, v.REFERRAL, admission.referral)
            self.facts(service_id, v.MAX_STAY_DAYS, [admission.max_stay_days])
            self.facts(service_id, v.REGISTRATION_REQUIRED, [admission.registration_required])
            self.facts(service_id, v.ID_REQUIRED, [admission.id_required])
            self.facts(service_id, v.ADMISSION_CHILDREN, [admission.children])
            self.facts(service_id, v.ADMISSION_BOYS_UP_TO_AGE, [admission.boys_up_to_age])

    def area(self, entry: Entry, service_id: str) -> None:
        lang = self.lang
        self.facts(service_id, v.ADDRESS_VISIBILITY, [entry.address_visibility])
        if entry.national:
            self.facts(service_id, v.NATIONAL, [True])
            name, uri = feed_words(lang)["country"], None
        else:
            region = self.directory.region(entry.region or "")
            self.attribute(
                "service", service_id, v.REGION_PREFIX + region.id, taxonomy=v.AREAS_TAXONOMY
            )
            name, uri = region.name(lang), self.urls.region(region.id)[lang]
        if entry.shown_locality:
            self.attribute(
                "service",
                service_id,
                v.LOCALITY_PREFIX + entry.shown_locality,
                taxonomy=v.AREAS_TAXONOMY,
            )
        self.add(
            "service_area",
            id=v.hsds_id("service_area", entry.id),
            service_id=service_id,
            name=name,
            uri=uri,
        )

    def place(self, entry: Entry, org_id: str, service_id: str) -> None:
        """A location only where something of the place is public; never for hidden ones."""
        lang = self.lang
        town_id = entry.shown_locality
        locality = self.directory.locality(town_id) if town_id else None
        address, geo = entry.shown_address, entry.shown_geo
        if locality is None and not (address or geo):
            return  # nothing of the place may be shown beyond its region
        location_id = v.hsds_id("location", entry.id)
        town = locality.name(lang) if locality else ""
        name = town if entry.address_by_phone else entry.name(lang)
        self.add(
            "location",
            id=location_id,
            location_type="physical",
            organization_id=org_id,
            name=name,
            latitude=geo.lat if geo else None,
            longitude=geo.lon if geo else None,
        )
        self.add(
            "service_at_location",
            id=v.hsds_id("service_at_location", entry.id),
            service_id=service_id,
            location_id=location_id,
        )
        if address:
            region = self.directory.region(entry.region) if entry.region else None
            self.add(
                "address",
                id=v.hsds_id("address", entry.id),
                location_id=location_id,
                address_1=address(lang),
                city=locality.name(lang) if locality else "",
                state_province=region.name(lang) if region else "",
                postal_code="",
                country="BY",
                address_type="physical",
            )

    def phone(self, entry: Entry, service_id: str, index: int, phone: Phone) -> None:
        phone_id = v.hsds_id("phone", f"{entry.id}/{index}")
        self.add(
            "phone",
            id=phone_id,
            service_id=service_id,
            # A number that cannot be dialled from abroad (8-801) is given as dialled in Belarus.
            number=phone.international or phone.display,
            type=v.PHONE_TYPE_TO_HSDS[phone.type],
            description=phone.label(self.lang),
        )
        if phone.type != "voice":
            self.attribute("phone", phone_id, v.PHONE_TYPE, phone.type, taxonomy=v.FACETS_TAXONOMY)
        if phone.hours is not None:
            self.attribute(
                "phone", phone_id, v.PHONE_HOURS, phone.hours.raw, taxonomy=v.FACETS_TAXONOMY
            )
        if phone.cost:
            self.attribute("phone", phone_id, v.PHONE_COST, phone.cost, taxonomy=v.FACETS_TAXONOMY)

    def schedules(self, entry: Entry, service_id: str, hours: Hours) -> None:
        self.facts(service_id, v.OPENING_HOURS, [hours.raw])
        for rule_index, (days, spans) in enumerate(hours.rules):
            for span_index, (start, end) in enumerate(spans):
                self.add(
                    "schedule",
                    id=v.hsds_id("schedule", f"{entry.id}/{rule_index}/{span_index}"),
                    service_id=service_id,
                    timezone=3,
                    wkst="MO",
                    freq="WEEKLY",
                    byday=",".join(v.WEEKDAYS[day] for day in days),
                    opens_at=_time(start),
                    closes_at=_time(end),
                    description=hours.raw,
                )

    def meta(self) -> None:
        for kind, (stem, _) in TABLES.items():
            if kind == "meta_table_description":
                continue
            self.add(
                "meta_table_description",
                id=v.hsds_id("meta_table_description", stem),
                name=stem,
                language=self.lang,
                character_set="UTF-8",
            )


def _fact(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _time(minute: int) -> str:
    """HH:MM:SS; the end of the day (24:00) is not a valid time, so it is written 23:59:59."""
    if minute == 24 * 60:
        return "23:59:59"
    minute %= 24 * 60
    return f"{minute // 60:02d}:{minute % 60:02d}:00"


def _language_name(code: str, lang: str) -> str:
    """The language's name in the dataset's language (Babel's CLDR data), else the code."""
    try:
        return Locale.parse(lang).languages.get(code, code)
    except ValueError:
        return code


def _alert(entry: Entry, lang: str) -> str | None:
    """What a reader must know before going: closed for now, or not yet confirmed by phone."""
    if entry.status == "suspended":
        return feed_words(lang)["suspended"]
    if entry.is_unconfirmed:
        day = entry.source_date.isoformat() if entry.source_date else "?"
        return feed_words(lang)["unconfirmed_alert"].format(source=entry.source or "?", date=day)
    return None
