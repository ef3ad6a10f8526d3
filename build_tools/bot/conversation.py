"""The conversation: what the bot answers to a command, a tap, a message or anything else.

Plain Python without Telegram in it: the dispatcher (``app.py``) turns updates into these calls
and :class:`Reply` objects into Bot API requests. Every answer offers buttons for every next
choice, so nobody has to type; text the bot does not understand gets the emergency numbers
and the choices again, never an error.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field

from build_tools.bot.cards import (
    bot_words,
    emergency_text,
    entry_text,
    esc,
    say,
)
from build_tools.bot.catalogue import Catalogue
from build_tools.bot.memory import Memory, State
from build_tools.data.model import LANGUAGES
from build_tools.languages import LANGUAGE_NAMES

PAGE_SIZE = 5
#: The main menu: (word in strings.yml after ``menu_``, what the button says to the bot).
MENU = (
    ("guide", "guide"),
    ("town", "town"),
    ("kind", "kind"),
    ("emergency", "sos"),
    ("language", "lang"),
    ("exit", "exit"),
)
#: The first button row of the very first message; it works without a conversation.
NO_TOKEN = "-"


@dataclass(frozen=True)
class Button:
    label: str
    data: str


@dataclass(frozen=True)
class Reply:
    """One message to send (or, with ``edit``, the text the tapped message is changed into)."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    edit: bool = False


@dataclass
class Answer:
    """What a tap gets: a short notice on the button (``toast``) and the replies."""

    replies: list[Reply] = field(default_factory=list)
    toast: str = ""


class Conversations:
    def __init__(
        self,
        catalogue: Callable[[], Catalogue],
        memory: Memory | None = None,
        now: Callable[[], _dt.datetime | None] = lambda: None,
    ) -> None:
        self.catalogue = catalogue
        self.memory = memory if memory is not None else Memory()
        self.now = now

    # -- what arrives

    def command(self, chat: int, text: str) -> list[Reply]:
        name = text.split()[0].split("@")[0].lower()
        state = self.memory.get(chat)
        if name == "/start":
            self.memory.forget(chat)
            return [self.first_message()]
        if name == "/exit":
            self.memory.forget(chat)
            return [self.ended(state.lang if state else None)]
        if state is None:
            return [self.first_message()]
        if name == "/language":
            return [self.language_choice(state)]
        if name == "/help":
            return [self.menu(state, say(state.lang, "help"))]
        return self.not_understood(state, "not_understood")

    def text(self, chat: int, text: str) -> list[Reply]:
        if text.startswith("/"):
            return self.command(chat, text)
        state = self.memory.get(chat)
        if state is None:
            return [self.first_message()]
        catalogue = self.catalogue()
        region, locality, service = catalogue.match_text(text)
        if region is not None:
            state.services = (service,) if service else ()
            state.region, state.locality = region, locality
            return self.results(state, 0)
        if service is not None:
            state.services = (service,)
            return [self.region_choice(state, with_towns=False)]
        return self.not_understood(state, "not_understood")

    def other(self, chat: int) -> list[Reply]:
        """Stickers, photos, voice, files: the bot reads only text and buttons."""
        state = self.memory.get(chat)
        if state is None:
            return [self.first_message()]
        return self.not_understood(state, "not_text")

    def tap(self, chat: int, data: str) -> Answer:
        parts = data.split(":")
        if len(parts) != 4 or parts[1] not in LANGUAGES:
            state = self.memory.get(chat)
            if state is None:
                return Answer([self.first_message()])
            return Answer(self.not_understood(state, "not_understood"))
        token, lang, action, arg = parts
        if action == "L" and arg in LANGUAGES:
            return Answer([self.choose_language(chat, arg)])
        state = self.memory.get(chat)
        if state is None or token != state.token:
            state = self.memory.start(chat, lang)
            expired = say(lang, "expired")
            return Answer([self.menu(state, expired)], toast=bot_words(lang)["expired"])
        handler = {
            "M": self._menu_choice,
            "A": self._guide_answer,
            "R": self._region,
            "W": self._town_region,
            "T": self._town,
            "K": self._kind,
            "P": self._more,
        }.get(action)
        if handler is None:
            return Answer(self.not_understood(state, "not_understood"))
        return Answer(handler(chat, state, arg))

    # -- taps

    def choose_language(self, chat: int, lang: str) -> Reply:
        state = self.memory.get(chat)
        if state is None:
            state = self.memory.start(chat, lang)
        state.lang = lang
        return self.menu(state)

    def _menu_choice(self, chat: int, state: State, what: str) -> list[Reply]:
        catalogue = self.catalogue()
        state.services, state.region, state.locality = (), None, None
        if what == "guide":
            return [self.step(state, catalogue.start)]
        if what == "town":
            return [self.region_choice(state, with_towns=True)]
        if what == "kind":
            return [self.kind_choice(state)]
        if what == "sos":
            return [self.menu(state, emergency_text(catalogue, state.lang))]
        if what == "lang":
            return [self.language_choice(state)]
        if what == "exit":
            self.memory.forget(chat)
            return [self.ended(state.lang)]
        return [self.menu(state)]

    def _guide_answer(self, chat: int, state: State, arg: str) -> list[Reply]:
        catalogue = self.catalogue()
        step_id, _, index = arg.rpartition(".")
        step = catalogue.step_by_code(step_id)
        if step is None or not index.isdigit() or int(index) >= len(step.answers):
            return [self.menu(state, say(state.lang, "expired"))]
        answer = step.answers[int(index)]
        if answer.services:
            state.services = answer.services
        following = [self.step(state, answer.next)] if answer.next else self.results(state, 0)
        if answer.emergency:
            return [Reply(emergency_text(catalogue, state.lang)), *map(_as_new, following)]
        return following

    def _region(self, chat: int, state: State, code: str) -> list[Reply]:
        catalogue = self.catalogue()
        region = None if code == "*" else catalogue.region_by_code(code)
        if code != "*" and region is None:  # a region no longer in the data
            return [self.region_choice(state, with_towns=False)]
        state.region, state.locality = region, None
        return self.results(state, 0)

    def _town_region(self, chat: int, state: State, code: str) -> list[Reply]:
        catalogue = self.catalogue()
        region = catalogue.region_by_code(code)
        if region is None:
            return [self.region_choice(state, with_towns=True)]
        state.region = region
        towns = catalogue.localities_with_entries(region)
        if not towns:
            return self.results(state, 0)
        lang = state.lang
        rows = [
            (self._button(state, catalogue.directory.locality(t).name(lang), "T", t),)
            for t in towns
        ]
        rows.append((self._button(state, bot_words(lang)["whole_region"], "T", "*"),))
        rows.append(self._home_row(state))
        return [Reply(say(lang, "which_town"), tuple(rows), edit=True)]

    def _town(self, chat: int, state: State, code: str) -> list[Reply]:
        catalogue = self.catalogue()
        state.locality = None if code == "*" else catalogue.locality_by_code(code)
        if state.locality is not None:
            state.region = catalogue.directory.locality(state.locality).region
        return self.results(state, 0)

    def _kind(self, chat: int, state: State, code: str) -> list[Reply]:
        service = self.catalogue().service_by_code(code)
        if service is None:
            return [self.kind_choice(state)]
        state.services = (service,)
        return [self.region_choice(state, with_towns=False)]

    def _more(self, chat: int, state: State, offset: str) -> list[Reply]:
        return self.results(state, int(offset) if offset.isdigit() else 0)

    # -- messages

    def first_message(self) -> Reply:
        """Language first; and, before anything else, how to leave no trace of the chat."""
        catalogue = self.catalogue()
        title = " · ".join(say(lang, "choose_language") for lang in LANGUAGES)
        safety = "\n\n".join(say(lang, "safety") for lang in LANGUAGES)
        numbers = "\n".join(
            f"☎ {esc(n.tel)} — "
            + " / ".join(dict.fromkeys(esc(n.label(lang)) for lang in LANGUAGES))
            for n in catalogue.emergency
        )
        text = f"<b>{title}</b>\n\n{safety}\n\n{numbers}"
        row = tuple(
            Button(LANGUAGE_NAMES[lang], f"{NO_TOKEN}:{lang}:L:{lang}") for lang in LANGUAGES
        )
        return Reply(text, (row,))

    def language_choice(self, state: State) -> Reply:
        row = tuple(self._button(state, LANGUAGE_NAMES[lang], "L", lang) for lang in LANGUAGES)
        return Reply(say(state.lang, "choose_language"), (row,))

    def menu(self, state: State, lead: str | None = None) -> Reply:
        lang = state.lang
        text = say(lang, "menu_question")
        if lead:
            text = f"{lead}\n\n{text}"
        rows = tuple(
            (self._button(state, bot_words(lang)[f"menu_{word}"], "M", key),) for word, key in MENU
        )
        return Reply(text, rows)

    def step(self, state: State, step_id: str) -> Reply:
        catalogue = self.catalogue()
        step = catalogue.steps[step_id]
        lang = state.lang
        if step.regions:
            return self.region_choice(
                state,
                with_towns=False,
                question=step.question(lang),
                any_label=step.any_label(lang),
            )
        rows = tuple(
            (self._button(state, answer.label(lang), "A", f"{catalogue.code(step.id)}.{i}"),)
            for i, answer in enumerate(step.answers)
        )
        return Reply(esc(step.question(lang)), (*rows, self._home_row(state)), edit=True)

    def region_choice(
        self, state: State, *, with_towns: bool, question: str = "", any_label: str = ""
    ) -> Reply:
        catalogue = self.catalogue()
        lang = state.lang
        action = "W" if with_towns else "R"
        rows = [
            (self._button(state, r.name(lang), action, catalogue.code(r.id)),)
            for r in catalogue.directory.regions
        ]
        if not with_towns:
            label = any_label or str(_page_word(lang, "all_country"))
            rows.append((self._button(state, label, "R", "*"),))
        rows.append(self._home_row(state))
        text = esc(question) if question else say(lang, "which_region")
        return Reply(text, tuple(rows), edit=True)

    def kind_choice(self, state: State) -> Reply:
        catalogue = self.catalogue()
        lang = state.lang
        used = {s for e in catalogue.shown_entries() for s in e.services}
        rows = [
            (self._button(state, s.name(lang), "K", catalogue.code(s.id)),)
            for s in catalogue.directory.services
            if s.id in used
        ]
        rows.append(self._home_row(state))
        return Reply(say(lang, "which_kind"), tuple(rows), edit=True)

    def results(self, state: State, offset: int) -> list[Reply]:
        """Up to five entries, one short message each, then what to do next."""
        catalogue = self.catalogue()
        lang = state.lang
        found = catalogue.results(state.services, state.region, state.locality)
        if not found:
            text = say(lang, "nothing_found") + "\n\n" + emergency_text(catalogue, lang)
            return [self.menu(state, text)]
        offset = max(0, min(offset, len(found) - 1))
        page = found[offset : offset + PAGE_SIZE]
        now = self.now()
        replies = [Reply(entry_text(catalogue, e, lang, now)) for e in page]
        last = offset + len(page)
        if offset == 0 and last == len(found):
            summary = say(lang, "found_all", n=len(found))
        else:
            summary = say(lang, "found", n=len(found), first=offset + 1, last=last)
        rows: list[tuple[Button, ...]] = []
        if last < len(found):
            rows.append((self._button(state, bot_words(lang)["more"], "P", str(last)),))
        rows.append(self._home_row(state))
        rows.append((self._button(state, bot_words(lang)["menu_exit"], "M", "exit"),))
        replies.append(Reply(summary, tuple(rows)))
        return replies

    def not_understood(self, state: State, key: str) -> list[Reply]:
        catalogue = self.catalogue()
        lead = emergency_text(catalogue, state.lang, lead=say(state.lang, key))
        return [self.menu(state, lead)]

    def ended(self, lang: str | None) -> Reply:
        if lang is None:
            return Reply("\n\n".join(say(code, "ended") for code in LANGUAGES))
        return Reply(say(lang, "ended"))

    # -- buttons

    def _button(self, state: State, label: str, action: str, arg: str) -> Button:
        return Button(label, f"{state.token}:{state.lang}:{action}:{arg}")

    def _home_row(self, state: State) -> tuple[Button, ...]:
        return (self._button(state, bot_words(state.lang)["menu_back"], "M", "home"),)


def _as_new(reply: Reply) -> Reply:
    return Reply(reply.text, reply.buttons, edit=False)


def _page_word(lang: str, key: str) -> str:
    from build_tools.pages.words import words

    return str(words(lang)[key])
