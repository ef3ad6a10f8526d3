"""The guided path (``guide.yml``) checked like every other data file.

The guide is read by the same strict loader and JSON Schema machinery as the entries, and its
references (each ``next`` names a step, each kind of help exists, ``start`` names a step) are
checked against the model here, in the data stage. So ``validate`` reports exactly what would
stop the build, with file, line and field, and the finder and the chatbot receive a guide that
is known to be whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from build_tools.messages import _

from . import schema
from .errors import Problem
from .phones import PhoneIssue, parse_number
from .yaml_loader import Document, load_file

GUIDE = "guide.yml"


def check_guide(file: Path, service_ids: Iterable[str], shown: str | None = None) -> Document:
    """Load and check ``file``; the Document holds the data and every problem found."""
    doc = load_file(file, shown)
    if doc.problems:
        return doc
    if doc.data is None:
        doc.problem((), _("the file is empty"), _("write the guided path's steps in it"))
        return doc
    schema.check(doc, "guide")
    if any(p.is_error for p in doc.problems):
        return doc
    _check_references(doc, set(service_ids))
    _check_numbers(doc)
    return doc


def guide_problems(data_dir: Path, service_ids: Iterable[str]) -> tuple[Any, list[Problem]]:
    """``(guide data or None, problems)`` for ``data_dir/guide.yml``; a missing guide is fine
    (the directory home then shows the finder without the guided path)."""
    file = Path(data_dir) / GUIDE
    if not file.is_file():
        return None, []
    doc = check_guide(file, service_ids, str(file))
    if any(p.is_error for p in doc.problems):
        return None, doc.problems
    return doc.data, doc.problems


def _check_references(doc: Document, services: set[str]) -> None:
    data = doc.data
    steps = {step["id"] for step in data["steps"]}
    if data["start"] not in steps:
        doc.problem(
            ("start",),
            _("no step has the id `{value}`").format(value=data["start"]),
            _one_of(steps),
        )
    for i, step in enumerate(data["steps"]):
        for j, answer in enumerate(step.get("answers", ())):
            where = ("steps", i, "answers", j)
            if "next" in answer and answer["next"] not in steps:
                doc.problem(
                    (*where, "next"),
                    _("no step has the id `{value}`").format(value=answer["next"]),
                    _one_of(steps),
                )
            for k, service in enumerate(answer.get("services", ())):
                if service not in services:
                    doc.problem(
                        (*where, "services", k),
                        _("`{service}` is not a kind of help in services.yml").format(
                            service=service
                        ),
                        _one_of(services),
                    )


def _check_numbers(doc: Document) -> None:
    """Each emergency number is one a phone can dial (``{{ org.… }}`` is checked by the build)."""
    for i, item in enumerate(doc.data["emergency"]["numbers"]):
        number = item["number"]
        if number.lstrip().startswith("{{"):
            continue
        try:
            parse_number(number)
        except PhoneIssue as issue:
            doc.problem(("emergency", "numbers", i, "number"), issue.message, issue.fix)


def _one_of(choices: set[str]) -> str:
    return _("use one of: {items}").format(items=", ".join(sorted(choices)))
