"""The benchmark's figures and how they are written: Markdown for people, JSON for machines.

Every figure carries its target beside it, and a part that could not be measured says so and
why, instead of disappearing from the report: a missing number must be as visible as a bad one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

#: Decimals shown per unit.
_DIGITS = {"KB": 1, "MB": 0, "s": 2, "ms": 1, "×": 2}


@dataclass
class Figure:
    """One measured number, with its target (if there is one) and whether it met it."""

    label: str
    value: float | None = None
    unit: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""
    #: Set instead of ``value`` when the figure could not be measured: says why.
    not_measured: str = ""

    def shown_value(self) -> str:
        if self.not_measured:
            return f"not measured: {self.not_measured}"
        if self.value is None:
            return "—"
        digits = _DIGITS.get(self.unit, 0)
        if self.unit == "KB" and self.value >= 100:
            digits = 0
        space = "" if self.unit == "×" else " "
        return f"{self.value:.{digits}f}{space}{self.unit}".strip()

    def verdict(self) -> str:
        if self.not_measured or self.met is None:
            return ""
        return "met" if self.met else "**missed**"


@dataclass
class Section:
    title: str
    intro: str = ""
    figures: list[Figure] = field(default_factory=list)

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        return figure

    def missing(self, label: str, why: str, target: str = "") -> Figure:
        return self.add(Figure(label, target=target, not_measured=why))


@dataclass
class Report:
    machine: dict[str, str]
    started: str
    sections: list[Section] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def section(self, title: str, intro: str = "") -> Section:
        found = Section(title, intro)
        self.sections.append(found)
        return found

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "machine": self.machine,
            "started": self.started,
            "sections": [asdict(s) for s in self.sections],
            "notes": self.notes,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def to_markdown(self) -> str:
        lines = [
            "# Benchmark",
            "",
            "Written by `make bench` (`python -m build_tools.bench`): generated directory data "
            "in the real format, built and measured in one run on one machine. Each figure has "
            "its target beside it; a part that could not be measured says why.",
            "",
            f"Run started {self.started}.",
            "",
            "## Machine",
            "",
            "| | |",
            "|---|---|",
        ]
        lines += [f"| {key} | {_cell(value)} |" for key, value in self.machine.items()]
        for section in self.sections:
            lines += ["", f"## {section.title}", ""]
            if section.intro:
                lines += [section.intro, ""]
            lines += ["| measure | value | target | |", "|---|---|---|---|"]
            for fig in section.figures:
                label = fig.label + (f" ({fig.note})" if fig.note else "")
                lines.append(
                    f"| {_cell(label)} | {_cell(fig.shown_value())} | {_cell(fig.target)} "
                    f"| {fig.verdict()} |"
                )
        if self.notes:
            lines += ["", "## Notes", ""]
            lines += [f"- {note}" for note in self.notes]
        return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
