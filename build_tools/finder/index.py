"""The prebuilt lunr index: built once here, loaded as is by lunr.js in the browser.

Text reaches lunr already folded (``tokens.words``), so lunr only splits on spaces and runs
the language's stemmer, registered under a label lunr.js knows: ``stemmer-ru`` (lunr.ru.js),
``stemmer-be`` and ``stemmer-en`` (finder-tokens.js). Our own short stop-word list
(``tokens.STOP_WORDS``, no NLTK data) is left out here and skipped in queries.
"""

from __future__ import annotations

import functools
from typing import Any

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.pipeline import Pipeline

from build_tools.data.model import LANGUAGES, Directory, Entry
from build_tools.finder import tokens

#: Pipeline labels per language; the browser registers functions under the same labels.
STEMMER_LABELS = {"ru": "stemmer-ru", "be": "stemmer-be", "en": "stemmer-en"}
#: The label of a language without a stemmer (finder-tokens.js registers it too).
NO_STEMMER = "stemmer-none"


def _pipeline_function(lang: str) -> Any:
    # A directory repeats a few thousand words over and over: each is stemmed once.
    stem = functools.cache(tokens.stemmer(lang))

    def stem_token(token: Any, i: int | None = None, tokens: Any = None) -> Any:
        return token.update(lambda word, metadata=None: stem(word))

    Pipeline.register_function(stem_token, STEMMER_LABELS.get(lang, f"{NO_STEMMER}-{lang}"))
    return stem_token


_FUNCTIONS: dict[str, Any] = {}


def stemmer_function(lang: str) -> Any:
    """The registered pipeline function of a language (registered once per process)."""
    if lang not in _FUNCTIONS:
        _FUNCTIONS[lang] = _pipeline_function(lang)
    return _FUNCTIONS[lang]


def _folded(*texts: str) -> str:
    """Folded words without stop words: the browser never looks those up."""
    return " ".join(
        word for text in texts for word in tokens.words(text) if word not in tokens.STOP_WORDS
    )


def document(directory: Directory, entry: Entry, lang: str) -> dict[str, str]:
    """The searchable text of one entry: its name, and everything else a person might type.

    One field, not a boosted name field beside the rest: lunr scores every field of every
    matching entry on each keystroke, and one field halves that work; BM25 still ranks an
    entry higher when more of its words, and rarer ones, match.

    Place names go in in every language (and so in Latin letters too), so "Minsk", "Мінск"
    and "Минск" all find Minsk in every language's finder. Phone numbers stay out: the
    browser matches typed digits against the numbers on the cards, which finds "801 100"
    and "1234567" alike without a term per number.
    """
    places: list[str] = []
    if entry.region:
        places += directory.region(entry.region).name.values.values()
    if entry.shown_locality:
        places += directory.locality(entry.shown_locality).name.values.values()
    other = [directory.service(s).name(lang) for s in entry.services]
    other += places
    other.append(entry.summary(lang))
    if entry.messengers.get("telegram"):
        other.append(entry.messengers["telegram"])
    return {"t": _folded(entry.name(lang), *other)}


def build_index(directory: Directory, lang: str, entries: list[Entry]) -> dict[str, Any]:
    """lunr.py's index of the entries, packed; references are positions in the records.

    A serialised lunr index repeats every score of every term of every entry (about 150 KB
    gzipped at a thousand entries). What lunr.py built is sent instead as its sorted terms and,
    per field, the entries each term occurs in (gaps between positions, an entry repeated
    once per extra occurrence). finder.js turns that back into lunr's serialised form with
    lunr's own scoring (BM25, k1 1.2, b 0.75, the field boost below) and loads it with
    ``lunr.Index.load``; a test compares the result with lunr.py's own serialisation.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no finder for language {lang!r}")
    builder = lunr_builder(lang)
    for position, entry in enumerate(entries):
        builder.add({"i": str(position), **document(directory, entry, lang)})
    builder.build()
    return pack(builder, lang, len(entries))


FIELDS = (("t", 1),)


def lunr_builder(lang: str) -> Builder:
    builder = Builder()
    stem = stemmer_function(lang)
    builder.pipeline.add(stem)
    builder.search_pipeline.add(stem)
    builder.ref("i")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    return builder


def pack(builder: Builder, lang: str, count: int) -> dict[str, Any]:
    """Terms, then per field and term the gaps between the positions of the entries."""
    terms = sorted(builder.inverted_index)
    position = {term: i for i, term in enumerate(terms)}
    postings: dict[str, list[list[int]]] = {name: [[] for _ in terms] for name, _ in FIELDS}
    for field_ref, frequencies in builder.field_term_frequencies.items():
        ref = FieldRef.from_string(field_ref)
        for term, tf in frequencies.items():
            postings[ref.field_name][position[term]].extend([int(ref.doc_ref)] * tf)
    packed: dict[str, Any] = {
        "f": [[name, boost] for name, boost in FIELDS],
        "p": [STEMMER_LABELS.get(lang, NO_STEMMER)],
        "c": count,
        "w": terms,
    }
    for name, _ in FIELDS:
        packed[name] = [_gaps(docs) for docs in postings[name]]
    return packed


def _gaps(docs: list[int]) -> list[int]:
    out = []
    previous = 0
    for doc in sorted(docs):
        out.append(doc - previous)
        previous = doc
    return out
