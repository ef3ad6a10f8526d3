"""The guided path (``directory_data/guide.yml``): read, checked and handed to the template.

Questions and answers are data, so the organisation words them like its chatbot, in three
languages, without touching JavaScript. The build refuses a guide that names a step or a
kind of help that does not exist, with the file, line and field to fix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from mkdocs.exceptions import PluginError

from build_tools.data.model import Directory

DATA_DIR = Path(__file__).resolve().parents[2] / "directory_data"
GUIDE_FILE = DATA_DIR / "guide.yml"
SCHEMA_FILE = DATA_DIR / "schema" / "guide.schema.json"


class GuideError(PluginError):
    """The guide cannot be used as written; the message lists every problem."""


@dataclass(frozen=True)
class Problem:
    path: tuple[str | int, ...]
    message: str
    fix: str


def load_guide(directory: Directory, path: Path = GUIDE_FILE) -> dict[str, Any]:
    """The guide as plain data, after the schema and the cross-references are checked."""
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise GuideError(f"{path}: not valid YAML: {error}") from None
    except RecursionError:
        raise GuideError(
            f"{path}: lists and groups are nested too deeply to read — check the brackets and "
            "the indentation"
        ) from None
    problems = schema_problems(data) or reference_problems(data, directory)
    if problems:
        lines = [_where(path, text, p) for p in problems]
        raise GuideError("The guided path cannot be built:\n  " + "\n  ".join(lines))
    return data


def schema_problems(data: Any) -> list[Problem]:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    return [
        Problem(
            tuple(error.absolute_path),
            error.message,
            "see directory_data/schema/guide.schema.json and the notes at the top of guide.yml",
        )
        for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    ]


def reference_problems(data: dict[str, Any], directory: Directory) -> list[Problem]:
    """Every ``next`` names a step, every service exists, ``start`` names a step."""
    steps = {step["id"] for step in data["steps"]}
    services = {s.id for s in directory.services}
    problems = []
    if data["start"] not in steps:
        problems.append(
            Problem(("start",), f"no step has the id {data['start']!r}", _one_of(steps))
        )
    for i, step in enumerate(data["steps"]):
        for j, answer in enumerate(step.get("answers", ())):
            where = ("steps", i, "answers", j)
            if "next" in answer and answer["next"] not in steps:
                problems.append(
                    Problem(
                        (*where, "next"), f"no step has the id {answer['next']!r}", _one_of(steps)
                    )
                )
            for k, service in enumerate(answer.get("services", ())):
                if service not in services:
                    problems.append(
                        Problem(
                            (*where, "services", k),
                            f"{service!r} is not a kind of help in services.yml",
                            _one_of(services),
                        )
                    )
    return problems


def _one_of(choices: set[str]) -> str:
    return "use one of: " + ", ".join(sorted(choices))


def _where(path: Path, text: str, problem: Problem) -> str:
    line = _line_of(text, problem.path)
    field = ".".join(str(p) for p in problem.path) or "(top)"
    return f"{path}:{line}: {field}: {problem.message} — {problem.fix}"


def _line_of(text: str, path: tuple[str | int, ...]) -> int:
    """The 1-based line of the value at ``path`` (or of the deepest part that exists)."""
    node = yaml.compose(text)
    line = 1
    for part in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        found = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    found = value
                    line = key.start_mark.line + 1
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            found = node.value[part]
        node = found
    if node is not None:
        line = node.start_mark.line + 1
    return line
