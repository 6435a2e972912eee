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
from .period_value import Period, When
from .periods import _MONTH_NAMES, DateExpr, month_number
from .quantities import Quantity, grammar

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


# -- column headers: the k-th value of a row takes the k-th column's header ------------------

# a row's cells on one line: "2019/20 | 8.5 | 410", tab-separated, or set apart by wide spaces
CELL_SEPARATOR = re.compile(r"\s*\|\s*|\s*\t\s*| {3,}")
# a value cell: a number, with its sign, pound sign, per cent sign or a trailing full stop
VALUE_TEXT = r"[-−+]?£?\d[\d,]*(?:\.\d+)?\.?%?"
BARE_VALUE = re.compile(VALUE_TEXT)
# a value cell: the value and a mark after it ("(p)" provisional, "(r)" revised, "*")
# a value cell: the value, a mark after it ("(p)" provisional, "(r)" revised, "*"), or its share
# in brackets ("45 (12%)")
VALUE_CELL_TEXT = re.compile(rf"{VALUE_TEXT}(?:\s*\([a-z]\)|\*+|\s*\({VALUE_TEXT}\))?")
# a year or financial year alone labels a row ("2010", "2014/15", "2003-04"), it counts nothing
YEAR_LABEL = re.compile(r"(?:19|20)\d\d(?:\s*[/–-]\s*(?:\d\d|(?:19|20)\d\d))?")
# "Senior Probation Officers 1,210.40 41.20": a row label and its values on one line; a label
# ending in a month names a date ("July 21 – June 22"), not a row of values
ROW_LINE = re.compile(rf"(?P<label>.*?[A-Za-z][^\d]*?)(?P<values>(?:\s+{VALUE_TEXT})+)\s*")
MONTH_END = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.I)
NEW_HEADER_RUN = 3  # label cells after values: this many start a new table's header row
CONTINUED = re.compile(r"[a-z(]")  # a header line that goes on from the line before it
LOOK_AHEAD = 40  # passages read ahead to count a row's value cells


def is_prose(cell: str) -> bool:
    """A passage of prose ends a table: a long line, or one of TABLE_CELL_WORDS words or more
    that ends as a sentence does (a header cell may be long: "Staff in post as at 30 September
    (FTE)")."""
    words = len(cell.split())
    return words >= 2 * TABLE_CELL_WORDS or (words >= TABLE_CELL_WORDS and cell.rstrip()[-1:] in ".:!?;")


def value_cell(text: str) -> bool:
    """A cell holding one value alone ("36.0", "1,203", "25%", "7.5 (p)"), not a year that labels
    a row."""
    cell = text.strip()
    return bool(VALUE_CELL_TEXT.fullmatch(cell)) and not YEAR_LABEL.fullmatch(cell)


def row_cells(text: str) -> list[tuple[int, int]] | None:
    """The cells of a row written on one line with separators, as offsets; None for one cell or
    a line of prose."""
    if "|" not in text and "\t" not in text and "   " not in text:
        return None  # no separator: one cell (most passages, and the pattern's scan is slow on prose)
    cells, at = [], 0
    for m in CELL_SEPARATOR.finditer(text):
        cells.append((at, m.start()))
        at = m.end()
    cells.append((at, len(text)))
    cells = [(s, e) for s, e in cells if text[s:e].strip()]
    # a cell of prose ("64,561 FTE staff in post     This is a decrease of 218 FTE ...") makes
    # the line a key figure and its gloss, not a row of a table
    if len(cells) < 2 or any(len(text[s:e].split()) >= TABLE_CELL_WORDS for s, e in cells):
        return None
    return cells


def row_line_values(text: str) -> list[tuple[int, int]] | None:
    """The values of a row label followed by its values on one line ("Probation Officers 5,180.25
    301.75"), as offsets; None when the line is no such row."""
    m = ROW_LINE.fullmatch(text)
    if not m or is_prose(m.group("label")):
        return None
    values = [(v.start(), v.end()) for v in BARE_VALUE.finditer(text, m.start("values"))]
    dated = False
    while values and YEAR_LABEL.fullmatch(text[values[0][0]:values[0][1]]):
        values, dated = values[1:], True  # "March 2021 4,100 350": the year is the label's
    if any(YEAR_LABEL.fullmatch(text[s:e]) for s, e in values):
        return None
    if not dated and MONTH_END.search(m.group("label").strip()):
        return None  # "July 21 – June 22", "at 30 June 12": a day of a month, not a value
    if m.group("label").split()[-1].lower() in label_words():
        values = values[1:]  # "Band 4 £35,100", "Point 1": the number after a label word is the label's
    return values or None


@lru_cache(maxsize=1)
def label_words() -> frozenset[str]:
    """The words a number after which is a label, not a figure ("band 4", "point 1")."""
    return frozenset(str(w).lower() for w in grammar()["lex"]["label_words"])


# a value cell of a passage: its offsets, its column header ("" for none) and the unit its row's
# label names (None for none)
Cell = tuple[int, int, str, "str | None"]


class TableColumns:
    """The column header each value of a table takes: a table's metric and unit are named in
    its header row ("Region" / "Probation officers in post (FTE)" / "Vacancies (FTE)" / "Vacancy
    rate (%)"), and the k-th value of each row is in the k-th column. Three layouts:

    - one cell a line: a run of label cells (the header row, then the first row's label), then
      the row's value cells. The row's values take the last headers of the run, counted from
      the right: a run one longer than the row ends in the row's label ("PS Northumbria");
    - a row on one line with separators ("2019/20 | 8.5 | 410", tab-separated): its k-th cell
      takes the k-th cell of the header row written the same way ("Year | Leaving rate (%) |
      Leavers"), or the header lines before it;
    - a row label and its values on one line ("Probation Officers 5,180.25 301.75") under
      header lines ("Staff in post as at 30 September (FTE)" / "Vacancies as at 30 September
      (FTE)"): its n values take the last n header lines.

    A passage of TABLE_CELL_WORDS or more words (prose) ends the table. `read` gives, for the
    passage, the Cell of each of its value cells that has a header or a row unit."""

    def __init__(self, peek=None):
        self.peek = peek or (lambda _: None)  # the text of a later passage by index, or None
        self.run: list[str] = []  # label cells since the last value
        self.headers: list[str] = []  # the header row's cells over the row's values
        self.column = 0  # value cells read since the row's label
        self.after_values = False  # a value was read since the header row
        self.separated = 0  # the cells of a header row written on one line with separators
        self.row_label: str | None = None  # the label of the row being read, one cell a line

    def read(self, i: int, text: str) -> list[Cell]:
        cell = " ".join(text.split())
        cells = row_cells(text)
        if cells is None and is_prose(cell):
            self.__init__(self.peek)
            return []
        if cells is not None:
            return self._separated_row(text, cells)
        if value_cell(cell):
            return self._value_cell(i, text)
        values = row_line_values(text)
        if values and self.run and not self.after_values:
            self.headers, self.run, self.after_values = self.run, [], True
        if values:
            return self._aligned(values, text)
        # a label cell: a header, a row's label, or a date labelling a row
        if self.after_values:
            self.run = [cell] if self.column or len(self.run) >= NEW_HEADER_RUN else self.run + [cell]
            if len(self.run) >= NEW_HEADER_RUN:
                self.after_values = False
        elif self.run and CONTINUED.match(cell):
            # a header cell wrapped over lines ("Staff in post as" / "at 30 June" / "(FTE)")
            self.run[-1] = f"{self.run[-1]} {cell}"
        else:
            self.run.append(cell)
        self.column = 0
        return []

    def _value_cell(self, i: int, text: str) -> list[Cell]:
        if not self.after_values and self.run:
            # the first row: count its value cells to tell the header row from its label
            n = 1
            while n < LOOK_AHEAD and (after := self.peek(i + n)) is not None and value_cell(" ".join(after.split())):
                n += 1
            labelled = len(self.run) > n
            headers = self.run[:-1] if labelled else self.run
            self.row_label = self.run[-1] if labelled else None
            self.headers = headers[-n:] if len(headers) >= n else []
            self.run, self.after_values, self.column = [], True, 0
        elif self.run:
            self.row_label = self.run[-1]
        self.run = []
        column, self.column = self.column, self.column + 1
        if column >= len(self.headers):
            return []
        start = len(text) - len(text.lstrip())
        row_unit = label_unit(self.row_label) if self.row_label else None
        return [(start, len(text.rstrip()), self.headers[column], row_unit)]

    def _separated_row(self, text: str, cells: list[tuple[int, int]]) -> list[Cell]:
        values = [(s, e) for s, e in cells if value_cell(text[s:e])]
        if not values and not all(re.search(r"[A-Za-z]{2}", text[s:e]) or YEAR_LABEL.fullmatch(text[s:e].strip())
                                  for s, e in cells):
            return []  # a row of other things ("2005 | 1:8 | 1:11"): no header row, no values
        if not values:
            # a header row on one line: its cells head the columns of the rows under it
            self.headers = [" ".join(text[s:e].split()) for s, e in cells]
            self.run, self.after_values, self.column = [], False, 0
            self.separated = len(cells)
            return []
        # the row's label ("Leaving rate (%) | 8.1 | 9.4") names the unit of its values
        label = text[cells[0][0]:cells[0][1]].strip() if cells[0] not in values else ""
        row_unit = label_unit(label) if label else None
        if self.separated:
            self.after_values = True
            # a row one cell longer than the header row has a label whose header cell was empty
            # (an HTML table's corner cell, dropped with the other empty cells)
            shift = len(cells) - self.separated
            if shift == 0 or (shift == 1 and label):
                return [(s, e, self.headers[k - shift], row_unit) for k, (s, e) in enumerate(cells)
                        if (s, e) in values and k >= shift]
            return [(s, e, "", row_unit) for s, e in values] if row_unit else []  # of no known column
        if self.run and not self.after_values:
            self.headers, self.run, self.after_values = self.run, [], True
        return self._aligned(values, text, row_unit)

    def _aligned(self, values: list[tuple[int, int]], text: str, row_unit: str | None = None) -> list[Cell]:
        """The n values of a row take the last n headers."""
        self.after_values, self.column = True, len(values)
        if len(self.headers) < len(values):
            return [(s, e, "", row_unit) for s, e in values] if row_unit else []
        return [(s, e, h, row_unit) for (s, e), h in zip(values, self.headers[-len(values):])]


def column_header(span) -> str | None:
    """The column header of the table cell a figure span is in (prepare_docs puts the passage's
    cells in doc.user_data["cell_headers"]), or None."""
    fig = span._.quantity
    for start, end, header, _ in span.doc.user_data.get("cell_headers", ()):
        if start <= fig.start < end:
            return header or None
    return None


def in_headed_cell(fig: Quantity, cells: list[Cell]) -> bool:
    """The figure is the whole of a value cell that has a column header."""
    return any(header and s <= fig.start and fig.end <= e and BARE_VALUE.fullmatch(fig.text)
               for s, e, header, _ in cells)


def with_header_units(candidates: list[Quantity], cells: list[Cell]) -> list[Quantity]:
    """Each bare number of a cell in the unit its column header names ("Vacancy rate (%)" /
    "25.0" is 25 percent), else the unit its row's label names ("Leaving rate (%)" / "5.5")."""
    out = []
    for fig in candidates:
        unit = next((label_unit(h) or row_unit for s, e, h, row_unit in cells if s <= fig.start < e), None)
        if unit and unit != fig.unit and fig.unit == DEFAULT_UNIT and fig.form == "number" and not fig.is_word:
            fig = dataclasses.replace(fig, unit=unit)
        out.append(fig)
    return out


# -- a row label that spans months of two-digit years ----------------------------------------

# "July 21 – June 22", "Apr 20 to Mar 21": a table's row label of months and two-digit years,
# which the date grammar reads as two days ("21 July", "22 June")
MONTH_YEAR_SPAN = re.compile(rf"(?<![\w/])(?P<m1>{_MONTH_NAMES})\s+(?P<y1>\d\d)\s*(?:[-–—]|to)\s*"
                             rf"(?P<m2>{_MONTH_NAMES})\s+(?P<y2>\d\d)(?![\w/])", re.I)
# what every such span holds: two digits, a dash or "to", and the second month's letter
TWO_DIGIT_YEAR_SPAN = re.compile(r"\d\d\s*(?:[-–—]|to)\s*[A-Za-z]", re.I)
MAX_SPAN_MONTHS = 24


def with_month_year_spans(text: str, dates: list[DateExpr]) -> list[DateExpr]:
    """The dates of a passage, each span of months of two-digit years in it read as one span
    (a table's row label "July 21 – June 22" is July 2021 to June 2022). Read so only where the
    two-day reading runs backwards ("July 21 – June 22" is no run of days), or the span is the
    whole passage (a row label cell, "January 21 – December 21")."""
    if not TWO_DIGIT_YEAR_SPAN.search(text):
        return dates  # the cheap test first: a month name is tried at every letter, digits are rare
    spans = []
    for m in MONTH_YEAR_SPAN.finditer(text):
        m1, m2 = month_number(m.group("m1")), month_number(m.group("m2"))
        y1, y2 = 2000 + int(m.group("y1")), 2000 + int(m.group("y2"))
        months = (y2 - y1) * 12 + m2 - m1
        whole = not text[:m.start()].strip() and not text[m.end():].strip()
        backwards = (m2, int(m.group("y2"))) < (m1, int(m.group("y1")))
        if 0 < months <= MAX_SPAN_MONTHS and (whole or backwards):
            spans.append(DateExpr(m.start(), m.end(), "span", Period.span(When(y1, m1), When(y2, m2))))
    if not spans:
        return dates
    kept = [d for d in dates if not any(s.start < d.end and d.start < s.end for s in spans)]
    return sorted(kept + spans, key=lambda d: d.start)


# -- the date a table's notes give it --------------------------------------------------------

# a note under a table: its number (a footnote reference the ingest marked) before a capital
NOTE_START = re.compile(r"\s*[A-Z(]")
NOTE_DATE_KINDS = ("point", "fiscal", "span")
SENTENCE_BREAK = re.compile(r"[a-z][.!?]\s+[A-Z]")


def note_starts(text: str, refs) -> list[int]:
    """Where the notes of a passage start: a footnote reference at the passage's start or after a
    space, followed by a capitalised word ("1 Figures shown as full-time equivalents ...")."""
    return [r.start for r in refs
            if (r.start == 0 or text[r.start - 1].isspace()) and NOTE_START.match(text, r.end)]


class TableNoteDates:
    """The date a table's notes state for all of it ("1 Figures shown as FTE as at 30 June 2007"):
    a table's values hold then, though the notes come after them. A value passage of a table
    (a short cell or row, or a table flattened to one line with its notes) takes the first framed
    date ("as at 30 June 2007", "at 31 March 2023") of the notes after it, looked for over the
    table's short passages up to the first passage of prose. `read` gives (period, words) or None."""

    def __init__(self, document, published: str | None, find_dates):
        self.document = document
        self.published = published
        self.find_dates = find_dates
        self.found: dict[int, tuple | None] = {}  # a note passage's date, by passage index

    def _note_date(self, j: int, after: int = 0):
        if j not in self.found:
            passage = self.document.passages[j]
            text = self.document.passage_text(passage)
            starts = [s for s in note_starts(text, passage.footnote_refs) if s >= after]
            date = None
            if starts:
                notes = text[starts[0]:]
                for d in self.find_dates(notes, self.published):
                    if d.period and d.kind in NOTE_DATE_KINDS and d.prefix:
                        date = (d.period, notes[d.start:d.end])
                        break
            self.found[j] = date
        return self.found[j]

    def read(self, i: int, text: str) -> tuple | None:
        passages = self.document.passages
        original = self.document.passage_text(passages[i])
        own = note_starts(original, passages[i].footnote_refs)
        # a note line, or a table flattened to one line before its notes: no sentence ends
        # before the notes (a paragraph's footnote markers are no notes of a table)
        if own and (own[0] == 0 or not SENTENCE_BREAK.search(original, 0, own[0])):
            return self._note_date(i)
        if is_prose(" ".join(text.split())) and row_cells(text) is None:
            return None
        for j in range(i + 1, min(len(passages), i + LOOK_AHEAD)):
            later = self.document.passage_text(passages[j])
            if note_starts(later, passages[j].footnote_refs):
                return self._note_date(j)
            if is_prose(" ".join(later.split())) and row_cells(later) is None:
                return None
        return None
