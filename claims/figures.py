"""Figures: statistics in different documents that state the same fact (same metric, unit,
value and year) are one figure, whose origin is its earliest published appearance."""
from __future__ import annotations

import sqlite_utils


def value_tolerance(value: float) -> float:
    """How far apart two values may be and still state the same figure: 0.05, or 0.5% of
    the value, whichever is larger ("£1.34bn" and "1,340,000,000")."""
    return max(0.05, abs(value) * 0.005)


def link_figures(db: sqlite_utils.Database) -> None:
    """Group statistics into figures and mark each figure's origin. A figure keeps its id
    from build to build, so after a one-file change only that file's statistics and the
    figures they join are written."""
    columns = ["id", "metric", "unit", "value", "value_high", "year", "origin_statistic_id",
               "appearances", "sources", "first_published", "last_published"]
    old_rows = {row[0]: row for row in db.execute(f"select {', '.join(columns)} from figures").fetchall()}
    known = {row[1:6]: fid for fid, row in old_rows.items()}
    next_id = max(known.values(), default=0) + 1
    # read row by row: a list of every statistic would be the build's largest allocation
    rows = db.execute("""
        select s.id, s.metric, s.unit, s.value, s.value_high, s.year, s.published,
               s.period_from_publication, s.source, s.figure_id
        from statistics s
        where s.metric not in ('other', 'duration')
        order by s.period_from_publication, s.published is null, s.published, s.id
    """)
    groups: dict[tuple, list[tuple]] = {}
    dated: dict[tuple, tuple] = {}
    current: dict[int, int | None] = {}
    for row in rows:
        sid, metric, unit, value, value_high, year, published, undated, source, figure_id = row
        current[sid] = figure_id
        key = (metric, unit, value, value_high, year)
        if undated and (metric, unit, value, value_high) in dated:
            # "the 464 existing vacancies", with no date of its own, restates the dated figure
            earlier_key, earlier_published = dated[(metric, unit, value, value_high)]
            if not published or not earlier_published or earlier_published <= published:
                key = earlier_key
        if not undated:
            dated.setdefault((metric, unit, value, value_high), (key, published))
        groups.setdefault(key, []).append((sid, published, source))
    figures, assigned = [], {}
    for key, members in groups.items():
        figure_id = known.get(key)
        if figure_id is None:
            figure_id, next_id = next_id, next_id + 1
        members.sort(key=lambda m: (m[1] is None, m[1] or "", m[0]))
        published = [p for _, p, _ in members if p]
        metric, unit, value, value_high, year = key
        figures.append({
            "id": figure_id, "metric": metric, "unit": unit, "value": value,
            "value_high": value_high, "year": year, "origin_statistic_id": members[0][0],
            "appearances": len(members), "sources": len({source for _, _, source in members}),
            "first_published": min(published) if published else None,
            "last_published": max(published) if published else None})
        for sid, _, _ in members:
            assigned[sid] = figure_id
    # write only what changed: after a one-file change that is a handful of figures
    new_ids = {f["id"] for f in figures}
    gone = [(fid,) for fid in old_rows if fid not in new_ids]
    db.conn.executemany("delete from figures where id = ?", gone)
    changed_figures = [f for f in figures if old_rows.get(f["id"]) != tuple(f[c] for c in columns)]
    if changed_figures:
        db["figures"].upsert_all(changed_figures, pk="id", batch_size=1000)
    changed = [(assigned.get(sid), sid) for sid, fid in current.items() if assigned.get(sid) != fid]
    db.conn.executemany("update statistics set figure_id = ? where id = ?", changed)
    db.execute("update statistics set figure_id = null where figure_id is not null "
                "and metric in ('other', 'duration')")
