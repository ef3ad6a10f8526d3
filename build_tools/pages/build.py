"""Which directory pages exist in a language, and what each one lists.

Every page is a :class:`GeneratedPage` whose HTML is rendered only when MkDocs writes it, from
lookups computed once per language (:class:`PageLanguage`), so the work grows linearly with
the number of entries. The pages stay out of Material's search index (the finder is their
search) and out of the navigation (they are not in ``nav``), but MkDocs lists them in the
sitemap like every page.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from markupsafe import Markup

from build_tools.data.model import Directory, Entry, Region, Service
from build_tools.i18n import url_prefix
from build_tools.pages.coverage import SRC_URI as COVERAGE_SRC
from build_tools.pages.coverage import coverage_pages
from build_tools.pages.generated import GeneratedPage
from build_tools.pages.language import PageLanguage
from build_tools.pages.render import render
from build_tools.safety.policy import META_CSP
from build_tools.status_text import DEFAULT_MAX_AGE_HOURS

#: Material's front matter that keeps a page out of its search index.
NOT_IN_SEARCH: Mapping[str, object] = MappingProxyType({"search": {"exclude": True}})


@dataclass
class Group:
    """A heading on a listing page and what is listed under it."""

    anchor: str
    name: Markup
    region: str | None = None
    entries: list[Entry] = field(default_factory=list)
    #: On region pages: (service id, entries filed under it), in services.yml order.
    kinds: list[tuple[str, list[Entry]]] = field(default_factory=list)


def _national_rank(entry: Entry, service_order: Mapping[str, int]) -> tuple[int, int]:
    """Help lines (the hotline, the chatbot) before the short emergency numbers, each group in
    services.yml order: a visitor looking for someone to talk to sees them first."""
    emergency = bool(entry.phones) and all(p.short for p in entry.phones)
    first = min((service_order.get(s, len(service_order)) for s in entry.services), default=0)
    return (1 if emergency else 0, first)


def directory_pages(
    directory: Directory,
    lang: str,
    *,
    slots: Mapping[str, str],
    site_url: str,
    now: _dt.datetime | None = None,
    max_age_hours: int = DEFAULT_MAX_AGE_HOURS,
) -> list[GeneratedPage]:
    """The directory home, then a page per entry, per region and per kind of help, and the
    coverage page when the data has population figures.

    ``now`` is the build's moment (free places are judged as of then until a script re-judges
    them on the visitor's device), ``max_age_hours`` the age after which a report is unknown.
    """
    L = PageLanguage(directory, lang, now=now, max_age_hours=max_age_hours)
    by_region: dict[str, list[Entry]] = {r.id: [] for r in directory.regions}
    by_service: dict[str, list[Entry]] = {s.id: [] for s in directory.services}
    national: list[Entry] = []
    for entry in directory.entries:
        if entry.national:
            national.append(entry)
        elif entry.region in by_region:
            by_region[entry.region].append(entry)
        for service_id in entry.services:
            by_service.setdefault(service_id, []).append(entry)
    service_order = {s.id: n for n, s in enumerate(directory.services)}
    national.sort(key=lambda e: _national_rank(e, service_order))
    page_root = _page_root(site_url, lang)

    def home() -> str:
        return render(
            "home.html",
            L=L,
            finder=Markup(slots.get("finder", "")),
            national=national,
            regions=[
                (r, len(by_region[r.id]), _last_call(by_region[r.id])) for r in directory.regions
            ],
            services=[(s, len(by_service[s.id])) for s in directory.services],
        )

    pages = [GeneratedPage(HOME_SRC, _html(L.word("home_title")), home)]
    for region in directory.regions:
        pages.append(
            _region_page(L, region, by_region[region.id], national, service_order, page_root)
        )
    for service in directory.services:
        pages.append(_service_page(L, service, by_service[service.id], directory.regions))
    for entry in directory.entries:
        pages.append(_entry_page(L, entry, page_root))
    pages += coverage_pages(directory, L)
    return pages


#: The directory home's source path (the URL scheme's ``directory/``).
HOME_SRC = "directory/index.md"


def entry_src(entry_id: str) -> str:
    return f"directory/{entry_id}/index.md"


def region_src(region_id: str) -> str:
    return f"directory/regions/{region_id}/index.md"


def service_src(service_id: str) -> str:
    return f"directory/services/{service_id}/index.md"


def pages_listing(directory: Directory, entries: Iterable[Entry]) -> set[str]:
    """The generated pages, besides their own, that show something of ``entries``: the directory
    home (counts, national lines, the newest call), their regions' pages (every region's for a
    national entry, which each region page lists), their kinds of help, and the coverage page.
    The live preview renders these again after a saved entry file."""
    shown = {HOME_SRC, COVERAGE_SRC}
    for entry in entries:
        if entry.national:
            shown.update(region_src(r.id) for r in directory.regions)
        elif entry.region:
            shown.add(region_src(entry.region))
        shown.update(service_src(s) for s in entry.services)
    return shown


def _last_call(entries: list[Entry]) -> _dt.date | None:
    """The newest day any of ``entries`` was confirmed by phone (None: none has been yet)."""
    days = [e.verified for e in entries if e.verified]
    return max(days) if days else None


def _html(text: str) -> str:
    """Titles and descriptions escaped here: Material writes ``page.meta.title`` and
    ``page.meta.description`` into the page as they are (its templates do not escape)."""
    return html.escape(text, quote=True)


def _page_root(site_url: str, lang: str) -> str:
    """The public address of the language's directory, printed on an entry's contact sheet."""
    if not site_url:
        return ""
    return site_url.rstrip("/") + "/" + url_prefix(lang) + "directory/"


def _entry_page(L: PageLanguage, entry: Entry, page_root: str) -> GeneratedPage:
    def body() -> str:
        url = f"{page_root}{entry.id}/" if page_root else ""
        return render("entry.html", L=L, e=entry, page_url=url)

    return GeneratedPage(
        entry_src(entry.id),
        _html(L.plain(entry.name)),
        body,
        description=_html(_entry_description(L, entry)),
        meta=NOT_IN_SEARCH,
    )


def _entry_description(L: PageLanguage, entry: Entry) -> str:
    """Kinds of help and town: enough for a search result or a shared link, never an address."""
    kinds = ", ".join(L.service_plain(s) for s in entry.services)
    if entry.national:
        where = L.word("all_country")
    elif entry.shown_locality:
        where = L.directory.locality(entry.shown_locality).name(L.code)
    elif entry.region:
        where = L.directory.region(entry.region).name(L.code)
    else:
        where = ""
    return f"{kinds}. {where}".strip(". ") if where else kinds


def _region_page(
    L: PageLanguage,
    region: Region,
    entries: list[Entry],
    national: list[Entry],
    service_order: Mapping[str, int],
    page_root: str,
) -> GeneratedPage:
    """Entries by town, then by kind of help; each entry once per town, under its first kind."""

    def body() -> str:
        towns: dict[str | None, dict[str, list[Entry]]] = {None: {}}
        towns.update({loc.id: {} for loc in region.localities})
        for entry in entries:
            kinds = towns.setdefault(entry.shown_locality, {})
            kinds.setdefault(entry.services[0], []).append(entry)
        groups = []
        for locality_id, kinds in towns.items():
            if not kinds:
                continue
            if locality_id is None:
                group = Group("whole-region", Markup.escape(L.word("whole_region")))
            else:
                group = Group(f"town-{locality_id}", L.locality_name(locality_id))
            group.kinds = sorted(kinds.items(), key=lambda item: service_order.get(item[0], 0))
            groups.append(group)
        return render(
            "region.html",
            L=L,
            page_url=f"{page_root}regions/{region.id}/" if page_root else "",
            region=region,
            count=len(entries),
            national=national,
            groups=groups,
        )

    return GeneratedPage(
        region_src(region.id),
        _html(L.plain(region.name)),
        body,
        description=_html(f"{L.plain(region.name)}: {L.counted('count_entries', len(entries))}"),
        meta=NOT_IN_SEARCH,
    )


def _service_page(
    L: PageLanguage, service: Service, entries: list[Entry], regions: tuple[Region, ...]
) -> GeneratedPage:
    """National entries first, then each region that has any, in regions.yml order."""

    def body() -> str:
        groups = [Group("national", Markup.escape(L.word("national")))]
        groups += [Group(f"region-{r.id}", L.region_name(r.id), region=r.id) for r in regions]
        by_key = {g.region: g for g in groups}
        for entry in entries:
            by_key[None if entry.national else entry.region].entries.append(entry)
        local = sum(not e.national for e in entries)
        return render(
            "service.html",
            L=L,
            service=service,
            local=local,
            groups=[g for g in groups if g.entries],
        )

    return GeneratedPage(
        service_src(service.id),
        _html(L.plain(service.name)),
        body,
        description=_html(L.plain(service.description)),
        meta=NOT_IN_SEARCH,
    )


def redirect_pages(directory: Directory, lang: str) -> dict[str, str]:
    """Old URLs of renamed entries (``former_ids``) → tiny pages that lead to the new one.

    Printed leaflets carry the old address for years, so the page must work everywhere: a
    meta refresh, a canonical link and a plain link to follow by hand; no script.
    """
    L = PageLanguage(directory, lang)
    out: dict[str, str] = {}
    for entry in directory.entries:
        target = f"../{entry.id}/"
        for old_id in entry.former_ids:
            out[f"directory/{old_id}/index.html"] = render(
                "redirect.html",
                L=L,
                lang=lang,
                title=f"{L.word('redirect_title')}: {L.plain(entry.name)}",
                text=L.word("redirect_text"),
                target=target,
                name=L.text(entry.name),
                csp=META_CSP,
            )
    return out
