"""What the directory already knows (regions, towns, kinds of help, ids), for matching names.

Imported data names places and kinds of help in words; matching them against our own names
in every language lets most rows land with the right ids, and the rest are listed for the
editor instead of guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..yaml_loader import load_file


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


@dataclass
class Known:
    regions: dict[str, str] = field(default_factory=dict)  # name key → region id
    region_ids: set[str] = field(default_factory=set)
    localities: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (region, id)
    locality_ids: dict[str, str] = field(default_factory=dict)  # locality id → region id
    services: dict[str, str] = field(default_factory=dict)  # name or id key → service id
    service_ids: set[str] = field(default_factory=set)
    entry_ids: set[str] = field(default_factory=set)

    @classmethod
    def from_data_dir(cls, data_dir: Path | None) -> Known:
        """Read ``regions.yml``, ``services.yml`` and entry file names; missing ones are empty."""
        known = cls()
        if data_dir is None:
            return known
        data_dir = Path(data_dir)
        regions = _list(data_dir / "regions.yml")
        for region in regions:
            region_id = str(region.get("id", ""))
            known.region_ids.add(region_id)
            for name in _names(region):
                known.regions[_key(name)] = region_id
            for locality in region.get("localities") or []:
                locality_id = str(locality.get("id", ""))
                known.locality_ids[locality_id] = region_id
                for name in _names(locality):
                    known.localities.setdefault(_key(name), (region_id, locality_id))
        for service in _list(data_dir / "services.yml"):
            service_id = str(service.get("id", ""))
            known.service_ids.add(service_id)
            known.services[_key(service_id)] = service_id
            for name in _names(service):
                known.services[_key(name)] = service_id
            for word in service.get("synonyms") or []:  # words spreadsheets use
                known.services.setdefault(_key(str(word)), service_id)
        entries = data_dir / "entries"
        if entries.is_dir():
            known.entry_ids = {file.stem for file in entries.rglob("*.yml")}
        return known

    def region(self, name: str | None) -> str | None:
        return self.regions.get(_key(name)) if name else None

    def locality(self, name: str | None) -> tuple[str, str] | None:
        return self.localities.get(_key(name)) if name else None

    def service(self, name: str | None) -> str | None:
        return self.services.get(_key(name)) if name else None


def _list(file: Path) -> list[dict]:
    if not file.exists():
        return []
    data = load_file(file).data
    return [item for item in data or [] if isinstance(item, dict)]


def _names(item: dict) -> list[str]:
    name = item.get("name")
    if isinstance(name, dict):
        return [str(value) for value in name.values() if value]
    return [str(name)] if name else []
