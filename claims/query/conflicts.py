"""Conflicts: two statements of the same series and period, by different sources, whose
values disagree beyond rounding. Defined once, as SQL over a pair of statistics `a` and `b`
with the project's rules as SQL functions (register_functions): `claims check` asks it for
one statistic, `find_conflicts` for the whole corpus, and the site's `conflicting_figures`
canned query is this SQL (plugins/claim_functions.py supplies it through Datasette's
canned_queries hook). Pairs are found through the (series_id, year) index, never by a
self-join on `a.id = ? or b.id = ?`."""
from __future__ import annotations

import json
import sqlite3

import sqlite_utils

from extract.period_value import Period

from .matching import statements
from .rounding import agrees_with_written, rounding_tolerance

# a period of at most a month is the same period as any it overlaps ("March 2022", "31 March 2022")
SAME_PERIOD_DAYS = 31

# the two statistics of a pair, both levels stated with their own period, of one series, each
# a value or "about" one (its interval as written, claims/query/rounding.py), never a bound; never
# salaries: a population's salaries for one period are points of its pay scale (a starting salary, the
# top of the band), not one figure two sources disagree on
PAIR_CONDITIONS = """a.source != b.source and a.unit = b.unit and a.metric != 'salary'
  and a.measure = 'level' and b.measure = 'level'
  and a.value_high is null and b.value_high is null
  and a.comparator in ('=', '~') and b.comparator in ('=', '~')
  and not a.period_from_publication and not b.period_from_publication
  and claims_same_period(a.period, b.period)
  and claims_beyond_rounding(a.value, a.mention, b.value, b.mention, a.unit, a.comparator, b.comparator)"""

CONFLICTS_SQL = f"""select a.metric, a.period as period_a, b.period as period_b, a.subject as subject_a,
       b.subject as subject_b, a.unit, a.value as value_a, a.mention as mention_a, a.source as source_a,
       a.sentence as sentence_a, a.id as statistic_a, b.value as value_b, b.mention as mention_b,
       b.source as source_b, b.sentence as sentence_b, b.id as statistic_b
from statistics a join statistics b on b.series_id = a.series_id and b.year = a.year and a.id < b.id
where a.series_id is not null and {PAIR_CONDITIONS}
order by a.metric, a.period, a.id, b.id"""

# the statistics in conflict with one: its row by primary key, the others by (series_id, year)
CONFLICTS_WITH_SQL = f"""select b.id from statistics a
join statistics b on b.series_id = a.series_id and b.year = a.year and b.id != a.id
where a.id = :statistic_id and {PAIR_CONDITIONS}"""

CANNED_QUERY = {
    "title": "Conflicting figures",
    "description": "Two sources stating different levels of one series for the same period, by more "
                   "than rounding explains (claims/query/conflicts.py).",
    "sql": CONFLICTS_SQL,
}


def beyond_rounding(a_value: float, a_mention: str, b_value: float, b_mention: str, unit: str,
                    a_comparator: str = "=", b_comparator: str = "=") -> bool:
    """Two stated levels that rounding cannot explain ("21%" and "21.3%" agree; "21%" and
    "25%" do not; "around 40%" and "approximately 34%" do not): claims/query/rounding.py."""
    return not agrees_with_written(a_value, rounding_tolerance(a_mention, a_value, unit, a_comparator or "="),
                                   b_mention, b_value, unit, b_comparator or "=")


def overlapping(a: str | None, b: str | None) -> bool:
    first, second = Period.parse(a), Period.parse(b)
    return first is not None and second is not None and first.overlaps(second)


def same_period(a: str | None, b: str | None) -> bool:
    """Two stated periods that are one period for a conflict: they overlap and neither is
    much longer than the other. "31 March 2022" and "March 2022" are one; "2024" and
    "2024-25" are one; "2023" and "March 2023" are not: a level for a year and another for
    a month of it may both be right (staff in post differ from month to month)."""
    first, second = Period.parse(a), Period.parse(b)
    if first is None or second is None or not first.overlaps(second):
        return False
    days = sorted((p.end - p.start).days + 1 for p in (first, second))
    return days[1] <= max(SAME_PERIOD_DAYS, 2 * days[0])


def register_functions(conn: sqlite3.Connection) -> None:
    """The rules PAIR_CONDITIONS calls, on a connection (the library's or Datasette's)."""
    conn.create_function("claims_beyond_rounding", 7,
                         lambda a, a_mention, b, b_mention, unit, a_comparator, b_comparator:
                         None if a is None or b is None
                         else int(beyond_rounding(a, a_mention or "", b, b_mention or "", unit, a_comparator, b_comparator)),
                         deterministic=True)
    conn.create_function("claims_same_period", 2, lambda a, b: int(same_period(a, b)), deterministic=True)


def find_conflicts(db: sqlite_utils.Database) -> list[dict]:
    register_functions(db.conn)
    return list(db.query(CONFLICTS_SQL))


def conflicts_with(db: sqlite_utils.Database, row: dict) -> list[dict]:
    """The statements in conflict with one statement (a record of claims/query/matching.py)."""
    register_functions(db.conn)
    ids = [r[0] for r in db.execute(CONFLICTS_WITH_SQL, {"statistic_id": row["statistic_id"]}).fetchall()]
    if not ids:
        return []
    return statements(db, "s.id in (select value from json_each(:ids))", {"ids": json.dumps(ids)})
