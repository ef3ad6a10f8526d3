"""One HSDS service (with what links to it) → one directory entry, as YAML-ready data.

Values land in our fields only where the meaning is the same; everything else stays untaken
and is reported. Facts our own export carries as attributes of our taxonomies (see
:mod:`.vocabulary`) come back exactly; another system's data lands as far as it maps, and the
entry gets a to-do list for the editor (a missing region, unknown kinds of help, …).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from babel import Locale

from build_tools.messages import _

from ..hours import HoursError, parse_hours
from ..model import LANGUAGES
from ..phones import PhoneIssue, parse_number
from . import vocabulary as v
from .known import Known
from .reader import ImportInputError, Package
from .records import Record
from .report import Report
from .schedules import WEEKLY_FIELDS, opening_hours, weekly_spans
from .texts import guess_language, slug

#: Words with which a source says an address is not to be published (en, ru, be).
_CONFIDENTIAL = re.compile(
    r"confidential|undisclosed|not disclosed|withheld|address (?:is )?(?:private|hidden)|"
    r"конфиденциальн|канфідэнцыйн|адрес не (?:публикуется|разглашается|указывается)|"
    r"адрас не (?:публікуецца|указваецца)",
    re.IGNORECASE,
)

#: An entry id (the schema's pattern), at most 80 characters.
_ENTRY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: A generous box around Belarus; the validator checks the exact border.
_BELARUS = (51.2, 56.2, 23.1, 32.8)
_LINKS = ("id", "service_id", "location_id", "organization_id", "service_at_location_id")
_BOOLEAN_FACTS = {v.FREE: "free", v.ANONYMOUS: "anonymous", v.SIGN_LANGUAGE: "sign_language"}
_PLAIN_PHONES = ("voice", "cell", "mobile")
#: Facets of a phone → its key in our files.
_PHONE_FACTS = {v.PHONE_HOURS: "hours", v.PHONE_COST: "cost", v.PHONE_TYPE: "type"}


@dataclass
class ImportedEntry:
    data: dict[str, Any]
    service_uuid: str
    source: str
    todo: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _language_codes() -> dict[str, str]:
    names: dict[str, str] = {}
    for locale in LANGUAGES:
        for code, name in Locale.parse(locale).languages.items():
            if re.fullmatch(r"[a-z]{2,3}", code):
                names.setdefault(name.casefold(), code)
    return names


class PackageMapper:
    """Indexes one package once, then maps each of its services."""

    def __init__(self, package: Package, known: Known, report: Report, today: _dt.date) -> None:
        self.package = package
        self.known = known
        self.report = report
        self.today = today
        self.declared = package.language
        self.by_id: dict[tuple[str, str], Record] = {}
        self.linked: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
        for record in package.all_records():
            if record.id:
                self.by_id[(record.kind, record.id)] = record
            for key in _LINKS[1:] + ("link_id", "phone_id", "taxonomy_term_id", "taxonomy_id"):
                target = record.peek(key)
                if target:
                    self.linked[(record.kind, key, target)].append(record)
        self._language_names: dict[str, str] | None = None
        if self.declared and self.declared not in LANGUAGES:
            report.lines.append(
                _(
                    "{source}: the package says its texts are in `{declared}`; they were "
                    "filed under {languages} by their script — check them"
                ).format(
                    source=package.source, declared=self.declared, languages=", ".join(LANGUAGES)
                )
            )
        for record in package.rows("meta_table_description"):
            record.used = True
            record.take("id", "name", "language", "character_set")

    def links(self, kind: str, key: str, target: str | None) -> list[Record]:
        return list(self.linked.get((kind, key, target or ""), []))

    def entries(self) -> list[ImportedEntry]:
        out = []
        for service in self.package.rows("service"):
            entry = self.service(service)
            if entry is not None:
                out.append(entry)
        return out

    # ------------------------------------------------------------------ one service

    def service(self, s: Record) -> ImportedEntry | None:
        status_text = (s.peek("status") or "active").lower()
        status = v.STATUS_FROM_HSDS.get(status_text)
        if status is None:
            s.take("status")
            self.report.note(
                s.where,
                _("service `{peek}` not imported: its status is `{status_text}`").format(
                    peek=s.peek("name"), status_text=status_text
                ),
            )
            return None
        s.used = True
        s.take("id", "status", "organization_id")
        name = s.get("name") or ""
        data: dict[str, Any] = {}
        entry = ImportedEntry(data, s.id or "", s.where)
        facts = self.facts(s)
        organization = self.by_id.get(("organization", s.peek("organization_id") or ""))

        data["id"] = self.entry_id(facts, name, s)
        if facts.get(v.FORMER_ID):
            data["former_ids"] = facts[v.FORMER_ID]
        if status != "active":
            data["status"] = status
            if s.peek("alert"):
                s.take("alert")
        data["name"] = self.text(name) if name else {}
        if organization is not None:
            self.organization(organization, name, s.peek("description"), entry)
        if not name:
            entry.todo.append(_("write the name (`name: {ru: …}`)"))
        elif "ru" not in data["name"]:
            entry.todo.append(_("write the name in Russian (`name: {ru: …}`), it is required"))
        description = s.get("description")
        if description:
            data["summary"] = self.text(description)
        services = self.kinds_of_help(s, facts, entry)
        if services:
            data["services"] = services
        self.area(s, facts, entry)
        self.place(s, facts, entry)
        phones = self.phones(s, organization, entry)
        if phones:
            data["phones"] = phones
        self.contacts(s, organization, data)
        messengers = {
            name_: facts[v.MESSENGER_PREFIX + name_][0]
            for name_ in v.MESSENGERS
            if facts.get(v.MESSENGER_PREFIX + name_)
        }
        if messengers:
            data["messengers"] = messengers
        hours = self.hours(s, facts, entry)
        if hours:
            data["hours"] = hours
        if facts.get(v.SERVES):
            data["serves"] = facts[v.SERVES]
            s.take("eligibility_description")
        languages = self.languages(s)
        if languages:
            data["languages"] = languages
        for code, key in _BOOLEAN_FACTS.items():
            if facts.get(code):
                data[key] = facts[code][0] == "true"
        if facts.get(v.FREE):
            s.take("fees_description")
        if facts.get(v.WHEELCHAIR):
            data["wheelchair"] = facts[v.WHEELCHAIR][0]
        if facts.get(v.PETS):
            data["pets"] = facts[v.PETS][0]
        places = _whole_number(facts.get(v.PLACES))
        if places is not None:
            data["places"] = places
        admission = self.admission(s, facts)
        if admission:
            data["admission"] = admission
        assured = s.get("assured_date")
        if assured:
            entry.notes.append(
                _("the source says the details were confirmed on {assured}").format(assured=assured)
            )
        data["verified"] = self.today
        if not any(key in data for key in ("phones", "email", "website", "messengers")):
            entry.todo.append(_("add a way to reach them: phones, email, website or messengers"))
        return entry

    def contacts(self, s: Record, organization: Record | None, data: dict[str, Any]) -> None:
        """E-mail and website of the service, else of its organization (1.1 calls it url)."""
        email, website = s.get("email"), s.get("url")
        if organization is not None:
            org_email = organization.peek("email")
            org_site = organization.peek("website") or organization.peek("url")
            if org_email and (email is None or org_email == email):
                email = organization.get("email")
            if org_site and (website is None or org_site == website):
                website = organization.get("website") or organization.get("url")
        if email:
            data["email"] = email
        if website:
            data["website"] = website

    def text(self, value: str) -> dict[str, str]:
        return {guess_language(value, self.declared): value}

    def entry_id(self, facts: dict[str, list[str]], name: str, s: Record) -> str:
        """The source's own entry id when it is a valid id; else one made from the name.

        The id becomes a file name: one with a NUL, a slash or `..` must never reach the disk.
        """
        given = (facts.get(v.ENTRY_ID) or [None])[0]
        if given and any(ord(ch) < 32 or ord(ch) == 127 for ch in given):
            raise ImportInputError(
                _(
                    "{where}: entry-id: the id {given!r} holds an invisible control "
                    "character — correct the source and import again"
                ).format(where=s.where, given=given)
            )
        if given and len(given) <= 80 and _ENTRY_ID.match(given):
            return given
        if given:
            self.report.note(
                s.where,
                _("the entry id {given!r} is not a valid id: one was made from the name").format(
                    given=given
                ),
            )
        fallback = slug(s.id or "entry")[:8].strip("-") or "entry"
        return slug(name) or f"imported-{fallback}"

    def organization(
        self, org: Record, name: str, description: str | None, entry: ImportedEntry
    ) -> None:
        """An organization adds nothing of ours when it repeats the service; else reported."""
        org.used = True
        org.take("id")
        if org.peek("name") == name:
            org.take("name")
        if org.peek("description") in (description, name):
            org.take("description")

    # ------------------------------------------------------------------ attributes

    def facts(self, s: Record) -> dict[str, list[str]]:
        """Our facet codes → values, from attributes linked to the service."""
        facts: dict[str, list[str]] = defaultdict(list)
        for attribute in self.links("attribute", "link_id", s.id):
            code, term = self.our_term(attribute, v.FACETS_TAXONOMY)
            if code in v.FACETS:
                attribute.used = True
                attribute.take("id", "link_id", "taxonomy_term_id", "link_type", "link_entity")
                value = attribute.get("value")
                if value is not None:
                    facts[code].append(value)
                self.use_term(term)
        return facts

    def our_term(self, attribute: Record, taxonomy: str) -> tuple[str | None, Record | None]:
        """The code of the attribute's term when the term is in our ``taxonomy``, else None.

        Another system may well have a term coded ``free``; only our own taxonomy's terms
        carry our facts.
        """
        term = self.by_id.get(("taxonomy_term", attribute.peek("taxonomy_term_id") or ""))
        if term is None or term.peek("taxonomy_id") != v.taxonomy_id(taxonomy):
            return None, term
        return term.peek("code"), term

    def use_term(self, term: Record | None) -> None:
        if term is None:
            return
        term.used = True
        term.take(
            "id", "code", "name", "description", "parent_id", "taxonomy_id", "language",
            "term_uri", "taxonomy", "vocabulary", "parent_name",
        )  # fmt: skip
        taxonomy = self.by_id.get(("taxonomy", term.peek("taxonomy_id") or ""))
        if taxonomy is not None:
            taxonomy.used = True
            taxonomy.take("id", "name", "description", "uri", "version")

    def kinds_of_help(self, s: Record, facts: dict, entry: ImportedEntry) -> list[str]:
        found: list[str] = []
        terms: list[tuple[Record | None, Record | None]] = []
        for attribute in self.links("attribute", "link_id", s.id):
            if attribute.used:
                continue
            term = self.by_id.get(("taxonomy_term", attribute.peek("taxonomy_term_id") or ""))
            terms.append((attribute, term))
        for link in self.links("service_taxonomy", "service_id", s.id):  # HSDS 1.1
            terms.append((link, self.by_id.get(("taxonomy_term", link.peek("taxonomy_id") or ""))))
        for term_id in re.split(r"[,;\s]+", s.peek("taxonomy_ids") or ""):  # HSDS 1.1 column
            if term_id:
                s.take("taxonomy_ids")
                terms.append((None, self.by_id.get(("taxonomy_term", term_id))))
        unmatched = []
        for link, term in terms:
            if term is None:
                continue
            code = term.peek("code") or ""
            if term.peek("taxonomy_id") == v.taxonomy_id(v.AREAS_TAXONOMY):
                continue  # areas are read by area()
            service_id = self.known_service(code) or self.known_service(term.peek("name"))
            if service_id:
                if service_id not in found:
                    found.append(service_id)
                self.use_term(term)
                if link is not None:
                    link.used = True
                    link.take(
                        "id", "link_id", "taxonomy_term_id", "link_type", "link_entity",
                        "service_id", "taxonomy_id", "value",
                    )  # fmt: skip
            else:
                unmatched.append(term.peek("name") or code)
                if link is not None:  # linked, but to nothing of ours: its value is reported
                    link.used = True
                    link.take("id", "link_id", "taxonomy_term_id", "service_id", "taxonomy_id")
        if unmatched:
            entry.todo.append(
                _(
                    "choose kinds of help from services.yml; the source's terms were: {terms}"
                ).format(terms=", ".join(sorted(set(unmatched))))
            )
        elif not found:
            entry.todo.append(_("choose kinds of help from services.yml (`services: [...]`)"))
        return found

    def known_service(self, text: str | None) -> str | None:
        if not text:
            return None
        if not self.known.service_ids:  # no data folder given: trust our own codes
            return text if re.fullmatch(r"[a-z0-9][a-z0-9-]*", text) else None
        return self.known.service(text)

    # ------------------------------------------------------------------ where

    def area(self, s: Record, facts: dict, entry: ImportedEntry) -> None:
        data = entry.data
        region = locality = None
        for attribute in self.links("attribute", "link_id", s.id):
            code, term = self.our_term(attribute, v.AREAS_TAXONOMY)
            code = code or ""
            if code.startswith(v.REGION_PREFIX):
                region = code.removeprefix(v.REGION_PREFIX)
            elif code.startswith(v.LOCALITY_PREFIX):
                locality = code.removeprefix(v.LOCALITY_PREFIX)
            else:
                continue
            attribute.used = True
            attribute.take("id", "link_id", "taxonomy_term_id", "link_type", "link_entity")
            self.use_term(term)
        national = facts.get(v.NATIONAL) == ["true"]
        for area in self.links("service_area", "service_id", s.id):
            matched = self.known.region(area.peek("name"))
            if national or region or matched:
                area.used = True
                area.take("id", "service_id", "name", "uri")
                region = region or matched
            elif self.known.locality(area.peek("name")):
                area.used = True
                area.take("id", "service_id", "name", "uri")
                region, locality = self.known.locality(area.peek("name"))  # type: ignore[misc]
            else:
                area.used = True  # linked, but names no place we know: its values are reported
                area.take("id", "service_id")
        data["_region"], data["_locality"], data["_national"] = region, locality, national

    def place(self, s: Record, facts: dict, entry: ImportedEntry) -> None:
        """Visibility, address and map point from the service's locations."""
        data = entry.data
        visibility = (facts.get(v.ADDRESS_VISIBILITY) or [None])[0]
        address_text, geo = None, None
        locations = []
        for link in self.links("service_at_location", "service_id", s.id):
            location = self.by_id.get(("location", link.peek("location_id") or ""))
            link.used = True
            link.take("id", "service_id", "location_id")
            if location is not None:
                locations.append(location)
        region, locality = data.pop("_region"), data.pop("_locality")
        national = data.pop("_national")
        if visibility is None and locations and self.says_confidential(locations[0]):
            visibility = "locality"
            entry.notes.append(
                _(
                    "the source says this place's address is confidential: it was imported "
                    "as `address_visibility: locality` (the town only), without the address"
                )
            )
        for index, location in enumerate(locations):
            if index > 0:
                self.report.note(
                    location.where, _("a second place of one service: only the first was imported")
                )
                continue
            location.used = True
            location.take("id", "organization_id", "location_type")
            if location.peek("name") in (s.peek("name"), None):
                location.take("name")
            address_text, matched_region, matched_locality = self.address(location, visibility)
            region = region or matched_region
            locality = locality or matched_locality
            if not matched_locality and locality is None:
                found = self.known.locality(location.peek("name"))
                if found:
                    location.take("name")
                    region, locality = region or found[0], found[1]
            elif self.known.locality(location.peek("name")) or visibility == "locality":
                location.take("name")
            geo = self.geo(location, visibility)
        if national:
            data["national"] = True
        elif region:
            data["region"] = region
        else:
            entry.todo.append(_("set `region:` (an id from regions.yml), or `national: true`"))
        if locality:
            if visibility == "hidden":
                entry.notes.append(
                    _(
                        "the source names the town `{locality}`; the place is hidden, so it was "
                        "left out"
                    ).format(locality=locality)
                )
            else:
                data["locality"] = locality
        if visibility and visibility != "public":
            data["address_visibility"] = visibility
            if address_text or geo:
                self.report.note(
                    s.where,
                    _("an address or map point of a confidential place was NOT imported"),
                )
            return
        if address_text:
            data["address"] = self.text(address_text)
        if geo:
            data["geo"] = geo
        if address_text or geo:
            what = _(" and ").join(
                w
                for w, has in ((_("a street address"), address_text), (_("a map point"), geo))
                if has
            )
            entry.todo.append(
                _(
                    "the source gives {what}, which the site would publish: ask the place "
                    "whether it may be public. If not (most crisis rooms and shelters), "
                    "delete `address` and `geo` and write `address_visibility: locality` "
                    "(the town is shown) or `hidden` (nothing of the place is shown)"
                ).format(what=what)
            )

    def says_confidential(self, location: Record) -> bool:
        """The source marks the place's address as confidential, in words HSDS has no field for
        (a location named "Confidential location", an address line "адрес не публикуется")."""
        texts = [location.peek(name) for name in ("name", "description", "alternate_name")]
        for kind in ("address", "physical_address"):
            for row in self.links(kind, "location_id", location.id):
                texts += [row.peek(f"address_{n}") for n in (1, 2, 3, 4)]
        return any(_CONFIDENTIAL.search(text) for text in texts if text)

    def address(
        self, location: Record, visibility: str | None
    ) -> tuple[str | None, str | None, str | None]:
        """The street address as one text, and the region and town it names, if we know them."""
        rows = []
        for kind in ("address", "physical_address", "postal_address"):
            for row in self.links(kind, "location_id", location.id):
                if kind == "postal_address" or row.peek("address_type") in ("postal", "virtual"):
                    row.used = True
                    row.take("id", "location_id", "address_type")
                    self.report.note(
                        row.where, _("a postal address: the directory publishes only where to go")
                    )
                else:
                    rows.append(row)
        if not rows:
            return None, None, None
        row = rows[0]
        for other in rows[1:]:
            self.report.note(other.where, _("a second address of one place: not imported"))
        row.used = True
        row.take("id", "location_id", "address_type")
        parts = [row.get(f"address_{n}") for n in (1, 2, 3, 4)]
        city, state = row.peek("city"), row.peek("state_province")
        region = self.known.region(state)
        found = self.known.locality(city)
        locality = None
        if found and (region is None or found[0] == region):
            region, locality = found
            row.take("city")
        elif city:
            parts.append(row.get("city"))
        if region and state:
            row.take("state_province")
        country = row.peek("country")
        if country and country.upper() in ("BY", "BLR", "BELARUS", "БЕЛАРУСЬ"):
            row.take("country")
        if visibility not in (None, "public"):
            row.taken.difference_update({"address_1", "address_2", "address_3", "address_4"})
        text = ", ".join(part for part in parts if part)
        return text or None, region, locality

    def geo(self, location: Record, visibility: str | None) -> dict[str, float] | None:
        lat_text, lon_text = location.peek("latitude"), location.peek("longitude")
        if not lat_text or not lon_text or visibility not in (None, "public"):
            return None
        try:
            lat, lon = float(lat_text), float(lon_text)
        except ValueError:
            return None
        south, north, west, east = _BELARUS
        if not (south <= lat <= north and west <= lon <= east):
            return None
        location.take("latitude", "longitude")
        return {"lat": lat, "lon": lon}

    # ------------------------------------------------------------------ how to reach them

    def phones(
        self, s: Record, organization: Record | None, entry: ImportedEntry
    ) -> list[dict[str, Any]]:
        rows = self.links("phone", "service_id", s.id)
        for link in self.links("service_at_location", "service_id", s.id):
            rows += self.links("phone", "service_at_location_id", link.id)
            rows += self.links("phone", "location_id", link.peek("location_id"))
        if not rows and organization is not None:
            rows = self.links("phone", "organization_id", organization.id)
        phones, seen = [], set()
        for row in rows:
            if id(row) in seen:
                continue
            seen.add(id(row))
            phone = self.phone(row)
            if phone is not None:
                phones.append(phone)
        return phones

    def phone(self, row: Record) -> dict[str, Any] | None:
        number = row.peek("number")
        kind = (row.peek("type") or "voice").lower()
        row.used = True
        row.take(*_LINKS, "contact_id")
        if kind in _PLAIN_PHONES:
            row.take("type")  # what a plain phone of ours is; others stay in the report
        if number is None:
            return None
        if kind == "fax":
            self.report.note(
                row.where, _("fax number `{number}` not imported").format(number=number)
            )
            return None
        try:
            dialling = parse_number(number)
        except PhoneIssue as issue:
            if issue.dialling is None:
                self.report.note(
                    row.where,
                    _("phone `{number}` not imported: {message} — {fix}").format(
                        number=number, message=issue.message, fix=issue.fix
                    ),
                )
                return None
            dialling = issue.dialling
            self.report.note(row.where, f"phone `{number}`: {issue.message} — {issue.fix}")
        row.take("number")
        phone: dict[str, Any] = {"number": dialling.display}
        if kind in v.PHONE_TYPE_FROM_HSDS:  # a kind we have: only now that the number is in
            row.take("type")
            phone["type"] = v.PHONE_TYPE_FROM_HSDS[kind]
        label = row.get("description")
        if label:
            phone["label"] = self.text(label)
        for attribute in self.links("attribute", "link_id", row.id):
            code, term = self.our_term(attribute, v.FACETS_TAXONOMY)
            if code not in _PHONE_FACTS:
                continue
            attribute.used = True
            attribute.take("id", "link_id", "taxonomy_term_id", "link_type", "link_entity")
            self.use_term(term)
            phone[_PHONE_FACTS[code]] = attribute.get("value")
        return phone

    def hours(self, s: Record, facts: dict, entry: ImportedEntry) -> str | None:
        rows = self.links("schedule", "service_id", s.id) + self.links(
            "regular_schedule", "service_id", s.id
        )
        for link in self.links("service_at_location", "service_id", s.id):
            for kind in ("schedule", "regular_schedule"):
                rows += [
                    row
                    for row in self.links(kind, "service_at_location_id", link.id)
                    if row not in rows
                ]
        for holiday in self.links("holiday_schedule", "service_id", s.id):
            self.report.note(holiday.where, _("holiday hours are not in the directory's format"))
        if facts.get(v.OPENING_HOURS):
            raw = facts[v.OPENING_HOURS][0]
            for row in rows:  # the same hours, written out for other systems
                row.used = True
                row.take(*_LINKS, *WEEKLY_FIELDS, "description")
            return raw
        spans = []
        for row in rows:
            found = weekly_spans(row)
            row.used = True
            row.take(*_LINKS)
            if found is None:
                continue
            row.take(*WEEKLY_FIELDS)
            spans += found
        if not spans:
            return None
        text = opening_hours(spans)
        try:
            parse_hours(text)
        except HoursError as error:
            entry.todo.append(
                _("write the hours by hand: `{text}` did not read ({message})").format(
                    text=text, message=error.message
                )
            )
            return None
        return text

    def languages(self, s: Record) -> list[str]:
        codes: list[str] = []
        for row in self.links("language", "service_id", s.id):
            row.used = True
            row.take("id", "service_id", "location_id", "phone_id")
            code = row.peek("code")
            names = row.peek("name") or row.peek("language") or ""
            found = [code] if code and re.fullmatch(r"[a-z]{2,3}", code) else []
            if not found:
                found = [self.language_code(name) for name in re.split(r"[,;/]", names)]
            if found and all(found):
                row.take("code", "name", "language")
                codes += [c for c in found if c and c not in codes]
        return codes

    def language_code(self, name: str) -> str | None:
        name = name.strip()
        if re.fullmatch(r"[a-z]{2,3}", name):
            return name
        if self._language_names is None:
            self._language_names = _language_codes()
        return self._language_names.get(name.casefold())

    def admission(self, s: Record, facts: dict) -> dict[str, Any]:
        admission: dict[str, Any] = {}
        if facts.get(v.REFERRAL):
            admission["referral"] = facts[v.REFERRAL]
        if facts.get(v.MAX_STAY_DAYS):
            admission["max_stay_days"] = int(facts[v.MAX_STAY_DAYS][0])
        for code, key in (
            (v.REGISTRATION_REQUIRED, "registration_required"),
            (v.ID_REQUIRED, "id_required"),
        ):
            if facts.get(code):
                admission[key] = facts[code][0] == "true"
        if facts.get(v.ADMISSION_CHILDREN):
            admission["children"] = facts[v.ADMISSION_CHILDREN][0]
        boys = _whole_number(facts.get(v.ADMISSION_BOYS_UP_TO_AGE))
        if boys is not None:
            admission["boys_up_to_age"] = boys
        if admission and s.peek("application_process"):
            admission["notes"] = self.text(s.get("application_process") or "")
        return admission


def _whole_number(values: list[str] | None) -> int | None:
    """The first value as a whole number; None when there is none or it is not one (the
    schema check of the written file then has nothing wrong to report)."""
    if not values or not str(values[0]).strip().isdigit():
        return None
    return int(str(values[0]).strip())
