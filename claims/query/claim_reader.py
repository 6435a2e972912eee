"""Read a claim as it was quoted ("About 4,400 officers in autumn 2022", "vacancy rate 21%")
with the same pipeline as a document, so each of its figures has a value, unit, metric,
subject, measure, period and series key like any stored statistic.

The text is cleaned for reading only: NFKC ("２１％" is "21%"), and bidirectional controls and
zero-width characters removed ("2\u200b1%" is "21%"; U+202E never reverses what is shown).
A claim may be at most MAX_CLAIM_CHARS long and hold at most MAX_FIGURES figures: past
either it is refused with a message, never cut."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import registry
from registry.subjects import subjects
from extract.reading import reading_text
from extract.reasons import stored_reason
from ingest.model import Document, Passage

from .matching import ASKED_FOR, BEFORE_CHARS, PAY_METRICS
from .claim_metrics import metric_rule, predicate_metric, reading_of
from .rounding import claim_interval, rounding_tolerance
from .series import SeriesKey, is_readable, series_key

CLAIMANT = "the claim"  # whose words a pasted claim is, unless it names a body
MAX_CLAIM_CHARS = 5000
MAX_FIGURES = 25
NUMBER_RUN = re.compile(r"\d[\d,.]*")
# "including", "of whom", "among them": the claim speaks of a part of a wider population
PARTS_ALLOWED = re.compile(r"\b(?:including|includes|of whom|of which|among them|among whom)\b", re.I)


# "probation" as a word of its own ("probation vacancies", "on probation"), not a name of a
# population with it ("probation officers" is read as such before this is asked)
THE_SERVICE = re.compile(r"\bprobation\b", re.I)
SERVICE_SUBJECT = "probation_service"
GENERIC_STAFF = "staff"  # "staff" alone says nothing of whose


# a claim's speaker as people write it: "The inspectorate found that ...", "..., says the PAC.",
# "..., the Public Accounts Committee found." (the pipeline reads the forms documents use)
REPORTING = (r"(?:says|said|say|found|finds|claims|claimed|reports|reported|estimates|estimated|warns|warned|reveals|"
             r"revealed|believes|thinks|admits|admitted|concedes|conceded|acknowledges|acknowledged|insists|insisted|"
             r"states|stated|notes|noted)")
SPEAKER_FIRST = re.compile(rf"^\s*(?P<who>[^,;:]{{2,80}}?)\s+{REPORTING}\b")
SPEAKER_LAST = re.compile(rf",\s*(?:{REPORTING}\s+(?P<who_after>[^,;:]{{2,80}}?)|(?P<who_before>[^,;:]{{2,80}}?)\s+{REPORTING})"
                          r"\s*[.!]?\s*$")


def named_speaker(sentence: str) -> str | None:
    """The body a claim says said its figure, when the words of a reporting verb's subject are
    a body's name and nothing else: "the inspectorate found", ", says the PAC"."""
    found = [m.group("who") for m in [SPEAKER_FIRST.match(sentence)] if m]
    last = SPEAKER_LAST.search(sentence)
    if last:
        found.append(last.group("who_after") or last.group("who_before"))
    for who in found:
        words = re.sub(r"^The\b", "the", who.strip())
        bodies = registry.find_organisations(words, include_intro_only=True)
        if len(bodies) == 1 and not re.sub(r"^the\s+", "", words[:bodies[0].start] + words[bodies[0].end:]).strip():
            return bodies[0].name
    return None


class ClaimRefused(ValueError):
    """A claim too long, or with too many figures, to check; the message says which."""


@dataclass
class ClaimFigure:
    mention: str
    value: float
    value_high: float | None
    unit: str
    comparator: str
    metric: str
    subject: str | None
    measure: str
    period: str | None  # None when the claim states none ("now", or nothing)
    source: str | None  # the body the claim names, if any
    sentence: str
    key: SeriesKey
    allows_parts: bool
    before: str = ""  # the words just before the figure ("nearly", "just over")

    @property
    def interval(self) -> tuple[float, float]:
        """The values the claim's figure stands for (claims/query/rounding.py)."""
        return claim_interval(self.mention, self.value, self.unit, self.comparator, self.before, self.value_high)

    @property
    def tolerance(self) -> float:
        """How far from its value the claim's figure reaches: the first filter of a check."""
        low, high = self.interval
        return max(rounding_tolerance(self.mention, self.value, self.unit, self.comparator),
                   self.value - low, high - self.value)

    @property
    def readable(self) -> bool:
        return is_readable(self.key)

    @property
    def identity(self) -> tuple:
        """What makes two figures of a paste the same check: shown once."""
        return (self.mention, self.value, self.unit, self.key, self.period, self.source)


def _claim_reading(s, text: str) -> tuple[str, str | None, str]:
    """A claim figure's metric, subject text and the sentence its population is read from, as a
    short sentence without a document's context needs them read: the predicate's metric where
    the cue that decided it only named the population (claims/query/claim_metrics.py), and never
    the speaker as the subject ("GMB says the 2022 pay offer was worth 3.2%": the words naming
    who said it are set aside before the population is read)."""
    metric, subject, sentence = s.metric, s.subject, s.sentence
    speaker = _speaker_words(s.why) or _named_speaker_words(sentence)
    if speaker and speaker in sentence:
        if subject and subject in speaker:
            subject = None
        sentence = sentence.replace(speaker, " " * len(speaker), 1)
    rule, words = metric_rule(s.why)
    start = s.start - (s.sentence_start or 0)
    if text[s.sentence_start or 0:s.sentence_end or len(text)] == s.sentence:
        said = predicate_metric(rule, words, subject, s.unit, sentence, start, start + len(s.mention))
        metric = said or metric
    return metric, subject, sentence


# "<part> makes up N% of <whole>": the population a share is of is the part before the verb
SHARE_OF_WHOLE = re.compile(r"(?P<part>[^,;:]+?)\s+(?:makes? up|made up|making up|accounts? for|accounted for|"
                            r"accounting for|forms?|formed|forming|represents?|represented|representing|"
                            r"comprises?|comprised)\s+(?:\w+\s+){0,2}$", re.I)


def _share_part(text: str, start: int, end: int) -> str | None:
    """The words naming the part a share is of the whole, when a claim says so."""
    if not re.match(r"\s+of\b", text[end:]):
        return None
    found = SHARE_OF_WHOLE.search(text[:start])
    return found.group("part") if found else None


def subject_words(text: str) -> bool:
    """Whether `text` names a population of the subject vocabulary."""
    return bool(subjects().find(text))


def _named_speaker_words(sentence: str) -> str | None:
    """The words before a reporting verb that name a body and nothing else ("The Ministry of
    Justice admits"), where the pipeline read no speaker: never the population counted."""
    first = SPEAKER_FIRST.match(sentence)
    if first is None or named_speaker(first.group(0)) is None:
        return None
    return first.group(0)


def _speaker_words(why: str | None) -> str | None:
    """The words that named who said a figure ("GMB says"), when a speaker rule read them."""
    decided = stored_reason(why, "source")
    if not str(decided.get("rule", "")).startswith("speaker"):
        return None
    return decided.get("words") or None


def clean_query(text: str) -> str:
    """The text as read for matching: read as a document's passage is (extract/reading.py:
    invisible characters removed, full-width and other compatibility forms made plain), spaces
    collapsed."""
    return re.sub(r"\s+", " ", reading_text(text or "").text).strip()


def refuse_if_too_long(text: str) -> None:
    if len(text) > MAX_CLAIM_CHARS:
        raise ClaimRefused(f"The text is {len(text):,} characters long; a check reads at most "
                           f"{MAX_CLAIM_CHARS:,}. Paste a shorter passage.")
    numbers = len(NUMBER_RUN.findall(text))
    if numbers > MAX_FIGURES:
        raise ClaimRefused(f"The text holds {numbers:,} numbers; a check reads at most {MAX_FIGURES} "
                           "figures. Paste fewer.")


def claim_document(text: str, today: date | None = None) -> Document:
    """A pasted claim as a document written today, so "now" and "last year" are read
    against today's date."""
    return Document(text=text, file_start=0, source=CLAIMANT, kind="claim",
                    published=(today or date.today()).isoformat(),
                    passages=[Passage("paragraph", 0, len(text), source=CLAIMANT)])


def read_claim(extractor, text: str, today: date | None = None) -> list[ClaimFigure]:
    """Every figure of a cleaned claim, each once, in the order written."""
    refuse_if_too_long(text)
    [statistics] = extractor.extract([claim_document(text, today)])
    if len(statistics) > MAX_FIGURES:
        raise ClaimRefused(f"The text holds {len(statistics)} figures; a check reads at most {MAX_FIGURES}. "
                           "Paste fewer.")
    figures, seen = [], set()
    for s in statistics:
        metric, subject, sentence = _claim_reading(s, text)
        key = series_key(metric, subject, s.unit, s.measure, sentence)
        if key.subject is None:
            # a parse that cut the subject short ("band" of "band 4 probation officers"): a
            # claim is one short sentence a reader wrote about one thing, so the population
            # its sentence names is the one counted
            key = series_key(metric, sentence, s.unit, s.measure, sentence)
        part = _share_part(text, s.start, s.end) if s.unit == "percent" else None
        if part is not None:
            # "Probation makes up 58.5% of the HMPPS workforce": the share is the part's, never
            # the whole's; a part naming no population leaves it unread
            key = series_key(metric, SERVICE_SUBJECT if THE_SERVICE.search(part) and not subject_words(part) else part,
                             s.unit, key.measure, part, scope=key.scope)
            sentence = part
        reading = reading_of(metric, metric_rule(s.why)[0], key.subject, s.unit, sentence)
        if reading and reading != metric:
            # the claim's population and verb say what no cue of it did ("200 PSOs left")
            metric = reading
            key = series_key(metric, key.subject, s.unit, s.measure, sentence, scope=key.scope)
        if key.metric in PAY_METRICS and ASKED_FOR.search(text[max(0, s.start - BEFORE_CHARS):s.start]):
            # "Napo is claiming a 12% rise": pay asked for, as a stored statement of it is
            key = key._replace(measure="target")
        if THE_SERVICE.search(sentence) and (key.subject is None or (
                key.subject == GENERIC_STAFF and not registry.find_organisations(sentence))):
            # "457 probation vacancies", "£1.3bn spent on probation", "Probation is short of
            # 3,000 staff": a claim that names no population (or only "staff", and no body)
            # but "probation" speaks of the service, whose figure of this metric counts what
            # the registry says (its staff for a staff figure, registry/subjects.yml)
            key = series_key(metric, SERVICE_SUBJECT, s.unit, key.measure, sentence)
            reading = reading_of(metric, metric_rule(s.why)[0], key.subject, s.unit, sentence)
            if reading and reading != metric:
                # "probation pay went up 7.6%": the service's population and the claim's verb
                metric = reading
                key = series_key(metric, SERVICE_SUBJECT, s.unit, key.measure, sentence)
        figure = ClaimFigure(
            mention=s.mention, value=s.value, value_high=s.value_high, unit=s.unit, comparator=s.comparator,
            metric=metric, subject=subject, measure=key.measure,
            period=None if s.period_from_publication else s.period,
            source=s.source if s.source and s.source != CLAIMANT else named_speaker(s.sentence), sentence=s.sentence,
            key=key,
            allows_parts=bool(PARTS_ALLOWED.search(s.sentence)), before=text[max(0, s.start - 30):s.start])
        if figure.identity not in seen:
            seen.add(figure.identity)
            figures.append(figure)
    return figures
