"""Level, change or target: what kind of quantity a figure is, from the words around it
(lexicons/measures.yml). A chart plots levels only; a change carries its direction."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import load_lexicon
from .sentences import sentence_of

WINDOW = 60  # characters either side of the figure that can say what it is


@lru_cache(maxsize=1)
def measure_patterns() -> list[tuple[str, str | None, str, re.Pattern]]:
    """(measure, direction, side, pattern), in the order they are tried: the words of a gap
    (`level`) first, so that "fewer officers than needed" is no fall."""
    lex = load_lexicon("measures")
    table = []
    for side in ("before", "after"):
        table += [("level", None, side, re.compile(p, re.I)) for p in lex.get("level", {}).get(side, [])]
    for direction, sides in lex["change"].items():
        for side in ("before", "after"):
            table += [("change", direction, side, re.compile(p, re.I)) for p in sides.get(side, [])]
    for side in ("before", "after"):
        table += [("target", None, side, re.compile(p, re.I)) for p in lex["target"].get(side, [])]
    return table


def classify_measure(before: str, after: str) -> tuple[str, str | None]:
    """("level" | "change" | "target", "+" | "-" | None) for a figure between `before` and
    `after` in its sentence."""
    before, after = before[-WINDOW:], after[:WINDOW]
    for measure, direction, side, pattern in measure_patterns():
        if pattern.search(before if side == "before" else after):
            return measure, direction
    return "level", None


@lru_cache(maxsize=1)
def continues_patterns() -> list[re.Pattern]:
    """Words before a figure that carry on the measure of the figure before it in its sentence."""
    return [re.compile(p, re.I) for p in load_lexicon("measures").get("continues", [])]


def continues_previous(before: str) -> bool:
    """True when `before` (the sentence up to a figure) ends in words that go on with the
    figure before: "... and of 342"."""
    return any(p.search(before[-WINDOW:]) for p in continues_patterns())


@lru_cache(maxsize=1)
def change_metrics() -> frozenset[str]:
    """Metrics whose figures are changes in themselves (extract/lexicons/measures.yml): a level
    of one and a change of it state one figure."""
    return frozenset(load_lexicon("measures").get("change_metrics", ()))


def measure_under_metric(metric: str | None, measure: str | None) -> str:
    """The measure a figure of `metric` is stored as: a level of a pay award or pay change ("the
    cumulative rise since 2010 is 7.6%") is a change, as "pay rose 7.6%" is (`change_metrics`);
    read once the metric is known, after figure_measure."""
    measure = measure or "level"
    return "change" if measure == "level" and metric in change_metrics() else measure


# what lies between a figure and one that restates it: "192 (5.7%)", "40% (around 6,900)", and
# past the unit word of the first: "136 FTE (0.6%)"
RESTATES = re.compile(r"(?:[A-Za-z]+\s+)?\((?:by|around|about|some|nearly|almost|over|approximately)?|or", re.I)
POINTS = re.compile(r"percentage points?|\bpp\b|\bpoints?\b", re.I)


@Language.component("figure_measure", requires=["span._.quantity"],
                    assigns=["span._.measure", "span._.direction", "span._.unit_detail"])
def figure_measure(doc: Doc) -> Doc:
    text = doc.user_data.get("text") or doc.text
    previous = None
    for span in sorted(doc.spans["figures"], key=lambda s: s._.quantity.start):
        fig = span._.quantity
        sent = sentence_of(span)
        if previous is not None and RESTATES.fullmatch(text[previous._.quantity.end:fig.start].strip()):
            # "an increase of 192 (5.7%)": the bracketed figure restates the one before it
            span._.measure, span._.direction = previous._.measure, previous._.direction
        elif (previous is not None and previous._.measure == "change" and sentence_of(previous) == sent
              and continues_previous(text[sent.start_char:fig.start])):
            # "an increase of 303 since September and of 342 since June": a second change
            span._.measure, span._.direction = previous._.measure, previous._.direction
        else:
            span._.measure, span._.direction = classify_measure(text[sent.start_char:fig.start],
                                                                text[fig.end:sent.end_char])
        previous = span
        if POINTS.search(fig.text):
            span._.unit_detail = "percentage_points"
    return doc
