"""Trace a figure a user pasted ("vacancy rate 21%", "464", "seven of 27 targets") to every
appearance in the corpus, earliest first, with its origin and citations."""
from __future__ import annotations

import re
from dataclasses import dataclass

import sqlite_utils

from extract.figures import find_figures
from extract.periods import find_dates

from .export import STATISTICS_SQL, _record
from .figures import value_tolerance

STOPWORDS = {"the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "at", "by", "is", "was",
             "were", "are", "rate", "per", "cent", "percent"}


ROUNDING = 0.1  # shares: "one in five" and "21%" are the same figure, rounded


@dataclass
class Query:
    value: float
    unit: str | None
    words: list[str]
    approximate: bool = False  # written in words ("one in five", "two-thirds")


def parse_query(text: str) -> Query | None:
    dates = [(d.start, d.end) for d in find_dates(text)]
    figures = find_figures(text, dates)
    if not figures:
        return None
    fig = figures[0]
    rest = text[:fig.start] + " " + text[fig.end:]
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", rest) if w.lower() not in STOPWORDS]
    unit = fig.unit if fig.unit != "count" else None
    return Query(fig.value, unit, words, approximate=fig.is_word)


def citations(db: sqlite_utils.Database, passage_id: int, start: int, sentence: str) -> list[dict]:
    """The footnotes that close a figure's sentence ("... vacancies.157"); `start` is the
    figure's offset in its document."""
    [passage] = db.query("select start, text from passages where id = ?", [passage_id])
    at = start - passage["start"]
    sentence_at = passage["text"].rfind(sentence[:40], 0, at + 1)
    end = (sentence_at if sentence_at >= 0 else at) + len(sentence)
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
    tolerance, rounding = value_tolerance(v), abs(v) * ROUNDING
    # value ranges, so the index on statistics.value finds the rows; a share written in words
    # is a rounding of the digits, and the other way round
    where = ("(s.value between ? and ? or (s.unit = 'percent' and s.value between ? and ? "
             "and (? or s.mention not glob '*[0-9]*')))")
    params: list = [v - tolerance, v + tolerance, v - rounding, v + rounding, int(query.approximate)]
    if query.unit:
        where += " and s.unit = ?"
        params.append(query.unit)
    rows = []
    for r in db.query(STATISTICS_SQL + f" where {where} order by coalesce(d.published, "
                      "d.published_inferred) is null, coalesce(d.published, d.published_inferred), "
                      "s.document_id, s.start", params):
        rows.append({**_record(r), "passage_id": r["passage_id"], "start": r["start"]})
    if query.words:
        def score(row):
            hay = " ".join(str(row[k] or "") for k in ("sentence", "subject", "metric", "source")).lower()
            return sum(1 for w in query.words if w.rstrip("s") in hay)
        best = max((score(r) for r in rows), default=0)
        if best:
            rows = [r for r in rows if score(r) == best]
    rows = rows[:limit] if limit else rows
    # the origin of each figure is its earliest dated appearance
    seen: set = set()
    for row in rows:
        key = row["figure_id"] or ("statistic", row["statistic_id"])
        row["is_origin"] = key not in seen
        seen.add(key)
        row["citations"] = citations(db, row.pop("passage_id"), row.pop("start"), row["sentence"])
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
