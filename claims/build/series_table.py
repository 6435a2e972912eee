"""The series table, kept as the statistics are at the end of each build: one row per series
any statistic states. What decides a statistic's series is the query layer's key
(claims/query/series.py); this module only writes the table and recomputes the columns when
that rule changes."""
from __future__ import annotations

import hashlib

from ..query.series import SeriesKey, series_columns


SERIES_COLUMNS = ("id", "label", "metric", "subject", "unit", "measure", "scope", "statistics", "sources",
                  "first_period", "last_period", "first_published", "last_published")


def series_version() -> str:
    """A digest of what decides a statistic's series: claims/query/series.py, the vocabulary's
    reader and its data. A statistic carried over unchanged from an earlier build keeps the series
    columns it was written with; when this changes, every statistic's are computed again."""
    from importlib import resources
    digest = hashlib.sha256()
    for package, name in (("claims.query", "series.py"), ("registry", "subjects.py"), ("registry", "subjects.yml")):
        digest.update(name.encode() + b"\0" + resources.files(package).joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


def recompute_series_columns(db) -> int:
    """Every statistic's subject_id, scope and series_id from its fields, writing those that
    changed. Returns how many changed."""
    changed = []
    for row in db.query("select id, metric, subject, unit, measure, sentence, source, subject_id, scope, series_id "
                        "from statistics"):
        new = series_columns(row)
        if (new["subject_id"], new["scope"], new["series_id"]) != (row["subject_id"], row["scope"], row["series_id"]):
            changed.append((new["subject_id"], new["scope"], new["series_id"], row["id"]))
    db.conn.executemany("update statistics set subject_id = ?, scope = ?, series_id = ? where id = ?", changed)
    return len(changed)


def update_series_columns(db) -> bool:
    """After a change of the series rule (series_version), every statistic's series columns
    computed again. True when the rule changed: every figure must then be clustered again
    (claims/build/figures.py groups statistics by series)."""
    version = series_version()
    stored = db.execute("select value from meta where key = 'series_version'").fetchone()
    if stored is not None and stored[0] == version:
        return False
    recompute_series_columns(db)
    db["meta"].upsert({"key": "series_version", "value": version}, pk="key")
    return True


def refresh_series(db) -> int:
    """The series table as the statistics now are: one row per series id any statistic has,
    with how many statistics and sources state it and the periods and dates they span. Only
    rows that changed are written, so a one-file rebuild writes a handful. After a change of
    the series rule (series_version) every statistic's series columns are computed again
    first. Returns how many series there are."""
    update_series_columns(db)
    old = {row[0]: row for row in db.execute(f"select {', '.join(SERIES_COLUMNS)} from series")}
    rows = []
    for (series_id, metric, subject, unit, measure, scope, count, sources, first_period, last_period,
         first_published, last_published) in db.execute("""
            select series_id, min(metric), min(subject_id), min(unit), min(measure), min(scope), count(*),
                   count(distinct source), min(period), max(period), min(published), max(published)
            from statistics where series_id is not null group by series_id"""):
        key = SeriesKey(metric, subject, unit, measure, scope)
        rows.append({"id": series_id, "label": key.label, "metric": metric, "subject": subject, "unit": unit,
                     "measure": measure, "scope": scope, "statistics": count, "sources": sources,
                     "first_period": first_period, "last_period": last_period,
                     "first_published": first_published, "last_published": last_published})
    gone = [(sid,) for sid in old if sid not in {r["id"] for r in rows}]
    db.conn.executemany("delete from series where id = ?", gone)
    changed = [r for r in rows if old.get(r["id"]) != tuple(r[c] for c in SERIES_COLUMNS)]
    if changed:
        db["series"].upsert_all(changed, pk="id", batch_size=1000)
    return len(rows)
