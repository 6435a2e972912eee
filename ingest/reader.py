"""Read one corpus file: check it, detect its format from the content (not the extension),
read a text file's front matter, and hand the file to the right parser."""
from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from registry import Publisher, resolve_publisher

from .dates import year_in_name
from .metadata import normalise_metadata
from .formats import BY_NAME, CorpusFile, sniff_bytes, sniff_text
from .model import COMMENTER, Document, IngestError, one_line
from .table_notes import mark_table_notes
from .user_yaml import YamlRefused, load_user_yaml

MAX_BYTES = 50 * 1024 * 1024
TITLE_WORDS = 25  # a first line longer than this is a paragraph, not a title
# front matter is a few fields: one this long is not a description of the file
MAX_FRONT_MATTER_CHARS = 64 * 1024
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n", re.S | re.M)
BINARY_SIGNATURES = [(b"PK\x03\x04", "a ZIP archive (a Word or OpenDocument file?)"),
                     (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
                     (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                     (b"GIF8", "a GIF image"), (b"\x1f\x8b", "a gzip archive")]


@dataclass
class SourceFile:
    path: str  # relative to the corpus root
    sha256: str
    text: str | None  # the decoded file; None for a format read from its bytes (PDF, HTML...)
    body_start: int  # where the text after any front matter begins
    metadata: dict
    format: str | None = None
    warnings: list[str] = field(default_factory=list)  # parts of the file skipped
    decoded: str | None = None  # a markup file in UTF-16 or UTF-32, decoded by its byte order mark


# byte order marks, UTF-32's first: its little-endian mark begins with UTF-16's
BYTE_ORDER_MARKS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


def wide_encoding(head: bytes) -> str | None:
    """UTF-16 or UTF-32 by its byte order mark, or UTF-16 without one by the NUL byte beside
    each character of ASCII text ("<\\0h\\0t\\0m\\0l\\0"); None for any other file."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return encoding
    sample = head[:512]
    if len(sample) >= 16 and sample.count(0) * 2 >= len(sample) * 0.9:
        if not any(sample[0::2]):
            return "utf-16-be"
        if not any(sample[1::2]):
            return "utf-16-le"
    return None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_source_file(path: Path, rel: str, manifest_entry: dict | None = None) -> SourceFile:
    size = path.stat().st_size
    if size == 0:
        raise IngestError(rel, "empty file")
    if size > MAX_BYTES:
        raise IngestError(rel, f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
    with open(path, "rb") as handle:
        head = handle.read(8192)
    metadata = dict(manifest_entry or {})
    # a ZIP, Office file, image or archive is refused before any sniffing: a stored ZIP of an
    # HTML page must not be read as HTML
    for signature, what in BINARY_SIGNATURES:
        if head.startswith(signature):
            raise IngestError(rel, f"unknown format: {what}; save it as PDF, HTML or text")
    wide = wide_encoding(head)
    if wide:
        # UTF-16 or UTF-32: decoded here, whatever the format; a markup format gets the text
        raw = path.read_bytes()
        try:
            text = raw.decode(wide)
        except UnicodeDecodeError as err:
            raise IngestError(rel, f"invalid {wide.upper()} at byte {err.start}") from None
        text = text.removeprefix("\ufeff")
        fmt = sniff_bytes(text[:8192].encode("utf-8"))
        if fmt:
            return SourceFile(rel, hashlib.sha256(raw).hexdigest(), None, 0, metadata, fmt.name, decoded=text)
    else:
        fmt = sniff_bytes(head)
        if fmt:
            # bs4, lxml and pypdf read these from the bytes, honouring the file's declared encoding
            return SourceFile(rel, sha256_of(path), None, 0, metadata, fmt.name)
        if b"\x00" in head:
            raise IngestError(rel, "binary file (contains NUL bytes)")
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise IngestError(rel, f"invalid UTF-8 at byte {err.start}") from None
        text = text.removeprefix("\ufeff")
    if not text.strip():
        raise IngestError(rel, "empty file (only white space)")
    body_start = 0
    if text.startswith("---"):
        front, body_start, warnings = parse_front_matter(text, rel)
        metadata.update(front)
    else:
        warnings = []
    return SourceFile(rel, hashlib.sha256(raw).hexdigest(), text, body_start, metadata,
                      warnings=warnings)


def parse_front_matter(text: str, rel: str) -> tuple[dict, int, list[str]]:
    """The YAML front matter, read as ingest.metadata reads every user's description of a
    file; malformed, oversized or aliased YAML is the file's error."""
    m = FRONT_MATTER.match(text)
    if not m:
        raise IngestError(rel, "malformed front matter: no closing '---' line")
    try:
        data = load_user_yaml(m.group(1), MAX_FRONT_MATTER_CHARS) or {}
    except YamlRefused as err:
        raise IngestError(rel, f"malformed front matter: {err}") from None
    if not isinstance(data, dict):
        raise IngestError(rel, "malformed front matter: expected 'key: value' lines")
    fields, warnings = normalise_metadata(data, "front matter")
    return fields, m.end(), warnings


def ingest_file(path: Path, rel: str, manifest_entry: dict | None = None
                ) -> tuple[SourceFile, list[Document]]:
    """Parse one file into documents. Documents of plain-text files have offsets into the
    decoded file; those extracted from markup or a PDF do not (`file_start` is None)."""
    source = read_source_file(path, rel, manifest_entry)
    meta = source.metadata
    publisher = meta.get("publisher")
    kind = meta.get("kind")
    given = meta.get("format")
    if given is not None and given not in BY_NAME:
        raise IngestError(rel, f"unknown format {given!r}; known: {', '.join(BY_NAME)}")
    if given and (BY_NAME[given].reads == "bytes") != (source.text is None) or \
            given and BY_NAME[given].reads == "bytes" and source.format != given:
        # a text format given for a PDF or markup file, or another markup format than it has
        raise IngestError(rel, f"format {given!r} is given but the file is not {given}")
    body = source.text[source.body_start:] if source.text is not None else None
    fmt = BY_NAME[given] if given else BY_NAME[source.format] if source.format else sniff_text(body)
    if fmt is None or (fmt.name == "article" and len(re.findall(r"[A-Za-z]{2,}", body)) < 5):
        raise IngestError(rel, "unknown format: not a blog dump, committee report or article text")
    corpus_file = CorpusFile(path, rel, body, publisher, kind, meta.get("url"), source.warnings, source.decoded)
    try:
        documents = fmt.parse(corpus_file)
    except IngestError:
        raise
    except Exception as err:  # noqa: BLE001 - any parser failure is this file's error, not the build's
        raise IngestError(rel, f"{fmt.name.replace('_', ' ')} could not be read: "
                               f"{type(err).__name__}: {one_line(str(err))}") from None
    if fmt.reads == "text":
        for doc in documents:
            doc.file_start += source.body_start
    fmt = fmt.name
    if not documents:
        # what was skipped says why nothing is left
        why = f" ({source.warnings[-1]})" if source.warnings else ""
        raise IngestError(rel, f"no documents found in a {fmt.replace('_', ' ')} file{why}")
    source.format = fmt
    single = len(documents) == 1
    canonicalise_publishers(documents, meta.get("publisher"), meta.get("url"))
    for doc in documents:
        doc.format = fmt
        mark_table_notes(doc)  # a table's glued footnote numbers and its notes' numbers
        doc.kind = kind or doc.kind or "unknown"
        doc.url = doc.url or meta.get("url")
        doc.author = doc.author or meta.get("author")
        if single:
            given_title = meta.get("title")
            first = doc.passages[0] if doc.passages else None
            if given_title and first is not None and first.kind == "title" and \
                    " ".join(doc.passage_text(first).split()) != " ".join(given_title.split()) and \
                    len(doc.passage_text(first).split()) > TITLE_WORDS:
                first.kind = "paragraph"  # the title is the front matter's; the first line is text
            doc.title = given_title or doc.title
            doc.published = meta.get("published") or doc.published
        if not doc.published:
            # an undated document was written after every date it mentions; the year its
            # address or its file is named with ("/2022/05/...", "report-2022.pdf"), as
            # htmldate reads a URL, is better evidence when it is later than all of them
            named = year_in_name(doc.url or "") or year_in_name(Path(rel).name)
            if named and (not doc.published_inferred or named > doc.published_inferred[:4]):
                doc.published_inferred = named
    return source, documents


def canonicalise_publishers(documents: list[Document], given: str | None, url: str | None) -> None:
    """Every publisher string a file or its parser gives, resolved through the registry: a
    document's and its passages' sources become organisations' short names, the raw string is
    kept, and a reproduction ("reproducing PAC press notice") makes its passages PAC's."""
    names: dict[str | None, Publisher] = {}

    def resolve(raw: str | None, page_url: str | None) -> Publisher:
        if raw not in names:
            names[raw] = resolve_publisher(raw, page_url)
        return names[raw]

    for doc in documents:
        raw = given or (doc.source if doc.source not in (None, "unknown") else None)
        publisher = resolve(raw, doc.url or url)
        doc.publisher = raw
        doc.publisher_in_registry = publisher.organisation.in_registry
        doc.reproduces = publisher.reproduces.name if publisher.reproduces else None
        old = doc.source
        doc.source = publisher.name
        for passage in doc.passages:
            if passage.source in (None, old, raw):
                passage.source = doc.reproduces or doc.source
            elif passage.source != COMMENTER:
                passage.source = resolve(passage.source, None).name
