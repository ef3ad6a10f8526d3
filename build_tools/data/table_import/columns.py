"""Which column holds what: headings recognised by meaning, from ``columns.yml``.

Tables start with a title, a date or blank lines; the header is the first of the top rows
that names a name column and at least one other known column. ``--columns MAP.yml`` adds
headings of one file (``{"Контакты": phones}``) for a table nobody planned for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from build_tools.messages import _

from ..yaml_loader import load_file

COLUMNS_FILE = Path(__file__).with_name("columns.yml")
#: How far down the header may be.
HEADER_SEARCH_ROWS = 20


def heading_key(text: str) -> str:
    """Case, ё/е, punctuation and spaces do not matter: ``Тел.`` = ``тел``."""
    return re.sub(r"[\W_]+", "", text.casefold().replace("ё", "е"))


@dataclass
class Header:
    row: int
    #: column index → our field
    fields: dict[int, str]
    #: column index → heading nobody knows (its values are reported, never imported)
    unknown: dict[int, str] = field(default_factory=dict)


class Synonyms:
    def __init__(self, table: dict[str, list[str]]) -> None:
        self.by_key: dict[str, str] = {}
        for name, headings in table.items():
            for heading in [name, *(headings or [])]:
                key = heading_key(str(heading))
                if key:
                    self.by_key.setdefault(key, name)
        self.fields = set(table)

    @classmethod
    def load(cls, extra: Path | None = None) -> Synonyms:
        table = {
            k: list(v or []) for k, v in yaml.safe_load(COLUMNS_FILE.read_text("utf-8")).items()
        }
        synonyms = cls(table)
        if extra is not None:
            data = load_file(Path(extra)).data
            if not isinstance(data, dict):
                raise ValueError(
                    _(
                        "{extra}: write one line per heading, `Heading in the table: field`, "
                        "with a field among {items}"
                    ).format(extra=extra, items=", ".join(sorted(table)))
                )
            for heading, name in data.items():
                if str(name) not in table:
                    raise ValueError(
                        _(
                            "{extra}: `{heading}: {name}` — {name!r} is not a field; use one of "
                            "{items}"
                        ).format(
                            extra=extra, heading=heading, name=name, items=", ".join(sorted(table))
                        )
                    )
                synonyms.by_key[heading_key(str(heading))] = str(name)
        return synonyms

    def field_of(self, heading: str) -> str | None:
        """The exact heading, else the longest known heading it starts with (``Телефоны (с
        кодом)``); a short key of two letters matches exactly only."""
        key = heading_key(heading)
        if not key:
            return None
        if key in self.by_key:
            return self.by_key[key]
        best = ""
        for known in self.by_key:
            if len(known) >= 3 and key.startswith(known) and len(known) > len(best):
                best = known
        return self.by_key[best] if best else None


def find_header(rows: list[tuple[int, list[str]]], synonyms: Synonyms) -> Header | None:
    """The first row among the top ones with a name column and one more known column."""
    for number, cells in rows[:HEADER_SEARCH_ROWS]:
        fields: dict[int, str] = {}
        unknown: dict[int, str] = {}
        for index, cell in enumerate(cells):
            if not cell:
                continue
            name = synonyms.field_of(cell)
            if name and name not in fields.values():
                fields[index] = name
            else:
                unknown[index] = cell
        if "name" in fields.values() and len(fields) >= 2:
            return Header(number, fields, unknown)
    return None
