"""Articles: a single article as one document, or a collection of syndicated articles
("The article X first appeared on the UNISON National site.") split into documents, with
exact and near-duplicate copies linked to the first copy."""
from __future__ import annotations

import re

from registry import first_organisation

from .dates import dateline_date, latest_date_mentioned
from .lines import LIST_ITEM, Line, is_signature, iter_lines, wrap_width, wrapped_paragraphs
from .model import Document, Passage

SYNDICATION_LINE = re.compile(r"^The article (?P<title>.+?) first appeared on the (?P<site>.+?)\.?\s*$",
                              re.M)
SHINGLE = 5
NEAR_DUPLICATE = 0.6  # Jaccard similarity of word 5-grams


def looks_like_article_collection(text: str) -> bool:
    return SYNDICATION_LINE.search(text) is not None


def parse_article(text: str, start: int = 0, end: int | None = None,
                  publisher: str | None = None, kind: str | None = None) -> Document:
    """One article: its first line is the title, every later line a passage (every later
    paragraph, when the text is hard-wrapped)."""
    end = len(text) if end is None else end
    every_line = list(iter_lines(text, start, end))  # blank lines end wrapped paragraphs
    lines = [line for line in every_line if not line.blank]
    doc_start = lines[0].start if lines else start
    doc_end = lines[-1].end if lines else start
    doc = Document(text=text[doc_start:doc_end], file_start=doc_start,
                   source=publisher or "unknown", kind=kind or "unknown", format="article")
    # hard-wrapped text: a passage is a paragraph of lines, not a line
    width = wrap_width(lines[1:])
    after_title = [line for line in every_line if line.start > lines[0].start] if width else []
    groups = [lines[:1]] + wrapped_paragraphs(after_title, width) if width else [[line] for line in lines]
    for i, group in enumerate(groups):
        line = Line(group[0].start, group[-1].end, " ".join(part.text for part in group))
        s, e = line.start - doc_start, line.end - doc_start
        if i == 0:
            doc.title = " ".join(line.text.split())
            doc.passages.append(Passage("title", s, e, source=doc.source))
        elif SYNDICATION_LINE.match(line.text):
            doc.passages.append(Passage("attribution", s, e, source=doc.source))
        elif LIST_ITEM.match(line.text):
            doc.passages.append(Passage("list_item", s, e, source=doc.source))
        elif is_signature(line.text):
            doc.passages.append(Passage("heading", s, e, source=doc.source))
        else:
            doc.passages.append(Passage("paragraph", s, e, source=doc.source))
    doc.published = dateline_date(doc.text)
    doc.published_from = "dateline" if doc.published else None
    doc.published_inferred = latest_date_mentioned(doc.text)
    return doc


def parse_article_collection(text: str, publisher: str | None = None,
                             kind: str | None = None) -> list[Document]:
    documents: list[Document] = []
    start = 0
    for m in SYNDICATION_LINE.finditer(text):
        source = first_organisation(m.group("site")) or publisher
        documents.append(parse_article(text, start, m.end(), source, kind))
        start = m.end()
    if text[start:].strip():
        documents.append(parse_article(text, start, len(text), publisher, kind))
    link_duplicates(documents)
    return documents


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def similarity(a: str, b: str) -> float:
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def link_duplicates(documents: list[Document]) -> None:
    """Mark each document that repeats an earlier one, exactly or lightly edited."""
    shingles = [_shingles(doc.text) for doc in documents]
    for j in range(len(documents)):
        for i in range(j):
            if documents[i].duplicate_of is not None:
                continue
            a, b = shingles[i], shingles[j]
            if a and b and len(a & b) / len(a | b) >= NEAR_DUPLICATE:
                documents[j].duplicate_of = i
                break
