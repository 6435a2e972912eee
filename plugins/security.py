"""What the site sends and what a query may cost: a cap on the size of any value a query makes
(so `select zeroblob(300000000)` fails at once instead of filling memory) and on the total a
query returns and a response carries (so eight 60 MB rows are refused, not sent as 480 MB); a
Content-Security-Policy that runs Datasette's own inline scripts, by their hashes, and no other
inline script; CSV cells no spreadsheet runs as formulas; no bidi control in a page's text; no
traceback with local variables printed for an unknown address; and only http(s) URLs as links."""
from __future__ import annotations

import base64
import hashlib
import re
import sqlite3
import weakref
from pathlib import Path

import datasette as datasette_package
import datasette.handle_exception as datasette_handle_exception
from datasette import hookimpl
from markupsafe import Markup

from claims.query.export import spreadsheet_safe
from claims.site.pages import web_url

# the largest value a query may build or return: a whole document's text fits (files are at
# most 50 MB), a 300 MB blob does not
MAX_VALUE_BYTES = 64 * 1024 * 1024
# the most a query may return in all its rows together, and the most one response may carry:
# one largest value fits, a second one does not. A value is held once as it is read and at most
# a few times more as it is encoded, so a request's memory stays within a few hundred MB.
MAX_RESULT_BYTES = MAX_VALUE_BYTES
MAX_RESPONSE_BYTES = MAX_VALUE_BYTES + 16 * 1024 * 1024
TOO_LARGE = ("This query returns more than {mb} MB in all: select fewer rows (_size=10, limit) or "
             "fewer columns (_col=, _nocol=).")
RESPONSE_TOO_LARGE = ("This response would be larger than {mb} MB: ask for fewer rows (_size=10, limit) "
                      "or fewer columns (_col=, _nocol=).\n")


class ResultTooLarge(sqlite3.OperationalError):
    """Raised while a query's rows are read, once they add up to more than MAX_RESULT_BYTES.
    An OperationalError, so Datasette shows it as the query's error, with the SQL editor."""


def _value_bytes(value) -> int:
    return len(value) if isinstance(value, (str, bytes)) else 8


def counting_row_factory(limit: int):
    """Datasette's row factory (sqlite3.Row) that keeps a running total of the bytes each cursor
    has returned and stops the query past `limit`: the rows are refused as they are read, before
    the rest are fetched, encoded and sent."""
    returned: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def row_factory(cursor, row):
        total = returned.get(cursor, 0) + sum(_value_bytes(v) for v in row)
        if total > limit:
            returned.pop(cursor, None)
            raise ResultTooLarge(TOO_LARGE.format(mb=limit // (1024 * 1024)))
        returned[cursor] = total
        return sqlite3.Row(cursor, row)
    return row_factory


@hookimpl
def prepare_connection(conn):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.row_factory = counting_row_factory(MAX_RESULT_BYTES)


# explicit bidi embeddings, overrides and isolates: a U+202E in a query would turn the rest of
# the page's line right to left ("found." read backwards)
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def without_bidi_controls(value):
    """Every plain text a template prints, without bidi controls; markup (Markup) is left as it is:
    it was built from text that passed through here or was escaped in a table cell, which the
    browser isolates anyway."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return value.translate(BIDI_CONTROLS)
    return value


# Datasette prints every exception, a 404 included, with rich and all its frames' local variables
# when rich is installed (spaCy's typer brings it): over a second of CPU and tens of KB of output per
# unknown address, and the values of whatever a query held. Without it a 500 still logs its plain
# traceback (Datasette's handler prints one) and a 404 logs nothing.
datasette_handle_exception.rich = None


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["web_url"] = web_url
    env.finalize = without_bidi_controls


# Datasette 0.65's own inline scripts, read from its templates: the SQL editor's CodeMirror set-up,
# the menus' closing on a click outside, and the table page's one line the column menus read
# (its only template value, whether facets are allowed, is true or false).
DATASETTE_TEMPLATES = Path(datasette_package.__file__).parent / "templates"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
TEMPLATE_VALUES = {"{{ datasette_allow_facet }}": ["true", "false"]}


def datasette_inline_scripts() -> list[str]:
    scripts = []
    for name in ("_codemirror_foot.html", "_close_open_menus.html", "table.html"):
        for script in INLINE_SCRIPT.findall((DATASETTE_TEMPLATES / name).read_text("utf-8")):
            variants = [script]
            for placeholder, values in TEMPLATE_VALUES.items():
                variants = [v.replace(placeholder, value) for v in variants for value in values] \
                    if placeholder in script else variants
            if any("{{" in v or "{%" in v for v in variants):
                raise RuntimeError(f"an inline script in Datasette's {name} has a template value "
                                   "the Content-Security-Policy cannot hash")
            scripts += variants
    return scripts


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       f"script-src 'self' {' '.join(script_hash(s) for s in datasette_inline_scripts())}; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
]


def _too_large_response(limit: int) -> tuple[dict, dict]:
    body = RESPONSE_TOO_LARGE.format(mb=limit // (1024 * 1024)).encode()
    return ({"type": "http.response.start", "status": 413,
             "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                         (b"content-length", str(len(body)).encode()), *HEADERS]},
            {"type": "http.response.body", "body": body})


# a CSV cell as Python's csv.writer writes it: quoted (its quotes doubled) or bare
CSV_CELL = re.compile(r'"([^"]*(?:""[^"]*)*)"|([^,\r\n"]*)')


def _neutralised_csv(text: str) -> str:
    """The CSV text with an apostrophe put ahead of every cell spreadsheet_safe would change; all
    else byte for byte (scanned, not parsed with the csv module, whose cells stop at 128 KB)."""
    out, pos = [], 0
    while pos < len(text):
        cell = CSV_CELL.match(text, pos)
        quoted, bare = cell.group(1), cell.group(2)
        value = quoted.replace('""', '"') if quoted is not None else bare
        if spreadsheet_safe(value) != value:
            out.append('"\'' + quoted + '"' if quoted is not None else "'" + bare)
        else:
            out.append(cell.group(0))
        pos = cell.end()
        # the separator after the cell (or a stray character, kept as it is)
        separator = 2 if text.startswith("\r\n", pos) else 1
        out.append(text[pos:pos + separator])
        pos += separator
    return "".join(out)


def _is_csv(scope, headers) -> bool:
    content_type = next((bytes(v).lower() for k, v in headers if bytes(k).lower() == b"content-type"), b"")
    return scope["path"].endswith(".csv") and not content_type.startswith(b"text/html")


def spreadsheet_safe_csv(app):
    """Datasette's .csv responses with every cell a spreadsheet would run as a formula neutralised
    (claims.query.export.spreadsheet_safe), as `claims export --format csv` does. Datasette writes a
    CSV a record at a time; a part ending inside a quoted cell is held until its record is whole."""
    async def wrapped(scope, receive, send):
        if scope["type"] != "http" or not scope["path"].endswith(".csv"):
            return await app(scope, receive, send)
        rewriting = False
        pending = ""

        async def send_safe(event):
            nonlocal rewriting, pending
            if event["type"] == "http.response.start":
                headers = event.get("headers", [])
                rewriting = _is_csv(scope, headers)
                if rewriting:  # the body changes length
                    event = {**event, "headers": [(k, v) for k, v in headers
                                                  if bytes(k).lower() != b"content-length"]}
                return await send(event)
            if event["type"] != "http.response.body" or not rewriting:
                return await send(event)
            pending += event.get("body", b"").decode("utf-8", "replace")
            more = event.get("more_body", False)
            whole = pending.endswith("\n") and pending.count('"') % 2 == 0
            if more and not whole:
                return
            body, pending = _neutralised_csv(pending) if pending else "", ""
            await send({**event, "body": body.encode("utf-8")})
        await app(scope, receive, send_safe)
    return wrapped


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        app = spreadsheet_safe_csv(app)

        async def guarded(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            # the start is held until the first body part: a whole response larger than the cap
            # is answered 413 with a message instead; a streamed one (CSV) ends at the cap with a
            # line saying so
            held: dict | None = None
            sent = 0
            cut = False

            async def send_guarded(event):
                nonlocal held, sent, cut
                limit = MAX_RESPONSE_BYTES
                if cut:
                    return
                if event["type"] == "http.response.start":
                    present = {bytes(name).lower() for name, _ in event.get("headers", [])}
                    extra = [(name, value) for name, value in HEADERS if name not in present]
                    held = {**event, "headers": [*event.get("headers", []), *extra]}
                    return
                if event["type"] != "http.response.body":
                    return await send(event)
                body = event.get("body", b"")
                if held is not None:
                    start, held = held, None
                    if len(body) > limit:
                        cut = True
                        for part in _too_large_response(limit):
                            await send(part)
                        return
                    await send(start)
                sent += len(body)
                if sent > limit:
                    cut = True
                    return await send({"type": "http.response.body", "more_body": False,
                                       "body": body[:max(0, limit - (sent - len(body)))] + b"\n"
                                       + RESPONSE_TOO_LARGE.format(mb=limit // (1024 * 1024)).encode()})
                await send(event)

            await app(scope, receive, send_guarded)
        return guarded
    return wrap
