"""The raw-HTML policy for editors' Markdown pages.

Python-Markdown passes raw HTML through untouched, and ``attr_list`` lets any attribute onto
any element (``{ onclick="…" }``), so a page could carry a script or a third-party image by
mistake or by a compromised account. Every editors' page therefore goes through an allow-list:
the elements Python-Markdown and its extensions (admonitions, tables, footnotes, the table of
contents) produce, with the attributes they need, and links only to safe schemes. Anything
else is dropped, text kept; ``<script>`` and ``<style>`` go with their content. Generated
directory pages do not pass here: they are built from escaped data by our own templates.
"""

from __future__ import annotations

import nh3

#: Elements an editor's page may contain (Python-Markdown's output and a little plain HTML).
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        # text structure
        "p", "br", "hr", "div", "span", "blockquote", "pre", "code", "kbd", "samp",
        "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd",
        # inline
        "a", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
        "abbr", "q", "cite", "time",
        # tables
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
        # media from the site itself (the origin scan rejects other hosts)
        "img", "figure", "figcaption",
        # collapsible blocks
        "details", "summary",
    }
)  # fmt: skip

#: Attributes per element; "*" applies to all. No event handlers, no ``style`` (the CSP would
#: refuse inline styles anyway), nothing that loads or submits.
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "abbr": {"title"},
    "time": {"datetime"},
    "details": {"open"},
    "q": {"cite"},
    "blockquote": {"cite"},
}

#: Link schemes an editor may use; relative links (other pages, anchors) are always allowed.
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    """Drop ids Material reserves for its own machinery (``__config``, ``__search``…): a page
    element with such an id would be found instead of Material's and break the page."""
    if attribute == "id" and value.startswith("__"):
        return None
    return value


def sanitise_html(html: str) -> str:
    """Apply the raw-HTML policy to a page rendered from editors' Markdown.

    Links get ``rel="noopener noreferrer"`` so a visited site learns nothing about where the
    visitor came from, even where the referrer meta tag is not honoured.
    """
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_keep_attribute,
    )
