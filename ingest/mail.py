"""Union mail-outs saved as e-mail (.eml): subject, sender and date from the headers; the
HTML part read like a web page when there is one, else the plain part's paragraphs."""
from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime

from registry import first_organisation

from .assemble import Block, document_from_blocks
from .html_page import parse_html_page
from .lines import join_wrapped_lines, paragraph_kind
from .model import Document, IngestError

HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*: ", re.M)
# the end of a mail-out's message: an e-mail signature marker or its unsubscribe footer
FOOTER = re.compile(r"^(?:-- ?$|unsubscribe\b|to unsubscribe|you are receiving this)", re.I)


def looks_like_email(head: str) -> bool:
    top = head.split("\n\n", 1)[0].split("\r\n\r\n", 1)[0]
    names = {line.split(":", 1)[0].lower() for line in top.splitlines() if HEADER_LINE.match(line)}
    return "from" in names and bool(names & {"subject", "date", "mime-version", "to"})


def parse_mailout(raw: bytes, rel: str, publisher: str | None = None, kind: str | None = None
                  ) -> list[Document]:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    subject = " ".join(str(message.get("subject", "")).split()) or None
    name, address = parseaddr(str(message.get("from", "")))
    sender = name or address or None
    publisher = publisher or first_organisation(f"{name} {address.split('@')[-1].split('.')[0].upper()}") \
        or sender or "unknown"
    kind = kind or "union"
    published = None
    if message.get("date"):
        try:
            published = parsedate_to_datetime(str(message["date"])).date().isoformat()
        except (TypeError, ValueError):
            published = None
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        raise IngestError(rel, "e-mail has no text or HTML body")
    try:
        content = body.get_content()
    except (LookupError, UnicodeDecodeError) as err:
        raise IngestError(rel, f"e-mail body cannot be decoded: {err}") from None
    if body.get_content_type() == "text/html":
        # the message is the article, however short; chrome (view in browser, unsubscribe) goes
        doc = parse_html_page(content, publisher, kind, path=rel, title=subject, min_words=3)[0]
    else:
        lines = []
        for line in content.splitlines():
            if FOOTER.match(line.strip()):
                break
            lines.append(line)
        blocks = [Block("title", subject)] if subject else []
        for paragraph in join_wrapped_lines(lines):
            blocks.append(Block(paragraph_kind(paragraph), paragraph))
        doc = document_from_blocks(blocks, title=subject, source=publisher, kind=kind)
    doc.author = sender
    doc.published = published or doc.published
    doc.format = "email"
    return [doc]
