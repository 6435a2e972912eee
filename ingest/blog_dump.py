"""Blog text dumps (On Probation): posts under Blogger date lines, reader comments between
lines of asterisks, and quoted material after `--oo00oo--` or an intro ending ":-"."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from registry import first_organisation

from .dates import BLOG_DATE_LINE, parse_date
from .lines import LIST_ITEM, Line, is_signature, iter_lines, unwrapped
from .model import COMMENTER, Document, Passage

COMMENT_SEPARATOR = re.compile(r"^\*{3,}$")
QUOTE_SEPARATOR = re.compile(r"^-+oo00oo-+$")
# "Here we have yesterday's mailout from Napo:-", "This from Monday's Guardian:-"
QUOTE_INTRO = re.compile(r":-$")


@dataclass
class Block:
    """A run of lines between separators: the post itself, a comment, or a quoted piece."""
    kind: str  # post, comment, quote
    lines: list[Line] = field(default_factory=list)


def looks_like_blog_dump(text: str) -> bool:
    """A first line like "Thursday, 12 February 2026": the date line Blogger prints above posts."""
    return bool(BLOG_DATE_LINE.match(text.lstrip().split("\n", 1)[0]))


def parse_blog_dump(text: str, publisher: str | None = None) -> list[Document]:
    """Split a blog dump into one document per post, each with its date, title and passages."""
    publisher = publisher or "unknown"
    date_lines = list(BLOG_DATE_LINE.finditer(text))
    documents = []
    for i, match in enumerate(date_lines):
        end = date_lines[i + 1].start() if i + 1 < len(date_lines) else len(text)
        end = match.start() + len(text[match.start():end].rstrip())
        documents.append(_parse_post(text, match.start(), end, match.group().strip(), publisher))
    return documents


def _parse_post(text: str, start: int, end: int, date_line: str, publisher: str) -> Document:
    doc_text = text[start:end]
    lines = [line for line in iter_lines(doc_text) if not line.blank][1:]  # after the date line
    doc = Document(text=doc_text, file_start=start, source=publisher, kind="blog",
                   published=parse_date(date_line), format="blog_dump")
    if not lines:
        return doc
    title, body = lines[0], lines[1:]
    doc.title = title.text
    doc.passages.append(Passage("title", title.start, title.end, source=publisher))

    blocks = [Block("post")]
    for line in body:
        if COMMENT_SEPARATOR.match(line.text):
            blocks.append(Block("comment"))
        elif QUOTE_SEPARATOR.match(line.text):
            blocks.append(Block("quote"))
        else:
            blocks[-1].lines.append(line)

    previous_source = publisher
    for block in blocks:
        if not block.lines:
            continue
        previous_source = _add_block(doc, block, publisher, previous_source)
    return doc


def _block_source(block: Block, own_lines: list[Line], publisher: str, previous: str) -> str:
    """Who wrote a block's own text (before any quote it introduces)."""
    last = own_lines[-1].text if own_lines else ""
    signature = last if own_lines and is_signature(last) else None
    signed_org = first_organisation(signature) if signature else None
    if block.kind == "comment":
        return signed_org or COMMENTER
    if block.kind == "post":
        # a post signed by a reader ("Anon", "Probation Officer") is a reader's contribution
        if signature and not signed_org and len(own_lines) == len(block.lines):
            return COMMENTER
        return publisher
    # quoted block: its sign-off, else an organisation named in its opening lines, else the
    # voice of the block before it (a reply pasted after a separator continues the thread)
    if signed_org:
        return signed_org
    if signature:
        return COMMENTER
    opening = " ".join(line.text for line in own_lines[:3])
    return first_organisation(opening) or previous


def _add_block(doc: Document, block: Block, publisher: str, previous: str) -> str:
    intro_at = [i for i, line in enumerate(block.lines) if QUOTE_INTRO.search(line.text)]
    own_end = intro_at[0] + 1 if intro_at else len(block.lines)
    own_lines = block.lines[:own_end]
    source = _block_source(block, own_lines, publisher, previous)
    kind = {"post": "paragraph", "comment": "comment", "quote": "quote"}[block.kind]
    # a pasted mail-out cut at ~70 characters a line: one passage a paragraph, not a line
    own_passages = unwrapped(doc.text, own_lines)
    for line in own_passages:
        doc.passages.append(_passage(line, kind, source, last=line is own_passages[-1] and own_end == len(block.lines)))

    # each intro line opens a quoted segment running to the next intro or the block's end
    for n, at in enumerate(intro_at):
        stop = intro_at[n + 1] + 1 if n + 1 < len(intro_at) else len(block.lines)
        segment = block.lines[at + 1:stop]
        if not segment:
            continue
        intro = block.lines[at].text
        signed = segment[-1].text if is_signature(segment[-1].text) else ""
        quoted = (first_organisation(intro, include_intro_only=True)
                  or first_organisation(segment[0].text)
                  or (first_organisation(signed) if signed else None)
                  or source)
        paragraphs = unwrapped(doc.text, segment)
        for line in paragraphs:
            doc.passages.append(_passage(line, "quote", quoted, last=line is paragraphs[-1]))
        source = quoted
    return source


def _passage(line: Line, kind: str, source: str, last: bool) -> Passage:
    if LIST_ITEM.match(line.text):
        kind = "list_item"
    elif is_signature(line.text):
        # a short unpunctuated line: the sign-off when it ends a block, else a heading
        kind = "signature" if last else "heading"
    return Passage(kind, line.start, line.end, source=source)
