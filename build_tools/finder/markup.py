"""The finder's markup on the directory home, rendered with autoescaping."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from build_tools import i18n
from build_tools.components import ui_strings
from build_tools.data.model import DEFAULT_LANGUAGE, Directory
from build_tools.data.organisation import Fact
from build_tools.data.phones import tel_of
from build_tools.facts_markup import fill_text
from build_tools.finder import tokens
from build_tools.finder.assets import (
    BUNDLE_NAME,
    WORKER_NAME,
    build_id,
    root_from_directory_page,
)
from build_tools.finder.filters import controls
from build_tools.finder.guide import load_guide
from build_tools.finder.records import FLAGS, published

#: The finder's data and index, relative to the directory home.
DATA_URL = "../finder/data.json"

_ENV = Environment(
    loader=FileSystemLoader(str(Path(__file__).with_name("templates"))),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=False,
    lstrip_blocks=False,
)


def script_json(value: Any) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def guide_view(
    directory: Directory, lang: str, facts: Mapping[str, Fact] | None = None
) -> dict[str, Any]:
    """The guide with texts in one language and region answers filled in from regions.yml.

    Numbers are dialled by the data stage's one rule; ``{{ org.… }}`` takes the organisation's
    facts (the hotline's number and hours are written once, in organisation.yml).
    """
    data = load_guide(directory)
    facts = _facts(directory, lang) if facts is None else facts

    def text(value: dict[str, str]) -> str:
        return fill_text(value.get(lang) or value[DEFAULT_LANGUAGE], facts)

    def answer_view(label: str, region: str | None = None, **answer: Any) -> dict[str, Any]:
        return {
            "label": label,
            "next": answer.get("next", ""),
            "services": " ".join(answer.get("services", ())),
            "emergency": bool(answer.get("emergency")),
            "region": region,
        }

    steps = []
    for step in data["steps"]:
        answers = [
            answer_view(text(a["label"]), **{k: v for k, v in a.items() if k != "label"})
            for a in step.get("answers", ())
        ]
        if step.get("regions"):
            answers = [answer_view(r.name(lang), r.id) for r in directory.regions]
            answers.append(answer_view(text(step["any"]), ""))
        steps.append({"id": step["id"], "question": text(step["question"]), "answers": answers})
    numbers = []
    for n in data["emergency"]["numbers"]:
        number = fill_text(n["number"], facts)
        numbers.append({"number": number, "tel": tel_of(number), "label": text(n["label"])})
    return {
        "start": data["start"],
        "steps": steps,
        "numbers": numbers,
        "emergency_title": text(data["emergency"]["title"]),
    }


def _facts(directory: Directory, lang: str) -> Mapping[str, Fact]:
    organisation = directory.organisation
    return organisation.facts(lang) if organisation is not None else {}


def render_slot(directory: Directory, lang: str, facts: Mapping[str, Fact] | None = None) -> str:
    facts = _facts(directory, lang) if facts is None else facts
    ui = {key: fill_text(text, facts) for key, text in ui_strings(lang)["finder"].items()}
    guide = guide_view(directory, lang, facts)
    root = root_from_directory_page(lang)
    config = {
        "lang": lang,
        "build": build_id(directory),
        "data": DATA_URL,
        "worker": f"{root}{WORKER_NAME}?manifest={i18n.url_prefix(lang)}finder/offline.json",
        "scope": root,
        "start": guide["start"],
        "skip": sorted(tokens.STOP_WORDS),
        "flags": FLAGS,
        "ui": ui,
    }
    return _ENV.get_template("finder.html").render(
        ui=ui,
        regions=[{"id": r.id, "name": r.name(lang)} for r in directory.regions],
        services=[{"id": s.id, "name": s.name(lang)} for s in directory.services],
        guide=guide,
        described=controls(published(directory), ui, lang),
        config_json=script_json(config),
        data_url=DATA_URL,
        script=f"../finder/{BUNDLE_NAME}",
    )
