"""The site's own pages: a statistic's page and a document's page (Datasette row templates
given their data here), a metric's timeline with its chart, and the home page's charts. The
data comes from claims.pages, read through Datasette's read-only connection."""
from __future__ import annotations

import sqlite_utils
from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response

from claims import charts, pages

DATABASE = pages.DATABASE
ROW_PAGES = {"statistics": pages.statistic_page, "documents": pages.document_page}


async def _read(datasette, fn, *args):
    db = datasette.get_database(DATABASE)
    return await db.execute_fn(lambda conn: fn(sqlite_utils.Database(conn), *args))


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    async def row_page():
        pk = request.url_vars.get("pks", "")
        if not pk.isdigit():
            return {}
        return {"claim_page": await _read(datasette, ROW_PAGES[table], int(pk))}

    async def home_page():
        if DATABASE not in datasette.databases:
            return {}
        series = [await _read(datasette, pages.timeline, metric) for metric in pages.HOME_CHARTS]
        return {"home_charts": [{**s, "svg": charts.timeline_svg(s, 400, 220)} for s in series]}

    if view_name == "row" and database == DATABASE and table in ROW_PAGES:
        return row_page
    if view_name == "index":
        return home_page
    return {}


async def timeline_page(request, datasette):
    metric = request.url_vars["metric"]
    series = await _read(datasette, pages.timeline, metric)
    if not series["points"]:
        raise NotFound(f"No dated figures for metric {metric!r}")
    html = await datasette.render_template(
        "timeline.html", {"series": series, "svg": charts.timeline_svg(series)}, request=request)
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/-/timeline/(?P<metric>[a-z_]+)$", timeline_page)]
