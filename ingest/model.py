"""What a parser produces. Offsets are character offsets into `Document.text`;
`Document.file_start` places the document in the decoded source file, so any span
can be shown where it sits in the file (file offset = file_start + offset). Documents whose
text is extracted from markup or a PDF have no place in the file (`file_start` is None);
their passages carry a `page` (PDF) and the document its `url`."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

# who a reader's comment is attributed to when it is not signed by an organisation
COMMENTER = "blog commenter"


def one_line(text: str, limit: int = 300) -> str:
    """Text as one printable line: control characters (a newline in a file name or a feed
    entry id) escaped, so no message can forge another line; long text cut."""
    text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                   for ch in text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


class IngestError(Exception):
    """A file that cannot be ingested; the message names the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{one_line(path)}: {one_line(reason)}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        # rebuilt from path and reason when it crosses a process boundary
        return IngestError, (self.path, self.reason)


@dataclass
class FootnoteRef:
    """A footnote marker glued to the text ("Wales”.156"): hidden from extraction."""
    number: int
    start: int  # offsets into the passage text
    end: int


@dataclass
class Passage:
    kind: str  # title, paragraph, heading, comment, quote, list_item, signature
    start: int
    end: int
    source: str | None = None
    number: int | None = None  # committee paragraph number
    speaker: str | None = None  # who the passage quotes, where an intro names them
    page: int | None = None  # PDF page, counted from 1
    footnote_refs: list[FootnoteRef] = field(default_factory=list)


@dataclass
class Footnote:
    number: int
    start: int
    end: int
    text: str


@dataclass
class Document:
    text: str
    file_start: int | None
    title: str | None = None
    source: str | None = None  # the publisher's short name in the registry (registry/)
    kind: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date at the precision given (2015, 2015-08, 2015-08-14)
    published_inferred: str | None = None  # date evidence found in the text, marked as inferred
    url: str | None = None
    format: str | None = None
    passages: list[Passage] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    duplicate_of: int | None = None  # ordinal of an earlier document in the same file
    labels: list[str] = field(default_factory=list)  # Blogger labels, WordPress categories
    publisher: str | None = None  # the publisher string exactly as the file or the user gave it
    publisher_in_registry: bool = True
    reproduces: str | None = None  # whose text a reproduction carries ("reproducing PAC press notice")
    published_from: str | None = None  # where the date came from: front matter, a Published: line, PDF metadata...

    def passage_text(self, passage: Passage) -> str:
        return self.text[passage.start:passage.end]

    def digest(self) -> str:
        """A digest of everything extraction reads of the document: all of it but where it
        sits in its file, so a document moved by an edit above it is still the same."""
        fields = asdict(self)
        del fields["file_start"]
        return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode("utf-8",
                                                                                   "surrogatepass")).hexdigest()
