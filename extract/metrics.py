"""Which metric a figure measures, from the cues of the metric lexicon (lexicons/metrics.yml)."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import islice

from .lexicon import load_lexicon

TIME_UNITS = {"days", "months", "years", "hours"}
CONTEXT_WEIGHT = 0.3  # a cue in neighbouring text counts for less than any in the sentence
DISTANCE_SCALE = 40.0  # characters over which a cue's pull halves
SHORT_SENTENCE = 10  # words
TOTAL_OF = re.compile(r"\bof (?:its|their|the|our|his|her) $", re.I)
BEFORE_WINDOW = 120  # characters before a figure that a cue ending just before it can span


@lru_cache(maxsize=1)
def metric_cues() -> list[tuple[str, set[str], float, re.Pattern | None, re.Pattern | None]]:
    """Per lexicon entry: its metric, units, weight, one pattern for its cues anywhere in the
    sentence and one for its cues that must end just before the figure ("supervise $")."""
    table = []
    for entry in load_lexicon("metrics"):
        anywhere = [c for c in entry["cues"] if not c.endswith("$")]
        ending = [c[:-1] for c in entry["cues"] if c.endswith("$")]
        table.append((entry["metric"], set(entry["units"]), float(entry["weight"]),
                      re.compile("|".join(f"(?:{c})" for c in anywhere), re.I | re.M) if anywhere else None,
                      re.compile("(?:" + "|".join(f"(?:{c})" for c in ending) + r")\s*$", re.I) if ending else None))
    return table


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


@lru_cache(maxsize=64)
def cues_in(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Where each lexicon entry's cues occur in `text`, in the order of metric_cues(): the
    figures of one sentence share a scan."""
    return tuple(tuple(m.span() for m in anywhere.finditer(text)) if anywhere is not None else ()
                 for _, _, _, anywhere, _ in metric_cues())


def classify_metric(unit: str, start: int, end: int, sentence: str, context: str = "",
                    form: str = "number") -> str:
    """The metric of a figure at [start, end) of `sentence`; `context` is nearby text."""
    if unit in TIME_UNITS or form.startswith("duration"):
        return "duration"
    if unit not in ("count", "percent", "gbp"):
        return "other"
    best, best_score = "other", 0.0
    # the words just before the figure, not the whole sentence: a sentence of many figures
    # (a flattened table) is read in time linear in its figures
    before = sentence[max(0, start - BEFORE_WINDOW):start]
    # a short sentence ("Yes: 26,696 (93.40%)", "I am 40% over") borrows cues from its neighbours
    short = bool(context) and _words_at_most(sentence, SHORT_SENTENCE)
    in_sentence = cues_in(sentence)
    for n, (metric, units, weight, anywhere, ending) in enumerate(metric_cues()):
        if unit not in units:
            continue
        score = weight * 1.5 if ending is not None and ending.search(before) else 0.0
        if anywhere is not None:
            near = 0.0
            for cue_start, cue_end in _nearest(in_sentence[n], start, end):
                d = _distance(cue_start, cue_end, start, end)
                near = max(near, weight * (0.3 + 0.7 / (1 + d / DISTANCE_SCALE)))
            # the neighbours are read only when their cue could win: a long text to scan
            if not near and short and weight * CONTEXT_WEIGHT > max(score, best_score) \
                    and anywhere.search(context):
                near = weight * CONTEXT_WEIGHT
            score = max(score, near)
        if score > best_score:
            best, best_score = metric, score
    if best == "targets_met" and TOTAL_OF.search(before):
        return "targets_total"
    return best


WORD = re.compile(r"\S+")


def _words_at_most(text: str, limit: int) -> bool:
    """Whether text has at most `limit` words, reading no further than the word after them."""
    return sum(1 for _ in islice(WORD.finditer(text), limit + 1)) <= limit


def cue_overlaps(unit: str, spans: list[tuple[int, int]], sentence: str) -> bool:
    """Whether a cue of a metric the unit can have overlaps any of `spans` of the sentence."""
    for (_, units, _, _, _), found in zip(metric_cues(), cues_in(sentence)):
        if unit in units and any(s < end and start < e for start, end in spans
                                 for s, e in _nearest(found, start, end)):
            return True
    return False


def _nearest(found: tuple[tuple[int, int], ...], start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Of one entry's cue matches (in order and not overlapping, so their ends are in order
    too), the nearest before or over [start, end) and the nearest after it: the only ones that
    can be closest to it."""
    i = bisect_left(found, (end,))
    return found[max(0, i - 1):i + 1]


def ending_cue_before(unit: str, before: str) -> bool:
    """Whether a cue that must end just before a figure ("supervise nearly $") does."""
    return any(unit in units and ending is not None and ending.search(before)
               for _, units, _, _, ending in metric_cues())
