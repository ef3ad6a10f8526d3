"""What a build does to the published folder: one build at a time, all of a site or none of it,
and a message (not a traceback) when the folder cannot be written."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_tools.i18n import url_prefix
from build_tools.languages import LANGUAGES
from tests.paths import FIXTURE_DIRECTORY, REPO
from tests.sitebuild import build_site, write_config

PREFIXES = {lang: url_prefix(lang) for lang in LANGUAGES}


def _start_build(workdir: Path, config: Path) -> subprocess.Popen[str]:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    return subprocess.Popen(
        [str(mkdocs), "build", "--strict", "-f", str(config), "-d", str(workdir / "site")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=workdir,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _leftovers(workdir: Path) -> list[str]:
    """Folders builds left beside the site: a staging folder must be gone when the build ends;
    the published site a swap set aside is removed by a process of its own, given a minute."""
    for _ in range(1200):
        if not any(p.name.startswith("site.old") for p in workdir.iterdir()):
            break
        time.sleep(0.05)
    return sorted(p.name for p in workdir.iterdir() if re.match(r"site\.(partial|old)", p.name))


def _missing_pages(site: Path, content: Path) -> list[str]:
    """Pages a whole site has and this one lacks: every Markdown page of every language,
    every URL in each language's sitemap, each search index and the open-data feeds."""
    expected = ["data/directory.json", "data/directory.csv"]
    for lang, prefix in PREFIXES.items():
        expected.append(f"{prefix}search/search_index.json")
        for page in (content / lang).rglob("*.md"):
            rel = page.relative_to(content / lang).with_suffix("").as_posix()
            rel = "" if rel == "index" else rel.removesuffix("index")
            expected.append(f"{prefix}{rel.rstrip('/') + '/' if rel else ''}index.html")
        sitemap = site / prefix / "sitemap.xml"
        assert sitemap.is_file(), f"{sitemap} is missing"
        for url in re.findall(r"<loc>[^<]*?://[^/]+/([^<]*)</loc>", sitemap.read_text("utf-8")):
            expected.append(f"{url}index.html")
    return sorted({rel for rel in expected if not (site / rel).is_file()})


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """Two ``mkdocs build --strict`` started 0.6 s apart in the same folder."""
    workdir = tmp_path_factory.mktemp("two-builds")
    content = workdir / "content"
    shutil.copytree(REPO / "content", content)
    config = write_config(workdir, data_dir=FIXTURE_DIRECTORY, content_dir=content, leaflets=False)
    first = _start_build(workdir, config)
    time.sleep(0.6)
    second = _start_build(workdir, config)
    outputs = [first.communicate()[0], second.communicate()[0]]
    assert [first.returncode, second.returncode] == [0, 0], "\n".join(outputs)
    return workdir, content, outputs


@pytest.mark.slow
def test_two_builds_at_once_publish_one_whole_site(two_builds) -> None:
    """Issue 19, defect 1: the second build waits for the first; the site is whole."""
    workdir, content, outputs = two_builds
    assert any("this one waits for it to finish" in out for out in outputs), outputs
    assert _missing_pages(workdir / "site", content) == []
    assert _leftovers(workdir) == []
    assert not any("Traceback" in out for out in outputs)


@pytest.mark.slow
def test_a_failing_build_leaves_the_old_site_and_no_staging_folder(two_builds, tmp_path) -> None:
    """Issue 19, defect 1: a build that fails late (after every language was written) leaves
    the published site as it was and removes its staging folder."""
    built, content, _ = two_builds
    workdir = tmp_path / "work"
    workdir.mkdir()
    shutil.copytree(built / "site", workdir / "site")
    before = {p: p.read_bytes() for p in (workdir / "site").rglob("*") if p.is_file()}
    broken = tmp_path / "content"
    shutil.copytree(content, broken)
    page = broken / "en" / "about.md"
    page.write_text(page.read_text("utf-8") + "\n\n![x](https://tracker.example/x.gif)\n", "utf-8")
    result = build_site(
        workdir, data_dir=FIXTURE_DIRECTORY, content_dir=broken, leaflets=False, check=False
    )
    assert result.returncode == 1
    assert "https://tracker.example/x.gif" in result.stdout + result.stderr
    after = {p: p.read_bytes() for p in (workdir / "site").rglob("*") if p.is_file()}
    assert after == before
    assert _leftovers(workdir) == []


def _wait_for_staging(workdir: Path, build: subprocess.Popen[str]) -> None:
    """Until the build has made its staging folder and started writing into it."""
    for _ in range(600):
        staging = [p for p in workdir.glob("site.partial-*") if any(p.iterdir())]
        if staging or build.poll() is not None:
            break
        time.sleep(0.05)
    assert staging, "the build never wrote into a staging folder"


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["interrupted", "killed"])
def test_a_stopped_build_leaves_the_old_site(two_builds, tmp_path, how) -> None:
    """Issue 19, defect 1: Ctrl-C removes the staging folder at once; a killed build cannot,
    so the next build removes what it left (under the lock, so never another build's)."""
    built, content, _ = two_builds
    workdir = tmp_path / "work"
    workdir.mkdir()
    shutil.copytree(built / "site", workdir / "site")
    before = {p: p.read_bytes() for p in (workdir / "site").rglob("*") if p.is_file()}
    config = write_config(workdir, data_dir=FIXTURE_DIRECTORY, content_dir=content, leaflets=False)
    build = _start_build(workdir, config)
    _wait_for_staging(workdir, build)
    build.send_signal(how)
    output = build.communicate()[0]
    assert build.returncode != 0, output
    assert {p: p.read_bytes() for p in (workdir / "site").rglob("*") if p.is_file()} == before
    if how == signal.SIGINT:
        assert _leftovers(workdir) == []
        return
    assert _leftovers(workdir) != []  # nothing could clean up after SIGKILL
    again = _start_build(workdir, config)
    output = again.communicate()[0]
    assert again.returncode == 0, output
    assert _leftovers(workdir) == []
    assert _missing_pages(workdir / "site", content) == []


def _quick_failure(workdir: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """A build of the fixture data (leaflets off) into ``site``."""
    content = workdir / "content"
    if not content.exists():
        shutil.copytree(REPO / "content", content)
    config = write_config(workdir, data_dir=FIXTURE_DIRECTORY, content_dir=content, leaflets=False)
    mkdocs = Path(sys.executable).with_name("mkdocs")
    return subprocess.run(
        [str(mkdocs), "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=workdir,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _assert_message(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    for needle in needles:
        assert needle in output, output


def test_a_file_where_the_site_folder_should_be_gets_a_message(tmp_path: Path) -> None:
    """Issue 19, defect 6: ``site`` is a file: the message names it and says what to do."""
    site = tmp_path / "site"
    site.write_text("not a folder", encoding="utf-8")
    result = _quick_failure(tmp_path, site)
    _assert_message(result, f"Cannot write the site into {site}: it is a file", "Move the file")
    assert site.read_text(encoding="utf-8") == "not a folder"


def test_a_folder_that_cannot_be_made_gets_a_message(tmp_path: Path) -> None:
    """Issue 19, defect 6: the folder above ``site`` is a file, so nothing can be written."""
    (tmp_path / "blocker").write_text("", encoding="utf-8")
    result = _quick_failure(tmp_path, tmp_path / "blocker" / "site")
    _assert_message(result, "Cannot write the site into", str(tmp_path / "blocker"), "Move away")


def test_a_read_only_folder_gets_a_message(tmp_path: Path) -> None:
    """Issue 19, defect 6: a folder nobody may write to (immutable, so even root cannot)."""
    parent = tmp_path / "published"
    parent.mkdir()
    (parent / "site").mkdir()
    (parent / "site" / "index.html").write_text("the old site", encoding="utf-8")
    locked = subprocess.run(["chattr", "+i", str(parent)], capture_output=True, text=True)
    if locked.returncode != 0:
        pytest.skip(f"cannot make a folder immutable here: {locked.stderr.strip()}")
    try:
        result = _quick_failure(tmp_path, parent / "site")
    finally:
        subprocess.run(["chattr", "-i", str(parent)], check=True)
    _assert_message(result, f"Cannot write the site into {parent}", "Make the folder writable")
    assert (parent / "site" / "index.html").read_text(encoding="utf-8") == "the old site"
    assert _leftovers(parent) == []


def test_a_full_disk_gets_a_message_and_leaves_nothing_behind(tmp_path: Path) -> None:
    """Issue 19, defect 6: the disk fills up while MkDocs writes the pages (a 2 MB tmpfs)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        (disk / "site").mkdir()
        (disk / "site" / "index.html").write_text("the old site", encoding="utf-8")
        result = _quick_failure(tmp_path, disk / "site")
        _assert_message(result, f"Cannot write the site into {disk}", "Free some space on the disk")
        assert (disk / "site" / "index.html").read_text(encoding="utf-8") == "the old site"
        assert _leftovers(disk) == []
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_swap_that_fails_puts_the_old_site_back(tmp_path: Path, monkeypatch) -> None:
    """Issue 19, defects 1 and 6: the operating system refuses the second rename of the swap;
    the old site is back in place, the message names the folder, the staging folder goes."""
    from build_tools.site_folder import SiteFolder, SiteWriteError

    final = tmp_path / "site"
    final.mkdir()
    (final / "index.html").write_text("the old site", encoding="utf-8")
    folder = SiteFolder(final)
    staging = folder.open()
    (staging / "index.html").write_text("the new site", encoding="utf-8")
    real_rename = Path.rename

    def refuse_staging(self: Path, target: Path) -> Path:
        if self == staging:
            raise PermissionError(13, "Permission denied", str(self), None, str(target))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", refuse_staging)
    with pytest.raises(SiteWriteError, match=f"Cannot write the site into {final}: Permission"):
        folder.swap_in()
    folder.close()
    assert (final / "index.html").read_text(encoding="utf-8") == "the old site"
    assert _leftovers(tmp_path) == []


def test_a_staging_folder_with_pages_missing_is_not_swapped_in(tmp_path: Path) -> None:
    """Issue 19, defect 1: the completeness check names what the staging folder lacks."""
    from build_tools.site_folder import SiteFolder

    folder = SiteFolder(tmp_path / "site")
    staging = folder.open()
    (staging / "about").mkdir()
    (staging / "about" / "index.html").write_text("", encoding="utf-8")
    wanted = ["about/index.html", "en/about/index.html", "search/search_index.json"]
    assert folder.missing(wanted) == ["en/about/index.html", "search/search_index.json"]
    folder.close()
    assert _leftovers(tmp_path) == []
