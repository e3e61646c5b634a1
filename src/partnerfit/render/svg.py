"""Inline SVG charts drawn by hand (no plotting library): stacked bars, radar, interval bars, heat-map cells."""

from __future__ import annotations

import math
from collections.abc import Sequence

from partnerfit.i18n.numerals import PRECISION, percent
from partnerfit.render.sanitize import html_text as escape

# (colour, hatching) of each part of a stacked bar; the hatching keeps the parts apart in black and white
FILLS: tuple[tuple[str, str], ...] = (
    ("#1f3b5a", "solid"),
    ("#6b93b8", "diagonal"),
    ("#c8a44d", "solid"),
    ("#8a5a7c", "dots"),
    ("#a9c0ad", "horizontal"),
    ("#5c6b3a", "cross"),
    ("#d9c7a3", "vertical"),
    ("#a4553a", "back-diagonal"),
)
INK = "#1d2733"
MUTED = "#6b7480"
RULE = "#c9ced4"
TRACK = "#eef0f2"
HEAT = (0x1F, 0x3B, 0x5A)  # the darkest heat-map shade (probability 1)


def num(value: float) -> str:
    """A coordinate with at most one decimal, without trailing zeros (keeps the document small)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _ink(colour: str) -> str:
    """White marks on a dark fill, dark marks on a light one."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return INK if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#ffffff"


def marks(kind: str, x: float, y: float, w: float, h: float, step: float = 4.0) -> str:
    """Path data of a hatching drawn inside the rectangle as plain lines (SVG patterns bloat printed PDFs)."""
    out = []
    if kind in ("diagonal", "back-diagonal"):
        offset = -h
        while offset < w:
            lo, hi = max(0.0, -offset), min(h, w - offset)  # the part of the line inside the rectangle
            if hi - lo > 0.3:
                ends = [(x + offset + u, y + h - u if kind == "diagonal" else y + u) for u in (lo, hi)]
                out.append(f"M{num(ends[0][0])} {num(ends[0][1])}L{num(ends[1][0])} {num(ends[1][1])}")
            offset += step + 1
    if kind in ("horizontal", "cross"):
        out += [f"M{num(x)} {num(y + k)}H{num(x + w)}" for k in _ticks(h, step)]
    if kind in ("vertical", "cross"):
        out += [f"M{num(x + k)} {num(y)}V{num(y + h)}" for k in _ticks(w, step)]
    if kind == "dots":
        out += [f"M{num(x + i - 0.8)} {num(y + j - 0.8)}h1.6v1.6h-1.6z" for i in _ticks(w, 4.5) for j in _ticks(h, 4.5)]
    return "".join(out)


def _ticks(length: float, step: float) -> list[float]:
    return [step / 2 + k * step for k in range(int((length - step / 2) // step) + 1) if step / 2 + k * step < length]


def hatched(k: int, x: float, y: float, w: float, h: float, extra: str = "") -> str:
    """A rectangle in the k-th part's colour and hatching (cycling), so parts differ in black and white too."""
    colour, kind = FILLS[k % len(FILLS)]
    rect = f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" fill="{colour}"{extra}/>'
    lines = marks(kind, x, y, w, h)
    width = "1.2" if kind == "dots" else "1"
    paint = (
        f'fill="{_ink(colour)}"' if kind == "dots" else f'fill="none" stroke="{_ink(colour)}" stroke-width="{width}"'
    )
    return rect + (f'<path d="{lines}" {paint}/>' if lines else "")


def swatch(k: int, size: int = 11) -> str:
    """A small square in the k-th part's fill, for legends."""
    return (
        f'<svg class="swatch" width="{size}" height="{size}" viewBox="0 0 {size} {size}" aria-hidden="true">'
        f"{hatched(k, 0, 0, size, size)}"
        f'<rect x="0.3" y="0.3" width="{size - 0.6}" height="{size - 0.6}" fill="none" stroke="{INK}" '
        'stroke-width="0.6"/></svg>'
    )


def segments(values: Sequence[float], width: float, scale: float = 100.0) -> list[tuple[float, float]]:
    """(x, width) of each stacked part: values below 0 count as 0 and the running total stops at ``scale``."""
    placed, total = [], 0.0
    for value in values:
        start = min(total, scale)
        total += max(0.0, value)
        placed.append((start * width / scale, (min(total, scale) - start) * width / scale))
    return placed


def stacked_bar(
    values: Sequence[float], titles: Sequence[str], label: str, *, width: float = 100, height: float = 11
) -> str:
    """A horizontal bar of the parts of a 0–100 figure, on a light track of the whole range."""
    edge = ' stroke="#ffffff" stroke-width="0.5"'
    parts = [
        f"<g><title>{escape(title)}</title>{hatched(k, x, 0, w, height, edge)}</g>"
        for k, ((x, w), title) in enumerate(zip(segments(values, width), titles, strict=True))
        if w > 0
    ]
    return (
        f'<svg class="bar" width="{num(width)}" height="{num(height)}" viewBox="0 0 {num(width)} {num(height)}" '
        f'role="img" aria-label="{escape(label)}"><rect width="{num(width)}" height="{num(height)}" fill="{TRACK}"/>'
        + "".join(parts)
        + f'<rect x="0.25" y="0.25" width="{num(width - 0.5)}" height="{num(height - 0.5)}" fill="none" '
        f'stroke="{RULE}" stroke-width="0.5"/></svg>'
    )


def radar_points(
    values: Sequence[float | None], cx: float, cy: float, radius: float, scale: float = 100.0
) -> list[tuple[float, float]]:
    """One vertex per axis, clockwise from the top; values clipped to [0, ``scale``], None drawn at 0."""
    n = len(values)
    points = []
    for k, value in enumerate(values):
        share = min(max(value or 0.0, 0.0), scale) / scale
        angle = 2 * math.pi * k / n - math.pi / 2
        points.append((cx + radius * share * math.cos(angle), cy + radius * share * math.sin(angle)))
    return points


def _polygon(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{num(x)},{num(y)}" for x, y in points)


def _wrap(text: str, limit: int = 14) -> list[str]:
    """At most two lines of about ``limit`` characters, cut between words."""
    words, lines = text.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > limit and len(lines) < 2:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _axis_label(text: str, x: float, y: float, cx: float, cy: float) -> str:
    """An axis name outside the chart: above the top vertex it grows upwards, below the bottom ones downwards."""
    anchor = "middle" if abs(x - cx) < 1 else ("start" if x > cx else "end")
    lines = _wrap(text)
    extra = 13 * (len(lines) - 1)
    top = y - extra if y < cy - 1 and anchor == "middle" else y + 4 - extra / 2 if abs(y - cy) < 40 else y + 8
    spans = "".join(
        f'<tspan x="{num(x)}" y="{num(top + 13 * i)}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}" font-size="12" fill="{INK}">{spans}</text>'


def radar(axes: Sequence[str], series: Sequence[Sequence[float | None]], label: str, *, size: float = 300) -> str:
    """A spider chart on 0–100: the first series solid with round marks, the second dashed with square marks."""
    width, height = size * 1.3, size
    cx, cy, radius = width / 2, height / 2 + 3, size * 0.32
    n = len(axes)
    rings = "".join(
        f'<polygon points="{_polygon(radar_points([level] * n, cx, cy, radius))}" fill="none" stroke="{RULE}" '
        f'stroke-width="{0.9 if level == 100 else 0.5}"/>'
        for level in (25, 50, 75, 100)
    )
    ends = radar_points([100.0] * n, cx, cy, radius)
    spokes = "".join(
        f'<line x1="{num(cx)}" y1="{num(cy)}" x2="{num(x)}" y2="{num(y)}" stroke="{RULE}" stroke-width="0.5"/>'
        for x, y in ends
    )
    ticks = "".join(
        f'<text x="{num(cx + 2)}" y="{num(cy - radius * level / 100 - 1.5)}" font-size="8" fill="{MUTED}">{level}</text>'
        for level in (50,)
    )
    labels = "".join(
        _axis_label(axis, *radar_points([118.0] * n, cx, cy, radius)[k], cx, cy) for k, axis in enumerate(axes)
    )
    shapes = []
    for k, values in enumerate(series[:2]):
        points = radar_points(values, cx, cy, radius)
        dash, area = ("", "fill-opacity:0.18") if k == 0 else (' stroke-dasharray="5 3"', "fill:none")
        shapes.append(
            f'<polygon points="{_polygon(points)}" fill="{FILLS[1][0] if k == 0 else "none"}" style="{area}" '
            f'stroke="{INK if k == 0 else MUTED}" stroke-width="{1.8 if k == 0 else 1.3}"{dash}/>'
        )
        shapes += [
            f'<circle cx="{num(x)}" cy="{num(y)}" r="2.6" fill="{INK}"/>'
            if k == 0
            else f'<rect x="{num(x - 2.4)}" y="{num(y - 2.4)}" width="4.8" height="4.8" fill="#ffffff" '
            f'stroke="{MUTED}" stroke-width="1"/>'
            for x, y in points
        ]
    return (
        f'<svg class="radar" viewBox="0 0 {num(width)} {num(height)}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{rings}{spokes}{ticks}{''.join(reversed(shapes))}{labels}</svg>"
    )


def legend_line(dashed: bool, width: float = 26) -> str:
    """The line style of a radar series (solid with a round mark, or dashed with a square one), for legends."""
    if dashed:
        mark = f'<rect x="{num(width / 2 - 2.4)}" y="2.6" width="4.8" height="4.8" fill="#ffffff" stroke="{MUTED}"/>'
        line = (
            f'<line x1="0" y1="5" x2="{num(width)}" y2="5" stroke="{MUTED}" stroke-width="1.3" stroke-dasharray="5 3"/>'
        )
    else:
        mark = f'<circle cx="{num(width / 2)}" cy="5" r="2.6" fill="{INK}"/>'
        line = f'<line x1="0" y1="5" x2="{num(width)}" y2="5" stroke="{INK}" stroke-width="1.8"/>'
    return f'<svg class="swatch" width="{num(width)}" height="10" aria-hidden="true">{line}{mark}</svg>'


def interval_bar(low: float, high: float, weight: float, *, width: float = 150, height: float = 12) -> str:
    """A 0–100 % track with the interval [low, high] shaded and a tick at the declared weight."""

    def at(share: float) -> float:
        return min(max(share, 0.0), 1.0) * (width - 4) + 2

    mid = height / 2
    band = hatched(1, at(low), mid - 3.5, max(at(high) - at(low), 0.8), 7)
    tick = (
        f'<line x1="{num(at(weight))}" y1="0" x2="{num(at(weight))}" y2="{num(height)}" stroke="{INK}" '
        'stroke-width="1.6"/>'
    )
    return (
        f'<svg class="bar" width="{num(width)}" height="{num(height)}" viewBox="0 0 {num(width)} {num(height)}" '
        f'aria-hidden="true"><line x1="2" y1="{num(mid)}" x2="{num(width - 2)}" y2="{num(mid)}" stroke="{RULE}" '
        f'stroke-width="1"/>{band}{tick}</svg>'
    )


def heat_colour(probability: float) -> str:
    """The background of a heat-map cell: white at 0 to dark blue at 1 (square-root scale, so small odds show)."""
    share = math.sqrt(min(max(probability, 0.0), 1.0))
    red, green, blue = (round(255 + (c - 255) * share) for c in HEAT)
    return f"#{red:02x}{green:02x}{blue:02x}"


def heat_ink(probability: float) -> str:
    """The text colour that stays readable on :func:`heat_colour` (also once printed in grey)."""
    return "#ffffff" if probability >= 0.3 else INK


def heat_cell(probability: float, lang: str = "en") -> str:
    """A heat-map table cell: the probability in % (· for never) on its shade, readable in black and white."""
    shown = "·" if probability == 0 else percent(probability, lang, PRECISION["share"], sign=False)
    colours = f"background:{heat_colour(probability)};color:{heat_ink(probability)}"
    return f'<td class="num heat" style="{colours}">{shown}</td>'
