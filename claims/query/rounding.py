"""When two figures are the same figure: one definition for clustering (claims/build/figures.py),
`claims trace`, `claims check` and conflicts (claims/query/conflicts.py).

A written figure stands for every value that rounds to it: "21%" for 20.5-21.5, "3.5 million"
for 3.45-3.55 million, "one in five" for a share between 17.5% and 22.5%. Precision is read as people write it: the
digits written are the figure's significant figures ("4,400" to the hundred, "20,500" to the
hundred, "118%" to the point), a round count stands for at most 5% either side ("500" is
475-525, never 464), "about"/"around" widen the interval to one unit of the last written digit
either side ("about 4,400": 4,300-4,500), and a word of direction moves it to one side:
"nearly a third" is just under a third (28-33%), "over 600" just above 600.

Two stored statements agree when either one's interval holds the other's value (`agree`: a
figure that travels from a report to a blog and gets rounded on the way is still the same
figure). A claim is checked one way (`claim_interval`): it rounds a statement when the claim's
interval holds the statement's value; a precise claim ("464") is never a rounding of a loose
statement ("about 500"), which cannot be where it came from."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

WORD_SHARE_POINTS = 2.5  # "one in five", "two-thirds": a share in words is a rounding to a simple fraction
ABOUT_SHARE = 0.1  # the furthest "about" reaches: "about 600" is 540-660
ABOUT_WIDENS = 2  # "about 4,400": one unit of the last written digit either side, twice the half unit
DIRECTION_WORDS = Path(__file__).with_name("direction_words.yml")
ROUND_NUMBER_SHARE = 0.05  # "600 officers", "1,000 posts": a round count stands for at most 5% either side
WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


# the figures rounding_tolerance lets reach further than half a unit or 0.5% of their value:
# "about", words, scale words and suffixes ("3.5 million", "£1bn", "25k"), round numbers
# ("600", "£40"); as SQL over a statistics row, for an index of them (claims/build/schema.py)
LOOSELY_WRITTEN_SQL = ("(comparator = '~' or mention glob '*[A-Za-z]*' or mention glob '*0' "
                       "or mention glob '*0[%p]')")


# the furthest a loosely written statistic's interval can reach, as SQL over its row: a first
# filter in `claims trace` before rounding_tolerance decides (never narrower than the rule)
LOOSE_REACH_SQL = (f"max(0.5, case when comparator = '~' then {ABOUT_SHARE} * abs(value) "
                   f"when unit = 'percent' then max({WORD_SHARE_POINTS}, {ROUND_NUMBER_SHARE} * abs(value)) "
                   f"else {ROUND_NUMBER_SHARE} * abs(value) end)")


def value_tolerance(value: float) -> float:
    """How far apart two values may be and still be one value written two ways: 0.05, or
    0.5% of the value, whichever is larger ("£1.34bn" and "1,340,000,000")."""
    return max(0.05, abs(value) * 0.005)


def rounding_tolerance(mention: str, value: float, unit: str, comparator: str = "=") -> float:
    """Half the width of the values `mention` (normalised to `value`) can stand for: half its
    last digit ("21%": 0.5; "£1.34bn": £5m), the place of a round count's last non-zero digit
    up to 5% of it ("600": 30), 2.5 points for a share in words; "about" a figure in digits
    doubles it ("about 4,400": 100, "about 112%": 1), never past a tenth of the value."""
    return max(_reach(mention, value, unit, comparator), value_tolerance(value))


def _reach(mention: str, value: float, unit: str, comparator: str) -> float:
    """How far from its value a figure as written reaches: its written half width, doubled by
    "about" for a figure in digits (never past a tenth of the value)."""
    half = written_half_width(mention, value, unit)
    if comparator == "~" and WRITTEN_NUMBER.search(mention):
        return min(half * ABOUT_WIDENS, abs(value) * ABOUT_SHARE)
    return half


def written_half_width(mention: str, value: float, unit: str) -> float:
    """Half the width of the values a figure as written stands for, before any "about": half
    a unit of its last written digit ("20,477": 0.5, "4,400": 50), as people round."""
    digits = WRITTEN_NUMBER.search(mention)
    if digits is None:  # written in words
        return WORD_SHARE_POINTS if unit == "percent" else max(abs(value) * ROUND_NUMBER_SHARE, 0.5)
    written = float(digits.group().replace(",", ""))
    scale = abs(value) / written if written else 1  # "3.5 million", "£1.34bn", "25k"
    if digits.group(1):
        half = 0.5 * 10 ** -len(digits.group(1)) * scale
    elif unit == "percent" and (not digits.group().endswith("0") or written <= 100):
        # "20%" is 19.5-20.5%, not 24%: a share is written to the point; past 100% a third
        # digit is a round number's ("120% of capacity" may be 118%)
        half = 0.5 * scale
    else:
        whole = digits.group().replace(",", "")
        half = 0.5 * 10 ** (len(whole) - len(whole.rstrip("0"))) * scale
    # "600" may be 613 rounded, "£1bn" £1.04bn, "120%" 118%; none stands for more than 5%
    # either side ("20%" is 19-21%, never 24%)
    return min(half, max(ROUND_NUMBER_SHARE * abs(value), 0.5))


def agree(a_value: float, a_tolerance: float, b_value: float, b_tolerance: float) -> bool:
    """Two figures that rounding explains: either one's interval holds the other's value."""
    return abs(a_value - b_value) <= max(a_tolerance, b_tolerance)


def agrees_with_written(value: float, tolerance: float, mention: str | None, written_value: float,
                        unit: str, comparator: str | None = "=") -> bool:
    """Whether a figure (its value and the tolerance it was written with) agrees with a
    statistic as it is stored: its mention, value, unit and comparator."""
    return agree(value, tolerance, written_value,
                 rounding_tolerance(mention or "", written_value, unit, comparator or "="))


def widest_tolerance(value: float, unit: str) -> float:
    """The widest interval any written figure near `value` can have: a first, index-served
    filter before `agree` decides ("about" a value a tenth above this one still reaches it)."""
    return max(abs(value) * ABOUT_SHARE / (1 - ABOUT_SHARE), WORD_SHARE_POINTS if unit == "percent" else 0.5,
               value_tolerance(value) * 1.01)


@lru_cache(maxsize=1)
def direction_words() -> dict[str, re.Pattern]:
    """The words before a figure that put the value on one side of it ("nearly", "just over"),
    each direction as a pattern ending at the figure."""
    words = yaml.safe_load(DIRECTION_WORDS.read_text("utf-8"))
    return {side: re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True))
                             + r")\s*$", re.I)
            for side, phrases in words.items()}


def direction(comparator: str, before: str) -> str | None:
    """"below" for a figure said to be just under its value ("nearly a third", "fewer than
    3,000"), "above" for one said to be over it ("more than 600"), None for either side."""
    if comparator == "<":
        return "below"
    if comparator == ">":
        return "above"
    for side, pattern in direction_words().items():
        if pattern.search(before[-30:]):
            return side
    return None


def claim_interval(mention: str, value: float, unit: str, comparator: str = "=",
                   before: str = "", value_high: float | None = None) -> tuple[float, float]:
    """The values a claim's figure stands for, as people round: its written precision either
    side ("4,400": 4,350-4,450; "about 4,400": 4,300-4,500), or the stretch of twice its half
    width on the side its words say ("nearly a third": 28.3-33.3%, "over 600": 600-660); a
    range, from its low end to its high one ("7-10%": 6.5-10.5%)."""
    if value_high is not None:
        # the ends of a range are written to the finer of their precisions ("4,000 to 4,500": 50)
        last = list(WRITTEN_NUMBER.finditer(mention))[-1:]
        reach = min(_reach(mention, value, unit, comparator),
                    _reach(mention[last[0].start():], value_high, unit, comparator) if last else float("inf"))
        return min(value, value_high) - reach, max(value, value_high) + reach
    half = written_half_width(mention, value, unit)
    side = direction(comparator, before)
    if value < 0 and side:  # "a fall of nearly 1,000" (-1,000) is a smaller fall: -1,000 to -900
        side = "above" if side == "below" else "below"
    if side == "below":
        return value - ABOUT_WIDENS * half, value
    if side == "above":
        return value, value + ABOUT_WIDENS * half
    reach = _reach(mention, value, unit, comparator)
    return value - reach, value + reach


def holds(interval: tuple[float, float], value: float) -> bool:
    """Whether a value lies in a claim's interval (its ends included, to a rounding error of
    the arithmetic that normalised either: "£1.34bn" is 1,340,000,000)."""
    low, high = interval
    slack = abs(value) * 1e-9 + 1e-9
    return low - slack <= value <= high + slack
