"""HTML → PDF with WeasyPrint, once per file, in a small pool of worker processes.

Laying out text is what takes time; the font configuration and the parsed stylesheets are made
once per process and reused for every document. Only strings cross between processes (the
directory model is not sent), and WeasyPrint may fetch ``data:`` URIs only: a leaflet never
loads anything from the network or the disk.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .render import stylesheet


class LeafletError(Exception):
    """A leaflet that cannot be made as designed (e.g. the front page overflows)."""


@dataclass(frozen=True)
class Job:
    """One PDF to make: HTML variants in order of preference (each with fewer places)."""

    target: str
    variants: tuple[str, ...]
    stylesheet: str
    #: The designed number of pages; a variant that needs more is not used.
    pages: int


@dataclass(frozen=True)
class Made:
    target: str
    variant: int
    pages: int
    size: int


@cache
def _fonts() -> object:
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def _fetcher() -> object:
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


@cache
def _css(name: str) -> object:
    from weasyprint import CSS

    return CSS(string=stylesheet(name), font_config=_fonts(), url_fetcher=_fetcher())


def make_pdf(job: Job) -> Made:
    """Lay out the variants in turn and write the first that keeps to the designed pages."""
    from weasyprint import HTML

    for index, html in enumerate(job.variants):
        document = HTML(string=html, url_fetcher=_fetcher()).render(
            stylesheets=[_css(job.stylesheet)], font_config=_fonts()
        )
        if len(document.pages) <= job.pages:
            target = Path(job.target)
            target.parent.mkdir(parents=True, exist_ok=True)
            document.write_pdf(target)
            return Made(job.target, index, len(document.pages), target.stat().st_size)
    raise LeafletError(
        f"{job.target}: the content does not fit on {job.pages} pages even with the fewest "
        "places; shorten the texts in build_tools/leaflets/strings.yml"
    )


def _warm_up() -> None:
    _css("leaflet.css")
    _css("cards.css")


def worker_count(jobs: int) -> int:
    """Two workers on the build machine's two cores; fewer when there is little to do."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(2, cores or 1, jobs))


def make_all(
    jobs: Sequence[Job], *, progress: Callable[[Made], None] | None = None
) -> Iterator[Made]:
    """Every job's PDF, in the order given; several processes when there is enough work."""
    workers = worker_count(len(jobs))
    if workers == 1 or len(jobs) < 4:
        for job in jobs:
            made = make_pdf(job)
            if progress:
                progress(made)
            yield made
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
        for made in pool.map(make_pdf, jobs, chunksize=1):
            if progress:
                progress(made)
            yield made
