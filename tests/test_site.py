"""The Datasette site, through Datasette's own test client."""
import asyncio
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from datasette.app import Datasette

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(seed_db, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("site") / "claims.db"
    db_path.write_bytes(Path(seed_db).read_bytes())
    # a scraped page with markup in it must show as text
    db = sqlite_utils.Database(db_path)
    db["passages"].insert({"document_id": 1, "ordinal": 999, "kind": "paragraph",
                           "text": "<script>alert('x')</script> 12 staff"})
    db.close()
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text("utf-8"))
    ds = Datasette(immutables=[str(db_path)], metadata=metadata,
                   plugins_dir=str(ROOT / "plugins"),
                   settings={"sql_time_limit_ms": 2000, "max_returned_rows": 1000})
    return ds


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def test_statistics_facets(site):
    data = get(site, "/claims/statistics.json?_facet=metric&_facet=source&_facet=year&_size=0").json()
    metrics = {f["value"]: f["count"] for f in data["facet_results"]["metric"]["results"]}
    assert metrics["staff_in_post"] >= 20
    sources = {f["value"] for f in data["facet_results"]["source"]["results"]}
    assert {"PAC", "HMIP", "Justice Committee", "UNISON"} <= sources


def test_full_text_search_and_trace_query(site):
    rows = get(site, "/claims/statistics.json?_search=vacancy&_shape=array").json()
    assert any(r["mention"] == "21%" for r in rows)
    rows = get(site, "/claims/trace_figure.json?q=vacancy+rate&_shape=array").json()
    assert any("<mark>vacancy</mark>" in r["snippet"] for r in rows)


def test_metric_timeline(site):
    rows = get(site, "/claims/metric_timeline.json?metric=vacancy_rate&_shape=array").json()
    assert [(r["year"], r["value"]) for r in rows] == [(2021, 14), (2025, 21)]


def test_robots_blocked(site):
    response = get(site, "/robots.txt")
    assert response.status_code == 200 and "Disallow: /" in response.text


def test_document_text_is_escaped(site):
    html = get(site, "/claims/passages?ordinal=999").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_read_only(site):
    response = asyncio.run(site.client.post("/claims/-/query", json={"sql": "delete from statistics"}))
    assert response.status_code in (403, 404, 405)
    assert get(site, "/claims/statistics.json?_size=0").json()["filtered_table_rows_count"] > 200
