"""Imported entries as YAML files an editor reviews, then moves into ``entries/<folder>/``."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import yaml

from build_tools.messages import _

from .mapping import ImportedEntry

#: Valid where the file ends up (``directory_data/entries/<folder>/``), and in the default
#: review folder ``directory_data/review/<folder>/``, which has the same depth.
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/entry.schema.json"

#: Folder and file names the import writes: an id's letters, digits and hyphens only.
_SAFE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

KEY_ORDER = (
    "id", "former_ids", "status", "name", "summary", "services", "national", "region",
    "locality", "address_visibility", "address", "geo", "phones", "email", "website",
    "messengers", "hours", "serves", "languages", "sign_language", "free", "anonymous",
    "wheelchair", "pets", "places", "admission", "verified", "source", "source_date",
)  # fmt: skip


class _Dumper(yaml.SafeDumper):
    """Block style, Unicode as is; strings that YAML 1.1 or 1.2 could misread are quoted."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if _ambiguous(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _ambiguous(value: str) -> bool:
    lowered = value.lower()
    if lowered in ("yes", "no", "on", "off", "y", "n", "true", "false", "null", "~", ""):
        return True
    # numbers, times and dates read differently in YAML 1.1 and 1.2; PyYAML quotes the rest
    return value[:1].isdigit() or value[:1] in "+-.:"


_Dumper.add_representer(str, _str)


def _comment(text: str) -> str:
    """Text for a ``#`` comment line: a line break or an invisible character from the source
    is written as its escape, so it can neither end the comment (and add a field) nor hide."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
        else ch
        for ch in text
    )


def render(
    entry: ImportedEntry, *, source: str, today: _dt.date, header: list[str] | None = None
) -> str:
    """The file's text; ``header`` replaces the HSDS lines that say where it came from."""
    data = {key: entry.data[key] for key in KEY_ORDER if key in entry.data}
    lines = [
        SCHEMA_LINE,
        _comment(
            _("# Imported from HSDS on {day}: {source} (service {service_uuid}).").format(
                day=today.isoformat(), source=source, service_uuid=entry.service_uuid
            )
        ),
        *_(
            "# Check every value against the source, then move this file into\n"
            "# directory_data/entries/<folder>/ (its `verified` date is the day of the import)."
        ).split("\n"),
    ]
    if header is not None:
        lines = [SCHEMA_LINE, *(_comment(f"# {line}") for line in header)]
    lines += [_comment(_("# To do: {item}").format(item=item)) for item in entry.todo]
    lines += [_comment(_("# Note: {item}").format(item=item)) for item in entry.notes]
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return "\n".join(lines) + "\n" + body


def write_entries(
    entries: list[ImportedEntry],
    out_dir: Path,
    *,
    source: str,
    today: _dt.date,
    header: Callable[[ImportedEntry], list[str]] | None = None,
) -> list[Path]:
    """One file per entry in ``out_dir/<region or national or unsorted>/<id>.yml``.

    Every file is rendered before the first is written, so a failure leaves nothing behind.
    """
    pending = []
    for entry in entries:
        folder = str(
            entry.data.get("region") or ("national" if entry.data.get("national") else "unsorted")
        )
        if not _SAFE_NAME.match(folder):  # a region code from the source is no file name
            folder = "unsorted"
        if not _SAFE_NAME.match(str(entry.data["id"])):
            raise ValueError(f"not a file name: {entry.data['id']!r}")  # ids are checked before
        path = Path(out_dir) / folder / f"{entry.data['id']}.yml"
        lines = header(entry) if header else None
        pending.append((path, render(entry, source=source, today=today, header=lines)))
    for path, text in pending:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return [path for path, _entry in pending]
