"""The site's own pages: a statistic's page and a document's page (Datasette row templates
given their data here) and the home page's charts (a metric's timeline and a series' page are
plugins/series_pages.py). The
data comes from claims.pages, read through Datasette's read-only connection."""
from __future__ import annotations

import sqlite_utils
from datasette import hookimpl
from datasette.utils.asgi import Response

from claims import charts, pages

DATABASE = pages.DATABASE
ROW_PAGES = {"statistics": pages.statistic_page, "documents": pages.document_page,
             "organisations": pages.organisation_page}


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
        # each chart draws its metric's main series, never every statistic of the metric
        series = [await _read(datasette, charts.metric_chart, metric) for metric in pages.HOME_CHARTS]
        for chart in series:
            for point in chart["points"]:
                point["url"] = datasette.urls.row(DATABASE, "statistics", point["id"])
        return {"home_charts": [{**s, "svg": charts.timeline_svg(s)} for s in series],
                "coverage": await _read(datasette, pages.coverage)}

    if view_name == "row" and database == DATABASE and table in ROW_PAGES:
        return row_page
    if view_name == "index":
        return home_page
    return {}


VERDICT_TEXT = {
    "matches": "Matches: the same value, metric and period as a figure in the corpus",
    "rounded": "Rounded: the corpus figure is written in other words or more precisely",
    "different_period": "Different period: the figure held for another period than the claim says",
    "superseded": "Superseded: a newer figure of the same metric exists",
    "misattributed": "Misattributed: the claim names another body than the figure's origin",
    "conflicts": "Conflicts: sources disagree for that period",
    "not_found": "Not found: nothing in the corpus matches; the nearest figures are below",
}
_extractor = None


async def trace_page(request, datasette):
    """Every appearance of a figure, earliest first, origin marked: what `claims trace` does."""
    from markupsafe import Markup, escape

    from claims.trace import nearest, trace
    q = (request.args.get("q") or "").strip()[:200]
    rows, near = [], []
    if q:
        rows = await _read(datasette, trace, q, 200)
        for row in rows:
            i = row["sentence"].find(row["mention"])
            row["sentence_html"] = (escape(row["sentence"]) if i < 0 else
                                    escape(row["sentence"][:i]) + Markup('<mark class="figure">')
                                    + escape(row["mention"]) + Markup("</mark>")
                                    + escape(row["sentence"][i + len(row["mention"]):]))
        if not rows:
            near = await _read(datasette, nearest, q)
    html = await datasette.render_template("trace.html", {"q": q, "rows": rows, "nearest": near},
                                           request=request)
    return Response.html(html)


async def check_page(request, datasette):
    """A quoted claim read with the extraction pipeline, each figure with its verdicts."""
    global _extractor
    from claims.check import check_text
    q = (request.args.get("q") or "").strip()[:5000]
    claims = []
    if q:
        if _extractor is None:
            from extract import Extractor
            _extractor = Extractor()
        claims = (await _read(datasette, check_text, _extractor, q))["claims"]
    html = await datasette.render_template("check.html", {"q": q, "claims": claims,
                                                          "verdict_text": VERDICT_TEXT}, request=request)
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/-/trace$", trace_page),
            (r"^/-/check$", check_page)]
