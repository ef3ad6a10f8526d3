"""The fixture directory with entries made ``status: unconfirmed`` (a changed copy)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace

from build_tools.data.build import load_directory
from build_tools.data.model import Directory
from tests.paths import FIXTURE_DIRECTORY

SOURCE = "https://example.by/list-of-centres"
SOURCE_DATE = _dt.date(2026, 9, 15)
#: A place with a public address and one whose address stays hidden (the town only).
UNCONFIRMED_IDS = ("vitebsk-help-centre", "pinsk-crisis-room")

#: What each language says (the date as Babel writes it in that language).
SAYS = {
    "ru": ("Не подтверждено по телефону", "15 сентября 2026"),
    "be": ("Не пацверджана па тэлефоне", "15 верасня 2026"),
    "en": ("Not yet confirmed by phone", "September 15, 2026"),
}


def unconfirmed(directory: Directory, *ids: str) -> Directory:
    """``ids`` (default :data:`UNCONFIRMED_IDS`) as unconfirmed entries from :data:`SOURCE`."""
    ids = ids or UNCONFIRMED_IDS
    entries = tuple(
        replace(e, status="unconfirmed", verified=None, source=SOURCE, source_date=SOURCE_DATE)
        if e.id in ids
        else e
        for e in directory.entries
    )
    return Directory(directory.regions, directory.services, entries)


def fixture_with_unconfirmed(*ids: str) -> Directory:
    return unconfirmed(load_directory(FIXTURE_DIRECTORY), *ids)
