"""After a claim is read (claims/query/check.py): which statement it is checked against and
what is said of it. A claim rounds a statement only when the claim's interval, as people round
(claims/query/rounding.py), holds the statement's value; the exact statement of a figure is its
origin before a rounding of it in the same report; a claim carrying its own date is checked
for that date and never called superseded; a statement with no period of its own, published
just after a claim's period, may be that period's figure."""
from datetime import date

import pytest
import sqlite_utils

from claims.query.check import _population_unread, _unread_population
from claims.query.claim_reader import ClaimFigure
from claims.query.matching import Figure
from claims.query.series import SeriesKey
from conftest import invented_database

pytestmark = pytest.mark.usefixtures("shared_extractor")

# invented documents, one figure class each
FILES = {
    "leavers.txt": ("HM Prison and Probation Service", "statistics", "2023-07-27",
                    "One in seven band 3 probation services officers left the service in the year to "
                    "31 March 2023. In the year to 31 March 2023, 14.6% of band 3 probation services "
                    "officers left the service."),
    "leavers_sep.txt": ("HM Prison and Probation Service", "statistics", "2022-11-10",
                        "In the year to 30 September 2022, 15.7% of band 3 probation services officers left "
                        "the service."),
    "staff_march.txt": ("Ministry of Justice", "statistics", "2023-05-18",
                        "In March 2023 there were 19,850 probation staff in post."),
    "staff_year.txt": ("HM Prison and Probation Service", "statistics", "2024-02-15",
                       "In 2023 there were 20,055 probation staff in post."),
    "in_post_2022.txt": ("HM Prison and Probation Service", "statistics", "2022-11-10",
                         "On 30 September 2022 there were 4,371 band 4 probation officers in post."),
    "in_post_2023.txt": ("HM Prison and Probation Service", "statistics", "2023-08-10",
                         "The number of band 4 probation officers in post was 4,418 on 30 June 2023."),
    "in_post_2024.txt": ("HM Prison and Probation Service", "statistics", "2025-02-13",
                         "On 31 December 2024 there were 5,283 band 4 probation officers in post."),
    "answer.txt": ("Ministry of Justice", "parliament", "2022-06-09",
                   "The average caseload of a probation officer is 41 cases."),
    "napo.txt": ("Napo", "union", "2022-01-20",
                 "Napo says about 900 trainee probation officers were recruited in 2021."),
    "vacancy.txt": ("HM Prison and Probation Service", "statistics", "2023-05-18",
                    "In March 2023, 29% of probation officer posts were vacant."),
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, extractor):
    return invented_database(tmp_path_factory.mktemp("choice"), FILES, extractor)


def check(db_path, extractor, text):
    from claims.query.check import check_text
    [claim] = check_text(sqlite_utils.Database(db_path), extractor, text, today=date(2026, 12, 7))["claims"]
    return claim


def test_an_exact_figure_is_checked_against_its_exact_statement_not_a_rounding_beside_it(db_path, extractor):
    claim = check(db_path, extractor, "In the year to March 2023, 14.6% of probation services officers left the service.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("matches", "14.6%")


def test_a_rounded_figure_comes_from_the_precise_statement_of_the_period_ending_with_the_claims(db_path, extractor):
    # the year to March 2023 is the financial year 2022-23; the year to September 2022 only
    # overlaps it; "one in seven" is a looser statement of the same figure
    claim = check(db_path, extractor, "About 15% of probation services officers left the service in 2022-23.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("rounded", "14.6%")


def test_a_claim_of_a_month_is_checked_against_that_months_statements(db_path, extractor):
    # "2023" holds June 2023; March 2023's figure does not, though it is a rounding too
    claim = check(db_path, extractor, "Roughly 20,000 probation staff were in post in June 2023.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("rounded", "20,055")
    assert [r["mention"] for r in claim["statements"] if r["same_period"]] == []


def test_a_claim_dated_by_its_own_words_is_not_superseded(db_path, extractor):
    claim = check(db_path, extractor, "About 4,400 band 4 probation officers were in post in mid-2023.")
    assert claim["verdicts"] == ["rounded"] and claim["origin"]["mention"] == "4,418"
    # said as of now, the same figure is superseded by the newest of its series
    claim = check(db_path, extractor, "About 4,400 band 4 probation officers are in post.")
    assert claim["verdict"] == "superseded" and claim["newest"]["mention"] == "5,283"


def test_an_undated_statement_published_after_the_claims_period_may_be_its_figure(db_path, extractor):
    claim = check(db_path, extractor, "In March 2022 the average caseload of a probation officer was 41 cases.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("matches", "41")
    # years before it was published, it is another period's figure
    claim = check(db_path, extractor, "In March 2019 the average caseload of a probation officer was 41 cases.")
    assert claim["verdict"] == "different_period"


def test_a_precise_claim_is_no_rounding_of_a_loose_statement(db_path, extractor):
    claim = check(db_path, extractor, "873 trainee probation officers were recruited in 2021.")
    assert claim["verdict"] == "not_found"
    claim = check(db_path, extractor, "Around 900 trainee probation officers were recruited in 2021.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("matches", "900")


def test_words_of_direction_say_which_side_of_a_figure_its_value_lies(db_path, extractor):
    claim = check(db_path, extractor, "Nearly a third of probation officer posts were vacant in March 2023.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("rounded", "29%")
    claim = check(db_path, extractor, "Over a third of probation officer posts were vacant in March 2023.")
    assert claim["verdict"] == "not_found"


def _row(mention, value, sentence, subject_id=None, metric="staff_in_post", comparator="="):
    return {"mention": mention, "value": value, "unit": "count", "comparator": comparator, "metric": metric,
            "subject_id": subject_id, "measure": "level", "scope": None, "sentence": sentence}


def _claim(mention, value):
    key = SeriesKey("staff_in_post", "probation_staff", "count", "level", None)
    claim = ClaimFigure(mention, value, None, "count", "=", "staff_in_post", "staff", "level", "2010-06", None,
                        f"Probation had {mention} staff in post in June 2010.", key, False)
    return claim, Figure(mention, value, "count", claim.tolerance, key)


def test_a_statement_whose_population_is_not_said_is_the_figure_when_nothing_else_states_it():
    claim, figure = _claim("19,335", 19335)
    cell = _row("19,335", 19335, "19,335")
    prose = _row("19,335", 19335, "Some 19,335 people voted in the ballot")  # says what it counts
    other_metric = _row("19,335", 19335, "19,335", metric="recruitment")
    assert _unread_population(claim, figure, [cell, prose, other_metric]) == [cell]
    # a round figure is too common to be one figure by its digits
    claim, figure = _claim("19,000", 19000)
    assert _unread_population(claim, figure, [_row("19,000", 19000, "19,000")]) == []
    # staff whose body the sentence does not name, in prose: the claim's probation staff
    staff = _row("19,335", 19335, "At 30 June 2010 there were 19,335 FTE staff in post.", subject_id="staff")
    assert _unread_population(claim, figure, [staff]) == []  # the round "19,000" is still no match
    claim, figure = _claim("19,335", 19335)
    assert _unread_population(claim, figure, [staff, prose]) == [staff]
    assert _population_unread(figure.key, SeriesKey("staff_in_post", None, "count", "level", "wales"))
    assert not _population_unread(figure.key, SeriesKey("staff_in_post", "prison_officers", "count", "level", None))
