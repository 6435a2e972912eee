"""Charts on a 390 px phone in a real browser (headless Chromium, as tests/test_browser.py):
every chart's text at least 12 px and every point's tap target at least 24 px, as rendered."""
import os
import shutil

import pytest
import sqlite_utils

from claims.site.server import serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
if CHROMIUM is None:
    if os.environ.get("CLAIMS_BROWSER_TESTS") == "required":
        pytest.fail("chromium is not installed (apt-get install chromium)", pytrace=False)
    pytest.skip("chromium is not installed", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api")

# the rendered size of each chart's smallest text and smallest tap target, in CSS pixels
MEASURE = """() => [...document.querySelectorAll('svg.timeline')].map(svg => ({
    text: Math.min(...[...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)),
    fontPx: Math.min(...[...svg.querySelectorAll('text')].map(
        t => parseFloat(t.getAttribute('font-size')) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width)),
    target: Math.min(...[...svg.querySelectorAll('circle.hit')].map(c => c.getBoundingClientRect().width)),
}))"""


@pytest.fixture(scope="module")
def server(seed_db, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("served-charts") / "seeds.db"
    shutil.copy(seed_db, db_path)
    with serving(db_path, timeout=60) as base:
        yield base, sqlite_utils.Database(db_path)


@pytest.fixture(scope="module")
def phone():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
        browser.close()


def test_chart_text_and_tap_targets_are_big_enough_on_a_phone(server, phone):
    base, db = server
    [series] = db.query("select id from series order by statistics desc limit 1")
    pages = {"/": 3, "/-/timeline/staff_in_post": 1, "/-/timeline/caseload": 1, f"/-/series/{series['id']}": 1}
    for path, count in pages.items():
        phone.goto(base + path)
        measured = phone.evaluate(MEASURE)
        assert len(measured) == count, path
        for chart in measured:
            assert chart["fontPx"] >= 12, (path, chart)
            assert chart["text"] >= 12, (path, chart)
            assert chart["target"] >= 24, (path, chart)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, path


# every point's statistic, for each chart on a page, as the browser renders it
POINTS = """() => [...document.querySelectorAll('svg.timeline')].map(svg =>
    [...svg.querySelectorAll('a[href*="/statistics/"]')].map(a => a.getAttribute('href').split('/').pop()))"""


def test_each_chart_of_the_seed_database_draws_one_series(server, phone):
    base, db = server
    metrics = [r["metric"] for r in db.query("select distinct metric from series where measure = 'level'")]
    for path in ["/"] + [f"/-/timeline/{m}" for m in metrics]:
        if phone.goto(base + path).status != 200:
            continue  # a metric with no dated level has no chart
        for points in phone.evaluate(POINTS):
            ids = [int(p) for p in points]
            series = {r["series_id"] for r in db.query(
                f"select series_id from statistics where id in ({', '.join('?' * len(ids))})", ids)}
            assert ids and len(series) == 1 and None not in series, (path, series)
