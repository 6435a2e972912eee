"""The table of formats: for each, its name, how it is recognised (sniffed from the content,
never the extension) and how it is parsed. Every parser has one signature, `parse(file)`, so
every format shares the same error handling (ingest.reader.ingest_file).

Formats read from bytes (markup, PDF, mail) are sniffed from the file's first bytes, in table
order; plain-text formats are sniffed from the decoded text after any front matter."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .articles import looks_like_article_collection, parse_article, parse_article_collection
from .blog_dump import looks_like_blog_dump, parse_blog_dump
from .committee import looks_like_committee_report, parse_committee_report
from .feeds import looks_like_blogger_atom, looks_like_wxr, parse_blogger_atom, parse_wxr
from .html_page import looks_like_html, parse_html_page
from .mail import looks_like_email, parse_mailout
from .model import Document
from .pdf import looks_like_pdf, parse_pdf


@dataclass
class CorpusFile:
    """What a parser is given: the file, its decoded text when it is a text format, and what
    its manifest entry or front matter says."""
    path: Path
    rel: str
    text: str | None  # the text after the front matter, for text formats
    publisher: str | None
    kind: str | None
    url: str | None
    warnings: list[str]  # parts of the file skipped, appended to by the parser
    decoded: str | None = None  # a markup file in UTF-16 or UTF-32, decoded by the reader

    def read_bytes(self) -> bytes:
        return self.path.read_bytes() if self.decoded is None else self.decoded.encode("utf-8")

    def markup(self) -> str | bytes:
        """What an HTML parser is given: the bytes, whose declared encoding it honours, or the
        text the reader decoded (a declaration of UTF-16 in it is then moot)."""
        return self.path.read_bytes() if self.decoded is None else self.decoded


@dataclass(frozen=True)
class Format:
    name: str
    reads: str  # "bytes": sniffed from the first bytes; "text": from the decoded text
    sniff: Callable[[str], bool]
    parse: Callable[[CorpusFile], list[Document]]


def _with_warnings(parse):
    def run(f: CorpusFile) -> list[Document]:
        documents, warnings = parse(f.path, f.rel, f.publisher)
        f.warnings.extend(warnings)
        return documents
    return run


def _read_mailout(f: CorpusFile) -> list[Document]:
    if f.decoded is not None:
        return parse_mailout(f.read_bytes(), f.rel, f.publisher, f.kind, f.warnings)
    with open(f.path, "rb") as handle:
        return parse_mailout(handle, f.rel, f.publisher, f.kind, f.warnings)


FORMATS: list[Format] = [
    Format("pdf", "bytes", looks_like_pdf, lambda f: parse_pdf(f.path, f.rel, f.publisher, f.kind)),
    Format("blogger_atom", "bytes", looks_like_blogger_atom, _with_warnings(parse_blogger_atom)),
    Format("wxr", "bytes", looks_like_wxr, _with_warnings(parse_wxr)),
    Format("email", "bytes", looks_like_email, _read_mailout),
    Format("html", "bytes", looks_like_html,
           lambda f: parse_html_page(f.markup(), f.publisher, f.kind, f.url, path=f.rel, warnings=f.warnings)),
    Format("blog_dump", "text", looks_like_blog_dump, lambda f: parse_blog_dump(f.text, f.publisher)),
    Format("committee_report", "text", looks_like_committee_report,
           lambda f: parse_committee_report(f.text, f.publisher)),
    Format("article_collection", "text", looks_like_article_collection,
           lambda f: parse_article_collection(f.text, f.publisher, f.kind)),
    Format("article", "text", lambda text: True,
           lambda f: [parse_article(f.text, publisher=f.publisher, kind=f.kind)]),
]
BY_NAME = {f.name: f for f in FORMATS}


def sniff_bytes(head: bytes) -> Format | None:
    """The byte-read format of a file from its first bytes, if any."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \r\n\t")
    for fmt in FORMATS:
        if fmt.reads == "bytes" and fmt.sniff(head if fmt.name == "pdf" else text):
            return fmt
    return None


def sniff_text(text: str) -> Format | None:
    for fmt in FORMATS:
        if fmt.reads == "text" and fmt.sniff(text):
            return fmt
    return None
