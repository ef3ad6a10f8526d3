"""Warnings for whoever prints: a notice in force about something a leaflet prints.

A leaflet outlives its printing by months. When a number has changed or a service is closed
(``notices.yml``), the volunteer should know before printing a pile of sheets, so making a
leaflet while such a notice is in force prints a warning naming it. Site-wide notices of kind
``changed-number`` or ``closed`` may concern the national numbers every leaflet carries, so
they warn for every leaflet.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from build_tools.data.availability import format_minsk, now_minsk
from build_tools.data.model import Directory
from build_tools.messages import _

#: Site-wide notices of these kinds concern every leaflet (the national numbers).
SITE_WIDE_KINDS = frozenset({"changed-number", "closed"})


def notice_warnings(
    directory: Directory,
    listed: Iterable[str],
    *,
    now: _dt.datetime | None = None,
) -> list[str]:
    """One line per notice in force now about an entry printed on the leaflet (its places
    and the national numbers on its front) or about the whole site."""
    now = now or now_minsk()
    printed = set(listed) | {e.id for e in directory.national()}
    out = []
    for notice in directory.notices:
        if not notice.active(now):
            continue
        if notice.entry is None and notice.kind not in SITE_WIDE_KINDS:
            continue
        if notice.entry is not None and notice.entry not in printed:
            continue
        about = f"`{notice.entry}`" if notice.entry else _("the whole site")
        out.append(
            _(
                "warning: a notice ({kind}) about {about} is in force until "
                "{until} Minsk time: {text} — check the numbers on this leaflet "
                "before printing many copies"
            ).format(
                kind=notice.kind,
                about=about,
                until=format_minsk(notice.end),
                text=notice.text("ru"),
            )
        )
    return out
