"""Parsers that turn corpus files into documents, passages and footnotes."""
from .model import Document, Footnote, FootnoteRef, IngestError, Passage
from .reader import ingest_file

__all__ = ["Document", "Footnote", "FootnoteRef", "IngestError", "Passage", "ingest_file"]
