"""A strict YAML loader: what editors type is what the site gets, and we know where it was.

PyYAML follows YAML 1.1, which silently changes editors' text (``10:30`` becomes 630,
``0171234567`` an octal number, ``no`` becomes False, ``1.10`` becomes 1.1) and lets a
duplicated key win silently, while editors' tools speak YAML 1.2. This loader resolves plain
scalars the YAML 1.2 core way, narrowed further for safety:

- ``true`` / ``false`` (any case spelling of the core schema) are booleans; ``yes``, ``no``,
  ``on``, ``off``, ``y``, ``n`` stay text;
- ``null``, ``~`` and an empty value are null;
- integers are decimal without leading zeros (``0171234567`` stays text);
- decimals keep their original text next to the number, so a field that expects text gets
  ``1.10`` exactly as typed (see ``Document.raw``);
- ``YYYY-MM-DD`` is a date; sexagesimal numbers, octal, hex, ``.inf`` and merge keys do not exist;
- a duplicated key is an error.

Every value keeps its line and column (1-based) in a position map keyed by its path, so a
message can point at the exact place. LibYAML's parser is used when available (it is the
fast part); the tree is walked here, not by PyYAML's constructor.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.composer
import yaml.parser
import yaml.reader
import yaml.scanner
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from build_tools.messages import N_, _

from .errors import ERROR, Problem, field_path

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_DATE = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

#: Nodes one file may expand to; a guard against alias bombs ("billion laughs").
MAX_NODES = 50_000
#: How deep lists and groups may nest. Our files nest five levels at most; a thousand levels
#: would exhaust Python's stack in every stage that walks the data.
MAX_DEPTH = 32


_PLAIN = "!plain"  # a plain scalar, resolved by the walker below

_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT_RE = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class StrictResolver(BaseResolver):
    """Leaves plain scalars for the walker to resolve (one quick dispatch, no regex loop)."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP


def resolve_plain(text: str) -> tuple[str, Any]:
    """The tag and value of a plain (unquoted) scalar by the narrowed YAML 1.2 core rules."""
    if text in _NULLS:
        return _NULL, None
    if text[0] in "0123456789+-.":
        if _INT_RE.match(text):
            return _INT, int(text)
        if _FLOAT_RE.match(text):
            return _FLOAT, float(text)
        if _DATE_RE.match(text):
            try:
                return _DATE, _dt.date.fromisoformat(text)
            except ValueError:
                return _STR, text  # 2026-13-45 stays text; the schema says it is not a date
    elif text in _BOOLS:
        return _BOOL, _BOOLS[text]
    return _STR, text


try:
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - LibYAML ships in PyYAML's wheels
    CParser = None

if CParser is not None:

    class _Composer(CParser, StrictResolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            StrictResolver.__init__(self)

else:  # pragma: no cover - LibYAML is present wherever PyYAML ships wheels

    class _Composer(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        StrictResolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            StrictResolver.__init__(self)


@dataclass
class Document:
    """One loaded YAML file: plain Python data, and the node tree that says where each value is.

    Positions are looked up in the composed node tree only when a problem is reported, so
    loading a valid file pays nothing for them.
    """

    path: str
    data: Any = None
    #: The original text of plain scalars that became numbers, dates or booleans.
    raw: dict[Path_, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    root: Node | None = None
    line_offset: int = 0
    #: The file's first line (where the ``yaml-language-server`` schema comment belongs).
    first_line: str = ""
    #: False when the file could not be read as text at all (not UTF-8, unreadable).
    readable: bool = True

    def _nodes(self, path: Path_) -> tuple[Node | None, Node | None, int]:
        """(value node, key node naming it, how many parts of ``path`` were found)."""
        node, key_node = self.root, None
        for depth, part in enumerate(path):
            found = None
            if isinstance(node, MappingNode) and isinstance(part, str):
                for candidate_key, candidate in node.value:
                    if isinstance(candidate_key, ScalarNode) and candidate_key.value == part:
                        found = (candidate, candidate_key)
                        break
            elif (
                isinstance(node, SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                found = (node.value[part], None)
            if found is None:
                return node, None, depth
            node, key_node = found
        return node, key_node, len(path)

    def _mark(self, node: Node | None) -> tuple[int, int]:
        if node is None:
            return 1 + self.line_offset, 1
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def where(self, path: Path_) -> tuple[int, int]:
        """1-based (line, column) of the value at ``path``; if missing, of its nearest parent."""
        node, _key, _found = self._nodes(path)
        return self._mark(node)

    def key_where(self, path: Path_) -> tuple[int, int]:
        """Where the key naming ``path`` is (the start of its line); else where the value is."""
        node, key_node, found = self._nodes(path)
        if found == len(path) and key_node is not None:
            return self._mark(key_node)
        return self._mark(node)

    def problem(
        self, path: Path_, message: str, fix: str, severity: str = ERROR, *, at_key: bool = False
    ) -> Problem:
        """Record and return a problem located at ``path`` (its key, or its value)."""
        line, col = self.key_where(path) if at_key else self.where(path)
        found = Problem(self.path, line, col, field_path(path), message, fix, severity)
        if found not in self.problems:  # two checks may find the same thing: say it once
            self.problems.append(found)
        return found


def load_file(file: Path, shown: str | None = None) -> Document:
    """Load one YAML file strictly; problems (even unreadable files) land in the Document."""
    shown = shown if shown is not None else str(file)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        doc = Document(shown, readable=False)
        line = file.read_bytes()[: exc.start].count(b"\n") + 1
        doc.problems.append(
            Problem(
                shown,
                line,
                1,
                "",
                _(
                    "the file is not in UTF-8 (this line is in another encoding, such as "
                    "Windows-1251)"
                ),
                _('save it as UTF-8 text (in the editor\'s "Save as", choose the encoding UTF-8)'),
            )
        )
        return doc
    except OSError as exc:
        doc = Document(shown, readable=False)
        doc.problems.append(
            Problem(
                shown,
                1,
                1,
                "",
                _("cannot read the file ({strerror})").format(strerror=exc.strerror),
                _("check the file"),
            )
        )
        return doc
    return load_text(text, shown)


def load_text(text: str, shown: str, *, line_offset: int = 0) -> Document:
    """Load YAML text strictly. ``line_offset`` shifts lines (front matter inside Markdown)."""
    doc = Document(shown, first_line=text[: text.find("\n")] if "\n" in text else text)
    try:
        composer = _Composer(text)
        node = composer.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        message, fix = _explain_syntax_error(exc, text)
        doc.problems.append(Problem(shown, line, col, "", message, fix))
        return doc
    except yaml.reader.ReaderError as exc:  # a control character the reader refuses
        position = exc.position if isinstance(exc.position, int) else 0
        if CParser is not None:  # LibYAML counts bytes of the UTF-8 text, not characters
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        line = text.count("\n", 0, position) + 1 + line_offset
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        code = (
            exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        )
        name = unicodedata.name(chr(code), "") or ("NUL" if code == 0 else _("a control character"))
        doc.problems.append(
            Problem(
                shown,
                line,
                col,
                "",
                _(
                    "the file holds an invisible control character U+{code:04X} ({name}) here"
                ).format(code=code, name=name),
                _("delete it: retype this line (such characters are invisible in most editors)"),
            )
        )
        return doc
    except yaml.YAMLError as exc:
        doc.problems.append(
            Problem(
                shown,
                1 + line_offset,
                1,
                "",
                _("not readable as YAML ({exc})").format(exc=exc),
                _(_SYNTAX_FIX),
            )
        )
        return doc
    if node is not None:
        doc.root = node
        doc.line_offset = line_offset
        doc.data = _Walker(doc).value(node, ())
    return doc


class _Walker:
    """Turns the composed node tree into plain data (text values take the short path)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.count = 0
        self.active: set[int] = set()
        self.exploded = False
        self.too_deep = False
        self.seen: set[int] = set()
        self.aliased = False

    def value(self, node: Node, path: Path_) -> Any:
        if node.__class__ is ScalarNode:
            return node.value if node.tag == _STR else self.scalar(node, path)  # type: ignore[arg-type]
        if len(path) >= MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                self.at(  # the field named by its first parts: the full path is unreadable
                    node,
                    path[:2],
                    _("lists and groups are nested more than {MAX_DEPTH} levels deep here").format(
                        MAX_DEPTH=MAX_DEPTH
                    ),
                    _("check the brackets and the indentation: a data file nests a few levels"),
                )
            return None
        if id(node) in self.seen:
            self.aliased = True  # the same list or group again: an `*alias` repeats it
        self.seen.add(id(node))
        self.count += len(node.value)
        if self.count > MAX_NODES:
            if not self.exploded:
                self.exploded = True
                if self.aliased:
                    self.doc.problem(
                        path,
                        _("the file expands to too many values (repeated anchors)"),
                        _("write the values out instead of using `&anchor` / `*alias`"),
                    )
                else:
                    self.doc.problem(
                        path,
                        _(
                            "the file holds more than {MAX_NODES:,} values; one file holds one "
                            "entry"
                        ).format(MAX_NODES=MAX_NODES),
                        _(
                            "split it: one place or service per file (regions and kinds of help "
                            "are "
                            "lists of a few hundred at most)"
                        ),
                    )
            return None
        if id(node) in self.active:
            self.doc.problem(path, _("an alias refers to itself"), _("remove the `*alias`"))
            return None
        self.active.add(id(node))
        try:
            if node.__class__ is MappingNode:
                if node.tag != _MAP:
                    self.unsupported_tag(node, path)
                return self.mapping(node, path)  # type: ignore[arg-type]
            if node.tag != _SEQ:
                self.unsupported_tag(node, path)
            items = []
            for i, item in enumerate(node.value):
                if item.__class__ is ScalarNode and item.tag == _STR:
                    items.append(item.value)
                else:
                    items.append(self.value(item, (*path, i)))
            return items
        finally:
            self.active.discard(id(node))

    def mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self.at(key_node, path, _("a key is a list or a group instead of a name"),
                        _("write keys as plain names: `name: value`"))  # fmt: skip
                continue
            key = key_node.value
            if key in result:
                if not first_lines:
                    first_lines = self.key_lines(node)
                self.at(
                    key_node,
                    (*path, key),
                    _("`{key}` is written twice (first on line {value})").format(
                        key=key, value=first_lines[key]
                    ),
                    _("keep one of them: YAML tools would silently use only the last one"),
                )
                continue
            if value_node.__class__ is ScalarNode and value_node.tag == _STR:
                result[key] = value_node.value
            else:
                result[key] = self.value(value_node, (*path, key))
        return result

    def key_lines(self, node: MappingNode) -> dict[str, int]:
        lines: dict[str, int] = {}
        for key_node, _value in node.value:
            if key_node.__class__ is ScalarNode:
                lines.setdefault(
                    key_node.value, key_node.start_mark.line + 1 + self.doc.line_offset
                )
        return lines

    def at(self, node: Node, path: Path_, message: str, fix: str) -> None:
        """A problem at a node that ``path`` does not lead to (a duplicate key, a bad key)."""
        mark = node.start_mark
        self.doc.problems.append(
            Problem(
                self.doc.path,
                mark.line + 1 + self.doc.line_offset,
                mark.column + 1,
                field_path(path),
                message,
                fix,
            )
        )

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            return text
        if tag == _PLAIN:
            tag, value = resolve_plain(text)
            if tag not in (_STR, _NULL):
                self.doc.raw[path] = text
            return value
        # an explicit tag such as `!!str 10:30` or `!!int "5"`
        try:
            if tag == _NULL:
                return None
            if tag == _BOOL:
                return _BOOLS[text]
            if tag == _INT:
                return int(text)
            if tag == _FLOAT:
                return float(text)
            if tag == _DATE:
                return _dt.date.fromisoformat(text)
        except (KeyError, ValueError):
            self.doc.problem(
                path,
                _("`{text}` does not fit the tag `{tag}`").format(text=text, tag=tag),
                _("remove the tag"),
            )
            return text
        self.doc.problem(
            path,
            _("the tag `{tag}` is not supported").format(tag=tag),
            _("remove the tag (the word starting with `!`) before the value"),
        )
        return text

    def unsupported_tag(self, node: Node, path: Path_) -> None:
        self.doc.problem(
            path,
            _("the tag `{tag}` is not supported").format(tag=node.tag),
            _("remove the tag (the word starting with `!`)"),
        )


_SYNTAX_FIX = N_("check the indentation, the colons and the quotes on this line and the one above")

_SYNTAX_HINTS: tuple[tuple[str, str, str], ...] = (
    ("'\\t'", N_("a tab character is used for indentation"), N_("indent with spaces, not tabs")),
    (
        "mapping values are not allowed",
        N_("a second `:` on this line"),
        N_("put a value that contains `: ` in quotes, or move the key to its own line"),
    ),
    (
        "could not find expected ':'",
        N_("a line is not in the form `key: value`"),
        N_("add the missing `:` or indent the line like its neighbours"),
    ),
    (
        "expected a single document",
        N_("the file holds more than one YAML document (`---`)"),
        N_("remove the extra `---` line: one file holds one entry"),
    ),
    ("undefined alias", N_("an `*alias` names no `&anchor`"), N_("write the value out instead")),
    (
        "found unexpected end of stream",
        N_("a quote or bracket is opened and never closed"),
        N_("close the quote or bracket"),
    ),
    (
        "did not find expected key",
        N_("the indentation of this line does not match the lines around it"),
        N_("indent it like the other fields of the same group"),
    ),
    (
        "expected <block end>",
        N_("the indentation of this line does not match the lines around it"),
        N_("indent it like the other fields of the same group"),
    ),
)


def _explain_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, str]:
    """A plain-language message and fix for PyYAML's parser errors."""
    detail = " ".join(x for x in (exc.context, exc.problem) if x)
    mark = exc.problem_mark
    lines = text.splitlines()
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        detail += " '\\t'"
    for needle, message, fix in _SYNTAX_HINTS:
        if needle in detail:
            return f"{_(message)} (YAML: {exc.problem})", _(fix)
    return _("the YAML cannot be read: {value}").format(value=detail or exc), _(_SYNTAX_FIX)
