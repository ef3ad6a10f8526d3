"""The editors' guides quote the messages as the commands print them.

An editor reads a message in the terminal (Russian by default) and looks it up in the guide's
tables "what each message means". Each message quoted there must be a text of the message
catalogue of the guide's language: the Russian guide quotes the ``msgstr`` of the Russian
catalogue, the English guide the English source (``msgid``). A message that is reworded in
the code, or retranslated, then fails here until the guide says the same.

In a quote, ``…`` or an example stands where the message has a ``{placeholder}``; one cell
may quote several messages separated by ``<br>``; a quote may join a message and the hint
the command prints after it with `` — ``; a warning starts with the catalogue's word for
"warning:".
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from build_tools.messages import catalogue_path
from tests.paths import REPO

#: Guide file, language of its quotes, the heading of its message section, the header of
#: the message column.
GUIDES = [
    ("docs/editors-guide.ru.md", "ru", "## Что значит каждое сообщение", "сообщение"),
    ("docs/editors-guide.en.md", "en", "## What each message means", "message"),
]
HINT_SEPARATOR = " — "
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}")
_WORD = re.compile(r"[^\W\d_]{4,}")


def _pattern(text: str) -> re.Pattern[str] | None:
    """A catalogue text as a pattern in which each placeholder stands for any text; None for
    a text with no word of four letters of its own (such as ``{errors}, {warnings}`` or
    ``{months} и {days}``), which would match almost anything."""
    parts, literal, last = [], "", 0
    for found in _PLACEHOLDER.finditer(text):
        literal += text[last : found.start()]
        parts.append(re.escape(text[last : found.start()]))
        token = found.group()
        if token in ("{{", "}}"):
            parts.append(re.escape(token[0]))
            literal += token[0]
        else:
            parts.append(".*")  # some are empty, such as an optional `{hint}`
        last = found.end()
    literal += text[last:]
    parts.append(re.escape(text[last:]))
    return re.compile("".join(parts), re.DOTALL) if _WORD.search(literal) else None


@cache
def catalogue_texts(lang: str) -> tuple[str, ...]:
    """What the commands can print in ``lang``: the translations, or for English the source."""
    source = "ru" if lang == "en" else lang  # every catalogue holds the English ids
    with catalogue_path(source).open("rb") as handle:
        catalogue = read_po(handle, locale=source)
    texts: list[str] = []
    for message in catalogue:
        if not message.id:
            continue
        chosen = message.id if lang == "en" else message.string
        texts.extend([chosen] if isinstance(chosen, str) else chosen)
    return tuple(text for text in texts if text)


@cache
def catalogue_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    return tuple(p for p in map(_pattern, catalogue_texts(lang)) if p is not None)


def warning_word(lang: str) -> str:
    """The word a warning starts with, from the catalogue's ``warning: {message}``."""
    for text in catalogue_texts(lang):
        if text.endswith(": {message}") and _pattern(text):
            pattern = _pattern(text)
            assert pattern is not None
            for candidate in ("warning: x", "предупреждение: x", "папярэджанне: x"):
                if pattern.fullmatch(candidate):
                    return candidate[:-1]
    raise AssertionError(f"no `warning: {{message}}` in the {lang} catalogue")


def quoted_messages(text: str, section: str, column: str) -> list[tuple[int, str]]:
    """(line number, message) for each message quoted in the first column of the tables
    under ``section`` (up to the next ``## `` heading)."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(section))
    quotes: list[tuple[int, str]] = []
    in_table = False
    for number, line in enumerate(lines[start + 1 :], start + 2):
        if line.startswith("## "):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|"):
            in_table = False
        elif cells[0] == column:
            in_table = True
        elif in_table and not set(cells[0]) <= set("-: "):
            quotes.extend((number, quote.strip()) for quote in cells[0].split("<br>"))
    return quotes


def is_printed(quote: str, lang: str) -> bool:
    """Whether ``quote`` is a catalogue text, or several joined by the hint separator."""
    patterns = catalogue_patterns(lang)
    word = warning_word(lang)
    quote = quote.removeprefix(word)
    pieces = quote.split(HINT_SEPARATOR)
    # reachable[i]: the first i pieces are made of whole catalogue texts.
    reachable = [True] + [False] * len(pieces)
    for end in range(1, len(pieces) + 1):
        for begin in range(end):
            if reachable[begin]:
                joined = HINT_SEPARATOR.join(pieces[begin:end])
                if any(p.fullmatch(joined) for p in patterns):
                    reachable[end] = True
                    break
    return reachable[-1]


@pytest.mark.parametrize(("guide", "lang", "section", "column"), GUIDES)
def test_every_message_in_the_guide_is_printed_by_the_commands(
    guide: str, lang: str, section: str, column: str
) -> None:
    quotes = quoted_messages((REPO / guide).read_text(encoding="utf-8"), section, column)
    assert len(quotes) > 60, f"{guide}: the message tables were not found"
    wrong = [f"{guide}:{line}: {quote}" for line, quote in quotes if not is_printed(quote, lang)]
    assert not wrong, (
        "These messages are not what the commands print (copy the msgstr from "
        "build_tools/locale/<lang>/LC_MESSAGES/helpdir.po; for English, its msgid):\n"
        + "\n".join(wrong)
    )


def test_a_misquoted_message_is_found(tmp_path: Path) -> None:
    table = (
        "## Что значит каждое сообщение\n\n| сообщение | что делать |\n|---|---|\n"
        "| неизвестное поле `nmae` — может быть, `name`? | исправьте |\n"
        "| предупреждение: `12-34-56` похоже на городской номер без кода города | код |\n"
        "| список пустой<br>список пуст | добавьте |\n"
        "| кавычка или скобка открыта и незакрыта | закройте |\n"
        "| unknown field `nmae` | исправьте |\n\n## Дальше\n\n| сообщение |\n|---|\n| x |\n"
    )
    quotes = quoted_messages(table, "## Что значит каждое сообщение", "сообщение")
    assert [(line, is_printed(quote, "ru")) for line, quote in quotes] == [
        (5, True),
        (6, True),
        (7, True),
        (7, False),
        (8, False),
        (9, False),
    ]
