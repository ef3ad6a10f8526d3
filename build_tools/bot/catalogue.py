"""What the bot knows: the validated directory and the guided path, loaded as the build loads them.

A :class:`Catalogue` is one immutable snapshot. The bot swaps in a new one when the data
changes; conversations keep only ids (a region, kinds of help, a step), so a conversation in
progress goes on with the new snapshot without noticing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from build_tools import i18n
from build_tools.data.build import validate_directory
from build_tools.data.errors import format_problems
from build_tools.data.model import LANGUAGES, Directory, Entry, Text
from build_tools.data.phones import PhoneIssue, parse_number

#: Callback data is at most 64 bytes; ids longer than this travel as a short hash.
_MAX_CODE = 24


class CatalogueError(Exception):
    """The data cannot be served; the message lists every problem (file, line, field, fix)."""


@dataclass(frozen=True)
class EmergencyNumber:
    label: Text
    #: What a phone in Belarus dials (the data stage's dial rule), shown so a tap calls it.
    tel: str


@dataclass(frozen=True)
class GuideAnswer:
    label: Text
    services: tuple[str, ...] = ()
    emergency: bool = False
    next: str | None = None


@dataclass(frozen=True)
class GuideStep:
    id: str
    question: Text
    answers: tuple[GuideAnswer, ...] = ()
    #: A step that offers the regions (and "anywhere", its ``any`` label) and then finishes.
    regions: bool = False
    any_label: Text = Text()


@dataclass(frozen=True)
class Catalogue:
    directory: Directory
    steps: Mapping[str, GuideStep]
    start: str
    emergency_title: Text
    emergency: tuple[EmergencyNumber, ...]
    site_url: str
    _codes: Mapping[tuple[str, str], str] = field(default_factory=dict)

    # -- ids in buttons

    def code(self, some_id: str) -> str:
        """A region, town or kind-of-help id as it travels in a button (short enough)."""
        return _code(some_id)

    def region_by_code(self, code: str) -> str | None:
        return self._codes.get(("r", code))

    def locality_by_code(self, code: str) -> str | None:
        return self._codes.get(("l", code))

    def service_by_code(self, code: str) -> str | None:
        return self._codes.get(("s", code))

    def step_by_code(self, code: str) -> GuideStep | None:
        step_id = self._codes.get(("g", code))
        return self.steps.get(step_id) if step_id else None

    # -- what is shown

    def shown_entries(self) -> Iterable[Entry]:
        """Every entry the bot may give: suspended ones are left out, as in the finder."""
        return (e for e in self.directory.entries if e.status != "suspended")

    def results(
        self,
        services: Iterable[str] = (),
        region: str | None = None,
        locality: str | None = None,
    ) -> list[Entry]:
        """Entries for a choice: the place's own first, then those of its region, then national.

        ``services`` empty means every kind of help; ``region`` None means anywhere.
        """
        wanted = set(services)
        found = [e for e in self.shown_entries() if not wanted or wanted & set(e.services)]
        # a hidden place's town is not told, not even by listing it under that town
        town = {e.id: e.shown_locality for e in found}
        if region is None:
            local = [e for e in found if not e.national]
        elif locality is not None:
            local = [e for e in found if not e.national and town[e.id] == locality]
            local += [e for e in found if not e.national and e.region == region and not town[e.id]]
        else:
            local = [e for e in found if not e.national and e.region == region]
        national = [e for e in found if e.national]
        return local + national

    def localities_with_entries(self, region_id: str) -> list[str]:
        used = {e.shown_locality for e in self.shown_entries() if e.region == region_id}
        return [loc.id for loc in self.directory.region(region_id).localities if loc.id in used]

    def page_url(self, entry: Entry, lang: str) -> str:
        """The entry's page on the site; the same URL the leaflets print."""
        return f"{self.site_url}{i18n.url_prefix(lang)}directory/{entry.id}/"

    # -- free text

    def match_text(self, text: str) -> tuple[str | None, str | None, str | None]:
        """(region, locality, service) named in a message, in any language, if any.

        Words are compared by their beginnings, so «в Бресте» finds Брест, «психолог» finds
        «Психологическая помощь». The name that matches more of its words wins («Минская
        область» over «Минск»); on a tie a town wins over a region.
        """
        words = _words(text[:300])
        if not words:
            return None, None, None
        places: list[tuple[int, int, str, str | None]] = []
        for r in self.directory.regions:
            for loc in r.localities:
                places.append((_score(loc.name, words), 1, r.id, loc.id))
            places.append((_score(r.name, words), 0, r.id, None))
        score, _, region, locality = max(places, key=lambda p: (p[0], p[1]), default=(0,) * 4)
        kinds = [(_score(s.name, words), s.id) for s in self.directory.services]
        best, service = max(kinds, key=lambda k: k[0], default=(0, None))
        return (
            (region if score else None),
            (locality if score else None),
            (service if best else None),
        )


def load_catalogue(
    data_dir: Path, *, site_url: str, allow_samples: bool = False, guide_file: Path | None = None
) -> Catalogue:
    """Load and check the data exactly as the publishing build does, then read the guide.

    Sample entries are refused, as by the publishing build, unless ``allow_samples``: a
    survivor must never be sent to an example. Raises :class:`CatalogueError` on any error.
    """
    from build_tools.finder.guide import GUIDE_FILE, GuideError, load_guide

    result = validate_directory(data_dir, publish=not allow_samples)
    if result.directory is None:
        raise CatalogueError(format_problems(result.errors))
    directory = result.directory
    guide_path = guide_file or (
        data_dir / "guide.yml" if (data_dir / "guide.yml").is_file() else GUIDE_FILE
    )
    try:
        guide = _with_facts(load_guide(directory, guide_path), directory)
    except (GuideError, OSError, KeyError) as error:
        raise CatalogueError(str(error)) from None
    steps = {step["id"]: _step(step) for step in guide["steps"]}
    numbers = []
    for number in guide["emergency"]["numbers"]:
        try:
            tel = parse_number(number["number"]).tel
        except PhoneIssue as issue:
            if issue.dialling is None:
                raise CatalogueError(f"{guide_path}: emergency: {issue.message}") from None
            tel = issue.dialling.tel
        numbers.append(EmergencyNumber(Text(number["label"]), tel))
    codes: dict[tuple[str, str], str] = {}
    for region in directory.regions:
        codes["r", _code(region.id)] = region.id
        for loc in region.localities:
            codes["l", _code(loc.id)] = loc.id
    for service in directory.services:
        codes["s", _code(service.id)] = service.id
    for step_id in steps:
        codes["g", _code(step_id)] = step_id
    return Catalogue(
        directory=directory,
        steps=MappingProxyType(steps),
        start=guide["start"],
        emergency_title=Text(guide["emergency"]["title"]),
        emergency=tuple(numbers),
        site_url=site_url.rstrip("/") + "/",
        _codes=MappingProxyType(codes),
    )


def _step(step: dict[str, Any]) -> GuideStep:
    return GuideStep(
        id=step["id"],
        question=Text(step["question"]),
        answers=tuple(
            GuideAnswer(
                label=Text(a["label"]),
                services=tuple(a.get("services", ())),
                emergency=bool(a.get("emergency")),
                next=a.get("next"),
            )
            for a in step.get("answers", ())
        ),
        regions=bool(step.get("regions")),
        any_label=Text(step.get("any", {})),
    )


def _with_facts(value: Any, directory: Directory, lang: str = "ru") -> Any:
    """The guide with ``{{ org.… }}`` filled in from organisation.yml, as the site fills it:
    a text in several languages takes each language's facts, anything else the default's."""
    organisation = directory.organisation
    if organisation is None:
        return value
    if isinstance(value, str):
        from build_tools.facts_markup import fill_text

        return fill_text(value, organisation.facts(lang))
    if isinstance(value, list):
        return [_with_facts(item, directory, lang) for item in value]
    if isinstance(value, dict):
        texts = value and all(k in LANGUAGES and isinstance(v, str) for k, v in value.items())
        return {k: _with_facts(v, directory, k if texts else lang) for k, v in value.items()}
    return value


def _code(some_id: str) -> str:
    if len(some_id) <= _MAX_CODE:
        return some_id
    return hashlib.sha1(some_id.encode()).hexdigest()[:12]


_WORD = re.compile(r"[^\W\d_]+")


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е").replace("ў", "у").replace("і", "и")


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def _score(name: Text, words: list[str]) -> int:
    """How many words of the name (in its best language) the message has; 0 unless the
    name's first word is among them."""
    best = 0
    for value in name.values.values():
        parts = [p for p in _words(value) if len(p) >= 3]
        if parts and any(_same_stem(parts[0], w) for w in words):
            best = max(best, sum(any(_same_stem(p, w) for w in words) for p in parts))
    return best


def _same_stem(name_word: str, word: str) -> bool:
    """«брест» ~ «бресте», «психологическая» ~ «психолог»: a long enough common beginning."""
    need = len(name_word) if len(name_word) <= 4 else max(4, min(len(name_word) - 2, 6))
    return len(word) >= need and word[:need] == name_word[:need]
