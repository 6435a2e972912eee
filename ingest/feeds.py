"""Whole-blog exports: a Blogger Atom backup (posts and comments as entries, comments pointing
at their post) and a WordPress WXR export (RSS items with wp: fields and wp:comment
children). Both are read entry by entry with lxml's iterparse, so a large export is streamed;
an entry that cannot be read is reported and skipped, the rest ingested."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from html.entities import name2codepoint
from pathlib import Path

from lxml import etree

from registry import first_organisation

from .assemble import Block, document_from_blocks
from .dates import read_date
from .html_text import html_blocks, soup_of
from .model import COMMENTER, Document, IngestError

ATOM = "{http://www.w3.org/2005/Atom}"
THREAD = "{http://purl.org/syndication/thread/1.0}"
BLOGGER = "{http://schemas.google.com/blogger/2018}"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"
APP_DRAFT = "{http://purl.org/atom/app#}draft"


@dataclass
class Entry:
    id: str
    kind: str  # post, comment
    title: str | None
    html: str
    published: str | None
    author: str | None
    url: str | None
    labels: list[str] = field(default_factory=list)
    parent: str | None = None  # the post a comment belongs to
    comments: list["Entry"] = field(default_factory=list)


def looks_like_blogger_atom(head: str) -> bool:
    head = head.lower()
    return "<feed" in head and ("blogger.com" in head or "schemas.google.com/blogger" in head)


def looks_like_wxr(head: str) -> bool:
    head = head.lower()
    return "<rss" in head and "wordpress.org/export/" in head


def parse_blogger_atom(path: Path, rel: str, publisher: str | None = None
                       ) -> tuple[list[Document], list[str]]:
    blog_title, entries, warnings = _read_entries(path, rel, f"{ATOM}entry", f"{ATOM}title",
                                                  f"{ATOM}feed", _blogger_entry, "entry")
    posts = {entry.id: entry for entry in entries if entry.kind == "post"}
    for comment in (entry for entry in entries if entry.kind == "comment"):
        if comment.parent in posts:
            posts[comment.parent].comments.append(comment)
        else:
            warnings.append(f"comment {comment.id} skipped: its post {comment.parent} is not in the export")
    publisher = publisher or first_organisation(blog_title or "") or blog_title or "unknown"
    return [_blog_document(post, publisher) for post in posts.values()], warnings


def _read_entries(path: Path, rel: str, entry_tag: str, title_tag: str, feed_tag: str,
                  read, what: str) -> tuple[str | None, list[Entry], list[str]]:
    """The feed's title, the entries `read` makes of each entry element (None: not a
    published post or comment), and a warning for each entry it could not read."""
    title, entries, warnings = None, [], []
    for n, element in _iterparse(path, rel, {entry_tag, title_tag}, warnings):
        if element.tag == title_tag:
            if element.getparent() is not None and element.getparent().tag == feed_tag:
                title = title or (element.text or "").strip() or None
            continue
        try:
            entry = read(element)
        except ValueError as err:
            warnings.append(f"{what} {n} skipped: {err}")
            continue
        finally:
            _release(element)
        if entry is not None:
            entries.append(entry)
    return title, entries, warnings


def _blogger_entry(el) -> Entry | None:
    kind = None
    labels = []
    for cat in el.findall(f"{ATOM}category"):
        term, scheme = cat.get("term", ""), cat.get("scheme", "")
        if scheme == KIND_SCHEME:
            kind = term.rsplit("#", 1)[-1]
        elif scheme == LABEL_SCHEME or not scheme:
            labels.append(term)
    new_type = el.findtext(f"{BLOGGER}type")  # the 2020s export format
    if new_type:
        kind = new_type.strip().lower()
        if (el.findtext(f"{BLOGGER}status") or "LIVE").strip().upper() != "LIVE":
            return None
    if kind not in ("post", "comment"):
        return None  # settings, template, pages
    if (el.findtext(f".//{APP_DRAFT}") or "").strip() == "yes":
        return None
    entry_id = (el.findtext(f"{ATOM}id") or "").strip()
    if not entry_id:
        raise ValueError("no <id>")
    content = el.find(f"{ATOM}content")
    if content is None or not (content.text or "").strip():
        raise ValueError(f"{entry_id} has no content")
    published = read_date(el.findtext(f"{ATOM}published"))
    if kind == "post" and published is None:
        raise ValueError(f"{entry_id} has no readable <published> date")
    parent = None
    reply = el.find(f"{THREAD}in-reply-to")
    if reply is not None:
        parent = reply.get("ref")
    parent = parent or (el.findtext(f"{BLOGGER}parent") or "").strip() or None
    if kind == "comment" and parent is None:
        # older exports tie a comment to its post only through the post's id in the comment's
        parent = re.sub(r"\.comment-\d+$", "", entry_id) if ".comment-" in entry_id else None
    alternate = next((link.get("href") for link in el.findall(f"{ATOM}link")
                      if link.get("rel") == "alternate"), None)
    title = (el.findtext(f"{ATOM}title") or "").strip() or None
    author = (el.findtext(f"{ATOM}author/{ATOM}name") or "").strip() or None
    return Entry(entry_id, kind, title, content.text, published, author, alternate, labels, parent)


def parse_wxr(path: Path, rel: str, publisher: str | None = None
              ) -> tuple[list[Document], list[str]]:
    site, entries, warnings = _read_entries(path, rel, "item", "title", "channel", _wxr_item, "item")
    name = publisher or first_organisation(site or "") or site or "unknown"
    return [_blog_document(entry, name) for entry in entries], warnings


def _wp(el, name: str) -> str:
    """A wp: field whatever the export version (1.0, 1.1, 1.2)."""
    for child in el:
        if isinstance(child.tag, str) and child.tag.startswith("{http://wordpress.org/export/") \
                and etree.QName(child).localname == name:
            return (child.text or "").strip()
    return ""


def _wxr_item(el) -> Entry | None:
    if _wp(el, "post_type") not in ("post", "") or _wp(el, "status") not in ("publish", ""):
        return None
    content = next((c.text for c in el if isinstance(c.tag, str)
                    and etree.QName(c).localname == "encoded" and "content" in c.tag), None)
    title = (el.findtext("title") or "").strip() or None
    if not content or not content.strip():
        raise ValueError(f"{title or 'untitled post'} has no content:encoded")
    published = read_date(_wp(el, "post_date_gmt")) or read_date(_wp(el, "post_date")) or read_date(el.findtext("pubDate"))
    if published is None:
        raise ValueError(f"{title or 'untitled post'} has no readable date")
    creator = next((c.text for c in el if isinstance(c.tag, str) and etree.QName(c).localname == "creator"), None)
    labels = [(c.text or "").strip() for c in el.findall("category") if (c.text or "").strip()]
    entry = Entry(_wp(el, "post_id") or title or "", "post", title, _wpautop(content), published,
                  (creator or "").strip() or None, (el.findtext("link") or "").strip() or None,
                  list(dict.fromkeys(labels)))
    for c in el:
        if isinstance(c.tag, str) and etree.QName(c).localname == "comment" and _wp(c, "comment_approved") == "1":
            entry.comments.append(Entry(_wp(c, "comment_id"), "comment", None,
                                        _wpautop(_wp(c, "comment_content")),
                                        read_date(_wp(c, "comment_date")), _wp(c, "comment_author") or None, None))
    return entry


def _wpautop(text: str) -> str:
    """WordPress stores paragraphs as blank-line separated text, not <p> elements."""
    if re.search(r"<p[\s>]", text):
        return text
    return "".join(f"<p>{chunk.strip()}</p>" for chunk in re.split(r"\n\s*\n", text) if chunk.strip())


def _blog_document(post: Entry, publisher: str) -> Document:
    blocks = [Block("title", post.title)] if post.title else []
    blocks += html_blocks(soup_of(post.html), source=publisher)
    for comment in post.comments:
        source = first_organisation(comment.author or "") or COMMENTER
        blocks += html_blocks(soup_of(comment.html), kind="comment", source=source)
    doc = document_from_blocks(blocks, title=post.title, source=publisher, kind="blog",
                               author=post.author, published=post.published, url=post.url)
    doc.labels = post.labels
    return doc


XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")


def _with_numeric_entities(raw: bytes) -> bytes:
    """HTML's named entities ("&eacute;", "&nbsp;") as numeric references XML knows: a feed
    written with them keeps "café" whole. External entities stay off (resolve_entities=False)."""
    def numeric(m: re.Match) -> bytes:
        name = m.group(1).decode("ascii")
        if name in XML_ENTITIES or name not in name2codepoint:
            return m.group()
        return b"&#%d;" % name2codepoint[name]
    return NAMED_ENTITY.sub(numeric, raw)


def _iterparse(path: Path, rel: str, tags: set[str], warnings: list[str] | None = None):
    """Elements with the given tags as they close; a file that is not XML at all is an error,
    markup broken inside an entry is recovered as far as lxml can, and a fatal error part-way
    (a truncated file) is a warning naming its line and how many entries were lost."""
    raw = _with_numeric_entities(path.read_bytes())
    total = len(re.findall(rb"<(?:entry|item)[\s>]", raw))
    n = 0
    context = etree.iterparse(io.BytesIO(raw), events=("end",), recover=True,
                              resolve_entities=False, huge_tree=True, no_network=True)
    try:
        for _, element in context:
            if element.tag in tags:
                if element.tag.endswith(("entry", "item")):
                    n += 1
                yield n, element
    except etree.XMLSyntaxError as err:
        if n == 0:
            raise IngestError(rel, f"unreadable XML: {err}") from None
        _warn_lost(warnings, err.lineno, str(err), n, total)
        return
    fatal = [e for e in context.error_log if e.level == etree.ErrorLevels.FATAL]
    if fatal:
        _warn_lost(warnings, fatal[0].line, fatal[0].message, n, total)


def _warn_lost(warnings, line, message, read: int, total: int) -> None:
    if warnings is not None:
        warnings.append(f"XML error at line {line} ({message.strip()}); {read} of {total} entries were "
                        f"read, the entries after it could not be read")


def _release(element) -> None:
    """Free what has been read so memory stays flat over a large export."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
