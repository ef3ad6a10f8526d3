"""``python -m build_tools.bench``: generate data, build, measure, write the report.

Figures, each with its target:

- ``mkdocs build`` time, CPU time, peak memory (children included) and site size for 250,
  1,000, 4,000 and 10,000 entries in three languages, leaflets off (the sizes compared built
  twice: an empty build cache, then a filled one); plain MkDocs + Material over the same 1,000
  entries as hand-written Russian pages (the anchor), and the ratio against its 0.2× target;
  growth from 1,000 to 4,000 against linear;
- the live preview: from saving one entry file to the reloaded page in ``mkdocs serve`` at
  1,000 entries (target ≤ 1 s);
- validation of 1,000 entries;
- the finder at 1,000 and 4,000 entries in headless Chromium, per language; Material's own
  search index over the same pages for comparison;
- page weight of the home, a region page and an entry page;
- an entry page on an emulated slow phone beside plain Material's (``slow_phone.py``);
- leaflet generation for every region in three languages;
- the chatbot's reply time (p50, p95) with 200 chats at once on loopback.

A part that cannot run (a stage not built yet, no browser) is reported as "not measured"
with the reason; the rest still runs. ``--parts`` and ``--sizes`` measure less. Writes
docs/benchmark.md and bench-out/benchmark.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as _dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Collection
from pathlib import Path
from typing import Any

from build_tools.bench import builds
from build_tools.bench.bot_latency import measure_bot
from build_tools.bench.browser import CHROMIUM, CHROMIUM_ARGS
from build_tools.bench.generate import GeneratedDirectory, generate
from build_tools.bench.machine import describe
from build_tools.bench.measure import Measured, run_measured
from build_tools.bench.report import Figure, Report, Section
from build_tools.bench.slow_phone import measure_slow_phone
from build_tools.bench.weight import gzipped_size, page_weight
from build_tools.build_cache import CACHE_DIR

REPO = Path(__file__).resolve().parents[2]
LANG_ROOTS = {"ru": "", "be": "be/", "en": "en/"}
SITE_URL = "https://help.example.org/"

#: Targets, in one place so the report and the checks agree.
LINEAR_LIMIT = 4.4
#: Our 1,000 entries × 3 languages against plain Material's 1,000 one-language pages.
ANCHOR_ENTRIES = 1000
ANCHOR_RATIO_LIMIT = 0.2
#: From saving an entry file to the reloaded page in `mkdocs serve`, at 1,000 entries.
PREVIEW_LIMIT_S = 1.0
#: The parts of a run; `--parts` picks some (the report then holds only those).
PARTS = ("validation", "builds", "preview", "finder", "weight", "slow-phone", "leaflets", "bot")
#: Builds per size for the two sizes the growth compares (the fastest counts).
GROWTH_RUNS = 2
VALIDATION_LIMIT_S = 1.0
FINDER_BYTES_LIMIT_KB = 60
FIRST_RESULT_LIMIT_MS = 200
KEYSTROKE_P95_LIMIT_MS = 10
LEAFLETS_LIMIT_S = 15


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.bench", description=__doc__)
    parser.add_argument("--sizes", default="250,1000,4000,10000", help="entry counts to build")
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"what to measure, comma-separated (default: all of {', '.join(PARTS)})",
    )
    parser.add_argument("--markdown", type=Path, default=REPO / "docs" / "benchmark.md")
    parser.add_argument("--json", type=Path, default=REPO / "bench-out" / "benchmark.json")
    parser.add_argument("--workdir", type=Path, help="keep generated data and sites here")
    parser.add_argument("--commit", default="", help="the commit measured (default: git HEAD)")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    unknown = parts - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))} (known: {', '.join(PARTS)})")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="helpdir-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report = Report(
        machine=describe(CHROMIUM, args.commit),
        started=_dt.datetime.now().isoformat(timespec="seconds"),
    )
    try:
        run(report, work, sizes, parts)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    report.notes.append(
        "Load average at the end (1, 5, 15 min): "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
        + ". A load above the number of cores means other work shared the machine: times "
        "are then upper bounds."
    )
    text = report.to_markdown()
    args.markdown.parent.mkdir(parents=True, exist_ok=True)
    args.markdown.write_text(text, encoding="utf-8")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(report.to_json(), encoding="utf-8")
    print(text)
    print(f"Written: {args.markdown} and {args.json}", file=sys.stderr)
    return 0


def _say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(report: Report, work: Path, sizes: list[int], parts: Collection[str] = PARTS) -> None:
    _say(f"generating {', '.join(map(str, sizes))} entries in {work}")
    data = {n: generate(work / f"data-{n}", n) for n in sizes}
    reference = 1000 if 1000 in data else sizes[len(sizes) // 2]
    sample = data[reference]
    report.notes.append(
        f"Generated data (seed 2026): at {reference:,} entries, {sample.confidential} "
        f"confidential places (no address), {sample.national} national lines, every region, "
        "town and kind of help of directory_data/, texts in ru with be and en for most."
    )
    if "validation" in parts:
        measure_validation(report.section("Validation"), sample)
    sites = measure_builds(report, work, data, reference) if "builds" in parts else {}
    if "preview" in parts:
        measure_preview(report.section("Live preview"), work, data.get(ANCHOR_ENTRIES))
    if "finder" in parts:
        measure_finder(report, sites, reference)
    if "weight" in parts:
        measure_weight(report.section("Page weight (first visit, gzipped)"), sites.get(reference))
    if "slow-phone" in parts:
        slow = report.section("Slow phone (entry page)")
        report.notes.extend(measure_slow_phone(slow, sites.get(reference), sites.get(-1)))
    if "leaflets" in parts:
        measure_leaflets(report.section("Leaflets"), work, data.get(reference))
    if "bot" in parts:
        measure_bot(report.section("Chatbot"))


# ---------------------------------------------------------------------------- validation


def measure_validation(section: Section, sample: GeneratedDirectory) -> None:
    from build_tools.data.build import validate_directory

    section.intro = (
        f"`validate_directory` on {sample.entries:,} entry files (read, parse, schema, "
        "cross-references, phones, hours), in this process: the first run, then the median of 5."
    )
    times = []
    problems = 0
    for _ in range(6):
        start = time.perf_counter()
        result = validate_directory(sample.data_dir)
        times.append(time.perf_counter() - start)
        problems = len(result.errors)
    target = f"well under {VALIDATION_LIMIT_S:g} s"
    section.add(Figure("first run", times[0], "s", target, times[0] < VALIDATION_LIMIT_S))
    median = statistics.median(times[1:])
    section.add(Figure("median of 5 more", median, "s", target, median < VALIDATION_LIMIT_S))
    section.add(Figure("errors in the generated data", problems, "", "0", problems == 0))


# ---------------------------------------------------------------------------- builds


def _site_mb(site: Path) -> float:
    return sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1024 / 1024


def measure_builds(
    report: Report, work: Path, data: dict[int, GeneratedDirectory], reference: int
) -> dict[int, Path]:
    section = report.section(
        "Build",
        "`mkdocs build --strict` of the real mkdocs.yml on the generated data, three languages,"
        " in a child process; CPU time includes the processes that build further languages at "
        "the same time (the build waits for them); peak memory is the largest resident set of "
        "the build's processes (not their sum). The site a build replaces is removed after it "
        "ends, by a process of its own, and is not measured. Leaflets are off in these builds "
        "(`leaflets: false`): they are measured on their own below, and a full `make build` "
        "adds about that time. The two sizes the growth compares are built twice and the faster"
        " build counts: one build on a shared machine can take a third longer than the next. "
        "The first of the two starts with an empty build cache (`.cache/helpdir/`: compiled "
        "templates, origin-scan findings by file hash), the second finds the first's, as every "
        "build after the first on an editor's machine does; both are shown. Other sizes are "
        "built once, with an empty cache.",
    )
    sites: dict[int, Path] = {}
    seconds: dict[int, float] = {}
    cpu: dict[int, float] = {}
    big = 4 * reference if 4 * reference in data else max(data)
    compared = {reference, big} if big > reference else set()
    for n, generated in data.items():
        runs = GROWTH_RUNS if n in compared else 1
        measured, first, site = _fastest_build(work / f"site-{n}", generated, runs)
        label = f"{n:,} entries × 3 languages"
        if not measured.ok:
            section.missing(label, "the build failed: " + _last_line(measured.output))
            continue
        sites[n] = site
        seconds[n] = measured.seconds
        cpu[n] = measured.cpu_seconds
        if runs > 1:
            cold = f"{label}, first build (empty build cache)"
            section.add(Figure(f"{cold}: time", first.seconds, "s"))
            section.add(Figure(f"{cold}: CPU time (user + system)", first.cpu_seconds, "s"))
        section.add(Figure(f"{label}: time", measured.seconds, "s"))
        section.add(Figure(f"{label}: CPU time (user + system)", measured.cpu_seconds, "s"))
        section.add(Figure(f"{label}: peak memory", measured.peak_mb, "MB"))
        section.add(Figure(f"{label}: size of site/", _site_mb(site), "MB"))
    anchor_section = report.section(
        "Anchor: plain MkDocs + Material",
        f"The same {ANCHOR_ENTRIES:,} entries written as one-language (Russian) Markdown pages, "
        "one per entry in a folder per region, built by Material with `font: false` and no `nav` "
        "key (its default navigation lists every page on every page).",
    )
    # The anchor is 1,000 pages: plain Material's default navigation grows quadratically.
    ours = (seconds[ANCHOR_ENTRIES], cpu[ANCHOR_ENTRIES]) if ANCHOR_ENTRIES in seconds else None
    anchor_site = _anchor(anchor_section, work, data.get(ANCHOR_ENTRIES), ours)
    if anchor_site is not None:
        sites[-1] = anchor_site

    if reference in seconds and big in seconds and big > reference:
        factor = big / reference
        limit = LINEAR_LIMIT * factor / 4
        for what, values in (("time", seconds), ("CPU time", cpu)):
            ratio = values[big] / values[reference]
            section.add(
                Figure(
                    f"growth, {big:,} ÷ {reference:,} entries ({what})",
                    ratio,
                    "×",
                    f"≤ {limit:g}× (linear is {factor:g}×)",
                    ratio <= limit,
                )
            )
    return sites


def _fastest_build(
    workdir: Path, generated: GeneratedDirectory, runs: int
) -> tuple[Measured, Measured, Path]:
    """The fastest of ``runs`` builds (stopping at a failed one), the first build (its build
    cache empty), and the site written."""
    shutil.rmtree(workdir / CACHE_DIR, ignore_errors=True)
    best: Measured | None = None
    first: Measured | None = None
    site = workdir / "site"
    for run in range(1, runs + 1):
        _say(f"building {generated.entries} entries (no leaflets), run {run} of {runs}")
        measured, site = builds.build_ours(workdir, generated.data_dir, leaflets=False)
        _wait_for_old_site_removal(workdir)
        first = first or measured
        if not measured.ok:
            return measured, first, site
        if best is None or measured.seconds < best.seconds:
            best = measured
    assert best is not None and first is not None
    return best, first, site


def _wait_for_old_site_removal(workdir: Path) -> None:
    """The site a build replaced is removed by a process of its own after the build has ended
    (not part of the time an editor waits, so not measured); it must not run beside the next
    measured build."""
    deadline = time.monotonic() + 600
    while any(workdir.glob("site.old-*")) and time.monotonic() < deadline:
        time.sleep(0.1)


def _anchor(
    section: Section,
    work: Path,
    generated: GeneratedDirectory | None,
    ours: tuple[float, float] | None,
) -> Path | None:
    from build_tools.data.build import load_directory

    if generated is None:
        section.missing("anchor build", "no 1,000-entry data set in this run")
        return None
    _say("building the anchor (plain Material)")
    directory = load_directory(generated.data_dir)
    measured, site = builds.build_anchor(work / "anchor", directory)
    if not measured.ok:
        section.missing("anchor build", "the build failed: " + _last_line(measured.output))
        return None
    pages = generated.entries + 1
    section.add(Figure(f"{pages:,} pages, 1 language: time", measured.seconds, "s"))
    section.add(Figure("CPU time (user + system)", measured.cpu_seconds, "s"))
    section.add(Figure(f"{pages:,} pages, 1 language: peak memory", measured.peak_mb, "MB"))
    section.add(Figure("size of site/", _site_mb(site), "MB"))
    sample = next(site.rglob("*/index.html"))
    section.add(Figure("HTML of one entry page", sample.stat().st_size / 1024, "KB"))
    if ours is not None:
        target = f"≤ {ANCHOR_RATIO_LIMIT:g}×"
        by_time = ours[0] / measured.seconds
        by_cpu = ours[1] / measured.cpu_seconds
        label = "our build ÷ anchor (3 languages ÷ 1 language, same entries)"
        section.add(Figure(label, by_time, "×", target, by_time <= ANCHOR_RATIO_LIMIT, "time"))
        section.add(Figure(label, by_cpu, "×", target, by_cpu <= ANCHOR_RATIO_LIMIT, "CPU time"))
    return site


# ---------------------------------------------------------------------------- preview


def measure_preview(section: Section, work: Path, generated: GeneratedDirectory | None) -> None:
    from build_tools.bench.preview_time import PreviewFailed
    from build_tools.bench.preview_time import measure_preview as run_preview

    section.intro = (
        "`mkdocs serve --livereload` (leaflets off, as `make serve`) on 1,000 generated "
        "entries; Chromium shows one entry page; the bench changes that entry's Russian name in "
        "its YAML file, 3 times, each after the last has settled. Time: from the file written "
        "to the load event of the page the reload script brings back, showing the new name. A "
        "saved entry file takes the preview's quick path (build_tools/preview_update.py): the "
        "entry's pages first, then, in the background, the lists that show it, the finder's "
        "data and the feeds; *everything written* is from the save until the preview says so."
    )
    label = "save to reloaded page, 1,000 entries"
    target = f"≤ {PREVIEW_LIMIT_S:g} s"
    if generated is None:
        section.missing(label, "no 1,000-entry data set in this run (see --sizes)", target)
        return
    if not Path(CHROMIUM).exists():
        section.missing(label, f"no Chromium at {CHROMIUM}", target)
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        section.missing(label, f"Playwright is not installed ({exc})", target)
        return
    _say("live preview: 1,000 entries, 3 saves")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            times = run_preview(work / "preview-1000", generated.data_dir, browser)
        except PreviewFailed as exc:
            section.missing(label, str(exc), target)
            return
        finally:
            browser.close()
    median = times.median
    section.add(Figure(f"{label} (median of 3)", median, "s", target, median <= PREVIEW_LIMIT_S))
    section.add(Figure(f"{label}, slowest of 3", max(times.seconds), "s"))
    if times.quick:
        section.add(
            Figure(
                "the entry's pages written again, three languages (median)",
                statistics.median(times.quick),
                "s",
            )
        )
    if times.settled:
        section.add(
            Figure(
                "save to everything written: lists, finder data, feeds (median)",
                statistics.median(times.settled),
                "s",
            )
        )
    # Each build logs the Belarusian, the English and then the whole build's time (the other
    # languages are built inside the Russian one); the first three lines are the start.
    per_save = times.rebuilds[5::3]
    if per_save:
        section.add(
            Figure(
                "rebuild after a save, three languages (median)",
                statistics.median(per_save),
                "s",
            )
        )


# ---------------------------------------------------------------------------- finder


def measure_finder(report: Report, sites: dict[int, Path], reference: int) -> None:
    section = report.section(
        "Finder (headless Chromium)",
        "Measured on each language's directory home, served over HTTP from the built site; "
        "bytes are response bodies gzipped at level 6. *Finder files* are what the finder "
        "fetches (its data and index, and its one script with lunr); *everything* adds the "
        "page, Material's CSS and JS, site search and our other components. The first result: "
        "the page itself types a query at its load event (no round trip to the test driver); "
        "time from the load event to the first result card laid out. Keystrokes: 5 realistic "
        "queries typed one character at a time, from the input event to the results laid out. "
        "Each visit is made 3 times with a cold cache; the first result and each keystroke "
        "keep their best time (this filters out pauses caused by other work on a shared machine; "
        "bytes are from the first visit).",
    )
    sizes = [n for n in sorted(sites) if n >= reference]
    if not sizes:
        section.missing("finder", "no site of 1,000 entries or more was built")
        return
    if not Path(CHROMIUM).exists():
        section.missing("finder", f"no Chromium at {CHROMIUM}")
        return
    try:
        from playwright.sync_api import sync_playwright

        from build_tools.bench.finder_probe import FinderMissing, measure_finder
    except ImportError as exc:
        section.missing("finder", f"Playwright is not installed ({exc})")
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for n in sizes:
                for lang, root in LANG_ROOTS.items():
                    label = f"{n:,} entries, {lang}"
                    _say(f"finder: {label}")
                    try:
                        fig = measure_finder(browser, sites[n], lang, root)
                    except FinderMissing as exc:
                        section.missing(label, str(exc))
                        continue
                    if lang == "ru":
                        report.notes.append(_fetched_note(label, fig.files))
                    kb = fig.finder_bytes / 1024
                    total_kb = fig.total_bytes / 1024
                    figures = [
                        Figure(
                            f"{label}: finder files before the first result",
                            kb,
                            "KB",
                            f"≤ {FINDER_BYTES_LIMIT_KB} KB",
                            kb <= FINDER_BYTES_LIMIT_KB,
                        ),
                        Figure(f"{label}: everything before the first result", total_kb, "KB"),
                        Figure(
                            f"{label}: first result after load",
                            fig.first_result_ms,
                            "ms",
                            f"≤ {FIRST_RESULT_LIMIT_MS} ms",
                            fig.first_result_ms <= FIRST_RESULT_LIMIT_MS,
                        ),
                        *_keystroke_figures(label, fig),
                    ]
                    for figure in figures:
                        section.add(figure if n == reference else _for_scale(figure, reference))
        finally:
            browser.close()
    _material_index(section, sites)


def _fetched_note(label: str, files: list[str]) -> str:
    """What the directory home fetched before its first result, largest first (gzipped)."""
    sized = sorted(
        ((int(size), path) for path, size in (f.rsplit(" ", 1) for f in files)), reverse=True
    )
    listed = ", ".join(f"`{path}` {size / 1024:.1f} KB" for size, path in sized)
    return f"Fetched before the first result ({label}), gzipped: {listed}."


def _keystroke_figures(label: str, fig: Any) -> list[Figure]:
    count = len(fig.keystrokes_ms)
    p95 = fig.percentile(95)
    handled = fig.percentile(95, handled=True)
    target = f"≤ {KEYSTROKE_P95_LIMIT_MS} ms"
    return [
        Figure(f"{label}: keystroke to results laid out, p50", fig.percentile(50), "ms"),
        Figure(
            f"{label}: keystroke to results laid out, p95",
            p95,
            "ms",
            target,
            p95 <= KEYSTROKE_P95_LIMIT_MS,
            note=f"{count} keys",
        ),
        Figure(
            f"{label}: keystroke handled (search + cards, before layout), p95",
            handled,
            "ms",
            target,
            handled <= KEYSTROKE_P95_LIMIT_MS,
            note=f"p50 {fig.percentile(50, handled=True):.1f} ms",
        ),
    ]


def _for_scale(figure: Figure, reference: int) -> Figure:
    """A figure at another size than the targets name: shown for scale, judged against none."""
    if not figure.target:
        return figure
    note = f"targets are for {reference:,} entries"
    return dataclasses.replace(
        figure, target="", met=None, note=f"{figure.note}; {note}" if figure.note else note
    )


def _material_index(section: Section, sites: dict[int, Path]) -> None:
    """Material's own search index, for comparison: what its search downloads and rebuilds."""
    anchor = sites.get(-1)
    if anchor is None:
        section.missing("Material's search index (anchor)", "the anchor was not built")
        return
    index = anchor / "search" / "search_index.json"
    if not index.is_file():
        section.missing("Material's search index (anchor)", "no search/search_index.json")
        return
    raw = index.read_bytes()
    pages = len(json.loads(raw)["docs"])
    section.add(
        Figure(
            "Material's search index over the same entries (anchor), gzipped",
            gzipped_size(raw) / 1024,
            "KB",
            note=f"{len(raw) / 1024:.0f} KB raw, {pages:,} sections",
        )
    )


# ---------------------------------------------------------------------------- page weight


def measure_weight(section: Section, site: Path | None) -> None:
    section.intro = (
        "HTML plus every stylesheet and script the page links, each gzipped at level 6, from "
        "the 1,000-entry Russian site (images, icons and data fetched later left out)."
    )
    if site is None:
        section.missing("page weight", "the 1,000-entry site was not built")
        return
    regions = sorted((site / "directory" / "regions").glob("*/index.html"))
    entries = sorted(
        p
        for p in (site / "directory").glob("*/index.html")
        if p.parent.name not in ("regions", "services")
    )
    pages = {"home": site / "index.html"}
    if regions:
        pages["region page"] = regions[0]
    if entries:
        pages["entry page"] = entries[len(entries) // 2]
    for label, file in pages.items():
        rel = file.relative_to(site).as_posix()
        weight = page_weight(site, rel)
        note = (
            f"{rel}: HTML {weight.html / 1024:.1f} + CSS {weight.css / 1024:.1f} + "
            f"JS {weight.js / 1024:.1f} KB"
        )
        section.add(Figure(label, weight.total / 1024, "KB", note=note))
    for label in ("region page", "entry page"):
        if label not in pages:
            section.missing(label, "no such page in the built site")


# ---------------------------------------------------------------------------- leaflets


def measure_leaflets(section: Section, work: Path, generated: GeneratedDirectory | None) -> None:
    section.intro = (
        "`build_leaflets` for every region and the national leaflet in ru, be and en, plus "
        "the wallet-card sheets, in a child process (loading the data not included)."
    )
    runs: list[tuple[str, Path, str]] = [
        ("real directory_data/: 7 regions × 3 languages", REPO / "directory_data", "target")
    ]
    if generated is not None:
        runs.append((f"{generated.entries:,} generated entries", generated.data_dir, ""))
    for label, data_dir, target in runs:
        out = work / f"leaflets-{len(label)}"
        _say(f"leaflets: {label}")
        child = [sys.executable, "-m", "build_tools.bench.leaflet_run"]
        measured = run_measured([*child, str(data_dir), str(out), SITE_URL], cwd=REPO)
        result = _last_json(measured.output)
        if not measured.ok or result is None:
            section.missing(label, "the run failed: " + _last_line(measured.output))
            continue
        if not result["pdfs"]:
            section.missing(label, "build_leaflets wrote no PDF (the stage is not built yet)")
            continue
        limit = f"≤ {LEAFLETS_LIMIT_S} s" if target else ""
        met = result["seconds"] <= LEAFLETS_LIMIT_S if target else None
        section.add(
            Figure(
                f"{label}: time",
                result["seconds"],
                "s",
                limit,
                met,
                note=f"{len(result['pdfs'])} PDFs",
            )
        )
        section.add(Figure(f"{label}: CPU time, all processes", result["cpu_seconds"], "s"))
        section.add(Figure(f"{label}: peak memory", measured.peak_mb, "MB"))
        shutil.rmtree(out, ignore_errors=True)


# ---------------------------------------------------------------------------- helpers


def _last_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if "ERROR" in line or "Error" in line]
    return (errors or lines or ["no output"])[-1][:300]


def _last_json(output: str) -> dict[str, Any] | None:
    for line in reversed(output.splitlines()):
        if line.startswith("{"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                return None
    return None


if __name__ == "__main__":
    raise SystemExit(main())
