"""The HSDS vocabulary our export writes and our import reads back.

HSDS 3.0 has no place for several things the directory knows (who may come, whether an address
is confidential, Telegram contacts, per-phone hours). Both directions carry them as HSDS
``attribute`` rows pointing at terms of our own taxonomies, defined once here, so that an
export imported again loses nothing HSDS can hold. The export (an output stage) imports this
module; the data stage never imports an output.
"""

from __future__ import annotations

import uuid
from functools import cache

#: Every HSDS id we write is ``uuid5(NAMESPACE, "<object type>/<our key>")``: stable across
#: builds and independent of the site's address, so a re-export does not churn.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:help-directory:hsds")


@cache
def hsds_id(kind: str, key: str) -> str:
    """The stable HSDS UUID of one of our objects (``kind`` is the HSDS object type).

    The export asks for each id several times (the object, then every reference to it). The
    cache is unbounded: a few thousand entries have over a hundred thousand ids, and a cache
    smaller than that recomputed nearly every one, every time.
    """
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


def term_id(taxonomy: str, code: str) -> str:
    """A term's UUID, distinct per taxonomy even where two taxonomies share a code."""
    return hsds_id("taxonomy_term", f"{taxonomy}/{code}")


def taxonomy_id(taxonomy: str) -> str:
    return hsds_id("taxonomy", taxonomy)


#: Taxonomy of our kinds of help (``services.yml``); term codes are the service ids.
SERVICES_TAXONOMY = "help-directory-services"
#: Taxonomy of regions (``region:<id>``) and towns (``locality:<id>``), towns under regions.
AREAS_TAXONOMY = "help-directory-areas"
#: Taxonomy of facts HSDS has no field for; the attribute's ``value`` holds the fact.
FACETS_TAXONOMY = "help-directory-facets"

REGION_PREFIX = "region:"
LOCALITY_PREFIX = "locality:"

#: Facet term codes. Each is linked to a service (or, for ``PHONE_*``, a phone) by an attribute.
ENTRY_ID = "entry-id"
FORMER_ID = "former-id"
NATIONAL = "national"
ADDRESS_VISIBILITY = "address-visibility"
SERVES = "serves"
FREE = "free"
ANONYMOUS = "anonymous"
WHEELCHAIR = "wheelchair"
OPENING_HOURS = "opening-hours"
MESSENGER_PREFIX = "messenger-"
MESSENGERS = ("telegram", "viber", "whatsapp")
REFERRAL = "admission-referral"
MAX_STAY_DAYS = "admission-max-stay-days"
REGISTRATION_REQUIRED = "admission-registration-required"
ID_REQUIRED = "admission-id-required"
ADMISSION_CHILDREN = "admission-children"
ADMISSION_BOYS_UP_TO_AGE = "admission-boys-up-to-age"
PETS = "pets"
PLACES = "places"
SIGN_LANGUAGE = "sign-language"
PHONE_HOURS = "phone-opening-hours"
PHONE_COST = "phone-cost"
PHONE_TYPE = "phone-type"

#: Our phone ``type`` → the nearest RFC 6350 word HSDS uses for ``phone.type``. A number
#: used in messengers is a mobile one; the exact kind travels in the ``phone-type`` facet.
PHONE_TYPE_TO_HSDS = {
    "voice": "voice",
    "sms": "text",
    "messenger": "cell",
    "video": "video",
    "textphone": "textphone",
}
#: HSDS ``phone.type`` words that name one of our non-voice types, for other systems' data.
PHONE_TYPE_FROM_HSDS = {"text": "sms", "video": "video", "textphone": "textphone"}

#: Facet code → one-line English description (term names and descriptions in the export).
FACETS: dict[str, str] = {
    ENTRY_ID: "The entry's id in the help directory (its page is directory/<id>/).",
    FORMER_ID: "An id the entry had before; its old page address still redirects.",
    NATIONAL: "A country-wide service (value true).",
    ADDRESS_VISIBILITY: "public, locality (only the town is published) or hidden.",
    SERVES: "Who may come: women, men, children, teenagers, families, older-people, "
    "people-with-disabilities.",
    FREE: "true when the help costs nothing.",
    ANONYMOUS: "true when one may stay anonymous.",
    WHEELCHAIR: "Wheelchair access: yes, limited or no.",
    OPENING_HOURS: "Opening hours in the OpenStreetMap opening_hours syntax.",
    **{
        MESSENGER_PREFIX + name: f"The {name.capitalize()} contact of the service."
        for name in MESSENGERS
    },
    REFERRAL: "Who may refer a person: self, police, social-services, health.",
    MAX_STAY_DAYS: "The longest stay, in days.",
    REGISTRATION_REQUIRED: "true when residence registration is required to stay.",
    ID_REQUIRED: "true when an identity document is required to stay.",
    ADMISSION_CHILDREN: "Whether children may stay: with-parent or no.",
    ADMISSION_BOYS_UP_TO_AGE: "With children with-parent: the oldest age (full years) at "
    "which a boy may stay with his mother.",
    PETS: "Whether one may come with a pet: yes, no or ask (it depends; call and ask).",
    PLACES: "How many people can stay at once (beds), where known.",
    SIGN_LANGUAGE: "true when staff talk in sign language (in person or by video call).",
    PHONE_HOURS: "The hours of this phone line, OpenStreetMap opening_hours syntax.",
    PHONE_COST: "What a call costs: free, free-landline or paid.",
    PHONE_TYPE: "How this number is used when not for voice calls: sms, messenger, video "
    "(a video call in sign language) or textphone.",
}

#: HSDS 3.0 service status for ours; imported the other way round.
STATUS_TO_HSDS = {"active": "active", "unconfirmed": "active", "suspended": "temporarily closed"}
STATUS_FROM_HSDS = {"active": "active", "temporarily closed": "suspended"}

#: RFC 5545 weekday codes (HSDS schedules), Monday first like the model.
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
#: The same days as written in OpenStreetMap opening_hours (our YAML).
OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
