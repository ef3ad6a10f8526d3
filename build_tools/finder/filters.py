"""The finder's described filters: one table that draws the controls and tells the browser
what each one matches.

A row names its control and what it matches in the finder's data: any of some flag bits
(:data:`build_tools.finder.records.FLAGS`), a number column that must be at least the number
typed, or a list column that must hold the value chosen. The template draws the controls from
this table with those three facts as attributes, and finder.js has one matcher for each kind,
so a new filter is a row here and its words in ``strings.yml``: the browser holds no list of
filters of its own, and it cannot disagree with the build about what a filter means.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel import Locale

from build_tools.data.model import Entry
from build_tools.finder.records import FLAGS


@dataclass(frozen=True)
class Filter:
    #: The control's ``data-filter`` name, also its label's key in the finder's strings.
    key: str
    #: "flags": any of ``value``'s flag names; "at-least": ``column`` ≥ the number typed;
    #: "holds": ``column``'s list holds the value chosen.
    match: str
    #: "check" (a checkbox), "select" (a list of choices) or "number" (a number box).
    control: str
    #: check: flag names joined by spaces.
    value: str = ""
    #: at-least and holds: the column of the finder's entries.
    column: str = ""
    #: select: ``(value, label key)``; the first option (any) is ``<key>_any``.
    choices: tuple[tuple[str, str], ...] = ()
    #: number: the smallest and largest number the box takes.
    limits: tuple[int, int] = (1, 999)
    #: A line under the control that says what it leaves out (its key in the strings), or "".
    hint: str = ""


#: The described filters, in the order the page shows them.
FILTERS: tuple[Filter, ...] = (
    Filter(
        "pets",
        "flags",
        "select",
        choices=(("petsYes", "pets_yes"), ("petsYes petsAsk", "pets_yes_or_ask")),
    ),
    Filter("with_parent", "flags", "check", value="withParent"),
    Filter("boy_age", "at-least", "number", column="boys", limits=(1, 17), hint="boy_age_hint"),
    Filter("places", "at-least", "number", column="places", limits=(1, 999)),
    Filter(
        "reach",
        "flags",
        "select",
        choices=(
            ("reachSms", "reach_sms"),
            ("reachMessenger", "reach_messenger"),
            ("reachVideo", "reach_video"),
            ("reachTextphone", "reach_textphone"),
        ),
    ),
    Filter("sign_language", "flags", "check", value="signLanguage"),
    Filter("language", "holds", "select", column="languages"),
)


def _check_table() -> None:
    """Every flag a row names exists: a typo would make a filter that matches nothing."""
    for row in FILTERS:
        names = [row.value] if row.control == "check" else [v for v, _ in row.choices]
        for name in (n for value in names for n in value.split()):
            if row.match == "flags" and name not in FLAGS:
                raise ValueError(f"finder filter {row.key!r} names an unknown flag {name!r}")


_check_table()


def language_name(code: str, lang: str) -> str:
    """A language's name in the page's language ("белорусский", "Belarusian"), from Babel."""
    name = Locale.parse(lang).languages.get(code) or code
    return name[:1].upper() + name[1:]


def controls(entries: list[Entry], ui: dict[str, str], lang: str) -> list[dict[str, Any]]:
    """The rows as the template draws them, with labels in ``lang``; the language list offers
    only the languages some listed entry speaks, by name, in alphabetical order."""
    spoken = sorted({code for e in entries for code in e.languages})
    out = []
    for row in FILTERS:
        if row.key == "language":
            choices = [(code, language_name(code, lang)) for code in spoken]
            choices.sort(key=lambda choice: choice[1].casefold())
        else:
            choices = [(value, ui[label]) for value, label in row.choices]
        out.append(
            {
                "key": row.key,
                "match": row.match,
                "control": row.control,
                "value": row.value or row.column,
                "label": ui[row.key],
                "any": ui.get(f"{row.key}_any", ""),
                "choices": choices,
                "min": row.limits[0],
                "max": row.limits[1],
                "hint": ui[row.hint] if row.hint else "",
            }
        )
    return out
