"""Claim check (issue 13): each verdict on a fixture corpus, conflicts that are real and
rounding that is not, and `claims check --json` on the seeds."""
import json

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import CORPUS, invented_database

from claims.cli import cli
from claims.query.conflicts import find_conflicts

FILES = {
    "pac.txt": ("House of Commons Committee of Public Accounts", "committee", "2025-06-01",
                "The vacancy rate for probation officers was 21% in 2025."),
    "hmpps.txt": ("HM Prison and Probation Service", "statistics", "2026-08-01",
                  "The vacancy rate for probation officers was 29% in 2026."),
    "napo.txt": ("Napo", "union", "2025-07-01", "The vacancy rate for probation officers was 25% in 2025."),
    "blog.txt": ("On Probation blog", "blog", "2025-08-01",
                 "The vacancy rate for probation officers was 21.3% in 2025, the union says."),
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, extractor):
    return invented_database(tmp_path_factory.mktemp("check"), FILES, extractor, title="Title")


def check(db_path, extractor, text):
    from claims.query.check import check_text
    return check_text(sqlite_utils.Database(db_path), extractor, text)["claims"]


@pytest.mark.parametrize("text,mention,verdicts", [
    ("The vacancy rate for probation officers was 29% in 2026.", "29%", ["matches"]),
    # a claim about 2025 is right for 2025: a newer figure does not supersede it, Napo's 25% conflicts
    ("The vacancy rate for probation officers was 21% in 2025.", "21%", ["conflicts", "matches"]),
    # stated as current, it is superseded by 2026's 29%
    ("The vacancy rate for probation officers is 21%.", "21%", ["conflicts", "superseded", "matches"]),
    ("One in five probation officer posts were vacant in 2026, the statistics show.", "One in five",
     ["conflicts", "different_period", "rounded"]),
    ("The vacancy rate for probation officers was 29% in 2019.", "29%", ["different_period"]),
    ("The vacancy rate for probation officers was 29% in 2026, according to Napo.", "29%", ["misattributed", "matches"]),
    ("The vacancy rate for probation officers was 77% in 2025.", "77%", ["not_found"]),
])
def test_each_verdict(db_path, extractor, text, mention, verdicts):
    [claim] = [c for c in check(db_path, extractor, text) if c["mention"] == mention]
    assert claim["verdicts"] == verdicts
    # one headline, the first in the fixed order, with one reason per verdict beneath it
    assert claim["verdict"] == verdicts[0]
    assert [r["verdict"] for r in claim["reasons"]] == verdicts


def test_check_shows_origin_others_newest_and_nearest(db_path, extractor):
    [claim] = check(db_path, extractor, "The vacancy rate for probation officers is 21%.")
    assert (claim["origin"]["source"], claim["origin"]["period"]) == ("PAC", "2025")
    # the blog's 21.3% is another statement of it, and says how it is rounded
    [other] = claim["statements"]
    assert (other["mention"], other["agreement"], other["same_period"]) == ("21.3%", "rounded: 21.3% for 21%", True)
    assert (claim["newest"]["mention"], claim["newest"]["source"]) == ("29%", "HMPPS")
    assert [c["mention"] for c in claim["conflicting"]] == ["25%"]
    [missing] = check(db_path, extractor, "The vacancy rate for probation officers was 77% in 2025.")
    assert [n["mention"] for n in missing["nearest"]][:1] == ["29%"]
    # what the corpus states for that series and period, though no value agrees
    assert sorted(r["mention"] for r in missing["same_series_in_period"]) == ["21%", "21.3%", "25%"]


def test_conflicts_are_real_and_rounding_is_not(db_path):
    db = sqlite_utils.Database(db_path)
    pairs = {frozenset((c["value_a"], c["value_b"])) for c in find_conflicts(db)}
    assert pairs == {frozenset((21.0, 25.0)), frozenset((25.0, 21.3))}  # 21% and 21.3% differ by rounding only


def test_conflicting_figures_query_on_the_site(db_path):
    import asyncio

    from claims.site import site
    ds = site.datasette(db_path)
    rows = asyncio.run(ds.client.get("/claims/conflicting_figures.json?_shape=array")).json()
    assert {frozenset((r["value_a"], r["value_b"])) for r in rows} == {frozenset((21.0, 25.0)), frozenset((25.0, 21.3))}


def test_claims_check_json_on_the_seeds(seed_db, monkeypatch, extractor):
    monkeypatch.setattr("extract.Extractor", lambda: extractor)
    result = CliRunner().invoke(cli, ["check", "The probation officer vacancy rate has hit 21%, according to the "
                                               "inspectorate", "--db", str(seed_db), "--json"])
    assert result.exit_code == 0, result.output
    [claim] = json.loads(result.output)["claims"]
    assert set(claim) >= {"mention", "value", "unit", "metric", "verdict", "verdicts", "reasons", "origin",
                          "statements", "newest", "other_measures", "nearest"}
    assert (claim["mention"], claim["value"], claim["unit"]) == ("21%", 21, "percent")
    assert claim["verdict"] == "misattributed"
    assert claim["origin"]["source"] == "PAC"
    assert isinstance(claim["origin"]["statistic_id"], int)
