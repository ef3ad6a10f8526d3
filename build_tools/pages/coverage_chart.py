"""The coverage page's bar chart, drawn at build time as inline SVG (no script, no library).

Two bars per region: the places the directory knows of (filled) and the places the standard
asks for (outlined, so the two differ by shape as well as colour). Each bar has its number
written beside it, and the region's name above it, so nothing depends on colour or hovering.
The SVG is an image with a title and a description for screen readers; the table under it
carries the same numbers for anyone who wants them one by one.

Sizes are in the viewBox's units: the chart is drawn 340 units wide, the width of a cheap phone's
screen, so its 14-unit text stays readable when the page is 360 pixels wide.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

WIDTH = 340
#: Room right of the longest bar for its number.
LABEL_ROOM = 64
BAR = 16
GAP = 4
NAME = 20
BLOCK_GAP = 14
LEGEND = 52
FONT = 14
#: Dark blue on white: 8.5:1, well above the 3:1 WCAG asks of graphics.
KNOWN_COLOUR = "#1d4f80"
#: Dark grey outline on white: 7.5:1.
NEEDED_COLOUR = "#555555"
TEXT_COLOUR = "#1a1a1a"


@dataclass(frozen=True)
class Bar:
    region: str
    name: str
    known: int
    needed: int


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    desc: str,
    known_label: str,
    needed_label: str,
    number: Callable[[int], str],
) -> Markup:
    """The SVG markup; every text is escaped here (the callers' words and region names).

    ``number`` writes a value as the page's language does (``1 299 912``, ``1,299,912``).
    """
    top = max([b.known for b in bars] + [b.needed for b in bars] + [1])
    scale = (WIDTH - LABEL_ROOM) / top
    block = NAME + 2 * BAR + GAP + BLOCK_GAP
    height = LEGEND + block * len(bars)
    parts = [
        Markup(
            '<svg class="helpdir-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
            'viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            'aria-labelledby="coverage-chart-title coverage-chart-desc" '
            'font-size="{f}" fill="{t}">'
        ).format(w=WIDTH, h=height, f=FONT, t=TEXT_COLOUR),
        Markup('<title id="coverage-chart-title">{}</title>').format(title),
        Markup('<desc id="coverage-chart-desc">{}</desc>').format(desc),
        _legend(known_label, needed_label),
    ]
    y = LEGEND
    for bar in bars:
        parts.append(
            Markup('<g class="helpdir-chart__region" data-region="{}">').format(bar.region)
        )
        parts.append(
            Markup('<text x="0" y="{}" font-weight="bold">{}</text>').format(y + 14, bar.name)
        )
        y += NAME
        parts.append(_bar("known", bar.known, y, scale, number))
        y += BAR + GAP
        parts.append(_bar("needed", bar.needed, y, scale, number))
        y += BAR + BLOCK_GAP
        parts.append(Markup("</g>"))
    parts.append(Markup("</svg>"))
    return Markup("\n").join(parts)


def _legend(known_label: str, needed_label: str) -> Markup:
    return Markup(
        '<g class="helpdir-chart__legend">'
        '<rect x="0" y="4" width="{b}" height="{b}" fill="{k}"/>'
        '<text x="{tx}" y="17">{known}</text>'
        '<rect x="1" y="29" width="{b2}" height="{b2}" fill="#ffffff" stroke="{n}" '
        'stroke-width="2"/>'
        '<text x="{tx}" y="42">{needed}</text>'
        "</g>"
    ).format(
        b=BAR,
        b2=BAR - 2,
        k=KNOWN_COLOUR,
        n=NEEDED_COLOUR,
        tx=BAR + 8,
        known=known_label,
        needed=needed_label,
    )


def _bar(measure: str, value: int, y: int, scale: float, number: Callable[[int], str]) -> Markup:
    width = round(value * scale, 1)
    if measure == "known":
        shape = Markup('<rect x="0" y="{}" width="{}" height="{}" fill="{}" data-measure="{}"/>')
        rect = shape.format(y, width, BAR, KNOWN_COLOUR, measure)
    else:  # an outline, inset by half its stroke so it lines up with the filled bar
        shape = Markup(
            '<rect x="1" y="{}" width="{}" height="{}" fill="#ffffff" stroke="{}" '
            'stroke-width="2" data-measure="{}"/>'
        )
        rect = shape.format(y + 1, max(width - 2, 0), BAR - 2, NEEDED_COLOUR, measure)
    label = Markup('<text x="{}" y="{}" data-measure="{}">{}</text>').format(
        round(width + 6, 1), y + BAR - 3, measure, number(value)
    )
    return rect + label if value else label
