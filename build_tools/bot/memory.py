"""The only place the bot keeps anything about a chat: in memory, for a short while.

No database, no file, nothing in the logs. A conversation is a language, where it is in the
guided path and what was chosen (ids from the data); it is forgotten after ``ttl`` seconds
without a message, on /start and on /exit, and whenever the process stops.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class State:
    """One conversation. ``token`` is in every button it sends, so a button from a forgotten
    conversation is recognised as such and not read as a choice in a new one."""

    lang: str
    token: str
    seen: float
    services: tuple[str, ...] = ()
    region: str | None = None
    locality: str | None = None


def new_token() -> str:
    return secrets.token_hex(3)


class Memory:
    """Conversations by chat, each forgotten ``ttl`` seconds after its last message."""

    def __init__(self, ttl: float = 1800, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._states: dict[int, State] = {}
        self._last_sweep = clock()

    def get(self, chat: int) -> State | None:
        now = self.clock()
        self._sweep(now)
        state = self._states.get(chat)
        if state is None or now - state.seen > self.ttl:
            self._states.pop(chat, None)
            return None
        state.seen = now
        return state

    def start(self, chat: int, lang: str) -> State:
        state = State(lang=lang, token=new_token(), seen=self.clock())
        self._states[chat] = state
        return state

    def forget(self, chat: int) -> None:
        self._states.pop(chat, None)

    def __len__(self) -> int:
        self._sweep(self.clock(), force=True)
        return len(self._states)

    def _sweep(self, now: float, force: bool = False) -> None:
        """Drop expired conversations, at most once a minute (or when counting)."""
        if not force and now - self._last_sweep < 60:
            return
        self._last_sweep = now
        for chat in [c for c, s in self._states.items() if now - s.seen > self.ttl]:
            del self._states[chat]


class RateLimit:
    """A token bucket per chat: ``burst`` messages at once, then ``per_second`` on average.

    Updates are handled concurrently, so a chat over its limit is simply not answered and
    cannot slow anyone else. Buckets are forgotten once full again.
    """

    def __init__(
        self, burst: int = 8, per_second: float = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = burst
        self.per_second = per_second
        self.clock = clock
        self._buckets: dict[int, tuple[float, float]] = {}
        self._last_sweep = clock()

    def allow(self, chat: int) -> bool:
        now = self.clock()
        tokens, then = self._buckets.get(chat, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) * self.per_second)
        allowed = tokens >= 1
        self._buckets[chat] = (tokens - 1 if allowed else tokens, now)
        if now - self._last_sweep > 60:
            self._last_sweep = now
            full_after = self.burst / self.per_second
            self._buckets = {c: b for c, b in self._buckets.items() if now - b[1] < full_after}
        return allowed
