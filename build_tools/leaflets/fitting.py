"""How many places fit on a leaflet's back page, estimated before anything is laid out.

Laying out a PDF is the slow part of the build, so the estimate aims to be right the first
time; the PDF stage still counts the pages it made and falls back to one place fewer when a
long name wrapped more than expected. The numbers mirror ``templates/leaflet.css``.
"""

from __future__ import annotations

import math

from .views import PlaceView

#: Height of the back page's text area (A5 210 mm minus 2 × 12 mm margins), in mm.
PAGE_HEIGHT = 186.0
#: The heading, the footer with the QR code, and a reserve for rounding, in mm.
FIXED_HEIGHT = 12.0 + 36.0 + 6.0
#: A group heading ("Crisis rooms and shelters"), in mm.
GROUP_HEIGHT = 7.0
#: One line of 8.6 pt text at line-height 1.3, in mm.
LINE = 3.95
#: The space between two places, in mm.
GAP = 2.2
#: Characters per line on the 124 mm measure; DejaVu Sans is wide, bold wider still.
CHARS = 62
NAME_CHARS = 52


def _lines(text: str, width: int) -> int:
    return max(1, math.ceil(len(text) / width)) if text else 0


def place_height(place: PlaceView) -> float:
    lines = _lines(place.name.text, NAME_CHARS) + (1 if place.sample else 0)
    lines += _lines(f"{place.kinds} · {place.where.text}", CHARS)
    for phone in place.phones:
        lines += _lines(f"{phone.number} — {phone.details}", CHARS)
    lines += _lines(place.contacts, CHARS) + _lines(place.hours, CHARS)
    return lines * LINE + GAP


def fitting_count(places: list[PlaceView], stays: list[bool]) -> int:
    """How many of ``places`` (ranked, most important first) the back page holds.

    ``stays[i]`` says whether place ``i`` is a place to stay: each of the two groups costs its
    heading once. The footer always keeps room for the "all the others" line.
    """
    used = FIXED_HEIGHT
    seen: set[bool] = set()
    count = 0
    for place, stay in zip(places, stays, strict=True):
        height = place_height(place) + (0.0 if stay in seen else GROUP_HEIGHT)
        if used + height > PAGE_HEIGHT:
            break
        used += height
        seen.add(stay)
        count += 1
    return count
