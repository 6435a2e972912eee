"""Parliamentary committee reports as text: numbered paragraphs ("106.As at ..."), block
quotes and headings between them, the footnote list at the end, and footnote markers glued
to the text ("Wales”.156", "qualification.152153")."""
from __future__ import annotations

import re

from .dates import PUBLISHED_LINE, published_line_date
from .lines import iter_lines
from .model import Document, Footnote, FootnoteRef, Passage

# "106.As at ...": never a decimal alone on a line ("5.5", a flattened table's value cell)
NUMBERED_PARAGRAPH = re.compile(r"^(\d{1,3})\.(?=[^\d\s])")
SENTENCE_END_MARKER = re.compile(r"(?<=[a-z][.”\"’)])(\d{1,3})(?=\s+[A-Z“\"‘]|\s*$)")
FOOTNOTE_LINE = re.compile(r"^(\d{1,4})\s+(\S.*)$")
# digits glued after punctuation or a word's last letter, then a space, a quote or the end;
# never the digits after a thousands separator or a decimal point ("243,000", "5.75")
MARKER = re.compile(r"(?<!\d[.,])(?<=[.,;:“”\"’)\]a-z])(\d{2,})(?=[\s“\"]|$)")


def looks_like_committee_report(text: str) -> bool:
    return sum(1 for line in iter_lines(text) if NUMBERED_PARAGRAPH.match(line.text)) >= 3


def parse_committee_report(text: str, publisher: str | None = None) -> list[Document]:
    lines = [line for line in iter_lines(text) if not line.blank]
    doc = Document(text=text, file_start=0, source=publisher or "unknown", kind="committee",
                   format="committee_report")
    doc.published = published_line_date(text)

    last_paragraph = max((i for i, line in enumerate(lines) if NUMBERED_PARAGRAPH.match(line.text)),
                         default=-1)
    footnote_lines = []
    for i, line in enumerate(lines):
        if i > last_paragraph and FOOTNOTE_LINE.match(line.text):
            footnote_lines.append(line)
    for line in footnote_lines:
        m = FOOTNOTE_LINE.match(line.text)
        doc.footnotes.append(Footnote(int(m.group(1)), line.start, line.end, m.group(2)))
    footnote_numbers = {f.number for f in doc.footnotes}
    width = max((len(str(n)) for n in footnote_numbers), default=3)
    known_range = (min(footnote_numbers, default=1) - 50, max(footnote_numbers, default=999) + 50)

    footnote_starts = {line.start for line in footnote_lines}
    for i, line in enumerate(lines):
        if line.start in footnote_starts or PUBLISHED_LINE.search(line.text):
            continue
        if i == 0:
            doc.title = re.sub(r"\s+Contents$", "", line.text)
            doc.passages.append(Passage("title", line.start, line.start + len(doc.title),
                                        source=doc.source))
            continue
        numbered = NUMBERED_PARAGRAPH.match(line.text)
        if numbered:
            start = line.start + numbered.end()
            passage = Passage("paragraph", start, line.end, source=doc.source,
                              number=int(numbered.group(1)))
        elif len(line.text.split()) < 12 and line.text[-1] not in ".:”\"":
            passage = Passage("heading", line.start, line.end, source=doc.source)
        else:
            passage = Passage("quote", line.start, line.end, source=doc.source)
        passage.footnote_refs = find_footnote_markers(text[passage.start:passage.end], width,
                                                      known_range)
        doc.passages.append(passage)
    return [doc]


def find_footnote_markers(text: str, width: int = 3,
                          known_range: tuple[int, int] = (1, 9999)) -> list[FootnoteRef]:
    """Markers glued to the text; "152153" is footnotes 152 and 153."""
    refs = []
    for m in MARKER.finditer(text):
        digits = m.group(1)
        if len(digits) % width:
            continue
        numbers = [int(digits[i:i + width]) for i in range(0, len(digits), width)]
        if not all(known_range[0] <= n <= known_range[1] for n in numbers):
            continue
        if any(b <= a for a, b in zip(numbers, numbers[1:])):
            continue
        for k, number in enumerate(numbers):
            start = m.start(1) + k * width
            refs.append(FootnoteRef(number, start, start + width))
    # a short number glued to a sentence's last word and followed by the next sentence
    # ("... Programme.2 In 2012, ...") is a marker whatever the width of the others
    taken = {r.start for r in refs}
    for m in SENTENCE_END_MARKER.finditer(text):
        if m.start(1) not in taken and not any(r.start <= m.start(1) < r.end for r in refs):
            refs.append(FootnoteRef(int(m.group(1)), m.start(1), m.end(1)))
    return sorted(refs, key=lambda r: r.start)
