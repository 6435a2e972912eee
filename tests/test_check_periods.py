"""A claim's period against the statements of its series (claims/query/check.py): the statement
of the claim's own period is its origin, a statement dated only by its publication may be of
the year before, and a year's level does not conflict with a month's. Invented documents."""
import pytest
import sqlite_utils
from conftest import invented_database

pytestmark = pytest.mark.usefixtures("shared_extractor")

FILES = {
    "hmpps.txt": ("HM Prison and Probation Service", "statistics", "2023-08-01",
                  "In the 12 months to 31 March 2023 the leaving rate for prison officers was 14.6%.\n\n"
                  "In the 12 months to 30 September 2022 the leaving rate for prison officers was 15.7%.\n\n"
                  "There were 21,055 probation staff in post in 2023."),
    "answer.txt": ("Ministry of Justice", "parliament", "2022-06-09",
                   "Some 4% of probation officers hold more than 60 cases."),
    "moj.txt": ("Ministry of Justice", "statistics", "2023-05-01",
                "At the end of March 2023 there were 20,850 probation staff in post."),
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, extractor):
    return invented_database(tmp_path_factory.mktemp("check-periods"), FILES, extractor, title="Title")


def check(db_path, extractor, text, mention=None):
    from claims.query.check import check_text
    claims = check_text(sqlite_utils.Database(db_path), extractor, text)["claims"]
    [claim] = [c for c in claims if mention in (None, c["mention"])]
    return claim


def test_a_rounded_claim_is_read_against_the_nearest_figure_of_its_period(db_path, extractor):
    # both rates overlap 2022-23; "about 15%" is the 14.6% of the year to March 2023
    claim = check(db_path, extractor, "About 15% of prison officers left the service in 2022-23.")
    assert claim["verdict"] == "rounded"
    assert claim["origin"]["mention"] == "14.6%"


def test_a_statement_dated_by_its_publication_may_be_of_the_year_before(db_path, extractor):
    claim = check(db_path, extractor, "In March 2022, 4% of probation officers held more than 60 cases.", "4%")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("matches", "4%")
    # but not of a year long before it was published
    claim = check(db_path, extractor, "In 2019, 4% of probation officers held more than 60 cases.", "4%")
    assert claim["verdict"] == "different_period"


def test_a_years_level_is_no_conflict_with_a_months(db_path, extractor):
    claim = check(db_path, extractor, "Roughly 21,000 probation staff were in post in June 2023.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("rounded", "21,055")
    assert claim["conflicting"] == []
