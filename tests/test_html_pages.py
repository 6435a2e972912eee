"""HTML pages from any site (issue 16): the failure classes of a hand-written article reader,
each as a small page of our own, read through ingest_file."""
import pytest

from ingest import IngestError, ingest_file

ARTICLE = " ".join(
    f"Paragraph {n}: the inspectorate found that caseloads in the region were high and that staff "
    f"shortages meant {n + 10} cases waited for allocation." for n in range(1, 9))
PARAGRAPHS = "".join(f"<p>{sentence}.</p>" for sentence in ARTICLE.split(". ") if sentence)


def page(body: str, head: str = "", before: str = "") -> str:
    return (f"{before}<!DOCTYPE html><html lang='en'><head><title>Probation under strain | The Courier</title>"
            f"{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{body}"
            "<footer>© The Courier 2024. All rights reserved.</footer></body></html>")


def read(tmp_path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, "utf-8")
    return ingest_file(path, name)


def text_of(docs):
    return " ".join(d.text for d in docs)


def test_a_teaser_does_not_beat_the_article(tmp_path):
    html = page("<div itemprop='articleBody'><p>Probation is under strain, a report says. Read the full story "
                "below for the figures and what the inspectorate said about the region and its staff "
                "and the people on probation.</p></div>"
                f"<article><h1>Probation under strain</h1>{PARAGRAPHS}</article>")
    _, docs = read(tmp_path, html)
    assert "Paragraph 8: the inspectorate found" in text_of(docs)


def test_a_body_split_into_sections_is_kept_whole(tmp_path):
    paragraphs = PARAGRAPHS.split("</p>")
    sections = ["</p>".join(paragraphs[i:i + 3]) + "</p>" for i in range(0, 8, 3)]
    html = page("<article>" + "<aside>Advertisement</aside>".join(
        f"<div itemprop='articleBody'>{s}</div>" for s in sections) + "</article>")
    _, docs = read(tmp_path, html)
    text = text_of(docs)
    assert "Paragraph 1:" in text and "Paragraph 5:" in text and "Paragraph 8:" in text


@pytest.mark.parametrize("wrapper", ["widget-area-group", "sidebar-and-content-body", "elementor-widget-wrap"])
def test_a_chrome_word_in_a_class_does_not_delete_the_body(tmp_path, wrapper):
    html = page(f"<div class='{wrapper}'><div class='entry'><h1>Probation under strain</h1>{PARAGRAPHS}</div></div>")
    _, docs = read(tmp_path, html)
    assert "Paragraph 4: the inspectorate found" in text_of(docs)


def test_a_blogger_body_in_noscript_is_read(tmp_path):
    html = page(f"<div class='post-outer'><h3 class='post-title'>Probation under strain</h3>"
                f"<noscript>{PARAGRAPHS}</noscript></div>",
                head="<meta name='generator' content='blogger'>")
    _, docs = read(tmp_path, html)
    assert "Paragraph 6: the inspectorate found" in text_of(docs)


def test_php_warnings_before_the_html_still_make_it_html(tmp_path):
    warnings = "<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/index.php</b> on line <b>12</b><br />\n" * 20
    style = "<style>" + "body { margin: 0; } " * 300 + "</style>"
    source, docs = read(tmp_path, page(f"<article><h1>Probation under strain</h1>{PARAGRAPHS}</article>",
                                       before=warnings + style), name="page.txt")
    assert source.format == "html"
    assert "margin" not in text_of(docs) and "Paragraph 2:" in text_of(docs)


@pytest.mark.parametrize("head,expected", [
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
     '"headline": "Probation under strain", "datePublished": "2022-05-18T09:00:00+01:00"}</script>', "2022-05-18"),
    ('<meta property="article:published_time" content="2023-11-09T21:28:35+00:00">', "2023-11-09"),
])
def test_dates_from_structured_data(tmp_path, head, expected):
    _, [doc] = read(tmp_path, page(f"<article><h1>Probation under strain</h1>{PARAGRAPHS}</article>", head=head))
    assert doc.published == expected


def test_a_month_only_date_keeps_its_precision(tmp_path):
    _, [doc] = read(tmp_path, page(f"<article><h1>Probation under strain</h1><p class='date'>Posted 2017/01</p>"
                                   f"{PARAGRAPHS}</article>"))
    assert doc.published == "2017-01"


def test_a_page_with_no_article_is_one_error(tmp_path):
    html = page("<div class='cookie'>We use cookies. Accept all cookies or manage them.</div>"
                "<ul><li><a href='/a'>News</a></li><li><a href='/b'>Sport</a></li></ul>")
    with pytest.raises(IngestError) as info:
        read(tmp_path, html)
    assert info.value.reason.startswith("no article found in the HTML page")
