"""Defects a crawl of every page found (a 500, an error logged, a slow page), each kept as a
test of the request that showed it: the site answers an empty request with an empty answer."""
import asyncio
import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from claims.site import site as claims_site


@pytest.fixture(scope="module")
def site(seed_db, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("crawl") / "claims.db"
    db_path.write_bytes(Path(seed_db).read_bytes())
    return claims_site.datasette(db_path)


def get(ds, path):
    return asyncio.run(ds.client.get(path))


@pytest.mark.parametrize("path", ["/-/check.claimreview", "/-/check.claimreview?q=", "/-/check.claimreview?q=+"])
def test_claimreview_of_no_claim_is_an_empty_list(site, path):
    # the JSON of no claim is null; its ClaimReview is no review at all, not a server error
    response = get(site, path)
    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.parametrize("path", ["/claims/trace_figure", "/claims/trace_figure?q=", "/claims/trace_figure?q=+",
                                  "/claims/trace_figure.json?q="])
def test_trace_query_form_without_words_finds_nothing_without_error(site, path, caplog, capsys):
    # the search form opened without words (the home page's link to the query) runs the query with
    # q empty: that is no match, not an FTS5 syntax error logged and shown as a 400
    with caplog.at_level(logging.ERROR):
        response = get(site, path)
    assert response.status_code == 200
    assert "syntax error" not in response.text
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert "ERROR" not in capsys.readouterr().err  # Datasette writes a failed query's SQL to stderr
    if ".json" in path:
        assert response.json()["rows"] == []


def test_trace_query_with_words_still_matches(site):
    response = get(site, "/claims/trace_figure.json?q=vacancy")
    assert response.status_code == 200
    assert response.json()["rows"]


def _sort_links(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [a["href"] for th in soup.select("table.rows-and-columns thead th") for a in th.select("a[href]")
            if "_sort" in a["href"]]


@pytest.mark.parametrize("table", ["statistics", "documents", "figures", "series", "organisations", "passages"])
def test_every_sort_link_of_a_table_header_answers(site, table):
    # Datasette's header links the primary key ("id ▼", the default order) whatever the table's
    # sortable_columns say; a table that lists its sortable columns must list its key too, or
    # that link is a 500
    links = _sort_links(get(site, f"/claims/{table}").text)
    assert any("_sort_desc=id" in link for link in links)
    for link in links:
        assert get(site, link).status_code == 200, link


@pytest.mark.parametrize("path", ["/claims/statistics?_sort=bogus", "/claims/statistics?_sort_desc=sentence",
                                  "/claims/figures?_sort=rowid", "/claims/statistics.json?_sort=bogus",
                                  "/claims/series.json?_sort_desc=label"])
def test_sorting_by_a_column_not_sortable_is_a_bad_request(site, path):
    # a hand-typed ?_sort= the table does not allow is the request's error, not the server's
    response = get(site, path)
    assert response.status_code == 400
    assert "Cannot sort table by" in response.text
