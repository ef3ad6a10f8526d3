"""Work a build may take over from the previous one, kept in ``.cache/helpdir/`` beside
``mkdocs.yml`` (never in ``site/``, never in git).

Every record is keyed by a hash of everything its result depends on (the input's bytes and
the source of the code that made it), so a record can only be reused for exactly the same
work: a changed input or a changed scanner is a new key. The folder is optional: `make clean`
deletes it, a build without it does the work again, and a folder that cannot be written only
costs the reuse next time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, FileSystemBytecodeCache

#: Relative to the folder of mkdocs.yml.
CACHE_DIR = Path(".cache") / "helpdir"


def cache_dir(root: Path) -> Path:
    return Path(root) / CACHE_DIR


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@functools.lru_cache(maxsize=16)
def source_fingerprint(*files: Path) -> str:
    """A hash of the code that makes a cached result: new code, new keys."""
    return digest(*(Path(f).read_bytes() for f in files))


def template_cache(root: Path) -> BytecodeCache | None:
    """Compiled Jinja templates (Material's and ours) shared by the languages' builds and kept
    for the next build; Jinja checks each against its template's source."""
    folder = cache_dir(root) / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


class JsonRecords(MutableMapping[str, Any]):
    """Records in one JSON file; :meth:`save` keeps only the records this build used, so the
    file does not grow with every change ever built."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._old: dict[str, Any] = {}
        self._used: dict[str, Any] = {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._old = loaded
        except (OSError, ValueError):
            pass

    def __getitem__(self, key: str) -> Any:
        if key in self._used:
            return self._used[key]
        value = self._old[key]
        self._used[key] = value
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self._used[key] = value

    def __delitem__(self, key: str) -> None:
        self._used.pop(key, None)
        self._old.pop(key, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._used)

    def __len__(self) -> int:
        return len(self._used)

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(self._used, out, separators=(",", ":"))
            os.replace(tmp, self.path)
        except OSError:
            pass
