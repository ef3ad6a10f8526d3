"""Leaflets, wallet-card sheets and the catalogue as HTML, from Jinja2 templates (autoescaped).

The same HTML serves both the PDF stage (which passes the stylesheets once, parsed) and a
volunteer printing from a browser (``standalone=True`` inlines them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from build_tools.data.model import Directory, Text
from build_tools.i18n import url_prefix

from .selection import Front, Plan, is_stay
from .views import PlaceView, Said, phone_view, place_view
from .wording import Strings, hours_text, long_date, t

TEMPLATES = Path(__file__).with_name("templates")


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def stylesheet(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def region_url(site_url: str, lang: str, region_id: str | None) -> str:
    """The stable page a leaflet's QR code opens: the region's list, or the directory home."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    tail = f"directory/regions/{region_id}/" if region_id else "directory/"
    return f"{base}{url_prefix(lang)}{tail}"


@lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    """A QR code as a PNG data URI, one pixel per module.

    The stylesheets scale it up with ``image-rendering: pixelated`` (no smoothing in the PDF
    or the browser), so the squares stay sharp at any printer resolution; a tiny PNG costs far
    less to lay out than the equivalent SVG path.
    """
    code = segno.make(url, error="m", micro=False)
    return code.png_data_uri(scale=1, border=4, dark="#000", light="#fff")


@dataclass(frozen=True)
class Group:
    title: str
    places: tuple[PlaceView, ...]


def place_views(plan: Plan, directory: Directory) -> list[PlaceView]:
    national = plan.region is None
    return [place_view(e, directory, plan.lang, with_region=national) for e in plan.places]


def _groups(plan: Plan, views: list[PlaceView]) -> list[Group]:
    stay = tuple(v for e, v in zip(plan.places, views, strict=True) if is_stay(e))
    other = tuple(v for e, v in zip(plan.places, views, strict=True) if not is_stay(e))
    groups = [Group(t("group_stay", plan.lang), stay), Group(t("group_other", plan.lang), other)]
    return [g for g in groups if g.places]


def _without_number(name: Said, number: str) -> Said:
    """ "Police — 102" → "Police": the number is printed right beside the name already."""
    pattern = rf"\s*[—–:,-]?\s*\(?{re.escape(number)}\)?\s*$"
    return Said(re.sub(pattern, "", name.text) or name.text, name.lang)


def front_context(front: Front, directory: Directory, lang: str) -> dict[str, object]:
    hotline = None
    if front.hotline_phone is not None:
        # The heading already says what the number is: the editor's label would repeat it.
        view = phone_view(replace(front.hotline_phone, label=Text()), lang)
        anonymous = t("anonymous", lang) if front.hotline and front.hotline.anonymous else ""
        details = ", ".join(p for p in (view.details, anonymous) if p)
        hotline = {
            "number": view.number,
            "tel": view.tel,
            "details": details,
            "sample": bool(front.hotline and front.hotline.is_sample),
            "unconfirmed": bool(front.hotline and front.hotline.is_unconfirmed),
        }
    organisation = directory.organisation
    if organisation is not None and (hotline is None or hotline["tel"] == organisation.hotline_tel):
        # The organisation's own line: its number and hours are written once, in
        # organisation.yml, so the leaflet says what every page says.
        hotline = {
            "number": hotline["number"] if hotline else organisation.hotline_number,
            "tel": organisation.hotline_tel,
            "details": ", ".join(
                (organisation.hotline_hours, t("free", lang), t("anonymous", lang))
            ),
            "sample": bool(hotline and hotline["sample"]),
            "unconfirmed": bool(hotline and hotline["unconfirmed"]),
        }
    emergency = [
        {
            "number": e.phones[0].display,
            "tel": e.phones[0].tel,
            "name": _without_number(Said(*e.name.get(lang)), e.phones[0].display),
            "sample": e.is_sample,
            "unconfirmed": e.is_unconfirmed,
        }
        for e in sorted(front.emergency, key=lambda e: e.phones[0].display)
    ]
    chatbot = None
    if front.chatbot is not None:
        handle = front.chatbot.messengers["telegram"].lstrip("@")
        chatbot = {
            "handle": f"@{handle}",
            "hours": hours_text(front.chatbot.hours, lang),
            "sample": front.chatbot.is_sample,
            "unconfirmed": front.chatbot.is_unconfirmed,
        }
    return {"hotline": hotline, "emergency": emergency, "chatbot": chatbot}


def _checked_key(plan: Plan) -> str:
    """ "Details checked on" only when every printed entry was confirmed by phone."""
    printed = (*plan.front.entries, *plan.places)
    return "checked_as_of" if any(e.is_unconfirmed for e in printed) else "checked"


def leaflet_html(
    plan: Plan,
    directory: Directory,
    *,
    site_url: str,
    standalone: bool = False,
    views: list[PlaceView] | None = None,
) -> str:
    lang = plan.lang
    views = place_views(plan, directory) if views is None else views
    area = plan.region.name(lang) if plan.region else t("whole_country", lang)
    checked = plan.checked
    context = {
        "lang": lang,
        "s": Strings(lang),
        "area": area,
        "doc_title": f"{t('title', lang)} — {area}",
        "groups": _groups(plan, views),
        "more_text": t("more", lang, n=plan.more) if plan.more else "",
        "url": plan.url,
        "qr": qr_data_uri(plan.url),
        "checked": t(_checked_key(plan), lang, date=long_date(checked, lang)) if checked else "",
        "host": urlsplit(site_url).netloc,
        "css": stylesheet("leaflet.css") if standalone else "",
        **front_context(plan.front, directory, lang),
    }
    return environment().get_template("leaflet.html").render(context)


def cards_html(
    front: Front, directory: Directory, lang: str, *, site_url: str, standalone: bool = False
) -> str:
    """An A4 sheet of eight 85 × 55 mm cards; neutral words only, the QR opens the directory."""
    url = region_url(site_url, lang, None)
    context = {
        "lang": lang,
        "s": Strings(lang),
        "qr": qr_data_uri(url),
        "url": url,
        "cards": range(8),
        "css": stylesheet("cards.css") if standalone else "",
        **front_context(front, directory, lang),
    }
    return environment().get_template("cards.html").render(context)
