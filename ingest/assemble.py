"""Documents from blocks of extracted text. HTML pages, feeds, PDFs and mail-outs yield
blocks (a heading, a paragraph, a comment, a footnote...); this joins them into one document
text, blank-line separated, and records each block's passage offsets into it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Document, Footnote, FootnoteRef, Passage

NUMBERED = re.compile(r"^(\d{1,3})\.?\s+(?=\S)")


@dataclass
class Block:
    kind: str  # title, heading, paragraph, list_item, quote, comment, footnote
    text: str
    source: str | None = None
    number: int | None = None  # committee paragraph number, or the footnote's number
    page: int | None = None
    footnote_refs: list[FootnoteRef] = field(default_factory=list)  # offsets into `text`


def number_paragraph(block: Block) -> Block:
    """A committee paragraph written "104. The Committee..." keeps its number apart from its
    text, as the text parser does."""
    m = NUMBERED.match(block.text)
    if block.kind != "paragraph" or not m:
        return block
    cut = m.end()
    refs = [FootnoteRef(r.number, r.start - cut, r.end - cut) for r in block.footnote_refs
            if r.start >= cut]
    return Block(block.kind, block.text[cut:], block.source, int(m.group(1)), block.page, refs)


def document_from_blocks(blocks: list[Block], **fields) -> Document:
    """One document whose text is the blocks' texts joined by blank lines."""
    doc = Document(text="", file_start=None, **fields)
    parts: list[str] = []
    pos = 0
    for block in blocks:
        if not block.text:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        start, end = pos, pos + len(block.text)
        parts.append(block.text)
        pos = end
        if block.kind == "footnote":
            doc.footnotes.append(Footnote(block.number, start, end, block.text))
            continue
        doc.passages.append(Passage(block.kind, start, end, source=block.source or doc.source,
                                    number=block.number, page=block.page,
                                    footnote_refs=list(block.footnote_refs)))
    doc.text = "".join(parts)
    if doc.title is None:
        titles = [p for p in doc.passages if p.kind == "title"]
        doc.title = doc.passage_text(titles[0]) if titles else None
    return doc
