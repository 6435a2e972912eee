"""Charts by series (claims/site/charts.py, plugins/series_pages.py): a chart draws one series, or a
few named ones each with its own line and legend entry, never every statistic of a metric; a
series page lists every statement of its series by source."""
import asyncio
import re
import shutil

import pytest
import sqlite_utils
import yaml
from bs4 import BeautifulSoup

from claims.site import charts
from claims.site import site
from claims.site.pages import HOME_CHARTS


@pytest.fixture(scope="module")
def db(seed_db):
    return sqlite_utils.Database(seed_db)


@pytest.fixture(scope="module")
def served(seed_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("charts") / "claims.db"  # the name the site serves it under
    shutil.copy(seed_db, path)
    return path


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def drawn_statistics(db, chart):
    ids = [p["id"] for p in chart["points"]]
    return list(db.query(f"select id, metric, subject_id, unit, measure, series_id, mention from statistics "
                         f"where id in ({','.join('?' * len(ids))})", ids))


def test_staff_in_post_chart_draws_one_series(db):
    chart = charts.metric_chart(db, "staff_in_post")
    [line] = chart["lines"]
    rows = drawn_statistics(db, chart)
    # one subject, one unit, one measure: band 4 officers counted, not chief officers or percentages
    assert {(r["subject_id"], r["unit"], r["measure"]) for r in rows} == {("probation_officers", "count", "level")}
    assert {r["series_id"] for r in rows} == {line["id"]}
    assert "3,550" in {r["mention"] for r in rows} and "Thirty-five" not in {r["mention"] for r in rows}
    # the metric's other statistics are other series, listed apart
    assert line["label"] == "Staff in post: band 4 probation officers (count)"
    assert "Staff in post: chief probation officers (count)" in {s["label"] for s in chart["others"]}
    mixed = db.execute("select count(distinct subject_id), count(distinct unit) from statistics "
                       "where metric = 'staff_in_post'").fetchone()
    assert mixed[0] > 3 and mixed[1] == 2  # what a chart of the whole metric would have mixed


@pytest.mark.parametrize("metric", HOME_CHARTS)
def test_each_home_chart_is_one_series(db, metric):
    chart = charts.metric_chart(db, metric)
    assert len(chart["lines"]) == 1
    assert len({r["series_id"] for r in drawn_statistics(db, chart)}) == 1


def test_one_series_svg_colours_points_by_source(db):
    chart = charts.metric_chart(db, "staff_in_post")
    soup = BeautifulSoup(str(charts.timeline_svg(chart)), "html.parser")
    sources = list(dict.fromkeys(p["source"] for p in chart["points"]))
    legend = [g.get_text() for g in soup.select("g.legend-entry")]
    assert legend == sources and len(sources) == 3
    assert len(soup.select("polyline.series-line")) == 1
    assert soup.select_one("text.series-title").get_text() == "band 4 probation officers (count)"
    fills = {c["fill"] for c in soup.select("circle.point")}
    assert len(fills) == len(sources)
    # every point has a tap target larger than the dot it shows
    assert len(soup.select("circle.hit")) == len(soup.select("circle.point")) == len(chart["points"])


def test_named_series_each_get_a_line_and_a_legend_entry(db):
    [officers] = db.query("select id from series where label = 'Staff in post: band 4 probation officers (count)'")
    [psos] = db.query("select id from series where label = "
                      "'Staff in post: band 3 probation services officers (count)'")
    [percent] = db.query("select id from series where label = 'Staff in post: band 4 probation officers (%, change)'")
    chart = charts.series_chart(db, [officers["id"], psos["id"], percent["id"]])
    assert [line["id"] for line in chart["lines"]] == [officers["id"], psos["id"]]
    assert [s["id"] for s in chart["left_out"]] == [percent["id"]]  # another unit, another axis
    soup = BeautifulSoup(str(charts.timeline_svg(chart)), "html.parser")
    assert [g.get_text() for g in soup.select("g.legend-entry")] == [
        "band 4 probation officers (count)", "band 3 probation services officers (count)"]
    strokes = [p["stroke"] for p in soup.select("polyline.series-line")]
    assert len(strokes) == 2 and strokes[0] != strokes[1]


def test_chart_sizes_hold_on_a_phone():
    # the SVG box is shown about 358 px wide on a 390 px phone (16 px margins)
    scale = 358 / charts.WIDTH
    assert charts.FONT * scale >= 12
    assert 2 * charts.HIT_RADIUS * scale >= 24


def test_series_page_lists_every_statement_by_source(served, db):
    ds = site.datasette(served)
    [row] = db.query("select * from series where label = 'Staff in post: band 4 probation officers (count)'")
    response = get(ds, f"/-/series/{row['id']}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.select_one("h1").get_text() == row["label"]
    items = soup.select("ol.series-statements li")
    assert len(items) == row["statistics"]
    sources = [h.get_text(" ", strip=True).rsplit(" (", 1)[0] for h in soup.select("section.series-source h3")]
    assert sorted(sources) == sorted({r["source"] for r in db.query(
        "select source from statistics where series_id = ?", [row["id"]])})
    links = [a["href"] for a in soup.select("ol.series-statements a.figure-link")]
    assert all(re.fullmatch(r"/claims/statistics/\d+", h) for h in links)
    # the figure is marked in its sentence, at its stored place
    marks = [m.get_text() for m in soup.select("blockquote.claim-sentence mark.figure")]
    assert "3,550" in marks and len(marks) == len(items)
    assert len(soup.select("svg.timeline circle.point")) == len(charts.series_chart(db, [row["id"]])["points"])
    assert get(ds, "/-/series/000000000000").status_code == 404


def test_links_follow_base_url(served, db):
    from datasette.app import Datasette
    ds = Datasette([str(served)], metadata=yaml.safe_load(site.METADATA.read_text("utf-8")),
                   plugins_dir=str(site.PLUGINS), template_dir=str(site.TEMPLATES),
                   settings={**site.settings(), "base_url": "/probation/"})
    [row] = db.query("select id from series order by statistics desc limit 1")
    for path in (f"/-/series/{row['id']}", "/-/timeline/staff_in_post"):
        soup = BeautifulSoup(get(ds, path).text, "html.parser")
        hrefs = [a["href"] for a in soup.select("a[href*='/statistics']")]
        assert hrefs and all(h.startswith("/probation/claims/statistics") for h in hrefs), path


def test_timeline_draws_named_series_and_lists_the_others(served, db):
    ds = site.datasette(served)
    soup = BeautifulSoup(get(ds, "/-/timeline/staff_in_post").text, "html.parser")
    assert len(soup.select("svg.timeline polyline.series-line")) == 1
    others = [a.get_text() for a in soup.select("ul.other-series a")]
    assert "Staff in post: chief probation officers (count)" in others
    ids = [r["id"] for r in db.query("select id from series where metric = 'staff_in_post' and unit = 'count' "
                                     "and measure = 'level' order by statistics desc limit 2")]
    soup = BeautifulSoup(get(ds, "/-/timeline/staff_in_post?series={}&series={}".format(*ids)).text, "html.parser")
    assert len(soup.select("svg.timeline polyline.series-line")) == 2
    assert len(soup.select("svg.timeline g.legend-entry")) == 2
    # a series of another metric is not this metric's timeline
    [other] = db.query("select id from series where metric = 'caseload' limit 1")
    assert get(ds, f"/-/timeline/staff_in_post?series={other['id']}").status_code == 404


def test_a_statistic_page_links_to_its_series(served, db):
    ds = site.datasette(served)
    [row] = db.query("select id, series_id from statistics where mention = '3,550' and series_id is not null")
    soup = BeautifulSoup(get(ds, f"/claims/statistics/{row['id']}").text, "html.parser")
    assert soup.select_one("a.series-link")["href"] == f"/-/series/{row['series_id']}"
    [unread] = db.query("select id from statistics where series_id is null limit 1")
    assert BeautifulSoup(get(ds, f"/claims/statistics/{unread['id']}").text, "html.parser").select_one(
        "a.series-link") is None
