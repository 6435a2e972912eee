"""Trace a figure a user pasted ("vacancy rate 21%", "464", "seven of 27 targets") to every
appearance in the corpus, earliest first, with its origin and citations."""
from __future__ import annotations

import re
from dataclasses import dataclass

import sqlite_utils

from extract.quantities import find_quantities
from extract.periods import find_dates

from .export import STATISTICS_SQL, _record
from .schema import LOOSELY_WRITTEN_INDEX
from .rounding import (LOOSE_REACH_SQL, LOOSELY_WRITTEN_SQL, agrees_with_written, rounding_tolerance,
                       value_tolerance, widest_tolerance)

STOPWORDS = {"the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "at", "by", "is", "was",
             "were", "are", "rate", "per", "cent", "percent"}


@dataclass
class Query:
    value: float
    unit: str | None  # None for a plain count: the same value in any unit is the same figure
    words: list[str]
    tolerance: float  # the values the figure as written stands for (claims/rounding.py)
    figure_unit: str = "count"  # a rounding of it is a figure of this unit only


def parse_query(text: str) -> Query | None:
    dates = [(d.start, d.end) for d in find_dates(text)]
    figures = find_quantities(text, dates)
    if not figures:
        return None
    fig = figures[0]
    rest = text[:fig.start] + " " + text[fig.end:]
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", rest) if w.lower() not in STOPWORDS]
    unit = fig.unit if fig.unit != "count" else None
    return Query(fig.value, unit, words, rounding_tolerance(fig.text, fig.value, fig.unit, fig.comparator),
                 fig.unit)


def citations(db: sqlite_utils.Database, passage_id: int, start: int, sentence_end: int) -> list[dict]:
    """The footnotes that close a figure's sentence ("... vacancies.157"); `start` and
    `sentence_end` are offsets in its document."""
    [passage] = db.query("select start from passages where id = ?", [passage_id])
    at, end = start - passage["start"], sentence_end - passage["start"]
    return list(db.query(
        "select r.number, f.text, f.cited_title, f.cited_date, f.page, f.witness, f.evidence "
        "from footnote_refs r left join footnotes f on f.id = r.footnote_id "
        "where r.passage_id = ? and r.start >= ? and r.start <= ? order by r.start",
        [passage_id, at, end + 2]))


def trace(db: sqlite_utils.Database, text: str, limit: int | None = 200) -> list[dict]:
    """Every appearance of the figure in `text`, earliest first (the first `limit` of them);
    [] when nothing matches."""
    query = parse_query(text)
    if query is None:
        return []
    v = query.value
    # the same figure as written elsewhere, rounded or not ("one in five" for "21%", "21%" for
    # "21.3%"): an index-served range first, then claims/rounding.py decides
    reach = max(query.tolerance, widest_tolerance(v, query.unit or "count"))
    db.conn.create_function("claims_agrees", 4, lambda value, mention, unit, comparator: int(
        agrees_with_written(v, query.tolerance, mention, value, unit, comparator)), deterministic=True)
    # the words of the query ("vacancy", "officers") pick, among figures of that value, the
    # ones whose sentence, subject, metric or source names the most of them
    hay = ("lower(s.sentence || ' ' || coalesce(s.subject, '') || ' ' || coalesce(s.metric, '') "
           "|| ' ' || coalesce(s.source, ''))")
    score = " + ".join(f"(instr({hay}, ?) > 0)" for _ in query.words) or "0"
    words = [w.rstrip("s") for w in query.words]
    unit = " and s.unit = ?" if query.unit else ""
    # a figure written to the unit or the decimal ("464", "21.3%") reaches no further than
    # `narrow`; only one written loosely (in words, with a scale word or suffix, a round
    # number, "about") can reach from further off, and those are read through their own index
    narrow = max(query.tolerance, 0.5, value_tolerance(v) * 1.01)
    unit_params = [query.unit] if query.unit else []
    columns = (f"select s.id, s.published, s.document_id, s.start, s.metric, {score} as score, "
               "abs(s.value - ?) <= ? as exact from statistics s")
    agrees = "claims_agrees(s.value, s.mention, s.unit, s.comparator)"
    # the value itself in any unit ("21" finds "21%"), a rounding of it only in its own unit;
    # within the query's own interval a figure agrees: no need to ask
    near = (f"{columns} where s.value between ? and ?{unit} and (abs(s.value - ?) <= ? "
            f"or s.unit = ? and (s.value between ? and ? or {agrees}))")
    # the loosely written ones in the whole reach, through their partial index (a database
    # built before it existed is read without it)
    indexed = db.execute("select 1 from sqlite_master where type = 'index' and name = ?",
                         [LOOSELY_WRITTEN_INDEX]).fetchone()
    loose = (f"{columns}{f' indexed by {LOOSELY_WRITTEN_INDEX}' if indexed else ''} "
             f"where s.value between ? and ? and {LOOSELY_WRITTEN_SQL} and s.unit = ? "
             f"and not (s.value between ? and ?) and abs(s.value - ?) <= max(?, {LOOSE_REACH_SQL}) and {agrees}")
    same_figure = f"{near} union all {loose}"
    params = [*words, v, value_tolerance(v), v - narrow, v + narrow, *unit_params, v, value_tolerance(v),
              query.figure_unit, v - query.tolerance, v + query.tolerance,
              *words, v, value_tolerance(v), v - reach, v + reach, query.figure_unit, v - narrow, v + narrow,
              v, query.tolerance]
    # the statistics naming most of the query's words; when some state the value exactly, a
    # rounding of it counts only if it measures what one of those does ("21%" is a vacancy
    # rate, not "roughly 22%" of pay). Ranked by the document's date (copied onto each
    # statistic) with only the columns that takes, then the full rows of the first `limit`
    # each read once: `matched` scans the value range, `best` is read three times below
    sql = (f"with matched as materialized ({same_figure}), "
           "best as materialized (select * from matched where score = (select max(score) from matched)), "
           "shown as (select id from best where exact or not exists (select 1 from best where exact) "
           "or metric in (select metric from best where exact) "
           "order by published is null, published, document_id, start limit ?) "
           + STATISTICS_SQL + " join shown on shown.id = s.id order by s.published is null, "
           "s.published, s.document_id, s.start")
    rows = [{**_record(r), "passage_id": r["passage_id"], "start": r["start"], "sentence_end": r["sentence_end"]}
            for r in db.query(sql, [*params, limit or -1])]
    with_notes = {r[0] for r in db.execute(
        f"select distinct passage_id from footnote_refs where passage_id in ({','.join('?' * len(rows))})",
        [r["passage_id"] for r in rows]).fetchall()} if rows else set()
    # each figure's origin is the appearance link_figures chose; a statistic in no figure is its own
    figure_ids = sorted({r["figure_id"] for r in rows if r["figure_id"]})
    origins = {fid: (sid, source, published) for fid, sid, source, published in db.execute(
        "select f.id, f.origin_statistic_id, s.source, d.published from figures f "
        "join statistics s on s.id = f.origin_statistic_id join documents d on d.id = s.document_id "
        f"where f.id in ({','.join('?' * len(figure_ids))})", figure_ids).fetchall()} if figure_ids else {}
    for row in rows:
        origin = origins.get(row["figure_id"])
        row["is_origin"] = origin is None or origin[0] == row["statistic_id"]
        # "repeats NAO, 2016-04-28": whom a repeat repeats
        row["repeats"] = None if row["is_origin"] else ", ".join(str(x) for x in origin[1:] if x)
        passage_id, start, sentence_end = row["passage_id"], row.pop("start"), row.pop("sentence_end")
        row["citations"] = citations(db, passage_id, start, sentence_end) if passage_id in with_notes else []
    return rows


def nearest(db: sqlite_utils.Database, text: str, limit: int = 5) -> list[dict]:
    query = parse_query(text)
    if query is None:
        return []
    params: list = [query.value]
    unit = ""
    if query.unit:
        unit = "where s.unit = ?"
        params.insert(0, query.unit)
    sql = STATISTICS_SQL + f" {unit} order by abs(s.value - ?) limit {limit}"
    return [_record(r) for r in db.query(sql, params)]


def marked(sentence: str, mention: str) -> str:
    """The sentence with the figure marked: "... to [21%] in 2025."""
    i = sentence.find(mention)
    return sentence if i < 0 else f"{sentence[:i]}[{mention}]{sentence[i + len(mention):]}"
