"""Everything a directory page needs in one language, worked out once per build.

Templates call these helpers instead of reaching into the model, so the rules that matter
for safety (a confidential address is never written) and for screen readers (text that fell
back to another language says so with ``lang``) live in one place.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from collections.abc import Iterable
from typing import Any

from babel import Locale
from babel.dates import format_date
from markupsafe import Markup, escape

from build_tools import status_text
from build_tools.components import ui_strings
from build_tools.data.availability import has_places, now_minsk
from build_tools.data.model import Directory, Entry, Hours, Phone, Text
from build_tools.hours_text import capitalise, hours_lines, hours_text
from build_tools.i18n import url_prefix
from build_tools.pages.render import render
from build_tools.pages.words import counted, words

OPEN_NOW_COMPONENT = "open-now"
#: Stand-ins in a cached card for what differs between the pages that list it. They contain
#: "<", which escaped editors' text never does, so only the stand-ins are ever replaced.
_LEVEL = Markup("<!--level-->")
_ALSO = Markup("<!--also-->")


class PageLanguage:
    """Lookups and text helpers of one language; one instance per language and build."""

    def __init__(
        self,
        directory: Directory,
        lang: str,
        *,
        now: _dt.datetime | None = None,
        max_age_hours: int = status_text.DEFAULT_MAX_AGE_HOURS,
    ) -> None:
        self.code = lang
        self.directory = directory
        #: The build's moment: the built-in free-places state is judged as of then.
        self.now = now or now_minsk()
        self.max_age_hours = max_age_hours
        self.w = words(lang)
        self.ui_open_now = ui_strings(lang).get(OPEN_NOW_COMPONENT, {})
        self._locale = Locale.parse(lang)
        self._cards: dict[tuple[str, str], str] = {}
        self._services = {s.id: self.text(s.name) for s in directory.services}
        self._service_plain = {s.id: s.name(lang) for s in directory.services}
        self._regions = {r.id: self.text(r.name) for r in directory.regions}
        self._localities = {
            loc.id: self.text(loc.name) for r in directory.regions for loc in r.localities
        }

    # -- text

    def text(self, text: Text) -> Markup:
        """Escaped text; when it fell back to another language, wrapped with that ``lang``."""
        value, actual = text.get(self.code)
        if actual != self.code and value:
            # ``actual`` is one of the site's language codes, never editors' text
            return Markup(f'<span lang="{actual}">{escape(value)}</span>')
        return escape(value)

    def plain(self, text: Text) -> str:
        """Unmarked text, for titles and descriptions (escaped by whoever writes it)."""
        return text(self.code)

    def word(self, key: str, **values: object) -> str:
        found = str(self.w[key])
        for name, value in values.items():
            found = found.replace("{" + name + "}", str(value))
        return found

    def counted(self, key: str, n: int) -> str:
        return counted(self.code, key, n)

    def service_name(self, service_id: str) -> Markup:
        return self._services[service_id]

    def service_plain(self, service_id: str) -> str:
        return self._service_plain[service_id]

    def region_name(self, region_id: str) -> Markup:
        return self._regions[region_id]

    def locality_name(self, locality_id: str) -> Markup:
        return self._localities[locality_id]

    def word_list(self, prefix: str, keys: Iterable[str]) -> str:
        """ "Женщинам, детям": the words for ``prefix + key``, as one phrase."""
        return capitalise(", ".join(self.word(prefix + key) for key in keys))

    def language_names(self, codes: Iterable[str], signing: bool = False) -> str:
        """ "Русский, белорусский": CLDR names from Babel (the code itself if unknown), and
        "жестовый язык" last when ``signing``."""
        names = [self._locale.languages.get(c, c) for c in codes]
        if signing:
            names.append(self.word("sign_language"))
        return capitalise(", ".join(names))

    def verified(self, day: _dt.date) -> Markup:
        """ "Сведения проверены 20 октября 2026 г.", the date by Babel in the page's language."""
        return _verified(day, self.code, str(self.w["verified"]))

    def region_checked(self, day: _dt.date | None) -> Markup:
        """ "последняя проверка по телефону — 20 октября 2026 г." or "not yet confirmed"."""
        if day is None:
            return Markup.escape(str(self.w["region_unchecked"]))
        return _verified(day, self.code, str(self.w["region_checked"]))

    def unconfirmed(self, entry: Entry) -> Markup:
        """Where an unconfirmed entry's facts come from and as of when, and: call first."""
        phrase = str(self.w["unconfirmed"])
        source = entry.source or ""
        if source.startswith(("https://", "http://")):
            shown = Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(source, source)
        else:
            shown = Markup("{}").format(source)
        day = entry.source_date
        when = (
            Markup('<time datetime="{}">{}</time>').format(
                day.isoformat(), format_date(day, format="long", locale=self.code)
            )
            if day
            else ""
        )
        return Markup(escape(phrase).replace("{source}", shown).replace("{date}", when))

    # -- hours

    def hours_lines(self, hours: Hours) -> list[str]:
        return [capitalise(line) for line in hours_lines(hours, self.code)]

    def hours_text(self, hours: Hours, capital: bool = True) -> str:
        return hours_text(hours, self.code, capital=capital)

    def open_now(self, hours: Hours | None) -> Markup:
        """The empty, hidden hint the open-now script fills in (Minsk time, in the browser).

        The weekly intervals travel in a ``data-`` attribute; without the script the hint
        stays hidden and the written-out hours say everything. Around the clock needs no hint.
        """
        if hours is None or hours.always:
            return Markup("")
        return _hint(hours, self.ui_open_now.get("open", ""), self.ui_open_now.get("closed", ""))

    # -- free places today

    def availability(self, entry: Entry, tag: str = "p") -> Markup:
        """ "Places free: 2 (as of 29 November, 10:00)" and "call anyway", for a crisis room or
        shelter (nothing for other kinds of help); the script re-judges it on the device."""
        report = self.directory.reports.get(entry.id)
        return status_text.availability_markup(
            entry, report, self.code, now=self.now, max_age_hours=self.max_age_hours, tag=tag
        )

    def any_places(self, groups: Iterable[Any]) -> bool:
        """True when a listing's groups hold a crisis room or shelter (it needs the script)."""
        return any(has_places(e) for g in groups for e in g.entries)

    def availability_script(self, root: str, finder: bool = False) -> Markup:
        """The availability script's tag, for pages that show free places (``root`` leads to
        the language's root; status.json is at the site root). The finder's page also gets
        every report, for the cards the finder makes."""
        site_root = root + ("../" if url_prefix(self.code) else "")
        attrs = status_text.script_attributes(
            self.code,
            status_url=site_root + "data/status.json",
            max_age_hours=self.max_age_hours,
            reports=self.directory if finder else None,
        )
        return Markup(
            '<script src="{}components/availability/availability.js" {} defer></script>'
        ).format(root, attrs)

    # -- contacts

    def cost(self, phone: Phone) -> str:
        return self.word(f"cost_{phone.cost}") if phone.cost else ""

    def phone_details(self, phone: Phone) -> Markup:
        """ "для детей, круглосуточно, бесплатно со стационарного телефона" (what is known)."""
        parts = [escape(self.word(f"phone_{phone.type}"))] if phone.type != "voice" else []
        if phone.label:
            parts.append(self.text(phone.label))
        if phone.hours is not None:
            parts.append(escape(self.hours_text(phone.hours, capital=False)))
        if phone.cost:
            parts.append(escape(self.cost(phone)))
        return Markup(", ").join(parts)

    # -- where

    def place(self, entry: Entry) -> Markup:
        """Where it is, for a card or the entry page. A confidential place's address is never
        written: it gets the town at most, and how to learn the address."""
        parts: list[Markup] = []
        town = entry.shown_locality
        if entry.national:
            parts.append(escape(self.word("all_country")))
        elif town:
            parts.append(self.locality_name(town))
        elif entry.region:
            parts.append(self.region_name(entry.region))
        if not entry.address_by_phone:
            if entry.shown_address:
                parts.append(self.text(entry.shown_address))
            return Markup(", ").join(parts)
        if town:
            key = "exact_by_phone" if entry.phones else "exact_on_contact"
            return Markup("{}: {}").format(parts[0], self.word(key))
        key = "address_by_phone" if entry.phones else "address_on_contact"
        parts.append(escape(self.word(key)))
        return Markup(". ").join(parts)

    # -- listings

    def also(self, entry: Entry, skip: str | None) -> Markup:
        """The entry's other kinds of help, said inline where it is listed under one of them."""
        others = [s for s in entry.services if s != skip]
        return Markup(", ").join(self.service_name(s) for s in others)

    def card(self, entry: Entry, *, base: str, level: int, skip: str | None = None) -> Markup:
        """An entry's card on a listing page (``base`` leads to ``directory/``).

        An entry is listed on its region's page and on the page of each of its kinds of help;
        only the heading level and the "also" line differ, so the card is rendered once per
        ``base`` and those two are filled in.
        """
        key = (entry.id, base)
        cached = self._cards.get(key)
        if cached is None:
            cached = render("card.html", L=self, e=entry, base=base, level=_LEVEL, also=_ALSO)
            self._cards[key] = cached
        also = self.also(entry, skip)
        if also and skip:
            also = Markup('<p class="helpdir-card__also">{} {}</p>\n').format(
                self.word("also"), also
            )
        elif also:
            also = Markup('<p class="helpdir-card__also">{}</p>\n').format(also)
        return Markup(cached.replace(_LEVEL, str(level)).replace(_ALSO, also))

    def row(self, entry: Entry, *, base: str) -> Markup:
        """An entry in one line, for the long lists of the kind-of-help pages."""
        key = (entry.id, base + "#row")
        found = self._cards.get(key)
        if found is None:
            found = render("row.html", L=self, e=entry, base=base)
            self._cards[key] = found
        return Markup(found)

    def ids(self, entries: Iterable[Entry]) -> list[str]:
        return [e.id for e in entries]


@functools.lru_cache(maxsize=4096)
def _hint(hours: Hours, open_text: str, closed_text: str) -> Markup:
    """Many places share their hours: the hint's markup is built once per pattern."""
    spans = json.dumps([[i.start, i.end] for i in hours.intervals], separators=(",", ":"))
    return Markup(
        '<span class="helpdir-open-now" data-open-now="{}" data-open-text="{}" '
        'data-closed-text="{}" hidden></span>'
    ).format(spans, open_text, closed_text)


@functools.lru_cache(maxsize=2048)
def _verified(day: _dt.date, lang: str, phrase: str) -> Markup:
    """Entries are checked in batches, so many share a date: each is formatted once."""
    when = format_date(day, format="long", locale=lang)
    before, _, after = phrase.partition("{date}")
    return Markup('{}<time datetime="{}">{}</time>{}').format(before, day.isoformat(), when, after)
