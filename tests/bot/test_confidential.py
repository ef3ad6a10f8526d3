"""No confidential address reaches any message, for every entry of the fixture and real data.

Validation already refuses an address in YAML for a confidential place, so the data itself
has none to leak. The test therefore plants one: every entry with ``address_visibility``
``locality`` or ``hidden`` gets an address, coordinates and (for ``hidden``) a town in the
model, and the bot's conversation is walked through every region, town and kind of help in
every language. Not one message may contain what was planted.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from build_tools.bot.catalogue import Catalogue, load_catalogue
from build_tools.bot.conversation import Conversations, Reply
from build_tools.data.model import LANGUAGES, Directory, Entry, Geo, Text
from tests.paths import FIXTURE_DIRECTORY, REPO

PLANTED = {"ru": "ул. Тайная, 13", "be": "вул. Тайная, 13", "en": "13 Secret Street"}
LAT, LON = 53.123456, 27.654321


def _plant(entry: Entry, directory: Directory) -> tuple[Entry, str | None]:
    """The entry with a confidential address in the model; and, for a hidden entry, a town
    (whose name must not appear either) that can be told apart from the region's name."""
    if entry.address_visibility == "public":
        return entry, None
    town = None
    changes: dict[str, object] = {"address": Text(PLANTED), "geo": Geo(LAT, LON)}
    if entry.address_visibility == "hidden" and entry.region:
        region = directory.region(entry.region)
        for loc in region.localities:
            known = [
                region.name(lang) + entry.name(lang) + entry.summary(lang) for lang in LANGUAGES
            ]
            if all(loc.name(lang) not in known[i] for i, lang in enumerate(LANGUAGES)):
                changes["locality"] = loc.id
                town = loc.id
                break
    return dataclasses.replace(entry, **changes), town


def _planted(catalogue: Catalogue) -> tuple[Catalogue, dict[str, str | None]]:
    directory = catalogue.directory
    planted = [_plant(e, directory) for e in directory.entries]
    towns = {e.id: town for e, town in planted if e.address_visibility != "public"}
    changed = Directory(directory.regions, directory.services, tuple(e for e, _ in planted))
    return dataclasses.replace(catalogue, directory=changed), towns


def _walk(conversations: Conversations, catalogue: Catalogue, lang: str) -> list[Reply]:
    """Every result page for every region and town and anywhere, and for each kind of help."""
    chat = 1
    replies: list[Reply] = []
    state = conversations.memory.start(chat, lang)

    def pages(services: tuple[str, ...], region: str | None, locality: str | None) -> None:
        state.services, state.region, state.locality = services, region, locality
        offset = 0
        while True:
            got = conversations.results(state, offset)
            replies.extend(got)
            more = [b for row in got[-1].buttons for b in row if ":P:" in b.data]
            if not more:
                return
            offset = int(more[0].data.rsplit(":", 1)[1])

    d = catalogue.directory
    for services in [(), *((s.id,) for s in d.services)]:
        pages(services, None, None)
        for region in d.regions:
            pages(services, region.id, None)
            for loc in region.localities:
                pages(services, region.id, loc.id)
    # typed text naming each town, and the guided path's answers
    for region in d.regions:
        for loc in region.localities:
            replies.extend(conversations.text(chat, loc.name(lang)))
    return replies


@pytest.mark.parametrize(
    "data_dir", [FIXTURE_DIRECTORY, REPO / "directory_data"], ids=["fixture", "directory_data"]
)
def test_no_confidential_address_reaches_any_message(data_dir: Path) -> None:
    real = load_catalogue(data_dir, site_url="https://help.example.org/", allow_samples=True)
    catalogue, towns = _planted(real)
    confidential = [e for e in catalogue.directory.entries if e.address_visibility != "public"]
    assert confidential, "the data has confidential places to check"
    conversations = Conversations(lambda: catalogue)
    for lang in LANGUAGES:
        replies = _walk(conversations, catalogue, lang)
        text = "\n".join(r.text for r in replies)
        # every entry the bot may give was shown, confidential ones included
        for entry in catalogue.shown_entries():
            assert f"<b>{_html(entry.name(lang))}</b>" in text, entry.id
        for value in PLANTED.values():
            assert value not in text
        assert str(LAT) not in text and str(LON) not in text
        for entry_id, town in towns.items():
            if town is None:
                continue
            entry = catalogue.directory.entry(entry_id)
            name = catalogue.directory.locality(town).name(lang)
            for reply in replies:
                if f"<b>{_html(entry.name(lang))}</b>" in reply.text:
                    assert name not in reply.text, (entry_id, lang)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
