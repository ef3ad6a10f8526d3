"""The HSDS 3.0 tables we publish: file names and columns, in the order the standard lists them.

Only columns we fill are listed; HSDS makes every other column optional. The types are the
Frictionless Table Schema types HSDS's own ``datapackage.json`` uses.
"""

from __future__ import annotations

#: object type → (CSV/JSON file stem, [(column, Table Schema type)]), in dependency order.
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "organization": (
        "organizations",
        [
            ("id", "string"),
            ("name", "string"),
            ("description", "string"),
            ("email", "string"),
            ("website", "string"),
        ],
    ),
    "service": (
        "services",
        [
            ("id", "string"),
            ("organization_id", "string"),
            ("name", "string"),
            ("description", "string"),
            ("url", "string"),
            ("email", "string"),
            ("status", "string"),
            ("application_process", "string"),
            ("fees_description", "string"),
            ("eligibility_description", "string"),
            ("assured_date", "date"),
            ("alert", "string"),
        ],
    ),
    "service_area": (
        "service_areas",
        [
            ("id", "string"),
            ("service_id", "string"),
            ("name", "string"),
            ("uri", "string"),
        ],
    ),
    "location": (
        "locations",
        [
            ("id", "string"),
            ("location_type", "string"),
            ("organization_id", "string"),
            ("name", "string"),
            ("description", "string"),
            ("latitude", "number"),
            ("longitude", "number"),
        ],
    ),
    "service_at_location": (
        "service_at_location",
        [("id", "string"), ("service_id", "string"), ("location_id", "string")],
    ),
    "address": (
        "addresses",
        [
            ("id", "string"),
            ("location_id", "string"),
            ("address_1", "string"),
            ("city", "string"),
            ("state_province", "string"),
            ("postal_code", "string"),
            ("country", "string"),
            ("address_type", "string"),
        ],
    ),
    "phone": (
        "phones",
        [
            ("id", "string"),
            ("service_id", "string"),
            ("number", "string"),
            ("type", "string"),
            ("description", "string"),
        ],
    ),
    "schedule": (
        "schedules",
        [
            ("id", "string"),
            ("service_id", "string"),
            ("timezone", "number"),
            ("wkst", "string"),
            ("freq", "string"),
            ("byday", "string"),
            ("opens_at", "time"),
            ("closes_at", "time"),
            ("description", "string"),
        ],
    ),
    "language": (
        "languages",
        [("id", "string"), ("service_id", "string"), ("name", "string"), ("code", "string")],
    ),
    "taxonomy": (
        "taxonomies",
        [
            ("id", "string"),
            ("name", "string"),
            ("description", "string"),
            ("uri", "string"),
            ("version", "string"),
        ],
    ),
    "taxonomy_term": (
        "taxonomy_terms",
        [
            ("id", "string"),
            ("code", "string"),
            ("name", "string"),
            ("description", "string"),
            ("parent_id", "string"),
            ("taxonomy_id", "string"),
            ("language", "string"),
            ("term_uri", "string"),
        ],
    ),
    "attribute": (
        "attributes",
        [
            ("id", "string"),
            ("link_id", "string"),
            ("taxonomy_term_id", "string"),
            ("link_type", "string"),
            ("link_entity", "string"),
            ("value", "string"),
        ],
    ),
    "meta_table_description": (
        "meta_table_descriptions",
        [("id", "string"), ("name", "string"), ("language", "string"), ("character_set", "string")],
    ),
}
