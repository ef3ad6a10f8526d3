"""The pages the safety tests visit: one of each page type, in each language, of the site
built from the shared fixture directory (tests/fixtures/directory)."""

from __future__ import annotations

LANG_ROOTS = {"ru": "", "be": "be/", "en": "en/"}

PAGE_TYPES = {
    "home": "",
    "content": "get-help/safety-plan/",
    "directory": "directory/",
    "region": "directory/regions/brest/",
    "service": "directory/services/crisis-room/",
    "entry": "directory/brest-crisis-room/",
}

#: (test id, path under the site root)
PAGES = [
    (f"{kind}-{lang}", root + path)
    for lang, root in LANG_ROOTS.items()
    for kind, path in PAGE_TYPES.items()
]

#: The default destination of the quick exit (mkdocs.yml does not set one).
DESTINATION = "https://www.wikipedia.org/"
NEUTRAL_PAGE = "<!doctype html><title>Neutral</title><p>A neutral page.</p>"
