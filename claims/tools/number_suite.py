"""Strict value F1 of the quantity reader on public number suites: quantulum3's own tests (read
from the installed package, `pip install quantulum3`) and NewsQuant (a JSON file given by path,
kept outside the repository). Third-party test data is read where it lies, never copied here.

The reader is what extraction reads before any parse: dates blocked, the quantity grammar
(identifiers such as phone numbers and ZIP codes blocked too), and the figure finder's filter
(labels, list numbers, "one" as a pronoun: it counts only in a list of counts or as a length of
time, extract/quantities.counts_one). A predicted value matches
a gold one when they are equal to within a millionth; a range matches a gold value equal to its
low end, its high end or its middle (quantulum3 gives "3 to 4 L" as 3.5, NewsQuant "252-287").
A share written as a fraction, stored in percent ("a third": 33.3), is compared as the ratio the
suites give (0.333). Each gold value is matched once."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .evaluate import MatchRates

FRACTION_FORMS = {"fraction", "vulgar"}
SHARE_PRECISION = 0.0005  # "a third" is stored as 33.3%: 0.333 of a whole, to within half a tenth of a percent
QUANTULUM_FILES = ("quantities.json", "quantities.ambiguity.json")


@dataclass
class Case:
    text: str
    gold: list[tuple[float, float | None]]  # value, high end of a range


@dataclass
class Score(MatchRates):
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)


def quantulum_cases() -> list[Case]:
    """quantulum3's own English test sentences, from the installed package."""
    folder = resources.files("quantulum3") / "_lang" / "en_US" / "tests"
    cases = []
    for name in QUANTULUM_FILES:
        for item in json.loads((folder / name).read_text(encoding="utf-8")):
            cases.append(Case(item["req"], [(float(r["value"]), None) for r in item["res"]]))
    return cases


def newsquant_cases(path: Path) -> list[Case]:
    """NewsQuant's formatted test set: {"text", "quantities": [{"value": "19.0" | "252.0-287.0"}]}."""
    cases = []
    for item in json.loads(Path(path).read_text(encoding="utf-8")):
        gold = []
        for q in item["quantities"]:
            low, _, high = str(q["value"]).partition("-") if not str(q["value"]).startswith("-") else (q["value"], "", "")
            gold.append((float(low), float(high) if high else None))
        cases.append(Case(item["text"], gold))
    return cases


def read_values(text: str, finder) -> list[tuple[float, float | None, float]]:
    """The values the reader finds in a sentence: value, high end, and the absolute precision
    it is stored to beyond float noise (a share in words is stored to a tenth of a percent)."""
    from extract.periods import find_dates
    from extract.quantities import find_quantities
    from extract.reading import reading_text
    text = reading_text(text).text
    blocked = [(d.start, d.end) for d in find_dates(text) if not d.holds_figure]
    values = []
    for q in find_quantities(text, blocked):
        if finder.keep(q, text):
            # a share written as a fraction is stored in percent ("a third" is 33.3); the
            # suites give it as a ratio: the same value in another unit
            ratio = q.unit == "percent" and q.form in FRACTION_FORMS
            values.append((q.value / 100, None, SHARE_PRECISION) if ratio else (q.value, q.value_high, 0.0))
    return values


def _same(a: float, b: float, precision: float = 0.0) -> bool:
    return abs(a - b) <= max(precision, 1e-6 * max(1.0, abs(b)))


def _matches(predicted: tuple[float, float | None, float], gold: tuple[float, float | None]) -> bool:
    value, high, precision = predicted
    gold_value, gold_high = gold
    if gold_high is not None:
        return high is not None and _same(value, gold_value) and _same(high, gold_high)
    if high is None:
        return _same(value, gold_value, precision)
    return any(_same(v, gold_value) for v in (value, high, (value + high) / 2))


def score(cases: list[Case], finder) -> Score:
    result = Score()
    for case in cases:
        predicted = read_values(case.text, finder)
        unmatched = list(case.gold)
        for p in predicted:
            hit = next((g for g in unmatched if _matches(p, g)), None)
            if hit is not None:
                unmatched.remove(hit)
                result.matched += 1
        result.gold += len(case.gold)
        result.predicted += len(predicted)
        if unmatched or len(predicted) > len(case.gold) - len(unmatched):
            result.misses.append(f"{case.text[:100]!r}: gold {case.gold} read {[p[:2] for p in predicted]}")
    return result


def figure_finder():
    """The figure finder's filter alone, without loading a trained pipeline."""
    from extract.pipeline import FigureFinder
    return FigureFinder(None, "figure_finder", one_needs_cue=True)
