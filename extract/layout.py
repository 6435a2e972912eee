"""Flattened tables: a table whose cells arrive one a line ("Leaving rate (%)" / "5.5" /
"5.2"). A value cell is a bare number; the unit it counts in is named by the label cell
before it, not by the cell itself. `RowUnits` walks a document's passages in order and gives
each value cell the unit of the latest label (extract/lexicons/table_units.yml); the period a
cell takes (its column header) is decided in extract/period.py's PassageFrames, the population
it counts (its caption) by `TableSubjects`."""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from registry.subjects import staff_bodies, subject_of, subjects

from .lexicon import load_lexicon
from .quantities import Quantity

TABLE_CELL_WORDS = 8  # a passage this long is prose: it ends the table
VALUE_CELL = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?")
DEFAULT_UNIT = "count"  # what a bare number reads as
GENERIC = (None, "staff")  # subjects that say nothing of whose: a caption says more


@lru_cache(maxsize=1)
def _label_patterns() -> list[tuple[re.Pattern, str]]:
    patterns = []
    for unit, words in load_lexicon("table_units").items():
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        # whole words: "%" and "£" stand alone or in brackets, "number" is not "numbered"
        patterns.append((re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I), unit))
    return patterns


def label_unit(label: str) -> str | None:
    """The unit a label cell names, the first in the label when it names several."""
    found = [(m.start(), unit) for pattern, unit in _label_patterns() for m in [pattern.search(label)] if m]
    return min(found)[1] if found else None


class RowUnits:
    """The unit each passage of a flattened table inherits from its label cell."""

    def __init__(self):
        self.unit: str | None = None

    def read(self, text: str) -> str | None:
        """The unit the passage's bare number takes (None: the number keeps its own)."""
        cell = text.strip()
        if len(cell.split()) >= TABLE_CELL_WORDS:
            self.unit = None
            return None
        if VALUE_CELL.fullmatch(cell):
            return self.unit
        if not re.search(r"\d", cell):
            # a label cell: its unit, or none (an unlabelled row keeps what numbers say)
            self.unit = label_unit(cell)
        return None

    @staticmethod
    def apply(unit: str | None, text: str, candidates: list[Quantity]) -> list[Quantity]:
        """A value cell's lone figure, read as a bare number, in its label's unit."""
        if unit is None or len(candidates) != 1:
            return candidates
        [fig] = candidates
        if fig.unit != DEFAULT_UNIT or fig.text.strip() != text.strip():
            return candidates
        return [dataclasses.replace(fig, unit=unit)]


# "Table 1: ...", "Table One. ...": a table's caption, however long
CAPTION = re.compile(r"^Table\s+(?:\d+(?:\.\d+)*|[A-Z][a-z]+)\s*[:.\u2013\u2014-]\s*(?=\S)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘(])")


def table_caption(passage: str) -> str | None:
    """The words that introduce the table a passage precedes: a caption ("Table One: Vacancies
    across Probation Service Regions, September 2023"), or the last sentence of prose that
    ends in a colon ("The following table provides figures for staff-in-post in probation
    trusts as at 30 June in each year:"), without the colon; else None."""
    text = " ".join(passage.split())
    caption = CAPTION.match(text)
    if caption:
        return text[caption.end():].rstrip(" :") or None
    if not text.endswith(":"):
        return None
    return SENTENCE_END.split(text)[-1].rstrip(" :") or None


def counted_words(text: str) -> str | None:
    """The part of a caption that says who or what is counted: from the first to the last
    word the subject vocabulary knows (a subject, or a body whose staff a figure counts)."""
    found = [(start, end) for _, _, start, end in subjects().find(text)]
    found += [(start, end) for _, _, start, end in staff_bodies().find(text)]
    if not found:
        return None
    return text[min(s for s, _ in found):max(e for _, e in found)]


class TableSubjects:
    """The population each value cell of a flattened table inherits from its column headers,
    caption or introducing sentence, and the row it is in ("Staff in post (Probation Service)"
    / "March 2021 10,958"): the table's words are the only place it names what its numbers
    count. A header is a short cell without a number in which the subject vocabulary
    (registry/subjects.yml) reads a subject; a run of headers ("National Probation Service" /
    "Community Rehabilitation Companies" / "8,300" / "8,331") is a header row, whose k-th
    column the k-th value cell after a row label takes. A label cell that names none ("PS
    London", "Approved Premises", "2015") starts a row; a row label that is not a date is
    where or what the row's cells hold for, so the cells' subject ends with it ("Vacancies
    across Probation Service Regions: PS London"). A column header that names no population of
    its own ("Staff-in-post", none at all) leaves it to the table's caption ("Table 1: Leaving
    rate of permanent probation officers") or the sentence that introduces it, ending in a
    colon ("... for staff-in-post in probation trusts as at 30 June in each year:"). A passage
    of TABLE_CELL_WORDS or more (prose) ends the table."""

    def __init__(self):
        self.headers: list[str] = []
        self.column = 0  # value cells read since the last row label
        self.last_cell = ""  # "header", "label" or "value"
        self.caption: str | None = None  # who or what the caption or introducing sentence counts
        self.row: str | None = None  # the row label, when it is not a date
        # the latest heading: a short line without a number that names a population ("Staff in
        # post (Probation Service)"), standing over the prose after it until the next one
        self.section: str | None = None

    def read(self, text: str, date_chars: int = 0) -> str | None:
        """The subject a short passage's figures take when they name none of their own;
        `date_chars`, how much of the passage its dates cover (a cell only a date labels a row)."""
        cell = " ".join(text.split())
        if len(cell.split()) >= TABLE_CELL_WORDS or CAPTION.match(cell):
            caption = table_caption(cell)
            self.headers, self.last_cell, self.row = [], "", None
            self.caption = counted_words(caption) if caption else None
            return None
        if not re.search(r"\d", cell) or 0 < date_chars >= len(cell) - 1:
            if re.search(r"\d", cell) or not subject_of(cell):
                self.column, self.last_cell = 0, "label"
                self.row = None if re.search(r"\d", cell) else cell
                return None
            if self.last_cell != "header":
                self.headers = []
            self.headers.append(cell)
            self.section = cell
            self.column, self.last_cell, self.row = 0, "header", None
            return None
        self.last_cell = "value"
        column, self.column = self.column, self.column + 1
        if len(self.headers) == 1:
            header = self.headers[0]
        else:
            # a header row: the column's own header; a cell past the last header has none
            header = self.headers[column] if column < len(self.headers) else None
        what = header if header and subject_of(header) not in GENERIC else self.caption or header
        if what and self.row:
            return f"{what}: {self.row}"
        return what
