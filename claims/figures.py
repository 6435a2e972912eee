"""Figures: statistics in different documents that state the same fact (same metric, unit,
value and year) are one figure, whose origin is its earliest published appearance."""
from __future__ import annotations

import sqlite_utils


def value_tolerance(value: float) -> float:
    """How far apart two values may be and still state the same figure: 0.05, or 0.5% of
    the value, whichever is larger ("£1.34bn" and "1,340,000,000")."""
    return max(0.05, abs(value) * 0.005)

FIGURES_SQL = """
create table if not exists figures (
    id integer primary key,
    metric text, unit text, value real, value_high real, year integer,
    origin_statistic_id integer references statistics(id),
    appearances integer, sources integer, first_published text, last_published text
)
"""


def link_figures(db: sqlite_utils.Database) -> None:
    """Group statistics into figures and mark each figure's origin."""
    db.execute(FIGURES_SQL)
    db.execute("delete from figures")
    db.execute("update statistics set figure_id = null")
    rows = db.execute("""
        select s.id, s.metric, s.unit, s.value, s.value_high, s.year,
               coalesce(d.published, d.published_inferred) as published, s.period_from_publication
        from statistics s join documents d on d.id = s.document_id
        where s.metric not in ('other', 'duration')
        order by s.period_from_publication, published is null, published, s.id
    """).fetchall()
    groups: dict[tuple, list[tuple]] = {}
    dated: dict[tuple, tuple] = {}
    for row in rows:
        sid, metric, unit, value, value_high, year, published, undated = row
        key = (metric, unit, value, value_high, year)
        if undated and (metric, unit, value, value_high) in dated:
            # "the 464 existing vacancies", with no date of its own, restates the dated figure
            earlier_key, earlier_published = dated[(metric, unit, value, value_high)]
            if not published or not earlier_published or earlier_published <= published:
                key = earlier_key
        if not undated:
            dated.setdefault((metric, unit, value, value_high), (key, published))
        groups.setdefault(key, []).append((sid, published))
    for (metric, unit, value, value_high, year), members in groups.items():
        members.sort(key=lambda m: (m[1] is None, m[1] or "", m[0]))
        published = [p for _, p in members if p]
        figure_id = db["figures"].insert({
            "metric": metric, "unit": unit, "value": value, "value_high": value_high, "year": year,
            "origin_statistic_id": members[0][0], "appearances": len(members),
            "sources": len({sid for sid, _ in members}),
            "first_published": min(published) if published else None,
            "last_published": max(published) if published else None,
        }).last_pk
        db.execute(f"update statistics set figure_id = ? where id in ({','.join('?' * len(members))})",
                   [figure_id, *[sid for sid, _ in members]])
