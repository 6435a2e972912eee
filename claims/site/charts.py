"""Charts of series as inline SVG: drawn on the server from the database, so the site needs no
JavaScript library and no network to show it.

A chart draws one series (claims/query/series.py: one metric, of one subject, in one unit, as one
measure, in one place), or a few named ones, each its own line and legend entry: never every
statistic of a metric, which would put 35 chief officers beside 8,300 staff. Within one series
the points are coloured by who stated them. Each point links to its statistic's page and
names its value, period and source on hover.

Sizes are for a 390 px phone: the SVG is drawn in a 400-unit-wide box that a phone shows at
about 358 px, so text of FONT units is at least 12 px there and each point's tap target
(HIT_RADIUS) at least 24 px across."""
from __future__ import annotations

import math
from datetime import date

from markupsafe import Markup, escape

from extract.period_value import Period

from .pages import STATISTIC_URL, metric_label
from ..query.series import series_of_metric, series_row, series_statistics

# colour-blind-safe palette (Okabe and Ito), one colour per source or per series
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
LINE_COLOUR = "#888"  # the line through one series' points, whose colours say who stated them
WIDTH, HEIGHT = 400, 240
MARGIN = {"left": 60, "right": 14, "top": 48, "bottom": 38}
UNIT_TITLES = {"percent": "per cent (%)", "gbp": "pounds (£)", "count": "count", "days": "days",
               "months": "months", "years": "years", "hours": "hours", "times": "times"}
FONT = 14  # >= 12 px at a phone's 358 px: 14 * 358 / 400 = 12.5
POINT_RADIUS = 6
HIT_RADIUS = 14  # a 28-unit target, 25 px on a phone
MAX_SERIES = 6  # a chart of more lines than this is unreadable: the rest are listed, not drawn
# a point is drawn when its value is a finite figure of a sane size and its date a real year: a
# stored inf, 1e300 or year 9999 (a bad document) is listed beside the chart, never breaks its axes
PLOTTABLE_YEARS = range(1800, 2101)
LARGEST_PLOTTED = 1e15


def plottable(point: dict) -> bool:
    value = point["value"]
    return (isinstance(value, (int, float)) and math.isfinite(value) and abs(value) < LARGEST_PLOTTED
            and point["date"].year in PLOTTABLE_YEARS)


# -- what a chart draws, read from the database -------------------------------------------

def _points(rows: list[dict]) -> list[dict]:
    """The statements of a series that have a value and a period, each placed at the middle of
    its period, in date order."""
    points = []
    for row in rows:
        period = Period.parse(row["period"]) if row["period"] else None
        if period is not None and row["value"] is not None:
            points.append({**row, "date": period.middle})
    points.sort(key=lambda p: (p["date"], p["value"]))
    return points


def series_chart(db, series_ids: list[str]) -> dict:
    """A chart of the named series, each its own line: those of the first one's unit, at most
    MAX_SERIES (a second unit would need a second axis; such series are in `left_out`).
    {"metric", "label", "unit", "lines": [{"id", "label", "points"}], "points", "left_out"}."""
    rows = [r for r in (series_row(db, sid) for sid in dict.fromkeys(series_ids)) if r]
    if not rows:
        return {"metric": None, "label": "No series", "unit": None, "lines": [], "points": [], "left_out": []}
    unit = rows[0]["unit"]
    drawn = [r for r in rows if r["unit"] == unit][:MAX_SERIES]
    lines = [{"id": r["id"], "label": r["label"], "subject": r["subject"], "measure": r["measure"],
              "scope": r["scope"], "points": _points(series_statistics(db, r["id"]))} for r in drawn]
    metrics = {r["metric"] for r in drawn}
    metric = rows[0]["metric"] if len(metrics) == 1 else None
    return {"metric": metric, "label": metric_label(metric) if metric else "Figures",
            "unit": unit, "lines": lines,
            "points": sorted((p for line in lines for p in line["points"]), key=lambda p: (p["date"], p["value"])),
            "left_out": [r for r in rows if r not in drawn]}


NATIONAL_SCOPES = (None, "england_and_wales")  # a series of the whole service, where its place is said or not


def main_series(db, metric: str) -> list[dict]:
    """A metric's series, the one to chart first: levels before changes and targets, of the
    whole country (or no place stated) before one region's or delivery unit's, then the one
    with the most dated statements."""
    candidates = series_of_metric(db, metric)

    def dated(row):
        return len(_points(series_statistics(db, row["id"])))
    ranked = sorted(candidates, key=lambda r: (r["measure"] != "level", r["scope"] not in NATIONAL_SCOPES,
                                               -dated(r), -r["statistics"], r["label"]))
    return ranked


def metric_chart(db, metric: str) -> dict:
    """A metric's main series as a chart, with the metric's other series listed (`others`)."""
    ranked = main_series(db, metric)
    chart = series_chart(db, [ranked[0]["id"]] if ranked else [])
    chart["metric"] = metric
    chart["label"] = metric_label(metric)
    chart["others"] = ranked[1:]
    return chart


# -- drawing -------------------------------------------------------------------------------

def axis_ticks(top: float, most: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top`, no more than `most` intervals."""
    if top <= 0:
        return [0.0, 1.0]
    rough = top / most
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    count = math.ceil(top / step)
    return [step * i for i in range(count + 1)]


def _legend(entries: list[str], width: int, font: int) -> list[tuple[str, float, int]]:
    """Where each legend entry goes: (text, x, row), flowing onto new rows."""
    placed, x, row = [], 4.0, 0
    for text in entries:
        entry = 16 + 0.58 * font * len(text) + 14
        if x + entry > width and x > 4:
            x, row = 4.0, row + 1
        placed.append((text, x, row))
        x += entry
    return placed


def _format(value: float, unit: str | None) -> str:
    text = f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "percent" else f"£{text}" if unit == "gbp" else text


def _tick(value: float, unit: str | None) -> str:
    """An axis label short enough for a phone: 12k, £1.5m."""
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e4, "k")):
        if abs(value) >= size:
            text = f"{value / size:.1f}".rstrip("0").rstrip(".") + suffix
            return f"£{text}" if unit == "gbp" else f"{text}%" if unit == "percent" else text
    return _format(value, unit)


def _short_label(label: str, chart: dict) -> str:
    """A series' legend entry: without the metric when the chart names it already."""
    return label.split(": ", 1)[1] if chart.get("metric") and ": " in label else label


def _subtitle(chart: dict) -> str:
    """What the chart's one series counts, or how many series it draws."""
    lines = chart["lines"]
    if len(lines) == 1:
        label = lines[0]["label"]
        return label.split(": ", 1)[1] if ": " in label else label
    return f"{len(lines)} series, one line each"


def timeline_svg(chart: dict, width: int = WIDTH, height: int = HEIGHT) -> Markup:
    """The chart's series over time. Points carry `url` (the statistic's page as the site
    links it) or link to STATISTIC_URL."""
    lines = [{**line, "points": [p for p in line["points"] if plottable(p)]} for line in chart.get("lines", [])]
    points = [p for line in lines for p in line["points"]]
    title = f"{chart['label']} over time"
    if not points:
        return Markup('<p class="chart-empty">No dated figures for {} yet.</p>').format(chart["label"])
    unit = chart["unit"]
    dates = sorted(p["date"] for p in points)
    first, last = dates[0], dates[-1]
    x0 = date(first.year, 1, 1).toordinal()
    x1 = date(last.year + 1, 1, 1).toordinal()
    ticks = axis_ticks(max(max(p["value"] for p in points), 0))
    y_max = ticks[-1]
    y_min = min(0.0, min(p["value"] for p in points))
    plot_w = width - MARGIN["left"] - MARGIN["right"]
    plot_h = height - MARGIN["top"] - MARGIN["bottom"]

    def x(d: date) -> float:
        return MARGIN["left"] + plot_w * (d.toordinal() - x0) / (x1 - x0)

    def y(v: float) -> float:
        return MARGIN["top"] + plot_h * (1 - (v - y_min) / ((y_max - y_min) or 1))

    one_series = len(lines) == 1
    if one_series:
        # within one series the points say who stated them
        keys = list(dict.fromkeys(p["source"] for p in points))
        names = {k: k for k in keys}
    else:
        keys = [line["label"] for line in lines if line["points"]]
        names = {k: _short_label(k, chart) for k in keys}
    colour = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}
    legend = _legend([names[k] for k in keys], width, FONT)
    key_of_name = {names[k]: k for k in keys}
    rows = legend[-1][2] + 1
    total_h = height + (FONT + 8) * rows + 4
    subtitle = _subtitle(chart)
    parts = [f'<svg class="timeline" role="img" viewBox="0 0 {width} {total_h}" '
             f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}: {escape(subtitle)}">',
             f"<title>{escape(title)}: {escape(subtitle)}</title>"]
    # the y axis says what it measures and in what unit; the line under it, of whom
    parts.append(f'<text class="axis-title" x="4" y="{FONT + 2}" font-size="{FONT}">'
                 f"{escape(chart['label'])}, {escape(UNIT_TITLES.get(unit, unit or ''))}</text>")
    parts.append(f'<text class="series-title" x="4" y="{2 * FONT + 8}" font-size="{FONT}">{escape(subtitle)}</text>')
    for v in ticks:
        parts.append(f'<line class="grid" x1="{MARGIN["left"]}" x2="{width - MARGIN["right"]}" '
                     f'y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{MARGIN["left"] - 6}" y="{y(v) + 5:.1f}" text-anchor="end" '
                     f'font-size="{FONT}">{escape(_tick(v, unit))}</text>')
    years = range(first.year, last.year + 2)
    step = math.ceil(len(years) / max(1, plot_w // (3 * FONT)))
    for year in years[::step]:
        xx = x(date(year, 1, 1))
        if xx + 1.3 * FONT > width:  # a label cut by the edge says nothing
            continue
        parts.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{MARGIN["top"]}" y2="{height - MARGIN["bottom"]}" stroke="#eee"/>')
        parts.append(f'<text x="{xx:.1f}" y="{height - MARGIN["bottom"] + FONT + 9}" text-anchor="middle" '
                     f'font-size="{FONT}">{year}</text>')
    for line in lines:
        if len(line["points"]) > 1:
            stroke = LINE_COLOUR if one_series else colour[line["label"]]
            path = " ".join(f"{x(p['date']):.1f},{y(p['value']):.1f}" for p in line["points"])
            parts.append(f'<polyline class="series-line" points="{path}" fill="none" stroke="{stroke}" '
                         f'stroke-width="2" stroke-opacity="0.6"/>')
    for line in lines:
        for p in line["points"]:
            shown = {"<": "under ", ">": "over ", "~": "about "}.get(p.get("comparator") or "=", "") + _format(p["value"], unit)
            tip = f"{p['mention']} ({shown}), {p['period']}, {p['source']}: {p['title']}"
            fill = colour[p["source"]] if one_series else colour[line["label"]]
            href = p.get("url") or STATISTIC_URL.format(int(p["id"]))
            cx, cy = f"{x(p['date']):.1f}", f"{y(p['value']):.1f}"
            # points are not in the tab order: the table beside the chart has every figure as a
            # link; the invisible circle is the tap target
            parts.append(f'<a href="{escape(href)}" tabindex="-1"><circle class="hit" cx="{cx}" cy="{cy}" '
                         f'r="{HIT_RADIUS}" fill="#fff" fill-opacity="0"/><circle class="point" cx="{cx}" '
                         f'cy="{cy}" r="{POINT_RADIUS}" fill="{fill}" fill-opacity="0.85">'
                         f'<title>{escape(tip)}</title></circle></a>')
    for text, lx, row in legend:
        ly = height + 4 + (FONT + 8) * row + FONT / 2
        fill = colour[key_of_name[text]]
        mark = (f'<circle cx="{lx + 6:.1f}" cy="{ly:.1f}" r="{POINT_RADIUS}" fill="{fill}"/>' if one_series else
                f'<line x1="{lx:.1f}" x2="{lx + 12:.1f}" y1="{ly:.1f}" y2="{ly:.1f}" stroke="{fill}" '
                f'stroke-width="3"/><circle cx="{lx + 6:.1f}" cy="{ly:.1f}" r="{POINT_RADIUS - 1}" fill="{fill}"/>')
        parts.append(f'<g class="legend-entry">{mark}<text x="{lx + 16:.1f}" y="{ly + FONT / 2 - 1:.1f}" '
                     f'font-size="{FONT}">{escape(text)}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))
