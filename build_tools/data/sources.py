"""How an entry's source is shown to people: on a card, on paper, in a call list."""

from __future__ import annotations


def shown_source(source: str | None, limit: int = 60) -> str:
    """A web address without its scheme (``example.by/list``), a long title shortened."""
    text = (source or "").strip()
    text = text.removeprefix("https://").removeprefix("http://").rstrip("/")
    return text if len(text) <= limit else text[: limit - 1] + "…"
