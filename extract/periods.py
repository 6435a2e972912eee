"""Dates in text and the period a figure holds for: explicit dates ("as at 30 September
2020"), fiscal years ("2024-25" is 2024/25), spans ("since 2010" runs to the document's date),
relative phrases ("last year", "three years earlier") resolved against the publication date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .lexicon import alternation, load_lexicon
from .spans import TakenRanges

MONTHS = ("january february march april may june july august september october november "
          "december").split()


def month_number(name: str) -> int:
    return [m[:3] for m in MONTHS].index(name.lower().rstrip(".")[:3]) + 1
# full month names, and their abbreviations ("7 Feb 2023", "8 Sept 2023", "31-Dec-2023")
_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
          r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![a-z]))")
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTH_NAMES = _MONTH.replace("?P<month>", "?:")
_ORD = r"(?:st|nd|rd|th)?"


@dataclass
class DateExpr:
    start: int
    end: int
    kind: str  # point, fiscal, span, since, base, relative, noise
    period: str | None = None  # YYYY, YYYY-MM, YYYY-MM-DD, YYYY/YY, or START..END
    year: int | None = None
    offset_years: int | None = None  # "three years earlier"
    prefix: str | None = None  # the preposition before it: "in 2019", "by 2024/25", "as at ..."
    holds_figure: bool = False  # "over the next three years": its length is a figure too

    @property
    def framed(self) -> bool:
        """A time frame ("in 2019", "as at 30 September 2020"), not a label ("the 2025 uplift")."""
        return self.prefix is not None or self.kind in ("since", "base", "span", "relative")

    @property
    def is_date(self) -> bool:
        return self.kind != "noise"


def _word_number(word: str) -> int | None:
    numbers = load_lexicon("numbers")
    word = word.lower()
    if word in ("a", "an"):
        return 1
    if word.isdigit():
        return int(word)
    return numbers["units_words"].get(word) or numbers["tens_words"].get(word)


def _patterns() -> list[tuple[str, re.Pattern, object]]:
    numbers = load_lexicon("numbers")
    number_word = alternation(list(numbers["units_words"]) + list(numbers["tens_words"]))
    unit = r"(?:years?|months?|weeks?|days?|decades?)"
    after = alternation(numbers["relative_time_after"])
    raw = [
        ("noise", r"https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b", ["http", "www", "@"]),
        ("noise", r"(?<!\d)(?:\+44\s?|0)\d{3,4}\s?\d{3}\s?\d{3,4}(?!\d)"),
        ("noise", r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b\d{1,2}:\d{2}\b"),
        # "between 2020/21 and 2022/23", "from 2020-21 to 2022-23": a span of financial years
        ("fiscal_span", r"\b(?:between|from) (?P<y1>(?:19|20)\d{2})\s?[-–/]\s?(?P<a>\d{2}) (?:and|to|until) "
                        r"(?P<y3>(?:19|20)\d{2})\s?[-–/]\s?(?P<b>\d{2})\b"),
        ("between", rf"\bbetween {_YEAR} and (?P<year2>(?:19|20)\d{{2}})\b"),
        ("fiscal", r"(?<![\d£])(?P<y1>(?:19|20)\d{2})\s?[-–/]\s?(?P<y2>(?:19|20)?\d{2})(?![\d%])"),
        ("fiscal_short", r"(?<![\d/£.])(?P<a>\d{2})/(?P<b>\d{2})(?![\d/%])"),
        ("day_month", rf"\b(?P<day>\d{{1,2}}){_ORD}[ -]{_MONTH}(?:(?:,? |-){_YEAR})?\b"),
        ("month_day", rf"\b{_MONTH} (?P<day>\d{{1,2}}){_ORD}(?:,? {_YEAR})?\b"),
        ("between_months", rf"\bbetween {_MONTH},? {_YEAR} and (?P<month2>January|February|March|April|May|June|July|August|September|October|November|December),? (?P<year2>(?:19|20)\d{{2}})\b"),
        ("month_span", rf"\b(?:from )?{_MONTH},? {_YEAR}\s?(?:[-–]|to|until)\s?(?P<month2>{_MONTH_NAMES}),? (?P<year2>(?:19|20)\d{{2}})\b"),
        ("month_year", rf"\b(?:(?:early|mid|late|end of|the end of) )?{_MONTH},? {_YEAR}\b"),
        ("decade", r"\bthe (?:(?:19)?[0-9]0'?s)\b|\b(?:19|20)[0-9]0s\b"),
        ("year", rf"(?<![\d£$,.])(?:(?:early|mid|late) )?{_YEAR}(?![\d%]|[.,]\d|['’]s\b)(?:s\b)?"),
        ("relative_n", rf"\b(?P<n>\d+|{number_word}|a|an)(?: or (?:\d+|{number_word}))? {unit} (?:{after})\b"),
        ("ahead", rf"\b(?:over|in|within|during|for) the (?:next|coming|following) (?P<n>\d+|{number_word}) years?\b"),
        ("relative", r"\b(?:last|past|this|next|the previous|the following|that) (?:financial )?(?:year|month|week|quarter|spring|summer|autumn|winter)\b",
         ["year", "month", "week", "quarter", "spring", "summer", "autumn", "winter"]),
        ("relative", r"\b(?:yesterday|tomorrow|tonight)\b", ["yesterday", "tomorrow", "tonight"]),
        ("present", r"\b(?:now|currently|today|at present|presently|this morning|this afternoon)\b",
         ["now", "current", "today", "present", "this morning", "this afternoon"]),
    ]
    # what a text must hold for a pattern to be worth a scan: a digit, a month's name, or words
    # (a pattern's own list of words, given after it, comes first)
    needs = {"between": ["between"], "between_months": ["between"], "fiscal_span": "digit",
             "relative_n": ["year", "month", "week", "day", "decade"],
             "ahead": ["next", "coming", "following"]}
    compiled = []
    for kind, p, *own in raw:
        need = own[0] if own else needs.get(kind, "digit")
        if kind in ("day_month", "month_day", "month_span", "month_year"):
            need = "month"
        compiled.append((kind, re.compile(p, re.I if kind in ("relative_n", "relative", "present", "ahead", "decade", "noise") else 0),
                         need))
    return compiled


_COMPILED: list[tuple[str, re.Pattern, object]] | None = None
HAS_DIGIT = re.compile(r"\d")
HAS_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
COUNTED = re.compile(r"\s+(?:more\s+|new\s+|extra\s+|additional\s+|fewer\s+)?(?:"
                     + alternation(load_lexicon("numbers")["count_nouns"]) + r")\b", re.I)
PREFIX = re.compile(r"\b(in|as at|as of|at the end of|at|during|on|since|from|between|by|until|before|after|to|for|ending|of)\s+(?:the\s+)?(?:(?:early|mid|late|end of)\s+)?$", re.I)
SINCE = re.compile(r"(?:\bsince|\bfrom)\s+(?:the end of\s+|the year ending\s+)?$", re.I)
BASE = re.compile(r"(?:compared (?:to|with)|than (?:at|in|on)|relative to|up from|down from|"
                  r"(?:increase|decrease|rise|fall|drop|reduction|up|down) on)\s+(?:the (?:number \w+ )?(?:\w+ )*?in )?(?:the year ending\s+|the end of\s+)?$", re.I)


FIRST_YEAR, LAST_YEAR = 1800, 2100  # a year outside these is not a date


def find_dates(text: str, published: str | None = None) -> list[DateExpr]:
    """Every date-like expression in `text`, left to right, without overlaps."""
    global _COMPILED
    if _COMPILED is None:
        _COMPILED = _patterns()
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    if pub_year is not None and not FIRST_YEAR <= pub_year <= LAST_YEAR:
        pub_year = None  # a hostile or broken publication date ("9999-12-31") dates nothing
    found: list[DateExpr] = []
    taken = TakenRanges()
    has_digit = HAS_DIGIT.search(text) is not None
    has_month = has_digit and HAS_MONTH.search(text) is not None
    lowered = text.lower()
    for kind, pattern, need in _COMPILED:
        if (need == "digit" and not has_digit) or (need == "month" and not has_month) or (
                isinstance(need, list) and not any(word in lowered for word in need)):
            continue
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            expr = _make(kind, m, text, pub_year)
            if expr is None or (expr.year is not None and not FIRST_YEAR <= expr.year <= LAST_YEAR):
                continue  # "over the next 5,000 years" reaches no date a figure holds for
            prefix = PREFIX.search(text[max(0, m.start() - 40):m.start()])
            expr.prefix = prefix.group(1).lower() if prefix else None
            if kind.startswith("relative") and expr.prefix is None:
                expr.prefix = "relative"  # "last year", "a year earlier" frame a figure like "in 2023"
            found.append(expr)
            taken.add(m.start(), m.end())
    found.sort(key=lambda d: d.start)
    return found


def _make(kind: str, m: re.Match, text: str, pub_year: int | None) -> DateExpr | None:
    s, e = m.start(), m.end()
    if kind == "noise":
        return DateExpr(s, e, "noise")
    if kind == "fiscal_span":
        y1, y3 = int(m.group("y1")), int(m.group("y3"))
        first, last = f"{y1}/{m.group('a')}", f"{y3}/{m.group('b')}"
        return DateExpr(s, e, "span", f"{first}..{last}", y3 + 1)
    if kind == "between":
        y1, y2 = int(m.group("year")), int(m.group("year2"))
        return DateExpr(s, e, "span", f"{y1}..{y2}", y2)
    if kind in ("between_months", "month_span"):
        m1 = month_number(m.group("month"))
        m2 = month_number(m.group("month2"))
        y2 = int(m.group("year2"))
        return DateExpr(s, e, "span", f"{m.group('year')}-{m1:02d}..{y2}-{m2:02d}", y2)
    if kind == "fiscal":
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if len(y2s) == 2 and y2 < y1:
            y2 += 100
        if y2 == y1 + 1:
            return DateExpr(s, e, "fiscal", f"{y1}/{y2 % 100:02d}", y2)
        if y2 > y1:
            return DateExpr(s, e, "span", f"{y1}..{y2}", y2)
        return None
    if kind == "fiscal_short":
        a, b = int(m.group("a")), int(m.group("b"))
        if b != (a + 1) % 100:
            return DateExpr(s, e, "noise")  # "24/7": not a figure, not a date either
        y1 = 2000 + a
        return DateExpr(s, e, "fiscal", f"{y1}/{b:02d}", y1 + 1)
    if kind in ("day_month", "month_day"):
        year = m.group("year")
        year = int(year) if year else pub_year
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return None
        month = month_number(m.group("month"))
        if year is None:
            return DateExpr(s, e, "point", None, None)
        return _with_prefix(text, DateExpr(s, e, "point", f"{year:04d}-{month:02d}-{day:02d}", year))
    if kind == "month_year":
        year = int(m.group("year"))
        month = month_number(m.group("month"))
        return _with_prefix(text, DateExpr(s, e, "point", f"{year:04d}-{month:02d}", year))
    if kind == "year":
        year = int(m.group("year"))
        if not m.group().strip()[0].isalpha() and COUNTED.match(text, e) and not PREFIX.search(text[max(0, s - 40):s]):
            return None  # "2000 officers", "2019 staff left": a count, not a year
        return _with_prefix(text, DateExpr(s, e, "point", f"{year}", year))
    if kind == "decade":
        return DateExpr(s, e, "noise")
    if kind == "ahead":
        # "over the next three years": from the writing to three years on
        n = _word_number(m.group("n"))
        if n is None or pub_year is None:
            return DateExpr(s, e, "relative", holds_figure=True)
        return DateExpr(s, e, "span", f"{pub_year}..{pub_year + n}", pub_year + n, holds_figure=True)
    if kind == "present":
        return DateExpr(s, e, "present", offset_years=0)
    if kind == "relative_n":
        n = _word_number(m.group("n"))
        phrase = m.group().lower()
        if n is None:
            return None
        sign = 1 if any(w in phrase for w in (" later", " hence", " on")) else -1
        years = n if "year" in phrase else (n / 12 if "month" in phrase else 0)
        return DateExpr(s, e, "relative", offset_years=int(round(sign * years)))
    if kind == "relative":
        phrase = m.group().lower()
        if pub_year is None:
            return DateExpr(s, e, "relative")
        if phrase in ("last year", "past year") and re.search(r"\bthe\s+$", text[max(0, s - 5):s], re.I):
            # "over the last year": the twelve months to the writing, not the calendar year before
            return DateExpr(s, e, "relative", offset_years=0)
        if phrase.startswith("last") and "year" in phrase or phrase.startswith("the previous year"):
            if "financial" in phrase:
                return DateExpr(s, e, "fiscal", f"{pub_year - 2}/{(pub_year - 1) % 100:02d}", pub_year - 1)
            return _with_prefix(text, DateExpr(s, e, "point", str(pub_year - 1), pub_year - 1))
        if phrase.startswith("next") and "year" in phrase:
            return DateExpr(s, e, "point", str(pub_year + 1), pub_year + 1)
        if "year" in phrase and phrase.startswith("this"):
            if "financial" in phrase:
                return DateExpr(s, e, "fiscal", f"{pub_year - 1}/{pub_year % 100:02d}", pub_year)
            return DateExpr(s, e, "point", str(pub_year), pub_year)
        return DateExpr(s, e, "relative")
    return None


def _with_prefix(text: str, expr: DateExpr) -> DateExpr:
    """Read the words before a date: "since X" starts a span, "compared to X" is a base."""
    before = text[max(0, expr.start - 60):expr.start]
    if SINCE.search(before):
        expr.kind = "since"
    elif BASE.search(before):
        expr.kind = "base"
    return expr


def _granular(anchor: str, like: str) -> str:
    """The anchor date cut to the granularity of `like` (2020-09-30 like 2019 gives 2020)."""
    if "/" in like:
        return anchor[:4]
    return anchor[:len(like)] if len(like) <= len(anchor) else anchor


def span_to(expr: DateExpr, anchor: str | None) -> tuple[str, int]:
    """The period of a change since `expr` up to the anchor date."""
    start = expr.period
    if not anchor or anchor[:4] < start[:4] or anchor[:len(start)] == start:
        return start, expr.year
    end = _granular(anchor, start)
    return f"{start}..{end}", int(end[:4])


def resolve_period(position: int, next_figure: int | None, dates: list[DateExpr],
                   context: tuple[str, int] | None, anchor: str | None,
                   published: str | None, reference: str | None = None, present: bool = False,
                   clause_start: int = 0, first_figure: int = 0) -> tuple[str | None, int | None, bool]:
    """The period a figure at `position` in a sentence holds for.

    Returns (period, year, from_publication). The date between the figure and the next
    figure applies first ("from 14% in 2021 to 21% in 2025"), then the nearest date before it
    in the sentence ("As at 30 September 2020, there were 3,550"), then the context carried
    from earlier sentences, then the publication date, flagged.
    """
    dated = [d for d in dates if d.is_date and (d.period or d.offset_years is not None)]
    limit = next_figure if next_figure is not None else 10 ** 9
    after = [d for d in dated if position <= d.start < limit and d.framed]
    # a date before an earlier figure's clause ("from 38,178 in April 2021 but ... 15.1%") is
    # that figure's, not this one's; a date opening the sentence ("In June 2014, ...") frames all of it
    before = [d for d in dated if d.end <= position and (clause_start <= d.start or d.start < first_figure)]
    chosen = after[0] if after else (before[-1] if before else None)
    if chosen is not None:
        return _period_of(chosen, context, anchor, published, reference)
    # a sentence in the present tense ("The Ministry oversees some 243,000 offenders") speaks
    # of the time of writing, not of the time frame of the sentences before it
    if context and not present:
        return context[0], context[1], False
    if reference:
        # a statistics release's figures stand at its reference date, not its publication
        return reference, period_year(reference), False
    if published:
        return published, int(published[:4]), True
    return None, None, True


def period_year(period: str) -> int:
    """The single year a period refers to: its end for a span, the later calendar year for
    a fiscal year (2024/25 gives 2025)."""
    end = period.split("..")[-1]
    fiscal = re.fullmatch(r"((?:19|20)\d{2})/(\d{2})", end)
    if fiscal:
        return int(fiscal.group(1)) + 1
    return int(end[:4])


_MONTH_END = rf"{_MONTH},? {_YEAR}"
REFERENCE_PATTERNS = [
    # "workforce quarterly: December 2024", "quarter ending September 2022", "as at March 2023"
    ("month_end", re.compile(rf"(?:quarterly|quarter ending|quarter to|year ending|year to|as at|as of|"
                             rf"position at|snapshot at|statistics for|data for)[: ]+(?:the end of )?{_MONTH_END}\b", re.I)),
    # "as at 31 December 2024", "quarter ending 30 June 2023"
    ("day", re.compile(rf"(?:quarterly|quarter ending|year ending|year to|as at|as of)[: ]+(?P<day>\d{{1,2}}){_ORD} {_MONTH_END}\b", re.I)),
    # "covering February 2024 to February 2025"
    ("span", re.compile(rf"\bcovering {_MONTH},? {_YEAR} (?:to|until|and) (?P<month2>{'|'.join(m.title() for m in MONTHS)}),? (?P<year2>(?:19|20)\d{{2}})\b", re.I)),
    # "annual report 2022/23", "annual report and accounts 2022-23"
    ("fiscal", re.compile(r"\bannual (?:report|statistics|digest)(?: and accounts)?:? (?P<y1>(?:19|20)\d{2})\s?[-–/]\s?(?P<y2>\d{2})\b", re.I)),
]


def reference_period(title: str | None, opening: str = "") -> str | None:
    """The period a statistics release or report describes when it says so in its title or
    opening ("workforce quarterly: December 2024" is 2024-12-31, "annual report 2022/23" is
    2022/23, "covering February 2024 to February 2025" is 2024-02..2025-02)."""
    for text in (title or "", opening):
        for kind, pattern in REFERENCE_PATTERNS:
            m = pattern.search(text)
            if not m:
                continue
            month = month_number(m.group("month")) if "month" in m.groupdict() and m.group("month") else None
            if kind == "month_end":
                return period_end(f"{int(m.group('year')):04d}-{month:02d}").isoformat()
            if kind == "day":
                try:
                    return date(int(m.group("year")), month, int(m.group("day"))).isoformat()
                except ValueError:
                    continue
            if kind == "span":
                month2 = month_number(m.group("month2"))
                return f"{m.group('year')}-{month:02d}..{m.group('year2')}-{month2:02d}"
            if kind == "fiscal":
                y1, y2 = int(m.group("y1")), int(m.group("y2"))
                if (y1 + 1) % 100 == y2:
                    return f"{y1}/{y2:02d}"
    return None


def _period_of(expr: DateExpr, context, anchor, published, reference=None):
    if expr.kind == "present":
        now = reference or published
        return (now, period_year(now), reference is None) if now else (None, None, True)
    if expr.offset_years is not None:
        base_year = context[1] if context else (int(published[:4]) if published else None)
        if base_year is None:
            return None, None, True
        year = base_year + expr.offset_years
        return str(year), year, False
    if expr.kind in ("since", "base"):
        end_anchor = anchor or published
        period, year = span_to(expr, end_anchor)
        return period, year, False
    return expr.period, expr.year, False


def point_anchor(dates: list[DateExpr]) -> DateExpr | None:
    """The sentence's reference date ("As at 30 September 2020"), for spans that end there."""
    points = [d for d in dates if d.kind in ("point", "fiscal") and d.period]
    return points[0] if points else None


def period_start(period: str | None) -> date | None:
    """The first day of a period: "2024" is 1 January, "2024/25" 1 April 2024, a span its start."""
    if not period:
        return None
    start = period.split("..")[0]
    fiscal = re.fullmatch(r"((?:19|20)\d{2})/(\d{2})", start)
    try:
        if fiscal:
            return date(int(fiscal.group(1)), 4, 1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", start):
            return date.fromisoformat(start)
        if re.fullmatch(r"\d{4}-\d{2}", start):
            return date(int(start[:4]), int(start[5:]), 1)
        if re.fullmatch(r"\d{4}", start):
            return date(int(start), 1, 1)
    except ValueError:
        return None
    return None


def period_middle(period: str | None) -> date | None:
    """Where a figure sits on a timeline: the middle of its period (mid-year for a year, the
    middle of a span), or its own date."""
    first, last = period_start(period), period_end(period)
    if first is None or last is None:
        return last or first
    return date.fromordinal((first.toordinal() + last.toordinal()) // 2)


def period_end(period: str | None) -> date | None:
    """The date a period ends on, to place a figure on a timeline: "2020-09-30", "2024" (31
    December), "2024-03" (end of March), "2024/25" (the financial year, to 31 March 2025),
    "2019-09-30..2020-09-30" (its end)."""
    if not period:
        return None
    end = period.split("..")[-1]
    fiscal = re.fullmatch(r"((?:19|20)\d{2})/(\d{2})", end)
    try:
        if fiscal:
            return date(int(fiscal.group(1)) + 1, 3, 31)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", end):
            return date.fromisoformat(end)
        if re.fullmatch(r"\d{4}-\d{2}", end):
            year, month = int(end[:4]), int(end[5:])
            return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        if re.fullmatch(r"\d{4}", end):
            return date(int(end), 12, 31)
    except ValueError:
        return None
    return None
