"""Real-world formats: HTML pages (Blogger, WordPress, Parliament, GOV.UK, union), Blogger
Atom and WordPress WXR exports, PDF reports and e-mail mail-outs. Each fixture mirrors the
structure of the real thing, chrome included; each test asserts the exact fields parsed."""
import os
from pathlib import Path

import pytest
from pdf_writer import pdf_bytes, write_pdf

from ingest import IngestError, ingest_file
from ingest.reader import MAX_BYTES

FIXTURES = Path(__file__).parent / "fixtures"


def parse(name: str, entry: dict | None = None):
    return ingest_file(FIXTURES / name, name, entry)


def passages(doc):
    return [(p.kind, p.source, doc.passage_text(p)) for p in doc.passages]


def test_blogger_post_page():
    source, [doc] = parse("blogger_post.html")
    assert source.format == "html"
    assert (doc.title, doc.source, doc.kind, doc.author, doc.published, doc.labels) == (
        "Staffing Crisis", "On Probation blog", "blog", "Jim Brown", "2026-02-12", ["PAC", "vacancies"])
    assert doc.url == "https://probationmatters.blogspot.com/2026/02/staffing-crisis.html"
    assert doc.file_start is None  # the text is extracted from markup
    assert passages(doc) == [
        ("title", "On Probation blog", "Staffing Crisis"),
        ("paragraph", "On Probation blog", "Here we have the latest from the Public Accounts Committee:-"),
        ("quote", "On Probation blog", "The Probation Service had a vacancy rate of 21% for probation officers "
                                  "in 2025. Caseloads of over 70 are now common in some regions, and only "
                                  "12 of 36 targets were met."),
        ("paragraph", "On Probation blog", "It's getting worse, not better. Sickness absence averaged 13.8 days "
                                      "per person in the year to March 2025."),
        ("comment", "blog commenter", "In my office the vacancy rate is nearer 40% and my caseload is 85."),
        ("comment", "Napo", "Napo members voted by 84% to reject the 3% pay offer."),
    ]
    # menus, cookie notice, share buttons, sidebar, pager, footer and scripts are gone
    for chrome in ("cookies", "Share to", "Blog Archive", "Older Post", "Powered by", "tracking",
                   "Next blog", "Labels:", "Posted by"):
        assert chrome not in doc.text


def test_wordpress_post_page():
    _, [doc] = parse("wordpress_post.html")
    assert (doc.title, doc.source, doc.kind, doc.author, doc.published, doc.labels) == (
        "Probation caseloads: what the Inspectorate found", "Russell Webster", "blog",
        "Russell Webster", "2025-03-04", ["Probation", "HMIP"])
    assert [kind for kind, _, _ in passages(doc)] == [
        "title", "paragraph", "paragraph", "heading", "list_item", "list_item", "comment"]
    assert passages(doc)[-1] == ("comment", "blog commenter", "My team is carrying 30% vacancies right now.")
    for chrome in ("Share this", "Related", "related post", "Leave a Reply", "cookies", "Skip to",
                   "Proudly powered", "Probation (1,234)"):
        assert chrome not in doc.text


def test_committee_report_page_numbered_paragraphs_and_footnotes():
    _, [doc] = parse("committee_report.html")
    assert (doc.title, doc.source, doc.kind, doc.published) == (
        "The future of the Probation Service", "Justice Committee", "committee", "2021-04-23")
    numbered = [(p.number, doc.passage_text(p)[:30]) for p in doc.passages if p.number]
    assert numbered == [(106, "As at 30 September 2020, there"), (107, "HMPPS told us that there were "),
                        (108, "We recommend that the Ministry")]
    assert [(f.number, f.text) for f in doc.footnotes] == [
        (156, "HMPPS Workforce Statistics Bulletin, September 2020"),
        (157, "Q201 [Amy Rees]"),
        (158, "HM Inspectorate of Probation, Central functions supporting the National Probation "
              "Service (January 2020), p 12")]
    [p107] = [p for p in doc.passages if p.number == 107]
    text = doc.passage_text(p107)
    [ref] = p107.footnote_refs
    assert (ref.number, text[ref.start:ref.end]) == (157, "157")
    assert text.endswith("December 2020.157")
    assert "cookies" not in doc.text and "Published:" not in doc.text and "Footnotes" not in doc.text


def test_govuk_statistics_release_main_points():
    _, [doc] = parse("govuk_statistics.html")
    assert (doc.title, doc.source, doc.kind, doc.published) == (
        "HM Prison and Probation Service workforce quarterly: September 2024", "MoJ", "statistics",
        "2024-11-14")
    assert passages(doc)[1:5] == [
        ("heading", "MoJ", "Main points"),
        ("paragraph", "MoJ", "On 30 September 2024, HMPPS employed:"),
        ("list_item", "MoJ", "5,283 FTE band 4 probation officers, an increase of 312 (6.3%) compared "
                             "with 30 September 2023"),
        ("list_item", "MoJ", "4,876 FTE band 3 probation services officers")]
    for chrome in ("cookies", "Skip to", "Share this page", "Related content", "Contents",
                   "Open Government Licence", "Search GOV.UK"):
        assert chrome not in doc.text


def test_union_news_page():
    _, [doc] = parse("napo_news.html")
    assert (doc.title, doc.source, doc.kind, doc.published) == (
        "Probation pay: members reject offer", "Napo", "union", "2025-09-18")
    assert len(doc.passages) == 4
    for chrome in ("Join Napo", "cookies", "Share on", "Latest news", "Falcon Road"):
        assert chrome not in doc.text


def test_manifest_overrides_what_the_page_says():
    _, [doc] = parse("blogger_post.html", {"publisher": "On Probation blog", "kind": "blog"})
    assert doc.source == "On Probation blog"
    assert {p.source for p in doc.passages if p.kind != "comment"} == {"On Probation blog"}


def test_blogger_atom_export_posts_comments_labels():
    source, docs = parse("blogger_export.atom")
    assert source.format == "blogger_atom"
    assert [(d.title, d.published, d.author, d.labels) for d in docs] == [
        ("Staffing Crisis", "2026-02-12", "Jim Brown", ["PAC", "vacancies"]),
        ("Pay Talks", "2026-02-11", "Jim Brown", ["pay"])]
    assert docs[0].source == "On Probation blog" and docs[0].kind == "blog"  # its site is the registry's
    assert passages(docs[0])[-2:] == [
        ("comment", "blog commenter", "In my office the vacancy rate is nearer 40% and my caseload is 85."),
        ("comment", "Napo", "Napo members voted by 84% to reject the 3% pay offer.")]
    # the draft is not published; the broken entry is reported, not fatal
    assert all("99%" not in d.text for d in docs)
    assert source.warnings == ["entry 4 skipped: tag:blogger.com,1999:blog-1234.post-1003 has no content"]


def test_wordpress_wxr_export():
    source, [doc] = parse("wordpress_export.xml")
    assert source.format == "wxr"
    assert (doc.title, doc.source, doc.author, doc.published, doc.labels, doc.url) == (
        "The role of the probation service", "Russell Webster", "Russell Webster", "2025-03-04",
        ["Probation", "Sentencing"], "https://www.russellwebster.com/role-of-probation/")
    assert passages(doc)[1:] == [
        ("paragraph", "Russell Webster", "The Independent Sentencing Review reported in 2025."),
        ("paragraph", "Russell Webster", "Probation caseloads have risen by 15% since 2019, and one in "
                                         "five probation officer posts is vacant."),
        ("list_item", "Russell Webster", "The National Audit Office found the service was 1,800 officers "
                                         "short in 2023."),
        ("comment", "blog commenter", "My team is carrying 30% vacancies right now.")]
    assert "100% free" not in doc.text  # a comment held as spam


def test_html_mailout_prefers_html_part_and_drops_footer():
    source, [doc] = parse("napo_mailout.eml")
    assert source.format == "email"
    assert (doc.title, doc.source, doc.kind, doc.author, doc.published) == (
        "Napo news: pay ballot result", "Napo", "union", "Napo HQ", "2025-09-18")
    assert "on a turnout of 61%." in doc.text
    assert "Unsubscribe" not in doc.text and "View this email" not in doc.text


def test_plain_text_mailout_joins_wrapped_lines():
    _, [doc] = parse("unison_plain.eml")
    assert (doc.title, doc.source, doc.published) == ("Probation staff pay update", "UNISON", "2025-06-02")
    assert [t for _, _, t in passages(doc)] == [
        "Probation staff pay update",
        "Probation staff in UNISON will receive a pay rise of 4% from April 2025, backdated to 1 April.",
        "The rise follows a 5% award in 2024. Around 9,000 UNISON members work in the Probation Service."]


HEADER = "HM Inspectorate of Probation - Annual report 2024"
REPORT_PAGES = [
    [HEADER, "Annual report 2024", "", "Published: 14 October 2024", "", "Foreword", "",
     "Our inspections found that 46% of probation officers held",
     "caseloads above 50 in 2024. This is up from 33% in", "2022, and the service has a vacancy rate of 21%.",
     "", "1"],
    [HEADER, "Staffing", "", "At 31 March 2024 there were 5,283 FTE probation officers in",
     "post, short of the 6,000 the service needs.", "- 9.7% of officers left in the year", "", "2"],
    [HEADER, "Conclusion", "We make 12 recommendations to HMPPS.", "", "3"],
]


def test_pdf_report_keeps_pages_and_drops_running_headers(tmp_path):
    path = write_pdf(tmp_path / "annual.pdf", REPORT_PAGES, title="Annual report 2024")
    source, [doc] = ingest_file(path, "annual.pdf", {"publisher": "HMIP", "kind": "inspectorate"})
    assert source.format == "pdf"
    assert (doc.title, doc.source, doc.kind, doc.published) == (
        "Annual report 2024", "HMIP", "inspectorate", "2024-10-14")
    assert [(p.kind, p.page, doc.passage_text(p)) for p in doc.passages] == [
        ("title", 1, "Annual report 2024"),
        ("paragraph", 1, "Published: 14 October 2024"),
        ("heading", 1, "Foreword"),
        ("paragraph", 1, "Our inspections found that 46% of probation officers held caseloads above 50 "
                         "in 2024. This is up from 33% in 2022, and the service has a vacancy rate of 21%."),
        ("heading", 2, "Staffing"),
        ("paragraph", 2, "At 31 March 2024 there were 5,283 FTE probation officers in post, short of the "
                         "6,000 the service needs."),
        ("list_item", 2, "- 9.7% of officers left in the year"),
        ("heading", 3, "Conclusion"),
        ("paragraph", 3, "We make 12 recommendations to HMPPS.")]
    assert HEADER not in doc.text


def test_format_is_detected_from_content_not_extension(tmp_path):
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(pdf_bytes(REPORT_PAGES))
    html = tmp_path / "page.dat"
    html.write_bytes((FIXTURES / "napo_news.html").read_bytes())
    assert ingest_file(pdf, "report.txt")[0].format == "pdf"
    assert ingest_file(html, "page.dat")[0].format == "html"


@pytest.mark.parametrize("name,make,reason", [
    ("truncated.pdf", lambda: pdf_bytes(REPORT_PAGES)[:600],
     "truncated PDF (no %%EOF marker at the end of the file)"),
    ("scanned.pdf", lambda: pdf_bytes([[""], [""]]),
     "PDF has no text layer (a scanned document? run OCR on it first)"),
    ("garbage.pdf", lambda: b"%PDF-1.4\nnot really a pdf at all\n%%EOF\n", None),
    ("empty_page.html", lambda: (FIXTURES / "no_article.html").read_bytes(),
     "no article found in the HTML page (no part of it has 30 or more words outside menus and banners)"),
    ("feed.atom", lambda: b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
                          b"<generator uri='https://www.blogger.com'>Blogger</generator></feed>",
     "no documents found in a blogger atom file"),
    ("mail.eml", lambda: b"From: a@b.org\nSubject: x\nContent-Type: image/png\n\n\x89PNG",
     "e-mail has no text or HTML body"),
])
def test_bad_input_in_real_formats(tmp_path, name, make, reason):
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(IngestError) as info:
        ingest_file(path, name)
    assert info.value.path == name
    if reason:
        assert info.value.reason == reason
    else:
        assert info.value.reason.startswith(("unreadable PDF", "PDF has no text layer"))


def test_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.html"
    with open(path, "wb") as handle:
        handle.write(b"<html><body>")
        handle.truncate(MAX_BYTES + 1)  # sparse: no 50 MB written to disk
    with pytest.raises(IngestError) as info:
        ingest_file(path, "huge.html")
    assert info.value.reason == f"file too large ({MAX_BYTES + 1:,} bytes; the limit is {MAX_BYTES:,})"
    assert os.path.getsize(path) == MAX_BYTES + 1
