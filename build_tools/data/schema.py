"""Checking a loaded file against its JSON Schema, with messages editors can act on.

The schemas in ``directory_data/schema/`` are the same ones editors' tools use for completion,
so the build and the editor agree on what is allowed. jsonschema's own messages are written
for programmers; each error kind is re-worded here and placed at the line of the offending
value (or of the key that holds a missing one).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from build_tools.languages import LANGUAGES, with_languages
from build_tools.messages import N_, _

from .quick_schema import QuickSchema, UnsupportedSchema, as_text_where_expected, resolve
from .yaml_loader import Document, Path_

if TYPE_CHECKING:  # jsonschema takes a fifth of a second to import: only failing files need it
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

#: Where the schemas live; the build always uses these, whatever data directory it reads.
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "directory_data" / "schema"
KINDS = ("regions", "services", "entry", "organisation")


def _iso_date(value: object) -> bool:
    """Only the full ``YYYY-MM-DD`` form editors are told to write."""
    if not isinstance(value, str):
        return True
    return len(value) == 10 and bool(_dt.date.fromisoformat(value))


@cache
def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema for ``regions``, ``services`` or ``entry``, with the site's languages."""
    return with_languages(json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text("utf-8")))


@cache
def full_validator(kind: str) -> Draft202012Validator:
    """jsonschema's validator for ``kind``, with the ``date`` format checked as we define it."""
    from jsonschema import Draft202012Validator, FormatChecker

    formats = FormatChecker([])
    formats.checks("date", raises=ValueError)(_iso_date)
    return Draft202012Validator(schema(kind), format_checker=formats)


def check(doc: Document, kind: str) -> None:
    """Validate ``doc.data`` against the ``kind`` schema; problems are added to ``doc``.

    Plain scalars that YAML read as numbers, dates or booleans become their original text
    where the schema expects text (a phone ``102``, a label ``1.10``), before validation.

    A file that passes the quick check (:mod:`build_tools.data.quick_schema`, a small
    interpreter of the keywords our schemas use) is valid; only a failing file goes through
    jsonschema, whose detailed errors the messages are made from. Most files are valid, and
    this keeps a directory of a thousand entries checkable in a fraction of a second.
    """
    root = schema(kind)
    quick = _quick(kind)
    if quick is not None:
        doc.data, ok = quick.check(doc.data, doc.raw)
        if ok:
            return
    else:
        doc.data = as_text_where_expected(doc.data, root, root, (), doc.raw)
    for error in full_validator(kind).iter_errors(doc.data):
        _report(doc, error, root)


@cache
def _quick(kind: str) -> QuickSchema | None:
    try:
        return QuickSchema(schema(kind))
    except UnsupportedSchema:
        return None


_TYPE_WORDS = {
    "string": N_("text"),
    "boolean": N_("`true` or `false`"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "object": N_("a group of `key: value` lines"),
    "array": N_("a list (`[a, b]`, or lines starting with `- `)"),
    "null": N_("empty"),
}


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return _("a group of fields")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    text = str(value)
    return f"`{text[:60]}…`" if len(text) > 60 else f"`{text}`"


#: The keys of a text map (``name: {ru: …, be: …, en: …}``).
_LANGUAGES = set(LANGUAGES)


def _cut_text(value: dict[str, Any], key: str, known: list[str]) -> str:
    """The quoted form when ``key`` is the rest of a text cut at an unquoted comma.

    ``label: {ru: круглосуточно, дежурный специалист}`` reads as ``ru: круглосуточно`` and a
    key ``дежурный специалист`` without a value; a key with spaces or Cyrillic, in a text map,
    is that, never a field. Returns "" when it does not look so.
    """
    if not set(known) <= _LANGUAGES or value.get(key) is not None:
        return ""
    if " " not in key and key.isascii():
        return ""
    keys = list(value)
    start = keys.index(key)
    while start > 0 and keys[start - 1] not in known:
        start -= 1
    if start == 0 or not isinstance(value[keys[start - 1]], str):
        return ""
    end = start
    while end < len(keys) and keys[end] not in known and value[keys[end]] is None:
        end += 1
    lang = keys[start - 1]
    text = ", ".join([value[lang], *keys[start:end]]).replace('"', '\\"')
    return f'{lang}: "{text}"'


#: What :func:`_removable` answers for an optional field: its whole line may go.
_LINE = "the line"


def _removable(error: ValidationError, root: dict[str, Any]) -> str:
    """What the fix may offer to remove: "the line" for an optional field, "`summary`" for a
    required part of an optional field, or "" when the field must be there."""
    parts = list(error.absolute_schema_path)[:-1]  # without the failing keyword
    steps: list[tuple[str, bool] | None] = []  # (field, required); None for a list item
    node: Any = root
    holder: dict[str, Any] = root
    try:
        for i, part in enumerate(parts):
            node = resolve(node, root)
            if part == "properties":
                holder = node
            elif i > 0 and parts[i - 1] == "properties":
                steps.append((str(part), part in holder.get("required", ())))
            elif part == "items":
                steps.append(None)
            node = node[part]
    except (KeyError, IndexError, TypeError):
        return _LINE
    if not steps or steps[-1] is None or not steps[-1][1]:
        return _LINE
    for step in reversed(steps[:-1]):
        if step is None:
            return ""
        if not step[1]:
            return f"`{step[0]}`"
    return ""


def _or_remove(fix: str, error: ValidationError, root: dict[str, Any]) -> str:
    what = _removable(error, root)
    if not what:
        return _("{fix}: it is required").format(fix=fix)
    if what == _LINE:
        return _("{fix}, or remove the line").format(fix=fix)
    return _("{fix}, or remove {field} altogether").format(fix=fix, field=what)


def _hint(node: dict[str, Any], root: dict[str, Any]) -> str:
    description = resolve(node, root).get("description", "")
    return description[:1].lower() + description[1:] if description else ""


def _report(doc: Document, error: ValidationError, root: dict[str, Any]) -> None:
    for path, message, fix, at_key in _explain(doc, error, root):
        doc.problem(path, message, fix, at_key=at_key)


def _explain(
    doc: Document, error: ValidationError, root: dict[str, Any]
) -> Iterator[tuple[Path_, str, str, bool]]:
    """(path, message, fix, place-at-key) for one jsonschema error."""
    path: Path_ = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    node = error.schema if isinstance(error.schema, dict) else {}

    if kind == "additionalProperties" and isinstance(value, dict):
        known = sorted(node.get("properties", {}))
        for key in value:
            if key in known:
                continue
            quoted = _cut_text(value, key, known)
            if quoted:
                yield (
                    (*path, key),
                    _(
                        "`{key}` is not a field: a comma inside `{{…}}` ended the text before it"
                    ).format(key=key),
                    _("put the whole text in quotes: `{quoted}`").format(quoted=quoted),
                    True,
                )
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            fix = (
                _("did you mean `{value}`?").format(value=close[0])
                if close
                else _("remove it or check the spelling.")
            )
            yield (
                (*path, key),
                _("unknown field `{key}`").format(key=key),
                _("{fix} Allowed here: {items}").format(fix=fix, items=", ".join(known)),
                True,
            )
        return
    if kind == "required" and isinstance(value, dict):
        props = node.get("properties", {})
        for name in error.validator_value:
            if name in value:
                continue
            hint = _hint(props.get(name, {}), root)
            fix = f"add `{name}:` — {hint}" if hint else f"add `{name}:`"
            if name == "ru":
                fix = _("add the Russian text `ru: …`: Russian is the default language")
            yield (*path, name), _("`{name}` is missing").format(name=name), fix, True
        return
    if value is None and path == ("verified",):
        # Optional in the schema, but the entry checks want it unless nobody has called yet.
        fix = _(
            "write the day the details were confirmed by phone (YYYY-MM-DD); if nobody has "
            "called yet, remove the line and write `status: unconfirmed` with `source` and "
            "`source_date`"
        )
        yield path, _("the value is empty"), fix, True
        return
    if value is None:
        fix = _or_remove(_("write a value after the colon"), error, root)
        yield path, _("the value is empty"), fix, True
        return
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        words = _(" or ").join(_(_TYPE_WORDS[t]) if t in _TYPE_WORDS else t for t in expected)
        fix = f"write {words}"
        if "boolean" in expected and isinstance(value, str):
            fix = _("write `true` or `false` (`{value}` is read as text)").format(value=value)
        yield (
            path,
            _("{shown} should be {words}").format(shown=_shown(value), words=words),
            fix,
            False,
        )
        return
    if kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        # Case folded: `SMS` or `Yes` is a slip of the shift key, not a new value.
        close = difflib.get_close_matches(str(value).casefold(), allowed, n=1, cutoff=0.6)
        fix = _("use one of: {items}").format(items=", ".join(allowed))
        if close:
            fix = _("did you mean `{value}`? Use one of: {items}").format(
                value=close[0], items=", ".join(allowed)
            )
        yield path, _("{shown} is not an allowed value").format(shown=_shown(value)), fix, False
        return
    if kind == "minLength":
        yield path, _("the text is empty"), _or_remove(_("write the text"), error, root), False
        return
    if kind == "minItems":
        hint = _hint(node, root)
        yield (
            path,
            _("the list is empty"),
            _("add at least one item: {hint}").format(hint=hint).rstrip(": "),
            False,
        )
        return
    if kind == "uniqueItems":
        seen: set[str] = set()
        twice = next((v for v in map(str, value) if v in seen or seen.add(v)), _("an item"))
        yield path, _("`{twice}` is listed twice").format(twice=twice), _("keep it once"), False
        return
    if kind == "pattern":
        yield (
            path,
            _("{shown} is not in the right form").format(shown=_shown(value)),
            _hint(node, root),
            False,
        )
        return
    if kind == "format":
        yield (
            path,
            _("{shown} is not a date").format(shown=_shown(value)),
            _("write the date as YYYY-MM-DD"),
            False,
        )
        return
    if kind in ("minimum", "maximum"):
        shown, limit = _shown(value), error.validator_value
        if kind == "minimum":
            message = _("{shown} is too small").format(shown=shown)
            fix = _("use a number at least {limit}").format(limit=limit)
        else:
            message = _("{shown} is too large").format(shown=shown)
            fix = _("use a number at most {limit}").format(limit=limit)
        yield path, message, fix, False
        return
    yield path, error.message, _("check this value against the format description"), False
