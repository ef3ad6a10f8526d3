"""The quick schema pass must agree with jsonschema on every verdict.

Files it passes skip jsonschema entirely, so a disagreement would let a mistake through.
Each fixture file is mutated at every value (wrong types, empty, unknown keys) and the two
verdicts are compared.
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from build_tools.data.quick_schema import QuickSchema, UnsupportedSchema
from build_tools.data.schema import full_validator, schema
from build_tools.data.yaml_loader import load_file
from tests.paths import FIXTURE_DIRECTORY

WRONG: list[Any] = [None, 0, -1, 1.5, True, "", "x", "2026-13-01", [], ["x"], {}, {"zz": 1}]


def paths(value: Any, prefix: tuple = ()) -> Iterator[tuple]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths(item, (*prefix, i))


def replaced(data: Any, path: tuple, new: Any) -> Any:
    data = copy.deepcopy(data)
    if not path:
        return new
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = new
    return data


def documents() -> list[tuple[str, str]]:
    files = [("regions", FIXTURE_DIRECTORY / "regions.yml")]
    files.append(("services", FIXTURE_DIRECTORY / "services.yml"))
    # the entries that together use every field of the entry schema
    for name in ("minsk-family-centre", "minsk-shelter", "minsk-children-line", "minsk-legal-aid"):
        files += [("entry", f) for f in (FIXTURE_DIRECTORY / "entries").rglob(f"{name}.yml")]
    return [(kind, str(file)) for kind, file in files]


@pytest.mark.parametrize(("kind", "file"), documents(), ids=lambda v: Path(v).name)
def test_quick_verdict_equals_jsonschema_verdict(kind: str, file: str) -> None:
    doc = load_file(Path(file))
    quick = QuickSchema(schema(kind))
    full = full_validator(kind)
    base, ok = quick.check(doc.data, doc.raw)
    assert ok and full.is_valid(base)
    if isinstance(base, list):
        base = base[:2]  # items share one schema; two show the list rules too
    checked = 0
    for path in paths(base):
        for new in WRONG:
            data, quick_ok = quick.check(replaced(base, path, new), {})
            assert quick_ok == full.is_valid(data), (path, new)
            checked += 1
        if path and isinstance(path[-1], str):
            parent = replaced(base, path[:-1], {})  # every key of this mapping removed
            data, quick_ok = quick.check(parent, {})
            assert quick_ok == full.is_valid(data), (path[:-1], "emptied")
    assert checked > 50


def test_dates_count_as_text_only_in_their_original_form() -> None:
    quick = QuickSchema(schema("entry"))
    raw = {("verified",): "2026-10-01"}
    data = {"id": "a", "name": {"ru": "A"}, "services": ["x"], "verified": _dt.date(2026, 10, 1)}
    checked, ok = quick.check(data, raw)
    assert ok and checked["verified"] == "2026-10-01"


def test_a_schema_with_other_keywords_is_refused() -> None:
    with pytest.raises(UnsupportedSchema):
        QuickSchema({"type": "object", "oneOf": [{"type": "string"}]})
