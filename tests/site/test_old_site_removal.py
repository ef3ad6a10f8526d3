"""The published site a build replaces is set aside by a rename and removed by a process of
its own (build_tools/site_folder.py), so the build does not wait for it; what is left of it is
removed by the next build, and nothing but the builds' own folders is ever removed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from build_tools import site_folder
from build_tools.site_folder import SiteFolder


def _old_site(final: Path, pages: int = 300) -> None:
    for n in range(pages):
        page = final / f"page-{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"old page {n}", encoding="utf-8")


def _new_build(final: Path) -> SiteFolder:
    folder = SiteFolder(final)
    staging = folder.open()
    (staging / "index.html").write_text("the new site", encoding="utf-8")
    (staging / "en").mkdir()
    (staging / "en" / "index.html").write_text("the new English site", encoding="utf-8")
    return folder


def _aside(parent: Path) -> list[Path]:
    return sorted(parent.glob("site.old-*"))


def _wait_until_gone(parent: Path) -> list[Path]:
    for _ in range(1200):
        if not _aside(parent):
            break
        time.sleep(0.05)
    return _aside(parent)


def test_the_new_site_is_in_place_when_the_swap_returns_and_the_old_one_goes(
    tmp_path: Path,
) -> None:
    final = tmp_path / "site"
    _old_site(final)
    folder = _new_build(final)
    folder.swap_in()
    folder.close()
    # Whole at once: never a mix of old and new files, nothing missing.
    assert sorted(p.relative_to(final).as_posix() for p in final.rglob("*") if p.is_file()) == [
        "en/index.html",
        "index.html",
    ]
    assert (final / "index.html").read_text(encoding="utf-8") == "the new site"
    assert _wait_until_gone(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_the_removal_does_not_hold_the_lock(tmp_path: Path) -> None:
    """The next build starts at once, even while the old site is still being removed."""
    final = tmp_path / "site"
    _old_site(final)
    folder = _new_build(final)
    folder.swap_in()
    folder.close()
    again = SiteFolder(final)
    said: list[str] = []
    again.open(on_wait=said.append)
    again.close()
    assert said == []


def test_what_a_stopped_removal_left_is_removed_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    final = tmp_path / "site"
    _old_site(final)
    monkeypatch.setattr(site_folder, "remove_later", lambda folder: None)  # never got to run
    folder = _new_build(final)
    folder.swap_in()
    folder.close()
    [left] = _aside(tmp_path)
    assert (left / "page-7" / "index.html").read_text(encoding="utf-8") == "old page 7"
    again = SiteFolder(final)
    again.open()
    assert _aside(tmp_path) == []
    again.close()
    assert (final / "index.html").read_text(encoding="utf-8") == "the new site"


def test_folders_the_builds_did_not_make_are_never_removed(tmp_path: Path) -> None:
    """An editor's own copies beside the site, however they are named, stay."""
    final = tmp_path / "site"
    _old_site(final, pages=3)
    kept = {}
    for name in ("site.old", "site.old-backup", "site.partial-1234abcd", "site.old-20261130"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "keep.txt").write_text(name, encoding="utf-8")
        kept[name] = name
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("elsewhere", encoding="utf-8")
    (tmp_path / "site.old-linked").symlink_to(elsewhere)
    for _ in range(2):
        folder = _new_build(final)
        folder.swap_in()
        folder.close()
    third = SiteFolder(final)
    third.open()  # a third build's start: the cleanup of leftovers
    third.close()
    assert _wait_until_gone_but(tmp_path, set(kept) | {"site.old-linked"}) == []
    for name in kept:
        assert (tmp_path / name / "keep.txt").read_text(encoding="utf-8") == name
    assert (elsewhere / "keep.txt").read_text(encoding="utf-8") == "elsewhere"
    assert (tmp_path / "site.old-linked").is_symlink()


def _wait_until_gone_but(parent: Path, others: set[str]) -> list[str]:
    """The builds' own aside folders still there after a minute (besides ``others``)."""
    for _ in range(1200):
        ours = [p.name for p in _aside(parent) if p.name not in others]
        if not ours:
            break
        time.sleep(0.05)
    return ours
