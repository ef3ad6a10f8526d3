"""The benchmark's parts: its data is valid and realistic, its measurements and report honest."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from build_tools.bench.builds import entry_markdown, site_config
from build_tools.bench.finder_probe import QUERIES, measure_finder
from build_tools.bench.generate import generate
from build_tools.bench.measure import run_measured
from build_tools.bench.report import Figure, Report
from build_tools.bench.weight import gzipped_size, page_weight
from build_tools.data.build import load_directory, validate_directory
from tests.paths import REPO


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.yml")}


def test_generated_directory_is_valid_and_the_same_every_time(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 150)
    second = generate(tmp_path / "b", 150)
    assert _files(first.data_dir) == _files(second.data_dir)
    result = validate_directory(first.data_dir)
    assert result.errors == [], "\n".join(map(str, result.errors[:10]))
    assert len(result.directory.entries) == 150


def test_generated_directory_looks_like_the_real_one(tmp_path: Path) -> None:
    directory = load_directory(generate(tmp_path / "data", 300).data_dir)
    real = load_directory(REPO / "directory_data")
    entries = directory.entries
    assert {e.region for e in entries if not e.national} == {r.id for r in real.regions}
    assert len({e.locality for e in entries if e.locality}) > 40
    assert {s for e in entries for s in e.services} >= {"crisis-room", "shelter", "legal"}
    confidential = [e for e in entries if not e.address_public]
    assert 0.2 < len(confidential) / len(entries) < 0.6
    assert all(not e.address and e.geo is None for e in confidential)
    assert any(e.national for e in entries)
    for lang in ("be", "en"):
        translated = sum(e.name.has(lang) for e in entries)
        assert 0.6 * len(entries) < translated < len(entries), lang
    assert len({e.hours.raw for e in entries if e.hours}) >= 5
    assert any(len(e.phones) >= 2 for e in entries)
    assert any(p.short for e in entries for p in e.phones)


def test_generated_file_reads_as_the_editors_format(tmp_path: Path) -> None:
    data = generate(tmp_path / "data", 20).data_dir
    file = next((data / "entries").rglob("*.yml"))
    text = file.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert yaml.safe_load(text)["id"] == file.stem


def test_anchor_page_never_shows_a_confidential_address(tmp_path: Path) -> None:
    directory = load_directory(generate(tmp_path / "data", 80).data_dir)
    hidden = next(e for e in directory.entries if not e.address_public and not e.national)
    text = entry_markdown(directory, hidden)
    assert "сообщают по телефону" in text
    assert hidden.name("ru") in text


def test_site_config_points_the_real_config_at_other_data(tmp_path: Path) -> None:
    config = site_config(tmp_path, tmp_path / "data", leaflets=False)
    text = config.read_text(encoding="utf-8")
    assert f"data_dir: {tmp_path / 'data'}" in text
    assert "leaflets: false" in text
    assert text.count("leaflets:") == 1, "a second `leaflets:` key would override the first"
    assert f"docs_dir: {REPO / 'content'}" in text
    assert "\n  - content\n" not in text  # watch paths made absolute


def test_peak_memory_is_the_childs_own(tmp_path: Path) -> None:
    # A forked child starts with the parent's resident pages counted (the test process may be
    # large after a long session), so compare small children with each other: one measured
    # after a 300 MB child must not inherit that child's peak.
    def small() -> float:
        measured = run_measured([sys.executable, "-c", "pass"], cwd=tmp_path)
        assert measured.ok
        return measured.peak_mb

    before = small()
    big = run_measured(
        [
            sys.executable,
            "-c",
            "x = bytearray(300 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096])",
        ],
        cwd=tmp_path,
    )
    after = small()
    assert big.ok
    assert big.peak_mb > 300
    assert after < before + 50, "a later, smaller child must not inherit the earlier peak"


def test_page_weight_counts_each_linked_file_once(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text("body{color:red}" * 50)
    (tmp_path / "a.js").write_text("console.log(1);" * 50)
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="a.css"><link rel="stylesheet" href="a.css">'
        '<script src="a.js"></script><script src="https://elsewhere.example/x.js"></script>'
    )
    weight = page_weight(tmp_path, "index.html")
    assert weight.css == gzipped_size((tmp_path / "a.css").read_bytes())
    assert weight.js == gzipped_size((tmp_path / "a.js").read_bytes())
    assert weight.total == weight.html + weight.css + weight.js


def test_report_shows_targets_misses_and_what_was_not_measured() -> None:
    report = Report(machine={"cores": "2"}, started="2026-11-28T20:00:00")
    section = report.section("Finder")
    section.add(Figure("first result", 250.0, "ms", "≤ 200 ms", False))
    section.add(Figure("keystroke p95", 3.2, "ms", "≤ 10 ms", True))
    section.missing("4,000 entries, be", "the directory home has no finder search box")
    markdown = report.to_markdown()
    assert "| first result | 250.0 ms | ≤ 200 ms | **missed** |" in markdown
    assert "| keystroke p95 | 3.2 ms | ≤ 10 ms | met |" in markdown
    assert "not measured: the directory home has no finder search box" in markdown
    assert '"not_measured": "the directory home has no finder search box"' in report.to_json()


@pytest.mark.parametrize(("lang", "root"), [("ru", ""), ("be", "be/")])
def test_finder_probe_counts_the_finder_files_and_times_a_result(
    fixture_site: Path, browser, lang: str, root: str
) -> None:
    """The benchmark's finder figures come from a real visit: the first result arrives, every
    keystroke is timed, and only the finder's own folder counts as finder bytes."""
    figures = measure_finder(browser, fixture_site, lang, root, repeats=1)
    assert figures.first_result_ms > 0
    typed = sum(len(query) for query in QUERIES[lang])
    assert len(figures.keystrokes_ms) == len(figures.handled_ms) == typed
    finder_files = [f for f in figures.files if f.startswith(f"/{root}finder/")]
    assert sorted(f.split()[0].rsplit("/", 1)[1] for f in finder_files) == [
        "data.json",
        "finder.js",
    ]
    assert figures.finder_bytes == sum(int(f.split()[1]) for f in finder_files)
    assert figures.page_bytes > 0


def test_cpu_time_includes_the_processes_the_build_waits_for(tmp_path: Path) -> None:
    """The build forks the languages' processes and waits for them: their work is counted."""
    busy = (
        "import os, time\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    end = time.process_time() + 0.6\n"
        "    while time.process_time() < end: pass\n"
        "    os._exit(0)\n"
        "os.waitpid(pid, 0)\n"
    )
    measured = run_measured([sys.executable, "-c", busy], cwd=tmp_path)
    assert measured.ok, measured.output
    assert measured.cpu_seconds >= 0.6
