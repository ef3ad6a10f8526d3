"""Material's site search as the offline copy must keep it.

The site search starts at first use (``components/site-search``), so a visitor who kept the
directory on the device may open it for the first time with no network. Its files are named
nowhere in the page's markup (the worker's address is in Material's configuration, the index
is asked for by script, the stemmers by the worker), so they are listed here from the built
language folder: the index, the worker, and the lunr language files the worker imports for the
languages the index names (as Material's worker chooses them).
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = "search/search_index.json"
WORKERS = "assets/javascripts/workers"
LUNR = "assets/javascripts/lunr"
#: Extra segmenters Material's worker loads for these languages.
_SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}


def site_search_files(language_root: Path) -> list[str]:
    """Paths from the language's root of every file its site search loads; none without one."""
    index = language_root / INDEX
    if not index.is_file():
        return []
    languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    files = [INDEX]
    files += sorted(
        p.relative_to(language_root).as_posix()
        for p in (language_root / WORKERS).glob("search.*.js")
    )
    stemmers = [f"{LUNR}/{_SEGMENTERS[lang]}" for lang in languages if lang in _SEGMENTERS]
    stemmers += [f"{LUNR}/min/lunr.{lang}.min.js" for lang in languages if lang != "en"]
    if len(languages) > 1:
        stemmers.append(f"{LUNR}/min/lunr.multi.min.js")
    if stemmers:
        files += [f"{LUNR}/min/lunr.stemmer.support.min.js", *stemmers]
    return [path for path in dict.fromkeys(files) if (language_root / path).is_file()]
