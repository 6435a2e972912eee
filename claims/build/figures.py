"""Figures: statistics in different documents that state the same fact (same metric, unit,
value and year) are one figure, whose origin is its primary source (origin_rank), the earliest
dated appearance among equals."""
from __future__ import annotations

import sqlite_utils


# which appearance of a figure is its origin: the primary source first, then official
# statistics, then inspectorate, audit, committee and Parliament, then unions and charities,
# news, blogs and readers' comments
KIND_RANK = {"statistics": 0, "government": 0, "inspectorate": 1, "audit": 1, "committee": 1,
             "parliament": 1, "union": 2, "charity": 2, "news": 3, "blog": 4, "comment": 5}
COMMENTER = "blog commenter"


def origin_rank(stated: bool, source: str | None, publisher: str | None, kind: str | None) -> tuple:
    """How strong a claim an appearance has to be a figure's origin (lower is stronger): a
    dated document published by the body that asserts the figure; else by the kind of
    document; and an inferred or missing date never beats a stated one."""
    own = bool(stated) and source is not None and source == publisher
    kind = "comment" if source == COMMENTER else kind
    return (0 if own else 1, KIND_RANK.get(kind or "", 6), 0 if stated else 1)


def link_figures(db: sqlite_utils.Database, affected: set[tuple] | None = None) -> None:
    """Group statistics into figures and mark each figure's origin. A figure keeps its id
    from build to build. After a change, only the facts (metric, unit, value, value_high)
    whose statistics were added or removed are re-clustered, so a one-file rebuild costs what
    the file states; a full clustering goes metric by metric, so memory stays flat."""
    if affected is not None:
        db.execute("create temp table if not exists affected_facts (metric, unit, value, value_high)")
        db.execute("delete from affected_facts")
        db.conn.executemany("insert into affected_facts values (?, ?, ?, ?)", sorted(affected, key=repr))
        # both lookups go through the (unit, value) indexes of statistics and figures
        _cluster(db, " and s.id in (select s2.id from affected_facts a join statistics s2 on s2.unit = a.unit "
                     "and s2.value = a.value and s2.metric = a.metric and s2.value_high is a.value_high)",
                 " where id in (select f.id from affected_facts a join figures f on f.unit = a.unit "
                 "and f.value = a.value and f.metric = a.metric and f.value_high is a.value_high)", [])
        return
    metrics = [row[0] for row in db.execute("select distinct metric from statistics "
                                            "where metric not in ('other', 'duration')")]
    for metric in metrics:
        _cluster(db, " and s.metric = ?", " where metric = ?", [metric])
    db.execute(f"delete from figures where metric not in ({', '.join('?' * len(metrics))})", metrics)
    db.execute("update statistics set figure_id = null where figure_id is not null "
               "and metric in ('other', 'duration')")


def _cluster(db: sqlite_utils.Database, scope: str, figure_scope: str, params: list) -> None:
    """Cluster the statistics `scope` selects into figures, replacing the figures
    `figure_scope` selects."""
    columns = ["id", "metric", "unit", "value", "value_high", "year", "origin_statistic_id",
               "appearances", "sources", "first_published", "last_published"]
    next_id = (db.execute("select max(id) from figures").fetchone()[0] or 0) + 1
    old_rows = {row[0]: row for row in db.execute(f"select {', '.join(columns)} from figures{figure_scope}",
                                                  params).fetchall()}
    known = {row[1:6]: fid for fid, row in old_rows.items()}
    # read row by row: a list of every statistic would be the build's largest allocation
    rows = db.execute(f"""
        select s.id, s.metric, s.unit, s.value, s.value_high, s.year, s.published,
               s.period_from_publication, s.source, s.figure_id,
               d.published is not null, d.source, s.document_kind
        from statistics s join documents d on d.id = s.document_id
        where s.metric not in ('other', 'duration'){scope}
        order by s.period_from_publication, s.published is null, s.published, s.id
    """, params)
    groups: dict[tuple, list[tuple]] = {}
    dated: dict[tuple, tuple] = {}
    current: dict[int, int | None] = {}
    for row in rows:
        (sid, metric, unit, value, value_high, year, published, undated, source, figure_id,
         stated, publisher, kind) = row
        current[sid] = figure_id
        key = (metric, unit, value, value_high, year)
        if undated and (metric, unit, value, value_high) in dated:
            # "the 464 existing vacancies", with no date of its own, restates the dated figure
            earlier_key, earlier_published = dated[(metric, unit, value, value_high)]
            if not published or not earlier_published or earlier_published <= published:
                key = earlier_key
        if not undated:
            dated.setdefault((metric, unit, value, value_high), (key, published))
        groups.setdefault(key, []).append((sid, published, source, origin_rank(stated, source, publisher, kind)))
    figures, assigned = [], {}
    for key, members in groups.items():
        figure_id = known.get(key)
        if figure_id is None:
            figure_id, next_id = next_id, next_id + 1
        members.sort(key=lambda m: (m[3], m[1] or "9999", m[0]))
        published = [p for _, p, _, _ in members if p]
        metric, unit, value, value_high, year = key
        figures.append({
            "id": figure_id, "metric": metric, "unit": unit, "value": value,
            "value_high": value_high, "year": year, "origin_statistic_id": members[0][0],
            "appearances": len(members), "sources": len({source for _, _, source, _ in members}),
            "first_published": min(published) if published else None,
            "last_published": max(published) if published else None})
        for sid, _, _, _ in members:
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
