"""What a claim's figure measures where the pipeline, reading one short sentence with none of a
document's context, reads no metric for it: the claim's counted population and its verb decide
(claims/query/claim_metrics.yml). And a population named by a metric's own cue ("75,000 people
on probation had a drug problem") says who is counted, not what is measured of them: the claim's
predicate decides, read by the extraction's own cue weighing (extract/metric.py classify) with
the population's words set aside."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from extract.metric import classify
from extract.reasons import stored_reason
from registry.subjects import is_part_of

READINGS = Path(__file__).with_name("claim_metrics.yml")
# the pipeline's rules that read no metric: no cue, or a count of a noun it could not place
READ_AS_OTHER = frozenset({"no_cue", "counted_noun.unmeasured"})
# cues that name the population counted, not what is measured of it: "PSOs", "staff", "people on
# probation", "people in prison" (extract/lexicons/metrics.yml)
POPULATION_CUES = frozenset({"staff_in_post.officers", "staff_in_post.staff_count", "staff_in_post.employees",
                             "staff_in_post.number_of_staff", "people_supervised.on_probation",
                             "prison_population.prison_population"})


@dataclass(frozen=True)
class Reading:
    metric: str
    subjects: tuple[str, ...]
    units: tuple[str, ...]
    weak: bool  # may replace a metric read only from the population's own noun
    words: re.Pattern

    def fits(self, subject: str | None, unit: str, sentence: str) -> bool:
        return (unit in self.units and subject is not None
                and any(subject == s or is_part_of(subject, s) for s in self.subjects)
                and self.words.search(sentence) is not None)


@lru_cache(maxsize=1)
def readings() -> tuple[Reading, ...]:
    entries = yaml.safe_load(READINGS.read_text(encoding="utf-8"))
    return tuple(Reading(e["metric"], tuple(e["subjects"]), tuple(e["units"]), bool(e.get("weak")),
                         re.compile(rf"\b(?:{e['words']})\b", re.I)) for e in entries)


def metric_rule(why: str | None) -> tuple[str | None, str | None]:
    """The rule that decided a statistic's metric and the words it read (extract/reasons.py)."""
    decided = stored_reason(why, "metric")
    return decided.get("rule"), decided.get("words")


def reading_of(metric: str, rule: str | None, subject: str | None, unit: str, sentence: str) -> str | None:
    """The metric a claim's population and verb say, where the pipeline read none (`other` by
    no cue, or a noun it could not place) or only the population's noun; None: keep it."""
    unread = metric == "other" and rule in READ_AS_OTHER
    by_noun = rule in POPULATION_CUES
    if not (unread or by_noun):
        return None
    for reading in readings():
        if (unread or reading.weak) and reading.fits(subject, unit, sentence):
            return reading.metric
    return None


def predicate_metric(rule: str | None, words: str | None, subject_text: str | None, unit: str,
                     sentence: str, start: int, end: int) -> str | None:
    """The metric the claim's predicate says when the cue that decided it is the counted
    population's own name ("almost 75,000 people on probation had a drug problem" is drug misuse,
    not people supervised): the sentence read again, by the same cue weighing, with the
    population's words blanked. None when the predicate has no cue of its own."""
    if rule not in POPULATION_CUES or not words or not subject_text:
        return None
    if words.lower() not in subject_text.lower():
        return None
    at = sentence.find(subject_text)
    if at < 0 or at < end and start < at + len(subject_text):
        return None
    blanked = sentence[:at] + " " * len(subject_text) + sentence[at + len(subject_text):]
    decision = classify(unit, start, end, blanked)
    if decision.rule in READ_AS_OTHER or decision.metric in ("other", "duration"):
        return None
    return decision.metric
