"""`claims trace` on the seed database."""
import json

import pytest
from click.testing import CliRunner

from claims.cli import cli


pytestmark = pytest.mark.usefixtures("shared_extractor")


def trace(seed_db, *args):
    return CliRunner().invoke(cli, ["trace", *args, "--db", str(seed_db)], catch_exceptions=False)


def appearances(seed_db, query):
    """The appearances `claims trace --json` gives: stated exactly, then rounded."""
    result = json.loads(trace(seed_db, query, "--json").output)
    return result["exact"] + result["rounded"]


def test_vacancy_rate_21_percent_is_the_pac_press_release(seed_db):
    [row] = appearances(seed_db, "21%")
    assert (row["source"], row["year"], row["published"], row["metric"], row["is_origin"]) == (
        "PAC", 2025, "2026-02-05", "vacancy_rate", True)
    assert row["document_title"] == "Thought Piece 6"
    assert row["sentence"] == "The vacancy rate for probation officers increased from 14% in 2021 to 21% in 2025."


def test_464_is_paragraph_108_with_footnote_157(seed_db):
    rows = appearances(seed_db, "464")
    origin = rows[0]
    assert origin["is_origin"] and origin["period"] == "2020-12-08"
    # the sentence reads without the footnote marker before it ("Wales”.156 As of ...")
    assert origin["sentence"] == "As of 8 December 2020, there were 464 probation officer vacancies."
    assert [c["number"] for c in origin["citations"]] == [157]
    assert origin["citations"][0]["witness"] == "Q201 [Amy Rees]"
    # paragraph 126 repeats it without a date of its own
    assert [r["is_origin"] for r in rows] == [True, False]
    assert rows[1]["figure_id"] == origin["figure_id"]
    text = trace(seed_db, "464").output
    assert "there were [464] probation officer vacancies" in text
    assert "footnote 157: Q201 [Amy Rees]" in text


def test_3550_is_the_september_2020_staff_in_post_figure(seed_db):
    [row] = appearances(seed_db, "3,550")
    assert (row["metric"], row["period"], row["year"], row["source"]) == (
        "staff_in_post", "2020-09-30", 2020, "Justice Committee")


def test_duplicated_unison_article_yields_one_figure(seed_db):
    rows = appearances(seed_db, "Thirty-five chief probation officers")
    thirty_five = [r for r in rows if r["mention"] == "Thirty-five"]
    # the article appears twice in 003 (lightly edited); only the first copy's figures count
    assert len(thirty_five) == 1
    assert thirty_five[0]["source"] == "UNISON"
    assert thirty_five[0]["document_title"] == "Opinion: 10 reasons why the civil service can’t do probation"


def test_words_narrow_the_match(seed_db):
    rows = appearances(seed_db, "seven of 27 targets")
    assert [(r["mention"], r["metric"]) for r in rows] == [("seven", "targets_met")]


def test_no_match_exits_1_with_nearest(seed_db):
    result = trace(seed_db, "vacancy rate 99%")
    assert result.exit_code == 1
    assert "No figure in the corpus matches 'vacancy rate 99%'." in result.output
    # the nearest are of the series the words name: vacancy rates, not any 93%
    assert "Nearest figures, not matches:\n           21%  vacancy_rate" in result.output  # the words first


def test_rounding_finds_the_same_figure(seed_db):
    rows = appearances(seed_db, "one in five vacancy rate")
    assert [(r["mention"], r["source"]) for r in rows] == [("21%", "PAC")]
    # and digits find the words: "66%" finds "two-thirds"
    rows = appearances(seed_db, "66% staffing")
    assert ("Two thirds", "staff_in_post") in [(r["mention"], r["metric"]) for r in rows]


def test_conflicting_figures_query_is_find_conflicts(seed_db):
    """The site's canned query is claims.query.conflicts' SQL, supplied by the plugin, not a copy."""
    import asyncio

    import sqlite_utils
    import yaml
    from conftest import ROOT

    from claims.site import site
    from claims.query.conflicts import find_conflicts
    queries = yaml.safe_load((ROOT / "metadata.yml").read_text("utf-8"))["databases"]["claims"]["queries"]
    assert "conflicting_figures" not in queries
    db = sqlite_utils.Database(seed_db)
    ds = site.datasette(seed_db)
    rows = asyncio.run(ds.client.get("/claims/conflicting_figures.json?_shape=array")).json()
    assert {(r["statistic_a"], r["statistic_b"]) for r in rows} == {
        (c["statistic_a"], c["statistic_b"]) for c in find_conflicts(db)}
    for row in rows:
        assert row["source_a"] != row["source_b"] and row["value_a"] != row["value_b"]


def test_origin_is_the_primary_source_not_the_first_file(tmp_path, monkeypatch, extractor):
    """A dated official release beats an undated blog post, and a blog post published the same
    day; a repeat says whom it repeats."""
    from click.testing import CliRunner

    from claims.cli import cli
    monkeypatch.setattr("extract.Extractor", lambda: extractor)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_blog.txt").write_text(
        "---\npublisher: On Probation blog\nkind: blog\n---\nThoughts\n"
        "There were 3,551 probation officers in post in September 2020, which is not enough.\n", "utf-8")
    (corpus / "b_blog_same_day.txt").write_text(
        "---\npublisher: On Probation blog\nkind: blog\npublished: 2020-11-12\n---\nMore thoughts\n"
        "There were 3,551 probation officers in post in September 2020.\n", "utf-8")
    (corpus / "c_release.txt").write_text(
        "---\npublisher: HM Prison and Probation Service\nkind: statistics\npublished: 2020-11-12\n---\n"
        "Workforce statistics\nThere were 3,551 probation officers in post in September 2020.\n", "utf-8")
    db_path = tmp_path / "claims.db"
    assert CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "--db", str(db_path)]).exit_code == 0
    result = json.loads(CliRunner().invoke(cli, ["trace", "3,551", "--db", str(db_path), "--json"]).output)
    rows = result["exact"]
    assert len(rows) == 3
    [origin] = [r for r in rows if r["is_origin"]]
    assert (origin["file"], origin["source"]) == ("c_release.txt", "HMPPS")
    assert {r["repeats"] for r in rows if not r["is_origin"]} == {"HMPPS, 2020-11-12"}
    text = CliRunner().invoke(cli, ["trace", "3,551", "--db", str(db_path)]).output
    assert "[repeats HMPPS, 2020-11-12]" in text
