"""What an output stage hands the MkDocs plugin for every page it generates."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: The folder every generated page lives under, in every language (the URL scheme's
#: ``directory/``); the plugin keeps it in each language's navigation.
GENERATED_ROOT = "directory/"


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the model, rendered by our own (auto-escaping) templates.

    MkDocs wraps ``render()``'s HTML in the Material page; the Markdown source is empty, so
    nothing from the data ever passes through Markdown, and rendering waits until MkDocs
    writes the page (memory stays flat however many entries there are).
    """

    #: "directory/index.md", "directory/<entry-id>/index.md", … (same in every language).
    src_uri: str
    #: Already escaped for HTML, like ``description``: Material's templates write
    #: ``page.meta.title`` and ``page.meta.description`` without escaping.
    title: str
    render: Callable[[], str]
    description: str = ""
    #: Extra page meta for Material, e.g. {"hide": ["toc"]} or {"search": {"exclude": True}}.
    meta: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
