"""HTML → PDF with WeasyPrint, once per file, in a small pool of worker processes.

Laying out text is what takes time; the font configuration and the parsed stylesheets are made
once per process and reused for every document. Only strings cross between processes (the
directory model is not sent), and WeasyPrint may fetch ``data:`` URIs only: a leaflet never
loads anything from the network or the disk.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

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
    #: The paper it is made for ("A5", "A4"), written into the PDF's metadata.
    paper: str = ""


#: The PDF's subject line per paper size: a print shop or a printer dialog shows it.
PAPER_NOTES = {
    "A5": "Paper: A5, printed on both sides (long edge)",
    "A4": "Paper: A4, printed at actual size (100 %)",
}


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
            if job.paper:
                document.metadata.description = PAPER_NOTES.get(job.paper, f"Paper: {job.paper}")
                document.metadata.keywords = [*document.metadata.keywords, job.paper]
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
    jobs: Iterable[Job],
    *,
    count: int,
    progress: Callable[[Made], None] | None = None,
    cache: PdfCacheLike | None = None,
) -> list[Made]:
    """Every job's PDF, in the order given; ``count`` is how many ``jobs`` will yield.

    Jobs are handed to the workers as they are produced, so the HTML of the next leaflets is
    written while the first ones are laid out. With a ``cache`` (the build's), a job made
    before from the same inputs is copied from it instead.
    """
    workers = worker_count(count)
    done: list[Made] = []

    def finish(job: Job, made: Made, fresh: bool) -> None:
        if fresh and cache is not None:
            cache.keep(job, made)
        done.append(made)
        if progress:
            progress(made)

    if workers == 1 or count < 4:
        for job in jobs:
            hit = cache.take(job) if cache is not None else None
            finish(job, hit or make_pdf(job), hit is None)
    else:
        # Loading WeasyPrint (its C libraries) and parsing the stylesheets takes about a
        # second: done once here, the forked workers inherit it instead of each doing it again.
        _warm_up()
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            waiting = []
            for job in jobs:
                hit = cache.take(job) if cache is not None else None
                waiting.append((job, hit or pool.submit(make_pdf, job)))
            for job, made in waiting:
                if isinstance(made, Made):
                    finish(job, made, False)
                else:
                    finish(job, made.result(), True)
    if cache is not None:
        cache.prune()
    return done


class PdfCacheLike(Protocol):
    def take(self, job: Job) -> Made | None: ...

    def keep(self, job: Job, made: Made) -> None: ...

    def prune(self) -> None: ...
