"""The project's rules as SQL functions, and the queries written with them, so the site's
canned queries use the same definition as the library (claims/query/conflicts.py) instead of a
second one written in metadata.yml."""
from datasette import hookimpl

from claims.query.conflicts import CANNED_QUERY, register_functions
from claims.site.pages import DATABASE


@hookimpl
def prepare_connection(conn):
    register_functions(conn)


@hookimpl
def canned_queries(datasette, database, actor):
    if database == DATABASE:
        return {"conflicting_figures": dict(CANNED_QUERY)}
    return None
