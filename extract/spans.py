"""Character ranges kept sorted, so that asking which of them is near a position costs a
bisection, not a scan of all of them: reading a long passage stays linear in its length and
in its figures."""
from __future__ import annotations

from bisect import bisect_left, bisect_right


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


LIST_BEFORE = 8  # dates before a figure's date that a list ending in it may hold


class OrderedDates:
    """The dates of a sentence (extract/periods.py's DateExpr: `start`, `end`, `framed`; they
    never overlap), sorted by start and found by bisection: each figure of a sentence asks for
    the few near it instead of scanning all of them."""

    def __init__(self, items):
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def enclosing(self, position: int):
        """The item that holds `position`, or None."""
        i = bisect_right(self.starts, position) - 1
        return self.items[i] if i >= 0 and position < self.items[i].end else None

    def near(self, position: int, limit: int | None, clause_start: int, first_figure: int) -> list:
        """The items a figure at `position` can take its period from: those between it and
        `limit` (the next figure), the last that ends before it in its clause
        (from `clause_start`) and the last that ends before the sentence's first figure."""
        i = bisect_left(self.starts, position)
        j = len(self.items) if limit is None else bisect_left(self.starts, limit)
        chosen = self.items[i:j]  # each lies between one figure and the next: linear in all
        for floor, below in ((clause_start, position), (None, first_figure)):
            j = bisect_left(self.starts, below) - 1
            while j >= 0 and (floor is None or self.starts[j] >= floor):
                if self.items[j].end <= position:
                    # with the dates just before it: it may end a list of them ("in 2019, 2020
                    # and 2021") that is read as one
                    chosen += self.items[max(0, j - LIST_BEFORE):j + 1]
                    break
                j -= 1
        unique = {id(item): item for item in chosen}
        return sorted(unique.values(), key=lambda item: item.start)


def overlaps_sorted(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of `ranges`, which are in order and do not overlap
    (the tokens of a clause): a bisection, not a scan."""
    i = bisect_left(ranges, (end,)) - 1
    return i >= 0 and ranges[i][1] > start
