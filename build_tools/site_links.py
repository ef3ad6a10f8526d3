"""``site:`` links: editors' links to files that are not pages (open data, leaflets).

MkDocs checks every relative link in Markdown against the pages of the language being built,
so a link from ``content/be/open-data.md`` to the shared ``data/directory.json`` (outside the
Belarusian build) would fail the strict build. Editors write ``[feed](site:data/directory.json)``
instead; MkDocs leaves a link with a scheme alone, and after rendering it becomes a relative
link from the page to the site root, which works on any host and at any sub-path.
"""

from __future__ import annotations

import re

_SITE_LINK = re.compile(r'(href|src)="site:([^"]*)"')


def resolve_site_links(html: str, page_path: str) -> str:
    """Rewrite ``site:<path>`` in ``html`` for a page at ``page_path`` (from the site root,
    e.g. "be/open-data/"); a path with ".." is left broken on purpose, so the link check sees it."""
    up = "../" * page_path.count("/")

    def replace(match: re.Match[str]) -> str:
        target = match.group(2).lstrip("/")
        if ".." in target.split("/"):
            return match.group(0)
        return f'{match.group(1)}="{up}{target}"'

    return _SITE_LINK.sub(replace, html)
