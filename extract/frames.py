"""Time frames that carry from one sentence or passage to the next: the date a figure takes
when its own sentence gives none. extract/periods.py reads the dates in a text and resolves a
figure's period from them; this module says which frame is in force where.

- Between passages: a table flattened to one cell a line takes its row label or its caption
  ("Table One: Vacancies ..., September 2023"), a list takes the date of the line that
  introduces it ("figures on 31 December 2024:") or of an earlier item.
- Between sentences: a sentence's time frame ("In 2019, ...") carries to those after it.
- Within a sentence: a figure after a clause break ("..., but") is not framed by a date
  before it, and a sentence in the present tense speaks of the time of writing."""
from __future__ import annotations

import re

from spacy.tokens import Span

from .periods import DateExpr, span_to

TABLE_CELL_WORDS = 8  # a passage this short after a caption is a table cell or row label
TABLE_HEAD_CELLS = 12  # the caption and cells a short passage borrows cue words from
PRESENT_TAGS = {"VBZ", "VBP"}
CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas|although)\b|;\s|\s+but\s")

Frame = tuple  # (period, year)


def _frame(date: DateExpr) -> Frame:
    return (date.period, date.year)


def introduces_a_list(text: str) -> bool:
    return text.rstrip().endswith(":")


class PassageFrames:
    """Walks a document's passages in order; `read` gives each passage the frame it inherits
    from those before it."""

    def __init__(self):
        self.table_frame: Frame | None = None
        self.table_head: list[str] = []  # the caption and cells of the table a short passage is in
        self.intro_dates: list[DateExpr] = []  # the dates of the line introducing a list

    def read(self, kind: str, text: str, dates: list[DateExpr]) -> Frame | None:
        """The frame the passage inherits (None: only its own dates and the document's)."""
        inherits = kind == "list_item" and bool(self.intro_dates)
        inherited = _frame(self.intro_dates[-1]) if inherits else None
        words = len(text.split())
        framing = [d for d in dates if d.period and d.kind in ("point", "fiscal", "span")]
        if framing and sum(d.end - d.start for d in dates) >= len(text.strip()) - 1:
            # a cell holding only a date labels the row ("2010" / "19,335")
            self.table_frame = _frame(framing[-1])
        elif kind == "list_item":
            # the items of one list share the time frame an earlier item gives ("over the two
            # years of the deal (April 2018-March 2020)")
            if framing:
                self.table_frame = _frame(framing[-1])
            elif self.table_frame and not inherits:
                inherited = self.table_frame
        elif words >= TABLE_CELL_WORDS:
            # a paragraph: it dates the table after it; an undated intro ("... as follows:")
            # keeps the frame of the one before it
            if framing or not introduces_a_list(text):
                self.table_frame = _frame(framing[-1]) if framing else None
            self.table_head = [text]
        elif self.table_frame and not inherits:
            inherited = self.table_frame
        if words < TABLE_CELL_WORDS:
            self.table_head.append(text)
        if introduces_a_list(text):
            self.intro_dates = [d for d in dates if d.period and d.kind in ("point", "fiscal")] or self.intro_dates
        elif kind != "list_item":
            self.intro_dates = []
        return inherited

    def table_cells(self, text: str) -> list[str]:
        """The caption and cells a short passage (a table cell) borrows cue words from."""
        return self.table_head[:TABLE_HEAD_CELLS] if len(text.split()) < TABLE_CELL_WORDS else []


def frame_after(sentence_dates: list[DateExpr], last_figure: Span | None, context: Frame | None,
                anchor: str | None) -> Frame | None:
    """The frame a sentence leaves for the sentences after it: its last framing date ("In
    2019, ..."), a span from a "since" date, else the period of its last dated figure. A year
    used as a label ("the proposed 2025 uplift") or a base of comparison ("compared to 30
    June 2022") frames nothing."""
    frames = [d for d in sentence_dates if d.period and d.framed and d.prefix != "by" and d.kind != "base"]
    if frames:
        last = frames[-1]
        return span_to(last, anchor) if last.kind == "since" else _frame(last)
    if last_figure is not None and not last_figure._.period_from_publication:
        return (last_figure._.period, last_figure._.year)
    return context


def in_present_tense(sent: Span) -> bool:
    """The sentence's main verb is in the present ("oversees", "are", "has fallen")."""
    root = sent.root
    return root.tag_ in PRESENT_TAGS or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in PRESENT_TAGS for child in root.children)


def clause_start(sent: Span, earlier: list[Span], position: int) -> int:
    """Where the clause of the figure at `position` (in the sentence) begins, when a clause
    break ("..., and", "but", ";") follows an earlier figure of the sentence; else 0."""
    if not earlier:
        return 0
    # the passage's text, searched between the two figures: building the sentence's text for
    # each figure would cost its whole length each time
    passage = sent.doc.user_data.get("text")
    text, s0 = (passage, sent.start_char) if passage is not None else (sent.text, 0)
    after_previous = earlier[-1]._.quantity.end - sent.start_char
    breaks = list(CLAUSE_BREAK.finditer(text, after_previous + s0, position + s0))
    return breaks[-1].start() - s0 if breaks else 0
