"""Blocks of text from an HTML element: block-level tags become passages, inline markup is
flattened, white space collapsed, and footnote markers ("<sup>157</sup>", "<a href="#fn3">3</a>")
kept as FootnoteRefs at their place in the text so extraction can hide them."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .assemble import Block
from .model import FootnoteRef

BLOCK_KINDS = {
    "p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
    "h5": "heading", "h6": "heading", "li": "list_item", "dt": "paragraph", "dd": "paragraph",
    "pre": "paragraph", "tr": "paragraph", "caption": "heading", "figcaption": "paragraph",
    "blockquote": "quote", "address": "paragraph",
}
# block-level elements that hold other blocks: text on either side of one is a separate block
CONTAINERS = {"div", "section", "article", "main", "ul", "ol", "dl", "table", "thead", "tbody",
              "tfoot", "body", "html", "figure", "center", "header", "footer", "details",
              "summary", "form", "fieldset", "aside", "nav", "hr"}
SKIPPED = {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "button",
           "select", "textarea", "input", "img", "video", "audio", "object", "embed", "map",
           "head", "title", "meta", "link"}
# a paragraph inside a quote or a list item is part of it
INHERITED = {"quote", "list_item", "comment"}
MARKER_TEXT = re.compile(r"^\[?(\d{1,4})\]?$")
SPACE = re.compile(r"\s+")


# a page's own declaration of a 16- or 32-bit encoding, in a <meta> of its first bytes
WIDE_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*(?:utf-?16|utf-?32|ucs-?[24])", re.I)


def soup_of(markup: str | bytes) -> BeautifulSoup:
    if isinstance(markup, bytes) and WIDE_CHARSET.search(markup[:4096]):
        # the declaration was read in an 8-bit encoding, so it cannot be true of the page (the
        # reader decodes a real UTF-16 page by its byte order mark): as HTML5 says, UTF-8
        markup = markup.decode("utf-8", errors="replace")
    return BeautifulSoup(markup, "lxml")


def footnote_marker(tag: Tag) -> int | None:
    """The footnote number of a marker: a superscript number or a link to an in-page anchor
    whose text is a number."""
    text = tag.get_text("", strip=True)
    m = MARKER_TEXT.match(text)
    if not m:
        return None
    if tag.name == "sup":
        return int(m.group(1))
    if tag.name == "a" and str(tag.get("href", "")).startswith("#"):
        return int(m.group(1))
    return None


class _Line:
    """Text being gathered for one block, with white space collapsed as it grows."""

    def __init__(self):
        self.chars: list[str] = []
        self.length = 0
        self.space_pending = False
        self.refs: list[FootnoteRef] = []

    def add(self, text: str) -> None:
        parts = SPACE.split(text)
        leading_space = bool(text) and text[0].isspace()
        trailing_space = bool(text) and text[-1].isspace()
        words = [p for p in parts if p]
        if not words:
            if text and self.length:
                self.space_pending = True
            return
        if (leading_space or self.space_pending) and self.length:
            self._append(" ")
        self._append(" ".join(words))
        self.space_pending = trailing_space

    def add_marker(self, number: int, text: str) -> None:
        start = self.length
        self._append(text)
        self.refs.append(FootnoteRef(number, start, self.length))

    def _append(self, text: str) -> None:
        self.chars.append(text)
        self.length += len(text)
        self.space_pending = False

    def text(self) -> str:
        return "".join(self.chars)


def html_blocks(element: Tag, kind: str | None = None, source: str | None = None) -> list[Block]:
    """The blocks of an element, in document order. `kind` overrides the kind of every block
    (a blockquote's paragraphs are quotes, a comment's paragraphs are a comment)."""
    blocks: list[Block] = []
    line = _Line()
    current_kind = [kind or "paragraph"]

    def flush():
        nonlocal line
        text = line.text()
        if text.strip():
            stripped = text.rstrip()
            lead = len(stripped) - len(stripped.lstrip())
            refs = [FootnoteRef(r.number, r.start - lead, r.end - lead) for r in line.refs]
            blocks.append(Block(current_kind[-1], stripped.lstrip(), source, footnote_refs=refs))
        line = _Line()

    # walked with a stack, not recursion: a post of 50,000 nested <div>s is read like any other
    # (each entry: the children still to read, and whether a block ends with them)
    stack = [(iter(element.children), False)]
    while stack:
        children, ends_block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if ends_block:
                flush()
                current_kind.pop()
            continue
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:
                line.add(str(child))
            continue
        if not isinstance(child, Tag) or child.name in SKIPPED:
            continue
        if child.name == "br":
            flush()
            continue
        number = footnote_marker(child) if child.name in ("sup", "a") else None
        if number is not None:
            line.add_marker(number, child.get_text("", strip=True))
            continue
        block_kind = BLOCK_KINDS.get(child.name)
        if block_kind or child.name in CONTAINERS:
            flush()
            inherited = current_kind[-1]
            if kind or not block_kind or (block_kind == "paragraph" and inherited in INHERITED):
                block_kind = kind or inherited
            current_kind.append(block_kind)
            if child.name == "tr":
                cells = [" ".join(c.get_text(" ").split()) for c in child.find_all(["td", "th"])]
                line.add(" | ".join(c for c in cells if c))
                flush()
                current_kind.pop()
            else:
                stack.append((iter(child.children), True))
        else:
            stack.append((iter(child.children), False))
    flush()
    return blocks


def flatten_deep_nesting(soup: BeautifulSoup, max_depth: int) -> int:
    """Each element nested `max_depth` levels deep replaced by its text as plain paragraphs,
    so the page can be parsed again by lxml (trafilatura, htmldate), which stops reading at
    256 levels and drops, silently, everything below and after. Returns how many elements
    were flattened."""
    deep = []
    stack = [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        for child in tag.children:
            if isinstance(child, Tag):
                if depth + 1 >= max_depth:
                    deep.append(child)
                else:
                    stack.append((child, depth + 1))
    for tag in deep:
        holder = soup.new_tag("div")
        for block in html_blocks(tag):
            paragraph = soup.new_tag("p")
            paragraph.string = block.text
            holder.append(paragraph)
        tag.replace_with(holder)
    return len(deep)


def text_of(tag: Tag | None) -> str | None:
    if tag is None:
        return None
    text = " ".join(tag.get_text(" ").split())
    return text or None
