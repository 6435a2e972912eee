"""A metric's figures over time as an inline SVG chart: drawn on the server from the
database, so the site needs no JavaScript library and no network to show it. Each point
links to its statistic's page and names its value, period and source on hover."""
from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

# colour-blind-safe palette (Okabe and Ito), one colour per source
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
MARGIN = {"left": 56, "right": 16, "top": 16, "bottom": 36}


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _format(value: float, unit: str | None) -> str:
    text = f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "percent" else f"£{text}" if unit == "GBP" else text


def timeline_svg(series: dict, width: int = 640, height: int = 260) -> Markup:
    points = series["points"]
    label = f"{series['label']} over time"
    if not points:
        return Markup('<p class="chart-empty">No dated figures for {} yet.</p>').format(series["label"])
    unit = series["unit"]
    first, last = points[0]["date"], points[-1]["date"]
    x0 = date(first.year, 1, 1).toordinal()
    x1 = date(last.year + 1, 1, 1).toordinal()
    y_max = _nice_max(max(p["value"] for p in points) * 1.05)
    plot_w = width - MARGIN["left"] - MARGIN["right"]
    plot_h = height - MARGIN["top"] - MARGIN["bottom"]

    def x(d: date) -> float:
        return MARGIN["left"] + plot_w * (d.toordinal() - x0) / (x1 - x0)

    def y(v: float) -> float:
        return MARGIN["top"] + plot_h * (1 - v / y_max)

    sources = list(dict.fromkeys(p["source"] for p in points))
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sources)}
    parts = [f'<svg class="timeline" role="img" viewBox="0 0 {width} {height + 18 * ((len(sources) + 3) // 4)}" '
             f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(label)}">',
             f"<title>{escape(label)}</title>"]
    for i in range(5):
        v = y_max * i / 4
        parts.append(f'<line class="grid" x1="{MARGIN["left"]}" x2="{width - MARGIN["right"]}" '
                     f'y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{MARGIN["left"] - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
                     f'font-size="11">{escape(_format(v, unit))}</text>')
    years = range(first.year, last.year + 2)
    step = max(1, len(years) // 8)
    for year in years[::step]:
        xx = x(date(year, 1, 1))
        parts.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{MARGIN["top"]}" y2="{height - MARGIN["bottom"]}" stroke="#eee"/>')
        parts.append(f'<text x="{xx:.1f}" y="{height - MARGIN["bottom"] + 16}" text-anchor="middle" font-size="11">{year}</text>')
    for p in points:
        tip = f"{p['mention']} ({_format(p['value'], unit)}), {p['period']}, {p['source']}: {p['title']}"
        parts.append(f'<a href="/claims/statistics/{int(p["id"])}"><circle class="point" cx="{x(p["date"]):.1f}" '
                     f'cy="{y(p["value"]):.1f}" r="5" fill="{colour[p["source"]]}" fill-opacity="0.85">'
                     f"<title>{escape(tip)}</title></circle></a>")
    for i, source in enumerate(sources):
        lx = MARGIN["left"] + (i % 4) * (plot_w / 4)
        ly = height + 4 + 18 * (i // 4)
        parts.append(f'<circle cx="{lx + 5:.1f}" cy="{ly:.1f}" r="5" fill="{colour[source]}"/>'
                     f'<text x="{lx + 14:.1f}" y="{ly + 4:.1f}" font-size="12">{escape(source)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
