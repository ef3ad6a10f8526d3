"""Every leaflet and wallet-card sheet for every region and language, and what was made.

A leaflet is two A5 pages (the two sides of one sheet): national contacts and first steps on
the front, the region's places on the back. The number of places that fit is estimated, then
confirmed by the layout itself; a few fallbacks with one place fewer each are prepared at once,
so the slow layout runs once per file in nearly every case.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from build_tools.data.model import LANGUAGES, Directory, Entry

from .fitting import fitting_count
from .pdf import Job, Made, make_all
from .pdf_cache import PdfCache
from .render import cards_html, leaflet_html, region_url
from .selection import Plan, all_places, candidates, front_of, is_stay
from .views import place_view
from .wording import t

LEAFLET_PAGES = 2
CARD_PAGES = 1
#: Fallback layouts prepared per leaflet, each with one place fewer than the estimate.
FALLBACKS = 3


@dataclass(frozen=True)
class LeafletInfo:
    """One made PDF, as the publications page and the tests see it."""

    #: Relative to the output folder (laid out like ``site/leaflets/``): "be/brest.pdf".
    path: str
    kind: str  # leaflet | national | cards
    region: str | None
    lang: str
    paper: str  # "A5" | "A4"
    pages: int
    size: int
    #: The day the file was made.
    date: dt.date
    #: The oldest ``verified`` among what the leaflet lists (None for card sheets).
    checked: dt.date | None
    #: What the file is called in each site language (the region's name, "All of Belarus"…).
    names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: Ids of the places printed on the back, most important first.
    listed: tuple[str, ...] = ()
    #: Places left out for lack of room ("all the others (n) at <url>").
    more: int = 0
    #: The URL the QR code opens.
    url: str = ""


def made_on() -> dt.date:
    """Today, or the reproducible-build date when ``SOURCE_DATE_EPOCH`` is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


@dataclass(frozen=True)
class _Pending:
    job: Job
    info: LeafletInfo
    #: For each variant: (listed ids, more, checked).
    variants: tuple[tuple[tuple[str, ...], int, dt.date | None], ...] = ()


def _leaflet(
    directory: Directory,
    out_dir: Path,
    *,
    lang: str,
    region_id: str | None,
    site_url: str,
    places: Sequence[Entry],
    total: int,
    path: str,
    today: dt.date,
    languages: Sequence[str],
) -> _Pending:
    front = front_of(directory)
    region = directory.region(region_id) if region_id else None
    views = [place_view(e, directory, lang, with_region=region is None) for e in places]
    fits = fitting_count(views, [is_stay(e) for e in places])
    url = region_url(site_url, lang, region_id)
    htmls: list[str] = []
    variants = []
    for count in range(fits, max(-1, fits - FALLBACKS - 1), -1):
        plan = Plan(lang, region, front, tuple(places[:count]), total - count, url)
        htmls.append(leaflet_html(plan, directory, site_url=site_url, views=views[:count]))
        variants.append((tuple(e.id for e in plan.places), plan.more, plan.checked))
    names = {
        other: region.name(other) if region else t("whole_country", other) for other in languages
    }
    info = LeafletInfo(
        path=path,
        kind="leaflet" if region else "national",
        region=region_id,
        lang=lang,
        paper="A5",
        pages=0,
        size=0,
        date=today,
        checked=None,
        names=MappingProxyType(names),
        url=url,
    )
    job = Job(str(out_dir / path), tuple(htmls), "leaflet.css", LEAFLET_PAGES, paper="A5")
    return _Pending(job, info, tuple(variants))


def _cards(
    directory: Directory,
    out_dir: Path,
    *,
    lang: str,
    site_url: str,
    today: dt.date,
    languages: Sequence[str],
) -> _Pending:
    path = f"{lang}/wallet-cards.pdf"
    html = cards_html(front_of(directory), directory, lang, site_url=site_url)
    info = LeafletInfo(
        path=path,
        kind="cards",
        region=None,
        lang=lang,
        paper="A4",
        pages=0,
        size=0,
        date=today,
        checked=None,
        names=MappingProxyType({other: t("cards_document", other) for other in languages}),
        url=region_url(site_url, lang, None),
    )
    job = Job(str(out_dir / path), (html,), "cards.css", CARD_PAGES, paper="A4")
    return _Pending(job, info)


def _finish(pending: _Pending, made: Made) -> LeafletInfo:
    listed, more, checked = (), 0, None
    if pending.variants:
        listed, more, checked = pending.variants[made.variant]
    return replace(
        pending.info, pages=made.pages, size=made.size, listed=listed, more=more, checked=checked
    )


def _run(
    pending: Iterable[_Pending],
    count: int,
    progress: Callable[[LeafletInfo, int, int], None] | None,
    cache_dir: Path | None = None,
) -> list[LeafletInfo]:
    by_target: dict[str, _Pending] = {}
    finished: list[LeafletInfo] = []

    def jobs() -> Iterator[Job]:
        for item in pending:
            by_target[item.job.target] = item
            yield item.job

    def report(made: Made) -> None:
        finished.append(_finish(by_target[made.target], made))
        if progress:
            progress(finished[-1], len(finished), count)

    cache = PdfCache(cache_dir) if cache_dir is not None else None
    make_all(jobs(), count=count, progress=report, cache=cache)
    return finished


def build_leaflets(
    directory: Directory,
    out_dir: Path,
    *,
    site_url: str,
    languages: Sequence[str],
    progress: Callable[[LeafletInfo, int, int], None] | None = None,
    cache_dir: Path | None = None,
) -> list[LeafletInfo]:
    """Make every region's leaflet, the national one and the card sheet, in every language.

    With ``cache_dir`` (the build cache), a PDF whose inputs did not change since it was made
    there is copied instead of laid out again (:mod:`.pdf_cache`). Files go to
    ``out_dir/<lang>/<region-id>.pdf``, ``out_dir/<lang>/national.pdf`` and
    ``out_dir/<lang>/wallet-cards.pdf``; the list says what each holds.
    """
    out_dir = Path(out_dir)
    today = made_on()
    areas: list[str | None] = [r.id for r in directory.regions]
    areas.append(None)

    def pending() -> Iterator[_Pending]:
        for lang in languages:
            for region_id in areas:
                yield _leaflet(
                    directory,
                    out_dir,
                    lang=lang,
                    region_id=region_id,
                    site_url=site_url,
                    places=candidates(directory, region_id),
                    total=all_places(directory, region_id),
                    path=f"{lang}/{region_id or 'national'}.pdf",
                    today=today,
                    languages=languages,
                )
            yield _cards(
                directory, out_dir, lang=lang, site_url=site_url, today=today, languages=languages
            )

    return _run(pending(), len(languages) * (len(areas) + 1), progress, cache_dir)


def _chosen(
    directory: Directory, region_id: str | None, entry_ids: Sequence[str] | None
) -> tuple[list[Entry], int]:
    """The places to list (chosen ones keep their order, places to stay first) and the total."""
    if not entry_ids:
        return candidates(directory, region_id), all_places(directory, region_id)
    chosen = [directory.entry(i) for i in entry_ids]
    places = [e for e in chosen if is_stay(e)] + [e for e in chosen if not is_stay(e)]
    return places, max(all_places(directory, region_id), len(places))


def build_custom(
    directory: Directory,
    target: Path,
    *,
    region_id: str | None,
    lang: str,
    site_url: str,
    entry_ids: Sequence[str] | None = None,
    languages: Sequence[str] = LANGUAGES,
) -> LeafletInfo:
    """One leaflet into ``target``: a region's (or the national one), or only chosen entries."""
    target = Path(target)
    places, total = _chosen(directory, region_id, entry_ids)
    pending = _leaflet(
        directory,
        target.parent,
        lang=lang,
        region_id=region_id,
        site_url=site_url,
        places=places,
        total=total,
        path=target.name,
        today=made_on(),
        languages=languages,
    )
    return _run([pending], 1, None)[0]


def leaflet_source(
    directory: Directory,
    *,
    region_id: str | None,
    lang: str,
    site_url: str,
    entry_ids: Sequence[str] | None = None,
) -> str:
    """A leaflet as one HTML file with its stylesheet inside, for printing from a browser."""
    plan, views = _plan(directory, region_id, lang, site_url, entry_ids)
    return leaflet_html(plan, directory, site_url=site_url, views=views, standalone=True)


def leaflet_plan(
    directory: Directory,
    *,
    region_id: str | None,
    lang: str,
    site_url: str,
    entry_ids: Sequence[str] | None = None,
) -> Plan:
    """What a leaflet would print, before it is made (the layout may yet drop a place)."""
    return _plan(directory, region_id, lang, site_url, entry_ids)[0]


def _plan(
    directory: Directory,
    region_id: str | None,
    lang: str,
    site_url: str,
    entry_ids: Sequence[str] | None,
) -> tuple[Plan, list]:
    places, total = _chosen(directory, region_id, entry_ids)
    region = directory.region(region_id) if region_id else None
    views = [place_view(e, directory, lang, with_region=region is None) for e in places]
    count = fitting_count(views, [is_stay(e) for e in places])
    url = region_url(site_url, lang, region_id)
    plan = Plan(lang, region, front_of(directory), tuple(places[:count]), total - count, url)
    return plan, views[:count]


def cards_source(directory: Directory, *, lang: str, site_url: str) -> str:
    """A wallet-card sheet as one HTML file with its stylesheet inside."""
    return cards_html(front_of(directory), directory, lang, site_url=site_url, standalone=True)


def build_cards(directory: Directory, target: Path, *, lang: str, site_url: str) -> LeafletInfo:
    """One wallet-card sheet into ``target``."""
    target = Path(target)
    pending = _cards(
        directory, target.parent, lang=lang, site_url=site_url, today=made_on(), languages=[lang]
    )
    pending = replace(pending, job=replace(pending.job, target=str(target)))
    return replace(_run([pending], 1, None)[0], path=target.name)
