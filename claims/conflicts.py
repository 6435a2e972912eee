"""Conflicts: two sources stating different levels of the same metric, for compatible subjects
and overlapping periods, by more than rounding explains. One definition, used by `claims
check`, the site's canned query and its tests."""
from __future__ import annotations

import sqlite_utils

from extract.periods import period_end, period_start

from .figures import value_tolerance

# a level stated by rounding ("21%" for 21.4%) is no conflict: values within this share of each
# other, or within half a unit of the larger, agree
ROUNDING_SHARE = 0.03

CANDIDATES_SQL = """
select a.id as a_id, b.id as b_id, a.metric, a.unit, a.value as a_value, b.value as b_value,
       a.period as a_period, b.period as b_period, a.subject as a_subject, b.subject as b_subject,
       a.source as a_source, b.source as b_source, a.sentence as a_sentence, b.sentence as b_sentence
from statistics a join statistics b
  on a.metric = b.metric and a.unit = b.unit and a.year = b.year and a.id < b.id
 and a.source != b.source
where a.measure = 'level' and b.measure = 'level' and a.metric not in ('other', 'duration')
  and a.value_high is null and b.value_high is null and a.comparator = '=' and b.comparator = '='
  and not a.period_from_publication and not b.period_from_publication
"""


def beyond_rounding(a: float, b: float) -> bool:
    """Two values that rounding cannot explain: not within 3% of each other, nor within half a
    unit, nor within the value tolerance figures use."""
    gap = abs(a - b)
    big = max(abs(a), abs(b))
    return gap > max(ROUNDING_SHARE * big, 0.5, value_tolerance(big))


def compatible_subjects(a: str | None, b: str | None) -> bool:
    """Subjects that can be the same thing: one is unknown, or one names the other ("band 4
    probation officers" and "probation officers")."""
    if not a or not b:
        return True
    a, b = a.lower(), b.lower()
    return a in b or b in a


def overlapping(a: str | None, b: str | None) -> bool:
    a0, a1, b0, b1 = period_start(a), period_end(a), period_start(b), period_end(b)
    if None in (a0, a1, b0, b1):
        return False
    return a0 <= b1 and b0 <= a1


def find_conflicts(db: sqlite_utils.Database, where: str = "", params=()) -> list[dict]:
    """Pairs of statistics that conflict: same metric, both levels, compatible subjects,
    overlapping periods, values beyond rounding, different sources."""
    sql = CANDIDATES_SQL + (f" and ({where})" if where else "")
    return [row for row in db.query(sql, params)
            if beyond_rounding(row["a_value"], row["b_value"])
            and compatible_subjects(row["a_subject"], row["b_subject"])
            and overlapping(row["a_period"], row["b_period"])]
