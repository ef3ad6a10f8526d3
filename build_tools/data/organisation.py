"""The organisation's own facts (``directory_data/organisation.yml``), each written once.

The hotline's number and hours, the chatbot's name and handle, dates and figures: pages,
templates, the guided help and the leaflets all read them from here, so a change of hours is
one edit and a wrong figure cannot hide in one language. Each fact becomes a *key*
(``hotline.hours``) with a text per language; Markdown pages write ``{{ org.hotline.hours }}``
(see :mod:`build_tools.facts_markup`).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from build_tools.messages import _

from . import schema
from .errors import Problem
from .model import DEFAULT_LANGUAGE
from .phones import PhoneIssue, parse_number
from .yaml_loader import load_file

FILE_NAME = "organisation.yml"
SCHEMA_LINE = "# yaml-language-server: $schema=schema/organisation.schema.json"


@dataclass(frozen=True)
class Fact:
    """One fact in one language: as plain text, and as Markdown (a link where it is one)."""

    text: str
    markdown: str | None = None


@dataclass(frozen=True)
class Organisation:
    """The checked contents of organisation.yml (plain data, as the schema describes it)."""

    data: dict[str, Any]

    @property
    def hotline_number(self) -> str:
        return str(self.data["hotline"]["number"])

    @property
    def hotline_tel(self) -> str:
        """The hotline's ``tel:`` value, by the one dial rule (``88011008801``)."""
        return parse_number(self.hotline_number).tel

    @property
    def hotline_hours(self) -> str:
        """``08:00–20:00`` (an en dash, as the pages write a span of time)."""
        return str(self.data["hotline"]["hours"]).replace("-", "–")

    @property
    def telegram(self) -> str:
        return str(self.data["chatbot"]["telegram"])

    def facts(self, lang: str) -> dict[str, Fact]:
        """Every key editors may use, with its text in ``lang``."""
        d = self.data
        handle = "@" + self.telegram
        facts = {
            "name": Fact(_in(d["name"], lang)),
            "short_name": Fact(_in(d["short_name"], lang)),
            "hotline.number": Fact(self.hotline_number),
            "hotline.tel": Fact(self.hotline_tel),
            "hotline.link": Fact(
                self.hotline_number, f"[{self.hotline_number}](tel:{self.hotline_tel})"
            ),
            "hotline.hours": Fact(self.hotline_hours),
            "hotline.opens": Fact(self.hotline_hours.split("–")[0]),
            "hotline.closes": Fact(self.hotline_hours.split("–")[1]),
            "chatbot.name": Fact(_in(d["chatbot"]["name"], lang)),
            "chatbot.handle": Fact(handle),
            "chatbot.link": Fact(handle, f"[{handle}](https://t.me/{self.telegram})"),
            "chatbot.url": Fact(f"https://t.me/{self.telegram}", f"<https://t.me/{self.telegram}>"),
        }
        if "opened" in d["hotline"]:
            facts["hotline.opened"] = Fact(_day(d["hotline"]["opened"], lang))
        if "opened" in d["chatbot"]:
            facts["chatbot.opened"] = Fact(_month(d["chatbot"]["opened"], lang))
        for key, figure in d.get("figures", {}).items():
            facts[f"figures.{key}"] = Fact(format_decimal(figure["value"], locale=lang))
            facts[f"figures.{key}.as_of"] = Fact(_day(figure["as_of"], lang))
        for key, member in d.get("memberships", {}).items():
            facts[f"memberships.{key}.name"] = Fact(member["name"])
            if "since" in member:
                facts[f"memberships.{key}.since"] = Fact(str(member["since"]))
        return facts


def _in(texts: dict[str, str], lang: str) -> str:
    """A name in ``lang``; a language added since the file was written reads the default's."""
    return texts.get(lang) or texts[DEFAULT_LANGUAGE]


def _day(value: str, lang: str) -> str:
    """``2012-08-13`` → 13 августа 2012 / 13 жніўня 2012 / 13 August 2012."""
    return format_date(_dt.date.fromisoformat(str(value)), "d MMMM y", locale=lang)


def _month(value: str, lang: str) -> str:
    """``2019-11`` → ноября 2019 / лістапада 2019 / November 2019 (the form "since …" takes)."""
    year, month = (int(part) for part in str(value).split("-"))
    return format_date(_dt.date(year, month, 1), "MMMM y", locale=lang)


def load_organisation(data_dir: Path) -> tuple[Organisation | None, list[Problem]]:
    """organisation.yml checked against its schema; problems name the file, line and field."""
    file = data_dir / FILE_NAME
    shown = str(file)
    if not file.is_file():
        return None, [
            Problem(
                shown,
                1,
                1,
                "",
                _(
                    "{FILE_NAME} is missing: the pages take the hotline's number and hours from it"
                ).format(FILE_NAME=FILE_NAME),
                _("create {FILE_NAME} in {data_dir} (see docs/data-format.md)").format(
                    FILE_NAME=FILE_NAME, data_dir=data_dir
                ),
            )
        ]
    doc = load_file(file, shown)
    if doc.data is not None and not doc.problems:
        schema.check(doc, "organisation")
    if not doc.problems and not isinstance(doc.data, dict):
        doc.problem((), _("the file is empty"), _("write the organisation's facts in it"))
    if not doc.problems:
        try:
            parse_number(doc.data["hotline"]["number"])
        except PhoneIssue as issue:
            doc.problem(("hotline", "number"), issue.message, issue.fix)  # never a guess
    errors = [p for p in doc.problems if p.is_error]
    return (None if errors else Organisation(doc.data)), list(doc.problems)
