"""Character ranges already taken by a reading of a text, kept sorted so that asking whether a
new match overlaps one costs a bisection, not a scan of all of them: reading a long passage
stays linear in its length."""
from __future__ import annotations

from bisect import bisect_left


class TakenRanges:
    def __init__(self, ranges=()):
        self._starts: list[int] = []
        self._ends: list[int] = []  # parallel to _starts
        self._longest = 0
        for start, end in ranges:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a taken range; ranges may nest, so the look-back runs
        as far as the longest range could reach."""
        i = bisect_left(self._starts, end)
        for j in range(i - 1, -1, -1):
            if self._ends[j] > start:
                return True
            if self._starts[j] + self._longest <= start:
                return False
        return False
