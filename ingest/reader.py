"""Read one corpus file: check and decode it, read its front matter, detect its format from
the content and hand it to the right parser."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from .articles import looks_like_article_collection, parse_article, parse_article_collection
from .blog_dump import parse_blog_dump
from .committee import looks_like_committee_report, parse_committee_report
from .dates import BLOG_DATE_LINE
from .model import Document, IngestError

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
FRONT_MATTER_KEYS = {"title", "publisher", "kind", "url", "published", "author", "licence",
                     "license", "format"}
KINDS = {"blog", "committee", "inspectorate", "union", "audit", "statistics", "news", "unknown"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n", re.S | re.M)


@dataclass
class SourceFile:
    path: str  # relative to the corpus root
    sha256: str
    text: str  # the decoded file
    body_start: int  # where the text after any front matter begins
    metadata: dict


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
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise IngestError(rel, f"unknown format: no parser for {path.suffix} files")
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise IngestError(rel, "binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise IngestError(rel, f"invalid UTF-8 at byte {err.start}") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise IngestError(rel, "empty file (only white space)")
    metadata = dict(manifest_entry or {})
    body_start = 0
    if text.startswith("---"):
        front, body_start = parse_front_matter(text, rel)
        metadata.update(front)
    return SourceFile(rel, hashlib.sha256(raw).hexdigest(), text, body_start, metadata)


def parse_front_matter(text: str, rel: str) -> tuple[dict, int]:
    m = FRONT_MATTER.match(text)
    if not m:
        raise IngestError(rel, "malformed front matter: no closing '---' line")
    try:
        data = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as err:
        reason = str(err).splitlines()[0]
        raise IngestError(rel, f"malformed front matter: {reason}") from None
    if not isinstance(data, dict):
        raise IngestError(rel, "malformed front matter: expected 'key: value' lines")
    unknown = set(data) - FRONT_MATTER_KEYS
    if unknown:
        raise IngestError(rel, f"malformed front matter: unknown key(s) {', '.join(sorted(unknown))}")
    if "published" in data:
        value = data["published"]
        if isinstance(value, date):
            data["published"] = value.isoformat()
        else:
            try:
                data["published"] = date.fromisoformat(str(value)).isoformat()
            except ValueError:
                raise IngestError(rel, f"malformed front matter: published {value!r} is not an "
                                       "ISO date (YYYY-MM-DD)") from None
    if "kind" in data and data["kind"] not in KINDS:
        raise IngestError(rel, f"malformed front matter: unknown kind {data['kind']!r}")
    return data, m.end()


def detect_format(text: str) -> str | None:
    head = text.lstrip()[:2000].lower()
    if head.startswith("<!doctype html") or head.startswith("<html") or head.startswith("<?xml"):
        return None
    if BLOG_DATE_LINE.match(text.lstrip().split("\n", 1)[0]):
        return "blog_dump"
    if looks_like_committee_report(text):
        return "committee_report"
    if looks_like_article_collection(text):
        return "article_collection"
    if len(re.findall(r"[A-Za-z]{2,}", text)) >= 5:
        return "article"
    return None


def ingest_file(path: Path, rel: str, manifest_entry: dict | None = None
                ) -> tuple[SourceFile, list[Document]]:
    """Parse one file into documents whose offsets point into the decoded file."""
    source = read_source_file(path, rel, manifest_entry)
    meta = source.metadata
    body = source.text[source.body_start:]
    fmt = meta.get("format") or detect_format(body)
    if fmt is None:
        raise IngestError(rel, "unknown format: not a blog dump, committee report or article text")
    publisher = meta.get("publisher")
    kind = meta.get("kind")
    if fmt == "blog_dump":
        documents = parse_blog_dump(body, publisher)
    elif fmt == "committee_report":
        documents = parse_committee_report(body, publisher)
    elif fmt == "article_collection":
        documents = parse_article_collection(body, publisher, kind)
    elif fmt == "article":
        documents = [parse_article(body, publisher=publisher, kind=kind)]
    else:
        raise IngestError(rel, f"unknown format {fmt!r}")
    if not documents:
        raise IngestError(rel, f"no documents found in a {fmt.replace('_', ' ')}")
    single = len(documents) == 1
    for doc in documents:
        doc.file_start += source.body_start
        doc.format = fmt
        doc.kind = kind or doc.kind or "unknown"
        doc.url = doc.url or meta.get("url")
        doc.author = doc.author or meta.get("author")
        if single:
            doc.title = meta.get("title") or doc.title
            doc.published = meta.get("published") or doc.published
    return source, documents
