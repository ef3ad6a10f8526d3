"""Entry pages through one rendering of Material's page per language (the fast path).

Every entry page (``directory/<id>/index.md``) sits at the same depth, outside the navigation,
with the same page meta: Material's chrome around it is the same for all of them in one
language. So the full page template (``main.html``: Material's base, our components) is
rendered once per language, through MkDocs' own Jinja environment and context, for a stand-in
entry whose id, title, description and content are unique markers; each entry page is that
shell with the markers replaced by its own values. The entry's id reaches the page only
through its URL (the canonical link, the language switcher), and ids are ``[a-z0-9-]``, which
neither HTML escaping nor URL quoting changes; title and description are already escaped, and
Material writes them as they are.

The full template still renders (the fall-back) when the shell cannot stand for the page:

- the page is not an entry page, or ``HELPDIR_FULL_TEMPLATE=1`` is set (tests use it to
  compare both paths);
- its meta differs from the shell's, it has notices of its own, a language lacks it, its id is
  not plain ``[a-z0-9-]``, or its content has no ``<h1`` (Material then writes a heading of its
  own);
- the first entry page of each language is rendered both ways and compared: if the filled shell
  is not byte for byte the full page, the whole language takes the full path (and says so).

See docs/architecture.md ("The entry pages' shell").
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

#: The one-line template MkDocs renders for an entry page; it asks :class:`PageShells` for the
#: page (the filled shell, or the full template when the shell cannot stand for it).
SHELL_TEMPLATE = "helpdir/entry-page.html"
#: Set to 1: every page takes the full template (the equivalence test compares both paths).
FULL_TEMPLATE_VARIABLE = "HELPDIR_FULL_TEMPLATE"
PAGE_TEMPLATE = "main.html"
#: Meta keys that are the entry's own values (filled in), and the one we add to pick the shell.
OWN_META = frozenset({"title", "description", "template"})

_PLAIN_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def entry_id(src_uri: str) -> str | None:
    """``directory/<id>/index.md`` → ``<id>``; None for every other page."""
    parts = src_uri.split("/")
    if len(parts) == 3 and parts[0] == "directory" and parts[2] == "index.md":
        return parts[1]
    return None


def enabled() -> bool:
    return os.environ.get(FULL_TEMPLATE_VARIABLE, "").strip() not in {"1", "true", "yes"}


def skip_markdown(page: Page) -> None:
    """A generated page's Markdown is empty (its HTML comes in ``on_page_content``): set what
    MkDocs' render of an empty page sets, without building a Markdown converter with every
    extension for it (a few milliseconds a page, thousands of pages). Part of the fast path:
    ``HELPDIR_FULL_TEMPLATE=1`` renders these pages the ordinary way too."""

    def render(config: MkDocsConfig, files: Any) -> None:
        if page.markdown and page.markdown.strip():
            Page.render(page, config, files)  # not empty after all: the ordinary way
            return
        page.content = ""
        page.toc = get_toc([])
        page._title_from_render = None
        page.present_anchor_ids = set()
        if _MKDOCS_PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {}

    page.render = render  # type: ignore[method-assign]


_MKDOCS_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")


@dataclass
class _Markers:
    """Unique stand-ins (letters and digits only, so escaping and URL quoting keep them)."""

    id: str
    title: str
    description: str
    content: str

    @classmethod
    def new(cls) -> _Markers:
        token = "hdshell" + secrets.token_hex(8)
        # Material writes its own <h1> unless the content has one: the stand-in has one.
        return cls(token + "id", token + "title", token + "desc", f"<h1>{token}content</h1>")


@dataclass
class _Shell:
    html: str
    meta: dict[str, Any]
    notices: list[dict[str, Any]]
    markers: _Markers
    pattern: re.Pattern[str]

    def fill(self, values: Mapping[str, str]) -> str:
        """The shell with every marker replaced. The shell is split at its markers once, so
        each page only joins the pieces (the page's inline stylesheet alone is over 100 KB
        that a regular expression would otherwise read again for every page)."""
        parts = self._parts()
        return "".join(values[part] if i % 2 else part for i, part in enumerate(parts))

    def _parts(self) -> list[str]:
        """Literal text and markers in turn (text, marker, text, …, text)."""
        cached = self.__dict__.get("_split")
        if cached is None:
            cached = re.split(f"({self.pattern.pattern})", self.html)
            self.__dict__["_split"] = cached
        return cached


class PageShells:
    """The shell of one language's build; MkDocs' environment calls :meth:`page` for every page
    rendered through :data:`SHELL_TEMPLATE`.

    ``helpdir_context(src_uri, url)`` is the plugin's per-page ``helpdir`` template context;
    ``page_sets`` its pages per language (the stand-in is added while the shell renders, so the
    language switcher links to it as to every entry page).
    """

    def __init__(
        self,
        env: jinja2.Environment,
        config: MkDocsConfig,
        helpdir_context: Callable[[str, str], dict[str, Any]],
        page_sets: Mapping[str, set[str]],
        on_fallback: Callable[[str], None],
    ) -> None:
        self.env = env
        self.config = config
        self.helpdir_context = helpdir_context
        self.page_sets = page_sets
        self.on_fallback = on_fallback
        self.markers = _Markers.new()
        self.shell: _Shell | None = None
        #: False once the filled shell differed from the full page: the rest take the full path.
        self.trusted: bool | None = None
        self.filled = 0
        self.full = 0
        env.loader = jinja2.ChoiceLoader(
            [jinja2.DictLoader({SHELL_TEMPLATE: "{{ helpdir_entry_page() }}"}), env.loader]
        )
        env.globals["helpdir_entry_page"] = jinja2.pass_context(lambda context: self.page(context))

    def summary(self) -> str:
        return (
            f"Entry pages: {self.filled} filled into the shared page shell, "
            f"{self.full} through the full page template."
        )

    def page(self, context: jinja2.runtime.Context) -> Markup:
        """The page MkDocs writes, rendered with the context it would hand ``main.html``."""
        values = dict(context.get_all())
        page: Page = values["page"]
        page.meta.pop("template", None)
        html = self._filled(values, page)
        if html is None:
            self.full += 1
            html = self._full(values)
        else:
            self.filled += 1
        return Markup(html)

    def _full(self, values: dict[str, Any]) -> str:
        return self.env.get_template(PAGE_TEMPLATE).render(values)

    def _filled(self, values: dict[str, Any], page: Page) -> str | None:
        if self.trusted is False:
            return None
        own = self._own_values(values, page)
        if own is None:
            return None
        if self.shell is None:
            self.shell = self._render_shell(values, page)
        if not self._fits(page, values):
            return None
        html = self.shell.fill(own)
        if self.trusted is None:
            full = self._full(values)
            self.trusted = html == full
            if not self.trusted:
                self.on_fallback(
                    f"entry pages take Material's full template: the shared shell did not "
                    f"reproduce {page.file.src_uri} exactly"
                )
                return None
        return html

    def _own_values(self, values: dict[str, Any], page: Page) -> dict[str, str] | None:
        """The entry's values for the markers, or None when the shell cannot stand for it."""
        ident = entry_id(page.file.src_uri)
        content = page.content or ""
        if ident is None or not _PLAIN_ID.match(ident) or "<h1" not in content:
            return None
        title, description = page.meta.get("title"), page.meta.get("description")
        if page.url != f"directory/{ident}/" or not title or not description:
            return None
        markers = self.markers
        return {
            markers.id: ident,
            markers.title: str(title),
            markers.description: str(description),
            markers.content: content,
        }

    def _fits(self, page: Page, values: dict[str, Any]) -> bool:
        assert self.shell is not None
        if _rest(page.meta) != self.shell.meta:
            return False
        helpdir = values.get("helpdir") or {}
        if helpdir.get("notices") != self.shell.notices:
            return False
        return all(alt.get("exists") for alt in helpdir.get("alternates", ()))

    def _render_shell(self, values: dict[str, Any], page: Page) -> _Shell:
        """Material's full page for a stand-in entry at the same depth, with the same meta."""
        markers = self.markers
        src_uri = f"directory/{markers.id}/index.md"
        stand_in = Page(None, File.generated(self.config, src_uri, content=""), self.config)
        stand_in.markdown = ""
        stand_in.meta = {
            **_rest(page.meta),
            "title": Markup(markers.title),
            "description": Markup(markers.description),
        }
        stand_in.content = markers.content
        stand_in.toc = page.toc
        stand_in.active = True
        for pages in self.page_sets.values():
            pages.add(src_uri)
        try:
            # Only the switcher and the notices depend on the page; the rest is the language's.
            own = self.helpdir_context(src_uri, stand_in.url)
            helpdir = {
                **values["helpdir"],
                "alternates": own["alternates"],
                "notices": own["notices"],
            }
            html = self._full({**values, "page": stand_in, "helpdir": helpdir})
        finally:
            for pages in self.page_sets.values():
                pages.discard(src_uri)
        pattern = re.compile(
            "|".join(
                re.escape(m)
                for m in (markers.content, markers.title, markers.description, markers.id)
            )
        )
        return _Shell(
            html=html,
            meta=_rest(page.meta),
            notices=helpdir.get("notices", []),
            markers=markers,
            pattern=pattern,
        )


def _rest(meta: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if k not in OWN_META}
