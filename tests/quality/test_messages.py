"""Every message an editor can see has its Russian and Belarusian translation.

The strings are taken from the code itself (Babel's extractor over ``build_tools/``, as
``make messages`` does), not from the committed template, so a new ``_()`` without a
translation fails here until ``make messages`` is run and the ``.po`` files are filled in.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from build_tools.messages import LOCALE_DIR, catalogue_path
from tests.paths import REPO

#: The languages editors read; English is the source and needs no catalogue.
TRANSLATED = ("ru", "be")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def source_messages(root: Path) -> set[str | tuple[str, str]]:
    """The message ids in the code under ``root`` (singular, or (singular, plural))."""
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(root), method_map=[("**.py", "python")]
    ):
        found.add(message if isinstance(message, str) else (message[0], message[1]))
    return found


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def catalogue_faults(root: Path, po_file: Path, lang: str) -> list[str]:
    """What is wrong in ``po_file`` for the code under ``root``: missing or fuzzy messages,
    and translations whose ``{placeholders}`` differ from the English (they would fail)."""
    with po_file.open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    faults = []
    for wanted in sorted(source_messages(root), key=str):
        key = wanted if isinstance(wanted, str) else wanted[0]
        message = catalogue.get(key)
        strings = () if message is None else message.string
        strings = (strings,) if isinstance(strings, str) else tuple(strings or ())
        if message is None or message.fuzzy or not strings or not all(strings):
            faults.append(f"{lang}: no translation of {key!r}")
            continue
        for text in strings:
            if placeholders(text) != placeholders(key):
                faults.append(f"{lang}: {key!r} is translated with other placeholders: {text!r}")
    return faults


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated(lang: str) -> None:
    assert catalogue_faults(REPO / "build_tools", catalogue_path(lang), lang) == []


def test_the_check_sees_a_planted_message_without_translation(tmp_path: Path) -> None:
    code = tmp_path / "build_tools"
    code.mkdir()
    (code / "new.py").write_text(
        "from build_tools.messages import _\n\n"
        "def f():\n    return _('the value is empty'), _('a message nobody translated')\n",
        encoding="utf-8",
    )
    assert catalogue_faults(code, catalogue_path("ru"), "ru") == [
        "ru: no translation of 'a message nobody translated'"
    ]


def test_the_check_sees_a_removed_translation_and_a_broken_placeholder(tmp_path: Path) -> None:
    text = catalogue_path("be").read_text(encoding="utf-8")
    gone = 'msgid "the value is empty"\nmsgstr "значэнне пустое"'
    typo = 'msgstr "няма поля `{name}`"'
    assert gone in text and typo in text
    text = text.replace(gone, 'msgid "the value is empty"\nmsgstr ""')
    text = text.replace(typo, typo.replace("{name}", "{nam}"))
    planted = tmp_path / "helpdir.po"
    planted.write_text(text, encoding="utf-8")
    faults = catalogue_faults(REPO / "build_tools", planted, "be")
    assert "be: no translation of 'the value is empty'" in faults
    assert any("'`{name}` is missing' is translated with other placeholders" in f for f in faults)
    assert len(faults) == 2


def test_nothing_compiled_is_kept() -> None:
    """The catalogues are read from their .po text at run time: a fresh clone needs no step."""
    assert not list(LOCALE_DIR.rglob("*.mo"))
