"""How the finder turns text into search terms, in Python (index) and JavaScript (queries).

The browser never sees the text the index was built from, only the terms, so a query finds
an entry only when both sides turn words into exactly the same terms. Everything here has a
twin in ``overrides/components/finder/finder-tokens.js``; ``tests/finder/test_token_parity.py``
runs both on the same word list. Change one, change the other.

- ``fold``: case, ё/е, і/и, ў/у, apostrophes and punctuation, so people may type as they like.
- ``latin_to_cyrillic``: "Minsk", "Hrodna", "krizisnaya" become Cyrillic to meet the index.
- ``stem_be``: a light Belarusian stemmer (no stemmer exists for Belarusian in this stack).
- ``stem``: Russian through Snowball (the same algorithm as lunr.ru.js), English through
  lunr's own Porter stemmer, Belarusian through ``stem_be``.
"""

from __future__ import annotations

import re
import unicodedata

import snowballstemmer
from lunr.stemmer import PorterStemmer

#: Letters that differ between the languages or keyboards but should meet in the index.
_FOLD = str.maketrans(
    {
        "ё": "е",
        "і": "и",
        "ї": "и",
        "ў": "у",
        "'": None,
        "’": None,
        "ʼ": None,
        "`": None,
        "´": None,
        # Belarusian Latin alphabet (łacinka) and common diacritics, to plain Latin.
        "ŭ": "u",
        "ć": "c",
        "č": "ch",
        "ś": "s",
        "š": "sh",
        "ź": "z",
        "ž": "zh",
        "ń": "n",
        "ĺ": "l",
        "ł": "l",
        "é": "e",
        "ë": "e",
    }
)
_NOT_WORD = re.compile(r"[^0-9a-zа-я]+")

#: Folded words that narrow nothing: the index leaves them out and the browser skips them
#: in a query (finder.js receives this list in the page's finder config). Prepositions and
#: conjunctions, "I need", "where", and the word "region" itself: "Брестская область" means
#: Brest region, and almost every entry names its region.
_STOP_TEXT = """
в во на для и с со у к по из от до за о об а или но не без при мне меня мой моя нужна нужен
нужно где
ци з ад да па пра мяне патрэбна дзе
the a an of for in at to and or with my me i need where
область области областью вобласць вобласци region oblast voblasts
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

#: Latin to Cyrillic, longest spelling first. Covers the usual romanisations of Russian and
#: Belarusian place names ("Mogilev", "Mahilioŭ", "Gomel", "Homiel", "Hrodna", "Viciebsk").
_LATIN_PAIRS: tuple[tuple[str, str], ...] = (
    ("shch", "щ"),
    ("sch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("ya", "я"),
    ("yu", "ю"),
    ("ye", "е"),
    ("yo", "е"),
    ("ja", "я"),
    ("ju", "ю"),
    ("je", "е"),
    ("jo", "е"),
    ("ia", "я"),
    ("iu", "ю"),
    ("ie", "е"),
    ("io", "е"),
    ("a", "а"),
    ("b", "б"),
    ("c", "ц"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("g", "г"),
    ("h", "г"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("q", "к"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("v", "в"),
    ("w", "в"),
    ("x", "кс"),
    ("y", "ы"),
    ("z", "з"),
)
_LATIN = re.compile("|".join(a for a, _ in _LATIN_PAIRS))
_LATIN_MAP = dict(_LATIN_PAIRS)

#: Belarusian endings with a consonant in them (after folding), longest first. What is left
#: after one of them goes, and any final vowels, й and ь, is the stem.
BE_ENDINGS: tuple[str, ...] = (
    "ями",
    "ьми",
    "ами",
    "ыми",
    "ими",
    "ага",
    "яга",
    "аму",
    "яму",
    "ому",
    "ему",
    "ым",
    "им",
    "ых",
    "их",
    "ам",
    "ям",
    "ом",
    "ем",
    "ах",
    "ях",
)
BE_VOWELS = "аеиоуыэюяйь"
#: A vowel that drops out when an ending follows: "прытулак" / "прытулку", "хлопец" / "хлопца".
BE_FLEETING = ("ак", "ок", "ец")
#: Shorter words are left whole: "дом", "мы" carry no ending worth stripping.
BE_MIN_STEM = 3

_russian = snowballstemmer.stemmer("russian")


class _LunrJsPorter(PorterStemmer):
    """lunr.py's Porter stemmer, with lunr.js's rule for a final y (step 1c).

    The classic algorithm turns y into i when the stem has a vowel ("day" → "dai"); lunr.js
    does so when a consonant comes right before the y ("psy" → "psi", "day" stays). The
    browser stems queries with lunr.js, so the index follows lunr.js.
    """

    def step1c(self) -> None:
        if self.k >= 2 and self.b[self.k] == "y" and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


_porter = _LunrJsPorter()


def fold(text: str) -> str:
    """Lower case, one spelling per letter, punctuation to spaces; words joined by one space."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_FOLD)
    return _NOT_WORD.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    folded = fold(text)
    return folded.split(" ") if folded else []


def has_latin(word: str) -> bool:
    return any("a" <= ch <= "z" for ch in word)


def latin_to_cyrillic(word: str) -> str:
    """A folded Latin word spelled in Cyrillic ("minsk" → "минск"); other letters stay."""
    return _LATIN.sub(lambda m: _LATIN_MAP[m.group(0)], word)


def stem_be(word: str) -> str:
    """Light Belarusian stemming: one consonant ending, trailing vowels, й and ь, and a
    fleeting vowel before the last consonant."""
    if has_latin(word) or len(word) <= BE_MIN_STEM:
        return word
    for ending in BE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= BE_MIN_STEM:
            word = word[: -len(ending)]
            break
    end = len(word)
    while end > BE_MIN_STEM - 1 and word[end - 1] in BE_VOWELS:
        end -= 1
    word = word[:end]
    if len(word) >= 5 and word.endswith(BE_FLEETING):
        word = word[:-2] + word[-1]
    return word


def stem_ru(word: str) -> str:
    """Snowball Russian, as lunr.ru.js has it (the word is already folded: ё is е)."""
    return _russian.stemWord(word)


def stem_en(word: str) -> str:
    return _porter.stem(word)


def no_stem(word: str) -> str:
    """A language without a stemmer here: its words are found as written (and by beginning)."""
    return word


STEMMERS = {"ru": stem_ru, "be": stem_be, "en": stem_en}


def stemmer(lang: str):  # noqa: ANN201 - a str -> str function
    """The stemmer of a language's finder; a language added without one gets :func:`no_stem`."""
    return STEMMERS.get(lang, no_stem)


def stem(lang: str, word: str) -> str:
    """The index term of one folded word in a language's finder."""
    return stemmer(lang)(word)
