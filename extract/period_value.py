"""The period a figure holds for, as a value: parsed once from the stored strings of the
gold guidelines and formatted once back to them.

    "2024"                    a calendar year
    "2024-03"                 a month
    "2024-03-31"              a day
    "2024/25"                 a financial year, 1 April 2024 to 31 March 2025
    "2019-09-30..2020-09-30"  a span from one of the above to another

Extraction (extract/periods.py, extract/period.py) builds Periods and stores `str(period)`;
claims reads the stored column back with `Period.parse`. Nothing else splits on ".." or "/".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

FISCAL_START_MONTH = 4  # the UK government's financial year runs April to March
_WHEN = re.compile(r"(?P<year>\d{4})(?:/(?P<fiscal>\d{2})|-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


@dataclass(frozen=True)
class When:
    """One date as a text gives it: a day, a month, a calendar year or a financial year."""
    year: int
    month: int | None = None
    day: int | None = None
    fiscal: bool = False  # the financial year starting in April of `year`

    @property
    def precision(self) -> str:
        if self.fiscal:
            return "fiscal_year"
        return "day" if self.day else ("month" if self.month else "year")

    @property
    def first_day(self) -> date:
        if self.fiscal:
            return date(self.year, FISCAL_START_MONTH, 1)
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.fiscal:
            return date(self.year + 1, FISCAL_START_MONTH, 1) - timedelta(days=1)
        if self.day:
            return date(self.year, self.month, self.day)
        if self.month:
            return date(self.year + self.month // 12, self.month % 12 + 1, 1) - timedelta(days=1)
        return date(self.year, 12, 31)

    @property
    def calendar_year(self) -> int:
        """The single year it refers to: a financial year's later calendar year."""
        return self.year + 1 if self.fiscal else self.year

    def cut_to(self, like: When) -> When:
        """This date at the precision of `like` (30 September 2020 like 2019 gives 2020); a
        financial year's precision keeps the calendar year."""
        if like.fiscal or like.precision == "year":
            return When(self.year)
        if like.precision == "month":
            return When(self.year, self.month) if self.month else self
        return self

    def __str__(self) -> str:
        if self.fiscal:
            return f"{self.year:04d}/{(self.year + 1) % 100:02d}"
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, text: str) -> When | None:
        m = _WHEN.fullmatch(text.strip())
        if not m:
            return None
        year = int(m.group("year"))
        if m.group("fiscal"):
            return cls(year, fiscal=True) if int(m.group("fiscal")) == (year + 1) % 100 else None
        month = int(m.group("month")) if m.group("month") else None
        day = int(m.group("day")) if m.group("day") else None
        when = cls(year, month, day)
        try:
            when.first_day  # noqa: B018 - "2024-13", "2024-02-30": not dates
        except ValueError:
            return None
        return when

    @classmethod
    def of_date(cls, day: date) -> When:
        return cls(day.year, day.month, day.day)


@dataclass(frozen=True)
class Period:
    """When a figure holds: one date, or a span from `first` to `last`."""
    first: When
    last: When

    @classmethod
    def single(cls, when: When) -> Period:
        return cls(when, when)

    @classmethod
    def span(cls, first: When, last: When) -> Period:
        return cls(first, last)

    @property
    def is_span(self) -> bool:
        return self.first != self.last

    @property
    def start(self) -> date:
        return self.first.first_day

    @property
    def end(self) -> date:
        return self.last.last_day

    @property
    def middle(self) -> date:
        """Where a figure sits on a timeline: the middle of its period."""
        return date.fromordinal((self.start.toordinal() + self.end.toordinal()) // 2)

    @property
    def precision(self) -> str:
        return self.last.precision

    @property
    def fiscal(self) -> bool:
        return self.first.fiscal or self.last.fiscal

    @property
    def year(self) -> int:
        """The single year the figure refers to: the end of a span, the later calendar year of
        a financial year (2024/25 gives 2025)."""
        return self.last.calendar_year

    def until(self, anchor: Period | None) -> Period:
        """The span from this period to `anchor` (a change "since 2019" up to 30 September
        2020), the anchor cut to this period's precision; itself when the anchor is not later."""
        if anchor is None:
            return self
        if anchor.last.fiscal and self.first.fiscal:
            end = anchor.last  # "since 2021-22", in 2024-25: financial year to financial year
        elif anchor.last.fiscal:
            end = When.of_date(anchor.end).cut_to(self.first)  # a financial year ends in March
        else:
            end = anchor.last.cut_to(self.first)
        if end.last_day <= self.first.last_day:
            return self
        return Period(self.first, end)

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        return str(self.first) if not self.is_span else f"{self.first}..{self.last}"

    @classmethod
    def parse(cls, text: str | None) -> Period | None:
        """The stored string read back ("2024/25", "2010..2026"); None for none or a malformed one."""
        return _parse(text) if text else None


@lru_cache(maxsize=4096)
def _parse(text: str) -> Period | None:
    first_text, _, last_text = text.partition("..")
    first = When.parse(first_text)
    last = When.parse(last_text) if last_text else first
    if first is None or last is None:
        return None
    return Period(first, last)


def year_of(text: str | None) -> int | None:
    period = Period.parse(text)
    return period.year if period else None
