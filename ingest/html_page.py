"""HTML pages as saved from the web: a Blogger or WordPress post with its comments, a
Parliament committee report (numbered paragraphs, footnote anchors and the footnote list), a
GOV.UK or HMIP page or statistics release, a union news page. The article is found, page
chrome (menus, cookie banners, share buttons, related links) removed, and what is left
becomes passages."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from registry import first_organisation, organisation_kind

from .assemble import Block, document_from_blocks, number_paragraph
from .dates import PUBLISHED_LINE, published_line_date, read_date
from .html_text import html_blocks, soup_of, text_of
from .model import COMMENTER, Document, IngestError

MIN_ARTICLE_WORDS = 30
# the article's container, most specific first: Blogger, WordPress, GOV.UK, schema.org, HTML5
ARTICLE_SELECTORS = [".post-body", ".entry-content", ".govuk-govspeak", "[itemprop=articleBody]",
                     ".article-body", ".article-content", ".field--name-body", "article", "main",
                     "[role=main]", "#content", ".content"]
CHROME_TAGS = ["nav", "header", "footer", "aside", "form", "button", "dialog"]
# a class or id part that starts with one of these names chrome: "jp-relatedposts",
# "gem-c-cookie-banner", "sharedaddy", "post-footer", "site-header"
CHROME_NAME = re.compile(
    r"(?:^|[-_])(cookie|consent|banner|share|sharing|social|related|breadcrumb|skip|"
    r"newsletter|subscribe|unsubscribe|signup|sidebar|widget|advert|promo|menu|nav|masthead|"
    r"header|footer|print|feedback|pagination|labels|tags|byline|meta|contents|preheader)", re.I)
FOOTNOTES_HEADING = re.compile(r"^(?:foot|end)?notes$|^references$", re.I)
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
COMMENT_SECTIONS = "#comments, .comments, .comment-list, .comments-area, #comments-block"
FOOTNOTE_ID = re.compile(r"^(?:footnote|fn|note|ftn|endnote)[-_:]?(\d{1,4})$", re.I)
BACKLINK = re.compile(r"^(?:↩|↑|\^|back|return)", re.I)
DATE_META = ["article:published_time", "govuk:first-published-at", "dcterms.issued",
             "DC.date.issued", "citation_publication_date", "dcterms.date", "date"]
TITLE_SELECTORS = [".post-title", ".entry-title", "h1"]
LABEL_SELECTOR = ".post-labels a, a[rel~=tag], .cat-links a, .tags-links a"


def looks_like_html(head: str) -> bool:
    """HTML by its structure, wherever it starts: a BOM, PHP warnings, comments or a long
    <style> or <script> block may come before <html>."""
    head = head.lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<!doctype html|<(?:html|body|head)[\s>]", head)) or bool(
        re.search(r"<(?:div|p|article|main|section)[\s>]", head[:4096]))


def parse_html_page(markup: str | bytes, publisher: str | None = None, kind: str | None = None,
                    url: str | None = None, path: str = "page", title: str | None = None,
                    min_words: int = MIN_ARTICLE_WORDS) -> list[Document]:
    """The documents of a page: one, or one per post on a Blogger page listing several.
    `title`, when given (an e-mail's subject), is the document's title."""
    soup = soup_of(markup)
    generator = _meta(soup, "generator") or ""
    url = url or _canonical_url(soup)
    publisher = publisher or _publisher(soup, url)
    kind = kind or _kind(generator, url, publisher)
    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg"]):
        tag.decompose()
    posts = []
    if "blogger" in generator.lower():
        posts = soup.select(".post-outer") or soup.select(".post.hentry")
    if len(posts) > 1:
        documents = [_document(post, soup, publisher, kind, url, path, None, min_words)
                     for post in posts]
        return [doc for doc in documents if doc.passages]
    return [_document(soup, soup, publisher, kind, url, path, title, min_words)]


def _document(scope: Tag, soup: BeautifulSoup, publisher, kind, url, path, title, min_words
              ) -> Document:
    title = (title or next((text_of(scope.select_one(sel)) for sel in TITLE_SELECTORS
                            if scope.select_one(sel)), None)
             or _meta(soup, "og:title") or _page_title(soup))
    published = _published(scope, soup) or published_line_date(scope.get_text(" "))
    author = _author(scope, soup)
    labels = list(dict.fromkeys(t for t in (text_of(a) for a in scope.select(LABEL_SELECTOR)) if t))
    comments = _comment_blocks(scope)
    for section in scope.select(COMMENT_SECTIONS):
        section.decompose()
    article = _find_article(scope, path, min_words)
    _strip_chrome(article)
    footnotes = _footnote_blocks(article)
    blocks = html_blocks(article)
    if sum(1 for b in blocks if b.kind == "paragraph" and re.match(r"^\d{1,3}\.?\s", b.text)) >= 3:
        blocks = [number_paragraph(b) for b in blocks]
    blocks = [b for b in blocks if not (
        b.text == title or PUBLISHED_LINE.fullmatch(b.text)
        or (footnotes and b.kind == "heading" and FOOTNOTES_HEADING.match(b.text)))]
    if title:
        blocks.insert(0, Block("title", title))
    doc = document_from_blocks(blocks + comments + footnotes, title=title, source=publisher,
                               kind=kind, author=author, published=published, url=url,
                               format="html")
    doc.labels = labels
    return doc


def _find_article(scope: Tag, path: str, min_words: int) -> Tag:
    for selector in ARTICLE_SELECTORS:
        found = [el for el in scope.select(selector) if _words(el) >= min_words]
        if found:
            return max(found, key=_words)
    best, best_words = None, 0
    for el in scope.find_all(["div", "section", "td", "body"]):
        words = sum(_words(p) for p in el.find_all("p", recursive=False))
        if words > best_words:
            best, best_words = el, words
    if best is None or best_words < min_words:
        raise IngestError(path, f"no article found in the HTML page (no part of it has "
                                f"{min_words} or more words outside menus and banners)")
    return best


def _words(el: Tag) -> int:
    return len(el.get_text(" ").split())


def _is_chrome(el: Tag) -> bool:
    if el.name in CHROME_TAGS or el.get("role") in CHROME_ROLES or el.get("aria-hidden") == "true":
        return True
    names = list(el.get("class") or []) + [el.get("id") or ""]
    return any(CHROME_NAME.search(name) for name in names if name)


def _strip_chrome(article: Tag) -> None:
    for el in article.find_all(_is_chrome):
        if not el.decomposed:
            el.decompose()


def _footnote_blocks(article: Tag) -> list[Block]:
    """The footnote list: elements whose id names a footnote ("footnote-157", "fn3"), taken
    out of the article text and kept as footnotes."""
    blocks = []
    for el in article.find_all(id=FOOTNOTE_ID):
        if el.decomposed:
            continue
        number = int(FOOTNOTE_ID.match(el["id"]).group(1))
        holder = el if el.name in ("p", "li", "div", "dd", "aside") else el.find_parent(["p", "li", "dd"]) or el
        if holder.name == "a" or holder is article:
            continue
        for link in holder.find_all("a"):
            if BACKLINK.match(link.get_text(strip=True) or "") or (
                    str(link.get("href", "")).startswith("#") and link.get_text(strip=True) == str(number)):
                link.decompose()
        text = " ".join(holder.get_text(" ").split())
        text = re.sub(rf"^\[?{number}\]?\.?\s*", "", text)
        holder.decompose()
        if text:
            blocks.append(Block("footnote", text, number=number))
    return sorted(blocks, key=lambda b: b.number)


def _comment_blocks(scope: Tag) -> list[Block]:
    bodies = scope.select(".comment-content") or scope.select("dd.comment-body, .comment-body")
    blocks = []
    for body in bodies:
        author = _comment_author(body)
        source = first_organisation(author or "") or COMMENTER
        blocks.extend(html_blocks(body, kind="comment", source=source))
    return blocks


def _comment_author(body: Tag) -> str | None:
    dt = body.find_previous_sibling("dt")
    if dt is not None:
        return re.sub(r"\s+said\.*$", "", text_of(dt) or "") or None
    holder = body.find_parent(["li", "article"]) or body.parent
    found = holder.select_one(".fn, cite, .comment-author, .user") if holder else None
    return text_of(found)


def _meta(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", attrs={"property": name})
    content = tag.get("content") if tag else None
    return content.strip() if content and content.strip() else None


def _page_title(soup: BeautifulSoup) -> str | None:
    title = text_of(soup.title)
    return re.split(r"\s+[|–-]\s+", title)[0] if title else None


def _canonical_url(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    return (link.get("href") if link else None) or _meta(soup, "og:url")


def _publisher(soup: BeautifulSoup, url: str | None) -> str:
    """Who published the page: the organisation GOV.UK names, the site's name, the name after
    the page title ("... | Napo", "... - Justice Committee - House of Commons"), its host."""
    site = _meta(soup, "govuk:primary-publishing-organisation") or _meta(soup, "og:site_name")
    title = text_of(soup.title) or ""
    suffixes = re.split(r"\s+[|–-]\s+", title)[1:]
    for name in [site, *suffixes]:
        org = first_organisation(name or "")
        if org:
            return org
    if site:
        return site
    m = re.match(r"https?://(?:www\.)?([^/]+)", url or "")
    return m.group(1) if m else "unknown"


def _kind(generator: str, url: str | None, publisher: str) -> str:
    generator = generator.lower()
    if "blogger" in generator or "wordpress" in generator:
        return "blog"
    host = url or ""
    if "parliament.uk" in host:
        return "committee"
    if "justiceinspectorates" in host:
        return "inspectorate"
    if "gov.uk" in host:
        return "statistics" if "/statistics/" in host else "news"
    return organisation_kind(publisher) or "unknown"


def _published(scope: Tag, soup: BeautifulSoup) -> str | None:
    for name in DATE_META:
        found = read_date(_meta(soup, name))
        if found:
            return found
    abbr = scope.select_one("abbr.published[title], .published[title]")
    if abbr is not None and read_date(abbr["title"]):
        return read_date(abbr["title"])
    time = scope.find("time", datetime=True)
    if time is not None and read_date(time["datetime"]):
        return read_date(time["datetime"])
    header = scope.select_one(".date-header") or scope.find_previous(class_="date-header")
    return read_date(text_of(header))


def _author(scope: Tag, soup: BeautifulSoup) -> str | None:
    for selector in (".post-author .fn", ".author .fn", "[rel=author]", ".byline .author",
                     ".post-author", ".byline"):
        found = text_of(scope.select_one(selector))
        if found:
            return re.sub(r"^(?:Posted|Written)?\s*by\s+", "", found, flags=re.I)
    return _meta(soup, "author")
