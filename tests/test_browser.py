"""The site in a real browser: headless Chromium (Debian's package) driven by Playwright,
against `claims serve` on the seed database. Screenshots are kept in build/screenshots/.

Without Chromium installed the test is skipped, unless CLAIMS_BROWSER_TESTS=required (as
.ci/run sets it), when a missing browser fails the run."""
import os
import shutil
from pathlib import Path

import pytest
import sqlite_utils

from claims.site.server import serving

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


def console_errors(page):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def test_datasette_scripts_run_under_the_csp(server, browser):
    base, _ = server
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors = console_errors(page)
    # the column menu (table.js reads the table page's inline DATASETTE_ALLOW_FACET)
    page.goto(base + "/claims/statistics")
    page.wait_for_load_state("networkidle")
    page.locator("th[data-column=period] svg.dropdown-menu-icon").click()
    menu = page.locator(".dropdown-menu")
    assert menu.is_visible()
    assert menu.locator("a.dropdown-facet").is_visible()
    # the SQL editor is CodeMirror (set up by the inline script of _codemirror_foot.html)
    for path in ("/claims?sql=select+1", "/claims?sql=selct+1"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert page.locator(".CodeMirror").count() == 1, path
        assert page.locator("textarea#sql-editor").is_hidden(), path
    # the typo's page is answered 400, which Chromium logs; nothing else is an error
    assert errors.pop() == "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    for path in ("/", "/-/timeline/vacancy_rate", "/-/check", "/claims/statistics/1"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    assert errors == []
    page.close()


CONTRAST = """e => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const style = getComputedStyle(e);
  let bg = style.backgroundColor, node = e;
  while (rgb(bg).length === 3 && /rgba\\(.*, 0\\)$/.test(bg) && node.parentElement) {
    node = node.parentElement; bg = getComputedStyle(node).backgroundColor;
  }
  if (/rgba\\(.*, 0\\)$/.test(bg)) bg = "rgb(255, 255, 255)";
  const [a, b] = [lum(rgb(style.color)), lum(rgb(bg))].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def test_buttons_have_4_5_to_1_contrast(server, page):
    base, _ = server
    checked = 0
    for path in ("/", "/-/check", "/claims/statistics", "/claims?sql=select+1", "/claims/trace_figure?q=vacancy"):
        page.goto(base + path)
        buttons = page.locator("input[type=submit], button[type=submit], button[type=button]")
        for i in range(buttons.count()):
            if not buttons.nth(i).is_visible():
                continue
            ratio = buttons.nth(i).evaluate(CONTRAST)
            assert ratio >= 4.5, (path, buttons.nth(i).evaluate("e => e.outerHTML"), ratio)
            checked += 1
    assert checked >= 6


def test_phone_chart_text_and_tap_targets(server, phone):
    base, db = server
    for path in ("/", "/-/timeline/vacancy_rate", "/-/timeline/caseload"):
        phone.goto(base + path)
        sizes = phone.evaluate("""() => [...document.querySelectorAll('svg.timeline text')].map(
            t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)""")
        assert sizes and min(sizes) >= 12, (path, min(sizes))
        targets = phone.evaluate("""() => [...document.querySelectorAll('svg.timeline a')].map(
            a => { const r = a.getBoundingClientRect(); return Math.min(r.width, r.height); })""")
        assert targets and min(targets) >= 24, (path, min(targets))
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, path
    [org] = db.query("select id from organisations where name = 'Justice Committee'")
    phone.goto(f"{base}/claims/organisations/{org['id']}")
    counts = phone.locator("a.count")
    assert counts.count() > 0
    for i in range(counts.count()):
        box = counts.nth(i).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
    phone.screenshot(path=str(SCREENSHOTS / "phone-organisation.png"), full_page=True)


def test_check_label_is_full_width(server, page):
    base, _ = server
    page.goto(base + "/-/check")
    label = page.locator("label[for=check-q]").bounding_box()
    form = page.locator("form.check-box").bounding_box()
    assert label["width"] >= 0.9 * form["width"]
    assert label["height"] < 40  # one line, not broken mid-word


def test_skip_link_leads_to_the_content(server, page):
    base, _ = server
    page.goto(base + "/claims/statistics")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.bounding_box()["x"] >= 0  # shown while focused
    skip.press("Enter")
    assert page.url.endswith("#main")


def test_statistics_table_sentence_is_readable(server, page):
    base, _ = server
    page.goto(base + "/claims/statistics")
    headers = page.locator("table.rows-and-columns th[data-column]").evaluate_all("ths => ths.map(t => t.dataset.column)")
    assert len(headers) == 8
    width = page.locator("table.rows-and-columns td.col-sentence").first.bounding_box()["width"]
    assert width >= 300
    page.screenshot(path=str(SCREENSHOTS / "statistics-table.png"))
