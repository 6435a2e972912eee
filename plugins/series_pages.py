"""Series pages: what a figure measures, over time.

- /-/series/<id>: one series (claims/query/series.py): its chart, and every statement of it by
  source, each linked to its statistic and quoted in its sentence with the figure marked.
- /-/timeline/<metric>: a metric's main series charted, its other series listed; with
  ?series=<id>&series=<id> the named series, each its own line.

Every link goes through datasette.urls, so the site works under a base_url."""
from __future__ import annotations

import sqlite_utils
from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from claims.site import charts
from claims.site import pages
from claims.query.series import series_row, series_statistics
from registry.subjects import scope_label, subject_label

DATABASE = pages.DATABASE
SERIES_ID = r"[0-9a-f]{12}"


async def _read(datasette, fn, *args):
    db = datasette.get_database(DATABASE)
    return await db.execute_fn(lambda conn: fn(sqlite_utils.Database(conn), *args))


def _link_points(datasette, chart: dict) -> dict:
    """Each point's statistic page as the site links it."""
    for line in chart["lines"]:
        for p in line["points"]:
            p["url"] = datasette.urls.row(DATABASE, "statistics", p["id"])
    return chart


def _sentence_html(row: dict) -> Markup:
    """The sentence as the document holds it, the figure marked at its stored offset."""
    text, at = row["sentence_text"] or row["sentence"] or "", row["mention_start"]
    mention = row["mention"] or ""
    if at is None or not (0 <= at <= len(text) - len(mention)) or text[at:at + len(mention)] != mention:
        return escape(text)
    return (escape(text[:at]) + Markup('<mark class="figure">') + escape(mention) + Markup("</mark>")
            + escape(text[at + len(mention):]))


def series_page_data(db: sqlite_utils.Database, series_id: str) -> dict | None:
    row = series_row(db, series_id)
    if row is None:
        return None
    statements = series_statistics(db, series_id)
    by_source: dict[str, list[dict]] = {}
    for s in statements:
        by_source.setdefault(s["source"] or "unknown", []).append(s)
    others = [r for r in charts.main_series(db, row["metric"]) if r["id"] != series_id]
    return {"series": row, "subject": subject_label(row["subject"]), "scope": scope_label(row["scope"]),
            "statements": statements, "by_source": by_source,
            "chart": charts.series_chart(db, [series_id]), "others": others}


async def series_page(request, datasette):
    series_id = request.url_vars["series_id"]
    data = await _read(datasette, series_page_data, series_id)
    if data is None:
        raise NotFound(f"No series {series_id!r}")
    _link_points(datasette, data["chart"])
    for s in data["statements"]:
        s["url"] = datasette.urls.row(DATABASE, "statistics", s["id"])
        s["document_url"] = datasette.urls.row(DATABASE, "documents", s["document_id"])
        s["web_url"] = pages.web_url(s["document_web_url"])
        s["sentence_html"] = _sentence_html(s)
    html = await datasette.render_template("series.html", {
        **data, "svg": charts.timeline_svg(data["chart"]), "metric_label": pages.metric_label(data["series"]["metric"]),
        "csv_url": datasette.urls.table(DATABASE, "statistics", format="csv") + f"?series_id={series_id}&_size=max",
        "table_url": datasette.urls.table(DATABASE, "statistics") + f"?series_id={series_id}",
    }, request=request)
    return Response.html(html)


async def timeline_page(request, datasette):
    metric = request.url_vars["metric"]
    named = [s for s in request.args.getlist("series") if s]
    if named:
        chart = await _read(datasette, charts.series_chart, named)
        chart["others"] = []
        if chart["metric"] not in (None, metric):
            raise NotFound(f"Those series are not of metric {metric!r}")
    else:
        chart = await _read(datasette, charts.metric_chart, metric)
    if not chart["points"]:
        raise NotFound(f"No dated figures for metric {metric!r}")
    _link_points(datasette, chart)
    built = (await _read(datasette, pages.coverage))["built_at"]
    series_ids = [line["id"] for line in chart["lines"]]
    csv = datasette.urls.table(DATABASE, "statistics", format="csv") + \
        "?series_id__in=" + ",".join(series_ids) + "&_size=max"
    html = await datasette.render_template("timeline.html", {
        "chart": chart, "svg": charts.timeline_svg(chart), "built_at": built, "csv_url": csv,
        "series_url": lambda sid: datasette.urls.path(f"/-/series/{sid}")}, request=request)
    return Response.html(html)


@hookimpl
def register_routes():
    return [(rf"^/-/series/(?P<series_id>{SERIES_ID})$", series_page),
            (r"^/-/timeline/(?P<metric>[a-z_]+)$", timeline_page)]
