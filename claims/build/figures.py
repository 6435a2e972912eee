"""Figures: statistics in different documents that state the same fact are one figure, whose
origin is its primary source (origin_rank), the earliest dated appearance among equals. The same
fact is the same series (claims/query/series.py: metric, subject, unit, measure and scope), value
and year: "21 CRCs" and "21 probation officer vacancies" are two figures, and so are 8,300 NPS
staff and 8,300 HMPPS staff. A statistic that belongs to no series (its metric or the population
it counts unread) is a figure of nothing: it is no appearance of any other statement."""
from __future__ import annotations

import sqlite_utils


# which appearance of a figure is its origin: the primary source first, then official
# statistics, then inspectorate, audit, committee and Parliament, then unions and charities,
# news, blogs and readers' comments
KIND_RANK = {"statistics": 0, "government": 0, "inspectorate": 1, "audit": 1, "committee": 1,
             "parliament": 1, "union": 2, "charity": 2, "news": 3, "blog": 4, "comment": 5}
COMMENTER = "blog commenter"

# a full clustering goes through the series a sixteenth at a time (by the first hex digit of
# their id), so memory stays flat however large the corpus
SERIES_SLICES = "0123456789abcdef"

FIGURE_COLUMNS = ["id", "series_id", "metric", "unit", "value", "value_high", "year", "origin_statistic_id",
                  "appearances", "sources", "first_published", "last_published"]


def origin_rank(stated: bool, source: str | None, publisher: str | None, kind: str | None) -> tuple:
    """How strong a claim an appearance has to be a figure's origin (lower is stronger): a
    dated document published by the body that asserts the figure; else by the kind of
    document; and an inferred or missing date never beats a stated one."""
    own = bool(stated) and source is not None and source == publisher
    kind = "comment" if source == COMMENTER else kind
    return (0 if own else 1, KIND_RANK.get(kind or "", 6), 0 if stated else 1)


def link_figures(db: sqlite_utils.Database, affected: set[tuple] | None = None) -> None:
    """Group statistics into figures and mark each figure's origin. A figure keeps its id
    from build to build. After a change, only the facts (series_id, value, value_high) whose
    statistics were added, removed or moved to another series are re-clustered, so a one-file
    rebuild costs what the file states; a full clustering goes a slice of the series at a
    time, so memory stays flat."""
    if affected is not None:
        facts = sorted({f for f in affected if f[0] is not None}, key=repr)
        db.execute("create temp table if not exists affected_facts (series_id, value, value_high)")
        db.execute("delete from affected_facts")
        db.conn.executemany("insert into affected_facts values (?, ?, ?)", facts)
        # both lookups go through the (series_id, ...) indexes of statistics and figures
        _cluster(db, " and s.id in (select s2.id from affected_facts a join statistics s2 "
                     "on s2.series_id = a.series_id and s2.value = a.value and s2.value_high is a.value_high)",
                 " where id in (select f.id from affected_facts a join figures f on f.series_id = a.series_id "
                 "and f.value = a.value and f.value_high is a.value_high)", [])
        # a statistic that no longer says what it measures is no appearance of its old figure
        db.execute("update statistics set figure_id = null where series_id is null and figure_id is not null")
        return
    for digit in SERIES_SLICES:
        _cluster(db, " and substr(s.series_id, 1, 1) = ?", " where substr(series_id, 1, 1) = ?", [digit])
    db.execute(f"delete from figures where series_id is null or substr(series_id, 1, 1) not in "
               f"({', '.join('?' * len(SERIES_SLICES))})", list(SERIES_SLICES))
    db.execute("update statistics set figure_id = null where figure_id is not null and series_id is null")


def _cluster(db: sqlite_utils.Database, scope: str, figure_scope: str, params: list) -> None:
    """Cluster the statistics `scope` selects into figures, replacing the figures
    `figure_scope` selects."""
    next_id = (db.execute("select max(id) from figures").fetchone()[0] or 0) + 1
    old_rows = {row[0]: row for row in db.execute(f"select {', '.join(FIGURE_COLUMNS)} from figures{figure_scope}",
                                                  params).fetchall()}
    # a figure is known by its series, value, value_high and year
    known = {(row[1], row[4], row[5], row[6]): fid for fid, row in old_rows.items()}
    # read row by row: a list of every statistic would be the build's largest allocation
    rows = db.execute(f"""
        select s.id, s.series_id, s.metric, s.unit, s.value, s.value_high, s.year, s.published,
               s.period_from_publication, s.source, s.figure_id,
               d.published is not null, d.source, s.document_kind
        from statistics s join documents d on d.id = s.document_id
        where s.series_id is not null{scope}
        order by s.period_from_publication, s.published is null, s.published, s.id
    """, params)
    groups: dict[tuple, list[tuple]] = {}
    first_stat: dict[tuple, tuple] = {}  # metric and unit of each figure, from its first statement
    dated: dict[tuple, tuple] = {}
    current: dict[int, int | None] = {}
    for row in rows:
        (sid, series_id, metric, unit, value, value_high, year, published, undated, source, figure_id,
         stated, publisher, kind) = row
        current[sid] = figure_id
        fact = (series_id, value, value_high)
        key = (*fact, year)
        if undated and fact in dated:
            # "the 464 existing vacancies", with no date of its own, restates the dated figure
            earlier_key, earlier_published = dated[fact]
            if not published or not earlier_published or earlier_published <= published:
                key = earlier_key
        if not undated:
            dated.setdefault(fact, (key, published))
        first_stat.setdefault(key, (metric, unit))
        groups.setdefault(key, []).append((sid, published, source, origin_rank(stated, source, publisher, kind)))
    figures, assigned = [], {}
    for key, members in groups.items():
        figure_id = known.get(key)
        if figure_id is None:
            figure_id, next_id = next_id, next_id + 1
        members.sort(key=lambda m: (m[3], m[1] or "9999", m[0]))
        published = [p for _, p, _, _ in members if p]
        series_id, value, value_high, year = key
        metric, unit = first_stat[key]
        figures.append({
            "id": figure_id, "series_id": series_id, "metric": metric, "unit": unit, "value": value,
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
    changed_figures = [f for f in figures if old_rows.get(f["id"]) != tuple(f[c] for c in FIGURE_COLUMNS)]
    if changed_figures:
        db["figures"].upsert_all(changed_figures, pk="id", batch_size=1000)
    changed = [(assigned.get(sid), sid) for sid, fid in current.items() if assigned.get(sid) != fid]
    db.conn.executemany("update statistics set figure_id = ? where id = ?", changed)
