"""Writes one HSDS 3.0 dataset twice over: a Tabular Data Package and a JSON bundle.

The CSV files with ``datapackage.json`` are HSDS's exchange format (what other directories'
import tools read, and what ``import-hsds`` reads). ``hsds.json`` holds the same rows as one
JSON object keyed by CSV file name, the shape of HSDS's own ``examples/tabular.json``, for
readers that prefer JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from build_tools.safety.csv_writer import csv_text

from ..common import LICENCE, write_json
from .tables import TABLES

BUNDLE_NAME = "hsds.json"


def write_package(
    tables: dict[str, list[dict[str, Any]]], folder: Path, *, lang: str, title: str, version: str
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    bundle: dict[str, list[dict[str, Any]]] = {}
    for kind, (stem, columns) in TABLES.items():
        rows = tables.get(kind, [])
        file_name = f"{stem}.csv"
        (folder / file_name).write_text(_csv(rows, [name for name, _ in columns]), "utf-8")
        bundle[file_name] = rows
        fields = [{"name": name, "type": type_} for name, type_ in columns]
        resources.append(
            {
                "name": kind,
                "path": file_name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": {"fields": fields, "primaryKey": "id"},
            }
        )
    datapackage = {
        "profile": "tabular-data-package",
        "name": f"help-directory-hsds-{lang}",
        "title": title,
        "version": version,
        "language": lang,
        "licenses": [{"name": "CC-BY-4.0", "path": LICENCE["url"], "title": LICENCE["name"]}],
        "hsds_version": "3.0",
        "resources": resources,
    }
    write_json(folder / "datapackage.json", datapackage)
    # one object per line: readable, and fast to write (indented JSON is written in Python)
    (folder / BUNDLE_NAME).write_text(_lines(bundle), encoding="utf-8")


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    return csv_text(columns, ([_cell(row.get(key)) for key in columns] for row in rows))


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _lines(bundle: dict[str, list[dict[str, Any]]]) -> str:
    """The bundle as JSON with one table per key and one row per line."""
    parts = []
    for name, rows in bundle.items():
        body = ",\n  ".join(json.dumps(row, ensure_ascii=False) for row in rows)
        parts.append(f"{json.dumps(name)}: [\n  {body}\n ]" if rows else f"{json.dumps(name)}: []")
    return "{\n " + ",\n ".join(parts) + "\n}\n"
