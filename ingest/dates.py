"""Publication dates as written in documents, read in UK day-month order."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import dateparser

MONTHS = ("January February March April May June July August September "
          "October November December").split()
MONTH_RE = "|".join(MONTHS)
WEEKDAY_RE = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"

# "Thursday, 12 February 2026": the date line Blogger prints above a day's posts
BLOG_DATE_LINE = re.compile(rf"^(?:{WEEKDAY_RE}),? \d{{1,2}} (?:{MONTH_RE}) \d{{4}}\s*$", re.M)
# "Published: 23 April 2021"
PUBLISHED_LINE = re.compile(rf"Published:?\s+(?:on\s+)?(\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTH_RE}),? \d{{4}})")
# a dateline: a line that is only a date, near the top ("4 Oct 2016", "Wednesday 24 July 2024 08:27 BST")
DATELINE = re.compile(rf"^\s*(?:(?:{WEEKDAY_RE}),?\s+)?(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_RE}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?),?\s+\d{{4}})(?:,?\s+\d{{1,2}}[:.]\d{{2}}(?:\s*[A-Z]{{2,4}})?)?\s*$", re.M)

# a document of this field is dated between these years; a date outside them (a PDF made
# "D:99991231", a feed entry of 9999) is a placeholder or a forgery, never a publication date,
# and a year past 9999 could not even be shown as a date
FIRST_YEAR, LAST_YEAR = 1800, 2100


def plausible_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def plausible(iso: str | None) -> str | None:
    """An ISO date (of any precision) when its year is plausible, else None."""
    return iso if iso and iso[:4].isdigit() and plausible_year(int(iso[:4])) else None


_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def published_line_date(text: str) -> str | None:
    """The ISO date of the first "Published: 23 April 2021" in `text`, if any."""
    m = PUBLISHED_LINE.search(text)
    return parse_date(m.group(1)) if m else None


# "Thursday, 12 February 2026", "23 April 2021": read directly; dateparser takes a third of a
# second to warm up and is only needed for the rarer ways of writing a date
_DAY_MONTH_YEAR = re.compile(rf"^(?:(?:{WEEKDAY_RE}),? )?(\d{{1,2}})(?:st|nd|rd|th)? ({MONTH_RE}),? (\d{{4}})$")


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """An ISO date for a written date, or None when it cannot be read."""
    m = _DAY_MONTH_YEAR.match(text.strip())
    if m:
        try:
            return plausible(date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))).isoformat())
        except ValueError:
            return None
    parsed = dateparser.parse(text.strip(), languages=["en"], settings=_SETTINGS)
    return plausible(parsed.date().isoformat()) if parsed else None


_MONTH_YEAR = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)? )?({MONTH_RE}) (\d{{4}})\b")


def latest_date_mentioned(text: str) -> str | None:
    """The latest day or month named in the text ("As of March 2022"), as ISO date or
    year-month: evidence of when an undated document was written, never a publication date."""
    best: tuple[int, int, int] | None = None
    for m in _MONTH_YEAR.finditer(text):
        day = int(m.group(1)) if m.group(1) else 0
        key = (int(m.group(3)), MONTHS.index(m.group(2)) + 1, day)
        if not plausible_year(key[0]):
            continue
        # a date after "by", "to" or "until" is a target or an end, not evidence of the writing date
        before = text[max(0, m.start() - 8):m.start()].lower()
        if re.search(r"(?:\b(?:by|to|until|till|ending|before)\s+|\w[-–]\s*)$", before):
            continue
        if best is None or key > best:
            best = key
    if best is None:
        # no month named: the latest year, as the least precise evidence
        years = [int(m.group(1)) for m in re.finditer(r"(?<![\d£$.,/-])((?:19|20)\d{2})(?![\d%/-])", text)
                 if "by " not in text[max(0, m.start() - 4):m.start()].lower()]
        return str(max(years)) if years else None
    year, month, day = best
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def dateline_date(text: str, lines: int = 6) -> str | None:
    """The ISO date of a "Published 14th May 2014" line or of a line that is only a date,
    among the first lines of a text."""
    head = "\n".join(text.splitlines()[:lines])
    m = PUBLISHED_LINE.search(head) or DATELINE.search(head)
    return parse_date(re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", m.group(1))) if m else None


def read_date(value: str | None) -> str | None:
    """An ISO date from a machine-written timestamp ("2021-04-23T10:00:00+01:00") or, failing
    that, from a date as people write it."""
    if not value or not value.strip():
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
    if m:
        try:
            return plausible(date.fromisoformat(m.group()).isoformat())
        except ValueError:
            return None
    return parse_date(value)


# a year standing alone between separators, never inside a longer number or an id
YEAR_IN_NAME = re.compile(r"(?<![0-9])((?:199|20[0-3])\d)(?![0-9])")


def year_in_name(name: str) -> str | None:
    """The latest year a URL's path or a file's name holds ("/news/2022/05/x",
    "pac-report-2010-2017.txt" -> "2017"); a site's domain does not count."""
    path = re.sub(r"^[a-z]+://[^/]+", "", name)
    years = YEAR_IN_NAME.findall(path)
    return max(years) if years else None
