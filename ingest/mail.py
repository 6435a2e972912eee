"""Union mail-outs saved as e-mail (.eml): subject, sender and date from the headers; the
HTML part read like a web page when there is one, else the plain part's paragraphs."""
from __future__ import annotations

import codecs
import re
from typing import BinaryIO
from email import policy
from email.errors import HeaderParseError
from email.header import Header, decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime

from registry import first_organisation

from .assemble import Block, document_from_blocks
from .dates import plausible
from .html_page import parse_html_page
from .lines import join_wrapped_lines, paragraph_kind
from .model import Document, IngestError

# a subject, a sender or a date is one line; past this a header is not what it says it is
MAX_HEADER_CHARS = 2000
HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*: ", re.M)
# the end of a mail-out's message: an e-mail signature marker or its unsubscribe footer
FOOTER = re.compile(r"^(?:-- ?$|unsubscribe\b|to unsubscribe|you are receiving this)", re.I)


def looks_like_email(head: str) -> bool:
    top = head.split("\n\n", 1)[0].split("\r\n\r\n", 1)[0]
    names = {line.split(":", 1)[0].lower() for line in top.splitlines() if HEADER_LINE.match(line)}
    return "from" in names and bool(names & {"subject", "date", "mime-version", "to"})


def parse_mailout(raw: bytes | BinaryIO, rel: str, publisher: str | None = None, kind: str | None = None,
                  warnings: list[str] | None = None) -> list[Document]:
    """`raw` is the message or a file open on it: read from the file, a 50 MB message is
    never held whole as bytes beside the text the parser makes of it."""
    # compat32 keeps each header as the text it is; the default policy parses every header
    # into a structure, in time and memory quadratic in its encoded words (a 440 KB Subject
    # of 20,000 of them took 4.4 GB). The few headers read are decoded here, cut first.
    parser = BytesParser(policy=policy.compat32)
    message = parser.parsebytes(raw) if isinstance(raw, bytes) else parser.parse(raw)
    subject = " ".join(header_text(message, "subject").split()) or None
    name, address = parseaddr(header_text(message, "from"))
    sender = name or address or None
    publisher = publisher or first_organisation(f"{name} {address.split('@')[-1].split('.')[0].upper()}") \
        or sender or "unknown"
    kind = kind or "union"
    published = None
    if header_text(message, "date"):
        try:
            published = plausible(parsedate_to_datetime(header_text(message, "date")).date().isoformat())
        except (TypeError, ValueError, OverflowError):
            published = None
    body = body_part(message)
    if body is None:
        raise IngestError(rel, "e-mail has no text or HTML body")
    content = part_text(body, rel)
    is_html = body.get_content_type() == "text/html"
    del message, body  # the part's transfer-encoded payload is as large as its text
    if is_html:
        # the message is the article, however short; chrome (view in browser, unsubscribe) goes
        doc = parse_html_page(content, publisher, kind, path=rel, title=subject, min_words=3,
                              warnings=warnings)[0]
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


def header_text(message: Message, name: str) -> str:
    """A header's text, its encoded words ("=?utf-8?q?...?=") decoded, cut to MAX_HEADER_CHARS
    before it is decoded."""
    value = message.get(name)
    if value is None:
        return ""
    if isinstance(value, Header):  # raw 8-bit bytes in the header
        return str(value)[:MAX_HEADER_CHARS]
    value = value[:MAX_HEADER_CHARS]
    try:
        return str(make_header(decode_header(value)))
    except (HeaderParseError, LookupError, UnicodeError, ValueError):
        return value


def body_part(message: Message) -> Message | None:
    """The part holding the message: the first HTML part that is not an attachment, else the
    first plain-text one."""
    found: dict[str, Message] = {}
    for part in message.walk():
        if part.is_multipart():
            continue
        if str(part.get("content-disposition", "")).strip().lower().startswith("attachment"):
            continue
        content_type = part.get_content_type()
        if content_type in ("text/html", "text/plain"):
            found.setdefault(content_type, part)
    return found.get("text/html") or found.get("text/plain")


def part_text(part: Message, rel: str) -> str:
    """A part's text: its transfer encoding undone, decoded by its declared charset (UTF-8
    when it declares none), undecodable bytes replaced."""
    charset = part.get_content_charset() or "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        raise IngestError(rel, f"e-mail body cannot be decoded: unknown encoding: {charset}") from None
    payload = part.get_payload(decode=True) or b""
    return payload.decode(charset, errors="replace")
