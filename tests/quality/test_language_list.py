"""The site's languages are declared once, in mkdocs.yml, and everything reads that list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from build_tools import languages
from build_tools.data import schema
from build_tools.languages import DEFAULT_LANGUAGE, LANGUAGES, declared
from tests.paths import REPO

#: The site's three first language codes written out one after the other, as a list would
#: (two codes are often data: the languages a service speaks).
_CODE = r"""(["'])(?:ru|be|en)\{}"""
_WRITTEN_OUT = re.compile(r"\s*,\s*".join(_CODE.format(n) for n in (1, 2, 3)))


def test_the_list_is_what_mkdocs_reads_for_the_plugin() -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    plugin = config.plugins["helpdir"]
    assert tuple(plugin.config.languages) == LANGUAGES
    assert DEFAULT_LANGUAGE == LANGUAGES[0] == config.theme["language"]
    names = {code: options.name for code, options in plugin.config.languages.items()}
    assert names == languages.LANGUAGE_NAMES


def test_a_config_without_languages_is_refused_with_a_message(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - helpdir:\n      data_dir: d\n", "utf-8")
    with pytest.raises(RuntimeError, match="declares no `languages:`"):
        declared(config)


def _written_out(root: Path) -> list[str]:
    found = []
    for folder in ("build_tools", "tests", "overrides"):
        for path in sorted((root / folder).rglob("*.py")):
            if "node_modules" in path.parts or path.name == "test_language_list.py":
                continue
            text = path.read_text(encoding="utf-8")
            found += [
                f"{path.relative_to(root)}: {m.group(0)}" for m in _WRITTEN_OUT.finditer(text)
            ]
    return found


def test_no_module_or_test_writes_the_list_out() -> None:
    assert _written_out(REPO) == []


def test_the_check_sees_a_list_written_out(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests/test_x.py").write_text('LANGS = ("ru", "be", "en")\n', "utf-8")
    assert _written_out(tmp_path) == ['tests/test_x.py: "ru", "be", "en"']


def test_a_declared_language_is_accepted_in_every_text_of_the_data(monkeypatch) -> None:
    """A language added in mkdocs.yml needs no edit of the JSON Schemas: its texts validate."""
    monkeypatch.setattr(languages, "LANGUAGES", (*LANGUAGES, "uk"))
    monkeypatch.setattr(languages, "LANGUAGE_NAMES", {**languages.LANGUAGE_NAMES, "uk": "Uk"})
    text = schema.schema.__wrapped__("entry")["$defs"]["text"]
    assert text["properties"]["uk"] == {"type": "string", "minLength": 1, "description": "Uk."}
    assert text["required"] == [DEFAULT_LANGUAGE]  # a new language is never required
    organisation = schema.schema.__wrapped__("organisation")["$defs"]["all_languages"]
    assert "uk" in organisation["properties"] and "uk" not in organisation["required"]


def test_the_published_feed_schema_lists_exactly_the_site_languages() -> None:
    from build_tools.feeds import feed_schema

    published = feed_schema("https://help.example.org/")
    assert published["$defs"]["lang"]["enum"] == list(LANGUAGES)
    assert set(published["$defs"]["urls"]["properties"]) == set(LANGUAGES)
