"""A crawler over a built site: every internal link, asset and anchor must resolve to a file.

MkDocs' strict build checks the links it knows about (Markdown to Markdown); pages our plugin
generates, theme templates, redirect pages and the sitemap are outside that check, and a
printed leaflet's URL must never break. This reads the files as a static host would serve
them: ``dir/`` is ``dir/index.html``, ``#frag`` must be an ``id`` (or an ``<a name>``) in
the target page, and an absolute URL under the public ``site_url`` is a path into the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

#: Attributes that point at another resource, per tag.
_LINK_ATTRS: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
}
#: Schemes that never point into the site.
_OTHER_SCHEMES = ("mailto:", "tel:", "sms:", "data:", "javascript:", "blob:")
_REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*['\"]?([^'\"]+)['\"]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """One reference found in a page: where it is and what it says."""

    source: str
    line: int
    tag: str
    url: str


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        line = self.getpos()[0]
        for attr in _LINK_ATTRS.get(tag, ()):
            if attr in values:
                self.page.links.append(Link(self.source, line, tag, values[attr]))
        for attr in ("srcset", "imagesrcset"):
            for candidate in values.get(attr, "").split(","):
                url = candidate.strip().split(" ")[0]
                if url:
                    self.page.links.append(Link(self.source, line, tag, url))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _REFRESH.match(values.get("content", ""))
            if match:
                self.page.links.append(Link(self.source, line, "meta refresh", match[1]))

    handle_startendtag = handle_starttag


@lru_cache(maxsize=4096)
def _parse_cached(path: str, mtime_ns: int, source: str) -> ParsedPage:
    parser = _PageParser(source)
    parser.feed(Path(path).read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


def parse_page(path: Path, source: str = "") -> ParsedPage:
    """The ids and outgoing references of one HTML file."""
    return _parse_cached(str(path), path.stat().st_mtime_ns, source or path.name)


class SiteChecker:
    """Resolves URLs against one built site and reports what does not resolve."""

    def __init__(self, site: Path, site_url: str = "") -> None:
        self.site = site.resolve()
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""

    # -- resolution

    def page_url(self, file: Path) -> str:
        """The URL path of a file as served ("/be/directory/x/index.html")."""
        return "/" + file.resolve().relative_to(self.site).as_posix()

    def target_file(self, path: str) -> Path | None:
        """The file a URL path is served from, or None when nothing is there."""
        rel = unquote(path).lstrip("/")
        candidate = (self.site / rel).resolve()
        if candidate != self.site and self.site not in candidate.parents:
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def internal_path(self, url: str, base: str) -> tuple[str, str] | None:
        """(path, fragment) of an internal URL seen at URL path ``base``; None if external."""
        if url.startswith(_OTHER_SCHEMES) or not url.strip():
            return None
        if self.site_url and url.startswith(self.site_url):
            url = "/" + url[len(self.site_url) :]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        absolute = urlsplit(urljoin("http://site" + base, url))
        return absolute.path, absolute.fragment

    # -- checks

    def check_link(self, link: Link, base: str) -> str | None:
        """A problem with one reference, or None when it resolves."""
        resolved = self.internal_path(link.url, base)
        if resolved is None:
            return None
        path, fragment = resolved
        target = self.target_file(path)
        where = f"{link.source}:{link.line}: <{link.tag}> {link.url!r}"
        if target is None:
            return f"{where}: no file at {path}"
        if fragment and target.suffix == ".html":
            ids = parse_page(target, self.page_url(target)).ids
            if unquote(fragment) not in ids:
                return f"{where}: no id {fragment!r} in {self.page_url(target)}"
        return None

    def check_pages(self, files: Iterable[Path]) -> list[str]:
        """Every broken reference in the given HTML files."""
        problems = []
        for file in files:
            base = self.page_url(file)
            for link in parse_page(file, base.lstrip("/")).links:
                problem = self.check_link(link, base)
                if problem:
                    problems.append(problem)
        return problems

    def check_site(self) -> list[str]:
        """Every broken reference in every HTML file of the site, and in its sitemaps."""
        problems = self.check_pages(sorted(self.site.rglob("*.html")))
        for sitemap in sorted(self.site.rglob("sitemap.xml")):
            source = sitemap.relative_to(self.site).as_posix()
            problems += self.check_urls(source, re.findall(r"<loc>([^<]+)</loc>", _text(sitemap)))
        return problems

    def check_urls(self, source: str, urls: Iterable[str]) -> list[str]:
        """URLs printed somewhere else (a leaflet, a sitemap) that must lead to a page."""
        problems = []
        for url in urls:
            problem = self.check_link(Link(source, 0, "printed", url), "/")
            if problem:
                problems.append(problem)
            elif self.internal_path(url, "/") is None:
                problems.append(f"{source}: {url!r} is not an address of this site")
        return problems


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")
