"""Where a figure's period and year are decided: the `figure_period` component and the rules
it applies, each recorded with `set_reason(span, "period", rule_id, words)`.

extract/periods.py reads the dates of a text (the date grammar); extract/period_value.py is
the typed Period they become. This module says which date a figure takes, in this order:

  ahead-span         the figure is the length of the span that is its period ("£700m over
                     the next three years"); a pay deal's term is not ("the three-year offer")
  table-column       a table row under a header row of dates, the k-th value the k-th date
  respectively       a list of dates and a list of as many figures ("In 2022 and 2023 there
                     were 800 and 900 leavers")
  duration           a length of time ("14 years") is stated as of the writing
  own-clause:after   a date after the figure in its own clause, before the next figure
                     ("from 14% in 2021 to 21% in 2025", "400 applications (May 2021)")
  own-clause:before  the nearest date before it in its clause ("As at 30 September 2020, 3,550"),
                     not one in an aside about another event (", which was reunified in 2021,");
                     "On the same date", "at that time" point back to the date stated before them
  own-clause:when    a figure in a when-clause or bracket right after a base holds at the base
  (:base-value)      ("compared with 2022/23, when 1,050 joined", "compared to 2022/23 (£42m)")
  since-span         "since X", "compared to X", "since then", "has since": the span from X to
                     the reference date ("below 2010 levels" is such a base too)
  trailing           "over the past year" in a statistics release: the months up to its reference period
  relative           "last year", "three years earlier": from the frame in force or the writing
  previous           "the previous year", "the year before", "in the previous 12 months", "the
                     previous quarter", "(previous year: 1,050)": before the sentence's date or
                     the figure it is compared with
  present            "now", "currently": the reference period, else the writing
  <frame rule>       a frame carried from before: an earlier sentence ("sentence"), the line
                     introducing a list ("list-intro") or a quotation ("quotation-intro"), a
                     heading ("heading"), a table's caption or row label ("table-label"), an
                     earlier list item ("list-item"), the date a table's notes state for it
                     ("table-note": "1 Figures as at 30 June 2007", extract/layout.py), an inspection's date in an earlier
                     paragraph ("inspection": "HMIP carried out inspections in November.", "We
                     inspected the X unit in May 2023."), a written question's date for the answer
                     after it ("question": "To ask ... how many left in 2022"). A
                     present-tense sentence takes the writing, except under a frame of the layout
  reference-period   the period a statistics release names in its title
  publication        the document's publication date, flagged as such; an undated document's
                     date is what the text implies (document_date, written_after)

Frames between passages are walked by `PassageFrames` (prepare_docs feeds it each passage);
a component run alone on `nlp(text)` reads its own dates and has no frame from before.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .layout import CAPTION, row_cells
from .measures import classify_measure
from .period_value import Period, When
from .periods import DateExpr, continue_quarters, find_dates, reference_period, shift_month, trailing
from .reasons import set_reason
from .sentences import sentences
from .spans import OrderedDates

DURATION_UNITS = {"days", "months", "years", "hours"}
# what the component reads and writes, registered here too so that it runs on nlp(text) alone
for _name in ("context", "dates"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("quantity", "period", "year", "period_from_publication"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

TABLE_CELL_WORDS = 8  # a passage this short after a caption is a table cell or row label
# a table's value cell or row ends in a value ("5,120", "25%", "London 300 (250)", "7.5 (p)"); a
# label ends in words, whatever numbers it holds ("Band 4 probation officers")
VALUE_AT_END = re.compile(r"\d[%)\].*]*(?:\s*\([a-z]\))?\s*$")
TABLE_HEAD_CELLS = 12  # the caption and cells a short passage borrows cue words from
PRESENT_TAGS = {"VBZ", "VBP"}
OTHER_CLAUSE = re.compile(r";|,\s+(?:\w+\s+){0,3}?(?:that|which|who|whose|where|when|while|whereas|although|"
                          r"but|managed|set up|established|created|introduced)\b"
                          # "400 officers, and in the past 12 months 60 have left": the next clause's time
                          r"|,\s+and\s+(?:in|over|during|since|for|within|across)\s+$", re.I)
LENGTH_OF_TIME = re.compile(r"\b\d+\s+(?:months?|years?|weeks?)\b", re.I)
LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
SENTENCE_ENDS = set(".!?:;")
HEADING_WORDS = 12  # an unpunctuated line this short is a heading
SUBORDINATE_OPENING = re.compile(r"\W*(?:while|whilst|although|though|whereas|even though|despite)\b"
                                 r"(?:[^,;]|,(?=\S))*,(?=\s)", re.I)  # "1,000" holds no break
CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas|although)\b|;\s|\s+but\s")
# "as at 31 March 2024", "figures for June 2023": a date the changes after it run up to
ANCHOR_WINDOW = 40  # characters before a date that can say it is an "as at" date
BRACKET_WINDOW = 200  # characters either side of a date within which its brackets are looked for
# a count of what was added ("an extra 40,000", "1,000 additional officers") over a span
ADDED_BEFORE = re.compile(r"\b(?:extra|additional|further|more)\s+$", re.I)
ADDED_AFTER = re.compile(r"\s*(?:(?:extra|additional|further|new)\b|more\b(?! than))", re.I)
# an inspection and the light words of its taking place before the preposition of its date
# ("inspections in", "fieldwork took place between", "the inspection was carried out in",
# "inspection of the unit in"); not another event of an inspection ("the inspection programme
# was suspended in March 2020")
# what was inspected or visited, named before the date ("We inspected the Westmoor delivery unit
# in", "Inspectors visited the service in"): words of a name, never a number or a clause
# ("an inspection of 65 cases where sentences began in 2021" dates the cases)
INSPECTED_WORD = r"(?!(?:where|which|that|who|whose|when|after|before|since|began|begun|started|starting)\b)[A-Za-z'’-]+"
INSPECTION_EVENT = re.compile(r"\b(?:inspect(?:ed|ions?)|fieldwork|visited)\b"
                              rf"(?:\s+(?:of\s+)?(?:the|its|their|this|our|a)\s+(?:{INSPECTED_WORD}\s+){{0,4}}?{INSPECTED_WORD})?"
                              r"(?:\s+(?:took|place|was|were|has|had|been|carried|out|conducted|undertaken|"
                              r"completed|held))*\s+"
                              r"(?:in|during|between|from|on|over|throughout)\s+(?:(?:early|mid|late)\s+)?"
                              r"(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*)?"  # "between 4 and 15 March"
                              r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
                              r"December)\s*(?:and|to|-|–)\s*)?$", re.I)  # "in November and December 2023"
INSPECTION_WINDOW = 80
# a change named without its direction: "a minimal change of 255 FTE", "a net difference of 40"
CHANGE_NOUN_BEFORE = re.compile(r"\b(?:change|difference|movement|variation|swing)\s+of\s+"
                                r"(?:(?:about|around|some|just|only|nearly|almost)\s+)?$", re.I)
ANCHOR_PREFIX = re.compile(r"(?:\bas (?:at|of)|\bat the end of|\bon|\bfigures (?:for|on))\s+$", re.I)


@dataclass(frozen=True)
class Frame:
    """A time frame in force: the period it gives, the rule that set it and its words."""
    period: Period
    rule: str
    words: str = ""
    # a span carried from a change "since X" holds for the changes; a level stands at its end
    level_at: Period | None = None
    # a flattened table's row under a header row of dates ("2020/21 2021/22 2022/23" / "350
    # 410 470"): the k-th figure of the row takes the k-th column's frame
    columns: tuple = ()


@dataclass(frozen=True)
class Decision:
    period: Period | None
    rule: str
    words: str = ""
    from_publication: bool = False


def _words(text: str, expr: DateExpr) -> str:
    return text[expr.start:expr.end]


# -- the component ---------------------------------------------------------------------

@Language.factory("figure_period",
                  requires=["doc.sents", "token.dep", "token.tag", "span._.quantity"],
                  assigns=["span._.period", "span._.year", "span._.period_from_publication", "span._.why"])
def make_figure_period(nlp: Language, name: str):
    return figure_period


def figure_period(doc: Doc) -> Doc:
    """Give every figure of doc.spans["figures"] its period, year and the rule that decided."""
    text = doc.user_data.get("text") or doc.text
    ctx = doc._.context
    document = ctx.document if ctx else None
    published = Period.parse(document.published) if document else None
    reference = document.reference_period if document else None
    if doc._.dates is None:  # run alone on nlp(text): read the dates here
        doc._.dates = find_dates(text, document.published if document else None)
    dates: list[DateExpr] = doc._.dates
    frame: Frame | None = ctx.context_period if ctx else None
    passage_anchor: Period | None = ctx.anchor if ctx else None
    figures = sorted(doc.spans["figures"], key=lambda s: s._.quantity.start)
    date_starts = [d.start for d in dates]  # find_dates lists them in order
    figure_starts = [f._.quantity.start for f in figures]
    # a table row as long as its header row of dates: each value its column's date
    by_column = dict(zip(map(id, figures), frame.columns)) \
        if frame is not None and len(frame.columns) == len(figures) else {}
    if frame is not None and frame.columns and not by_column:
        frame = None  # a row of other length than its header row: which value is which is unknown
    for sent in sentences(doc):
        # "since then": since the time in force when the sentence begins
        s_dates = pointing_back(_sentence_dates(dates, date_starts, sent), frame)
        s_text = text[sent.start_char:sent.end_char]
        anchor_expr = point_anchor(s_dates)
        anchor = anchor_expr.period if anchor_expr else passage_anchor
        in_sent = figures[bisect_left(figure_starts, sent.start_char):bisect_left(figure_starts, sent.end_char)]
        decision = None
        # what each figure asks of its sentence is read once per sentence, and its dates are
        # found by bisection: a sentence of many figures and dates (a flattened table) is read
        # in time linear in its figures
        # a span whose length is the figure inside it ("£700m over the next three years"); a
        # deal's term is not ("the three-year offer" is a length stated at the writing)
        holding = OrderedDates([d for d in s_dates if d.holds_figure and d.period and not d.term])
        terms = [d for d in s_dates if d.term and d.period]
        each = [d for d in s_dates if d.is_date and (d.period or d.offset_years is not None)]
        # a list of dates is one span for a figure, not for a length of time (resolve_period)
        dated, dated_each = OrderedDates(enumerations(each, s_text)), OrderedDates(each)
        present = None
        paired = parallel_lists(each, [f._.quantity for f in in_sent], s_text, sent.start_char)
        for i, span in enumerate(in_sent):
            fig = span._.quantity
            pos = fig.start - sent.start_char
            # "192 (5.7%) since ...", "26% (seven out of 27) ... in 2024-25": the figures of its
            # own group stand between a figure and the date after it
            # and so does the length of a deal's term ("9% over the two years of the deal")
            nxt = next((in_sent[j]._.quantity.start - sent.start_char for j in range(i + 1, len(in_sent))
                        if not in_group(text, fig, in_sent[j]._.quantity)
                        and not in_term(terms, in_sent[j]._.quantity.start - sent.start_char)), None)
            # "All pay points (with two exceptions) get a rise in each year of the offer": a
            # figure in an aside of its own is dated inside the aside, not by the date after it
            aside_end = aside_close(s_text, pos)
            if aside_end is not None and not (i and in_group(text, in_sent[i - 1]._.quantity, fig)):
                nxt = aside_end if nxt is None else min(nxt, aside_end)
            enclosing = holding.enclosing(pos)
            if enclosing is not None:
                decision = Decision(enclosing.period, "ahead-span", _words(s_text, enclosing))
            elif id(span) in by_column:
                column = by_column[id(span)]
                decision = Decision(column.period, column.rule, column.words)
            elif i in paired:
                decision = Decision(paired[i].period, "respectively", _words(s_text, paired[i]))
            else:
                # a length of time ("14 years", "a three-year deal") is dated by its own clause
                # only: a frame carried from before dates the figures it lasts over, not it
                duration = fig.unit in DURATION_UNITS
                present = in_present_tense(sent) if present is None else present
                first_figure = in_sent[0]._.quantity.start - sent.start_char
                starts_clause = clause_start(sent, in_sent[i - 1:i], pos, text)
                # the dates it can take, and the sentence's stated reference date
                near = (dated_each if duration else dated).near(pos, nxt, starts_clause, first_figure)
                if anchor_expr is not None and all(d is not anchor_expr for d in near):
                    near = sorted([*near, anchor_expr], key=lambda d: d.start)
                # the length of a deal's term ("the three-year offer") is not dated by the term
                near = [d for d in near if not (d.term and d.start <= pos < d.end)]
                # "45 last year, up from 30 the year before": a year before the figure compared
                earlier = decision.period if i and decision is not None and not decision.from_publication else None
                decision = resolve_period(pos, nxt, near, s_text, None if duration else frame,
                                          anchor or published,
                                          published, reference, present=present,
                                          clause_start=starts_clause, first_figure=first_figure,
                                          duration=duration, earlier=earlier)
            if frame is not None and frame.level_at is not None and decision.rule == frame.rule \
                    and decision.period == frame.period and is_level(text, sent, in_sent, i):
                # "... since 31 December 2021. Of the staff in post, there were 34,180 FTE": the
                # span is the change's; the level stands at the date the change runs to
                decision = Decision(frame.level_at, "since-span:level-at-end", decision.words)
            span._.period = str(decision.period) if decision.period else None
            span._.year = decision.period.year if decision.period else None
            span._.period_from_publication = decision.from_publication
            set_reason(span, "period", decision.rule, decision.words)
        frame = frame_after(s_dates, s_text, decision, frame, anchor or published)
    return doc


def pointing_back(dates: list[DateExpr], frame: Frame | None) -> list[DateExpr]:
    """The sentence's dates with those that point back ("since then", "has since", "at that
    time") given the date they mean: the last stated before them in the sentence ("The figure
    was 3,900 in 2021 and has since risen to 4,540"), else the frame in force."""
    read, last = [], None
    for d in dates:
        if d.kind in ("since_then", "anaphoric"):
            d = since_then(d, Frame(last.period, "sentence") if last is not None else frame)
        elif d.period and d.kind in ("point", "fiscal", "span") and d.prefix != "by" and not d.label:
            last = d
        read.append(d)
    return read


def since_then(date: DateExpr, frame: Frame | None) -> DateExpr:
    """"since then" read as "since" the frame's period ("In June last year I said ... Our six
    inspections since then"), and "on the same date", "at that time", "over the same period"
    as the frame's period itself; with no frame they date nothing."""
    if date.kind == "anaphoric" and frame is not None:
        return restated(date, frame.period)
    if date.kind != "since_then" or frame is None:
        return date
    return dataclasses.replace(date, kind="since", period=frame.period)


def restated(date: DateExpr, period: Period) -> DateExpr:
    """An anaphoric date ("on the same date", "at that time") given the period it points back to."""
    kind = "span" if period.is_span else ("fiscal" if period.fiscal else "point")
    return dataclasses.replace(date, kind=kind, period=period, prefix="at")


def _sentence_dates(dates: list[DateExpr], date_starts: list[int], sent: Span) -> list[DateExpr]:
    """The dates inside the sentence, with offsets into it."""
    found = []
    for d in dates[bisect_left(date_starts, sent.start_char):]:
        if d.start >= sent.end_char:
            break
        if d.end <= sent.end_char:
            found.append(dataclasses.replace(d, start=d.start - sent.start_char, end=d.end - sent.start_char))
    return found


# what lies between a figure and one that restates it: "192 (5.7%)", "700 or 2.1%", and past
# the unit word of the first ("136 FTE (0.6%)")
RESTATED_BY = re.compile(r"(?:[A-Za-z]+\s+)?\((?:by)?|or")


def restates(text: str, first, other) -> bool:
    """"192 (5.7%)", "700 or 2.1%", "136 FTE (0.6%)": the second figure restates the first."""
    return RESTATED_BY.fullmatch(text[first.end:other.start].strip()) is not None


def aside_close(text: str, position: int) -> int | None:
    """Where the bracket the figure at `position` stands in closes; None outside brackets."""
    opened = text.rfind("(", 0, position)
    if opened == -1 or text.rfind(")", 0, position) > opened:
        return None
    closes = text.find(")", position)
    return closes if closes != -1 else None


def in_term(terms: list[DateExpr], position: int) -> bool:
    return any(d.start <= position < d.end for d in terms)


# what lies between a figure and another of its own group: a bracket opened after it and not
# yet closed ("26% (seven out of 27"), or "out of" ("seven out of 27")
IN_GROUP = re.compile(r"(?:[A-Za-z]+\s+)?\([^()]*|out of")


# a bracket comparing with an earlier value ("9.2% (down from 10.2% for the year to March)"):
# another figure with a date of its own, not the first restated
COMPARING_BRACKET = re.compile(r"\(\s*(?:down|up|rising|falling|compared|against|versus|vs\.?|from)\b", re.I)


def in_group(text: str, first, other) -> bool:
    """The second figure restates the first or completes it ("26% (seven out of 27)"): it does
    not end the stretch of text in which a date after the first figure dates it."""
    between = text[first.end:other.start].strip()
    if COMPARING_BRACKET.search(between):
        return False
    return restates(text, first, other) or IN_GROUP.fullmatch(between) is not None


def is_level(text: str, sent: Span, in_sent: list[Span], i: int) -> bool:
    """The i-th figure of the sentence is a level (measures.py), not a change, a figure
    restating the change before it ("192 (5.7%)") or an addition counted over the span ("an
    extra 40,000 offenders", "1,000 additional officers")."""
    fig = in_sent[i]._.quantity
    if i and restates(text, in_sent[i - 1]._.quantity, fig):
        return is_level(text, sent, in_sent, i - 1)
    before, after = text[sent.start_char:fig.start], text[fig.end:sent.end_char]
    if ADDED_BEFORE.search(before) or ADDED_AFTER.match(after) or CHANGE_NOUN_BEFORE.search(before):
        return False
    return classify_measure(before, after)[0] == "level"


# -- within a sentence -----------------------------------------------------------------

def resolve_period(position: int, next_figure: int | None, dates: list[DateExpr], text: str,
                   frame: Frame | None, anchor: Period | None, published: Period | None,
                   reference: Period | None = None, present: bool = False,
                   clause_start: int = 0, first_figure: int = 0, duration: bool = False,
                   earlier: Period | None = None) -> Decision:
    """The period a figure at `position` in a sentence holds for.

    The date between the figure and the next figure applies first ("from 14% in 2021 to 21%
    in 2025"), then the nearest date before it in its clause ("As at 30 September 2020,
    there were 3,550"), then the frame carried from before, the reference period, and the
    publication date, flagged."""
    dated = [d for d in dates if d.is_date and (d.period or d.offset_years is not None)]
    # a length of time ("a three-year award to cover 2021, 2022 and 2023") spans the list it
    # names; the list dates what holds in each of its years
    dated = dated if duration else enumerations(dated, text)
    limit = next_figure if next_figure is not None else 10 ** 9
    # a date after a relative or subordinate clause opens ("eight suppliers, under contracts
    # that were to run to 2021-22") is that clause's event, not the figure's
    after = [d for d in dated if position <= d.start < limit and d.framed and not d.label
             and not OTHER_CLAUSE.search(text, position, d.start)]
    # a date before an earlier figure's clause ("from 38,178 in April 2021 but ... 15.1%") is
    # that figure's, not this one's; a date opening the sentence ("In June 2014, ...") frames all of it
    before = [d for d in dated if d.end <= position and (clause_start <= d.start or d.start < first_figure)
              and not in_closed_aside(text, d, position)]
    stated = point_anchor(dates)
    sentence_anchor = stated.period if stated else None
    if after:
        return _decide(after[0], "own-clause:after", text, frame, anchor, published, reference,
                       sentence_anchor or earlier)
    if before:
        last = before[-1]
        # "compared with 2022/23, when 1,050 joined", "since 2019, when there were 300",
        # "compared to 2022/23 (£42m)": the figure of the clause or bracket that date opens
        # holds at the date, not over the span from it
        if last.kind in ("since", "base") and WHEN_CLAUSE.match(text, last.end, position):
            return Decision(last.period, "own-clause:when", _words(text, last))
        if last.kind == "base" and BASE_VALUE.match(text, last.end, position):
            return Decision(last.period, "own-clause:base-value", _words(text, last))
        return _decide(last, "own-clause:before", text, frame, anchor, published, reference,
                       sentence_anchor or earlier)
    # a sentence in the present tense ("The Ministry oversees some 243,000 offenders") speaks
    # of the time of writing, not of the time frame of the sentences before it
    # a frame set by the layout (a heading, a list's introducing line or earlier item, a
    # table's column header, a quotation's introducing line) dates what is under it in any tense: a
    # list item "Fully consolidated increases of 3%" has no verb to be present in, and a
    # quotation's present ("staff are struggling") is the time it was said in
    if frame and (not present or frame.rule in LAYOUT_FRAMES):
        return Decision(frame.period, frame.rule, frame.words)
    return undated(published, reference)


# a clause opened by "when" right after a date ("compared with 2022/23, when 1,050 joined")
WHEN_CLAUSE = re.compile(r"\s*,?\s*when\b[^,;()]*$", re.I)
# the value of a base given right after it: "compared to 2022/23 (£42m)", "than in 2021: 3,900"
BASE_VALUE = re.compile(r"\s*[(:]\s*$")
# a relative or participial clause set off by a comma or a bracket: "the service, which was
# reunified in 2021, had ...", "the unit (set up in 2019) supervised ..."
ASIDE_OPENING = re.compile(r"[,(]\s*(?:\w+\s+){0,2}?(?:which|who|whose|where|set up|established|created|"
                           r"introduced|founded|formed|launched|reunified|unified)\b[^,;()]*$", re.I)


def in_closed_aside(text: str, date: DateExpr, position: int) -> bool:
    """The date is inside an aside that opens with a relative or participial clause and closes
    before the figure: it dates that clause's event ("which was reunified in 2021"), not the
    figure after it."""
    opening = ASIDE_OPENING.search(text, 0, date.start)
    return opening is not None and re.search(r"[,)]", text[date.end:position]) is not None


# what joins the members of a list of figures or dates: ", ", " and ", " & ", ", and "
LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")


def parallel_lists(dates: list[DateExpr], figures: list, text: str, offset: int) -> dict[int, DateExpr]:
    """A list of dates and a list of as many figures in one sentence ("In 2022 and 2023 there
    were 800 and 900 leavers", "rose to 40 and 55 in 2022/23 and 2023/24 respectively"): the
    k-th figure holds at the k-th date. The index of each paired figure, with its date."""
    date_runs = _runs([d for d in dates if d.kind in ("point", "fiscal") and d.period],
                      lambda d: (d.start, d.end), text)
    figure_runs = _runs(list(enumerate(figures)), lambda f: (f[1].start - offset, f[1].end - offset), text)
    paired: dict[int, DateExpr] = {}
    for run in figure_runs:
        matching = [dr for dr in date_runs if len(dr) == len(run)]
        if len(matching) == 1:
            paired.update({index: date for (index, _), date in zip(run, matching[0])})
    return paired


def _runs(items: list, bounds, text: str) -> list[list]:
    """The runs of two or more items each joined to the one before by a list's joining words."""
    runs: list[list] = []
    for item in items:
        if runs and LIST_JOIN.fullmatch(text[bounds(runs[-1][-1])[1]:bounds(item)[0]]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return [run for run in runs if len(run) >= 2]


def enumerations(dates: list[DateExpr], text: str) -> list[DateExpr]:
    """A list of three or more dates ("on 1 April 2022, 1 April 2023 and 1 April 2024", "in
    2019, 2020 and 2021") read as one span from the first to the last: what holds on each."""
    merged: list[DateExpr] = []
    run: list[DateExpr] = []
    for d in dates + [None]:
        if d is not None and d.kind == "point" and d.period and (
                not run or LIST_SEPARATOR.fullmatch(text[run[-1].end:d.start])):
            run.append(d)
            continue
        if len(run) >= 3:
            span = Period(run[0].period.first, run[-1].period.last)
            merged.append(dataclasses.replace(run[0], end=run[-1].end, kind="span", period=span))
        else:
            merged += run
        run = [d] if d is not None and d.kind == "point" and d.period else []
        if d is not None and not run:
            merged.append(d)
    return merged


def undated(published: Period | None, reference: Period | None) -> Decision:
    """A figure nothing in its text dates."""
    if reference:
        # a statistics release's figures stand at its reference date, not its publication
        return Decision(reference, "reference-period", str(reference))
    if published:
        return Decision(published, "publication", str(published), from_publication=True)
    return Decision(None, "no-date", "", from_publication=True)


def _decide(expr: DateExpr, rule: str, text: str, frame: Frame | None, anchor: Period | None,
            published: Period | None, reference: Period | None,
            sentence_anchor: Period | None = None) -> Decision:
    words = _words(text, expr)
    if expr.kind == "present":
        decision = undated(published, reference)
        return dataclasses.replace(decision, rule="present", words=words)
    if expr.trailing_months is not None and reference is not None:
        # "the leaving rate over the past year", in a release on the year to December 2024,
        # published in February 2025: the twelve months to its reference date
        return Decision(trailing(reference, expr.trailing_months), "trailing", words)
    if expr.offset_years is not None:
        # "the previous year", "a year earlier" count from the time the sentence speaks of
        # ("Over the year to 31 December 2024, ... up from 5,503 the previous year"), else from
        # the frame in force ("over the last year" in a quoted bulletin on 2020), else the period
        # a release describes or the writing; "two years ago" from the writing
        if expr.kind == "previous" and sentence_anchor is not None:
            base = sentence_anchor
        elif expr.kind == "ago" and published is not None:
            base = published  # "two years ago": from the writing
        else:
            base = frame.period if frame else (reference or published)
        if base is None:
            return Decision(None, "relative", words, from_publication=True)
        if expr.offset_months:
            # "compared with 260 in the previous quarter": the three months before the time spoken of
            last = shift_month(base.last if not base.last.fiscal else When.of_date(base.end), expr.offset_months)
            period = Period(shift_month(last, -2), last) if last.month else Period.single(last)
            return Decision(period, "previous", words)
        return Decision(Period.single(When(base.year + expr.offset_years)),
                        "previous" if expr.kind == "previous" else "relative", words)
    if expr.kind in ("since", "base"):
        if anchor is not None and anchor.end <= expr.period.end:
            # "The figure was 3,900 in 2021 and has since risen": the sentence's own date is where
            # the span starts, so it runs to the release's date or the writing
            anchor = reference or published or anchor
        return Decision(expr.period.until(anchor), "since-span", words)
    return Decision(expr.period, rule, words)


def point_anchor(dates: list[DateExpr]) -> DateExpr | None:
    """The sentence's reference date ("As at 30 September 2020", "In 2024-25"), for spans that
    end there; a date read from the writing ("this year") states no reference date."""
    points = [d for d in dates if d.kind in ("point", "fiscal") and d.period and not d.from_writing]
    return points[0] if points else None


def in_present_tense(sent: Span) -> bool:
    """The sentence's main verb is in the present ("oversees", "are", "has fallen")."""
    root = sent.root
    return root.tag_ in PRESENT_TAGS or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in PRESENT_TAGS for child in root.children)


def clause_start(sent: Span, earlier: list[Span], position: int, text: str | None = None) -> int:
    """Where the clause of the figure at `position` (in the sentence) begins, when a clause
    break ("..., and", "but", ";") follows an earlier figure of the sentence; else 0. `text` is
    the Doc's text: searched between the two figures, it spares building the sentence's text
    for each figure."""
    if not earlier:
        return 0
    text, s0 = (text, sent.start_char) if text is not None else (sent.text, 0)
    after_previous = earlier[-1]._.quantity.end - sent.start_char
    breaks = [m.start() - s0 for m in CLAUSE_BREAK.finditer(text, after_previous + s0, position + s0)]
    # "While the government promised 1,000 trainees by March next year, hiring fell 60%": the
    # comma closing a subordinate clause that opens the sentence ends that clause's dates
    opening = SUBORDINATE_OPENING.match(text, s0, position + s0)
    if opening and opening.end() - s0 <= position:
        breaks.append(opening.end() - s0)
    return max(breaks) if breaks else 0


# -- between sentences -----------------------------------------------------------------

def frame_after(dates: list[DateExpr], text: str, last_figure: Decision | None, frame: Frame | None,
                anchor: Period | None) -> Frame | None:
    """The frame a sentence leaves for the sentences after it: its last framing date ("In
    2019, ..."), a span from a "since" date, else the period of its last dated figure. A year
    used as a label ("the proposed 2025 uplift") or a base of comparison ("compared to 30
    June 2022") frames nothing."""
    frames = [d for d in dates if d.period and d.framed and d.prefix != "by" and d.kind != "base"
              and not in_brackets(text, d)]
    if frames:
        last = frames[-1]
        if last.kind == "since":
            span = last.period.until(anchor)
            return Frame(span, "sentence", _words(text, last), level_at=Period.single(span.last))
        return Frame(last.period, "sentence", _words(text, last))
    if frame is not None and last_figure is not None and (last_figure.rule, last_figure.period) == (
            frame.rule, frame.period):
        return frame  # the figure took the frame: it goes on as it was, with where its levels stand
    if last_figure is not None and not last_figure.from_publication and last_figure.period:
        # the sentence's last figure dates what follows: a frame it inherited keeps its rule
        own = last_figure.rule.startswith(("own-clause", "since", "relative", "previous", "ahead", "present", "trailing"))
        # a change's span "compared to X" or "over the last year" carried on: the levels after it
        # stand at its end
        level_at = Period.single(last_figure.period.last) if last_figure.rule in ("since-span", "trailing") else None
        return Frame(last_figure.period, "sentence" if own else last_figure.rule, last_figure.words,
                     level_at=level_at)
    return frame


def inspection_frame(text: str, dates: list[DateExpr]) -> Frame | None:
    """The frame an inspection's own date leaves for the paragraphs after it ("HMIP carried
    out inspections in November.", "Fieldwork took place between 6 and 17 March 2023."): a
    news story or report written after an inspection states its findings ("The service scored
    two points.") as of the inspection, not of the writing. Only a date the inspection words
    come just before counts: "an inspection of 65 cases where sentences began in 2021" dates
    the cases, not the inspection."""
    events = [d for d in dates if d.period and d.kind in ("point", "span", "fiscal")
              and INSPECTION_EVENT.search(text, max(0, d.start - INSPECTION_WINDOW), d.start)]
    return Frame(events[-1].period, "inspection", _words(text, events[-1])) if events else None


# -- between passages ------------------------------------------------------------------

# a written parliamentary question, as Hansard prints it ("Mr Smith: To ask the Secretary of
# State for Justice how many ...", "§ Ms Jones To ask His Majesty's Government what ...")
WRITTEN_QUESTION = re.compile(r"\W*(?:[\w.'’()-]+[:–-]?\s+){0,6}?To ask (?:the|His|Her)\b")
QUOTED = "quotation-intro"  # the rule of a quotation's frame: the line introducing it
# (a paragraph's date carried to a short line after it, "table-label", is no such frame: the
# short line may as well be a sentence of the present)
LAYOUT_FRAMES = {"heading", "list-intro", "list-item", "table-column", "table-note", QUOTED}
QUOTATION_OPENING = re.compile(r"\s*[“\"‘]")


def opens_quotation(text: str) -> bool:
    return QUOTATION_OPENING.match(text) is not None


def introduces_a_list(text: str) -> bool:
    return text.rstrip().endswith(":")


class PassageFrames:
    """Walks a document's passages in order; `read` gives each passage the frame it inherits
    from those before it, and `anchor` the latest "as at" date, where changes "since" end.

    - a table flattened to one cell a line takes its row label or its caption ("Table One:
      Vacancies ..., September 2023"); a list takes the date of the line that introduces it
      ("figures on 31 December 2024:") or of an earlier item."""

    def __init__(self, reference: Period | None = None):
        self.table_frame: Frame | None = None
        self.table_head: list[str] = []  # the caption and cells of the table a short passage is in
        self.intro: list[Frame] = []  # the dates of the line introducing a list
        self.quote_intro: list[Frame] = []  # the dates of the line introducing a quotation
        # a flattened table's column headers ("2014/15" / "2015/16" / ... / "Leaving rate" /
        # "5.5" / "5.2"): the k-th value cell after a row label takes the k-th header
        self.heading: Frame | None = None  # "Complaints 2019-20": dates the passages under it
        # an inspection's date ("HMIP carried out inspections in November."): the findings in
        # the paragraphs after it hold then ("The service scored two points."), up to a heading
        self.inspection: Frame | None = None
        self.columns: list[Frame] = []
        self.column = 0
        # the last date the text stated, for "On the same date there were 312 vacancies" and "at
        # that time" in a later paragraph (a written answer's second paragraph)
        self.stated: Frame | None = None
        # a written question's date ("To ask ... how many probation officers left in 2022"): the
        # answer after it holds then, up to the next question or heading
        self.question: Frame | None = None
        self.quarter: tuple[int, int, bool] | None = None  # the quarter the last label named ("2008-09 Q1")
        self.last_cell = ""  # "header", "label" or "value": what the previous short cell was
        # where a change "since X" ends: the reference period a release names, whatever its
        # precision ("annual report 2022/23": since 2019 is 2019..2023), then "as at" dates
        self.anchor: Period | None = reference

    def read(self, kind: str, text: str, dates: list[DateExpr]) -> Frame | None:
        """The frame the passage inherits (None: only its own dates and the document's). Dates
        the passage points back with ("On the same date", a table's next label "Q2") are given
        their periods here, in `dates`."""
        self.quarter = continue_quarters(text, dates, self.quarter)
        self._restate(dates)
        for d in dates:
            if d.kind == "point" and d.period and ANCHOR_PREFIX.search(text, max(0, d.start - ANCHOR_WINDOW), d.start):
                self.anchor = d.period
        # a list's items, and a quotation the line before introduces ("in its submission to the
        # 2020 spending review, the inspectorate set out its concerns:" / "“86 per cent of
        # staff ...”"), hold for the introducing line's period, not the writer's date
        quoted = kind == "paragraph" and opens_quotation(text) and bool(self.quote_intro)
        inherits = (kind == "list_item" and bool(self.intro)) or quoted
        inherited = (self.quote_intro[-1] if quoted else self.intro[-1]) if inherits else None
        words = len(text.split())
        # a table's row on one line ("Leaving rate (%) | 8.1 | 9.4 | 11.2") is cells, however many
        # words they hold, and no heading (extract/layout.py)
        table_row = row_cells(text) is not None
        words = min(words, TABLE_CELL_WORDS - 1) if table_row else words
        framing = [d for d in dates if d.period and d.kind in ("point", "fiscal", "span")]
        column = self._column(words, text, framing)
        # a short unpunctuated line holding a figure ("London 300 (250)") is a table row, no heading
        heading = not table_row and is_heading(kind, text, words) and (
            kind == "heading" or not re.search(r"\d", _without_dates(text, framing)))
        if heading:
            # a heading that names a period ("Complaints 2019-20", "Pay award April 2021 to March
            # 2022") dates what is under it up to the next heading; a bare date is a table cell
            rest = _without_dates(text, framing)
            named = framing and re.search(r"[A-Za-z]{3,}", rest) and not re.search(r"\d", rest)
            self.heading = Frame(framing[-1].period, "heading", text.strip()) if named else None
            self.inspection = None
        if framing and sum(d.end - d.start for d in dates) >= len(text.strip()) - 1:
            # a cell holding only a date labels the row ("2010" / "19,335")
            self.table_frame = Frame(framing[-1].period, "table-label", _words(text, framing[-1]))
        elif kind == "list_item":
            # the items of one list share the time frame an earlier item gives ("over the two
            # years of the deal (April 2018-March 2020)")
            if framing:
                self.table_frame = Frame(framing[-1].period, "list-item", _words(text, framing[-1]))
            elif self.table_frame and not inherits:
                # under a heading naming a period ("Pay award for April 2021 to March 2022"),
                # an earlier item's date ("a claim submitted early in 2021") is its own event
                inherited = self.heading or self.table_frame
        elif words >= TABLE_CELL_WORDS or CAPTION.match(text):
            # a paragraph, or a table's caption however short ("Table 2: Pay points 2023/24"): it dates the table after it; an undated intro ("... as follows:")
            # keeps the frame of the one before it. A date in brackets ("12.3% (CPI, July
            # 2022)") belongs to the figure it follows, not to the table
            framing = [d for d in framing if not in_brackets(text, d)]
            if framing or not introduces_a_list(text):
                self.table_frame = Frame(framing[-1].period, "table-label", _words(text, framing[-1])) \
                    if framing else None
            self.table_head = [text]
        elif self.table_frame and not inherits:
            inherited = self.table_frame
        if words < TABLE_CELL_WORDS:
            self.table_head.append(text)
        if introduces_a_list(text):
            own = [Frame(d.period, "list-intro", _words(text, d))
                   for d in dates if d.period and d.kind in ("point", "fiscal", "span")]
            self.intro = own or self.intro
            # a quotation takes the dates of its own introducing line only ("He said:" has none)
            self.quote_intro = [dataclasses.replace(f, rule=QUOTED) for f in own]
        elif kind != "list_item" and not quoted:
            self.intro, self.quote_intro = [], []
        carried = None if heading else (self.inspection or self.question or self.heading)
        if kind == "paragraph":
            self.inspection = inspection_frame(text, dates) or self.inspection
        # the dates a later "at that time" can mean: as frame_after reads them, not a deadline ("by
        # April 2026"), a base of comparison or a date in brackets
        stated = [d for d in dates if d.period and d.kind in ("point", "fiscal", "span", "since") and not d.label
                  and d.prefix != "by" and not in_brackets(text, d)]
        if heading:
            self.question = None
        elif WRITTEN_QUESTION.match(text):
            self.question = self._last_frame(stated, text, "question")
        self.stated = self._last_frame(stated, text, "anaphoric") or self.stated
        return column or inherited or carried

    def _restate(self, dates: list[DateExpr]) -> None:
        """An anaphoric date before any date of its own passage ("On the same date there were
        312 vacancies.") takes the last date an earlier passage stated; one after a date of its
        passage is left to the sentence frames (figure_period)."""
        for n, d in enumerate(dates):
            if d.period and d.kind in ("point", "fiscal", "span", "since"):
                return
            if d.kind == "anaphoric" and self.stated is not None:
                dates[n] = restated(d, self.stated.period)

    def _last_frame(self, framing: list[DateExpr], text: str, rule: str) -> Frame | None:
        """The frame the passage's last framing date leaves: a "since" date spans to the anchor."""
        if not framing:
            return None
        last = framing[-1]
        period = last.period.until(self.anchor) if last.kind == "since" else last.period
        return Frame(period, rule, _words(text, last))

    def _column(self, words: int, text: str, framing: list[DateExpr]) -> Frame | None:
        """The column header a value cell of a flattened table takes, when the table's header
        row is a run of two or more date cells; None otherwise. Tracks the header run, row
        labels and value cells as the cells go by."""
        if words >= TABLE_CELL_WORDS:
            self.columns, self.last_cell = [], ""
            return None
        only_dates = framing and not re.search(r"\d", LENGTH_OF_TIME.sub("", _without_dates(text, framing)))
        if only_dates and len(framing) >= 2:
            # a whole header row on one line ("2020/21 2021/22 2022/23"): the rows under it
            # give their k-th value the k-th date
            self.columns = [Frame(d.period, "table-column", _words(text, d)) for d in framing]
            self.last_cell, self.column = "header_row", 0
            return None
        if self.last_cell == "header_row" and re.search(r"\d", text):
            first = self.columns[0]
            return dataclasses.replace(first, columns=tuple(self.columns))
        if only_dates:
            # a header cell: a date and no value ("2014/15", "12 months to 30 September 2021")
            if self.last_cell != "header":
                self.columns = []
            self.columns.append(Frame(framing[-1].period, "table-column", _words(text, framing[-1])))
            self.last_cell, self.column = "header", 0
            return None
        if not re.search(r"\d", text) or not VALUE_AT_END.search(text):
            # a row label starts a row of values ("PS Wales", "Band 4 probation officers")
            self.last_cell, self.column = "label", 0
            return None
        self.last_cell = "value"
        if len(self.columns) < 2 or self.column >= len(self.columns):
            return None
        self.column += 1
        return self.columns[self.column - 1]

    def table_cells(self, text: str) -> list[str]:
        """The caption and cells a short passage (a table cell) borrows cue words from."""
        return self.table_head[:TABLE_HEAD_CELLS] if len(text.split()) < TABLE_CELL_WORDS else []


def is_heading(kind: str, text: str, words: int) -> bool:
    """A heading, marked or not: a short line that is no sentence ("Pay award for April 2021
    to March 2022" ingested as a paragraph)."""
    end = text.rstrip()[-1:]
    return kind == "heading" or (kind == "paragraph" and words <= HEADING_WORDS and end not in SENTENCE_ENDS)


def in_brackets(text: str, date: DateExpr) -> bool:
    """The date stands inside brackets: "(CPI, July 2022)", "(May 2021)". The brackets are
    looked for within BRACKET_WINDOW characters: a sentence of many dates reads each in
    constant time."""
    lo, hi = max(0, date.start - BRACKET_WINDOW), date.end + BRACKET_WINDOW
    opened = text.rfind("(", lo, date.start) > text.rfind(")", lo, date.start)
    closes = text.find(")", date.end, hi)
    return opened and closes != -1 and not 0 <= text.find("(", date.end, closes) < closes


def _without_dates(text: str, dates: list[DateExpr]) -> str:
    pieces, at = [], 0
    for d in sorted(dates, key=lambda d: d.start):
        if d.start < at:
            continue
        pieces += [text[at:d.start], " " * (d.end - d.start)]
        at = d.end
    pieces.append(text[at:])
    return "".join(pieces)


# the text naming its own present: "Last week (19 March 2021), ...", "Last Thursday's (20
# February 2025) figures", "Inflation is currently running at 9% (March 2022)"
WRITING_EVIDENCE = re.compile(r"\b(?:last (?:week|month|[a-z]+day)|yesterday|today|this (?:week|morning|month)|"
                              r"(?:is|are) (?:currently|now)\b[^.()]{0,40}?)['’]?s?\s*\((?P<date>[^()]{4,30})\)", re.I)


def document_date(document) -> str | None:
    """The date a document's undated figures take: its publication date when the front matter
    gives one; else a date the text gives for its own present (only evidence inside the
    document counts); else the ingest's inference from the dates it mentions, moved on to a
    later year the text itself implies (written_after)."""
    if document.published:
        return document.published
    named = []
    for m in WRITING_EVIDENCE.finditer(document.text):
        dates = [d for d in find_dates(m.group("date")) if d.kind == "point" and d.period]
        named += [d.period for d in dates]
    if named:
        return str(max(named, key=lambda p: p.end))
    inferred = document.published_inferred
    # a month the text names is better evidence than a financial year it names: only a year
    # alone (or nothing) gives way to the financial years it reports on
    later = written_after(document.text, fiscal=inferred is None or len(inferred) == 4)
    if later is not None and (inferred is None or later > int(inferred[:4])):
        return str(later)
    return inferred


# "June 2023" ... "in June last year": one month named both ways says the year of the writing
MONTH_OF_YEAR = re.compile(r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|"
                           r"November|December),? (?P<year>(?:19|20)\d{2})\b")
MONTH_OF_RELATIVE_YEAR = re.compile(r"\b(?P<month>January|February|March|April|May|June|July|August|September|"
                                    r"October|November|December)(?: of)? (?P<which>last|this) year\b", re.I)
# "in 2024-25", "2024/25": a financial year the text reports on, not one it looks ahead to
FISCAL_YEAR_NAMED = re.compile(r"(?<![\d£/.-])(?P<y1>(?:19|20)\d{2})\s?[-–/]\s?(?P<y2>\d{1,2})(?![\d%/-])")
AHEAD_OF = re.compile(r"\b(?:by|to|until|till|before|for)\s+(?:the\s+)?$|\b(?:plans?|forecasts?|budgets?|"
                      r"targets?|expected|projected)\b[^.]{0,30}$", re.I)


# "the 2025-26 budget", "2026/27 plans": a financial year named as a label of what is planned
AHEAD_LABEL = re.compile(r"\s*(?:budgets?|plans?|forecasts?|targets?|allocations?|settlements?|spending|estimates?|"
                         r"pay (?:award|offer|claim)s?)\b", re.I)


def written_after(text: str, fiscal: bool = True) -> int | None:
    """The year an undated text was written in, as far as the text itself implies it: a month
    named with its year and again as "last year" or "this year" ("Back in June 2023 ... the
    claim we made in June last year": 2024), or the later calendar year of the latest financial
    year it reports on ("performance fell in 2024-25": written in 2025 at the earliest)."""
    years = []
    stated = {}
    for m in MONTH_OF_YEAR.finditer(text):
        stated.setdefault(m.group("month").lower(), set()).add(int(m.group("year")))
    for m in MONTH_OF_RELATIVE_YEAR.finditer(text):
        named = stated.get(m.group("month").lower(), set())
        if len(named) == 1:  # one June named with its year: the June "last year" is that one
            years.append(next(iter(named)) + (1 if m.group("which").lower() == "last" else 0))
    for m in FISCAL_YEAR_NAMED.finditer(text) if fiscal else ():
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        reported = not AHEAD_OF.search(text, max(0, m.start() - 40), m.start()) and \
            not AHEAD_LABEL.match(text, m.end())
        if (y1 + 1) % (10 if y2 < 10 else 100) == y2 and reported:
            years.append(y1 + 1)
    return max(years) if years else None


def document_reference(document) -> Period | None:
    """The period a statistics release describes, from its title or opening."""
    if document.kind != "statistics":
        return None
    found = reference_period(document.title, document.text[:600])
    return found[0] if found else None
