"""Statistics as records for export, eval and trace: one place for the columns users see; and
the two promises an export makes: JSON lines are strict JSON (no Infinity or NaN) and no CSV
cell is read by a spreadsheet as a formula."""
from __future__ import annotations

import csv
import json
import math
import re
from typing import IO, Iterable

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
       s.sentence_start, s.document_kind, s.subject_id, s.scope, s.series_id
from statistics s join documents d on d.id = s.document_id join passages p on p.id = s.passage_id
"""


def _record(row: dict) -> dict:
    row = dict(row)
    for internal in ("start", "sentence_end", "passage_id", "sentence_start", "document_kind", "subject_id", "scope",
                     "series_id"):
        row.pop(internal, None)
    row["period_from_publication"] = bool(row["period_from_publication"])
    for key in ("value", "value_high"):
        if row[key] is None:
            continue
        if not math.isfinite(row[key]):
            # a figure is a finite number; an inf a database stored from a 400-digit number is none
            row[key] = None
        elif float(row[key]).is_integer():
            row[key] = int(row[key])
    return row


def iter_statistics(db: sqlite_utils.Database, where: str = "", params=()):
    sql = STATISTICS_SQL + (f" where {where}" if where else "") + " order by s.file, s.document_id, s.start"
    for row in db.query(sql, params):
        yield _record(row)


def json_line(record: dict) -> str:
    """One export record as strict JSON: a float that is not finite is null, never `Infinity`."""
    return json.dumps({k: _finite(record[k]) for k in EXPORT_FIELDS}, ensure_ascii=False, allow_nan=False)


def _finite(value):
    return None if isinstance(value, float) and not math.isfinite(value) else value


# a text cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
# (=HYPERLINK(...), +cmd|..., @SUM(...), and tab or carriage return ahead of one)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# ...except a plain signed number ("-17", "+2.5%"), which a spreadsheet reads as the number it is
PLAIN_NUMBER = re.compile(r"[-+]?\d[\d,]*(\.\d+)?%?")


def spreadsheet_safe(cell):
    """A CSV cell a spreadsheet shows as text: a text cell that would start a formula gets a
    leading apostrophe (OWASP's advice); numbers, and text that is only a signed number, are left."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def write_csv(records: Iterable[dict], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({k: spreadsheet_safe(record[k]) for k in EXPORT_FIELDS})
