"""Messages for editors in their language: one gettext catalogue per language, through Babel.

Source strings are English, written in the code inside ``_()`` (or ``ngettext`` for counts);
each other language has ``locale/<lang>/LC_MESSAGES/helpdir.po``, read at run time with
Babel's ``read_po`` — nothing compiled is kept in the repository, so a fresh clone works as
it is, and a translator edits one text file. ``make messages`` extracts the strings into
``locale/helpdir.pot`` and updates every ``.po`` from it.

The language is the one a command was given (``--lang``, see :mod:`build_tools.command_line`),
else the environment variable ``HELPDIR_LANG``, else Russian: editors are Russian speakers.
Stages import this module (it is no face): a message is put into words where it is made.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "helpdir"
#: The language of the source strings: it needs no catalogue.
SOURCE_LANGUAGE = "en"
DEFAULT_LANGUAGE = "ru"
ENVIRONMENT_VARIABLE = "HELPDIR_LANG"

_chosen: str | None = None


class UnknownLanguage(ValueError):
    """A language with no catalogue; the message lists those that have one."""

    def __init__(self, value: str, origin: str) -> None:
        self.value = value
        self.origin = origin
        said = _("there are no messages in the language `{value}`").format(value=value)
        super().__init__(
            (f"{origin}: {said}" if origin else said)
            + " — "
            + _("use one of: {languages}").format(languages=", ".join(available_languages()))
        )


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def available_languages() -> tuple[str, ...]:
    """English (the source) and every language with a catalogue, in a stable order."""
    found = {p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    order = [DEFAULT_LANGUAGE, "be", SOURCE_LANGUAGE]
    return tuple(
        [lang for lang in order if lang in found or lang == SOURCE_LANGUAGE]
        + sorted(found - set(order))
    )


def checked_language(value: str, origin: str = "--lang") -> str:
    """``value`` if it has messages, else :class:`UnknownLanguage` naming where it came from."""
    lang = value.strip().lower()
    if lang not in available_languages():
        raise UnknownLanguage(value, origin)
    return lang


def use_language(lang: str | None) -> None:
    """Choose the language of the messages for the rest of the run (``None``: back to default)."""
    global _chosen
    _chosen = None if lang is None else checked_language(lang)


def environment_language() -> str | None:
    """``HELPDIR_LANG`` as given, or ``None`` when it is unset or empty."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    return value or None


def language() -> str:
    """The language messages are in now: chosen, else ``HELPDIR_LANG`` if it has messages,
    else Russian (a build never stops over the variable; commands report a wrong one)."""
    if _chosen is not None:
        return _chosen
    value = (environment_language() or "").lower()
    if value in available_languages():
        return value
    return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in available_languages() else SOURCE_LANGUAGE


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang``, read from its ``.po`` file once per run."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalogue_path(lang).open("rb") as handle:
        catalogue = read_po(handle, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """``message`` (English) in the current language; itself where no translation exists."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message for ``n`` (Russian and Belarusian have three)."""
    return translations(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 — the name gettext tools look for
    """Marks a string for the catalogue where it is defined; ``_()`` translates it when used."""
    return message
