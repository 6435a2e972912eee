"""The site in a real browser: headless Chromium (Debian's package) driven by Playwright,
against `claims serve` on the seed database. Screenshots are kept in build/screenshots/.

Without Chromium installed the test is skipped, unless CLAIMS_BROWSER_TESTS=required (as
.ci/run sets it), when a missing browser fails the run."""
import os
import shutil
from pathlib import Path

import pytest
import sqlite_utils

from claims.server import serving

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# without the background-networking flags Chromium keeps dialling Google, which a closed
# network refuses
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HIGHLIGHT = "rgb(255, 224, 102)"  # mark.figure's background, #ffe066

if CHROMIUM is None:
    if os.environ.get("CLAIMS_BROWSER_TESTS") == "required":
        pytest.fail("chromium is not installed (apt-get install chromium)", pytrace=False)
    pytest.skip("chromium is not installed", allow_module_level=True)

playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(seed_db, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("served") / "seeds.db"  # not named claims: serve links it
    shutil.copy(seed_db, db_path)
    with serving(db_path, timeout=60) as base:
        yield base, sqlite_utils.Database(db_path)


@pytest.fixture(scope="module")
def browser():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(browser):
    return browser.new_page(viewport={"width": 1200, "height": 900})


def test_statistic_page_in_a_browser(server, page):
    base, db = server
    [row] = db.query("select s.id, s.mention from statistics s join passages p on p.id = s.passage_id "
                     "where s.mention = '464' and p.number = 108")
    page.goto(f"{base}/claims/statistics/{row['id']}")
    mark = page.locator("blockquote.claim-sentence mark.figure")
    assert mark.count() == 1
    assert mark.inner_text() == "464"
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    assert mark.is_visible()
    page.screenshot(path=str(SCREENSHOTS / "statistic.png"), full_page=True)
    # the document link lands on the passage, which the page then outlines
    page.locator("dl.claim-facts a[href*='/claims/documents/']").first.click()
    page.wait_for_load_state()
    assert page.url.split("#")[1].startswith("p-")
    target = page.locator(".document-text p.passage:target")
    assert "464" in target.inner_text()


def test_document_page_in_a_browser(server, page):
    base, db = server
    [doc] = db.query("select id from documents where kind = 'committee'")
    expected = db.execute("select count(*) from statistics where document_id = ?", [doc["id"]]).fetchone()[0]
    page.goto(f"{base}/claims/documents/{doc['id']}")
    marks = page.locator(".document-text mark.figure")
    assert marks.count() == expected
    assert {marks.nth(i).evaluate("e => getComputedStyle(e).backgroundColor") for i in range(3)} == {HIGHLIGHT}
    page.locator("sup.footnote-ref a[href='#fn-157']").click()
    footnote = page.locator("ol.footnotes li:target")
    assert footnote.inner_text().startswith("157. Q201 [Amy Rees]")  # its number shows
    footnote.locator("a.footnote-back").click()  # and it links back to where it is cited
    assert page.locator("sup.footnote-ref a:target").inner_text() == "157"
    page.screenshot(path=str(SCREENSHOTS / "document.png"), full_page=True)


def test_home_page_chart_and_trace_box_in_a_browser(server, page):
    base, _ = server
    page.goto(base + "/")
    charts = page.locator(".charts svg.timeline")
    assert charts.count() == 3
    assert charts.first.bounding_box()["width"] > 200
    page.screenshot(path=str(SCREENSHOTS / "home.png"), full_page=True)
    page.fill("#check-q", "464")  # a bare number in the home page's check box is traced
    page.click(".check-box input[type=submit]")
    page.wait_for_load_state()
    assert "/-/trace?q=464" in page.url
    assert page.locator("ol.trace-results li").count() >= 2
    assert page.locator("ol.trace-results li.origin mark.figure").first.inner_text() == "464"
    # the origin's document link lands on the passage
    page.locator("ol.trace-results li.origin a[href*='/claims/documents/']").first.click()
    page.wait_for_load_state()
    assert "#p-" in page.url
    assert page.locator("p.passage:target mark.figure").filter(has_text="464").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "trace-landing.png"), full_page=True)


def test_check_a_quoted_claim_in_a_browser(server, page):
    base, _ = server
    page.goto(base + "/-/check")
    page.fill("#check-q", "The probation officer vacancy rate has hit 21%, according to the inspectorate")
    page.click(".check-box input[type=submit]")
    page.wait_for_load_state()
    verdicts = page.locator("ul.verdicts li").all_inner_texts()
    assert any(v.startswith("Matches") for v in verdicts)
    assert any(v.startswith("Misattributed") for v in verdicts)
    assert "PAC" in page.locator("p.origin").first.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "check.png"), full_page=True)


@pytest.fixture(scope="module")
def phone(browser):
    return browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)


def test_no_page_is_wider_than_a_phone(server, phone):
    base, db = server
    [stat] = db.query("select id, document_id from statistics where mention = '464' limit 1")
    paths = ["/", "/-/trace?q=464", "/-/check?q=Probation+vacancies+hit+21%25", f"/claims/statistics/{stat['id']}",
             f"/claims/documents/{stat['document_id']}", "/-/timeline/vacancy_rate"]
    for path in paths:
        phone.goto(base + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    phone.goto(base + "/")
    phone.screenshot(path=str(SCREENSHOTS / "phone-home.png"), full_page=True)


def test_chart_axes_carry_their_units(server, page):
    base, _ = server
    page.goto(base + "/-/timeline/vacancy_rate")
    assert page.locator("svg.timeline text.axis-title").first.text_content() == "Vacancy rate, per cent (%)"
    ticks = page.locator("svg.timeline text[text-anchor=end]").all_text_contents()
    assert ticks and all(t.endswith("%") for t in ticks)
    assert "Download the data (CSV)" in page.locator("figcaption.chart-source").inner_text()
