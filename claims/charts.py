"""A metric's figures over time as an inline SVG chart: drawn on the server from the
database, so the site needs no JavaScript library and no network to show it. Each point
links to its statistic's page and names its value, period and source on hover."""
from __future__ import annotations

import math
from datetime import date

from markupsafe import Markup, escape

from .pages import STATISTIC_URL

# colour-blind-safe palette (Okabe and Ito), one colour per source
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
MARGIN = {"left": 72, "right": 16, "top": 28, "bottom": 36}
UNIT_TITLES = {"percent": "per cent (%)", "gbp": "pounds (£)", "count": "count", "days": "days",
               "months": "months", "years": "years", "hours": "hours", "times": "times"}
FONT = 14
HIT_RADIUS = 14
# a point is drawn when its value is a finite figure of a sane size and its date a real year: a
# stored inf, 1e300 or year 9999 (a bad document) is listed beside the chart, never breaks its axes
PLOTTABLE_YEARS = range(1800, 2101)
LARGEST_PLOTTED = 1e15


def plottable(point: dict) -> bool:
    value = point["value"]
    return (isinstance(value, (int, float)) and math.isfinite(value) and abs(value) < LARGEST_PLOTTED
            and point["date"].year in PLOTTABLE_YEARS)


def axis_ticks(top: float, most: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top`, no more than `most` intervals."""
    if top <= 0:
        return [0.0, 1.0]
    rough = top / most
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    count = math.ceil(top / step)
    return [step * i for i in range(count + 1)]


def _legend(sources: list[str], width: int, font: int) -> list[tuple[str, float, int]]:
    """Where each source's legend entry goes: (source, x, row), flowing onto new rows."""
    placed, x, row = [], float(MARGIN["left"]), 0
    for source in sources:
        entry = 14 + 0.6 * font * len(source) + 18
        if x + entry > width and x > MARGIN["left"]:
            x, row = float(MARGIN["left"]), row + 1
        placed.append((source, x, row))
        x += entry
    return placed


def _format(value: float, unit: str | None) -> str:
    text = f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "percent" else f"£{text}" if unit == "gbp" else text


def timeline_svg(series: dict, width: int = 640, height: int = 260) -> Markup:
    points = [p for p in series["points"] if plottable(p)]
    label = f"{series['label']} over time"
    if not points:
        return Markup('<p class="chart-empty">No dated figures for {} yet.</p>').format(series["label"])
    unit = series["unit"]
    first, last = points[0]["date"], points[-1]["date"]
    x0 = date(first.year, 1, 1).toordinal()
    x1 = date(last.year + 1, 1, 1).toordinal()
    ticks = axis_ticks(max(p["value"] for p in points))
    y_max = ticks[-1]
    plot_w = width - MARGIN["left"] - MARGIN["right"]
    plot_h = height - MARGIN["top"] - MARGIN["bottom"]

    def x(d: date) -> float:
        return MARGIN["left"] + plot_w * (d.toordinal() - x0) / (x1 - x0)

    def y(v: float) -> float:
        return MARGIN["top"] + plot_h * (1 - v / y_max)

    sources = list(dict.fromkeys(p["source"] for p in points))
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sources)}
    legend = _legend(sources, width, FONT)
    rows = legend[-1][2] + 1
    parts = [f'<svg class="timeline" role="img" viewBox="0 0 {width} {height + 20 * rows + 4}" '
             f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(label)}">',
             f"<title>{escape(label)}</title>"]
    # the y axis says what it measures and in what unit
    parts.append(f'<text class="axis-title" x="4" y="{FONT + 2}" font-size="{FONT}">'
                 f"{escape(series['label'])}, {escape(UNIT_TITLES.get(unit, unit or ''))}</text>")
    for v in ticks:
        parts.append(f'<line class="grid" x1="{MARGIN["left"]}" x2="{width - MARGIN["right"]}" '
                     f'y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{MARGIN["left"] - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
                     f'font-size="{FONT}">{escape(_format(v, unit))}</text>')
    years = range(first.year, last.year + 2)
    step = math.ceil(len(years) / max(1, plot_w // (4 * FONT)))
    for year in years[::step]:
        xx = x(date(year, 1, 1))
        parts.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{MARGIN["top"]}" y2="{height - MARGIN["bottom"]}" stroke="#eee"/>')
        parts.append(f'<text x="{xx:.1f}" y="{height - MARGIN["bottom"] + 16}" text-anchor="middle" font-size="{FONT}">{year}</text>')
    for p in points:
        shown = {"<": "under ", ">": "over ", "~": "about "}.get(p.get("comparator") or "=", "") + _format(p["value"], unit)
        tip = f"{p['mention']} ({shown}), {p['period']}, {p['source']}: {p['title']}"
        # points are not in the tab order: the table beside the chart has every figure as a link
        # a transparent circle around each point is its tap target, 28 units across (24 px on a phone)
        cx, cy = f'{x(p["date"]):.1f}', f'{y(p["value"]):.1f}'
        parts.append(f'<a href="{STATISTIC_URL.format(int(p["id"]))}" tabindex="-1">'
                     f'<circle class="hit" cx="{cx}" cy="{cy}" r="{HIT_RADIUS}" fill="transparent"/>'
                     f'<circle class="point" cx="{cx}" cy="{cy}" r="5" fill="{colour[p["source"]]}" '
                     f'fill-opacity="0.85"><title>{escape(tip)}</title></circle></a>')
    for source, lx, row in legend:
        ly = height + 6 + 20 * row
        parts.append(f'<circle cx="{lx + 5:.1f}" cy="{ly:.1f}" r="5" fill="{colour[source]}"/>'
                     f'<text x="{lx + 14:.1f}" y="{ly + 5:.1f}" font-size="{FONT}">{escape(source)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
