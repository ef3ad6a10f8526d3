"""A quick yes/no check of data against our JSON Schemas, and text where text is expected.

jsonschema is thorough but slow per value (about a millisecond per entry); the directory's
schemas use a handful of keywords, interpreted here in one walk that also restores the
editor's original text where the schema expects text. A schema using any other keyword is
refused (:class:`UnsupportedSchema`), and callers then use jsonschema for everything.
The verdict only decides whether jsonschema needs to run: its errors make the messages.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from .yaml_loader import Path_

#: Keywords that carry no constraint.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"}
)
_CONSTRAINTS = frozenset(
    {
        "$ref",
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "enum",
        "pattern",
        "minLength",
        "minItems",
        "uniqueItems",
        "format",
        "minimum",
        "maximum",
    }
)


class UnsupportedSchema(ValueError):
    """The schema uses a keyword the quick check does not interpret."""


def resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """``node`` with a local ``$ref`` (``#/$defs/x``) merged in; siblings of the ref win."""
    while "$ref" in node:
        target: Any = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def as_text_where_expected(
    value: Any, node: dict[str, Any], root: dict[str, Any], path: Path_, raw: dict[Path_, str]
) -> Any:
    """Put back the editor's text for numbers, dates and booleans where text is expected."""
    node = resolve(node, root)
    if node.get("type") == "string" and not isinstance(value, str) and path in raw:
        return raw[path]
    if isinstance(value, dict):
        props = node.get("properties", {})
        extra = node.get("additionalProperties")
        for key, item in value.items():
            sub = props.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                value[key] = as_text_where_expected(item, sub, root, (*path, key), raw)
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for i, item in enumerate(value):
            value[i] = as_text_where_expected(item, node["items"], root, (*path, i), raw)
    return value


class _Node:
    """One schema node, resolved and pre-digested for the walk."""

    __slots__ = (
        "type",
        "properties",
        "required",
        "extra",
        "closed",
        "items",
        "enum",
        "pattern",
        "min_length",
        "min_items",
        "unique",
        "date",
        "minimum",
        "maximum",
    )

    def __init__(self, node: dict[str, Any], root: dict[str, Any]) -> None:
        node = resolve(node, root)
        unknown = set(node) - _ANNOTATIONS - _CONSTRAINTS
        if unknown:
            raise UnsupportedSchema(", ".join(sorted(unknown)))
        self.type: str | None = node.get("type")
        if isinstance(self.type, list):
            raise UnsupportedSchema("type lists")
        self.properties = {k: _Node(v, root) for k, v in node.get("properties", {}).items()}
        self.required = tuple(node.get("required", ()))
        extra = node.get("additionalProperties", True)
        self.closed = extra is False
        self.extra = _Node(extra, root) if isinstance(extra, dict) else None
        self.items = _Node(node["items"], root) if isinstance(node.get("items"), dict) else None
        enum = node.get("enum")
        if enum is not None and not all(isinstance(v, str) for v in enum):
            raise UnsupportedSchema("non-text enum")
        self.enum = frozenset(enum) if enum is not None else None
        self.pattern = re.compile(node["pattern"]) if "pattern" in node else None
        self.min_length = node.get("minLength")
        self.min_items = node.get("minItems")
        self.unique = bool(node.get("uniqueItems"))
        fmt = node.get("format")
        if fmt not in (None, "date"):
            raise UnsupportedSchema(f"format {fmt}")
        self.date = fmt == "date"
        self.minimum = node.get("minimum")
        self.maximum = node.get("maximum")


def _is_type(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if kind == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if kind == "number":
        return isinstance(value, int | float)
    raise UnsupportedSchema(kind)


def _is_date(text: str) -> bool:
    if len(text) != 10:
        return False
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


class QuickSchema:
    """A compiled schema: ``check(data, raw) -> (data with text restored, valid?)``."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.root = _Node(schema, schema)

    def check(self, data: Any, raw: dict[Path_, str]) -> tuple[Any, bool]:
        return _walk(data, self.root, None, raw)


#: A path built only when needed: ``(parent link, key)``, the root being None.
_Link = tuple[Any, str | int] | None


def _flatten(link: _Link) -> Path_:
    parts: list[str | int] = []
    while link is not None:
        link, part = link
        parts.append(part)
    return tuple(reversed(parts))


def _walk(value: Any, node: _Node, link: _Link, raw: dict[Path_, str]) -> tuple[Any, bool]:
    kind = node.type
    if value.__class__ is str:
        ok = kind is None or kind == "string"
        if node.enum is not None and value not in node.enum:
            ok = False
        if node.min_length is not None and len(value) < node.min_length:
            ok = False
        if node.pattern is not None and not node.pattern.search(value):
            ok = False
        if node.date and not _is_date(value):
            ok = False
        return value, ok
    if kind == "string" and raw:
        text = raw.get(_flatten(link))
        if text is not None:
            return _walk(text, node, link, raw)
    ok = (kind is None or _is_type(value, kind)) and node.enum is None  # enums are text
    if isinstance(value, dict):
        for name in node.required:
            if name not in value:
                ok = False
        for key, item in value.items():
            sub = node.properties.get(key, node.extra)
            if sub is None:
                if node.closed:
                    ok = False
                continue
            value[key], item_ok = _walk(item, sub, (link, key), raw)
            ok = ok and item_ok
    elif isinstance(value, list):
        if node.min_items is not None and len(value) < node.min_items:
            ok = False
        if node.unique and not _all_distinct(value):
            ok = False
        if node.items is not None:
            for i, item in enumerate(value):
                value[i], item_ok = _walk(item, node.items, (link, i), raw)
                ok = ok and item_ok
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if node.minimum is not None and value < node.minimum:
            ok = False
        if node.maximum is not None and value > node.maximum:
            ok = False
    return value, ok


def _all_distinct(items: list[Any]) -> bool:
    try:
        keys = [(type(v) is bool, v) if not isinstance(v, dict | list) else repr(v) for v in items]
        return len(set(keys)) == len(keys)
    except TypeError:
        return False
