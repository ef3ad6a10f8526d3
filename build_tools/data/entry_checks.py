"""Checks a schema cannot express for one entry, and the entry's model built along the way.

Each check reads only values of the right type, so a file with schema errors still gets
its other problems reported in the same run. Checks that need the whole directory (unique
ids, former ids) live in :mod:`build_tools.data.build`.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from build_tools.messages import _

from .availability import PLACE_SERVICES
from .errors import ERROR, WARNING
from .hours import HoursError, parse_hours, rules_without_days
from .model import PHONE_TYPES, Admission, Entry, Geo, Hours, Phone, Text
from .phones import PhoneIssue, parse_number
from .yaml_loader import Document, Path_

#: Entry ids that are page addresses of their own under ``directory/``.
RESERVED_IDS = frozenset({"regions", "services", "finder", "guide", "coverage"})

#: A generous box around Belarus (lat 51.26–56.17 N, lon 23.18–32.78 E, plus a margin);
#: a point outside it is certainly a typo (swapped lat/lon, a missing digit).
BELARUS_LAT = (51.2, 56.2)
BELARUS_LON = (23.1, 32.8)

_TELEGRAM = re.compile(r"^[A-Za-z][A-Za-z0-9_]{4,31}$")
#: Before the ``@``: letters, digits, ``.``, ``_``, ``+`` and ``-``. Other characters the
#: standard allows are refused because a ``mailto:`` link reads them otherwise (``#`` starts a
#: fragment, ``?`` the headers, ``%`` an escape), so the mail would go to someone else.
_EMAIL = re.compile(r"^[\w.+-]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}$")
_MAILTO_MISREAD = "#?%&=/!$*^{|}~'`"
_CONTACTS = ("phones", "email", "website", "messengers")


@dataclass
class References:
    """What entries may refer to, collected from regions.yml and services.yml."""

    localities: dict[str, set[str]] = field(default_factory=dict)  # region id → locality ids
    locality_region: dict[str, str] = field(default_factory=dict)
    services: set[str] = field(default_factory=set)


def check_entry(
    doc: Document,
    refs: References,
    *,
    stem: str,
    file: str,
    today: _dt.date,
    publish: bool,
) -> Entry | None:
    """Run the per-entry checks; return the Entry when this file has no error."""
    data = doc.data
    if not isinstance(data, dict):
        return None
    _check_id(doc, data, stem)
    _check_place(doc, data, refs)
    _check_services(doc, data, refs)
    _check_confidential(doc, data)
    _check_geo(doc, data)
    _check_reach(doc, data)
    _check_stay(doc, data)
    phones = _check_phones(doc, data)
    hours = _hours(doc, data.get("hours"), ("hours",))
    _check_email_and_website(doc, data)
    messengers = _check_messengers(doc, data)
    _check_verified(doc, data, today)
    _check_source(doc, data, today)
    if publish and data.get("status") == "sample":
        doc.problem(
            ("status",),
            _("a sample entry cannot be published"),
            _("remove this file, or make it a real entry (`status: active`) with checked details"),
        )
    if any(p.is_error for p in doc.problems):
        return None
    return _entry(data, phones, hours, messengers, file)


def _suggest(value: str, choices: Any) -> str:
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return _("did you mean `{value}`? ").format(value=close[0]) if close else ""


def _check_id(doc: Document, data: dict[str, Any], stem: str) -> None:
    entry_id = data.get("id")
    if not isinstance(entry_id, str):
        return
    if entry_id in RESERVED_IDS:
        doc.problem(
            ("id",),
            _("the id `{entry_id}` is reserved for a page of the site").format(entry_id=entry_id),
            _("choose another id (not {items}) and rename the file").format(
                items=", ".join(sorted(RESERVED_IDS))
            ),
        )
    if entry_id != stem:
        doc.problem(
            ("id",),
            _("the id `{entry_id}` is not the file name `{stem}.yml`").format(
                entry_id=entry_id, stem=stem
            ),
            _(
                "make them the same: rename the file to `{entry_id}.yml`, or write `id: {stem}`"
            ).format(entry_id=entry_id, stem=stem),
        )
    former = data.get("former_ids")
    if isinstance(former, list):
        for i, old in enumerate(former):
            if old == entry_id:
                doc.problem(
                    ("former_ids", i),
                    _("the current id is listed among the former ids"),
                    _("remove it from `former_ids`"),
                )
            elif isinstance(old, str) and old in RESERVED_IDS:
                doc.problem(
                    ("former_ids", i),
                    _("`{old}` is reserved for a page of the site").format(old=old),
                    _("remove it from `former_ids`"),
                )


def _check_place(doc: Document, data: dict[str, Any], refs: References) -> None:
    national = data.get("national") is True
    region = data.get("region")
    locality = data.get("locality")
    if national:
        for key in ("region", "locality"):
            if key in data:
                doc.problem(
                    (key,),
                    _("a national service has no `{key}`").format(key=key),
                    _("remove `{key}`, or set `national: false` for a local service").format(
                        key=key
                    ),
                    at_key=True,
                )
        return
    if region is None and "region" not in data:
        doc.problem(
            ("region",),
            _("`region` is missing"),
            _(
                "add `region:` with an id from regions.yml, or `national: true` for a "
                "country-wide service"
            ),
            at_key=True,
        )
        return
    if not isinstance(region, str):
        return
    if region not in refs.localities:
        doc.problem(
            ("region",),
            _("there is no region `{region}` in regions.yml").format(region=region),
            _("{suggest}use one of: {items}").format(
                suggest=_suggest(region, refs.localities), items=", ".join(sorted(refs.localities))
            ),
        )
        return
    if not isinstance(locality, str):
        return
    owner = refs.locality_region.get(locality)
    if owner is None:
        towns = refs.localities[region]
        doc.problem(
            ("locality",),
            _("there is no town `{locality}` in regions.yml").format(locality=locality),
            _("{suggest}use a town of `{region}`: {towns}; or add the town to regions.yml").format(
                suggest=_suggest(locality, towns),
                region=region,
                towns=", ".join(sorted(towns)) or _("(none listed)"),
            ),
        )
    elif owner != region:
        doc.problem(
            ("locality",),
            _("the town `{locality}` belongs to the region `{owner}`, not `{region}`").format(
                locality=locality, owner=owner, region=region
            ),
            _("set `region: {owner}`, or choose a town of `{region}`").format(
                owner=owner, region=region
            ),
        )


def _check_services(doc: Document, data: dict[str, Any], refs: References) -> None:
    services = data.get("services")
    if not isinstance(services, list):
        return
    for i, service in enumerate(services):
        if isinstance(service, str) and service not in refs.services:
            doc.problem(
                ("services", i),
                _("there is no kind of help `{service}` in services.yml").format(service=service),
                _("{suggest}use one of: {items}").format(
                    suggest=_suggest(service, refs.services), items=", ".join(sorted(refs.services))
                ),
            )


def _check_confidential(doc: Document, data: dict[str, Any]) -> None:
    visibility = data.get("address_visibility", "public")
    if visibility == "public" or not isinstance(visibility, str):
        return
    for key in ("address", "geo"):
        if key in data:
            doc.problem(
                (key,),
                _(
                    "a confidential place (`address_visibility: {visibility}`) must not have "
                    "`{key}`: the data repository is public"
                ).format(visibility=visibility, key=key),
                _(
                    "remove `{key}` from this file; the page will say the address is given by phone"
                ).format(key=key),
                at_key=True,
            )


def _check_geo(doc: Document, data: dict[str, Any]) -> None:
    geo = data.get("geo")
    if not isinstance(geo, dict):
        return
    lat, lon = geo.get("lat"), geo.get("lon")
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lat, lon)):
        return
    if not (BELARUS_LAT[0] <= lat <= BELARUS_LAT[1] and BELARUS_LON[0] <= lon <= BELARUS_LON[1]):
        hint = _(" (are lat and lon swapped?)") if BELARUS_LAT[0] <= lon <= BELARUS_LAT[1] else ""
        doc.problem(
            ("geo",),
            _("the point {lat}, {lon} is outside Belarus{hint}").format(
                lat=lat, lon=lon, hint=hint
            ),
            _("latitude is 51.2–56.2 and longitude 23.1–32.8 in Belarus; copy the point again"),
        )


def _check_reach(doc: Document, data: dict[str, Any]) -> None:
    if any(data.get(key) for key in _CONTACTS):
        return
    doc.problem(
        ("id",),
        _("there is no way to reach this place"),
        _("add at least one of `phones`, `email`, `website`, `messengers`"),
        at_key=True,
    )


def _check_stay(doc: Document, data: dict[str, Any]) -> None:
    """What only a place where people stay can say: pets, beds, a boys' age limit."""
    admission = data.get("admission")
    age = admission.get("boys_up_to_age") if isinstance(admission, dict) else None
    if isinstance(age, int) and admission.get("children") != "with-parent":
        doc.problem(
            ("admission", "boys_up_to_age"),
            _(
                "a boys' age limit says who may stay with a parent, but `children` is not "
                "`with-parent`"
            ),
            _(
                "add `children: with-parent` to `admission` (if children may stay with a "
                "parent), or remove `boys_up_to_age`"
            ),
            at_key=True,
        )
    services = data.get("services")
    if not isinstance(services, list) or PLACE_SERVICES.intersection(map(str, services)):
        return
    said = {
        "pets": _(
            "pets only concern places where people stay, and `services` has neither "
            "`crisis-room` nor `shelter`"
        ),
        "places": _(
            "the number of places only concerns places where people stay, and `services` has "
            "neither `crisis-room` nor `shelter`"
        ),
    }
    for key, problem in said.items():
        if data.get(key) is not None:
            doc.problem(
                (key,),
                problem,
                _(
                    "remove `{key}`, or add `crisis-room` or `shelter` to `services` if people "
                    "stay there"
                ).format(key=key),
                at_key=True,
            )


def _check_phones(doc: Document, data: dict[str, Any]) -> list[Phone]:
    phones: list[Phone] = []
    items = data.get("phones")
    if not isinstance(items, list):
        return phones
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("number"), str):
            continue
        if not item["number"].strip():
            continue  # the schema reports the empty number
        path = ("phones", i, "number")
        try:
            dialling = parse_number(item["number"])
        except PhoneIssue as issue:
            doc.problem(path, issue.message, issue.fix, issue.severity)
            if issue.dialling is None:
                continue
            dialling = issue.dialling
        hours = _hours(doc, item.get("hours"), ("phones", i, "hours"))
        phones.append(
            Phone(
                raw=item["number"],
                e164=dialling.e164,
                display=dialling.display,
                tel=dialling.tel,
                short=dialling.short,
                international=dialling.international,
                label=_text(item.get("label")),
                hours=hours,
                cost=item.get("cost") if isinstance(item.get("cost"), str) else None,
                type=item.get("type") if item.get("type") in PHONE_TYPES else "voice",
            )
        )
    return phones


def _hours(doc: Document, value: Any, path: Path_) -> Hours | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        hours = parse_hours(value)
    except HoursError as exc:
        doc.problem(
            path,
            _("cannot read the hours `{value}`: {message}").format(
                value=value, message=exc.message
            ),
            exc.fix,
        )
        return None
    for times in rules_without_days(value):
        padded = re.sub(r"(?<!\d)(\d):", r"0\1:", times)
        doc.problem(
            path,
            _('`{times}` names no days, so it means every day and the page says "daily"').format(
                times=times
            ),
            _(
                "for weekdays write `Mo-Fr {padded}`; if it really is every day, write "
                "`Mo-Su {padded}`"
            ).format(padded=padded),
            WARNING,
        )
    return hours


def _check_email_and_website(doc: Document, data: dict[str, Any]) -> None:
    email = data.get("email")
    if isinstance(email, str):
        if email.lower().startswith("mailto:"):
            doc.problem(
                ("email",), _("the address starts with `mailto:`"), _("write only the address")
            )
        elif misread := [ch for ch in email.partition("@")[0] if ch in _MAILTO_MISREAD]:
            doc.problem(
                ("email",),
                _(
                    "`{email}` has `{value}` before the `@`, which a mail link would misread "
                    "(the mail would go to another address)"
                ).format(email=email, value=misread[0]),
                _(
                    "check the address with the place; write it with letters, digits, `.`, "
                    "`-`, `_` or `+` before the `@`"
                ),
            )
        elif not _EMAIL.match(email):
            doc.problem(
                ("email",),
                _("`{email}` is not an e-mail address").format(email=email),
                _("write it as `name@example.by`, without spaces or brackets"),
            )
    website = data.get("website")
    if isinstance(website, str):
        problem = url_problem(website)
        if problem:
            doc.problem(("website",), *problem)


def url_problem(url: str) -> tuple[str, str] | None:
    """Why ``url`` is not a well-formed ``https://`` address, with the fix; None if it is."""
    if any(ch.isspace() for ch in url) or any(ch in url for ch in "<>\"'`\\"):
        return _("`{url}` has spaces or quotes in it").format(url=url), _(
            "copy the address from the browser again"
        )
    parts = urlsplit(url)
    if parts.scheme == "http":
        return _("`{url}` is not secure (`http://`)").format(url=url), _(
            "use the `https://` address"
        )
    if parts.scheme != "https":
        return (
            _("`{url}` is not a web address starting with `https://`").format(url=url),
            _("copy the full address from the browser, such as `https://example.by/`"),
        )
    host = parts.hostname or ""
    if (
        parts.username
        or parts.password
        or "." not in host
        or host.startswith(".")
        or (host.endswith(".") or ".." in host)
    ):
        return _("`{url}` has no valid site name").format(url=url), _(
            "copy the full address from the browser again"
        )
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return _("`{url}` has a malformed port").format(url=url), _(
            "copy the full address from the browser again"
        )
    return None


def _check_messengers(doc: Document, data: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    messengers = data.get("messengers")
    if not isinstance(messengers, dict):
        return found
    telegram = messengers.get("telegram")
    if isinstance(telegram, str):
        name = telegram.removeprefix("@")
        if "t.me/" in telegram or "telegram.me/" in telegram:
            last = telegram.rstrip("/").rsplit("/", 1)[-1]
            doc.problem(
                ("messengers", "telegram"),
                _("this is a link, not a username"),
                _("write only the username: `{last}`").format(last=last),
            )
        elif not _TELEGRAM.match(name):
            doc.problem(
                ("messengers", "telegram"),
                _("`{telegram}` is not a Telegram username").format(telegram=telegram),
                _(
                    "a username has 5–32 Latin letters, digits or `_` and starts with a "
                    "letter, such as `HelpHotlineBot`"
                ),
            )
        else:
            found["telegram"] = name
    for key in ("viber", "whatsapp"):
        value = messengers.get(key)
        if not isinstance(value, str):
            continue
        try:
            dialling = parse_number(value)
        except PhoneIssue as issue:
            doc.problem(("messengers", key), issue.message, issue.fix)
            continue
        if dialling.e164 is None:
            doc.problem(
                ("messengers", key),
                _("`{value}` is a short number, which {messenger} cannot use").format(
                    value=value, messenger=key.capitalize()
                ),
                _("write the full mobile number, such as `+375 29 123-45-67`"),
            )
            continue
        found[key] = dialling.e164
    return found


def _check_verified(doc: Document, data: dict[str, Any], today: _dt.date) -> None:
    """``verified`` is the day of the last call: every entry but an unconfirmed one has it."""
    unconfirmed = data.get("status") == "unconfirmed"
    if "verified" not in data and not unconfirmed:
        doc.problem(
            ("verified",),
            _("`verified` is missing"),
            _(
                "add `verified: YYYY-MM-DD` (the day the details were confirmed by "
                "phone), or, if nobody has called them yet, write `status: unconfirmed` "
                "with `source` and `source_date`"
            ),
        )
        return
    if "verified" in data and unconfirmed:
        doc.problem(
            ("verified",),
            _("an unconfirmed entry cannot have a `verified` date"),
            _(
                "if the details were confirmed by phone, change `status: unconfirmed` to "
                "`status: active`; otherwise remove the `verified` line"
            ),
        )
    _not_in_future(
        doc, data, "verified", today, _("write the day the details were actually confirmed")
    )


def _not_in_future(
    doc: Document, data: dict[str, Any], key: str, today: _dt.date, fix: str
) -> None:
    day = _date(data.get(key))
    if day and day > today:
        doc.problem((key,), _("the date {date} is in the future").format(date=day.isoformat()), fix)


def _check_source(doc: Document, data: dict[str, Any], today: _dt.date) -> None:
    """Real help must be traceable: where the facts come from, and as of when."""
    status = data.get("status", "active")
    if status == "sample":
        return
    if "source" not in data and (status == "unconfirmed" or not data.get("national")):
        doc.problem(
            ("source",),
            _("an unconfirmed entry must say where its facts come from")
            if status == "unconfirmed"
            else _("an entry that is not national must say where its facts come from"),
            _(
                "add `source:` with the address of the page (https://…) or the name of "
                "the document, and `source_date:` with the date it shows"
            ),
            WARNING if status != "unconfirmed" else ERROR,
        )
    if "source" in data and "source_date" not in data:
        doc.problem(
            ("source",),
            _("the source has no date"),
            _("add `source_date: YYYY-MM-DD`: the date the source shows, or the day you read it"),
        )
    if "source_date" in data and "source" not in data:
        doc.problem(
            ("source_date",),
            _("a date without a source"),
            _("add `source:` with the address of the page or the name of the document"),
        )
    _not_in_future(
        doc,
        data,
        "source_date",
        today,
        _("write the date the source shows, or the day you read it"),
    )


def _date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _text(value: Any) -> Text:
    if not isinstance(value, Mapping):
        return Text()
    return Text({k: v for k, v in value.items() if isinstance(v, str) and v})


def _entry(
    data: dict[str, Any],
    phones: list[Phone],
    hours: Hours | None,
    messengers: dict[str, str],
    file: str,
) -> Entry:
    geo = data.get("geo")
    admission = data.get("admission")
    return Entry(
        id=data["id"],
        name=_text(data["name"]),
        services=tuple(data["services"]),
        verified=_date(data.get("verified")),
        status=data.get("status", "active"),
        source=data.get("source"),
        source_date=_date(data.get("source_date")),
        summary=_text(data.get("summary")),
        national=data.get("national", False),
        region=data.get("region"),
        locality=data.get("locality"),
        address_visibility=data.get("address_visibility", "public"),
        address=_text(data.get("address")),
        geo=Geo(float(geo["lat"]), float(geo["lon"])) if geo else None,
        phones=tuple(phones),
        email=data.get("email"),
        website=data.get("website"),
        messengers=messengers,
        hours=hours,
        serves=tuple(data.get("serves", ())),
        languages=tuple(data.get("languages", ())),
        free=data.get("free"),
        anonymous=data.get("anonymous"),
        wheelchair=data.get("wheelchair"),
        pets=data.get("pets"),
        places=data.get("places"),
        sign_language=data.get("sign_language"),
        admission=Admission(
            referral=tuple(admission.get("referral", ())),
            max_stay_days=admission.get("max_stay_days"),
            registration_required=admission.get("registration_required"),
            id_required=admission.get("id_required"),
            children=admission.get("children"),
            boys_up_to_age=admission.get("boys_up_to_age"),
            notes=_text(admission.get("notes")),
        )
        if admission
        else None,
        former_ids=tuple(data.get("former_ids", ())),
        file=file,
    )
