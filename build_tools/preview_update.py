"""The live preview's quick answer to a saved entry file (``make serve``).

A full rebuild renders every page of every language: at a thousand entries that is thousands
of pages, far too slow to follow an editor's save. Most saves change one entry file, and one
entry shows on few pages: its own page in each language, and the directory pages that list it.
So when the only files changed since the last build are entry files (none added, none
removed), the data still validates, and regions, kinds of help, the organisation's facts, the
reports, the notices, the population figures, the entries' ids and their former ids are what
they were, the preview:

1. renders the changed entries' pages again, in every language, through MkDocs' own page
   functions with what the last full build left (configuration, files, navigation, Jinja
   environment, the entry pages' shell), and lets the browsers reload: the page the editor is
   looking at shows the change;
2. then, in the background, renders the directory pages that list those entries (the home,
   their regions and kinds of help, the coverage page), writes the finder's data, the redirect
   pages and the feeds, scans what it wrote for requests to other origins, and reloads the
   browsers again.

Everything else (a Markdown page, a template, ``mkdocs.yml``, the guide, a new or deleted entry
file, an error in the data, leaflets switched on) takes the full rebuild, as does every save
while the last build had failed. A save that arrives while step 2 runs stops it; what it had
still to do is done after that save. See docs/architecture.md ("The live preview after a save").
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from build_tools import feeds
from build_tools.data.model import Directory, Entry
from build_tools.messages import _, ngettext
from build_tools.page_shell import PageShells
from build_tools.pages.build import entry_src, pages_listing
from build_tools.stages import DataProblemsError, Stages

log = get_plugin_logger(__name__)

#: The folder of entry files inside the data folder (see build_tools/data/build.py).
ENTRIES = "entries"


@dataclass
class LanguageBuild:
    """What one language's last full build left: enough to render one of its pages again
    exactly as that build did."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment
    shells: PageShells | None
    site_dir: Path
    #: Material's site search index as this build wrote it (``search/search_index.json``).
    search_index: Any = None


def passing_file(name: str) -> bool:
    """Files editors' tools write for a moment beside the one being saved (swap, backup and
    lock files): they are not sources, and a save that leaves one behind is still one save."""
    return name.startswith((".", "#", "~")) or name.endswith(("~", ".swp", ".swx", ".tmp"))


@dataclass(frozen=True)
class Snapshot:
    """Size and modification time of every file the site is built from."""

    files: dict[str, tuple[int, int]]

    @classmethod
    def take(cls, roots: Iterable[Path]) -> Snapshot:
        files: dict[str, tuple[int, int]] = {}
        for root in roots:
            for path in _files_below(root):
                try:
                    info = os.lstat(path)
                except OSError:
                    continue
                files[path] = (info.st_mtime_ns, info.st_size)
        return cls(files)

    def changes(self, now: Snapshot) -> tuple[set[str], set[str], set[str]]:
        """(added, removed, modified) paths between this snapshot and ``now``."""
        before, after = self.files, now.files
        added = after.keys() - before.keys()
        removed = before.keys() - after.keys()
        modified = {p for p in before.keys() & after.keys() if before[p] != after[p]}
        return set(added), set(removed), modified


def _files_below(root: Path) -> Iterator[str]:
    if root.is_file():
        yield str(root)
        return
    for top, folders, names in os.walk(root):
        folders[:] = [f for f in folders if not passing_file(f)]
        for name in names:
            if not passing_file(name):
                yield os.path.join(top, name)


@dataclass
class _Saved:
    """One save taken by the quick path: the data as it is now, and the entries it changed."""

    stages: Stages
    entries: list[Entry]
    #: The same entries as the last build had them (their lists may have been elsewhere).
    before: list[Entry]


@dataclass
class QuickUpdate:
    """Created by the plugin for ``mkdocs serve``.

    ``speak(lang, shells)`` is the plugin's context manager that makes its page events act for
    one language (as during that language's build); ``stages`` gets and ``set_stages`` replaces
    the data the plugin's events read.
    """

    roots: Sequence[Path]
    entries_dir: Path
    languages: Sequence[str]
    speak: Callable[[str, PageShells | None], AbstractContextManager[None]]
    stages: Callable[[], Stages]
    set_stages: Callable[[Stages], None]
    snapshot: Snapshot | None = None
    builds: dict[str, LanguageBuild] = field(default_factory=dict)
    #: Reloads the browsers again once the background step has written everything.
    reload_browsers: Callable[[], None] | None = None
    #: Directory pages (source paths) still to render after the saves so far.
    _pending_pages: set[str] = field(default_factory=set)
    #: When the first save whose background step has not finished began (file times).
    _pending_since_ns: int | None = None
    _thread: threading.Thread | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    # -- the full build's side

    def full_build_starting(self) -> None:
        """Called as a full build starts (before it reads anything): the sources as of now are
        what the next save is compared with, and the background step's work is the build's."""
        self.stop()
        self.snapshot = Snapshot.take(self.roots)
        self.builds.clear()
        self._pending_pages.clear()
        self._pending_since_ns = None

    def record(self, lang: str, build: LanguageBuild) -> None:
        self.builds[lang] = build

    def full_build_failed(self) -> None:
        """Nothing of a failed build can be reused: the next save rebuilds everything."""
        self.snapshot = None
        self.builds.clear()

    # -- a save

    def try_update(self) -> bool:
        """Update the site for the files saved since the last build, if the quick path can;
        False when the full rebuild must run instead (it then takes a new snapshot)."""
        self.stop()
        started = time.perf_counter()
        started_ns = time.time_ns()
        now = Snapshot.take(self.roots)
        saved = self._plan(now)
        if saved is None:
            return False
        self.snapshot = now
        self.set_stages(saved.stages)
        if not saved.entries:
            log.info(_("Preview: the saved files change nothing on the site."))
            self._follow_up_if_pending()  # what an earlier save's stopped step had left
            return True
        try:
            for lang in self.languages:
                self._render(lang, [entry_src(e.id) for e in saved.entries])
        except Exception:
            self.full_build_failed()
            raise
        self._pending_pages |= pages_listing(saved.stages.directory, saved.entries)
        self._pending_pages |= pages_listing(saved.stages.directory, saved.before)
        if self._pending_since_ns is None:
            self._pending_since_ns = started_ns
        count = len(saved.entries) * len(self.languages)
        log.info(
            ngettext(
                "Preview: {count} entry page written again in {seconds:.2f} s; the directory's "
                "lists, the finder's data and the feeds are being brought up to date.",
                "Preview: {count} entry pages written again in {seconds:.2f} s; the directory's "
                "lists, the finder's data and the feeds are being brought up to date.",
                count,
            ).format(count=count, seconds=time.perf_counter() - started)
        )
        self._follow_up_if_pending()
        return True

    def _follow_up_if_pending(self) -> None:
        if not self._pending_pages:
            return
        self._thread = threading.Thread(
            target=self._follow_up, name="helpdir-preview-follow-up", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop the background step (a new save, a full build, the server shutting down)."""
        thread = self._thread
        if thread is not None:
            self._stop.set()
            thread.join()
        self._thread = None
        self._stop.clear()

    def _plan(self, now: Snapshot) -> _Saved | None:
        if self.snapshot is None or set(self.builds) != set(self.languages):
            return None
        added, removed, modified = self.snapshot.changes(now)
        if added or removed or not modified:
            return None
        if not all(self._is_entry_file(path) for path in modified):
            return None
        old = self.stages()
        if old.options.leaflets:
            return None  # the printed leaflets would lag behind: they take the full build
        try:
            stages = old.reloaded()
        except DataProblemsError:
            return None  # the full build shows the problems, in the terminal and the browser
        if not _same_frame(old.directory, stages.directory):
            return None
        pairs = [
            (was, new)
            for was, new in zip(old.directory.entries, stages.directory.entries, strict=True)
            if was != new
        ]
        if any(was.former_ids != new.former_ids for was, new in pairs):
            return None
        return _Saved(stages, [new for _, new in pairs], [was for was, _ in pairs])

    def _is_entry_file(self, path: str) -> bool:
        return path.endswith(".yml") and Path(path).is_relative_to(self.entries_dir)

    def _render(self, lang: str, src_uris: Iterable[str]) -> list[Path]:
        """Render pages of ``lang`` again as its last build did; the files written."""
        build = self.builds[lang]
        written = []
        urls = []
        with self.speak(lang, build.shells), _SearchEntries(build) as search:
            doc_files = build.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            for src_uri in src_uris:
                if self._stop.is_set():
                    break
                file = build.files.get_file_from_path(src_uri)
                if file is None or file.page is None:
                    continue  # a coverage page without population figures, for one
                _populate_page(file.page, build.config, build.files)
                _build_page(file.page, build.config, doc_files, build.nav, build.env)
                written.append(Path(file.abs_dest_path))
                urls.append(file.page.url)
        if search.update(urls):
            written.append(search.path)
        return written

    # -- the background step

    def _follow_up(self) -> None:
        started = time.perf_counter()
        try:
            written = self._write_the_rest()
        except Exception as error:  # the next save rebuilds everything, and shows why
            self.full_build_failed()
            log.warning(
                _("Preview: the directory's lists could not be written ({error}).").format(
                    error=error
                )
            )
            return
        if written is None:
            return  # stopped by a new save, which takes over what was left
        log.info(
            _(
                "Preview: the directory's lists, the finder's data and the feeds are up to date "
                "({seconds:.2f} s)."
            ).format(seconds=time.perf_counter() - started)
        )
        if self.reload_browsers is not None:
            self.reload_browsers()

    def _write_the_rest(self) -> list[Path] | None:
        stages = self.stages()
        # File times come from a coarser clock than time_ns(): they may lag it a little.
        since_ns = (self._pending_since_ns or time.time_ns()) - 100_000_000
        written: list[Path] = []
        listed = sorted(self._pending_pages)
        for lang in self.languages:
            written += self._render(lang, listed)
            if self._stop.is_set():
                return None
        for lang in self.languages:
            site_dir = self.builds[lang].site_dir
            stages.after_language(lang, site_dir)
            if self._stop.is_set():
                return None
        site_dir = self.builds[self.languages[0]].site_dir
        if not feeds.write_feeds(
            stages.directory,
            site_dir / "data",
            site_url=stages.site_url,
            should_stop=self._stop.is_set,
        ):
            return None
        stages.scan(site_dir, _written_since(site_dir, since_ns))
        self._pending_pages.clear()
        self._pending_since_ns = None
        return written


class _SearchEntries:
    """Material's site search index kept in step with pages rendered again.

    Material's search plugin adds a page's sections to its index as the page is rendered, and
    writes the index when the build ends. While pages are rendered again it collects their
    sections in a fresh index (with the language's own search settings); those sections then
    take the place of the page's earlier ones, where they were, and the index is written again:
    what the full build would write. Only the directory home is in the search index of all the
    directory's pages (the others are kept out of it); its text changes with the counts.
    """

    def __init__(self, build: LanguageBuild) -> None:
        self.build = build
        self.plugin = build.config.plugins.get("material/search")
        self.path = build.site_dir / "search" / "search_index.json"
        self.fresh: Any = None
        self._saved: Any = None

    def __enter__(self) -> _SearchEntries:
        kept = self.build.search_index
        if self.plugin is not None and kept is not None:
            self._saved = self.plugin.search_index
            self.fresh = type(kept)(**kept.config)
            self.plugin.search_index = self.fresh
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fresh is not None:
            self.plugin.search_index = self._saved

    def update(self, urls: Sequence[str]) -> bool:
        """Put the pages' new sections in place of their old ones; True if the index changed."""
        kept = self.build.search_index
        if self.fresh is None or not urls:
            return False

        def page_of(entry: dict[str, Any]) -> str | None:
            location = str(entry.get("location", ""))
            for url in urls:
                if location == url or location.startswith(url + "#"):
                    return url
            return None

        new: dict[str, list[dict[str, Any]]] = {}
        for entry in self.fresh.entries:
            new.setdefault(page_of(entry) or "", []).append(entry)
        merged: list[dict[str, Any]] = []
        placed: set[str] = set()
        for entry in kept.entries:
            url = page_of(entry)
            if url is None:
                merged.append(entry)
            elif url not in placed:
                placed.add(url)
                merged.extend(new.get(url, []))
        for url in urls:
            if url not in placed:
                merged.extend(new.get(url, []))
        if merged == kept.entries:
            return False
        kept.entries = merged
        self.path.write_text(kept.generate_search_index(None), encoding="utf-8")
        return True


def _same_frame(old: Directory, new: Directory) -> bool:
    """Everything but the entries' own details is as the last build had it."""
    return (
        old.regions == new.regions
        and old.services == new.services
        and old.organisation == new.organisation
        and dict(old.reports) == dict(new.reports)
        and old.notices == new.notices
        and old.population == new.population
        and [e.id for e in old.entries] == [e.id for e in new.entries]
    )


def _written_since(site_dir: Path, since_ns: int) -> list[Path]:
    """Every file of ``site_dir`` written since ``since_ns`` (the pages written again, the
    finder's data, the feeds): the full build scanned the rest."""
    fresh = []
    for top, _folders, names in os.walk(site_dir):
        for name in names:
            path = Path(top, name)
            try:
                if path.stat().st_mtime_ns >= since_ns:
                    fresh.append(path)
            except OSError:
                continue
    return sorted(fresh)
