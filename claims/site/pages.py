"""What the site's statistic, document and organisation pages and the home page show, read
from the database. Text is HTML-escaped here, once, as it is split around the figures it
highlights: a scraped page containing <script> shows as text."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sqlite_utils
from markupsafe import Markup, escape

from extract.reasons import reasons_of

from ..query.trace import citations

# the name Datasette serves the database under; metadata.yml, the templates and these links use it
DATABASE = "claims"
STATISTIC_URL = f"/{DATABASE}/statistics/{{}}"  # for the charts; pages link through Datasette's urls

METRIC_LABELS = {"vacancy_rate": "Vacancy rate", "caseload": "Caseload", "staff_in_post": "Staff in post"}
# the metrics charted on the home page: the three people argue about most
HOME_CHARTS = ["vacancy_rate", "caseload", "staff_in_post"]


def metric_label(metric: str | None) -> str:
    if not metric:
        return "Figure"
    return METRIC_LABELS.get(metric, metric.replace("_", " ").capitalize())


def display_number(value: float | None) -> str | None:
    if value is None:
        return None
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


@dataclass
class Mark:
    start: int  # offsets into the passage text
    end: int
    html: Markup  # the element that replaces text[start:end]


def marked_text(text: str, marks: list[Mark]) -> Markup:
    """The text escaped, with each mark's span replaced by its element; overlapping marks
    after the first are dropped."""
    out: list[str] = []
    pos = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < pos or mark.end > len(text):
            continue
        out.append(str(escape(text[pos:mark.start])))
        out.append(str(mark.html))
        pos = mark.end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def figure_mark(text: str, start: int, end: int, url: str | None = None, title: str = "") -> Mark:
    """The figure at text[start:end] highlighted, linked to its statistic's page when `url` is
    given (built by Datasette's urls, so a base_url is kept)."""
    inner = Markup('<mark class="figure">{}</mark>').format(text[start:end])
    if url is not None:
        inner = Markup('<a class="figure-link" href="{}" title="{}">{}</a>').format(url, title, inner)
    return Mark(start, end, inner)


def sentence_html(sentence: str, highlight: list[int] | None, url: str | None = None) -> Markup:
    """A statement's sentence escaped, its figure marked at the place its stored offsets give
    (claims/query/matching.py: highlight) and linked to its statistic."""
    if not highlight:
        return escape(sentence)
    start, end = highlight
    inner = Markup('<mark class="figure">{}</mark>').format(sentence[start:end])
    if url:
        inner = Markup('<a class="figure-link" href="{}">{}</a>').format(url, inner)
    return marked_text(sentence, [Mark(start, end, inner)])


def footnote_mark(text: str, start: int, end: int, number: int) -> Mark:
    return Mark(start, end, Markup('<sup class="footnote-ref"><a href="#fn-{0}" id="fnref-{0}">{1}</a></sup>')
                .format(number, text[start:end]))


def web_url(url: str | None) -> str | None:
    """The URL when it is an http(s) address, the only kind the site makes a link of; anything
    else (javascript:, data:, a file path) is shown as text or not at all."""
    if not url:
        return None
    url = url.strip()
    return url if url.lower().startswith(("http://", "https://")) and not any(ch.isspace() for ch in url) else None


def statistic_page(db: sqlite_utils.Database, statistic_id: int) -> dict | None:
    rows = list(db.query(
        "select s.*, d.title as document_title, d.published, d.published_inferred, d.url as document_url, "
        "d.kind as document_kind, d.source as document_source, p.text as passage_text, "
        "p.start as passage_start, p.page, p.number as paragraph "
        "from statistics s join documents d on d.id = s.document_id "
        "join passages p on p.id = s.passage_id where s.id = ?", [statistic_id]))
    if not rows:
        return None
    stat = rows[0]
    at = stat["start"] - stat["passage_start"]
    passage_text = stat["passage_text"]
    # exactly its sentence, by the offsets extraction stored
    s0, s1 = stat["sentence_start"] - stat["passage_start"], stat["sentence_end"] - stat["passage_start"]
    shown = passage_text[s0:s1]
    sentence = marked_text(shown, [figure_mark(shown, at - s0, at - s0 + len(stat["mention"]))])
    # every appearance of the figure, earliest first; its origin is the one link_figures chose
    members = list(db.query(
        "select s.id, s.mention, s.sentence, s.source, s.period, s.published, d.id as document_id, "
        "d.title, s.id = f.origin_statistic_id as is_origin "
        "from statistics s join documents d on d.id = s.document_id join figures f on f.id = s.figure_id "
        "where s.figure_id = ? order by s.published is null, s.published, s.id", [stat["figure_id"]]))
    others = [m for m in members if m["id"] != statistic_id]
    origin = next((m for m in members if m["is_origin"]), None)
    return {
        "statistic": stat,
        "value": display_number(stat["value"]),
        "value_high": display_number(stat["value_high"]),
        "label": metric_label(stat["metric"]),
        "sentence_html": sentence,
        "passage_anchor": f"p-{stat['passage_id']}",
        "citations": citations(db, stat["passage_id"], stat["start"], stat["sentence_end"]),
        "appearances": others,
        "origin": origin,
        "is_origin": origin is not None and origin["id"] == statistic_id,
        "reasons": reasons_of(stat["why"]),
    }


def document_page(db: sqlite_utils.Database, document_id: int,
                  statistic_url: Callable[[int], str]) -> dict | None:
    docs = list(db.query("select * from documents where id = ?", [document_id]))
    if not docs:
        return None
    doc = docs[0]
    stats_by_passage: dict[int, list[dict]] = {}
    for s in db.query("select id, passage_id, start, end, mention, metric, period, source "
                      "from statistics where document_id = ? order by start", [document_id]):
        stats_by_passage.setdefault(s["passage_id"], []).append(s)
    refs_by_passage: dict[int, list[dict]] = {}
    for r in db.query("select r.passage_id, r.start, r.end, r.number from footnote_refs r "
                      "join passages p on p.id = r.passage_id where p.document_id = ?", [document_id]):
        refs_by_passage.setdefault(r["passage_id"], []).append(r)
    passages = []
    for p in db.query("select id, kind, number, page, source, start, text from passages "
                      "where document_id = ? order by ordinal", [document_id]):
        marks = [figure_mark(p["text"], s["start"] - p["start"], s["end"] - p["start"], statistic_url(s["id"]),
                             f"{metric_label(s['metric'])}, {s['period'] or 'no period'}, {s['source']}")
                 for s in stats_by_passage.get(p["id"], [])]
        marks += [footnote_mark(p["text"], r["start"], r["end"], r["number"])
                  for r in refs_by_passage.get(p["id"], [])]
        passages.append({**p, "html": marked_text(p["text"], marks),
                         "figures": len(stats_by_passage.get(p["id"], []))})
    footnotes = list(db.query("select number, text from footnotes where document_id = ? order by number",
                              [document_id]))
    return {"document": doc, "passages": passages, "footnotes": footnotes,
            "figures": sum(p["figures"] for p in passages)}


def organisation_page(db: sqlite_utils.Database, organisation_id: int) -> dict | None:
    """What an organisation publishes, the figures it asserts by metric and year, and who
    repeats them."""
    found = list(db.query("select * from organisations where id = ?", [organisation_id]))
    if not found:
        return None
    org = found[0]
    documents = list(db.query("select id, title, kind, published from documents where publisher_id = ? "
                              "order by published desc limit 200", [organisation_id]))
    by_metric = list(db.query(
        "select metric, year, count(*) as statistics from statistics where source_id = ? "
        "group by metric, year order by metric, year", [organisation_id]))
    repeated_by = list(db.query(
        "select other.source, count(distinct other.figure_id) as figures, count(*) as appearances "
        "from statistics mine join figures f on f.id = mine.figure_id and f.origin_statistic_id = mine.id "
        "join statistics other on other.figure_id = f.id and other.id != mine.id "
        "where mine.source_id = ? and other.source != mine.source "
        "group by other.source order by figures desc", [organisation_id]))
    return {"organisation": org, "documents": documents, "by_metric": by_metric, "repeated_by": repeated_by,
            "statistics": db.execute("select count(*) from statistics where source_id = ?",
                                     [organisation_id]).fetchone()[0]}


def coverage(db: sqlite_utils.Database) -> dict:
    """What the corpus covers, for the home page: documents, date range, organisations, build."""
    documents, first, last = db.execute("select count(*), min(published), max(published) from documents").fetchone()
    built = db.execute("select value from meta where key = 'built_at'").fetchone()
    return {"documents": documents, "first": first, "last": last,
            "organisations": db.execute("select count(*) from organisations").fetchone()[0],
            "statistics": db.execute("select count(*) from statistics").fetchone()[0],
            "built_at": (built[0] if built else "")[:10]}
