"""Page weight: what a first visit to one page transfers, HTML + CSS + JS, gzipped.

Counted from the built files the page references (stylesheets and scripts, each once), the
way a host that compresses would send them; images, icons and data fetched later are left
out, as the figure is about what a cheap phone must fetch before it can show the page.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


def gzipped_size(data: bytes) -> int:
    """Bytes after gzip at level 6 (a common server default), deterministic (no timestamp)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@dataclass(frozen=True)
class PageWeight:
    html: int
    css: int
    js: int
    files: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "link" and "stylesheet" in values.get("rel", "").split() and values.get("href"):
            self.css.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.js.append(values["src"])


def page_weight(site: Path, page: str) -> PageWeight:
    """The gzipped weight of ``page`` (a path like "directory/brest/index.html") in ``site``."""
    file = site / page
    data = file.read_bytes()
    parser = _Assets()
    parser.feed(data.decode("utf-8"))
    seen: list[str] = []
    sizes = {"css": 0, "js": 0}
    for kind, refs in (("css", parser.css), ("js", parser.js)):
        for ref in refs:
            target = _local(site, file, ref)
            if target is None or str(target) in seen:
                continue
            seen.append(str(target))
            sizes[kind] += gzipped_size(target.read_bytes())
    return PageWeight(gzipped_size(data), sizes["css"], sizes["js"], tuple(seen))


def _local(site: Path, page: Path, ref: str) -> Path | None:
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None
    target = (page.parent / unquote(parts.path)).resolve()
    if not target.is_file() or site.resolve() not in target.parents:
        return None
    return target
