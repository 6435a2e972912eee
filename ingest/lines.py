"""Lines of a text with their offsets: every parser walks text this way."""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

# "• 4% uplift", "- 5,283 FTE ...", "1. Work your hours."
LIST_ITEM = re.compile(r"^(?:[•·▪‣◦–-]|\d{1,2}[.)])\s")


class Line(NamedTuple):
    start: int
    end: int  # end of the visible text, trailing whitespace excluded
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def iter_lines(text: str, offset: int = 0, end: int | None = None) -> Iterator[Line]:
    """Lines of text[offset:end] with offsets into `text`, stripped of surrounding space."""
    end = len(text) if end is None else end
    pos = offset
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        yield Line(pos + lead, pos + lead + len(stripped), stripped)
        pos = stop + 1


def is_signature(line: str) -> bool:
    """A sign-off line such as "Anon", "Pearly Gates" or "Napo HQ"."""
    words = line.split()
    return (
        0 < len(words) <= 4
        and line[0].isupper()
        and line[-1] not in ".!?:;,”\"'"
        and not any(ch.isdigit() for ch in line)
    )


SENTENCE_END = re.compile(r"[.!?:;”\"’)]$")
ROW_END = re.compile(r"\d[%)]?$")  # a table row's line ends in a value
# a line shorter than this share of the wrapping width ends its paragraph
SHORT_LINE = 0.7


def paragraph_kind(text: str) -> str:
    """The passage kind of a paragraph joined from wrapped lines: a list item, a short
    unpunctuated heading, or a paragraph."""
    if LIST_ITEM.match(text):
        return "list_item"
    return "heading" if is_signature(text) else "paragraph"


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Paragraphs from hard-wrapped lines (PDF text, plain-text e-mail). A new paragraph
    starts after a blank line, at a list item, and after a line that stops well short of the
    text's wrapping width (a heading, or a paragraph's last line); a table's rows and cells are
    paragraphs of their own; a word hyphenated across lines is joined."""
    lines = [" ".join(raw.split()) for raw in lines]
    lengths = sorted(len(line) for line in lines if line)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    paragraphs: list[str] = []
    current = ""
    last_line = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        short = len(last_line) < SHORT_LINE * width
        # a table's rows and cells stand alone: a cell ("5.5"), a short line ending in a value
        # ("2019/20 8.1 310") and the line after one; so does the first line after a line
        # introducing it ("... in each of those years:") and a cell after a sentence's end
        starts_new = (not current or LIST_ITEM.match(line) or TABLE_CELL.match(last_line)
                      or (short and (TABLE_CELL.match(line) or ROW_END.search(line) or ROW_END.search(last_line)))
                      or (current.endswith(":") and (line[0].isupper() or line[0].isdigit()))
                      or (SENTENCE_END.search(current) and TABLE_CELL.match(line))
                      or (short and (SENTENCE_END.search(current) or line[0].isupper())))
        last_line = line
        if starts_new:
            if current:
                paragraphs.append(current)
            current = line
        elif current.endswith("-") and line[0].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
    if current:
        paragraphs.append(current)
    return paragraphs


# Hard-wrapped text (e-mail mail-outs, plain-text dumps): most lines run to just under one
# width, few beyond it. A text of paragraphs one a line has many lines far longer.
WRAP_WIDTHS = (50, 100)  # the wrapping widths met in practice: 60-80 characters
WRAPPED_SHARE = 0.5  # of lines that reach SHORT_LINE of the width
OVERLONG_SHARE = 0.1  # of lines beyond the width: more, and the text is not wrapped
MIN_WRAPPED_LINES = 6
# a table cell alone on its line: a number, a date or a percentage ("5.5", "2014/15", "28%")
TABLE_CELL = re.compile(r"^[-−+£]?\d[\d,./–-]*%?$")


def wrap_width(lines: list[Line]) -> int | None:
    """The width a text's lines were cut at, when they were hard-wrapped; None otherwise."""
    lengths = sorted(len(line.text) for line in lines if line.text)
    if len(lengths) < MIN_WRAPPED_LINES:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return None
    wrapped = sum(1 for n in lengths if SHORT_LINE * width <= n <= width)
    overlong = sum(1 for n in lengths if n > width + 10)
    if wrapped < WRAPPED_SHARE * len(lengths) or overlong > OVERLONG_SHARE * len(lengths):
        return None
    return width


def wrapped_paragraphs(lines: list[Line], width: int) -> list[list[Line]]:
    """The lines of each paragraph of a hard-wrapped text, offsets kept: the rules of
    `join_wrapped_lines`, and a heading, list item or table cell is never joined to the line
    after it (each is a line that stops short of the width, or a cell of its own)."""
    paragraphs: list[list[Line]] = []
    current: list[Line] = []
    for n, line in enumerate(lines):
        if line.blank:
            if current:
                paragraphs.append(current)
            current = []
            continue
        last = current[-1].text if current else ""
        # a sign-off ("Anon", "Napo HQ") after the last sentence of a block stands alone
        signed = n == len(lines) - 1 and is_signature(line.text) and SENTENCE_END.search(last)
        short = len(last) < SHORT_LINE * width
        # a cell after a short line (a label or another cell) stands alone; after a line
        # cut at the width it is the end of a sentence ("... targets in" / "2024-25.")
        starts_new = (not current or signed or LIST_ITEM.match(line.text) or TABLE_CELL.match(last)
                      or (short and TABLE_CELL.match(line.text))
                      or (short and (SENTENCE_END.search(last) or line.text[0].isupper())))
        if starts_new:
            if current:
                paragraphs.append(current)
            current = [line]
        else:
            current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs


def with_blank_lines(text: str, lines: list[Line]) -> list[Line]:
    """Lines kept without their blank lines, with a blank Line put back wherever one stood
    between two of them in `text` (a paragraph break a wrapped text must keep)."""
    out: list[Line] = []
    for line in lines:
        if out and text.count("\n", out[-1].end, line.start) >= 2:
            out.append(Line(out[-1].end, out[-1].end, ""))
        out.append(line)
    return out


def unwrapped(text: str, lines: list[Line]) -> list[Line]:
    """The lines of a run, each wrapped paragraph made one Line spanning its lines (offsets
    into `text` kept); the lines unchanged when the run is not hard-wrapped."""
    width = wrap_width(lines)
    if not width:
        return lines
    return [Line(group[0].start, group[-1].end, " ".join(part.text for part in group))
            for group in wrapped_paragraphs(with_blank_lines(text, lines), width)]
