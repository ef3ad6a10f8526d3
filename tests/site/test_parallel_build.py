"""``mkdocs build`` with the further languages built in child processes writes the very site
the one-process build writes (``HELPDIR_BUILD_PROCESSES=1``), says the same things while it
builds, and fails the same way, leaving the published site as it was, when a language built
in a child fails."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from build_tools.language_builds import PROCESSES_VARIABLE
from build_tools.languages import LANGUAGES
from tests.paths import FIXTURE_DIRECTORY, REPO
from tests.sitebuild import build_site

PARALLEL = "The languages are built by 2 processes at the same time."
FILLED = re.compile(r"(\w+): Entry pages: \d+ filled into the shared page shell")


def _build(workdir: Path, processes: int, content: Path | None = None, check: bool = True):
    return build_site(
        workdir,
        data_dir=FIXTURE_DIRECTORY,
        content_dir=content,
        leaflets=False,
        env={PROCESSES_VARIABLE: str(processes)},
        check=check,
    )


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory: pytest.TempPathFactory):
    one = tmp_path_factory.mktemp("one-process")
    two = tmp_path_factory.mktemp("two-processes")
    return (one, _build(one, 1)), (two, _build(two, 2))


@pytest.mark.slow
def test_the_parallel_build_writes_the_same_site_byte_for_byte(both_ways) -> None:
    (one, sequential), (two, parallel) = both_ways
    assert PARALLEL not in sequential.stderr
    assert PARALLEL in parallel.stderr  # a child process was really at work
    first, second = _files(one / "site"), _files(two / "site")
    assert sorted(first) == sorted(second)
    differing = [name for name in sorted(first) if first[name] != second[name]]
    assert not differing, f"{len(differing)} files differ, the first: {differing[:5]}"
    for lang in LANGUAGES:
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        assert f"{prefix}search/search_index.json" in second
        assert f"{prefix}directory/brest-psychologist/index.html" in second


@pytest.mark.slow
def test_the_parallel_build_says_what_the_one_process_build_says(both_ways) -> None:
    (one, sequential), (two, parallel) = both_ways
    for result in (sequential, parallel):
        assert sorted(FILLED.findall(result.stderr)) == sorted(LANGUAGES)
        assert "make report" in result.stderr  # the summary at the end
    said = [line for line in parallel.stderr.splitlines() if PARALLEL not in line]
    assert sorted(_steady(said, two)) == sorted(_steady(sequential.stderr.splitlines(), one))


def _steady(lines: list[str], workdir: Path) -> list[str]:
    """The lines without what differs from run to run (folders, seconds) or by the number of
    builds logging (a repeated line is shown once per process)."""
    out = set()
    for line in lines:
        line = line.replace(str(workdir), "WORK")
        line = re.sub(r"site\.partial-\w+", "site.partial-X", line)
        out.add(re.sub(r"\d+\.\d+ seconds", "N seconds", line))
    return list(out)


def _broken_content(tmp_path: Path, lang: str, page: str, text: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    (content / lang / page).write_text(text, encoding="utf-8")
    return content


def _fail_both_ways(tmp_path: Path, content: Path, published: Path) -> list[tuple[str, str]]:
    """Build ``content`` over a copy of a published site in one and in two processes; each
    fails, leaves the site as it was and no folder behind; returns what each said."""
    said = []
    for processes in (1, 2):
        workdir = tmp_path / f"work-{processes}"
        shutil.copytree(published, workdir / "site")
        before = _files(workdir / "site")
        result: subprocess.CompletedProcess[str] = _build(workdir, processes, content, check=False)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        assert _files(workdir / "site") == before
        assert [p.name for p in workdir.iterdir() if p.name.startswith("site.")] == []
        problems = sorted(
            line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))
        )
        said.append((result.stdout.strip(), "\n".join(problems).replace(str(workdir), "WORK")))
    return said


@pytest.mark.slow
def test_a_strict_mode_warning_in_a_child_fails_the_build_as_before(both_ways, tmp_path) -> None:
    """The warning is counted where it is made (the child's MkDocs build) and stops the build."""
    (one, _), _ = both_ways
    lang = LANGUAGES[1]  # the language a child takes first
    content = _broken_content(tmp_path, lang, "about.md", "# About\n\n[x](nowhere-at-all.md)\n")
    (one_said, two_said) = _fail_both_ways(tmp_path, content, one / "site")
    assert one_said == two_said
    assert "Aborted with 1 warnings in strict mode!" in two_said[0]
    assert "nowhere-at-all.md" in two_said[1]


@pytest.mark.slow
def test_an_error_in_a_child_fails_the_build_as_before(both_ways, tmp_path) -> None:
    """A page whose template does not exist: MkDocs' error, then the build stops."""
    (one, _), _ = both_ways
    lang = LANGUAGES[1]
    page = "---\ntemplate: nowhere.html\n---\n# About\n"
    content = _broken_content(tmp_path, lang, "about.md", page)
    (one_said, two_said) = _fail_both_ways(tmp_path, content, one / "site")
    assert one_said == two_said
    assert "Error building page 'about.md': nowhere.html" in two_said[1]
    # Jinja's missing template is an OSError too, but says nothing about the disk.
    assert "There is no template nowhere.html" in two_said[1]
    assert "Cannot write the site" not in two_said[1]
    assert "Aborted with a BuildError!" in two_said[0]


def test_a_wrong_process_count_stops_the_build_with_a_message(tmp_path: Path) -> None:
    result = build_site(
        tmp_path,
        data_dir=FIXTURE_DIRECTORY,
        leaflets=False,
        env={PROCESSES_VARIABLE: "many"},
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"{PROCESSES_VARIABLE}=many: give the number of processes" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("site.")] == []


@pytest.mark.slow
def test_a_load_from_another_origin_in_a_further_language_stops_the_build(
    both_ways, tmp_path
) -> None:
    """Each further language is scanned by the process that built it; its findings stop the
    build, naming the file in that language's folder, as the scan of the whole site did."""
    (one, _), _ = both_ways
    lang = LANGUAGES[1]
    page = "# About\n\n![](https://tracker.example/pixel.png)\n"
    content = _broken_content(tmp_path, lang, "about.md", page)
    said = []
    for processes in (1, 2):
        workdir = tmp_path / f"work-{processes}"
        shutil.copytree(one / "site", workdir / "site")
        before = _files(workdir / "site")
        result = _build(workdir, processes, content, check=False)
        assert result.returncode == 1, result.stderr
        assert _files(workdir / "site") == before
        found = result.stderr.split("another origin or break under the CSP:", 1)[1]
        said.append([line.strip() for line in found.splitlines() if line.startswith("  ")])
    assert said[0] == said[1]
    assert any(
        line.startswith(f"{lang}/about/index.html:") and "https://tracker.example/pixel.png" in line
        for line in said[1]
    ), said[1]
