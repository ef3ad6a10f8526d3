"""Reading directory pages the way the tests need: which entries a page lists, and the text
of one entry's card. Plain ``html.parser``, so the tests do not trust the code they check."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import yaml

from tests.paths import FIXTURE_DIRECTORY


class _Listings(HTMLParser):
    """Entry ids under each ``<section data-listing=…>``, in page order, duplicates kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.listing: str | None = None
        self.found: dict[str, list[str]] = defaultdict(list)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section" and "data-listing" in found:
            self.listing = found["data-listing"]
        if "data-entry-id" in found and self.listing is not None:
            self.found[self.listing].append(found["data-entry-id"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.listing = None


def listed(html: str) -> dict[str, list[str]]:
    """{"region": [...], "national": [...], "service": [...]} as the page lists them."""
    parser = _Listings()
    parser.feed(html)
    return dict(parser.found)


class _Card(HTMLParser):
    """The text and attribute values inside every element carrying ``data-entry-id=<id>``."""

    def __init__(self, entry_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.entry_id = entry_id
        self.tag: str | None = None
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.tag is None:
            if dict(attrs).get("data-entry-id") == self.entry_id:
                self.tag, self.depth = tag, 1
                self.parts.extend(v or "" for _, v in attrs)
            return
        if tag == self.tag:
            self.depth += 1
        self.parts.extend(v or "" for _, v in attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.tag is not None and tag == self.tag:
            self.depth -= 1
            if self.depth == 0:
                self.tag = None
                self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.tag is not None:
            self.parts.append(data)


def card_text(html: str, entry_id: str) -> str:
    """Everything shown or linked inside the entry's cards on a page ("" when not listed)."""
    parser = _Card(entry_id)
    parser.feed(html)
    return " ".join(parser.parts)


def fixture_entries() -> list[dict]:
    """The fixture entries as plain YAML, independent of the loader the pages use."""
    return [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((FIXTURE_DIRECTORY / "entries").rglob("*.yml"))
    ]


def fixture_ids(key: str) -> list[str]:
    return [item["id"] for item in yaml.safe_load((FIXTURE_DIRECTORY / key).read_text("utf-8"))]


def address_traces() -> list[str]:
    """Every address text and coordinate the fixture publishes, in any language."""
    traces: list[str] = []
    for entry in fixture_entries():
        traces.extend((entry.get("address") or {}).values())
        geo = entry.get("geo")
        if geo:
            traces.extend([str(geo["lat"]), str(geo["lon"])])
    return traces


def confidential_ids() -> list[str]:
    return [e["id"] for e in fixture_entries() if e.get("address_visibility", "public") != "public"]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
