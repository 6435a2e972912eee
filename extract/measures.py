"""Level, change or target: what kind of quantity a figure is, from the words around it
(lexicons/measures.yml). A chart plots levels only; a change carries its direction."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import load_lexicon

WINDOW = 60  # characters either side of the figure that can say what it is


@lru_cache(maxsize=1)
def measure_patterns() -> list[tuple[str, str | None, str, re.Pattern]]:
    """(measure, direction, side, pattern), in the order they are tried."""
    lex = load_lexicon("measures")
    table = []
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
