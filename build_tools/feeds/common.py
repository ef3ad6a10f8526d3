"""Small rules every feed shares: which date a feed carries, how texts and files are written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from build_tools.data.model import LANGUAGES, Directory, Text

FEED_VERSION = "1.0"
LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}


def generated_date(directory: Directory) -> str:
    """The newest date the data is known as of (a call, else a source's date): a rebuild of
    unchanged data writes byte-identical files."""
    dates = [entry.as_of for entry in directory.entries if entry.as_of]
    return max(dates).isoformat() if dates else "1970-01-01"


def text_map(text: Text) -> dict[str, str]:
    """The languages an editor actually wrote, in site order (readers apply the fallback)."""
    return {lang: text.values[lang] for lang in LANGUAGES if text.values.get(lang)}


def write_json(path: Path, data: Any) -> None:
    """UTF-8, Cyrillic unescaped, keys in our order, a final newline: diffs stay readable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
