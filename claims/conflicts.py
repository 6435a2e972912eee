"""Conflicts: two sources stating different levels of the same metric, for compatible subjects
and overlapping periods, by more than rounding explains. One definition, used by `claims
check`, the site's canned query and its tests."""
from __future__ import annotations

import sqlite_utils

from extract.period_value import Period

from .rounding import agrees_with_written, rounding_tolerance

CANDIDATES_SQL = """
select a.id as a_id, b.id as b_id, a.metric, a.unit, a.value as a_value, b.value as b_value,
       a.mention as a_mention, b.mention as b_mention,
       a.period as a_period, b.period as b_period, a.subject as a_subject, b.subject as b_subject,
       a.source as a_source, b.source as b_source, a.sentence as a_sentence, b.sentence as b_sentence
from statistics a join statistics b
  on a.metric = b.metric and a.unit = b.unit and a.year = b.year and a.id < b.id
 and a.source != b.source
where a.measure = 'level' and b.measure = 'level' and a.metric not in ('other', 'duration')
  and a.value_high is null and b.value_high is null and a.comparator = '=' and b.comparator = '='
  and not a.period_from_publication and not b.period_from_publication
"""


def beyond_rounding(a_value: float, a_mention: str, b_value: float, b_mention: str, unit: str) -> bool:
    """Two stated levels that rounding cannot explain ("21%" and "21.3%" agree; "21%" and
    "25%" do not): claims/rounding.py."""
    return not agrees_with_written(a_value, rounding_tolerance(a_mention, a_value, unit), b_mention, b_value, unit)


def compatible_subjects(a: str | None, b: str | None) -> bool:
    """Subjects that can be the same thing: one is unknown, or one names the other ("band 4
    probation officers" and "probation officers")."""
    if not a or not b:
        return True
    a, b = a.lower(), b.lower()
    return a in b or b in a


def overlapping(a: str | None, b: str | None) -> bool:
    first, second = Period.parse(a), Period.parse(b)
    return first is not None and second is not None and first.overlaps(second)


def find_conflicts(db: sqlite_utils.Database, where: str = "", params=()) -> list[dict]:
    """Pairs of statistics that conflict: same metric, both levels, compatible subjects,
    overlapping periods, values beyond rounding, different sources."""
    sql = CANDIDATES_SQL + (f" and ({where})" if where else "")
    return [row for row in db.query(sql, params)
            if beyond_rounding(row["a_value"], row["a_mention"], row["b_value"], row["b_mention"], row["unit"])
            and compatible_subjects(row["a_subject"], row["b_subject"])
            and overlapping(row["a_period"], row["b_period"])]
