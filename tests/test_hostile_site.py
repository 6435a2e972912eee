"""Hostile input, round 2, as the site and the export meet it (issue 22, rows 3, 4, 7 and 13):
a database holding what a bad document left in it (an infinite value, a year 9999), a query
returning 8 values of 60 MB, and cells written to run as spreadsheet formulas. Each case goes
through Datasette's test client or the CLI on a real database built in tmp_path."""
import asyncio
import csv
import io
import json
import tracemalloc
import urllib.parse
from pathlib import Path

import pytest
import sqlite_utils
from bs4 import BeautifulSoup
from click.testing import CliRunner
from datasette.plugins import pm

from claims.site import site as claims_site
from claims.site.charts import metric_chart
from claims.cli import cli

MB = 1024 * 1024
HOSTILE_SENTENCES = {
    "formula": '=HYPERLINK("http://evil.example","click")',
    "command": "+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "return": "\r=1+1",
}


@pytest.fixture(scope="module")
def hostile_db(seed_db, tmp_path_factory):
    """The seed database with what a hostile document left in it before values and dates were
    checked at extraction: inf, -inf and 1e300 as values, 9999 and 10000 as years, formulas
    as sentences, and a negative number."""
    db_path = tmp_path_factory.mktemp("hostile") / "claims.db"
    db_path.write_bytes(Path(seed_db).read_bytes())
    db = sqlite_utils.Database(db_path)
    ids = {}

    def take(metric, offset, **values):
        # a point the metric's chart draws
        sid = metric_chart(db, metric)["points"][offset]["id"]
        db["statistics"].update(sid, values)
        return sid

    ids["inf"] = take("caseload", 0, value=float("inf"))
    ids["minus_inf"] = take("staff_in_post", 0, value=float("-inf"))
    ids["huge"] = take("staff_in_post", 1, value=1e300)
    ids["year_9999"] = take("vacancy_rate", 0, period="9999-12-31", year=9999)
    ids["year_10000"] = take("caseload", 1, period="10000", year=10000)
    [doc] = db.query("select document_id from statistics where id = ?", [ids["year_9999"]])
    db["documents"].update(doc["document_id"], {"published": "9999-12-31"})
    others = [r["id"] for r in db.query("select id from statistics where id not in ({}) order by id limit {}".format(
        ",".join(str(i) for i in ids.values()), len(HOSTILE_SENTENCES) + 1))]
    for (name, sentence), sid in zip(HOSTILE_SENTENCES.items(), others):
        db["statistics"].update(sid, {"sentence": sentence})
        ids[name] = sid
    ids["negative"] = others[-1]
    db["statistics"].update(ids["negative"], {"mention": "-17", "value": -17})
    db.close()
    return db_path, ids


@pytest.fixture(scope="module")
def site(hostile_db):
    return claims_site.datasette(hostile_db[0])


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def sql_path(sql, fmt=""):
    return f"/claims{fmt}?" + urllib.parse.urlencode({"sql": sql})


def eight_rows(value_sql):
    return f"select {value_sql} as big from (" + " union all ".join(f"select {i}" for i in range(8)) + ")"


@pytest.fixture
def security_plugin():
    [module] = [m for m in pm.get_plugins() if getattr(m, "__name__", "") == "security.py"]
    return module


# row 3 and 4: pages never fail on a stored value

@pytest.mark.parametrize("path", ["/", "/-/timeline/caseload", "/-/timeline/staff_in_post",
                                  "/-/timeline/vacancy_rate", "/claims/statistics", "/claims/figures",
                                  "/claims/metric_timeline?metric=caseload", "/claims/conflicting_figures",
                                  "/-/trace?q=caseload", "/claims/statistics.csv", "/claims/documents",
                                  "/claims/statistics.json?_sort_desc=value", "/claims/figures?_sort_desc=value"])
def test_pages_answer_with_inf_and_year_9999_stored(site, path):
    response = get(site, path)
    assert response.status_code == 200, response.text[-500:]


def test_statistic_pages_of_hostile_values_answer(site, hostile_db):
    _, ids = hostile_db
    for name in ("inf", "minus_inf", "huge", "year_9999", "year_10000"):
        assert get(site, f"/claims/statistics/{ids[name]}").status_code == 200, name
    # the document published 9999-12-31, and the organisations whose figures these are
    db = sqlite_utils.Database(hostile_db[0])
    [row] = db.query("select document_id, source_id from statistics where id = ?", [ids["year_9999"]])
    assert get(site, f"/claims/documents/{row['document_id']}").status_code == 200
    for sid in (ids["inf"], ids["year_9999"]):
        [org] = db.query("select source_id from statistics where id = ?", [sid])
        assert get(site, f"/claims/organisations/{org['source_id']}").status_code == 200


def test_chart_draws_the_sane_points_and_lists_every_one(site, hostile_db):
    db = sqlite_utils.Database(hostile_db[0])
    levels = db.execute("select count(*) from statistics where metric = 'caseload' and measure = 'level' "
                        "and unit = 'count'").fetchone()[0]
    soup = BeautifulSoup(get(site, "/-/timeline/caseload").text, "html.parser")
    drawn = {a["href"].rsplit("/", 1)[1] for a in soup.select("svg.timeline a")}
    assert str(hostile_db[1]["inf"]) not in drawn and str(hostile_db[1]["year_10000"]) not in drawn
    listed = {a["href"].rsplit("/", 1)[1] for a in soup.select("table a[href*='/statistics/']")}
    assert str(hostile_db[1]["inf"]) in listed
    assert 0 < len(drawn) < len(listed) <= levels
    # every tick on the axis is a finite number
    ticks = [t.get_text() for t in soup.select("svg.timeline text[text-anchor=end]")]
    assert ticks and not any("inf" in t.lower() or "nan" in t.lower() for t in ticks)


def test_export_is_strict_json(hostile_db):
    db_path, ids = hostile_db
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path)])
    assert result.exit_code == 0, result.output

    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")
    records = {r["statistic_id"]: r for r in (json.loads(line, parse_constant=refuse)
                                              for line in result.output.splitlines())}
    assert records[ids["inf"]]["value"] is None and records[ids["minus_inf"]]["value"] is None
    assert records[ids["huge"]]["value"] == 1e300
    assert records[ids["negative"]]["value"] == -17


# row 7: a cap on what a query returns and a response carries, not only on each value

def test_eight_values_of_60_mb_are_refused_with_a_message_in_bounded_memory(site):
    tracemalloc.start()
    try:
        response = get(site, sql_path(eight_rows("hex(zeroblob(30000000))"), ".json"))
        html = get(site, sql_path(eight_rows("hex(zeroblob(30000000))")))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 400
    assert len(response.content) < 10_000
    assert response.json()["error"].startswith("This query returns more than 64 MB in all")
    # the query page keeps its SQL editor and says why
    assert html.status_code == 400 and len(html.content) < 100_000
    soup = BeautifulSoup(html.text, "html.parser")
    assert soup.select_one("textarea#sql-editor").get_text().startswith("select hex(zeroblob(30000000))")
    assert "This query returns more than 64 MB in all" in soup.get_text()
    # two 60 MB values are read (the second passes the cap), each as bytes and as text
    assert peak < 300 * MB, peak


def test_one_large_value_under_the_cap_is_served(site):
    response = get(site, sql_path("select hex(zeroblob(10000000)) as big", ".json") + "&_shape=array")
    assert response.status_code == 200
    [row] = response.json()
    assert len(row["big"]) == 20_000_000


def test_a_response_encoded_past_the_cap_is_refused(site, security_plugin, monkeypatch):
    # JSON writes a control character as six bytes: 2 MB of them is a 12 MB body
    monkeypatch.setattr(security_plugin, "MAX_RESPONSE_BYTES", 4 * MB)
    response = get(site, sql_path("select replace(hex(zeroblob(1000000)), '0', char(1)) as big", ".json"))
    assert response.status_code == 413
    assert response.text.startswith("This response would be larger than 4 MB")
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_a_streamed_csv_ends_at_the_cap_saying_so(site, security_plugin, monkeypatch):
    monkeypatch.setattr(security_plugin, "MAX_RESPONSE_BYTES", 4 * MB)
    response = get(site, sql_path(eight_rows("hex(zeroblob(400000))"), ".csv"))
    assert response.status_code == 200
    assert 4 * MB < len(response.content) < 4 * MB + 1000
    assert response.text.endswith("This response would be larger than 4 MB: ask for fewer rows "
                                  "(_size=10, limit) or fewer columns (_col=, _nocol=).\n")


# row 13: no CSV cell runs as a formula

def expected_cell(sentence):
    return "'" + sentence


def test_export_csv_neutralises_formulas(hostile_db):
    db_path, ids = hostile_db
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = {int(r["statistic_id"]): r for r in csv.DictReader(io.StringIO(result.output, newline=""))}
    for name, sentence in HOSTILE_SENTENCES.items():
        assert rows[ids[name]]["sentence"] == expected_cell(sentence), name
    # a negative number is a number, in a number column and in text
    assert rows[ids["negative"]]["value"] == "-17" and rows[ids["negative"]]["mention"] == "-17"
    unsafe = [cell for r in rows.values() for cell in r.values()
              if cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and not cell[1:2].isdigit())]
    assert unsafe == []


def test_site_csv_neutralises_formulas(site, hostile_db):
    _, ids = hostile_db
    wanted = ",".join(str(ids[n]) for n in [*HOSTILE_SENTENCES, "negative"])
    for path in (f"/claims/statistics.csv?id__in={wanted}&_col=sentence&_col=mention&_col=value",
                 f"/claims/statistics.csv?id__in={wanted}&_col=sentence&_col=mention&_col=value&_stream=1&_dl=1"):
        response = get(site, path)
        assert response.status_code == 200
        rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(response.text, newline=""))}
        for name, sentence in HOSTILE_SENTENCES.items():
            assert rows[ids[name]]["sentence"] == expected_cell(sentence), (path, name)
        assert rows[ids["negative"]]["mention"] == "-17" and rows[ids["negative"]]["value"] == "-17.0"
    # a query's CSV too, whatever its columns
    response = get(site, sql_path("select '=1+1' as a, -5 as b, '-5' as c, '@x' as d", ".csv"))
    assert response.text == "a,b,c,d\r\n'=1+1,-5,-5,'@x\r\n"


def test_a_table_of_large_documents_pages_without_their_text(seed_db, tmp_path, security_plugin, monkeypatch):
    # the cap at 8 MB and 8 texts of 1.5 MB, as 64 MB and 8 texts of 10 MB would be
    monkeypatch.setattr(security_plugin, "MAX_RESULT_BYTES", 8 * MB)
    db_path = tmp_path / "claims.db"
    db_path.write_bytes(Path(seed_db).read_bytes())
    db = sqlite_utils.Database(db_path)
    db.execute("update documents set text = text || hex(zeroblob(750000)) "
               "where id in (select id from documents order by id limit 8)")
    db.conn.commit()
    db.close()
    site = claims_site.datasette(db_path)
    # the documents page leaves their text out
    page = get(site, "/claims/documents")
    assert page.status_code == 200 and len(page.content) < 1 * MB
    for path in ("/claims/documents?_columns=all", "/claims/documents.json"):
        refused = get(site, path)
        assert refused.status_code == 400, path
        assert "This query returns more than 8 MB in all" in refused.text, path
    assert get(site, "/claims/documents.json?_size=4").status_code == 200
