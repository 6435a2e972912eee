"""The site's own pages: a statistic's page and a document's page (Datasette row templates
given their data here) and the home page's charts (a metric's timeline and a series' page are
plugins/series_pages.py). The
data comes from claims.site.pages, read through Datasette's read-only connection."""
from __future__ import annotations

import asyncio
import threading
from urllib.parse import urlencode

import sqlite_utils
from datasette import hookimpl
from datasette.utils.asgi import Response

from markupsafe import Markup

from claims.site import charts
from claims.site import pages
from claims.query.check import check_figures
from claims.query.claim_reader import (MAX_CLAIM_CHARS, MAX_FIGURES, ClaimRefused, clean_query, read_claim,
                                  refuse_if_too_long)
from claims.query.claimreview import claim_reviews
from claims.query.trace import parse_query, trace
from claims.query.limits import TimeLimitExceeded, time_limit

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
        # a document's figures link to their statistics through Datasette's urls (base_url kept)
        links = (lambda sid: datasette.urls.row(DATABASE, "statistics", sid),) if table == "documents" else ()
        return {"claim_page": await _read(datasette, ROW_PAGES[table], int(pk), *links)}

    async def home_page():
        if DATABASE not in datasette.databases:
            return {}
        # each chart draws its metric's main series, never every statistic of the metric
        series = [await _read(datasette, charts.metric_chart, metric) for metric in pages.HOME_CHARTS]
        for chart in series:
            for point in chart["points"]:
                point["url"] = datasette.urls.row(DATABASE, "statistics", point["id"])
        return {"home_charts": [{**s, "svg": charts.timeline_svg(s)} for s in series],
                "coverage": await _read(datasette, pages.coverage),
                "q": "", "max_chars": MAX_CLAIM_CHARS, "max_figures": MAX_FIGURES}

    if view_name == "row" and database == DATABASE and table in ROW_PAGES:
        return row_page
    if view_name == "index":
        return home_page
    return {}


VERDICT_TEXT = {
    "matches": "Matches",
    "rounded": "Rounded",
    "different_period": "Different period",
    "superseded": "Superseded",
    "misattributed": "Misattributed",
    "conflicts": "Conflicts",
    "not_found": "Not found",
}
_extractor = None
_extractor_lock = threading.Lock()


class _LockedExtractor:
    """The site's one spaCy pipeline, read by one request at a time."""

    def __init__(self, extractor):
        self.extractor = extractor

    def extract(self, documents):
        with _extractor_lock:
            return self.extractor.extract(documents)


def _reader():
    global _extractor
    with _extractor_lock:
        if _extractor is None:
            from extract import Extractor
            _extractor = Extractor()
    return _LockedExtractor(_extractor)


def _marked(datasette, row: dict) -> Markup:
    """A statement's sentence with its figure highlighted where its offsets put it, linked
    to its statistic."""
    return pages.sentence_html(row["sentence"], row.get("highlight"),
                               datasette.urls.row(DATABASE, "statistics", row["statistic_id"]))


def _with_html(datasette, rows: list[dict]) -> list[dict]:
    return [{**r, "sentence_html": _marked(datasette, r)} for r in rows]


async def run_trace(datasette, q: str) -> dict:
    """What `claims trace --json` prints, under the time limit."""
    query = clean_query(q)
    refuse_if_too_long(query)
    parsed = parse_query(query)
    extractor = _reader() if parsed and parsed[1] else None

    def traced(conn):
        with time_limit(conn):
            return trace(sqlite_utils.Database(conn), query, 200, extractor)
    return await datasette.get_database(DATABASE).execute_fn(traced)


async def run_check(datasette, q: str) -> dict:
    """What `claims check --json` prints, under the time limit: the claim is read outside the
    database's threads, its figures checked on one of them."""
    query = clean_query(q)
    refuse_if_too_long(query)
    reader = _reader()
    figures = await asyncio.get_running_loop().run_in_executor(None, read_claim, reader, query)

    def checked(conn):
        with time_limit(conn) as deadline:
            return check_figures(sqlite_utils.Database(conn), query, figures, deadline)
    return await datasette.get_database(DATABASE).execute_fn(checked)


async def _answer(run, datasette, q: str) -> tuple[dict | None, str | None]:
    if not clean_query(q):
        return None, None
    try:
        return await run(datasette, q), None
    except (ClaimRefused, TimeLimitExceeded) as err:
        return None, str(err)


def _json(result: dict | None, error: str | None) -> Response:
    if error:
        return Response.json({"error": error}, status=400)
    return Response.json(result)


async def trace_page(request, datasette):
    """Every appearance of a figure, earliest first, by how it states it: what `claims trace` does."""
    q = request.args.get("q") or ""
    result, error = await _answer(run_trace, datasette, q)
    if request.url_vars.get("format") == "json":
        return _json(result, error)
    if result:
        for section in ("exact", "rounded", "nearest"):
            result[section] = _with_html(datasette, result[section])
    html = await datasette.render_template("trace.html", {
        "q": clean_query(q), "result": result, "error": error, "max_chars": MAX_CLAIM_CHARS},
        request=request)
    return Response.html(html)


def _is_bare_number(q: str) -> bool:
    parsed = parse_query(q)
    return parsed is not None and not parsed[1] and len(q) <= 40


async def check_page(request, datasette):
    """A pasted sentence or paragraph read with the extraction pipeline, each figure with
    one headline verdict; a bare number is traced instead."""
    q = request.args.get("q") or ""
    fmt = request.url_vars.get("format")
    query = clean_query(q)
    if fmt is None and query and _is_bare_number(query):
        return Response.redirect(datasette.urls.path("/-/trace") + "?" + urlencode({"q": query}))
    result, error = await _answer(run_check, datasette, q)
    if fmt == "json":
        return _json(result, error)
    if fmt == "claimreview":
        if error:
            return _json(None, error)
        if result is None:
            return Response.json([])  # no claim asked: no review
        page = datasette.absolute_url(request, datasette.urls.path("/-/check") + "?" + urlencode({"q": query}))
        return Response.json(claim_reviews(result, page, lambda sid: datasette.absolute_url(
            request, datasette.urls.row(DATABASE, "statistics", sid))))
    if result:
        for claim in result["claims"]:
            for key in ("statements", "same_series_in_period", "other_measures", "nearest"):
                claim[key] = _with_html(datasette, claim[key])
            for key in ("origin", "newest"):
                if claim[key]:
                    claim[key] = {**claim[key], "sentence_html": _marked(datasette, claim[key])}
    html = await datasette.render_template("check.html", {
        "q": query, "result": result, "error": error, "verdict_text": VERDICT_TEXT,
        "max_chars": MAX_CLAIM_CHARS, "max_figures": MAX_FIGURES}, request=request)
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/-/trace(\.(?P<format>json))?$", trace_page),
            (r"^/-/check(\.(?P<format>json|claimreview))?$", check_page)]
