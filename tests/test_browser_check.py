"""The home page's box checks a pasted paragraph in a real browser: every figure of it gets
one headline verdict, the reasons beneath, numbers linked to their statistics, and the
same number measuring something else listed apart. Reuses tests/test_browser.py's server
and Chromium (skipped, or required, the same way)."""
from test_browser import SCREENSHOTS, browser, page, server  # noqa: F401  (pytest fixtures)

PARAGRAPH = ("The probation officer vacancy rate has hit 21%, according to the inspectorate. "
             "As of 8 December 2020, there were 464 probation officer vacancies. "
             "There are 21 probation officer vacancies in Kent.")


def test_home_box_checks_a_pasted_paragraph(server, page):  # noqa: F811
    base, _ = server
    page.goto(base + "/")
    assert "At most 5,000 characters" in page.locator("form.check-box p.limits").inner_text()
    page.fill("#check-q", PARAGRAPH)
    page.click(".check-box input[type=submit]")
    page.wait_for_load_state()
    assert "/-/check?q=" in page.url
    sections = page.locator("section.claim-check")
    assert sections.count() == 3
    headlines = page.locator("section.claim-check .verdict-headline").all_inner_texts()
    assert headlines == ["Misattributed", "Matches", "Not found"]
    # the vacancies in Kent are no CRCs: the same number, listed apart and labelled so
    kent = sections.nth(2)
    assert kent.locator("ul.other-measures li").count() >= 1
    assert "measuring something else" in kent.locator("h3").filter(has_text="same number").inner_text()
    # every highlighted number links to its statistic, and the highlight is the origin's figure
    origin_mark = sections.nth(1).locator("blockquote.claim-sentence a.figure-link")
    assert origin_mark.inner_text() == "464"
    origin_mark.click()
    page.wait_for_load_state()
    assert "/claims/statistics/" in page.url
    page.go_back()
    page.screenshot(path=str(SCREENSHOTS / "check-paragraph.png"), full_page=True)
