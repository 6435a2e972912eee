"""Check a claim as it was quoted ("Probation officer vacancies have hit 21%, according to the
inspectorate"): read it with the extraction pipeline, find each figure in the corpus, and say
what is right and wrong about it with named verdicts."""
from __future__ import annotations

from datetime import date

import sqlite_utils

from extract.period_value import Period
from ingest.model import Document, Passage

from .conflicts import beyond_rounding, compatible_subjects, find_conflicts
from .rounding import agrees_with_written, rounding_tolerance, value_tolerance, widest_tolerance

VERDICTS = ("matches", "rounded", "different_period", "superseded", "misattributed", "conflicts",
            "not_found")
CLAIMANT = "the claim"  # whose words a pasted claim is, unless it names a body
MATCH_LIMIT = 10

MATCH_SQL = """
select s.id, s.mention, s.sentence, s.value, s.value_high, s.unit, s.comparator, s.metric, s.measure, s.subject,
       s.period, s.year, s.period_from_publication, s.source, s.figure_id, s.passage_id,
       d.id as document_id, d.title as document, d.source as publisher, d.published
from statistics s join documents d on d.id = s.document_id
"""


def claim_document(text: str) -> Document:
    return Document(text=text, file_start=0, source=CLAIMANT, kind="claim",
                    passages=[Passage("paragraph", 0, len(text), source=CLAIMANT)])


def check_text(db: sqlite_utils.Database, extractor, text: str) -> dict:
    """{"claims": [...]}: each figure of `text` with its verdicts, origin, latest and matches."""
    [statistics] = extractor.extract([claim_document(text)])
    return {"claims": [check_statistic(db, s) for s in statistics]}


def check_statistic(db: sqlite_utils.Database, stat) -> dict:
    tolerance = rounding_tolerance(stat.mention, stat.value, stat.unit, stat.comparator)
    reach = max(tolerance, widest_tolerance(stat.value, stat.unit))
    rows = [r for r in db.query(MATCH_SQL + " where s.unit = ? and s.value between ? and ? "
                                "order by abs(s.value - ?), d.published",
                                [stat.unit, stat.value - reach, stat.value + reach, stat.value])
            if agrees_with_written(stat.value, tolerance, r["mention"], r["value"], r["unit"], r["comparator"])]
    if stat.metric != "other" and any(r["metric"] == stat.metric for r in rows):
        rows = [r for r in rows if r["metric"] == stat.metric]
    named = stat.source if stat.source and stat.source != CLAIMANT else None
    claimed_year = None if stat.period_from_publication else stat.year
    result = {"mention": stat.mention, "value": stat.value, "unit": stat.unit, "metric": stat.metric,
              "period": None if stat.period_from_publication else stat.period, "named_source": named,
              "verdicts": [], "origin": None, "latest": None, "matches": [], "nearest": []}
    if not rows:
        result["verdicts"] = ["not_found"]
        result["nearest"] = nearest_statistics(db, stat)
        return result
    exact = [r for r in rows if abs(r["value"] - stat.value) <= value_tolerance(stat.value)]
    in_period = [r for r in rows if claimed_year is None or r["year"] == claimed_year]
    best = (next((r for r in exact if r in in_period), None) or (in_period or exact or rows)[0])
    verdicts = []
    if best in exact and best in in_period:
        verdicts.append("matches")
    else:
        if best not in exact:
            verdicts.append("rounded")
        if claimed_year is not None and best not in in_period:
            verdicts.append("different_period")
        elif best in exact:
            verdicts.append("matches")
    origin = origin_of(db, best)
    latest = latest_of(db, best)
    if latest and latest["statistic_id"] != best["id"] and \
            _ends(latest["period"]) > _ends(best["period"]) \
            and beyond_rounding(latest["value"], latest["mention"], best["value"], best["mention"], best["unit"]):
        verdicts.append("superseded")
    if named and origin and named not in (origin["source"], origin["publisher"]):
        verdicts.append("misattributed")
    if find_conflicts(db, "a.id = ? or b.id = ?", [best["id"], best["id"]]):
        verdicts.append("conflicts")
    result.update(verdicts=[v for v in VERDICTS if v in verdicts], origin=origin, latest=latest,
                  matches=[_public(r) for r in rows[:MATCH_LIMIT]])
    return result


def origin_of(db: sqlite_utils.Database, row: dict) -> dict | None:
    """The origin of the figure a statistic states (claims/figures.py chose it), else itself."""
    origin_id = row["id"]
    if row["figure_id"]:
        found = db.execute("select origin_statistic_id from figures where id = ?", [row["figure_id"]]).fetchone()
        origin_id = found[0] if found else origin_id
    [origin] = db.query(MATCH_SQL + " where s.id = ?", [origin_id])
    return _public(origin)


def latest_of(db: sqlite_utils.Database, row: dict) -> dict | None:
    """The newest level of the same metric and unit stated for a compatible subject."""
    if row["metric"] in ("other", "duration"):
        return None
    candidates = list(db.query(MATCH_SQL + " where s.metric = ? and s.unit = ? and s.measure = 'level' "
                               "and s.value_high is null and not s.period_from_publication", [row["metric"], row["unit"]]))
    candidates = [c for c in candidates if compatible_subjects(c["subject"], row["subject"])]
    dated = [c for c in candidates if Period.parse(c["period"])]
    if not dated:
        return None
    return _public(max(dated, key=lambda c: (_ends(c["period"]), c["published"] or "")))


def _ends(period: str | None) -> date:
    """The last day of a stored period, the earliest date for none."""
    parsed = Period.parse(period)
    return parsed.end if parsed else date.min


def nearest_statistics(db: sqlite_utils.Database, stat, limit: int = 5) -> list[dict]:
    return [_public(r) for r in db.query(MATCH_SQL + " where s.unit = ? order by abs(s.value - ?) limit ?",
                                         [stat.unit, stat.value, limit])]


def _public(row: dict) -> dict:
    keys = ("id", "mention", "sentence", "value", "unit", "metric", "period", "source", "publisher",
            "document", "document_id", "passage_id", "published")
    out = {k: row[k] for k in keys}
    out["statistic_id"] = out.pop("id")
    return out
