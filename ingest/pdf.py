"""PDF reports (HMIP inspections, annual reports): text by page with pypdf, wrapped lines
joined into paragraphs, running headers, footers and page numbers dropped, and each passage
keeping its page so a figure is traced to it."""
from __future__ import annotations

import logging
import re
from datetime import date
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from .assemble import Block, document_from_blocks
from .dates import latest_date_mentioned, plausible_year, published_line_date
from .lines import join_wrapped_lines, paragraph_kind
from .model import Document, IngestError

PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.I)
# a line on at least this share of pages is a running header or footer
RUNNING_SHARE = 0.5

# pypdf logs recoverable oddities of real PDFs at WARNING; they are not the user's concern
logging.getLogger("pypdf").setLevel(logging.ERROR)


def looks_like_pdf(raw_head: bytes) -> bool:
    return raw_head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"%PDF-")


def parse_pdf(path: Path, rel: str, publisher: str | None = None, kind: str | None = None
              ) -> list[Document]:
    with open(path, "rb") as handle:
        handle.seek(max(0, path.stat().st_size - 2048))
        tail = handle.read()
    if b"%%EOF" not in tail:
        raise IngestError(rel, "truncated PDF (no %%EOF marker at the end of the file)")
    try:
        reader = PdfReader(str(path), strict=False)
        # a PDF encrypted with an empty user password (to restrict printing or copying) opens
        # in any reader without asking: it is read; one that needs a password is refused
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(rel, "encrypted PDF: it needs a password to open; save a copy without one")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, RecursionError) as err:
        raise IngestError(rel, f"unreadable PDF: {err}") from None
    if not any(text.strip() for text in pages):
        raise IngestError(rel, "PDF has no text layer (a scanned document? run OCR on it first)")
    page_lines = [[line.strip() for line in text.splitlines()] for text in pages]
    running = _running_lines(page_lines)
    blocks: list[Block] = []
    for number, lines in enumerate(page_lines, start=1):
        kept = [line for line in lines if _key(line) not in running and not PAGE_NUMBER.match(line)]
        for paragraph in join_wrapped_lines(kept):
            blocks.append(Block(paragraph_kind(paragraph), paragraph, page=number))
    title = (str(info.get("/Title") or "").strip() or None) if info else None
    if blocks and (title is None or blocks[0].text == title):
        title = blocks[0].text
        blocks[0].kind = "title"
    else:
        blocks.insert(0, Block("title", title, page=1))
    first_page = "\n".join(page_lines[0])
    published = published_line_date(first_page)
    doc = document_from_blocks(blocks, title=title, source=publisher or "unknown",
                               kind=kind or "unknown", format="pdf", published=published)
    doc.published_from = "published line" if published else None
    if not published:
        # the file's own dates: when it was made, else last changed
        doc.published = metadata_date(info)
        doc.published_from = "PDF metadata" if doc.published else None
    doc.published_inferred = latest_date_mentioned(first_page)
    return [doc]


PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def metadata_date(info) -> str | None:
    """The ISO date of a PDF's /CreationDate (else /ModDate), "D:20240315093000+00'00'", at the
    precision it gives. A date that is not one ("D:99991231", month 99 in "D:202499") is
    passed over: no page could show it."""
    for key in ("/CreationDate", "/ModDate"):
        m = PDF_DATE.match(str((info or {}).get(key) or ""))
        if not m or not plausible_year(int(m.group(1))):
            continue
        year, month, day = m.group(1), m.group(2), m.group(3)
        try:
            if day:
                return date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
        if month is None:
            return year
        if 1 <= int(month) <= 12:
            return f"{year}-{month}"
    return None


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def _running_lines(page_lines: list[list[str]]) -> set[str]:
    if len(page_lines) < 3:
        return set()
    counts = Counter(key for lines in page_lines for key in {_key(line) for line in lines if line})
    return {key for key, n in counts.items() if n >= RUNNING_SHARE * len(page_lines)}
