"""An entry page on an emulated cheap phone with a poor connection, beside plain Material's.

Chromium (through Playwright and the DevTools protocol) slows its CPU down 4× and its network
to 400 ms round trip and 400 kbit/s each way; the pages are served from a loopback server that
gzips text files, as static hosts do. Each page is loaded cold (a fresh browser context, so
nothing cached) three times, and the medians are reported: first contentful paint, the load
event, and every byte the page transferred (bodies as sent, gzipped, with their headers) until
the network had been quiet for a second, with the files behind them.

``python -m build_tools.bench.slow_phone`` runs this part alone (it generates and builds the
1,000-entry site and the plain Material anchor first); ``make bench`` runs it with the rest.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import mimetypes
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from build_tools.bench.browser import CHROMIUM, CHROMIUM_ARGS
from build_tools.bench.report import Figure, Section

#: The slow phone: CPU slowdown, round trip, bandwidth each way.
CPU_SLOWDOWN = 4
ROUND_TRIP_MS = 400
KBIT_PER_S = 400
COLD_LOADS = 3
#: The network counts as idle after this long without a request in flight.
IDLE_MS = 1000

#: Targets for our entry page.
FIRST_PAINT_LIMIT_S = 1.3
LOAD_LIMIT_S = 2.5
BYTES_LIMIT_KB = 70

_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".map"}


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text ones gzipped at level 6 when the browser accepts it (kept in memory),
    over persistent HTTP/1.1 connections, like a static host."""

    protocol_version = "HTTP/1.1"
    cache: dict[Path, bytes] = {}
    lock = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                super().do_GET()  # the redirect to the folder
                return
            path = path / "index.html"
        if not path.is_file() or path.suffix not in _COMPRESSED:
            super().do_GET()
            return
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        with self.lock:
            body = self.cache.get(path)
            if body is None:
                body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
                self.cache[path] = body
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def gzip_server(site: Path) -> Iterator[str]:
    """``site`` on a loopback port, gzipped; yields the base URL."""
    handler = functools.partial(_GzipHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Load:
    """One cold load: times in seconds from navigation start; per file (path → bytes) the
    gzipped body as sent; and everything received, response headers included."""

    first_paint: float
    load: float
    files: dict[str, int]
    wire: int

    @property
    def total(self) -> int:
        return sum(self.files.values())


def cold_load(browser: Any, url: str) -> Load:
    """Load ``url`` once on the emulated slow phone with an empty cache."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        # The page's throttling; a dedicated worker's own requests (Material's search) are
        # not slowed by it, which favours plain Material's page.
        throughput = KBIT_PER_S * 1000 / 8
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": ROUND_TRIP_MS,
                "downloadThroughput": throughput,
                "uploadThroughput": throughput,
            },
        )
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        # Counted from the context's events, which (unlike the page's DevTools session) also
        # see what a dedicated worker fetches: Material's search worker and its stemmers.
        bodies: dict[str, int] = {}
        wire: dict[str, int] = {}
        in_flight: set[Any] = set()
        last_change = [time.monotonic()]

        def sent(request: Any) -> None:
            in_flight.add(request)
            last_change[0] = time.monotonic()

        def done(request: Any) -> None:
            response = request.response() if request in in_flight else None
            in_flight.discard(request)
            last_change[0] = time.monotonic()
            if response is None:
                return
            body = int(response.all_headers().get("content-length", 0))
            headers = max(request.sizes()["responseHeadersSize"], 0)
            bodies[request.url] = bodies.get(request.url, 0) + body
            wire[request.url] = wire.get(request.url, 0) + body + headers

        context.on("request", sent)
        context.on("requestfinished", done)
        context.on("requestfailed", lambda request: in_flight.discard(request))
        page.goto(url, wait_until="load", timeout=120_000)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            page.wait_for_timeout(100)
            if not in_flight and time.monotonic() - last_change[0] >= IDLE_MS / 1000:
                break
        timing = page.evaluate(
            """() => {
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              const nav = performance.getEntriesByType('navigation')[0];
              return {paint: paint ? paint.startTime : null, load: nav.loadEventEnd};
            }"""
        )
        base = url.split("/", 3)[:3]
        files = {
            _short(address, "/".join(base) + "/"): size
            for address, size in bodies.items()
            if address.startswith("http")
        }
        total = sum(size for address, size in wire.items() if address.startswith("http"))
        return Load((timing["paint"] or 0) / 1000, timing["load"] / 1000, files, total)
    finally:
        context.close()


def _short(address: str, base: str) -> str:
    return unquote(address.removeprefix(base)) or "/"


def median_load(browser: Any, site: Path, page_path: str) -> tuple[Load, list[Load]]:
    """The medians of COLD_LOADS cold loads; the files listed are those of the median one."""
    with gzip_server(site) as url:
        loads = [cold_load(browser, url + page_path) for _ in range(COLD_LOADS)]
    by_load = sorted(loads, key=lambda one: one.load)
    middle = by_load[len(by_load) // 2]
    median = Load(
        statistics.median(one.first_paint for one in loads),
        statistics.median(one.load for one in loads),
        middle.files,
        middle.wire,
    )
    return median, loads


def paint_floor(load: Load, page_path: str) -> float:
    """The earliest a first paint could come on this connection, whatever the CPU: one round
    trip for the page and its transfer, then (when the page links stylesheets) one round trip
    for them (asked for in parallel) and their transfer. Anything above it is waiting on
    scripts, sharing the connection with other files, or work on the (slowed) CPU."""
    html = sum(
        size for name, size in load.files.items() if name.rstrip("/") == page_path.rstrip("/")
    )
    css = sum(size for name, size in load.files.items() if name.endswith(".css"))
    per_second = KBIT_PER_S * 1000 / 8
    round_trips = 2 if css else 1
    return round_trips * ROUND_TRIP_MS / 1000 + (html + css) / per_second


def same_entry(site: Path, anchor: Path) -> tuple[str, str] | None:
    """An entry page present in both sites: (our path, the anchor's path)."""
    skip = {"regions", "services"}
    ours = sorted(
        p.parent.name
        for p in (site / "directory").glob("*/index.html")
        if p.parent.name not in skip
        and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:2000]
    )
    theirs = {p.parent.name: p.parent for p in anchor.glob("*/*/index.html")}
    both = [name for name in ours if name in theirs]
    if not both:
        return None
    name = both[len(both) // 2]
    return f"directory/{name}/", theirs[name].relative_to(anchor).as_posix() + "/"


def measure_slow_phone(section: Section, site: Path | None, anchor: Path | None) -> list[str]:
    """Fill ``section``; returns notes (the heaviest files of each page)."""
    section.intro = (
        f"An entry page of the 1,000-entry Russian site and plain Material's page for the same "
        f"entry (the anchor), in Chromium with its CPU slowed {CPU_SLOWDOWN}× and its network "
        f"at {ROUND_TRIP_MS} ms round trip and {KBIT_PER_S} kbit/s each way (DevTools "
        "emulation), served gzipped (level 6) from loopback over HTTP/1.1, viewport 360 × 640. "
        f"Median of {COLD_LOADS} cold loads (a fresh browser context each: an empty cache). "
        "First paint: the first contentful paint. Transferred: the bodies of every response "
        f"as sent (gzipped) until the network had been idle for {IDLE_MS / 1000:g} s; the note "
        "adds the response headers of this minimal server (a real host sends more)."
    )
    if site is None or anchor is None:
        section.missing("slow phone", "the 1,000-entry site or the anchor was not built")
        return []
    if not Path(CHROMIUM).exists():
        section.missing("slow phone", f"no Chromium at {CHROMIUM}")
        return []
    pair = same_entry(site, anchor)
    if pair is None:
        section.missing("slow phone", "no entry page common to both sites")
        return []
    from playwright.sync_api import sync_playwright

    notes = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            ours, our_loads = median_load(browser, site, pair[0])
            theirs, their_loads = median_load(browser, anchor, pair[1])
        finally:
            browser.close()
    for label, median, loads, path, judged in (
        ("our entry page", ours, our_loads, pair[0], True),
        ("plain Material, same entry", theirs, their_loads, pair[1], False),
    ):
        paints = ", ".join(f"{one.first_paint:.2f}" for one in loads)
        ends = ", ".join(f"{one.load:.2f}" for one in loads)
        kb = median.total / 1024
        section.add(
            Figure(
                f"{label}: first paint",
                median.first_paint,
                "s",
                f"≤ {FIRST_PAINT_LIMIT_S:g} s" if judged else "",
                median.first_paint <= FIRST_PAINT_LIMIT_S if judged else None,
                note=f"{path}; runs {paints} s",
            )
        )
        section.add(
            Figure(
                f"{label}: load",
                median.load,
                "s",
                f"≤ {LOAD_LIMIT_S:g} s" if judged else "",
                median.load <= LOAD_LIMIT_S if judged else None,
                note=f"runs {ends} s",
            )
        )
        section.add(
            Figure(
                f"{label}: transferred before idle",
                kb,
                "KB",
                f"≤ {BYTES_LIMIT_KB} KB" if judged else "",
                kb <= BYTES_LIMIT_KB if judged else None,
                note=f"{len(median.files)} files; {median.wire / 1024:.1f} KB with headers",
            )
        )
        floor = paint_floor(median, path)
        section.add(
            Figure(
                f"{label}: first paint the network alone allows",
                floor,
                "s",
                note="the page's round trip, its stylesheets' if it links any, then their bytes "
                "at full speed",
            )
        )
        listed = ", ".join(
            f"`{name}` {size / 1024:.1f} KB"
            for name, size in sorted(median.files.items(), key=lambda item: -item[1])
        )
        notes.append(f"Slow phone, {label} ({path}), transferred: {listed}.")
    return notes


def main(argv: list[str] | None = None) -> int:
    """This part of the benchmark alone, on freshly generated and built sites (or given ones)."""
    from build_tools.bench import builds
    from build_tools.bench.generate import generate
    from build_tools.bench.report import Report
    from build_tools.data.build import load_directory

    parser = argparse.ArgumentParser(prog="python -m build_tools.bench.slow_phone")
    parser.add_argument("--site", type=Path, help="a built site (default: build 1,000 entries)")
    parser.add_argument("--anchor", type=Path, help="a built plain-Material anchor site")
    parser.add_argument("--workdir", type=Path, help="keep generated data and sites here")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="helpdir-slow-phone-"))
    site, anchor = args.site, args.anchor
    if site is None or anchor is None:
        generated = generate(work / "data-1000", 1000)
        if site is None:
            measured, site = builds.build_ours(
                work / "site-1000", generated.data_dir, leaflets=False
            )
            if not measured.ok:
                print(measured.output, file=sys.stderr)
                return 1
        if anchor is None:
            directory = load_directory(generated.data_dir)
            measured, anchor = builds.build_anchor(work / "anchor", directory)
            if not measured.ok:
                print(measured.output, file=sys.stderr)
                return 1
    report = Report(machine={}, started="")
    notes = measure_slow_phone(report.section("Slow phone (entry page)"), site, anchor)
    report.notes.extend(notes)
    print(report.to_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
