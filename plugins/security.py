"""What the site sends and what a query may cost: a cap on the size of any value a query makes
(so `select zeroblob(300000000)` fails at once instead of filling memory), a
Content-Security-Policy with no script from anywhere but the site, and only http(s) URLs as links."""
from __future__ import annotations

import sqlite3

from datasette import hookimpl

from claims.pages import web_url

# the largest value a query may build or return: a whole document's text fits (files are at
# most 50 MB), a 300 MB blob does not
MAX_VALUE_BYTES = 64 * 1024 * 1024
HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
     b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
]


@hookimpl
def prepare_connection(conn):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["web_url"] = web_url


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def with_headers(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)

            async def send_with_headers(event):
                if event["type"] == "http.response.start":
                    present = {name.lower() for name, _ in event.get("headers", [])}
                    extra = [(name, value) for name, value in HEADERS if name not in present]
                    event = {**event, "headers": [*event.get("headers", []), *extra]}
                await send(event)

            await app(scope, receive, send_with_headers)
        return with_headers
    return wrap
