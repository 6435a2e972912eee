"""Trace a figure a user pasted ("vacancy rate 21%", "464", "seven of 27 targets") to every
appearance in the corpus, earliest first, with its origin and citations.

By the one matching rule (claims/query/matching.py): when the query's words say what the figure
measures, only statistics of a compatible series are appearances; the others sharing its
number are listed apart as "nearest figures, not matches", and when nothing matches the
answer says so. A bare number ("464") finds its value in every series, each series with its
own origin. The dict this returns is what `claims trace --json` prints and `/-/trace.json`
serves."""
from __future__ import annotations

import re

import sqlite_utils

from extract.periods import find_dates
from extract.quantities import find_quantities

from .claim_reader import clean_query, read_claim
from .conflicts import overlapping
from .matching import (CANDIDATE_LIMIT, NOT_MATCHES_SHOWN, Figure, agreeing_statistics, primary_first, row_series,
                       series_statements, statements, why_not)
from .rounding import rounding_tolerance
from .series import SeriesKey

STOPWORDS = {"the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "at", "by", "is", "was",
             "were", "are", "rate", "per", "cent", "percent", "about", "around", "some", "nearly", "almost"}
NEAREST = 5


def parse_query(text: str) -> tuple[Figure, list[str]] | None:
    """The query's first figure (as a bare number, no series yet) and its other words."""
    dates = [(d.start, d.end) for d in find_dates(text)]
    figures = find_quantities(text, dates)
    if not figures:
        return None
    fig = min(figures, key=lambda f: f.start)
    rest = text[:fig.start] + " " + text[fig.end:]
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]+", rest) if w.lower() not in STOPWORDS]
    figure = Figure(fig.text, fig.value, fig.unit, rounding_tolerance(fig.text, fig.value, fig.unit, fig.comparator),
                    key=None, any_unit=fig.unit == "count")
    return figure, words


def citations(db: sqlite_utils.Database, passage_id: int, start: int, sentence_end: int) -> list[dict]:
    """The footnotes that close a figure's sentence ("... vacancies.157"); `start` and
    `sentence_end` are offsets in its document."""
    [passage] = db.query("select start from passages where id = :id", {"id": passage_id})
    return list(db.query(
        "select r.number, f.text, f.cited_title, f.cited_date, f.page, f.witness, f.evidence "
        "from footnote_refs r left join footnotes f on f.id = r.footnote_id "
        "where r.passage_id = :passage_id and r.start >= :at and r.start <= :end order by r.start",
        {"passage_id": passage_id, "at": start - passage["start"], "end": sentence_end - passage["start"] + 2}))


def trace(db: sqlite_utils.Database, text: str, limit: int | None = 200, extractor=None) -> dict:
    """{"query", "figure", "exact", "rounded", "nearest", "message"}: the appearances of the
    figure in `text` earliest first (at most `limit`), split by how they state it. With an
    `extractor`, a query with words is read as a claim to know its series."""
    query = clean_query(text)
    parsed = parse_query(query)
    result = {"query": query, "figure": None, "exact": [], "rounded": [], "nearest": [], "message": None}
    if parsed is None:
        result["message"] = f"No number in {query!r} to trace."
        return result
    figure, words = parsed
    if words and extractor is not None:
        read = [f for f in read_claim(extractor, query) if f.readable and abs(f.value - figure.value) < 1e-9]
        if read:
            figure.key, figure.allows_parts = read[0].key, read[0].allows_parts
    result["figure"] = {"mention": figure.mention, "value": figure.value, "unit": figure.unit, "words": words,
                        "series": figure.key.label if figure.key else None}
    agreeing = agreeing_statistics(db, figure, CANDIDATE_LIMIT)
    if figure.key is not None:
        matches = [r for r in agreeing if figure.same_series(r) and figure.same_place(db, r)]
    elif words:
        matches = _naming_all(agreeing, words)
    else:
        # a bare number says nothing of what it measures: it finds its value stated exactly or
        # more precisely ("21.3%" for "21%"); a looser figure whose own interval reaches it
        # ("about 40 per cent" for "37%") needs the query's words to be called the same figure
        matches = [r for r in agreeing if abs(r["value"] - figure.value) <= figure.tolerance]
    matched = {r["statistic_id"] for r in matches}
    others = [{**r, "why_not": why_not(r, figure.key is not None and figure.same_series(r)) if figure.key or words
               else "a looser figure that may be a rounding of it; add what it measures to trace it"}
              for r in agreeing if r["statistic_id"] not in matched]
    matches = matches[:limit] if limit else matches
    _mark_origins(matches)
    _add_citations(db, matches)
    for row in matches:
        row["agreement"] = "exact" if figure.exact(row) else "rounded"
        result[row["agreement"]].append(row)
    if not matches:
        result["message"] = f"No figure in the corpus matches {query!r}."
        others += [{**r, "why_not": "a different value"} for r in _nearest_values(db, figure, words)
                   if r["statistic_id"] not in {o["statistic_id"] for o in others}]
    result["nearest"] = others[:NEAREST] if not matches else others[:NOT_MATCHES_SHOWN]
    return result


def _naming_all(rows: list[dict], words: list[str]) -> list[dict]:
    """Statistics whose sentence, subject, metric or source name every word of the query: what
    is asked for, when no series could be read from the words."""
    return [r for r in rows if _named(r, words) == len(words)]


def _named(row: dict, words: list[str]) -> int:
    """How many of the query's words a statement's sentence, subject, metric or source names."""
    hay = " ".join(str(row[k] or "") for k in ("sentence", "subject", "metric", "source")).lower()
    return sum(w.rstrip("s") in hay for w in words)


def _mark_origins(rows: list[dict]) -> None:
    """Each series' origin among the appearances: its primary source (claims/query/matching.py);
    an appearance of the same period, or with no period of its own, repeats it. A statement
    whose subject was not read joins the series of the same metric, unit and measure."""
    origins: list[tuple[SeriesKey, dict]] = []
    for row in primary_first(rows):
        key = row_series(row)
        origin = next((o for k, o in origins if (k.metric, k.unit, k.measure) == (key.metric, key.unit, key.measure)
                       and (k.subject == key.subject or None in (k.subject, key.subject))), None)
        if origin is None:
            origins.append((key, row))
        row["is_origin"] = origin is None
        same = origin is not None and (row["period_from_publication"] or row["period"] == origin["period"]
                                       or overlapping(row["period"], origin["period"]))
        row["repeats"] = ", ".join(str(x) for x in (origin["source"], origin["published"]) if x) if same else None


def _add_citations(db: sqlite_utils.Database, rows: list[dict]) -> None:
    if not rows:
        return
    extra = {r["id"]: r for r in db.query(
        "select s.id, s.passage_id, s.start, s.sentence_end, exists(select 1 from footnote_refs f "
        "where f.passage_id = s.passage_id) as has_notes from statistics s "
        "where s.id in (select value from json_each(:ids))",
        {"ids": "[" + ",".join(str(r["statistic_id"]) for r in rows) + "]"})}
    for row in rows:
        e = extra[row["statistic_id"]]
        row["citations"] = citations(db, e["passage_id"], e["start"], e["sentence_end"]) if e["has_notes"] else []


def _nearest_values(db: sqlite_utils.Database, figure: Figure, words: list[str]) -> list[dict]:
    """The statistics nearest in value: of the figure's series when it was read, else in its
    unit (any unit for a bare count), those naming most of the query's words first."""
    if figure.key is not None:
        return sorted(series_statements(db, figure.key, figure.allows_parts),
                      key=lambda r: abs(r["value"] - figure.value))[:NEAREST]
    where = "s.value is not null" + ("" if figure.any_unit else " and s.unit = :unit")
    rows = statements(db, f"{where} and s.value between :low and :high",
                      {"unit": figure.unit, "low": figure.value - max(abs(figure.value), 1),
                       "high": figure.value + max(abs(figure.value), 1)}, limit=CANDIDATE_LIMIT)
    return sorted(rows, key=lambda r: (-_named(r, words), abs(r["value"] - figure.value)))[:NEAREST]


def marked(sentence: str, highlight: list[int] | None) -> str:
    """The sentence with the figure marked at its stored place: "... to [21%] in 2025."""
    if not highlight:
        return sentence
    a, b = highlight
    return f"{sentence[:a]}[{sentence[a:b]}]{sentence[b:]}"
