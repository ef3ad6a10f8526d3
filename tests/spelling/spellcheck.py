"""Spelling of every text the site shows, by Hunspell, each text in its own language.

What is read: the Markdown pages (``content/<lang>/``), the interface strings of the
components, pages and leaflets (``strings.yml``), and the texts of the data
(``directory_data/``: entries, regions, kinds of help, the guide, organisation.yml), where a
text is a value under a ``ru``/``be``/``en`` key. Debian's dictionaries judge the words
(hunspell-ru, hunspell-be, hunspell-en-gb); names and terms they do not know are listed in
``words.<lang>.txt`` beside this file, one a line.

Only words in the language's own script are checked (Cyrillic in ru and be, Latin in en):
a Latin name in a Russian sentence (Telegram, Excel, WAVE) is a name, not a misspelling.
Markdown syntax, code, link targets, addresses and ``{{ org.… }}`` are left out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.paths import REPO

DICTIONARIES = {"ru": "ru_RU", "be": "be_BY", "en": "en_GB"}
DEBIAN_PACKAGES = ("hunspell", "hunspell-ru", "hunspell-be", "hunspell-en-gb")
WORD_LISTS = Path(__file__).resolve().parent

#: A word: letters, with an inner apostrophe (аб'яднанне, don't) or hyphen (кто-то, well-known).
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SCRIPT = {"ru": re.compile(r"^[а-яё'’\-]+$", re.I), "en": re.compile(r"^[a-z'’\-]+$", re.I)}
_SCRIPT["be"] = re.compile(r"^[а-яёіў'’\-]+$", re.I)

#: Markdown and template syntax that is not text.
_NOT_TEXT = re.compile(
    r"\{\{.*?\}\}"  # {{ org.hotline.hours }}
    r"|\{[^{}\s]*\}"  # {n}, {shown} in interface strings
    r"|`[^`]*`"  # inline code
    r"|\]\([^)]*\)"  # link targets
    r"|<[^>]*>"  # HTML tags and autolinks
    r"|https?://\S+|\S+@\S+\.\S+"  # addresses
    r"|^\s*[!?]{3}\+?\s*\w+"  # !!! warning "Title": the kind is syntax, the title is text
    r"|\{:[^}]*\}"  # attribute lists
    r"|\d[\w'’\-]*"  # numbers with their endings: 2-й, 2-і, 2nd
)


@dataclass(frozen=True)
class Place:
    file: Path
    line: int
    lang: str


@dataclass(frozen=True)
class Unknown:
    file: str
    line: int
    lang: str
    word: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.word} ({self.lang})"


def words_of(text: str, lang: str) -> list[str]:
    """The words of one line of text that belong to ``lang``'s script."""
    text = _NOT_TEXT.sub(" ", text)
    return [w for w in _WORD.findall(text) if _SCRIPT[lang].match(w)]


def markdown_words(file: Path, lang: str) -> Iterator[tuple[str, Place]]:
    """Words of a Markdown page with their lines; code blocks and front matter keys skipped."""
    lines = file.read_text(encoding="utf-8").splitlines()
    fenced = False
    front = bool(lines) and lines[0].strip() == "---"
    for number, line in enumerate(lines, 1):
        if front:
            if number > 1 and line.strip() == "---":
                front = False
                continue
            line = line.split(":", 1)[1] if ":" in line else ""
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        for word in words_of(line, lang):
            yield word, Place(file, number, lang)


def yaml_words(file: Path) -> Iterator[tuple[str, Place]]:
    """Words of every text under a language key (``ru:``, ``be:``, ``en:``) of a YAML file."""
    raw = file.read_text(encoding="utf-8")
    raw_lines = raw.splitlines()
    root = yaml.compose(raw)

    def walk(node: yaml.Node, lang: str | None) -> Iterator[tuple[str, Place]]:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else ""
                yield from walk(value, name if name in DICTIONARIES else lang)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from walk(item, lang)
        elif isinstance(node, yaml.ScalarNode) and lang is not None:
            first, last = node.start_mark.line, node.end_mark.line
            for word in words_of(node.value, lang):
                yield word, Place(file, _line_of(word, raw_lines, first, last), lang)

    if root is not None:
        yield from walk(root, None)


def _line_of(word: str, lines: list[str], first: int, last: int) -> int:
    """The 1-based line of a multi-line value on which ``word`` is written."""
    for index in range(first, min(last, len(lines) - 1) + 1):
        if word in lines[index]:
            return index + 1
    return first + 1


def sources(repo: Path = REPO) -> Iterator[tuple[str, Place]]:
    """Every word the site shows, with where it is written."""
    for lang in DICTIONARIES:
        for file in sorted((repo / "content" / lang).rglob("*.md")):
            yield from markdown_words(file, lang)
    yaml_files = [
        *sorted((repo / "overrides" / "components").glob("*/strings.yml")),
        *sorted((repo / "build_tools").glob("*/strings.yml")),
        *sorted((repo / "directory_data").rglob("*.yml")),
    ]
    for file in yaml_files:
        yield from yaml_words(file)


def word_list(lang: str) -> set[str]:
    """The project's names and terms for ``lang`` (``#`` starts a comment)."""
    file = WORD_LISTS / f"words.{lang}.txt"
    words = set()
    for line in file.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return words


def hunspell_unknown(words: set[str], lang: str) -> set[str]:
    """The words Hunspell's dictionary for ``lang`` does not know."""
    if not words:
        return set()
    result = subprocess.run(
        ["hunspell", "-d", DICTIONARIES[lang], "-l", "-i", "utf-8"],
        input="\n".join(sorted(words)) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


def missing_tools() -> list[str]:
    """Debian packages the check needs and does not find."""
    missing = [] if shutil.which("hunspell") else ["hunspell"]
    for lang, name in DICTIONARIES.items():
        if not Path(f"/usr/share/hunspell/{name}.dic").is_file():
            missing.append(f"hunspell-{'en-gb' if lang == 'en' else lang}")
    return missing


def check(repo: Path = REPO) -> list[Unknown]:
    """Every unknown word, with file, line and language, in the order they are written."""
    places: dict[tuple[str, str], list[Place]] = {}
    for word, place in sources(repo):
        places.setdefault((place.lang, word), []).append(place)
    found = []
    for lang in DICTIONARIES:
        known = word_list(lang)
        words = {w for (la, w) in places if la == lang and not _listed(w, known)}
        # Hunspell answers a hyphenated word with its unknown part: ask for the parts.
        parts = {part for w in words for part in _parts(w) if not _listed(part, known)}
        unknown_parts = hunspell_unknown(parts, lang)
        for word in words:
            if any(part in unknown_parts for part in _parts(word)):
                for place in places[(lang, word)]:
                    shown = place.file.relative_to(repo).as_posix()
                    found.append(Unknown(shown, place.line, lang, word))
    return sorted(found, key=lambda u: (u.file, u.line, u.word))


def _listed(word: str, known: set[str]) -> bool:
    """In the word list as written, or in lower case (a listed word may begin a sentence)."""
    return word in known or word[:1].lower() + word[1:] in known


def _parts(word: str) -> list[str]:
    return [part for part in word.split("-") if part]
