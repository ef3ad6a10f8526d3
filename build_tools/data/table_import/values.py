"""Cell values as people type them → the directory's values, or a to-do saying what to do.

Places by name in any of the three languages and their usual forms ("Гомельская обл.",
"г. Минск"); kinds of help through the names and synonyms in ``services.yml``; several phones
in one cell; yes/no in three languages; dates as Excel or people write them.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from build_tools.messages import _

from ..hsds_import.known import Known
from ..phones import PhoneIssue, parse_number
from .hours_words import hours_from_words

#: Words around a place's name that do not tell places apart.
_PLACE_WORDS = frozenset(
    [
        "г",
        "гор",
        "город",
        "горад",
        "гп",
        "пгт",
        "аг",
        "агрогородок",
        "аграгарадок",
        "д",
        "деревня",
        "вёска",
        "веска",
        "пос",
        "посёлок",
        "поселок",
        "п",
        "obl",
        "обл",
        "область",
        "вобл",
        "вобласць",
        "region",
        "oblast",
        "city",
        "town",
        "р-н",
        "район",
        "раён",
    ]
)
_NATIONAL = frozenset(
    {
        "вся беларусь", "беларусь", "республика беларусь", "рб", "вся страна", "вся республика",
        "уся беларусь", "рэспубліка беларусь", "уся краіна", "belarus", "all belarus",
        "national", "whole country", "по всей беларуси", "па ўсёй беларусі",
    }
)  # fmt: skip

YES = frozenset({"да", "так", "yes", "y", "+", "1", "true", "д", "есть", "ёсць", "х", "x", "✓"})
NO = frozenset({"нет", "не", "no", "n", "-", "0", "false", "н", "няма", "—", "–"})


def place_key(text: str) -> str:
    words = re.sub(r"[^\w-]+", " ", text.casefold().replace("ё", "е")).split()
    kept = [w for w in words if w not in _PLACE_WORDS]
    return " ".join(kept or words)


def yes_no(text: str) -> bool | None:
    """True, False, or None for empty or anything else."""
    key = text.strip().casefold().rstrip(".")
    if key in YES:
        return True
    if key in NO:
        return False
    return None


@dataclass
class Places:
    """Region and locality names (all languages, without "г.", "обл." …) → ids."""

    regions: dict[str, str] = field(default_factory=dict)
    localities: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def from_known(cls, known: Known) -> Places:
        places = cls()
        for key, region_id in known.regions.items():
            places.regions.setdefault(place_key(key), region_id)
            # "Брестская область" is also written "Брестская"
            places.regions.setdefault(place_key(key).split(" ")[0], region_id)
        for key, value in known.localities.items():
            places.localities.setdefault(place_key(key), value)
        return places

    def is_national(self, text: str) -> bool:
        return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split()) in _NATIONAL

    def region(self, text: str) -> str | None:
        key = place_key(text)
        return self.regions.get(key) or self.regions.get(key.split(" ")[0] if key else "")

    def locality(self, text: str) -> tuple[str, str] | None:
        return self.localities.get(place_key(text))


def services_in(text: str, known: Known) -> tuple[list[str], list[str]]:
    """Service ids named in a cell (by name or synonym, anywhere in it), and parts not matched."""
    found: list[str] = []
    unmatched: list[str] = []
    keys = sorted(known.services.items(), key=lambda item: -len(item[0]))
    for part in re.split(r"[,;/\n]+", text):
        part_key = " ".join(part.casefold().replace("ё", "е").split()).strip(" .")
        if not part_key:
            continue
        hits = [sid for key, sid in keys if len(key) >= 3 and key in part_key]
        if not hits:
            unmatched.append(part.strip())
        for sid in hits:
            if sid not in found:
                found.append(sid)
    return found, unmatched


@dataclass
class PhoneCell:
    phones: list[dict] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)


_NOTE = re.compile(r"\(([^()]*[^\W\d_][^()]*)\)")
_LEAD = re.compile(r"^([^\d+(]+)")


def phones_in(text: str) -> PhoneCell:
    """Split on ``,`` ``;`` ``/`` and line breaks; a word note in brackets becomes the label
    (or the phone's hours, when it reads as hours)."""
    cell = PhoneCell()
    for raw in re.split(r"[,;/\n]+", text):
        part = raw.strip()
        if not part:
            continue
        notes = _NOTE.findall(part)
        part = _NOTE.sub(" ", part)
        lead = _LEAD.match(part)
        if lead:
            words = lead[1].strip(" :.-–—")
            if words:
                notes.insert(0, words)
            part = part[lead.end() :]
        number = " ".join(part.split()).strip(" .")
        if not number:
            cell.todo.append(
                _("the phone cell part `{strip}` has no number: check it").format(strip=raw.strip())
            )
            continue
        phone: dict = {}
        try:
            dialling = parse_number(number)
            phone["number"] = dialling.display
        except PhoneIssue as issue:
            if issue.dialling is None:
                cell.todo.append(
                    _("`{number}` is not a phone number this reads: {fix}").format(
                        number=number, fix=issue.fix
                    )
                )
                continue
            phone["number"] = issue.dialling.display
            cell.todo.append(
                _(
                    "add the area code to `{display}`: without it the number only works from "
                    "a landline in the same town"
                ).format(display=issue.dialling.display)
            )
        for note in notes:
            hours = hours_from_words(note)
            if hours and "hours" not in phone:
                phone["hours"] = hours
            else:
                label = phone.setdefault("label", {"ru": note})
                if label["ru"] != note:
                    label["ru"] += f", {note}"
        cell.phones.append(phone)
    return cell


_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})(?:\s.*)?$")


def date_in(text: str) -> _dt.date | None:
    """``2026-05-04``, ``04.05.2026``, ``4.5.26`` (a date with a time keeps the date)."""
    text = text.strip()
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = _DMY.match(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if year < 100:
        year += 2000
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None
