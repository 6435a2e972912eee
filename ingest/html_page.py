"""HTML pages as saved from the web. Articles from any site (news, unions, GOV.UK, Blogger and
WordPress posts) are read by trafilatura and dated by htmldate, the libraries this field uses
for exactly this; our own code reads only the structure they do not keep: Parliament's numbered
paragraphs, footnote anchors and footnote list (SITE_READERS), Blogger's and WordPress's comment
threads (each comment with its author), labels and categories, and layout tables and hidden
post bodies that would hide an article from the extractor."""
from __future__ import annotations

import re

from dataclasses import dataclass

import htmldate
import trafilatura
from bs4 import BeautifulSoup, Tag
from lxml import etree
from trafilatura.settings import use_config

from registry import first_organisation, organisation_kind

from .assemble import Block, document_from_blocks, number_paragraph
from .dates import PUBLISHED_LINE, published_line_date
from .html_text import flatten_deep_nesting, html_blocks, soup_of, text_of
from .model import COMMENTER, Document, IngestError

MIN_ARTICLE_WORDS = 30
# lxml, which trafilatura and htmldate parse pages with, stops at 256 levels of nesting and
# drops everything below and after; a page is flattened below this depth before they read it
MAX_DEPTH = 200
# past this a page is a bulletin or a report, not an article among chrome: read_large_page
LARGE_PAGE_CHARS = 4 * 1024 * 1024
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
FOOTNOTE_ID = re.compile(r"^(?:footnote|fn|note|ftn|endnote)[-_:]?(\d{1,4})$", re.I)
BACKLINK = re.compile(r"^(?:↩|↑|\^|back|return)", re.I)
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
                    min_words: int = MIN_ARTICLE_WORDS, warnings: list[str] | None = None
                    ) -> list[Document]:
    """The documents of a page: one, or one per post on a Blogger page listing several.
    `title`, when given (an e-mail's subject), is the document's title. A site whose structure
    the libraries do not read (Parliament's numbered paragraphs and footnotes) has its own
    reader (SITE_READERS); every other page is read by trafilatura and dated by htmldate.
    What the page loses on the way is added to `warnings`."""
    soup = soup_of(markup)
    flattened = flatten_deep_nesting(soup, MAX_DEPTH)
    if flattened and warnings is not None:
        warnings.append(f"HTML nested more than {MAX_DEPTH} levels deep: {flattened} element(s) at that "
                        "depth kept as plain paragraphs, without their markup")
    _show_hidden_bodies(soup, min_words)
    _unwrap_layout_tables(soup)
    generator = _meta(soup, "generator") or ""
    url = url or _canonical_url(soup)
    publisher = publisher or _publisher(soup, url)
    kind = kind or _kind(generator, url, publisher)
    page = Page(soup, generator, url, publisher, kind, path, title, min_words)
    for _, recognise, read in SITE_READERS:
        if recognise(soup):
            return read(page)
    if len(markup) > LARGE_PAGE_CHARS:
        return read_large_page(page)
    return read_article_page(page)


@dataclass
class Page:
    soup: BeautifulSoup
    generator: str
    url: str | None
    publisher: str
    kind: str
    path: str
    title: str | None
    min_words: int


def _show_hidden_bodies(soup: BeautifulSoup, min_words: int) -> None:
    """A post body that a template hides in <noscript> or <script type="text/template"> is
    put back in the page, where the article reader can see it."""
    hidden = soup.find_all("noscript") + soup.find_all(
        "script", attrs={"type": re.compile(r"template|html", re.I)})
    for tag in hidden:
        inner = tag.string if tag.string is not None else tag.decode_contents()
        fragment = soup_of(inner or "")
        if len(fragment.get_text(" ").split()) >= min_words and fragment.find(["p", "div", "br"]):
            holder = soup.new_tag("div", attrs={"class": "post-body"})
            holder.extend(list((fragment.body or fragment).contents))
            tag.replace_with(holder)


def _unwrap_layout_tables(soup: BeautifulSoup) -> None:
    """Tables used for layout (one cell a row holding paragraphs, as HTML e-mails are built)
    become plain blocks: an article extractor reads a data table's cells as data."""
    for table in reversed(soup.find_all("table")):
        rows = table.find_all("tr")
        if rows and all(len(row.find_all(["td", "th"], recursive=False)) <= 1 for row in rows) and \
                table.find(["p", "div", "h1", "h2", "h3", "ul", "ol"]):
            for cell in table.find_all(["td", "th", "tr", "tbody", "thead", "tfoot"]):
                cell.unwrap()
            table.name = "div"


def read_parliament_report(page: Page) -> list[Document]:
    """Parliament's committee reports: numbered paragraphs, footnote anchors and the footnote
    list, which article extractors flatten into the text."""
    soup = page.soup
    published = page_date(str(soup))
    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg"]):
        tag.decompose()
    return [_structured_document(soup, page, published)]


def looks_like_parliament_report(soup: BeautifulSoup) -> bool:
    return bool(soup.select_one("span.paragraphNumber, a[href^='#footnote-']") or soup.find(id=FOOTNOTE_ID))


# readers of sites whose structure the article extractor does not keep, tried in order; any
# other page is an article (read_article_page)
SITE_READERS = [("parliament_report", looks_like_parliament_report, read_parliament_report)]


def read_large_page(page: Page) -> list[Document]:
    """A page too large for trafilatura and htmldate, which hold some 25 times a page's size
    (a 20 MB e-mail peaked at 809 MB, most of it theirs) and read it more than once: its
    article is found by its container, chrome removed, as a committee report's is, and it is
    dated from its <head> alone."""
    head = page.soup.head
    published = page_date(str(head)) if head is not None else None
    return [_structured_document(page.soup, page, published)]


def read_article_page(page: Page) -> list[Document]:
    posts = page.soup.select(".post-outer") if "blogger" in page.generator.lower() else []
    if len(posts) > 1:
        # a Blogger page listing several posts: each post is a document
        documents = [_article_document(page, post, str(post), several=True) for post in posts]
        return [doc for doc in documents if doc is not None]
    return [_article_document(page, page.soup, str(page.soup), several=False)]


def _article_document(page: Page, scope: Tag, html: str, several: bool) -> Document | None:
    # what our own readers take from the page's structure, read before the page is let go
    labels = list(dict.fromkeys(t for t in (text_of(a) for a in scope.select(LABEL_SELECTOR)) if t))
    comments = _comment_blocks(scope)
    own_title = next((text_of(scope.select_one(sel)) for sel in (".post-title", ".entry-title")
                      if scope.select_one(sel)), None)
    author = _author(scope, page.soup)
    page_title = _meta(page.soup, "og:title") or _page_title(page.soup)
    if not several:
        page.soup.decompose()  # a 20 MB page's tree is hundreds of MB: free it before trafilatura's
    xml = trafilatura.extract(html, output_format="xml", include_comments=False, include_tables=True,
                              include_links=False, with_metadata=True, url=page.url, config=TRAFILATURA)
    root = etree.fromstring(xml.encode()) if xml else None
    del xml
    main = root.find("main") if root is not None else None
    blocks = xml_blocks(main) if main is not None else []
    if sum(len(b.text.split()) for b in blocks) < page.min_words:
        if several:
            return None
        raise IngestError(page.path, f"no article found in the HTML page (no part of it has "
                                     f"{page.min_words} or more words outside menus and banners)")
    meta = root.attrib
    title = page.title or own_title or meta.get("title") or page_title
    published = page_date(html) or published_line_date(" ".join(b.text for b in blocks[:5]))
    author = author or meta.get("author")
    blocks = [b for b in drop_contents_list(blocks)
              if not (b.text == title or PUBLISHED_LINE.fullmatch(b.text))]
    if title:
        blocks.insert(0, Block("title", title))
    doc = document_from_blocks(blocks + comments, title=title, source=page.publisher, kind=page.kind,
                               author=author, published=published, url=page.url, format="html")
    doc.labels = labels
    return doc


XML_KINDS = {"head": "heading", "p": "paragraph", "quote": "quote", "item": "list_item"}


def xml_blocks(main) -> list[Block]:
    """trafilatura's XML (head, p, list/item, quote, table/row/cell) as blocks."""
    blocks: list[Block] = []

    def text(el) -> str:
        return " ".join("".join(el.itertext()).split())

    def walk(el, inherited: str | None = None):
        for child in el:
            tag = child.tag
            if tag == "list":
                walk(child, inherited)
            elif tag == "table":
                for row in child.iter("row"):
                    line = " | ".join(c for c in (text(cell) for cell in row.findall("cell")) if c)
                    if line:
                        blocks.append(Block("paragraph", line))
            elif tag == "quote" and len(child):
                walk(child, "quote")
            elif tag in XML_KINDS or tag in ("code", "graphic", "ref", "hi", "lb"):
                value = text(child)
                if value:
                    blocks.append(Block(inherited or XML_KINDS.get(tag, "paragraph"), value))
            else:
                walk(child, inherited)

    walk(main)
    return blocks


def drop_contents_list(blocks: list[Block]) -> list[Block]:
    """A page's table of contents ("Contents" and a list of the headings that follow) is
    navigation, not text."""
    for i, block in enumerate(blocks):
        if block.kind == "heading" and block.text.strip().lower() in ("contents", "on this page", "in this article"):
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "list_item":
                j += 1
            if j > i + 1:
                return blocks[:i] + blocks[j:]
    return blocks


def page_date(html: str) -> str | None:
    """The page's original publication date, by htmldate, at the precision the page gives: a
    page that only says "2017/01" is dated 2017-01, not the 1st."""
    try:
        found = htmldate.find_date(html, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    if found.endswith("-01") and not _states_first_of_month(html, found):
        return found[:7]
    return found


def _states_first_of_month(html: str, iso: str) -> bool:
    year, month = iso[:4], int(iso[5:7])
    name = MONTH_NAMES[month - 1]
    return bool(re.search(rf"{iso}|{year}/0?{month}/0?1\b|\b0?1/0?{month}/{year}|\b1(?:st)? {name[:3]}\w* {year}|"
                          rf"{name[:3]}\w* 1(?:st)?,? {year}", html, re.I))


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
TRAFILATURA = use_config()
# an e-mail or a long report is one page: let trafilatura read pages up to the corpus's 50 MB
TRAFILATURA.set("DEFAULT", "MAX_FILE_SIZE", str(60 * 1024 * 1024))
TRAFILATURA.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")


def _structured_document(soup: BeautifulSoup, page: Page, published: str | None) -> Document:
    """A committee report page: the article found by its container, chrome removed, numbered
    paragraphs and the footnote list kept as structure."""
    title = (page.title or text_of(soup.select_one("h1")) or _meta(soup, "og:title") or _page_title(soup))
    article = _find_article(soup, page.path, page.min_words)
    _strip_chrome(article)
    published = published_line_date(article.get_text(" ")) or published
    footnotes = _footnote_blocks(article)
    blocks = html_blocks(article)
    if sum(1 for b in blocks if b.kind == "paragraph" and re.match(r"^\d{1,3}\.?\s", b.text)) >= 3:
        blocks = [number_paragraph(b) for b in blocks]
    blocks = [b for b in blocks if not (
        b.text == title or PUBLISHED_LINE.fullmatch(b.text)
        or (footnotes and b.kind == "heading" and FOOTNOTES_HEADING.match(b.text)))]
    if title:
        blocks.insert(0, Block("title", title))
    return document_from_blocks(blocks + footnotes, title=title, source=page.publisher, kind=page.kind,
                                author=_author(soup, soup), published=published, url=page.url, format="html")


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
    # counted string by string: the text of a 50 MB page as one list of words is 450 MB
    return sum(len(text.split()) for text in el.strings)


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


def _author(scope: Tag, soup: BeautifulSoup) -> str | None:
    for selector in (".post-author .fn", ".author .fn", "[rel=author]", ".byline .author",
                     ".post-author", ".byline"):
        found = text_of(scope.select_one(selector))
        if found:
            return re.sub(r"^(?:Posted|Written)?\s*by\s+", "", found, flags=re.I)
    return _meta(soup, "author")
