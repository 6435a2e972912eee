"""The project's rules as SQL functions, so a canned query uses the same definition as the
library (claims/conflicts.py) instead of a second one written in SQL."""
from datasette import hookimpl

from claims.conflicts import beyond_rounding, compatible_subjects, overlapping


@hookimpl
def prepare_connection(conn):
    conn.create_function("claims_beyond_rounding", 5,
                         lambda a, a_mention, b, b_mention, unit: None if a is None or b is None
                         else int(beyond_rounding(a, a_mention or "", b, b_mention or "", unit)),
                         deterministic=True)
    conn.create_function("claims_compatible_subjects", 2, lambda a, b: int(compatible_subjects(a, b)),
                         deterministic=True)
    conn.create_function("claims_overlapping", 2, lambda a, b: int(overlapping(a, b)), deterministic=True)
