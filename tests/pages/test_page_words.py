"""The words of the directory pages: complete in every language, counted the language's way."""

from __future__ import annotations

import dataclasses
import html
import json

import pytest
import yaml

from build_tools.data.build import load_directory
from build_tools.data.model import Directory
from build_tools.languages import LANGUAGES
from build_tools.pages import directory_pages
from build_tools.pages.words import STRINGS_FILE, counted
from tests.paths import FIXTURE_DIRECTORY, REPO


def test_every_word_is_written_in_every_language() -> None:
    table = yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8"))
    for key, texts in table.items():
        if "same_as" in texts:  # the words of another key, translated there
            continue
        assert set(texts) == set(LANGUAGES), key
        for lang, text in texts.items():
            if isinstance(text, dict):
                assert "other" in text, f"{key}.{lang}"
                assert all("{n}" in form for form in text.values()), f"{key}.{lang}"
            else:
                assert isinstance(text, str) and text.strip(), f"{key}.{lang}: {text!r}"


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("ru", 1, "1 служба"),
        ("ru", 3, "3 службы"),
        ("ru", 5, "5 служб"),
        ("ru", 21, "21 служба"),
        ("be", 5, "5 службаў"),
        ("be", 22, "22 службы"),
        ("en", 1, "1 service"),
        ("en", 11, "11 services"),
    ],
)
def test_counts_follow_the_plural_rules(lang: str, n: int, expected: str) -> None:
    assert counted(lang, "count_entries", n) == expected


def test_a_stay_is_counted_in_days() -> None:
    assert counted("ru", "max_stay", 21) == "Срок пребывания: до 21 дня"
    assert counted("ru", "max_stay", 10) == "Срок пребывания: до 10 дней"
    assert counted("be", "max_stay", 10) == "Тэрмін знаходжання: да 10 дзён"
    assert counted("en", "max_stay", 1) == "You can stay up to 1 day"


def _schema_enums() -> dict[str, list[str]]:
    schema = json.loads((REPO / "directory_data/schema/entry.schema.json").read_text("utf-8"))
    props = schema["properties"]
    return {
        "serves_": props["serves"]["items"]["enum"],
        "wheelchair_": props["wheelchair"]["enum"],
        "cost_": props["phones"]["items"]["properties"]["cost"]["enum"],
        "referral_": props["admission"]["properties"]["referral"]["items"]["enum"],
        "children_": props["admission"]["properties"]["children"]["enum"],
    }


@pytest.mark.parametrize(("prefix", "values"), list(_schema_enums().items()))
def test_every_value_editors_may_write_has_words(prefix: str, values: list[str]) -> None:
    table = yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8"))
    for value in values:
        assert prefix + value in table, f"strings.yml lacks {prefix}{value}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_entry_using_every_value_renders(lang: str) -> None:
    """Values the fixture does not use (suspended, WhatsApp, court referral…) still render."""
    directory = load_directory(FIXTURE_DIRECTORY)
    enums = _schema_enums()
    shelter = directory.entry("minsk-shelter")
    phone = dataclasses.replace(shelter.phones[0], cost="paid")
    full = dataclasses.replace(
        shelter,
        status="suspended",
        serves=tuple(enums["serves_"]),
        wheelchair="no",
        phones=(phone,),
        messengers={"telegram": "x_bot", "viber": "+375291112233", "whatsapp": "+375291112233"},
        admission=dataclasses.replace(
            shelter.admission,
            referral=tuple(enums["referral_"]),
            children="no",
            registration_required=True,
            id_required=True,
        ),
    )
    entries = tuple(full if e.id == full.id else e for e in directory.entries)
    pages = directory_pages(
        Directory(directory.regions, directory.services, entries), lang, slots={}, site_url=""
    )
    body = next(p for p in pages if p.src_uri == "directory/minsk-shelter/index.md").render()
    words = yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8"))
    for key in ("suspended_badge", "wheelchair_no", "children_no", "cost_paid", "referral_court"):
        assert words[key][lang].lower() in html.unescape(body).lower(), key
    assert 'href="https://wa.me/375291112233"' in body
