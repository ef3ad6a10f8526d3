"""The pipeline in one place: load and check once, then hand the model to each output.

Both faces (the MkDocs plugin and the command line) go through :class:`Stages`, so a build
and ``python -m build_tools validate`` judge the data with the same code. Outputs receive
the model and plain values only; they never call each other: when one output's result feeds
another (the finder's slot on the directory home, the leaflet catalogue on the publications
page), it passes through here.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from build_tools import (
    build_cache,
    facts_markup,
    feeds,
    finder,
    i18n,
    leaflets,
    pages,
    report,
    safety,
)
from build_tools import first_view as first_view_stage
from build_tools.components import COMPONENTS_DIR, ui_strings
from build_tools.data.availability import now_minsk
from build_tools.data.build import validate_directory
from build_tools.data.errors import Problem, format_problems
from build_tools.data.frontmatter import check_front_matter
from build_tools.data.model import Directory
from build_tools.data.organisation import FILE_NAME as ORGANISATION_FILE
from build_tools.data.organisation import Fact, Organisation, load_organisation
from build_tools.messages import _
from build_tools.pages.generated import GeneratedPage
from build_tools.status_text import DEFAULT_MAX_AGE_HOURS, page_notices


def content_links(content_dir: Path) -> list[Problem]:
    """Symbolic links among the pages (``content/ru/env.md -> /proc/self/environ``): MkDocs
    would publish what they point to, so each one is an error, and nothing is read through it."""
    return [
        Problem(
            str(link),
            1,
            1,
            "",
            _("not read: it is a symbolic link (only files inside {content_dir} are read)").format(
                content_dir=content_dir
            ),
            _(safety.inside.LINK_FIX),
        )
        for link in safety.inside.links_below(content_dir)
    ]


class DataProblemsError(PluginError):
    """The data or the pages' front matter have errors; ``problems`` holds them, as ``validate``
    reports them, so the live preview can show them in the terminal and the browser."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            _("The build stopped before writing anything: fix these and build again.\n")
            + format_problems(problems)
        )


@dataclass
class Stages:
    directory: Directory
    languages: list[str]
    site_url: str
    options: Any
    root: Path
    content_dir: Path
    organisation: Organisation
    warnings: list[Problem] = field(default_factory=list)
    leaflet_dir: Path | None = None
    leaflet_list: Sequence[Any] = ()
    #: The folder the directory was read from.
    data_dir: Path | None = None
    #: The build's moment (Minsk time): free places and notices are judged as of then in the
    #: pages' built-in state; the pages' scripts judge them again on the visitor's device.
    built_at: _dt.datetime = field(default_factory=now_minsk)
    _pages: dict[str, list[GeneratedPage]] = field(default_factory=dict)
    _facts: dict[str, dict[str, Fact]] = field(default_factory=dict)
    _ui: dict[str, dict[str, Any]] = field(default_factory=dict)
    _first_view: first_view_stage.FirstView | None = None

    @classmethod
    def load(
        cls,
        *,
        root: Path,
        data_dir: Path,
        content_dir: Path,
        options: Any,
        site_url: str,
        languages: list[str],
    ) -> Stages:
        """Validate the directory and the Markdown front matter; any error stops here."""
        result = validate_directory(data_dir, publish=publishing(options))
        refused = content_links(content_dir)
        # Pages are read only when nothing links outside: a link is not opened even to check it.
        problems = list(result.problems) + (refused or list(check_front_matter(content_dir)))
        organisation = result.directory.organisation if result.directory else None
        if not (data_dir / ORGANISATION_FILE).exists():
            problems += load_organisation(data_dir)[1]  # says it is missing, and why it matters
        if organisation is not None and not refused:
            problems += _check_placeholders(organisation, content_dir, languages, data_dir)
        errors = [p for p in problems if p.severity == "error"]
        if errors or result.directory is None or organisation is None:
            raise DataProblemsError(errors)
        stages = cls(
            directory=result.directory,
            languages=languages,
            site_url=site_url,
            options=options,
            root=root,
            content_dir=content_dir,
            organisation=organisation,
            warnings=[p for p in problems if p.severity != "error"],
            data_dir=data_dir,
        )
        if options.leaflets:
            stages.leaflet_dir = Path(tempfile.mkdtemp(prefix="helpdir-leaflets-"))
            stages.leaflet_list = leaflets.build_leaflets(
                stages.directory,
                stages.leaflet_dir,
                site_url=site_url,
                languages=languages,
                cache_dir=build_cache.cache_dir(root) / "leaflets",
            )
        return stages

    def reloaded(self) -> Stages:
        """The same pipeline over the directory as it is now on disk (the live preview's quick
        path after a saved entry file): the data is validated again, as a build validates it,
        and any error raises :class:`DataProblemsError`. The pages' front matter and content
        are not read again: the caller has checked that only entry files changed."""
        assert self.data_dir is not None
        result = validate_directory(self.data_dir, publish=publishing(self.options))
        errors = result.errors
        if errors or result.directory is None:
            raise DataProblemsError(errors)
        # The organisation's facts, the interface strings and the first view do not depend on
        # the entries (the caller has checked the rest is unchanged): only the pages are new.
        return dataclasses.replace(
            self,
            directory=result.directory,
            warnings=result.warnings,
            built_at=now_minsk(),
            _pages={},
        )

    # -- per language, while MkDocs builds it

    def pages(self, lang: str) -> list[GeneratedPage]:
        if lang not in self._pages:
            slots = {
                "finder": finder.slot_html(self.directory, lang, facts=self.facts(lang)),
            }
            self._pages[lang] = pages.directory_pages(
                self.directory,
                lang,
                slots=slots,
                site_url=self.site_url,
                now=self.built_at,
                max_age_hours=self.max_age_hours,
            )
        return self._pages[lang]

    def facts(self, lang: str) -> dict[str, Fact]:
        """The organisation's facts in ``lang`` (the values of ``{{ org.… }}``), worked out
        once per language: every page's template context reads them."""
        if lang not in self._facts:
            self._facts[lang] = self.organisation.facts(lang)
        return self._facts[lang]

    def page_markdown(self, lang: str, markdown: str, meta: dict[str, Any]) -> str:
        """An editor's page with the organisation's facts filled in (front matter too)."""
        facts = self.facts(lang)
        for key, value in meta.items():
            if isinstance(value, str):
                meta[key] = facts_markup.fill_text(value, facts)
        return facts_markup.fill_markdown(markdown, facts)

    def template_facts(self, lang: str) -> dict[str, str]:
        """The facts for theme templates, as plain text (templates escape them)."""
        return {key: fact.text for key, fact in self.facts(lang).items()}

    def page_content(self, lang: str, src_uri: str, html: str) -> str:
        """Editors' Markdown pages: the raw-HTML policy, then generated additions."""
        html = safety.sanitise_html(html)
        if src_uri == "publications.md":
            html += leaflets.catalogue_html(self.leaflet_list, lang)
        return html

    def ui_strings(self, lang: str) -> dict[str, Any]:
        """The components' strings with the facts filled in, once per language."""
        if lang not in self._ui:
            facts = self.facts(lang)
            self._ui[lang] = {
                component: {key: facts_markup.fill_text(text, facts) for key, text in table.items()}
                for component, table in ui_strings(lang).items()
            }
        return self._ui[lang]

    @property
    def max_age_hours(self) -> int:
        return int(getattr(self.options, "status_max_age_hours", DEFAULT_MAX_AGE_HOURS))

    def notices(self, lang: str, src_uri: str) -> list[dict[str, Any]]:
        """The notices a page carries (site-wide ones; an entry page's own too), for the
        notices component in ``overrides/main.html``."""
        entry_id = None
        parts = src_uri.split("/")
        if len(parts) == 3 and parts[0] == "directory" and parts[2] == "index.md":
            entry_id = parts[1]
        return page_notices(self.directory, lang, entry_id, self.built_at)

    def first_view(self) -> first_view_stage.FirstView:
        """What every page carries inline in its ``<head>`` (the same in every language), and
        the policy that allows it; worked out once per build (the purge kept in the build
        cache)."""
        if self._first_view is None:
            records = build_cache.JsonRecords(build_cache.cache_dir(self.root) / "first-view.json")
            self._first_view = first_view_stage.first_view(
                self.content_dir, tuple(self.languages), records
            )
            records.save()
        return self._first_view

    def after_language(self, lang: str, site_dir: Path) -> None:
        """Files a language needs beside its pages (redirect pages, finder data). The redirect
        pages come first: the offline copy's list (finder/offline.json) takes them in with the
        directory's pages, so a renamed entry's old address works offline too."""
        for rel_path, html in pages.redirect_pages(self.directory, lang).items():
            target = site_dir / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        finder.write_assets(self.directory, lang, site_dir)

    def write_feeds(self, site_dir: Path) -> None:
        """The open-data feeds (the same for every language; built beside the languages)."""
        feeds.write_feeds(self.directory, site_dir / "data", site_url=self.site_url)

    def after_all(self, site_dir: Path) -> None:
        """The leaflets, then the safety scan of everything written (the feeds included)."""
        if self.leaflet_dir is not None:
            shutil.copytree(self.leaflet_dir, site_dir / "leaflets", dirs_exist_ok=True)
            shutil.rmtree(self.leaflet_dir, ignore_errors=True)
            self.leaflet_dir = None
        view = self.first_view()
        safety.write_headers(site_dir, [view.style_hash], [view.script_hash])
        apart = {i18n.url_prefix(lang, self.languages[0]).strip("/") for lang in self.languages}
        self.scan(site_dir, _files_below(site_dir, skip=apart - {""}))

    def scan_language(self, lang: str, site_dir: Path) -> None:
        """The safety scan of a further language's folder, by the process that built it (the
        build's other processes scan theirs meanwhile); ``site_dir`` is the site's root."""
        folder = site_dir / i18n.url_prefix(lang, self.languages[0]).strip("/")
        self.scan(site_dir, _files_below(folder), records=f"origin-scan-{lang}")

    def scan(self, site_dir: Path, paths: Iterable[Path], *, records: str = "origin-scan") -> None:
        """The safety scan of ``paths`` in ``site_dir``: anything that would load from another
        origin, or that the CSP would block, stops the build, each finding with its file and
        line. Findings are kept per file content in the build cache (``records``: one file per
        process that scans, so processes scanning at once do not overwrite each other's)."""
        kept = build_cache.JsonRecords(build_cache.cache_dir(self.root) / f"{records}.json")
        found = safety.scan_files(site_dir, paths, cache=kept)
        kept.save()
        if found:
            raise PluginError(
                _(
                    "The built site would load something from another origin or break under "
                    "the CSP:\n  "
                )
                + "\n  ".join(found)
            )

    def summary(self) -> str:
        text = report.short_report(self.directory, stale_months=self.options.stale_months)
        if self.leaflet_list:
            from build_tools.leaflets.notices import notice_warnings

            listed = [i for info in self.leaflet_list for i in info.listed]
            lines = notice_warnings(self.directory, listed, now=self.built_at)
            if lines:
                text += "\nLeaflets: " + "\n".join(lines)
        return text


def publishing(options: Any) -> bool:
    """Whether the build publishes: then a sample entry is an error (unless samples are
    allowed, for a demonstration site)."""
    return bool(options.publish and not options.allow_samples)


def _files_below(folder: Path, *, skip: set[str] | frozenset[str] = frozenset()) -> list[Path]:
    """Every path below ``folder`` in path order, leaving out the top-level folders ``skip``."""
    found = []
    for top, folders, names in os.walk(folder):
        if Path(top) == folder:
            folders[:] = [name for name in folders if name not in skip]
        found += [Path(top, name) for name in folders + names]
    return sorted(found)


def _check_placeholders(
    organisation: Organisation, content_dir: Path, languages: list[str], data_dir: Path
) -> list[Problem]:
    """Every ``{{ … }}`` in pages, interface strings and the guide names a known fact."""
    problems = []
    for lang in languages:
        files = sorted((content_dir / lang).rglob("*.md"))
        problems += facts_markup.check_files(files, organisation.facts(lang), content_dir.parent)
    facts = organisation.facts(languages[0])
    strings = sorted(COMPONENTS_DIR.glob("*/strings.yml")) + [finder.GUIDE_FILE]
    problems += facts_markup.check_files(strings, facts, COMPONENTS_DIR.parent.parent)
    return problems
