"""A time limit for one check or trace on the site: a SQLite progress handler on its
connection stops any query past the deadline, and the Python between queries asks
`Deadline.check()`; either way the caller gets TimeLimitExceeded with a message to show."""
from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager

CHECK_SECONDS = 5.0
PROGRESS_STEPS = 1000  # SQLite instructions between two looks at the clock (about 0.1 ms)


class TimeLimitExceeded(Exception):
    def __init__(self, seconds: float):
        super().__init__(f"This took longer than the {seconds:g} seconds a check may take, and was "
                         "stopped. Check fewer figures at a time, or use `claims check` on your own copy.")


class Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() >= self.ends

    def check(self) -> None:
        if self.passed():
            raise TimeLimitExceeded(self.seconds)


@contextmanager
def time_limit(conn: sqlite3.Connection, seconds: float | None = None):
    """Run the body under a deadline (CHECK_SECONDS unless given): SQLite interrupts a query
    past it."""
    seconds = CHECK_SECONDS if seconds is None else seconds
    deadline = Deadline(seconds)
    conn.set_progress_handler(lambda: int(deadline.passed()), PROGRESS_STEPS)
    try:
        yield deadline
    except sqlite3.OperationalError as err:
        if deadline.passed() and "interrupt" in str(err):
            raise TimeLimitExceeded(seconds) from None
        raise
    finally:
        conn.set_progress_handler(None, PROGRESS_STEPS)
