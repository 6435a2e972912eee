"""Statistics as records for export, eval and trace: one place for the columns users see."""
from __future__ import annotations

import sqlite_utils

EXPORT_FIELDS = ["file", "mention", "sentence", "file_start", "file_end", "value", "value_high",
                 "unit", "unit_detail", "comparator", "measure", "direction", "metric", "subject",
                 "period", "year", "period_from_publication", "source", "publisher", "confidence",
                 "document_title",
                 "published", "document_url", "page", "document_id", "statistic_id", "figure_id"]

STATISTICS_SQL = """
select s.file, s.mention, s.sentence, s.file_start, s.file_end, s.value, s.value_high, s.unit,
       s.unit_detail, s.comparator, s.measure, s.direction, s.metric, s.subject, s.period, s.year,
       s.period_from_publication, s.source, d.source as publisher, s.confidence,
       d.title as document_title, d.published, d.url as document_url,
       p.page, d.id as document_id, s.id as statistic_id, s.figure_id, s.start, s.sentence_end, s.passage_id,
       s.sentence_start, s.document_kind
from statistics s join documents d on d.id = s.document_id join passages p on p.id = s.passage_id
"""


def _record(row: dict) -> dict:
    row = dict(row)
    for internal in ("start", "sentence_end", "passage_id", "sentence_start", "document_kind"):
        row.pop(internal, None)
    row["period_from_publication"] = bool(row["period_from_publication"])
    for key in ("value", "value_high"):
        if row[key] is not None and float(row[key]).is_integer():
            row[key] = int(row[key])
    return row


def iter_statistics(db: sqlite_utils.Database, where: str = "", params=()):
    sql = STATISTICS_SQL + (f" where {where}" if where else "") + " order by s.file, s.document_id, s.start"
    for row in db.query(sql, params):
        yield _record(row)
