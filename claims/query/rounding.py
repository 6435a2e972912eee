"""When two figures are the same figure: one definition for clustering (claims/build/figures.py),
`claims trace`, `claims check` and conflicts (claims/query/conflicts.py).

A written figure stands for every value that rounds to it: "21%" for 20.5-21.5, "3.5 million"
for 3.45-3.55 million, "one in five" for a share between 17.5% and 22.5%, "about 600" for
540-660. Two figures agree when either one's interval holds the other's value; a figure that
travels from a report to a blog and gets rounded on the way is still the same figure."""
from __future__ import annotations

import re

WORD_SHARE_POINTS = 2.5  # "one in five", "two-thirds": a share in words is a rounding to a simple fraction
ABOUT_SHARE = 0.1  # "about 600", "an estimated 18 months"
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
                   f"when unit = 'percent' then {WORD_SHARE_POINTS} else {ROUND_NUMBER_SHARE} * abs(value) end)")


def value_tolerance(value: float) -> float:
    """How far apart two values may be and still be one value written two ways: 0.05, or
    0.5% of the value, whichever is larger ("£1.34bn" and "1,340,000,000")."""
    return max(0.05, abs(value) * 0.005)


def rounding_tolerance(mention: str, value: float, unit: str, comparator: str = "=") -> float:
    """Half the width of the values `mention` (normalised to `value`) can stand for: half its
    last digit ("21%": 0.5; "£1.34bn": £5m), the place of a round count's last non-zero digit
    up to 5% of it ("600": 30), 2.5 points for a share in words, a tenth for "about"."""
    if comparator == "~":
        return max(abs(value) * ABOUT_SHARE, value_tolerance(value))
    digits = WRITTEN_NUMBER.search(mention)
    if digits is None:  # written in words
        return WORD_SHARE_POINTS if unit == "percent" else max(abs(value) * ROUND_NUMBER_SHARE, 0.5)
    written = float(digits.group().replace(",", ""))
    scale = abs(value) / written if written else 1  # "3.5 million", "£1.34bn", "25k"
    if digits.group(1):
        half = 0.5 * 10 ** -len(digits.group(1)) * scale
    elif unit == "percent":
        half = 0.5 * scale  # "20%" is not 24%: shares are written to the point
    else:
        whole = digits.group().replace(",", "")
        half = 0.5 * 10 ** (len(whole) - len(whole.rstrip("0"))) * scale
    if unit != "percent":
        # "600" may be 613 rounded, "£1bn" £1.04bn; neither stands for more than 5% either side
        half = min(half, max(ROUND_NUMBER_SHARE * abs(value), 0.5))
    return max(half, value_tolerance(value))


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
