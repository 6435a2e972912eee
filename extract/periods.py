"""The date grammar: every date-like expression in a text, read into a typed Period
(extract/period_value.py): explicit dates ("as at 30 September 2020"), fiscal years
("2024-25" is 2024/25), spans ("between 2019 and 2022"), "since X" and "compared to X",
relative phrases ("last year", "three years earlier", "June last year") against the
publication year, quarters ("Q3 2023/24", "the first quarter of this year"), "FY23", twelve
months to a date ("the year to 30 September 2020"), ranges of months ("April-June 2023"), a
multi-year pay deal's term ("the three-year offer"), and the reference period a statistics
release names in its title. Which date a figure takes is
decided in extract/period.py, from these."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from .lexicon import alternation, load_lexicon
from .period_value import FISCAL_START_MONTH, Period, When
from .spans import TakenRanges

MONTHS = ("january february march april may june july august september october november "
          "december").split()


SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


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
    kind: str  # point, fiscal, span, since, base, relative, present, noise
    period: Period | None = None
    offset_years: int | None = None  # "three years earlier"
    from_writing: bool = False  # "this year", "last year": read from the writing, not stated
    bracketed: bool = False  # "(May 2021)": a bracket holding only the date
    prefix: str | None = None  # the preposition before it: "in 2019", "by 2024/25", "as at ..."
    holds_figure: bool = False  # "over the next three years": its length is a figure too
    term: bool = False  # "the three-year offer": its length is a figure too, dated by the writing
    # "the past five years", "over the last 12 months": a span of this many months running up to
    # the writing, or to the sentence's date or the release's reference period (period.py)
    trailing_months: int | None = None
    offset_months: int | None = None  # "the previous quarter": three months before the time spoken of
    quarter: tuple[int, int, bool] | None = None  # "2008-09 Q1": (year, quarter, financial), for "Q2" after it
    label: bool = False  # a table row's label ("2008-09 Q1 5,831 Q2 5,937"): it dates the values after it only

    @property
    def framed(self) -> bool:
        """A time frame ("in 2019", "as at 30 September 2020"), not a label ("the 2025 uplift")."""
        return self.prefix is not None or self.bracketed or self.kind in ("since", "base", "span", "relative", "previous", "ago",
                                                                          "anaphoric")

    @property
    def is_date(self) -> bool:
        return self.kind != "noise"

    @property
    def year(self) -> int | None:
        return self.period.year if self.period else None


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
        # "Q3 2023/24" is October to December 2023 (the third quarter of a financial year), "Q3
        # 2023" and "2023 Q3" July to September; "the first quarter of this year"
        ("quarter_code", r"\bQ(?P<q>[1-4])\s?(?P<y1>(?:19|20)\d{2})(?:\s?[-–/]\s?(?P<y2>\d{2}))?(?![\d%])"
                         # "2003-04 Q1", a table's row label: the first quarter of that financial year
                         r"|\b(?P<y3>(?:19|20)\d{2})\s?[-–/]\s?(?P<y4>\d{2})\s?Q(?P<q3>[1-4])\b"
                         r"|\b(?P<y0>(?:19|20)\d{2})\s?Q(?P<q0>[1-4])\b", ["q"]),
        # "at the end of Quarter 2 2009/2010", "the close of quarter four 09/10", "Quarter 1 2005"
        ("quarter_named", r"\bquarter (?P<q>[1-4]|one|two|three|four) (?:of )?(?:(?P<y1>(?:19|20)\d{2})"
                          r"(?:\s?[-–/]\s?(?P<y2>(?:19|20)?\d{2}))?|(?P<a>\d{2})/(?P<b>\d{2}))(?![\d%/])", ["quarter"]),
        ("quarter_words", r"\b(?P<ord>first|second|third|fourth|final|last) quarter of (?:the )?(?:(?P<y1>(?:19|20)\d{2})"
                          r"(?:\s?[-–/]\s?(?P<y2>\d{2}))?|(?P<rel>this|last) (?P<fin>financial )?year)\b", ["quarter"]),
        # "FY2023/24", "FY 2023-24": that financial year; "FY23", "FY2023": the one ending in it
        ("fy", r"\bFY\s?(?P<a>(?:19|20)\d{2}|\d{2})(?:\s?[-–/]\s?(?P<b>(?:19|20)?\d{2}))?(?![\d%])", ["fy"]),
        # "between 2020/21 and 2022/23", "from 2020-21 to 2022-23": a span of financial years
        ("fiscal_span", r"\b(?i:between|from) (?P<y1>(?:19|20)\d{2})\s?[-–/]\s?(?P<a>\d{2}) (?:and|to|until) "
                        r"(?P<y3>(?:19|20)\d{2})\s?[-–/]\s?(?P<b>\d{2})\b"),
        # GOV.UK's style: "financial year 2022 to 2023" is 2022/23, "calendar year 2023" is 2023
        ("year_words", rf"\b(?:(?i:financial|fiscal) (?i:year) (?P<y1>(?:19|20)\d{{2}}) (?:to|-|–) (?P<y2>(?:19|20)\d{{2}})"
                       rf"|(?i:calendar) (?i:year) {_YEAR})\b"),
        ("between", rf"\b(?i:between) {_YEAR} and (?P<year2>(?:19|20)\d{{2}})\b"),
        ("fiscal", r"(?<![\d£])(?P<y1>(?:19|20)\d{2})\s?[-–/]\s?(?P<y2>(?:19|20)?\d{1,2})(?![\d%])"),
        ("fiscal_short", r"(?<![\d/£.])(?P<a>\d{2})/(?P<b>\d{2})(?![\d/%])"),
        # "the year to 30 September 2020", "the 12 months ending June 2023", "the financial year
        # ended March 2023": the twelve months up to that date (to March: a financial year)
        ("year_to", rf"\b(?:(?i:the) )?(?:(?i:financial|calendar) )?(?:(?i:year)|(?:12|(?i:twelve)) (?i:months)) "
                    rf"(?i:to|ending|ended)(?: on)? (?:(?P<day>\d{{1,2}}){_ORD} )?{_MONTH},? {_YEAR}\b"),
        # "July 21 - June 22", a table's twelve months from July 2021 (months and two-digit years;
        # read as days only when no year follows them as a year would)
        ("month_yy_span", rf"\b(?P<m1>{_MONTH_NAMES}) (?P<a>\d{{2}})\s?(?:[-–]|to)\s?(?P<m2>{_MONTH_NAMES}) (?P<b>\d{{2}})\b(?![,:]?\s?(?:19|20)\d{{2}})"),
        # "Jun-23", "Sept '22": a month and a two-digit year, as spreadsheet tables write them
        ("month_yy", rf"(?<![\d-])\b{_MONTH}[-'’](?P<yy>\d{{2}})\b(?![-/\d])"),
        ("day_month", rf"\b(?P<day>\d{{1,2}}){_ORD}[ -]{_MONTH}(?:(?:,? |-){_YEAR})?\b"),
        ("month_day", rf"\b{_MONTH} (?P<day>\d{{1,2}}){_ORD}(?:,? {_YEAR})?\b"),
        ("between_months", rf"\b(?i:between) {_MONTH},? {_YEAR} and (?P<month2>January|February|March|April|May|June|July|August|September|October|November|December),? (?P<year2>(?:19|20)\d{{2}})\b"),
        ("month_span", rf"\b(?:from )?{_MONTH},? {_YEAR}\s?(?:[-–]|to|until)\s?(?P<month2>{_MONTH_NAMES}),? (?P<year2>(?:19|20)\d{{2}})\b"),
        # "April-June 2023", "between April and June 2023", "from April to June 2023": months of one year
        ("month_range", rf"\b(?:(?i:between) {_MONTH} and |(?:(?i:from) )?{_MONTH}\s?(?:[-–]|to|until)\s?)"
                        rf"(?P<month2>{_MONTH_NAMES}),? {_YEAR}\b".replace("(?P<month>", "(?P<m1>", 1)),
        # "in autumn 2022", "Spring of 2021": the season's three months; "winter 2024-25" is left
        # to the fiscal pattern before it
        ("season", rf"\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)(?: of)? {_YEAR}(?![-–/]?\d)"),
        ("month_year", rf"\b(?:(?:early|mid|late|end of|the end of) )?{_MONTH},? {_YEAR}\b"),
        # "in June last year", "by March next year", "in February this year": a month of a year
        # counted from the writing
        ("month_relative", rf"\b{_MONTH}(?: of)? (?P<which>last|this|next) year\b"),
        # "inspections in November": a month without its year ("November and December 2019" shares one)
        ("month_alone", rf"\b(?i:in|since|during|from|until|by|last|this|early|mid|late|the end of|to|ending|as at|as of) {_MONTH}\b(?![^.;]{{0,25}}\b(?:19|20)\d{{2}}\b)"),
        ("decade", r"\bthe (?:(?:19)?[0-9]0'?s)\b|\b(?:19|20)[0-9]0s\b"),
        ("year", rf"(?<![\d£$,.])(?:(?:early|mid|late) )?{_YEAR}(?![\d%]|[.,]\d|['’]s\b)(?:s\b)?"),
        # "up 9% on the same quarter last year", "this time last year": a year before the time the
        # sentence speaks of, not the year before the writing
        ("same_last_year", r"\b(?:the same (?:quarter|period|month|point|time|date|week)(?: of| in)? (?:last year|a year (?:earlier|before|ago)"
                           r"|the (?:previous|preceding) year)|this time last year)\b", ["same", "this time"]),
        # "(previous year: 1,050)", "prior year: £42m": a table's or bracket's label of the earlier value
        ("previous_label", r"\b(?:previous|prior|preceding) (?:financial )?year(?=\s*:)", ["year"]),
        # "compared with 260 in the previous quarter": the quarter before the time spoken of
        ("previous_quarter", r"\b(?:the )?(?:previous|preceding|last) quarter\b", ["quarter"]),
        # "compared to 2,400 in the previous 12 months", "the preceding two years": the span just
        # before the time the sentence speaks of, ending a year before it
        ("previous_span", rf"\bthe (?:previous|preceding|prior) (?P<n>\d+|{number_word}) (?P<unit>years|months)\b",
         ["previous", "preceding", "prior"]),
        ("relative_n", rf"\b(?P<n>\d+|{number_word}|a|an)(?: or (?:\d+|{number_word}))? {unit} (?:{after})\b"),
        # "over the past five years", "in the last 12 months", "in each of the last three years": a
        # span running up to the writing (or the time the sentence or release speaks of)
        ("trailing", rf"\b(?:the )?(?:past|last) (?P<n>\d+|{number_word}) (?P<unit>years|months)\b", ["past", "last"]),
        ("ahead", rf"\b(?:over|in|within|during|for) the (?:next|coming|following) (?P<n>\d+|{number_word}) years?\b"),
        # "at the end of the three-year period of the offer", "over the two years of the deal": a
        # multi-year pay deal runs from the writing; its length stays a figure of the writing
        ("term", rf"\b(?P<n>\d+|{number_word})[- ]years?(?: period of the)?(?: pay)? (?:offer|deal|award|settlement|agreement)\b"
                 rf"|\b(?P<n2>\d+|{number_word}) years of the(?: pay)? (?:offer|deal|award|settlement|agreement)\b"),
        # "On the same date there were 312 vacancies", "at that time", "over the same period", "by
        # then": the date stated last before it, in this passage or an earlier one (period.py)
        ("anaphoric", r"\b(?:(?:on|at|as at|as of|by|in|over|during|for|across|within) (?:the same (?:date|day|point|period|"
                      r"quarter|month|year|(?:12|twelve) months)|that (?:date|day|time|point|stage|year|quarter|month))\b"
                      # a written answer's "At this time, there were 347 vacancies" (not "at this time of year")
                      r"|\bat this (?:time|date)\b(?! of\b)|\bby then\b|(?<!since )\bthat year\b)",
                      # the words each reading needs ("that" alone is in most passages)
                      ["the same ", "that da", "that ti", "that po", "that st", "that ye", "that qu", "that mo",
                       "this time", "this date", "by then"]),
        # "in the latest quarter", "this quarter": a statistics bulletin's own reference period
        ("present", r"\b(?:this|the latest|the most recent|the current|the latest available) quarter\b", ["quarter"]),
        ("relative", r"\b(?:last|past|this|next|the previous|the following|that) (?:financial )?(?:year|month|week|quarter|spring|summer|autumn|winter)\b",
         ["year", "month", "week", "quarter", "spring", "summer", "autumn", "winter"]),
        ("relative", r"\b(?:yesterday|tomorrow|tonight)\b", ["yesterday", "tomorrow", "tonight"]),
        # "since then", "since that time": since the time the text was speaking of (period.py)
        # "has since risen to 4,540": since the date stated before it
        ("since_then", r"\bsince (?:then|that (?:time|date|point))\b|(?:(?<=\bhas )|(?<=\bhave )|(?<=\bhad ))since\b"
                       r"(?!\s+(?:the|a|an|its|their|his|her|\d))", ["since"]),
        # "up from 30 the year before": a year before the time the sentence speaks of
        ("relative", r"\bthe (?:financial )?year (?:before|earlier)\b(?! last)", ["year"]),
        ("present", r"\b(?:now|currently|today|at present|presently|this morning|this afternoon)\b",
         ["now", "current", "today", "present", "this morning", "this afternoon"]),
    ]
    # what a text must hold for a pattern to be worth a scan: a digit, a month's name, or words
    # (a pattern's own list of words, given after it, comes first)
    needs = {"between": ["between"], "between_months": ["between"], "fiscal_span": "digit",
             "relative_n": ["year", "month", "week", "day", "decade"],
             "ahead": ["next", "coming", "following"],
             "term": ["offer", "deal", "award", "settlement", "agreement"]}
    compiled = []
    for kind, p, *own in raw:
        need = own[0] if own else needs.get(kind, "digit")
        if kind in ("day_month", "month_day", "month_span", "month_year", "year_to", "month_range", "month_yy_span",
                    "month_yy"):
            need = "month"
        if kind in ("month_alone", "month_relative"):
            need = "month_name"
        compiled.append((kind, re.compile(p, re.I if kind in ("relative_n", "relative", "present", "ahead", "term", "decade",
                                                              "noise", "quarter_words", "since_then", "quarter_named",
                                                              "same_last_year", "previous_quarter", "previous_span",
                                                              "previous_label",
                                                              "trailing", "anaphoric") else 0),
                         need))
    return compiled


_COMPILED: list[tuple[str, re.Pattern, object]] | None = None
HAS_DIGIT = re.compile(r"\d")
HAS_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
COUNTED = re.compile(r"\s+(?:more\s+|new\s+|extra\s+|additional\s+|fewer\s+)?(?:"
                     + alternation(load_lexicon("numbers")["count_nouns"]) + r")\b", re.I)
PREFIX = re.compile(r"\b(in|as at|as of|at the end of|at|during|on|since|from|between|by|until|before|after|to|for|ending|of)\s+(?:the\s+)?(?:(?:early|mid|late|end of)\s+)?$", re.I)
# "effective from 1 April 2023", "with effect from": when a rate starts, not a span since then
SINCE = re.compile(r"(?:\bsince|(?<!effective )(?<!effect )(?<!backdated )(?<!payable )\bfrom)\s+(?:the end of\s+|the year ending\s+)?$"
                   # "since the reforms of 2021", "since it returned to public ownership in 2021"
                   r"|\bsince\s+(?:the|its|their|it|they)\b[^.,;:()\d]{0,50}?\b(?:of|in)\s+$", re.I)
BASE = re.compile(r"(?:compared (?:to|with)|than (?:at|in|on)|relative to|up from|down from|"
                  r"(?:increase|decrease|rise|fall|drop|reduction|up|down) on)\s+(?:the (?:number \w+ )?(?:\w+ )*?in )?(?:the year ending\s+|the end of\s+)?$", re.I)


# before a month without its year: a time already reached at the writing
PAST_REFERENCE = re.compile(r"\b(?:since|to|ending|as at|as of|the end of|last)\s*$", re.I)
MAX_TERM_YEARS = 5  # a pay deal of more years than this is no deal a figure is dated by
TERM_FRAMED = re.compile(r"\b(?:at|by) the end of (?:the )?$|\b(?:over|during|across|throughout|of|in|for) (?:the|this|its)\s+$", re.I)
TERM_END = re.compile(r"\b(?:at|by) the end of (?:the )?$", re.I)
ATTRIBUTIVE_BEFORE = re.compile(r"\bthe\s+$", re.I)
# a noun after the date, other than one that makes it a time ("the 2022/23 financial year")
ATTRIBUTIVE_AFTER = re.compile(r"\s+(?!(?:financial|calendar|fiscal|academic|reporting|pay year|year|years|quarter|period|"
                               r"month|winter|summer|spring|autumn|to|and|or|until)\b)[A-Za-z]")
MONTHS_AWAY = 6  # a month named alone is its nearest occurrence to the writing
FIRST_YEAR, LAST_YEAR = 1800, 2100  # a year outside these is not a date


def find_dates(text: str, published: str | None = None) -> list[DateExpr]:
    """Every date-like expression in `text`, left to right, without overlaps."""
    global _COMPILED
    if _COMPILED is None:
        _COMPILED = _patterns()
    writing = Period.parse(published)
    pub_year = writing.first.year if writing else None
    if pub_year is not None and not FIRST_YEAR <= pub_year <= LAST_YEAR:
        writing, pub_year = None, None  # a hostile or broken publication date ("9999-12-31") dates nothing
    found: list[DateExpr] = []
    taken = TakenRanges()
    has_digit = HAS_DIGIT.search(text) is not None
    has_month_name = HAS_MONTH.search(text) is not None
    has_month = has_digit and has_month_name
    lowered = text.lower()
    for kind, pattern, need in _COMPILED:
        if (need == "digit" and not has_digit) or (need == "month" and not has_month) or (
                need == "month_name" and not has_month_name) or (
                isinstance(need, list) and not any(word in lowered for word in need)):
            continue
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            expr = _make(kind, m, text, pub_year, writing) if kind != "month_alone" else _month_alone(m, text, writing)
            if expr is None or (expr.year is not None and not FIRST_YEAR <= expr.year <= LAST_YEAR):
                continue  # "over the next 5,000 years" reaches no date a figure holds for
            prefix = PREFIX.search(text[max(0, expr.start - 40):expr.start])
            expr.prefix = prefix.group(1).lower() if prefix else None
            if expr.prefix and kind in ("year", "fiscal", "month_year") and ATTRIBUTIVE_BEFORE.search(
                    text, max(0, expr.start - 6), expr.start) and ATTRIBUTIVE_AFTER.match(text, expr.end):
                # "part of the 2018 pay deal", "to the 2020 spending review": the date names a
                # thing, it is no time frame of the sentence
                expr.prefix = None
            if kind.startswith(("relative", "month_relative", "term")) and expr.prefix is None:
                expr.prefix = "relative"  # "last year", "a year earlier" frame a figure like "in 2023"
            found.append(expr)
            taken.add(m.start(), m.end())
    found.sort(key=lambda d: d.start)
    if "months" in text:
        found = [_twelve_months_to(text, d) for d in found]
    if "Q" in text or "uarter" in text:
        continue_quarters(text, found)
    return found


# "the 12 months to the close of Quarter 1 2005/2006", "the twelve months ending Q2 2023": the
# year up to a date of any form (year_to reads those to a month and year)
TWELVE_MONTHS_TO = re.compile(r"\b(?:the )?(?:12|twelve) months (?:to|ending|ended|up to)(?: (?:the )?(?:end|close) of)? $", re.I)


def _twelve_months_to(text: str, date: DateExpr) -> DateExpr:
    """The date with the words "the 12 months to" before it taken in: the twelve months up to its
    end, and "12 months" no figure of its own."""
    m = TWELVE_MONTHS_TO.search(text, max(0, date.start - 50), date.start)
    if m is None or date.period is None or date.kind not in ("point", "span", "fiscal") or date.quarter is None \
            and date.kind != "point":
        return date
    end = date.period.last if not date.period.last.fiscal else When.of_date(date.period.end)
    first = shift_month(When(end.year, end.month) if end.month else end, -11)
    return DateExpr(m.start(), date.end, "point", Period(first, end), prefix=date.prefix or "to")


def _make(kind: str, m: re.Match, text: str, pub_year: int | None, writing: Period | None = None) -> DateExpr | None:
    s, e = m.start(), m.end()
    if kind == "noise":
        return DateExpr(s, e, "noise")
    if kind == "since_then":
        return DateExpr(s, e, "since_then", prefix="since")  # its period is the frame's, in period.py
    if kind == "quarter_code":
        q = int(m.group("q") or m.group("q0") or m.group("q3"))
        y1 = int(m.group("y1") or m.group("y0") or m.group("y3"))
        y2 = m.group("y2") or m.group("y4")
        if y2 is not None:
            if (y1 + 1) % 100 != int(y2):
                return None
            return DateExpr(s, e, "span", quarter(y1, q, fiscal=True), quarter=(y1, q, True),
                            label=m.group("y3") is not None)
        return DateExpr(s, e, "span", quarter(y1, q, fiscal=False), quarter=(y1, q, False))
    if kind == "quarter_named":
        q = QUARTER_NUMBERS.get(m.group("q").lower()) or int(m.group("q"))
        if m.group("a"):
            y1, fiscal = 2000 + int(m.group("a")), True
            if int(m.group("b")) != (y1 + 1) % 100:
                return None
        else:
            y1, y2 = int(m.group("y1")), m.group("y2")
            fiscal = y2 is not None
            if fiscal and int(y2) % 100 != (y1 + 1) % 100:
                return None
        return _with_prefix(text, DateExpr(s, e, "span", quarter(y1, q, fiscal), quarter=(y1, q, fiscal)))
    if kind == "month_yy_span":
        first = When(_two_digit_year(m.group("a")), month_number(m.group("m1")))
        last = When(_two_digit_year(m.group("b")), month_number(m.group("m2")))
        if (last.year - first.year) * 12 + last.month - first.month != 11:
            return None  # "March 3 - April 4": days, not twelve months
        return _with_prefix(text, DateExpr(s, e, "span", Period(first, last)))
    if kind == "month_yy":
        when = When(_two_digit_year(m.group("yy")), month_number(m.group("month")))
        return _with_prefix(text, DateExpr(s, e, "point", Period.single(when)))
    if kind == "previous_label":
        return DateExpr(s, e, "previous", offset_years=-1, label=True)  # it dates the value after it
    if kind == "same_last_year":
        return DateExpr(s, e, "previous", offset_years=-1)
    if kind == "previous_quarter":
        if COMPARED_TO.search(text, max(0, s - 30), s):
            # "down 108 since last quarter", "compared to the previous quarter": a change that runs
            # from that quarter up to the time spoken of, dated there
            return DateExpr(s, e, "relative")
        return DateExpr(s, e, "previous", offset_years=0, offset_months=-3)
    if kind == "previous_span":
        n = _word_number(m.group("n"))
        if n is None:
            return None
        years = n if m.group("unit").lower() == "years" else round(n / 12)
        return DateExpr(s, e, "previous", offset_years=-1 if years else 0)
    if kind == "trailing":
        n = _word_number(m.group("n"))
        if n is None or n <= 0:
            return None
        months = n * 12 if m.group("unit").lower() == "years" else n
        if pub_year is None:
            return DateExpr(s, e, "relative", holds_figure=True, trailing_months=months)
        return DateExpr(s, e, "span", trailing(writing, months), holds_figure=True, from_writing=True,
                        trailing_months=months)
    if kind == "anaphoric":
        return DateExpr(s, e, "anaphoric")  # its period is the date stated before it (period.py)
    if kind == "quarter_words":
        q = QUARTER_ORDINALS[m.group("ord").lower()]
        if m.group("y1"):
            y1 = int(m.group("y1"))
            fiscal = m.group("y2") is not None
            if fiscal and (y1 + 1) % 100 != int(m.group("y2")):
                return None
            return _with_prefix(text, DateExpr(s, e, "span", quarter(y1, q, fiscal)))
        if pub_year is None:
            return DateExpr(s, e, "relative")
        fiscal = m.group("fin") is not None
        year = pub_year - (m.group("rel").lower() == "last")
        # "this financial year", written in February 2024, is 2023/24; in May 2024, 2024/25
        if fiscal:
            year = current_fiscal(writing) - (m.group("rel").lower() == "last")
        return DateExpr(s, e, "span", quarter(year, q, fiscal), from_writing=True)
    if kind == "fy":
        a = int(m.group("a")) % 100 + 2000 if len(m.group("a")) == 2 else int(m.group("a"))
        b = m.group("b")
        if b is not None:
            if (a + 1) % 100 != int(b) % 100:
                return None
            return _with_prefix(text, DateExpr(s, e, "fiscal", Period.single(When(a, fiscal=True))))
        return _with_prefix(text, DateExpr(s, e, "fiscal", Period.single(When(a - 1, fiscal=True))))
    if kind == "fiscal_span":
        first, last = When(int(m.group("y1")), fiscal=True), When(int(m.group("y3")), fiscal=True)
        return DateExpr(s, e, "span", Period(first, last))
    if kind == "year_words":
        if m.group("y1"):
            y1 = int(m.group("y1"))
            if int(m.group("y2")) != y1 + 1:
                return None
            return _with_prefix(text, DateExpr(s, e, "fiscal", Period.single(When(y1, fiscal=True))))
        return _with_prefix(text, DateExpr(s, e, "point", Period.single(When(int(m.group("year"))))))
    if kind == "between":
        return DateExpr(s, e, "span", Period(When(int(m.group("year"))), When(int(m.group("year2")))))
    if kind in ("between_months", "month_span"):
        first = When(int(m.group("year")), month_number(m.group("month")))
        last = When(int(m.group("year2")), month_number(m.group("month2")))
        return DateExpr(s, e, "span", Period(first, last))
    if kind == "fiscal":
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        if len(y2s) == 1:
            # "2024-5": the financial year 2024/25, never a span of years
            return (_with_prefix(text, DateExpr(s, e, "fiscal", Period.single(When(y1, fiscal=True))))
                    if (y1 + 1) % 10 == int(y2s) else None)
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if len(y2s) == 2 and y2 < y1:
            y2 += 100
        if y2 == y1 + 1:
            return _with_prefix(text, DateExpr(s, e, "fiscal", Period.single(When(y1, fiscal=True))))
        if y2 > y1:
            return DateExpr(s, e, "span", Period(When(y1), When(y2)))
        return None
    if kind == "fiscal_short":
        a, b = int(m.group("a")), int(m.group("b"))
        if b != (a + 1) % 100:
            return DateExpr(s, e, "noise")  # "24/7": not a figure, not a date either
        return _with_prefix(text, DateExpr(s, e, "fiscal", Period.single(When(2000 + a, fiscal=True))))
    if kind in ("day_month", "month_day"):
        year = m.group("year")
        month = month_number(m.group("month"))
        year = int(year) if year else _year_of_month(month, text[max(0, s - 20):s], writing, pub_year)
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return None
        if year is None:
            return DateExpr(s, e, "point")
        when = When.parse(f"{year:04d}-{month:02d}-{day:02d}") or When(year, month)  # "31 June": the month
        return _with_prefix(text, DateExpr(s, e, "point", Period.single(when)))
    if kind == "year_to":
        year, month = int(m.group("year")), month_number(m.group("month"))
        day = int(m.group("day")) if m.group("day") else None
        if month == 3 and day in (None, 31):
            return _with_prefix(text, DateExpr(s, e, "fiscal", Period.single(When(year - 1, fiscal=True))))
        end = When.parse(f"{year:04d}-{month:02d}-{day:02d}") if day else When(year, month)
        if end is None:
            return None
        if day:
            first = When.of_date(end.last_day.replace(year=year - 1) + timedelta(days=1)) \
                if (month, day) != (2, 29) else When(year - 1, 3, 1)
        else:
            first = When(year - (month < 12), month % 12 + 1)
        # a point in the grammar's kinds: the time a figure holds at, here twelve months long
        return _with_prefix(text, DateExpr(s, e, "point", Period(first, end)))
    if kind == "month_range":
        year = int(m.group("year"))
        first_month = month_number(m.group("m1") or m.group("month"))
        last_month = month_number(m.group("month2"))
        first = When(year - (first_month > last_month), first_month)
        return _with_prefix(text, DateExpr(s, e, "span", Period(first, When(year, last_month))))
    if kind == "month_relative":
        if pub_year is None:
            return DateExpr(s, e, "relative")
        year = pub_year + {"last": -1, "this": 0, "next": 1}[m.group("which").lower()]
        when = When(year, month_number(m.group("month")))
        return _with_prefix(text, DateExpr(s, e, "point", Period.single(when), from_writing=True))
    if kind == "season":
        # meteorological seasons; winter runs from December into the next year
        first_month = SEASON_FIRST_MONTH[m.group("season").lower()]
        year = int(m.group("year"))
        last_year, last_month = (year + 1, 2) if first_month == 12 else (year, first_month + 2)
        return DateExpr(s, e, "span", Period(When(year, first_month), When(last_year, last_month)))
    if kind == "month_year":
        when = When(int(m.group("year")), month_number(m.group("month")))
        return _with_prefix(text, DateExpr(s, e, "point", Period.single(when)))
    if kind == "year":
        year = int(m.group("year"))
        if not m.group().strip()[0].isalpha() and COUNTED.match(text, e) and not PREFIX.search(text[max(0, s - 40):s]):
            return None  # "2000 officers", "2019 staff left": a count, not a year
        return _with_prefix(text, DateExpr(s, e, "point", Period.single(When(year))))
    if kind == "decade":
        return DateExpr(s, e, "noise")
    if kind == "ahead":
        # "over the next three years": from the writing to three years on
        n = _word_number(m.group("n"))
        if n is None or pub_year is None:
            return DateExpr(s, e, "relative", holds_figure=True)
        return DateExpr(s, e, "span", Period(When(pub_year), When(pub_year + n)), holds_figure=True)
    if kind == "term":
        n = _word_number(m.group("n") or m.group("n2"))
        if n is None or pub_year is None or not 1 < n <= MAX_TERM_YEARS:
            return None
        if not TERM_FRAMED.search(text, max(0, s - 40), s):
            return DateExpr(s, e, "noise", holds_figure=True)  # "a 3-year offer": a label, no time frame
        if TERM_END.search(text, max(0, s - 40), s):
            # "at the end of the three-year offer" made in 2022: 2025
            return DateExpr(s, e, "point", Period.single(When(pub_year + n)), holds_figure=True, term=True)
        return DateExpr(s, e, "span", Period(When(pub_year), When(pub_year + n)), holds_figure=True, term=True)
    if kind == "present":
        return DateExpr(s, e, "present", offset_years=0)
    if kind == "relative_n":
        n = _word_number(m.group("n"))
        phrase = m.group().lower()
        if n is None:
            return None
        sign = 1 if any(w in phrase for w in (" later", " hence", " on")) else -1
        years = n if "year" in phrase else (n * 10 if "decade" in phrase else (n / 12 if "month" in phrase else 0))
        # "a year earlier", "two years later" count from the time the sentence speaks of, like
        # "the previous year"; "three years ago", "hence" from the writing
        kind = "ago" if any(w in phrase for w in (" ago", " hence", " back", " previously")) else "previous"
        return DateExpr(s, e, kind, offset_years=int(round(sign * years)))
    if kind == "relative":
        phrase = m.group().lower()
        if pub_year is None:
            return DateExpr(s, e, "relative")
        if phrase in ("last year", "past year") and re.search(r"\bthe\s+$", text[max(0, s - 5):s], re.I):
            # "over the last year": the twelve months to the writing, not the calendar year before
            return DateExpr(s, e, "relative", offset_years=0, trailing_months=12)
        if phrase.startswith("the") and phrase.endswith(("year before", "year earlier")):
            return DateExpr(s, e, "previous", offset_years=-1)
        if phrase.startswith(("the previous", "the following")):
            # "up from 22% the previous year": a year before the time the sentence speaks of
            if "year" in phrase and "financial" not in phrase:
                return DateExpr(s, e, "previous", offset_years=-1 if "previous" in phrase else 1)
            return DateExpr(s, e, "relative")
        if phrase.startswith("last") and "year" in phrase:
            if "financial" in phrase:
                return DateExpr(s, e, "fiscal", Period.single(When(current_fiscal(writing) - 1, fiscal=True)),
                                from_writing=True)
            return _with_prefix(text, DateExpr(s, e, "point", Period.single(When(pub_year - 1)), from_writing=True))
        if phrase in ("last month", "this month") and writing.first.month is not None:
            # "a backlog of 2,000 cases last month", written in May 2024: April 2024
            when = shift_month(When(writing.first.year, writing.first.month), -1 if phrase == "last month" else 0)
            return _with_prefix(text, DateExpr(s, e, "point", Period.single(when), from_writing=True))
        if phrase.startswith("next") and "year" in phrase:
            return DateExpr(s, e, "point", Period.single(When(pub_year + 1)), from_writing=True)
        if "year" in phrase and phrase.startswith("this"):
            if "financial" in phrase:
                return DateExpr(s, e, "fiscal", Period.single(When(current_fiscal(writing), fiscal=True)),
                                from_writing=True)
            return DateExpr(s, e, "point", Period.single(When(pub_year)), from_writing=True)
        return DateExpr(s, e, "relative")
    return None


# "(May 2021)", "(as at March 2022)", "(CPI, July 2022)": a bracket holding a date and at most a label
BRACKET_OPEN = re.compile(r"\(\s*(?:[A-Za-z][\w-]{0,15},\s*)?(?:(?:in|as at|as of|at|on|at the end of|end of|to|year to|year ending)\s+)?$", re.I)
BRACKET_CLOSE = re.compile(r"\s*\)")


def _year_of_month(month: int, before: str, writing: Period | None, pub_year: int | None) -> int | None:
    """The year of a month named without one ("in November", "as at 31 March"): the last such
    month by the writing after words of a time already reached ("since", "as at", "the year
    to"), else the occurrence nearest the writing; the writing's year when its month is unknown."""
    when = writing.first if writing else None
    if when is None or when.month is None:
        return pub_year
    if PAST_REFERENCE.search(before):
        return when.year - (month > when.month)
    return when.year - (month - when.month > MONTHS_AWAY) + (when.month - month > MONTHS_AWAY)


QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
QUARTER_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4}
# "compared to the previous quarter", "since last quarter": the quarter a change is counted from
COMPARED_TO = re.compile(r"(?:\bsince|\bon|\bcompared (?:to|with)|\bthan|\bfrom|\brelative to)\s+$", re.I)
BARE_QUARTER = re.compile(r"\b(?:Q|[Qq]uarter )(?P<q>[1-4])\b(?!\s?(?:[-–/]\s?)?(?:19|20)?\d{2}\b)")


REPORTING_MONTHS = 6  # an annual report on 2023/24, written by September 2024, still calls it "this year"


def current_fiscal(writing: Period) -> int:
    """The first year of the financial year "this financial year" names: written in November
    2024, 2024/25; in February 2024, or in a year whose month is unknown, 2023/24; and from
    April to September too, when reports on the year just ended still call it "this year"."""
    when = writing.first
    return when.year - (when.month is None or when.month < FISCAL_START_MONTH + REPORTING_MONTHS)


def _two_digit_year(digits: str) -> int:
    """"23" in "Jun-23" is 2023; "98" is 1998."""
    n = int(digits)
    return 2000 + n if n < 70 else 1900 + n


def shift_month(when: When, months: int) -> When:
    """The month `months` after (or before) `when`'s month; a year alone shifts by whole years."""
    if when.month is None or when.fiscal:
        return When(when.calendar_year + round(months / 12))
    index = when.year * 12 + when.month - 1 + months
    return When(index // 12, index % 12 + 1)


def trailing(end: Period, months: int) -> Period:
    """The span of `months` months up to the end of `end` ("the past five years", written in May
    2024: 2019-05..2024-05; of a year alone: 2019..2024)."""
    last = end.last if not end.last.fiscal else When.of_date(end.end)
    first = shift_month(When(last.year, last.month) if last.month else last, -months)
    return Period(first, last)


def continue_quarters(text: str, dates: list[DateExpr], last: tuple[int, int, bool] | None = None):
    """A table's quarter labels after a dated one ("2003-04 Q1 5,831 Q2 5,937 Q3 ... Q4 ..."):
    each bare "Q2" is the next quarter of the same (financial) year, after Q4 the first of the
    next. Adds their DateExprs to `dates` in order; returns the last quarter in force, for the
    passages after (a flattened table, one cell a line)."""
    found = []
    taken = TakenRanges()
    for d in dates:
        taken.add(d.start, d.end)
    events = sorted([(d.start, d) for d in dates if d.quarter] +
                    [(m.start(), m) for m in BARE_QUARTER.finditer(text) if not taken.overlaps(m.start(), m.end())],
                    key=lambda item: item[0])
    for _, item in events:
        if isinstance(item, DateExpr):
            last = item.quarter
            continue
        if last is None:
            continue
        year, q, fiscal = last
        number = int(item.group("q"))
        year += number <= q  # Q1 after Q4 (or a quarter again) is next year's
        last = (year, number, fiscal)
        found.append(DateExpr(item.start(), item.end(), "span", quarter(year, number, fiscal), prefix="in", quarter=last,
                              label=True))
    if found:
        dates[:] = sorted(dates + found, key=lambda d: d.start)
    return last


def quarter(year: int, q: int, fiscal: bool) -> Period:
    """The three months of quarter q of a calendar year, or of the financial year starting in
    April of `year` (its fourth quarter is January to March of the next year)."""
    first = (q - 1) * 3 + (4 if fiscal else 1)
    start = When(year + (first - 1) // 12, (first - 1) % 12 + 1)
    end_month = first + 2
    return Period(start, When(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1))


def _month_alone(m: re.Match, text: str, writing: Period | None) -> DateExpr | None:
    """ "inspections in November", written in February 2023: November 2022, the month's
    occurrence nearest the writing. Unknown without the writing's month."""
    when = writing.first if writing else None
    if when is None or when.month is None:
        return None
    month = month_number(m.group("month"))
    year = _year_of_month(month, m.group()[:m.start("month") - m.start()], writing, when.year)
    start = m.start("month")
    return _with_prefix(text, DateExpr(start, m.end(), "point", Period.single(When(year, month))))


def _with_prefix(text: str, expr: DateExpr) -> DateExpr:
    """Read the words around a date: "since X" starts a span, "compared to X" is a base,
    "(May 2021)" a bracket that dates what it follows."""
    before = text[max(0, expr.start - 60):expr.start]
    expr.bracketed = bool(BRACKET_OPEN.search(before) and BRACKET_CLOSE.match(text, expr.end))
    if SINCE.search(before):
        expr.kind = "since"
    elif BASE.search(before) or LEVELS_OF.match(text, expr.end):
        expr.kind = "base"
    return expr


# "back to 2010 real-terms wages", "20% below 2010 levels", "in 2019/20 prices": the date is the
# base a figure is measured against, not the time it holds for
LEVELS_OF = re.compile(r"\s+(?:real[- ]terms?\s+)?(?:levels|prices|terms|wages|values)\b", re.I)




_MONTH_END = rf"{_MONTH},? {_YEAR}"
REFERENCE_PATTERNS = [
    # "workforce quarterly: December 2024", "quarter ending September 2022", "as at March 2023"
    ("month_end", re.compile(rf"(?:quarterly|quarter ending|quarter to|year ending|year to|as at|as of|"
                             rf"position at|snapshot at|statistics for|data for)[: ]+(?:the end of )?{_MONTH_END}\b", re.I)),
    # "as at 31 December 2024", "quarter ending 30 June 2023"
    ("day", re.compile(rf"(?:quarterly|quarter ending|year ending|year to|as at|as of)[: ]+(?P<day>\d{{1,2}}){_ORD} {_MONTH_END}\b", re.I)),
    # "covering February 2024 to February 2025"
    ("span", re.compile(rf"\bcovering {_MONTH},? {_YEAR} (?:to|until|and) (?P<month2>{'|'.join(m.title() for m in MONTHS)}),? (?P<year2>(?:19|20)\d{{2}})\b", re.I)),
    # "Offender management statistics quarterly: April to June 2024", "bulletin: October to
    # December 2023": the three months a release covers
    ("months", re.compile(rf"(?:quarterly|statistics|bulletin)[^:\n]{{0,40}}:\s*{_MONTH} to (?P<month2>{'|'.join(m.title() for m in MONTHS)}),? {_YEAR}\b", re.I)),
    # "annual report 2022/23", "annual report and accounts 2022-23"
    ("fiscal", re.compile(r"\bannual (?:report|statistics|digest)(?: and accounts)?:? (?P<y1>(?:19|20)\d{2})\s?[-–/]\s?(?P<y2>\d{2})\b", re.I)),
]


def reference_period(title: str | None, opening: str = "") -> tuple[Period, str] | None:
    """The period a statistics release or report describes when it says so in its title or
    opening ("workforce quarterly: December 2024" is 2024-12-31, "annual report 2022/23" is
    2022/23, "covering February 2024 to February 2025" is 2024-02..2025-02), with the words."""
    for text in (title or "", opening):
        for kind, pattern in REFERENCE_PATTERNS:
            m = pattern.search(text)
            if not m:
                continue
            month = month_number(m.group("month")) if "month" in m.groupdict() and m.group("month") else None
            year = int(m.group("year")) if "year" in m.groupdict() else None
            if kind == "month_end":
                return Period.single(When.of_date(When(year, month).last_day)), m.group()
            if kind == "day":
                when = When.parse(f"{year:04d}-{month:02d}-{int(m.group('day')):02d}")
                if when:
                    return Period.single(when), m.group()
            if kind == "span":
                last = When(int(m.group("year2")), month_number(m.group("month2")))
                return Period(When(year, month), last), m.group()
            if kind == "months":
                last_month = month_number(m.group("month2"))
                return Period(When(year - (month > last_month), month), When(year, last_month)), m.group()
            if kind == "fiscal":
                y1, y2 = int(m.group("y1")), int(m.group("y2"))
                if (y1 + 1) % 100 == y2:
                    return Period.single(When(y1, fiscal=True)), m.group()
    return None
