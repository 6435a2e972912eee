"""Datasette's own pages fitted to this project's data: a table shows the columns a reader needs
by default (metadata.yml, `plugins: claims-columns`), the others one link away; a query's
statistic and document ids are links and a search snippet's <mark> is a highlight, not text;
an error page has the site's navigation and, for a query, keeps the SQL editor."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.views.base import DatasetteError
from datasette.utils.asgi import Base400, Response
from markupsafe import Markup, escape

from claims.site.pages import DATABASE

CONFIG = "claims-columns"
# ?_columns=all shows every column (Datasette ignores a parameter starting with _ it does not know)
ALL_COLUMNS = "_columns"
# query columns that hold a statistic's or a document's id, whatever the query
STATISTIC_ID_COLUMNS = {"statistic_id", "statistic_a", "statistic_b"}
DOCUMENT_ID_COLUMNS = {"document_id"}


def default_columns_query(query_string: bytes, columns: list[str]) -> bytes:
    """The table page's query with the reader's columns asked for (?_col=) unless it chooses
    columns itself (?_col=), asks for all (?_columns=all) or for another format (?_format=).
    A ?_nocol= from a column's menu keeps them: it hides one more of the reader's columns."""
    # latin-1 both ways: every byte of the query comes back as it was sent
    args = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True, encoding="latin-1")
    names = {name for name, _ in args}
    if "_col" in names or ALL_COLUMNS in names or "_format" in names:
        return query_string
    return urlencode([*args, *(("_col", c) for c in columns)], encoding="latin-1").encode("ascii")


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def with_default_columns(scope, receive, send):
            if scope["type"] == "http" and scope.get("method") == "GET":
                parts = scope["path"].strip("/").split("/")
                if len(parts) == 2 and parts[0] == DATABASE:
                    config = datasette.plugin_config(CONFIG, database=DATABASE, table=parts[1]) or {}
                    query = scope.get("query_string", b"")
                    if config.get("default"):
                        changed = default_columns_query(query, config["default"])
                        if changed != query:
                            scope = {**scope, "query_string": changed, "claims_default_columns": True}
            await app(scope, receive, send)
        return with_default_columns
    return wrap


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    """What the table page says about its columns: the reader's, with a link to all of them,
    or all of them, with a link back."""
    if view_name != "table" or database != DATABASE or request is None:
        return {}
    config = datasette.plugin_config(CONFIG, database=database, table=table) or {}
    defaulted = bool(request.scope.get("claims_default_columns"))
    if not config.get("default") or not (defaulted or ALL_COLUMNS in request.args):
        return {}
    args = [(k, v) for k, v in parse_qsl(request.query_string, keep_blank_values=True)
            if k not in (ALL_COLUMNS, "_next") and not (defaulted and k == "_col")]
    return {"reader_columns": {
        "default": config["default"],
        "defaulted": defaulted,
        "all_url": request.path + "?" + urlencode([*args, (ALL_COLUMNS, "all")]),
        "default_url": request.path + ("?" + urlencode(args) if args else ""),
    }}


def highlighted_snippet(value: str) -> Markup:
    """An FTS snippet() made with '<mark>' and '</mark>' as its markers: the text escaped, the
    markers made elements again (nothing else can be: every other '<' is escaped)."""
    return Markup(str(escape(value)).replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


@hookimpl
def render_cell(value, column, table, database, datasette):
    if database != DATABASE or table is not None:
        return None
    if column in STATISTIC_ID_COLUMNS and isinstance(value, int):
        return Markup('<a href="{}">{}</a>').format(datasette.urls.row(DATABASE, "statistics", value), value)
    if column in DOCUMENT_ID_COLUMNS and isinstance(value, int):
        return Markup('<a href="{}">{}</a>').format(datasette.urls.row(DATABASE, "documents", value), value)
    if column == "snippet" and isinstance(value, str):
        return highlighted_snippet(value)
    return None


def is_unsortable_sort(request, exception) -> bool:
    """Whether the error is Datasette refusing the request's own ?_sort= or ?_sort_desc= (a
    column the table does not list as sortable), which it raises with the status of a server
    error."""
    message = getattr(exception, "message", None)
    return isinstance(exception, DatasetteError) and isinstance(message, str) and any(
        message == f"Cannot sort table by {request.args[name]}"
        for name in ("_sort", "_sort_desc") if name in request.args)


@hookimpl
def handle_exception(datasette, request, exception):
    """Error pages through templates/error.html with the request, so they carry the site's
    navigation, and with the SQL a query page was given, so a typo keeps the editor. JSON
    errors stay Datasette's, but for a sort the table refuses, which is a 400 either way."""
    bad_sort = is_unsortable_sort(request, exception)
    if request.path.endswith(".json"):
        if bad_sort:
            return Response.json({"ok": False, "error": exception.message, "status": 400, "title": None},
                                 status=400)
        return None

    async def inner():
        if bad_sort:
            status, error = 400, exception.message
        elif isinstance(exception, (Base400, DatasetteError)):
            status, error = exception.status, getattr(exception, "message", None) or exception.args[0]
        else:
            status, error = 500, "Something went wrong on the server; the error is in its log."
        if getattr(exception, "message_is_html", False):
            error = Markup(error)
        database = (request.url_vars or {}).get("database")
        html = await datasette.render_template(
            "error.html", {"status": status, "error": error, "title": getattr(exception, "title", None),
                           "sql": request.args.get("sql"),
                           "sql_database": database if database in datasette.databases else None},
            request=request)
        return Response.html(html, status=status)
    return inner
