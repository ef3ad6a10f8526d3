"""The MkDocs face of the pipeline: it only wires the stages to MkDocs events.

Languages: every language is its own MkDocs build (Russian at the site root, the others under
``/<lang>/``), so each gets Material's own UI strings, its own search index and plain
``File.generated`` pages. The first build (the one ``mkdocs build`` starts) loads and validates
the directory once, then runs the other languages' builds into its ``site_dir`` when its own
pages are written. See docs/architecture.md.

A ``mkdocs build`` holds a lock on the published folder, writes into a staging folder of its own
beside ``site/`` and swaps it in only when every language built without an error or a
strict-mode warning and every page is there, so neither a failed build nor two builds at once
leave a half-written site (see :mod:`build_tools.site_folder`).

MkDocs hands every ``load_config`` in a process the same plugin instance, so the other
languages' builds run on this very object: what belongs to the whole build (the lock, the
staging folder) is kept apart from the per-language fields, which are restored after each.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateNotFound
from markupsafe import Markup, escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from build_tools import build_cache, components, i18n, page_shell
from build_tools.config import HelpDirectoryConfig
from build_tools.data.errors import count_text, format_problems
from build_tools.language_builds import LanguageBuilds
from build_tools.languages import CONFIG_FILE, LANGUAGES
from build_tools.messages import _, ngettext
from build_tools.pages.generated import GENERATED_ROOT, GeneratedPage
from build_tools.preview import Preview, watch_natively
from build_tools.preview_update import LanguageBuild, QuickUpdate
from build_tools.site_folder import SiteFolder, SiteWriteError, write_error
from build_tools.site_links import resolve_site_links
from build_tools.stages import DataProblemsError, Stages

log = get_plugin_logger(__name__)

#: The part of the build that writes the open-data feeds (``data/``), queued with the
#: further languages so a child process may write them while the languages are built.
FEEDS_PART = "data/"

PLUGIN_NAME = "helpdir"


class _SwitcherOn(list):
    """An empty but truthy ``extra.alternate``.

    Material shows its language button only when ``extra.alternate`` is truthy, and writes
    one ``<link rel=alternate>`` per item; ours are per page (the same page in the other
    language), so the items come from our own partial and this list stays empty.
    """

    def __bool__(self) -> bool:
        return True


@dataclass
class BuildState:
    """What the first build works out once and hands to the other languages' builds."""

    languages: list[str]
    names: dict[str, str]
    stages: Stages
    #: Source paths of the pages that exist in each language (Markdown and generated).
    page_sets: dict[str, set[str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


class HelpDirectoryPlugin(BasePlugin[HelpDirectoryConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        #: Set by the first build on the plugins of the other languages' builds, for the length
        #: of that build only (see :meth:`_build_language`).
        self.language: str | None = None
        self.lang = ""
        self.state: BuildState | None = None
        self.command = "build"
        self.generated: dict[str, GeneratedPage] = {}
        #: The published folder of a ``mkdocs build`` under way (lock and staging folder).
        self.site_folder: SiteFolder | None = None
        #: The folder a visitor's site is published in (for messages).
        self.published: Path | None = None
        #: The live preview (``mkdocs serve``), once the server is running.
        self.preview: Preview | None = None
        self.content_root: Path | None = None
        #: Entry pages filled into one rendering of Material's page (see page_shell.py).
        self.shells: page_shell.PageShells | None = None
        #: The live preview's quick path after a saved entry file (``mkdocs serve`` only).
        self.quick: QuickUpdate | None = None
        #: This language's navigation, files and environment, for :attr:`quick`.
        self._nav: Navigation | None = None
        self._files: Files | None = None
        self._env: Any = None
        #: The further languages and the feeds, built by child processes during a ``mkdocs
        #: build`` and by this build after its own language (see language_builds.py).
        self.language_builds = LanguageBuilds()

    # ------------------------------------------------------------------ setup

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @property
    def is_primary(self) -> bool:
        return self.language is None

    # Before Material's search plugin, which takes its language from theme.language.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        languages = list(self.config.languages) or [i18n.DEFAULT_LANGUAGE]
        if tuple(languages) != LANGUAGES:
            raise PluginError(
                _(
                    "{config}: the helpdir plugin lists the languages {listed}, but the build "
                    "reads {read} from {file}: build with that file, or declare the languages "
                    "there."
                ).format(
                    config=config.config_file_path,
                    listed=", ".join(languages),
                    read=", ".join(LANGUAGES),
                    file=CONFIG_FILE,
                )
            )
        content_root = Path(config.docs_dir)
        if self.is_primary:
            self.content_root = content_root
            if self.command == "serve":
                self._quick_path(config, content_root).full_build_starting()
            try:
                self.state = self._prepare(config, languages, content_root)
            except DataProblemsError as error:
                if self.command != "serve":
                    raise
                raise self._preview_stopped(error) from error
        assert self.state is not None
        lang = self.language or languages[0]
        self.lang = lang
        docs_dir = content_root / lang
        if not docs_dir.is_dir():
            raise PluginError(
                _("{docs_dir}: the pages for language '{lang}' are missing.").format(
                    docs_dir=docs_dir, lang=lang
                )
            )
        config.docs_dir = str(docs_dir)
        if config.nav and lang != languages[0]:  # the default language's nav lists its pages
            config.nav = _nav_in(config.nav, docs_dir)
        config.theme["language"] = lang
        options = self.config.languages.get(lang)
        if options and options.site_name:
            config.site_name = options.site_name
        if config.site_url:
            base = config.site_url.rstrip("/") + "/"
            config.site_url = base + i18n.url_prefix(lang, languages[0])
        config.extra["alternate"] = _SwitcherOn()
        self._search_language(config, lang)
        if self.is_primary and self.command == "build":
            self._close_site_folder()  # an earlier build in this process that did not finish
            self.site_folder = SiteFolder(Path(config.site_dir))
            self.published = self.site_folder.final
            try:
                config.site_dir = str(self.site_folder.open(on_wait=log.info))
            except SiteWriteError as exc:
                raise PluginError(str(exc)) from None
        return config

    def _start_language_builds(self, config: MkDocsConfig) -> None:
        """Queue the further languages and the feeds; during ``mkdocs build`` child processes
        take them while this build builds its own language (not in the preview, whose server
        has threads). See language_builds.py."""
        assert self.state is not None
        parts = [*self.state.languages[1:], FEEDS_PART]
        self.language_builds.start(
            parts, lambda part: self._build_part(config, part), fork=self.site_folder is not None
        )
        if self.language_builds.children:
            count = self.language_builds.children + 1
            log.info(
                ngettext(
                    "The languages are built by {count} process at the same time.",
                    "The languages are built by {count} processes at the same time.",
                    count,
                ).format(count=count)
            )

    def _build_part(self, config: MkDocsConfig, part: str) -> None:
        assert self.state is not None
        if part == FEEDS_PART:
            self.state.stages.write_feeds(Path(config.site_dir))
        else:
            self._build_language(config, part)
            self.state.stages.scan_language(part, Path(config.site_dir))

    def _preview_stopped(self, error: DataProblemsError) -> PluginError:
        """In the live preview the problems are printed exactly as ``validate`` prints them
        (MkDocs' log would wrap and indent them); MkDocs then adds one line of its own."""
        print(format_problems(error.problems), file=sys.stderr, flush=True)
        if self.preview is None:
            return PluginError(
                _(
                    "The preview cannot start: {count_text} above. Fix them and run `make "
                    "serve` again."
                ).format(count_text=count_text(error.problems))
            )
        return PluginError(
            _("The preview stopped: {count_text} above.").format(
                count_text=count_text(error.problems)
            )
        )

    @staticmethod
    def _search_language(config: MkDocsConfig, lang: str) -> None:
        """Material's page search maps Belarusian to the Russian stemmer; where the theme
        overrides ship a lunr plugin for the language (lunr.be.min.js), search uses it."""
        search = config.plugins.get("material/search")
        custom = config.theme.custom_dir
        if search is None or not custom:
            return
        if (Path(custom) / "assets/javascripts/lunr/min" / f"lunr.{lang}.min.js").is_file():
            search.config.lang = [lang]

    def _prepare(
        self, config: MkDocsConfig, languages: list[str], content_root: Path
    ) -> BuildState:
        """Load and check everything once; a problem stops the build before anything is written."""
        root = Path(config.config_file_path or ".").resolve().parent
        stages = Stages.load(
            root=root,
            data_dir=root / self.config.data_dir,
            content_dir=content_root,
            options=self.config,
            site_url=config.site_url or "",
            languages=languages,
        )
        state = BuildState(
            languages=languages,
            names={lang: opts.name for lang, opts in self.config.languages.items()},
            stages=stages,
        )
        generated = {p.src_uri for p in stages.pages(languages[0])}
        for lang in languages:
            folder = content_root / lang
            state.page_sets[lang] = {
                p.relative_to(folder).as_posix() for p in folder.rglob("*.md")
            } | generated
        return state

    # ------------------------------------------------------------------ live preview

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Every language is rebuilt after a save anywhere the site comes from, and a failed
        build shows what is wrong in the browser (see :mod:`build_tools.preview`)."""
        from build_tools.finder.guide import GUIDE_FILE

        self.preview = Preview(server, builder, quick=self.quick)
        if self.quick is not None:
            self.quick.reload_browsers = self.preview.reload_browsers
        root = Path(config.config_file_path or ".").resolve().parent
        watched = [root / self.config.data_dir, GUIDE_FILE]
        if self.content_root is not None:
            watched.append(self.content_root)
        if config.theme.custom_dir:
            watched.append(Path(config.theme.custom_dir))
        for path in watched:
            if path.exists():
                server.watch(str(path))
        watch_natively(server)
        return server

    def _quick_path(self, config: MkDocsConfig, content_root: Path) -> QuickUpdate:
        """The preview's quick path, watching every file the site is built from."""
        from build_tools.finder.guide import GUIDE_FILE

        if self.quick is None:
            root = Path(config.config_file_path or ".").resolve().parent
            data_dir = root / self.config.data_dir
            roots = [data_dir, content_root, GUIDE_FILE, *(root / p for p in config.watch)]
            if config.config_file_path:
                roots.append(Path(config.config_file_path).resolve())
            if config.theme.custom_dir:
                roots.append(Path(config.theme.custom_dir))
            self.quick = QuickUpdate(
                roots=sorted(set(roots)),
                entries_dir=data_dir / "entries",
                languages=list(self.config.languages) or [i18n.DEFAULT_LANGUAGE],
                speak=self._speaking,
                stages=self._current_stages,
                set_stages=self._replace_stages,
            )
        return self.quick

    @contextmanager
    def _speaking(self, lang: str, shells: page_shell.PageShells | None) -> Iterator[None]:
        """The page events act for ``lang`` (as while its build ran) until the block ends."""
        assert self.state is not None
        saved = (self.lang, self.generated, self.shells)
        self.lang, self.shells = lang, shells
        self.generated = {page.src_uri: page for page in self.state.stages.pages(lang)}
        try:
            yield
        finally:
            self.lang, self.generated, self.shells = saved

    def _current_stages(self) -> Stages:
        assert self.state is not None
        return self.state.stages

    def _replace_stages(self, stages: Stages) -> None:
        assert self.state is not None
        self.state.stages = stages

    # ------------------------------------------------------------------ pages

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.state is not None
        if self.is_primary:  # after MkDocs emptied the staging folder, which the children fill
            self._start_language_builds(config)
        self.generated = {}
        for page in self.state.stages.pages(self.lang):
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(
                    _(
                        "content/{lang}/{src_uri}: this path belongs to a generated directory "
                        "page; rename or move the Markdown file."
                    ).format(lang=self.lang, src_uri=page.src_uri)
                )
            self.generated[page.src_uri] = page
            # Not in the navigation on purpose (it would grow quadratically with the directory).
            files.append(
                File.generated(
                    config, page.src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
        files.append(File.generated(config, "components/site.css", content=components.site_css()))
        # Our scripts are commented for the team; a phone on a slow connection gets them bare.
        for own in [f for f in files if components.is_own_script(f.src_uri) and f.abs_src_path]:
            source = Path(own.abs_src_path).read_text(encoding="utf-8")
            files.remove(own)
            files.append(
                File.generated(config, own.src_uri, content=components.compact_script(source))
            )
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        assert self.state is not None
        self._env, self._files = env, files
        env.bytecode_cache = build_cache.template_cache(self.state.stages.root)
        self.shells = None
        if page_shell.enabled():
            self.shells = page_shell.PageShells(
                env, config, self._context, self.state.page_sets, log.info
            )
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        made = self.generated.get(page.file.src_uri)
        if made is not None:
            page.meta.update(made.meta)
            if page_shell.enabled():
                page_shell.skip_markdown(page)
                if page_shell.entry_id(made.src_uri):
                    page.meta["template"] = page_shell.SHELL_TEMPLATE
            # Escaped by the pages stage already; Markup keeps a template's `| e` from
            # escaping it twice.
            page.meta["title"] = Markup(made.title)
            if made.description:
                page.meta["description"] = Markup(made.description)
            return ""
        assert self.state is not None
        # Facts are filled in as plain text first; then what reaches <head> is escaped once.
        markdown = self.state.stages.page_markdown(self.lang, markdown, page.meta)
        _escape_head_fields(page.meta)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        made = self.generated.get(page.file.src_uri)
        if made is not None:
            return made.render()
        assert self.state is not None
        here = i18n.url_prefix(self.lang, self.state.languages[0]) + page.url
        html = resolve_site_links(html, here)
        return self.state.stages.page_content(self.lang, page.file.src_uri, html)

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        context["helpdir"] = self._context(page.file.src_uri, page.url)
        return context

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        """Theme-only pages (404.html) get the same context; their switcher leads home."""
        context["helpdir"] = self._context("index.md", "")
        return context

    def _context(self, src_uri: str, url: str) -> dict[str, Any]:
        assert self.state is not None
        return {
            "lang": self.lang,
            "alternates": self._alternates(src_uri, url),
            "ui": self.state.stages.ui_strings(self.lang),
            "org": self.state.stages.template_facts(self.lang),
            "generated": src_uri in self.generated,
            "options": self.config,
            "notices": self.state.stages.notices(self.lang, src_uri),
            "first_view": self.state.stages.first_view(),
        }

    def _alternates(self, src_uri: str, url: str) -> list[dict[str, Any]]:
        """The same page in every language, relative to this page; a missing one leads to
        that language's home with a notice (``#untranslated`` shows it, no script needed)."""
        assert self.state is not None
        languages = self.state.languages
        here = i18n.url_prefix(self.lang, languages[0]) + url
        depth = here.count("/")
        up = "../" * depth
        out = []
        for lang in languages:
            prefix = i18n.url_prefix(lang, languages[0])
            exists = src_uri in self.state.page_sets.get(lang, set())
            target = prefix + (i18n.page_url(src_uri) if exists else "")
            href = (up + target) or "./"
            if not exists:
                href += "#untranslated"
            out.append(
                {
                    "lang": lang,
                    "name": self.state.names.get(lang, lang),
                    "href": href,
                    "current": lang == self.lang,
                    "exists": exists,
                }
            )
        return out

    # ------------------------------------------------------------------ after

    # Last: other plugins (Material's search index, the sitemap) write into the staging folder
    # in their own post_build, and everything must be there before it is swapped in.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.state is not None
        site_dir = Path(config.site_dir)
        if self.shells is not None:
            log.info(f"{self.lang}: {self.shells.summary()}")
        if self.quick is not None and self._files is not None and self._nav is not None:
            search = config.plugins.get("material/search")
            self.quick.record(
                self.lang,
                LanguageBuild(
                    config,
                    self._files,
                    self._nav,
                    self._env,
                    self.shells,
                    site_dir,
                    search_index=getattr(search, "search_index", None),
                ),
            )
        try:
            self.state.stages.after_language(self.lang, site_dir)
            if not self.is_primary:
                return
            for part in self.language_builds.remaining():  # those no child process took
                self._build_part(config, part)
            self.language_builds.wait()
            self.state.stages.after_all(site_dir)
            if self.site_folder is not None and not _strict_warnings():
                self._check_complete(self.site_folder)
                self.site_folder.swap_in()
        except OSError as exc:
            raise PluginError(str(write_error(exc, self._published(config)))) from None
        except SiteWriteError as exc:
            raise PluginError(str(exc)) from None
        log.info(self.state.stages.summary())

    def _published(self, config: MkDocsConfig) -> Path:
        return self.published or Path(config.site_dir)

    def _build_language(self, config: MkDocsConfig, lang: str) -> None:
        sub = load_config(
            config_file=config.config_file_path,
            site_dir=os.path.join(config.site_dir, lang),
            strict=config.strict,
        )
        plugin = sub.plugins[PLUGIN_NAME]
        assert isinstance(plugin, HelpDirectoryPlugin)
        # Usually ``plugin is self``: the per-language fields are put back afterwards, so
        # this build is the primary one again (and owns the cleanup) when the call returns.
        saved = (plugin.language, plugin.state, plugin.command, plugin.site_folder)
        own = (self.lang, self.generated)
        plugin.language, plugin.state, plugin.command = lang, self.state, self.command
        plugin.site_folder = None
        try:
            mkdocs_build(sub)
        finally:
            plugin.language, plugin.state, plugin.command, plugin.site_folder = saved
            self.lang, self.generated = own

    def _check_complete(self, folder: SiteFolder) -> None:
        """Every page of every language, and each language's search index, must be in the
        staging folder before it replaces the published one."""
        assert self.state is not None
        default = self.state.languages[0]
        expected = []
        for lang in self.state.languages:
            prefix = i18n.url_prefix(lang, default)
            expected.append(f"{prefix}search/search_index.json")
            for src_uri in sorted(self.state.page_sets.get(lang, ())):
                expected.append(f"{prefix}{i18n.page_url(src_uri)}index.html")
        missing = folder.missing(expected)
        if missing:
            raise SiteWriteError(
                _(
                    "The build did not write {missing} of its {expected} files (the first: "
                    "{first}), "
                    "so {final} was not replaced. Build again; if it happens again, report "
                    "it with the build's output."
                ).format(
                    missing=len(missing),
                    expected=len(expected),
                    first=missing[0],
                    final=folder.final,
                )
            )

    def on_build_error(self, *, error: Exception) -> None:
        """Clean up on every way a build can fail; an operating-system error (a full disk, a
        folder that cannot be written) becomes a message instead of a traceback."""
        self._close_site_folder()
        if self.quick is not None:
            self.quick.full_build_failed()
        if isinstance(error, TemplateNotFound):  # Jinja's is an OSError too, but not the disk's
            raise PluginError(
                _(
                    "There is no template {name}: a page's front matter names it in `template:` "
                    "(the page is named above), or another template includes it. Write the name "
                    "of a template in overrides/, or remove the line, then build again."
                ).format(name=error.name)
            ) from None
        if isinstance(error, OSError):
            raise PluginError(str(write_error(error, self.published or Path("site")))) from None

    def on_shutdown(self) -> None:
        if self.quick is not None:
            self.quick.stop()
        self._close_site_folder()

    def _close_site_folder(self) -> None:
        """Stop the languages' child processes, remove the staging folder (unless it was
        swapped in) and release the lock."""
        self.language_builds.stop()
        if self.site_folder is not None:
            self.site_folder.close()
            self.site_folder = None


#: Front matter that Material writes into ``<head>`` and the header without escaping.
HEAD_FIELDS = ("title", "description", "author")


def _escape_head_fields(meta: dict[str, Any]) -> None:
    """Escape an editor's front matter once, where MkDocs hands it over: Material's templates
    write ``page.meta.title`` and ``page.meta.description`` as they are, so a description
    holding ``"><meta http-equiv="refresh" …>`` would send every visitor to another site.
    ``Markup`` marks the result as escaped, so templates that escape (``| e``) leave it."""
    for name in HEAD_FIELDS:
        if name in meta and meta[name] is not None:
            meta[name] = escape(str(meta[name]))


def _strict_warnings() -> bool:
    """True when strict mode has counted a warning (MkDocs aborts right after post_build)."""
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, CountHandler) and handler.get_counts():
            return True
    return False


def _nav_in(nav: Any, docs_dir: Path) -> Any:
    """``nav`` without the pages a language does not have yet (a language being translated):
    the switcher leads from those pages to the language's home with a notice instead. The
    directory's pages are generated in every language, so they always stay."""
    if isinstance(nav, str):
        generated = nav.startswith(GENERATED_ROOT)
        return nav if generated or "://" in nav or (docs_dir / nav).is_file() else None
    if isinstance(nav, dict):
        kept = {title: _nav_in(item, docs_dir) for title, item in nav.items()}
        kept = {title: item for title, item in kept.items() if item not in (None, [])}
        return kept or None
    if isinstance(nav, list):
        return [item for item in (_nav_in(i, docs_dir) for i in nav) if item not in (None, [])]
    return nav
