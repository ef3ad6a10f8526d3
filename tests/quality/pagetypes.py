"""One sample page of every page type, in every language: what the browser checks look at.

Pages of one type come from one template, so a sample of each (in every language, since
strings, fallbacks and ``lang`` attributes differ) finds what checking all would, at a
fraction of the time. Samples are chosen from the data to be the richest of their kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.data.build import load_directory
from build_tools.data.model import Directory, Entry

#: The language roots, as the site lays them out.
LANG_ROOTS = {"ru": "", "be": "be/", "en": "en/"}
#: A content page every language has (an editors' Markdown page with headings and lists).
CONTENT_PAGE = "get-help/safety-plan/"
#: The content page the build appends the generated leaflet catalogue to.
CATALOGUE_PAGE = "publications/"


@dataclass(frozen=True)
class PageSample:
    kind: str
    lang: str
    #: URL path under the site root, ending in "/" ("be/directory/regions/brest/").
    path: str

    @property
    def file(self) -> str:
        return self.path + "index.html"

    @property
    def name(self) -> str:
        return f"{self.kind}-{self.lang}"


def _richest(entries: list[Entry]) -> Entry:
    """The entry with the most to show (phones, hours, admission rules, texts)."""
    return max(
        entries,
        key=lambda e: (
            len(e.phones) + (e.admission is not None) * 3 + len(e.services) + bool(e.summary)
        ),
    )


def sample_paths(directory: Directory) -> dict[str, str]:
    """Page type → path under a language root (without the root)."""
    regions = [r for r in directory.regions if directory.in_region(r.id)]
    services = sorted(
        (s for s in directory.services if directory.with_service(s.id)),
        key=lambda s: -len(directory.with_service(s.id)),
    )
    local = [e for e in directory.entries if not e.national]
    confidential = [e for e in local if not e.address_public] or local
    public = [e for e in local if e.address_public] or local
    paths = {
        "home": "",
        "content": CONTENT_PAGE,
        "catalogue": CATALOGUE_PAGE,
        "directory": "directory/",
        "region": f"directory/regions/{regions[0].id}/",
        "service": f"directory/services/{services[0].id}/",
        "entry-confidential": f"directory/{_richest(confidential).id}/",
        "entry-public": f"directory/{_richest(public).id}/",
    }
    if directory.population is not None:
        paths["coverage"] = "directory/coverage/"
    return paths


def redirect_paths(directory: Directory) -> list[str]:
    """Old URLs of renamed entries (each must still lead somewhere)."""
    return [f"directory/{old}/" for e in directory.entries for old in e.former_ids]


def page_samples(data_dir: Path) -> list[PageSample]:
    """Every page type in every language."""
    paths = sample_paths(load_directory(data_dir))
    return [
        PageSample(kind, lang, root + path)
        for lang, root in LANG_ROOTS.items()
        for kind, path in paths.items()
    ]
