"""How many places fit on a leaflet's back page, worked out before anything is laid out.

Laying out a PDF is the slow part of the build, so the count is computed the way the layout
will be: words are measured with the advance widths of the very fonts WeasyPrint embeds
(DejaVu Sans, found through fontconfig) and wrapped greedily on the text measure. Wrapping only
at spaces breaks no later than the real layout does, so the estimate errs on the safe side;
the PDF stage still counts the pages and falls back to one place fewer if it was wrong.
Every size here mirrors ``templates/leaflet.css``.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from functools import cache

from .views import PlaceView

PT = 25.4 / 72  # mm per point
LINE_HEIGHT = 1.3
BODY_PT = 8.6
NAME_PT = 9.0
#: The text measure: A5 width 148 mm minus 2 × 12 mm margins.
MEASURE = 124.0
#: The page's text area height: A5 height 210 mm minus 2 × 12 mm margins.
PAGE_HEIGHT = 186.0
#: The h2 (12 pt); its 2 mm margin below merges with the first group heading's margin above.
HEADING = 12 * LINE_HEIGHT * PT
#: A group's h3 (9.5 pt): 2 mm above, a 0.3 mm rule and 1.5 mm below. Above the second group
#: the margin merges with the previous place's gap, which is already counted.
FIRST_GROUP = 2.0 + 9.5 * LINE_HEIGHT * PT + 0.3 + 1.5
NEXT_GROUP = 9.5 * LINE_HEIGHT * PT + 0.3 + 1.5 + 0.3
#: The footer: its 3 mm margin merges with the last place's gap (0.8 mm more), 2 mm padding,
#: a 0.3 mm rule, the 28 mm QR code (taller than the text beside it), and 1 mm to spare.
FOOTER = 0.8 + 2.0 + 0.3 + 28.0 + 1.0
PLACE_GAP = 2.2
#: Width of a character the font does not hold, in em (DejaVu's average is about 0.6).
UNKNOWN_EM = 0.7


@cache
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """Advance widths in em by code point, read from the font fontconfig picks; {} if none."""
    pattern = "DejaVu Sans:bold" if bold else "DejaVu Sans"
    try:
        path = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=True
        ).stdout.strip()
        from fontTools.ttLib import TTFont

        font = TTFont(path, lazy=True)
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        widths = {code: metrics[name][0] / units for code, name in font.getBestCmap().items()}
        return widths, widths.get(ord(" "), 0.32)
    except (OSError, subprocess.CalledProcessError, KeyError, ImportError):
        return {}, 0.32


def text_width(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The width of ``text`` in mm at ``size_pt``."""
    widths, _ = _advances(bold)
    em = sum(widths.get(ord(ch), UNKNOWN_EM) for ch in text)
    return em * size_pt * PT


def line_count(parts: Sequence[tuple[str, bool]], size_pt: float, measure: float = MEASURE) -> int:
    """Lines a paragraph takes: ``parts`` are (text, bold) runs, wrapped greedily at spaces."""
    words: list[tuple[float, float]] = []  # (width of the word, width of the space before it)
    pending_space = 0.0
    for text, bold in parts:
        space = _advances(bold)[1] * size_pt * PT
        pieces = text.split(" ")
        for index, piece in enumerate(pieces):
            if index > 0:
                pending_space = space
            if piece:
                words.append((text_width(piece, size_pt, bold=bold), pending_space))
                pending_space = 0.0
    if not words:
        return 0
    lines, used = 1, 0.0
    for width, space in words:
        if used and used + space + width > measure:
            lines += 1
            used = width
        else:
            used += (space if used else 0.0) + width
    return lines


def place_height(place: PlaceView) -> float:
    """The height of one place's block, in mm, margin below included."""
    body = BODY_PT * LINE_HEIGHT * PT
    height = line_count([(place.name.text, True)], NAME_PT) * NAME_PT * LINE_HEIGHT * PT
    if place.sample:
        height += body
    height += line_count([(f"{place.kinds} · {place.where.text}", False)], BODY_PT) * body
    for phone in place.phones:
        details = f" — {phone.details}" if phone.details else ""
        height += line_count([(phone.number, True), (details, False)], BODY_PT) * body
    for extra in (place.contacts, place.hours, place.unconfirmed):
        height += line_count([(extra, False)], BODY_PT) * body
    return height + PLACE_GAP


def fitting_count(places: Sequence[PlaceView], stays: Sequence[bool]) -> int:
    """How many of ``places`` (ranked, most important first) the back page holds.

    ``stays[i]`` says whether place ``i`` is a place to stay: each of the two groups costs its
    heading once. The footer's height does not depend on what is listed.
    """
    used = HEADING + FOOTER
    seen: set[bool] = set()
    count = 0
    for place, stay in zip(places, stays, strict=True):
        heading = 0.0 if stay in seen else (NEXT_GROUP if seen else FIRST_GROUP)
        height = place_height(place) + heading
        if used + height > PAGE_HEIGHT:
            break
        used += height
        seen.add(stay)
        count += 1
    return count
