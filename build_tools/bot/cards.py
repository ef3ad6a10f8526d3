"""The texts the bot sends, as Telegram HTML: every value from the data is escaped here.

An entry becomes one short message: name, kinds of help, where (never a confidential
address), each phone as the number a phone in Belarus dials (Telegram makes it tappable),
hours with "open now" in Minsk time, its status, and its page on the site.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from html import escape as _html_escape
from pathlib import Path
from zoneinfo import ZoneInfo

from build_tools.bot.catalogue import Catalogue
from build_tools.components import ui_strings
from build_tools.data.hours import open_at
from build_tools.data.model import Entry, Hours, Phone
from build_tools.hours_text import hours_text
from build_tools.pages.words import words
from build_tools.strings import words_in


def esc(text: str) -> str:
    """Text for Telegram HTML: ``<``, ``>`` and ``&`` escaped (quotes need not be)."""
    return _html_escape(text, quote=False)


MINSK = ZoneInfo("Europe/Minsk")
STRINGS_FILE = Path(__file__).with_name("strings.yml")


def bot_words(lang: str) -> Mapping[str, str]:
    """The bot's words in ``lang`` (its own and the shared ones), from the one strings loader."""
    return words_in(lang, STRINGS_FILE)


def say(lang: str, key: str, **values: object) -> str:
    """One of the bot's words, escaped for HTML, with ``{name}`` filled in."""
    text = bot_words(lang)[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return esc(text)


def minute_of_week(now: _dt.datetime | None = None) -> int:
    """Minutes since Monday 00:00 in Minsk, the clock every "open now" in the data uses."""
    here = (now or _dt.datetime.now(tz=MINSK)).astimezone(MINSK)
    return here.weekday() * 1440 + here.hour * 60 + here.minute


def emergency_text(catalogue: Catalogue, lang: str, lead: str | None = None) -> str:
    """The emergency numbers from guide.yml, each on its own line, tappable."""
    lines = [lead if lead is not None else f"<b>{esc(catalogue.emergency_title(lang))}</b>"]
    lines += [f"☎ {esc(n.tel)} — {esc(n.label(lang))}" for n in catalogue.emergency]
    return "\n".join(lines)


def entry_text(
    catalogue: Catalogue, entry: Entry, lang: str, now: _dt.datetime | None = None
) -> str:
    """One entry as a short message."""
    w = words(lang)
    directory = catalogue.directory
    lines = [f"<b>{esc(entry.name(lang))}</b>"]
    if entry.is_sample:
        lines.append(f"⚠ {esc(str(w['sample_badge']))}")
    elif entry.status == "unconfirmed":
        lines.append(f"⚠ {say(lang, 'unconfirmed_badge')}")
    kinds = ", ".join(directory.service(s).name(lang) for s in entry.services)
    lines.append(esc(kinds))
    lines.append(f"📍 {esc(place_text(catalogue, entry, lang))}")
    lines += [phone_line(phone, lang) for phone in entry.phones]
    if entry.messengers.get("telegram"):
        lines.append(f"✈ @{esc(entry.messengers['telegram'])}")
    if entry.hours is not None:
        lines.append(f"🕒 {esc(hours_line(entry.hours, lang, now))}")
    lines.append(
        f'<a href="{_html_escape(catalogue.page_url(entry, lang))}">{say(lang, "page_link")}</a>'
    )
    return "\n".join(lines)


def place_text(catalogue: Catalogue, entry: Entry, lang: str) -> str:
    """Where the place is, as plain text. The address only when the editor made it public;
    ``locality`` gives the town and says the address is given by phone; ``hidden`` gives
    neither town nor address."""
    w = words(lang)
    directory = catalogue.directory
    by_phone = str(w["address_by_phone" if entry.phones else "address_on_contact"])
    if entry.national:
        return str(w["all_country"])
    region = directory.region(entry.region).name(lang) if entry.region else ""
    shown = entry.shown_locality
    town = directory.locality(shown).name(lang) if shown else ""
    if not entry.address_by_phone:
        parts = [town or region]
        if entry.shown_address:
            parts.append(entry.shown_address(lang))
        return ", ".join(p for p in parts if p)
    if town:
        exact = str(w["exact_by_phone" if entry.phones else "exact_on_contact"])
        return f"{town}: {exact}"
    return f"{region}. {by_phone}" if region else by_phone


def phone_line(phone: Phone, lang: str) -> str:
    """ "☎ +375171234567 — для детей, круглосуточно, бесплатно": the dialled string first."""
    w = words(lang)
    details = [phone.label(lang)] if phone.label else []
    if phone.hours is not None:
        details.append(hours_text(phone.hours, lang, capital=False))
    if phone.cost:
        details.append(str(w.get(f"cost_{phone.cost}", "")))
    tail = " — " + ", ".join(d for d in details if d) if any(details) else ""
    return f"☎ {esc(phone.tel)}{esc(tail)}"


def hours_line(hours: Hours, lang: str, now: _dt.datetime | None = None) -> str:
    """ "Пн–Пт 08:30–17:30 · Сейчас открыто" (Minsk time); around the clock needs no hint."""
    text = hours_text(hours, lang)
    if hours.always:
        return text
    ui = ui_strings(lang).get("open-now", {})
    state = ui.get("open" if open_at(hours, minute_of_week(now)) else "closed", "")
    return f"{text} · {state}" if state else text
