"""figure_metric: which metric a figure measures, and why. Every rule of the decision is here,
in the order it is tried; the cues are data (lexicons/metrics.yml), each with an id.

1. `workload.worth_of_work`: time measuring work to do ("six days' work to do") is a workload;
   `unit.age`: an age ("11-year-old", "aged 25") is other; `time.sickness_absence`: time in a
   sentence about sickness is absence (other); `unit.duration`: else a length of time is a
   duration. A figure of times over ("doubled", "three times higher") is read like a count;
   `unit.other`: any other unit no metric has is other.
2. `restates`: a figure in brackets after another ("a third (5,400 staff)", "192 (5.7%)")
   restates it and takes its metric.
3. `counted_noun.unmeasured`: a count of a noun no metric measures ("50 interviews", "21 CRCs")
   is other, whatever the words around it say; but a change of one ("a drop of 4 cases") takes
   the metric of its level (`change.of_level`).
4. `pay.band_point`: a salary-sized pound amount in a pay band's row ("PB4 £42000") is its salary.
5. a cue (`<metric>.<name>`): the nearest, heaviest cue; a cue in the figure's own clause
   counts fully, one in another clause of its sentence for less, one in the noun another count
   of the sentence counts not at all ("220,000 people on probation and 16,000 staff"); a short
   sentence borrows the cue just before it, then one of the neighbouring text (`@context`).
   `survey.sample`: a survey word in the noun a count counts makes it the sample (other). Then
   `targets.total_of` ("seven of its 27 targets": the whole), `pay.one_award` (a pay rise with
   no span is one award) and `pay.growth_over_years` (an award over years is pay growth).
6. `change.of_level`: a change with no cue of its own ("a decrease of 0.8 percentage points")
   takes the metric of the level before it; `list.sibling`: the second figure of a list
   ("working at 126.8% and 117.8%") takes the first's.
7. `no_cue`: other.

Each decision is recorded with `set_reason(span, "metric", rule id, words)`. Run alone on
`nlp(text)` the component reads the passage's own text around a short sentence; in the build
it also reads the passages around it (`doc._.context.neighbours`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from bisect import bisect_left
from functools import lru_cache
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .layout import column_header
from .lexicon import load_lexicon
from .measures import RESTATES
from .period_value import Period
from .reasons import set_reason
from .sentences import sentence_of, sentence_text
from .spans import overlaps_sorted

TIME_UNITS = {"days", "months", "years", "hours"}
MEASURED_UNITS = ("count", "percent", "gbp")
OTHER_CLAUSE_WEIGHT = 0.6  # a cue in another clause of the sentence counts for less
WHOLE_WEIGHT = 0.6  # a cue naming the whole a share is of ("15% of the prison population")
OWN_NOUN_WEIGHT = 1.5  # a cue in the noun a count counts ("16,000 staff") or right before it
CONTEXT_WEIGHT = 0.3  # a cue in neighbouring text counts for less than any in the sentence
MAX_WEIGHT = 4.0  # the heaviest cue's weight in metrics.yml (checked by the cue table)
DISTANCE_SCALE = 40.0  # characters over which a cue's pull halves
SHORT_SENTENCE = 10  # words: a shorter sentence borrows cues from its neighbours
# a sentence of many figures (a flattened table) is read in time linear in its figures: each
# figure weighs the cues within CUE_WINDOW characters of it, and cues ending just before it
# within BEFORE_WINDOW
CUE_WINDOW = 600
BEFORE_WINDOW = 120
LONGEST_CUE = 200  # characters: how far before a range a cue overlapping it can start
METRIC_CONTEXT = 2000  # characters of the passage either side of a short sentence that lend it cues
NEAR_CONTEXT = 300  # characters just before a short sentence, whose cues it borrows first
# "seven of its 27 targets", "seven out of 27": the whole, not the part
TOTAL_OF = re.compile(r"\bout of (?:the |a possible )?$|\bof (?:its|their|the|our|his|her|a possible) $", re.I)
# a clause starts at a verb heading a clause of its own, never at a noun's modifier
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "conj", "parataxis"}
# prepositions whose phrase says what a counted noun is ("members of staff", "officers in
# post", "people under supervision"); "interviews with officers" are not officers, "reports on
# shortages" not shortages
NOUN_PREPOSITIONS = {"of", "in", "under"}
# words a parse may take for the noun a number counts that are its unit ("a decrease of 0.8
# percentage" cut at a line's end): the figure counts nothing of its own
# verbs that say how much their subject is ("caseloads average 48 cases", "leavers totalled 900
# staff")
# (the pipeline has no lemmatizer: the forms are written out)
AMOUNT_VERBS = re.compile(r"(?:averag|total|number|reach|exceed|amount|equal)(?:e|es|ed|s|led|ing)?|hits?|tops?|topped", re.I)
# verbs that state their subject's level or its change: "the prison population reached 88,000",
# "the caseload of each officer was 52", "recalls rose to 28,000"
PREDICATE_VERBS = re.compile(r"(?:is|are|was|were|be|been|being|stands?|stood|reach(?:es|ed)?|hits?|rose|rise[sn]?|"
                             r"f[ae]ll(?:s|en)?|climb(?:s|ed)?|increas(?:e|es|ed)|decreas(?:e|es|ed)|drop(?:s|ped)?|"
                             r"gr[eo]w(?:s|n)?|jump(?:s|ed)?|doubled|total(?:s|led|ed)?|averag(?:e|es|ed)|remain(?:s|ed)?)", re.I)
# the preposition that joins a level to such a verb: "rose to 28,000", "stood at 4,400", "fell by 6%"
PREDICATE_PREPOSITIONS = {"to", "at", "by", "from"}
# what qualifies one figure alone: "a cumulative 7.1%", "a compound rise of 9.2%"
QUALIFIER_DEPS = {"amod", "compound", "advmod"}
# nouns a count is said through ("a total of 900 staff", "the number of 40 cases")
WHOLE_NOUNS = {"total", "number", "sum", "figure", "count"}
RUN_LENGTH = 3  # words between a split noun run's two halves
UNIT_NOUNS = {"percentage", "percent", "cent", "point", "points", "pence", "pounds", "times"}
TIMES_COMPARED = re.compile(r"\s+(?:as (?:many|much|high|large|likely)|more|higher|greater|larger|bigger|over)\b", re.I)
# what lies between two figures of one list: "126.8% and 117.8%", "12, 14 or 15": the second
# shares the first's cue ("working at 126.8% and 117.8%")
# what lies between a level and the earlier value it is compared with: "4,600 offenders, up from
# 4,100", "17 officers (down from 29)"
EARLIER_VALUE = re.compile(r"(?:[^.;:()]{0,60}?[,(–—-]\s*|\s+)(?:up|down|rising|falling|increasing|decreasing|a (?:rise|fall|drop|decrease|increase))"
                           r"\s+from\s+(?:a |an |the |just |only |around |about |some |nearly |almost )?", re.I)
LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|to|then)\s*", re.I)
PAY_AWARD = re.compile(r"\bpay increase\b|\bclaim\b|\boffer\b|band maxima", re.I)
# "six days' worth of work in a five-day week", "six days' work to do": time measuring work to
# do is a workload
WORTH_OF_WORK = re.compile(r"['’]?s?\s+(?:worth of (?:work|cases|tasks)|work to do)", re.I)
# "their 11-year-old friend", "aged 25", "people aged 18 to 25", "25 years old": an age, not a
# duration (GUIDELINES: ages are metric other)
AGE_AFTER = re.compile(r"-?\s*(?:years?|yrs?)?[- ]olds?\b|\s+(?:years?\s+)?of age\b", re.I)
AGE_BEFORE = re.compile(r"\b(?:aged|ages|age of)\s*$", re.I)
# time lost to sickness ("61,409 working days lost to sickness", "an average loss of 23 days per
# year" beside "staff sickness") is an absence figure, not a duration; "off sick for six months"
# is a duration
SICKNESS = re.compile(r"\bsickness\b|\b(?:working )?days lost\b|\babsence rates?\b|\bsick days\b", re.I)
# a row of a pay scale ("PB4 £42000 13%", "Band 3: £28,500"): a pound amount of a salary's size
# is the salary of that band, whatever the offer around it; a small one ("Pay Band 6 £385")
# may be the award
PAY_BAND_LABEL = re.compile(r"\b(?:PB|pay band|band|grade|spine point|pay point|scale point)\s*\d", re.I)
SALARY_SIZE = (10_000, 200_000)
# no practitioner holds this many cases: a caseload this large is the service's, the people it
# supervises ("the probation caseload stood at 239,000")
SERVICE_CASELOAD = 1_000
# a rise over years, cumulative or in real terms, is pay growth, not one award
PAY_GROWTH = re.compile(r"real[- ]terms|cumulative|compound|\bsince (?:19|20)\d\d|\bfrom (?:19|20)\d\d to|"
                        r"\bbetween (?:19|20)\d\d and|\bover the (?:last|past)\b|\bin the (?:last|past) \w+ years", re.I)
# "half the staff needed", "80% of the officers required": the share of what is needed that
# is in post
SHARE_OF_NEEDED = re.compile(r"^\s*(?:of\s+)?(?:the|all|its|their)\s+(?:number\s+of\s+)?(?:[a-z-]+\s+){0,3}$", re.I)
PAY_SPAN = re.compile(r"real[- ]terms|\bsince\b|\bover the (?:last|past)\b|each year|per year|a year over|"
                      r"between (?:19|20)\d{2} and|progression|band (?:max|min)imums?|cumulative|compound", re.I)


@dataclass(frozen=True)
class Cue:
    id: str  # "<metric>.<name>"
    metric: str
    units: frozenset[str]
    weight: float
    ending: bool  # must end just before the figure
    noun_only: bool = False  # for a count of a noun, applies only inside that noun
    not_whole: bool = False  # never applies from the whole a share is of


@lru_cache(maxsize=1)
def cue_table() -> tuple[Cue, ...]:
    cues = []
    for entry in load_lexicon("metrics"):
        for name, pattern in entry["cues"].items():
            cues.append((Cue(f"{entry['metric']}.{name}", entry["metric"], frozenset(entry["units"]),
                             float(entry["weight"]), pattern.endswith("$"), bool(entry.get("noun_only")),
                             bool(entry.get("not_whole"))),
                         pattern.rstrip("$")))
    if max(c.weight for c, _ in cues) > MAX_WEIGHT:
        raise ValueError(f"metrics.yml: a weight above MAX_WEIGHT ({MAX_WEIGHT}) in extract/metric.py")
    ids = [c.id for c, _ in cues]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"metrics.yml: cue ids used twice: {', '.join(sorted(duplicates))}")
    return tuple(c for c, _ in cues), tuple(p for _, p in cues)


@lru_cache(maxsize=None)
def cue_scanner(unit: str, ending: bool) -> tuple[re.Pattern, tuple[Cue, ...]]:
    """One pattern for the cues a unit can take: every cue as whole words, tried at every
    position (a lookahead, so that cues may overlap: "number of staff needed" holds
    number_of_staff and staff_needed); at one position the heaviest cue wins. The cues that
    must end just before the figure get a pattern of their own, anchored at the text's end."""
    cues, patterns = cue_table()
    chosen = sorted((n for n, c in enumerate(cues) if unit in c.units and c.ending == ending),
                    key=lambda n: -cues[n].weight)
    groups = "|".join(f"(?P<c{n}>(?:{patterns[n]})(?!\\w))" for n in chosen) or "(?!)"
    if ending:
        return re.compile(rf"(?<!\w)(?:{groups})\s*$", re.I | re.M), cues
    return re.compile(rf"(?=(?<!\w)(?:{groups}))", re.I | re.M), cues


@lru_cache(maxsize=256)
def cues_in(text: str, unit: str) -> tuple[tuple[Cue, int, int], ...]:
    """Every cue a figure of `unit` can take in `text`, with its character offsets: the
    figures of one sentence share a scan."""
    scanner, cues = cue_scanner(unit, False)
    found = []
    for m in scanner.finditer(text):
        name = m.lastgroup
        found.append((cues[int(name[1:])], m.start(name), m.end(name)))
    return tuple(found)


@lru_cache(maxsize=256)
def _cue_starts(text: str, unit: str) -> list[int]:
    return [start for _, start, _ in cues_in(text, unit)]


def cues_near(text: str, unit: str, lo: int, hi: int) -> tuple[tuple[Cue, int, int], ...]:
    """The cues of cues_in that start in [lo, hi), found by bisection."""
    starts = _cue_starts(text, unit)
    return cues_in(text, unit)[bisect_left(starts, lo):bisect_left(starts, hi)]


WORD = re.compile(r"\S+")


def _words_at_most(text: str, limit: int) -> bool:
    """Whether text has at most `limit` words, reading no further than the word after them."""
    return sum(1 for _ in islice(WORD.finditer(text), limit + 1)) <= limit


def _neighbouring_text(doc: Doc, sent: Span, text: str) -> tuple[str, str]:
    """The text just before the sentence (its heading, the sentence it answers), then the rest
    of the passage around it and the passages around it, made once per sentence: a cue near
    is tried before any far."""
    made = doc.user_data.setdefault("metric_context", {})
    s0 = sent.start_char
    if s0 not in made:
        made[s0] = (text[max(0, s0 - NEAR_CONTEXT):s0],
                    text[max(0, s0 - METRIC_CONTEXT):s0] + " " + text[sent.end_char:sent.end_char + METRIC_CONTEXT]
                    + " " + (doc_context.neighbours if (doc_context := doc._.context) else ""))
    return made[s0]


def clause_ranges(token: Token, s0: int) -> list[tuple[int, int]]:
    """clause_tokens as character ranges of the sentence (starting at `s0`), in order; the
    figures of one clause share them (a Doc remembers each clause's)."""
    heads = token.doc.user_data.setdefault("clause_heads", {})
    made = token.doc.user_data.setdefault("clause_ranges", {})
    # the clause's head, with every token walked through remembered: a long chain is walked once
    path, head = [], token
    while head.i not in heads and head.head.i != head.i and (head.dep_ not in CLAUSE_DEPS or not head.tag_.startswith("VB")):
        path.append(head.i)
        head = head.head
    top = heads.get(head.i, head.i)
    for i in path:
        heads[i] = top
    heads[token.i] = top
    if (top, s0) not in made:
        doc = token.doc
        made[(top, s0)] = [(doc[i].idx - s0, doc[i].idx + len(doc[i]) - s0) for i in sorted(clause_tokens(doc[top]))]
    return made[(top, s0)]


@lru_cache(maxsize=None)
def weight_scanners(unit: str) -> tuple[tuple[float, re.Pattern], ...]:
    """For neighbouring text, where only the heaviest cue counts: one pattern per weight,
    heaviest first, so that a scan stops at the first weight found."""
    cues, patterns = cue_table()
    by_weight: dict[float, list[int]] = {}
    for n, c in enumerate(cues):
        if unit in c.units and not c.ending and c.metric != "other":
            by_weight.setdefault(c.weight, []).append(n)
    return tuple((w, re.compile("(?<!\\w)(?:" + "|".join(f"(?P<c{n}>(?:{patterns[n]})(?!\\w))" for n in ns) + ")",
                                re.I | re.M))
                 for w, ns in sorted(by_weight.items(), reverse=True))


def heaviest_cue_in(text: str, unit: str, above: float) -> tuple[Cue, int, int] | None:
    """The first cue of the heaviest weight found in `text` whose weight exceeds `above`."""
    for weight, pattern in weight_scanners(unit):
        if weight <= above:
            return None
        m = pattern.search(text)
        if m:
            return cue_table()[0][int(m.lastgroup[1:])], m.start(m.lastgroup), m.end(m.lastgroup)
    return None


def cue_ending_at(unit: str, before: str) -> tuple[Cue, str] | None:
    """The cue that ends just before a figure ("supervise nearly $"), with its words."""
    m = cue_scanner(unit, True)[0].search(before)
    if m is None:
        return None
    return cue_table()[0][int(m.lastgroup[1:])], m.group(m.lastgroup)


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def clause_tokens(token: Token) -> set[int]:
    """The indices of the tokens of `token`'s clause: the subtree of the nearest verb above
    it that heads a clause, without the clauses of their own under that verb (a coordinated
    or subordinate clause: "HMPPS has been recruiting staff, but found it had underestimated
    the staff required by a third": "recruiting" is not the third's clause)."""
    head = token
    while head.head.i != head.i and (head.dep_ not in CLAUSE_DEPS or not head.tag_.startswith("VB")):
        head = head.head
    inside, stack = set(), [head]
    while stack:
        t = stack.pop()
        inside.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS or not c.tag_.startswith("VB"))
    return inside


@dataclass
class Decision:
    metric: str
    rule: str
    words: str | None = None
    scope: str = ""  # the sentence or line the deciding cue is in


def _line_around(text: str, start: int, end: int) -> str:
    """The sentence or line of `text` holding [start, end)."""
    first = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    last = min(i for i in (text.find(". ", end), text.find("\n", end), len(text)) if i >= 0)
    return text[first:last]


Ranges = list[tuple[int, int]]


def _overlaps(start: int, end: int, ranges: Ranges) -> bool:
    return any(s < end and start < e for s, e in ranges)


def classify(unit: str, start: int, end: int, sentence: str, context: str | tuple[str, ...] = "",
             clause: Ranges | None = None, own: Ranges = (), whole: Ranges = (),
             others: Ranges = (), part: bool = False, subject: Ranges = (), theirs: Ranges = ()) -> Decision:
    """The metric of a figure of `unit` at [start, end) of `sentence`. Character ranges of
    the sentence: `clause`, the figure's own clause (None: all of it); `own`, the noun it
    counts and the word governing it; `whole`, the whole a share is of; `others`, the nouns
    other figures of the sentence count ("220,000 people on probation and 16,000 staff": the
    16,000 are not people on probation). `context` is neighbouring text, read when the
    sentence is short. `part`: the figure is a part of a counted whole ("12 of the 41
    practitioners we spoke to"), whose noun is `own`: what a survey found, not its sample.
    `subject`: what a verb says is at the figure's level ("the prison population reached
    88,000"), whose cues count like the figure's own noun. `theirs`: the words before other
    figures that qualify them alone ("a cumulative 7.1%", "a compound rise of 9.2%")."""
    before = sentence[max(0, start - BEFORE_WINDOW):start]
    best = Decision("other", "no_cue")
    best_score = 0.0
    sample = None  # a survey's word in the noun a count counts
    ending = cue_ending_at(unit, before)
    if ending is not None:
        cue, words = ending
        best, best_score = Decision(cue.metric, cue.id, words), cue.weight * 1.5
    for cue, cue_start, cue_end in cues_near(sentence, unit, start - CUE_WINDOW, end + CUE_WINDOW):
        d = _distance(cue_start, cue_end, start, end)
        score = cue.weight * (0.3 + 0.7 / (1 + d / DISTANCE_SCALE))
        if clause is not None and not overlaps_sorted(cue_start, cue_end, clause):
            score *= OTHER_CLAUSE_WEIGHT
        metric, rule = cue.metric, cue.id
        if any(lo <= cue_start and cue_end <= hi for lo, hi in theirs):
            continue  # "4% this year and 3% next, a cumulative 7.1%": the 7.1% is cumulative
        if own and _overlaps(cue_start, cue_end, others) and not _overlaps(cue_start, cue_end, own):
            continue  # the words of another figure's noun
        if cue.metric == "survey" and unit == "count" and not part and _overlaps(cue_start, cue_end, own):
            # "2,000 practitioners interviewed": the people asked are the sample, not a finding
            metric, rule = "other", "survey.sample"
            sample = Decision(metric, rule, sentence[cue_start:cue_end], sentence)
        if cue.id == "staff_shortage.staff_needed" and (
                _overlaps(cue_start, cue_end, whole) or SHARE_OF_NEEDED.match(sentence[end:cue_start])):
            # "half the staff needed", "70% of the needed number of officers": the share of
            # what is needed that is in post
            metric, rule = "staff_in_post", "staff_in_post.share_of_needed"
        elif _overlaps(cue_start, cue_end, own) or _overlaps(cue_start, cue_end, subject):
            score *= OWN_NOUN_WEIGHT
        elif _overlaps(cue_start, cue_end, whole) and not cue_start <= start < end <= cue_end \
                and not cue_end > max(e for _, e in whole):
            # (a cue running on past the whole says what the share did: "96% of members rejected")
            # a cue framing the figure itself ("lost a quarter of its value") is not the whole's
            if cue.not_whole:
                continue  # "one in three people on probation is unemployed": not people supervised
            score *= WHOLE_WEIGHT
        if cue.noun_only and (own or cue.metric == "other") and not _overlaps(cue_start, cue_end, own):
            continue  # it speaks only of the noun a count counts: "60 cases" is not staff
        if score > best_score:
            best, best_score = Decision(metric, rule, sentence[cue_start:cue_end], sentence), score
    # a short sentence ("Yes: 26,696 (93.40%)", "Probation Staff: 1%") borrows from its
    # neighbours the cue that could win
    # (read only when one of its cues could win: a long text to scan)
    if context and best_score < MAX_WEIGHT * CONTEXT_WEIGHT and _words_at_most(sentence, SHORT_SENTENCE):
        for part in ((context,) if isinstance(context, str) else context):
            found = heaviest_cue_in(part, unit, best_score / CONTEXT_WEIGHT)
            if found is not None:
                cue, cue_start, cue_end = found
                best = Decision(cue.metric, cue.id + "@context", part[cue_start:cue_end],
                                _line_around(part, cue_start, cue_end))
                break
    if sample is not None:
        return sample  # "a survey of 1,200 members": the people asked, whatever else they are
    if best.metric == "targets_met" and TOTAL_OF.search(before):
        return Decision("targets_total", "targets.total_of", before[-12:].strip())
    return best


def classify_metric(unit: str, start: int, end: int, sentence: str, context: str = "",
                    form: str = "number") -> str:
    """The metric name alone, for a figure read without a parse."""
    if unit in TIME_UNITS or form.startswith("duration"):
        return "duration"
    if unit not in MEASURED_UNITS:
        return "other"
    return classify(unit, start, end, sentence, context).metric


# -- the component ---------------------------------------------------------------------

@Language.component("figure_metric",
                    requires=["token.dep", "token.tag", "span._.quantity", "span._.period",
                              "span._.measure"],
                    assigns=["span._.metric", "span._.why"])
def figure_metric(doc: Doc) -> Doc:
    text = doc.user_data.get("text") or doc.text
    figures = sorted(doc.spans["figures"], key=lambda s: s._.quantity.start)
    previous: Span | None = None
    decisions = []
    for span in figures:
        decision = decide(span, previous, text)
        span._.metric = decision.metric
        decisions.append(decision)
        previous = span
    for i, (span, decision) in enumerate(zip(figures, decisions)):
        if decision.rule == "no_cue":
            decisions[i] = compared_with(span, figures[i + 1:i + 1 + COMPARED_AHEAD],
                                         decisions[i + 1:i + 1 + COMPARED_AHEAD], text) or decision
            span._.metric = decisions[i].metric
        set_reason(span, "metric", decisions[i].rule, decisions[i].words)
    return doc


# "The national average stands at 111.7%, with London working at 126.8%": a figure with no cue
# compared, later in its sentence, with a figure of the same unit that has one measures the same
COMPARED = re.compile(r"\b(?:with|compared (?:with|to)|against|while|whereas|versus|vs)\b", re.I)


# how many figures after one are read for its comparison: the next few, so a one-line table of
# hundreds of figures stays linear
COMPARED_AHEAD = 3


def compared_with(span: Span, after: list[Span], decisions: list[Decision], text: str) -> Decision | None:
    """The metric of the first figure of the same unit after `span` in its sentence, when the
    words between compare them and that figure's metric came from a cue."""
    fig = span._.quantity
    end = sentence_of(span).end_char
    for other, decision in zip(after, decisions):
        q = other._.quantity
        if q.start >= end:
            return None
        if q.unit != fig.unit:
            continue
        if decision.rule in ("no_cue", "counted_noun.unmeasured") or decision.metric in ("other", "duration"):
            return None
        if COMPARED.search(text[fig.end:q.start]):
            return Decision(decision.metric, "comparison.sibling", text[fig.start:q.end])
        return None
    return None


def decide(span: Span, previous: Span | None, text: str) -> Decision:
    fig = span._.quantity
    if fig.unit in TIME_UNITS and WORTH_OF_WORK.match(text, fig.end):
        return Decision("workload", "workload.worth_of_work", text[fig.start:WORTH_OF_WORK.match(text, fig.end).end()])
    if fig.unit in TIME_UNITS or fig.form.startswith("duration"):
        age = AGE_AFTER.match(text, fig.end) or AGE_BEFORE.search(text, max(0, fig.start - 12), fig.start)
        if age:
            return Decision("other", "unit.age", age.group().strip())
        sent = sentence_of(span)
        sickness = SICKNESS.search(text, sent.start_char, sent.end_char)
        if sickness:
            return Decision("other", "time.sickness_absence", sickness.group())
        return Decision("duration", "unit.duration", fig.text)
    # "the number on recall has doubled", "three times as many leavers": a change of a count by
    # how many times over takes the metric of that count; "the panel sat eight times" counts
    # occasions (other)
    cue_unit = fig.unit
    if fig.unit == "times" and (fig.form == "multiplied" or TIMES_COMPARED.match(text, fig.end)):
        cue_unit = "count"
    if cue_unit not in MEASURED_UNITS:
        return Decision("other", "unit.other")
    if previous is not None and RESTATES.fullmatch(text[previous._.quantity.end:fig.start].strip()) \
            and previous._.metric not in ("duration", None):
        return Decision(previous._.metric, "restates", text[previous._.quantity.start:fig.end])
    # a table's value cell measures what its column header names ("Vacancies (FTE)" / "402"); a
    # share in brackets after it ("45 (12%)") restates it, above
    header = column_header(span)
    found = heaviest_cue_in(header, cue_unit, 0.0) if header else None
    if found:
        return Decision(found[0].metric, found[0].id + "@column", header[found[1]:found[2]], header)
    sent = sentence_of(span)
    s0 = sent.start_char
    root = span.root
    # a figure that counts a noun of its own ("10 reasons") is not measured by the cue
    # words of the passages around it
    counts_a_noun = fig.unit == "count" and root.dep_ == "nummod" and root.head.tag_ in ("NNS", "NN") \
        and counted_noun(root).lower_ not in UNIT_NOUNS
    own: Ranges = []
    others: Ranges = []
    if previous is not None and previous._.quantity.unit == fig.unit and previous._.quantity.end >= s0 \
            and previous._.metric not in ("other", "duration", None) \
            and EARLIER_VALUE.fullmatch(text, previous._.quantity.end, fig.start):
        # "supervises 4,600 offenders, up from 4,100 in 2019": the earlier value of the same level
        return Decision(previous._.metric, "earlier_value.of_level", text[previous._.quantity.start:fig.end])
    if counts_a_noun:
        own = counted_noun_ranges(root, sent)
        if not counted_noun_measured(fig, root, own, sent):
            if span._.measure == "change" and previous is not None and previous._.quantity.end >= s0 \
                    and previous._.metric not in ("other", "duration", None):
                # "fell to 38, a drop of 4 cases": the change counts what its level counts
                return Decision(previous._.metric, "change.of_level",
                                text[previous._.quantity.start:previous._.quantity.end])
            return Decision("other", "counted_noun.unmeasured", counted_noun(root).text)
        others = other_counted_nouns(span, sent)
    whole_count = partitive_whole(span) if fig.unit == "count" and not counts_a_noun else None
    if whole_count is not None:
        # "22 of the 60 cases inspected": the part counts what its whole counts
        own = counted_noun_ranges(whole_count, sent)
    clause = clause_ranges(root, s0)
    if counts_a_noun and is_partitive_whole(counted_noun(root)):
        clause = sorted(own)  # "Of the 18 new officers, 5 had left": the verb is the part's, not the 18's
    sent_text = sentence_text(sent)
    if fig.unit == "gbp" and SALARY_SIZE[0] <= fig.value <= SALARY_SIZE[1] and _words_at_most(sent_text, SHORT_SENTENCE):
        band = PAY_BAND_LABEL.search(sent_text)
        if band:
            return Decision("salary", "pay.band_point", band.group())
    context: tuple[str, ...] = ()
    if not counts_a_noun and _words_at_most(sent_text, SHORT_SENTENCE):
        context = _neighbouring_text(span.doc, sent, text)
    decision = classify(cue_unit, fig.start - s0, fig.end - s0, sent_text, context, clause, own,
                        whole_of_share(span) if fig.unit == "percent" else [], others,
                        part=whole_count is not None, subject=[] if own else subject_of_level(span, s0),
                        theirs=other_premodifiers(span, sent))
    # pay growth or erosion holds over a span ("since 2010", "in real terms over ten
    # years"); a pay rise for one year or one settlement is an award
    period = Period.parse(span._.period)
    if (decision.metric == "pay_change" and not (period and period.is_span) and PAY_AWARD.search(sent_text)
            and not PAY_SPAN.search(sent_text)):
        return Decision("pay_award", "pay.one_award", PAY_AWARD.search(sent_text).group())
    # searched only for a percent award: a search of the whole sentence for every figure would
    # cost its length times its figures
    growth = (PAY_GROWTH.search(_without(decision.scope or sent_text, other_premodifiers(span, sent)
                                         if decision.scope in ("", sent_text) else []))
              if decision.metric == "pay_award" and fig.unit == "percent" else None)
    if growth:
        return Decision("pay_change", "pay.growth_over_years", growth.group())
    if decision.metric == "people_supervised" and fig.unit == "percent" and span._.measure != "change":
        # a share of the people supervised is what the share says of them ("the employment rate
        # of people on probation was 23%"); only a change of their number is theirs
        return Decision("other", "people_supervised.share_of_them", decision.words)
    if decision.metric == "caseload" and fig.unit == "count" and fig.value >= SERVICE_CASELOAD:
        return Decision("people_supervised", "caseload.service_total", decision.words)
    if decision.rule == "no_cue" and previous is not None and previous._.metric not in ("other", "duration", None):
        if span._.measure == "change":
            return Decision(previous._.metric, "change.of_level",
                            text[previous._.quantity.start:previous._.quantity.end])
        if previous._.quantity.unit == fig.unit and previous._.quantity.end >= s0 \
                and LIST_SEPARATOR.fullmatch(text, previous._.quantity.end, fig.start):
            return Decision(previous._.metric, "list.sibling", text[previous._.quantity.start:fig.end])
    return decision


def other_premodifiers(span: Span, sent: Span) -> Ranges:
    """The words before each other figure of the sentence that qualify it alone, as character
    ranges of the sentence: "cumulative" of "a cumulative 7.1%", "compound" of "a compound
    rise of 9.2%" (a modifier of the figure or of the noun it is "of"; the noun itself, as in
    "a caseload of more than 50", names what the sentence is about). Made once per sentence;
    only those near the figure."""
    doc, s0 = span.doc, sent.start_char
    if "premodifiers" not in doc.user_data:
        # made once per Doc, by the sentence each figure is in: linear in the figures
        made: dict[int, list[tuple[int, int, int]]] = {}
        for other in doc.spans["figures"]:
            o0 = sentence_of(other).start_char
            root = other.root
            heads = [root]
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.tag_.startswith("NN") \
                    and root.head.head.i < root.i:
                heads.append(root.head.head)  # "a compound rise of 9.2%"
            for head in heads:
                for t in head.lefts:
                    if t.dep_ in QUALIFIER_DEPS and t.i < other.start:
                        words = list(t.subtree)
                        made.setdefault(o0, []).append(
                            (words[0].idx - o0, words[-1].idx + len(words[-1]) - o0, other.start_char))
        for phrases in made.values():
            phrases.sort()
        doc.user_data["premodifiers"] = made
    made = doc.user_data["premodifiers"]
    fig = span._.quantity
    phrases = made.get(s0, [])
    # only those a cue near the figure can be in: a sentence of many figures stays linear
    near = phrases[bisect_left(phrases, (fig.start - CUE_WINDOW - LONGEST_CUE - s0,)):
                   bisect_left(phrases, (fig.end + CUE_WINDOW - s0 + 1,))]
    return [(lo, hi) for lo, hi, at in near if at != span.start_char]


def _without(text: str, ranges: Ranges) -> str:
    """`text` with the characters of `ranges` blanked."""
    for lo, hi in ranges:
        text = text[:lo] + " " * (hi - lo) + text[hi:]
    return text


def counted_noun(root: Token) -> Token:
    """The noun a number counts: its head, past the compounds and modifiers before it ("464
    probation officer vacancies", "3,491 band 3 to 5 officers")."""
    noun = root.head
    while noun.dep_ in ("compound", "quantmod", "nummod") and noun.head.i > noun.i:
        noun = noun.head
    # a noun run the parse split in two ("204.1 full time | equivalent vacancies"): the words
    # after the noun that modify a noun further on belong to it, and that noun is counted
    doc, after = noun.doc, noun.i + 1
    while after < len(doc) and after - noun.i <= RUN_LENGTH and doc[after].dep_ in ("amod", "compound") \
            and doc[after].head.i > after:
        after += 1
    if after > noun.i + 1 and after < len(doc) and doc[after].tag_ == "NNS" \
            and all(doc[i].head.i <= after for i in range(noun.i + 1, after)):
        return doc[after]
    return noun


def other_counted_nouns(span: Span, sent: Span) -> Ranges:
    """The nouns the other counts of the sentence count, as character ranges of it."""
    doc, s0 = span.doc, sent.start_char
    if "counted_phrases" not in doc.user_data:
        # made once per Doc: every count of a noun, by the sentence it is in
        made: dict[int, list[tuple[int, int, int]]] = {}
        for other in doc.spans["figures"]:
            root = other.root
            if other._.quantity.unit == "count" and root.dep_ == "nummod" and root.head.tag_ in ("NNS", "NN"):
                noun = counted_noun(root)
                first = min(t.i for t in noun.subtree if t.i <= noun.i)
                made.setdefault(sentence_of(other).start_char, []).append(
                    (root.i, doc[first].idx, noun.idx + len(noun)))
        for phrases in made.values():
            phrases.sort(key=lambda p: p[1])
        doc.user_data["counted_phrases"] = (made, {k: [p[1] for p in v] for k, v in made.items()})
    made, starts = doc.user_data["counted_phrases"]
    # only those a cue near the figure can overlap: a sentence of many counts is read in
    # time linear in them
    fig = span._.quantity
    phrases = made.get(s0, [])
    lo_at = bisect_left(starts.get(s0, []), fig.start - CUE_WINDOW - LONGEST_CUE)
    hi_at = bisect_left(starts.get(s0, []), fig.end + CUE_WINDOW + LONGEST_CUE)
    return [(lo - s0, hi - s0) for i, lo, hi in phrases[lo_at:hi_at] if i != span.root.i]


def subject_of_level(span: Span, s0: int) -> Ranges:
    """The subject a verb of level or change says the figure is the level of, as character
    ranges of its sentence (starting at `s0`): "the prison population" of "the prison
    population reached 88,000, of whom 13,000 were recalled"; "the caseload of each officer"
    of "... was 52". Its words, without the clauses of their own under it."""
    root = span.root
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ in PREDICATE_PREPOSITIONS:
        verb = verb.head
    elif root.dep_ not in ("dobj", "attr", "npadvmod", "advmod", "acomp"):
        return []
    if verb.i == root.i or not verb.tag_.startswith("VB") or not PREDICATE_VERBS.fullmatch(verb.text):
        return []
    return [(t.idx - s0, t.idx + len(t) - s0)
            for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in subject_words(c)]


def subject_words(token: Token) -> list[Token]:
    """`token` and the words under it, without the clauses of their own under it; a clause
    restricting a noun qualifies it ("offenders on licence who were recalled")."""
    words, stack = [], [token]
    while stack:
        t = stack.pop()
        words.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("advcl", "ccomp"))
    return words


def says_what_subject_is(noun: Token) -> bool:
    """Whether a counted noun says how much its clause's subject is: after a copula ("the
    shortfall is 1,700 officers") or a verb of amount ("caseloads average 48 cases")."""
    return noun.dep_ == "attr" or (noun.dep_ == "dobj" and AMOUNT_VERBS.fullmatch(noun.head.text) is not None)


def counted_noun_ranges(root: Token, sent: Span) -> Ranges:
    """Where the noun a count counts says what it is, as character ranges of its sentence:
    the noun with the words before it ("464 probation officer vacancies"), the word that
    governs it ("employing 150 ex-offenders"; for a noun after a preposition, the
    preposition's head: "the supervision of 243,000 offenders") and the participle after it
    ("2,000 practitioners interviewed")."""
    s0 = sent.start_char
    noun = counted_noun(root)
    phrase = [t for t in noun.subtree if t.i <= noun.i]
    # "2,000 practitioners interviewed"; "7,236 members of staff", "3,550 officers in post"
    # a noun coordinated with another ("220,000 people on probation and 16,000 staff") is
    # governed by what governs the first of them
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    # a clause describing the noun qualifies it too: "the 41 practitioners we spoke to"
    around = [first.head if first is not noun else noun.head] + [c for c in noun.rights if c.dep_ in ("acl", "relcl")] + \
        [t for p in noun.rights if p.dep_ == "prep" and p.lower_ in NOUN_PREPOSITIONS for t in _up_to_punctuation(p)]
    if noun.dep_ == "pobj" and not is_partitive_whole(noun):
        # the supervision of 243,000 offenders; but "Of the 86 cases inspected, none had ...":
        # a partitive's verb is its parts'
        around.append(noun.head.head)
    # what a copula says the count is: "the shortfall is now 1,700 officers"
    if says_what_subject_is(noun):
        around += [t for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    # the participle right after it, however parsed ("of 2,000 practitioners interviewed felt")
    if noun.i + 1 < sent.end and noun.doc[noun.i + 1].tag_ in ("VBN", "VBD"):
        around.append(noun.doc[noun.i + 1])
    return [(phrase[0].idx - s0, noun.idx + len(noun) - s0)] + \
        [(t.idx - s0, t.idx + len(t) - s0) for t in around if t.i != noun.i]


def _up_to_punctuation(token: Token) -> list[Token]:
    """`token` and the words of its subtree after it, up to the first punctuation mark."""
    words = []
    for t in token.subtree:
        if t.i < token.i:
            continue
        if t.is_punct:
            break
        words.append(t)
    return words


def counted_noun_measured(fig, root: Token, own: Ranges, sent: Span) -> bool:
    """Whether what a count counts is something a metric measures. The subject of its
    sentence, or what a copula says it is, is measured by what the sentence says of it ("13
    CRCs have reduced reoffending", "the average caseload was 41 cases"); an object or a noun after a preposition by its own words and the words
    around it (counted_noun_ranges): "464 probation officer vacancies", "employing 150
    ex-offenders" are; "transferring 300 cases", "the 12 probation regions", "5,500
    prisoner releases" are not. A cue that ends just before the figure ("supervise nearly
    156,000 people") settles it."""
    noun = counted_noun(root)
    role = noun.head if noun.dep_ == "appos" else noun  # "stats: 13 CRCs have ..." is the subject's
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in WHOLE_NOUNS:
        role = noun.head.head  # "a total of 19,823 people were tested": the people are the subject
    if not noun.is_alpha or role.dep_ in ("nsubj", "nsubjpass", "attr") or says_what_subject_is(role) or \
            cue_ending_at(fig.unit, sentence_text(sent)[max(0, fig.start - sent.start_char - BEFORE_WINDOW):
                                                        fig.start - sent.start_char]) is not None:
        return True
    return any(_overlaps(s, e, own) for lo, hi in own
               for _, s, e in cues_near(sentence_text(sent), fig.unit, lo - LONGEST_CUE, hi))


def is_partitive_whole(noun: Token) -> bool:
    """Whether a counted noun is the whole of a partitive opening its clause: "Of the 86 cases
    inspected, none ...", "Of the 18 officers, 5 had left"."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.tag_.startswith("VB")


def partitive_whole(span: Span) -> Token | None:
    """The number of the counted whole a count is part of: "22 of the 60 cases inspected",
    "12 out of the 41 practitioners" (the 60, the 41), or None."""
    doc = span.doc
    at = span.end + (1 if span.end < len(doc) and doc[span.end].lower_ == "out" else 0)
    if at >= len(doc) or doc[at].lower_ != "of":
        return None
    for t in doc[at].subtree:
        if t.dep_ == "nummod" and t.like_num and t.head.tag_ in ("NNS", "NN") and counted_noun(t).lower_ not in UNIT_NOUNS:
            return t
    return None


def whole_of_share(span: Span) -> Ranges:
    """The whole a share is of, as character ranges of its sentence: "15% of the prison
    population", "two-thirds of the practitioners interviewed"."""
    doc = span.doc
    if span.end >= len(doc):
        return []
    last = doc[span.end - 1]
    if doc[span.end].lower_ == "of":
        tokens = list(doc[span.end].subtree)
    elif last.dep_ == "nummod" and last.head.i >= span.end and len(span) > 1:
        # "one in three people on probation": the people after a ratio are its whole
        tokens = [t for t in last.head.subtree if t.i >= span.end]
    else:
        return []
    s0 = sentence_of(span).start_char
    return [(tokens[0].idx - s0, tokens[-1].idx + len(tokens[-1]) - s0)]
