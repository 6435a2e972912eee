"""The matching rule's edges (claims/query/matching.py): a figure written more precisely than a
loose statement is no rounding of it, a local claim finds a statement of unstated place only in
a document about that place, and a share's subgroup is no series. Invented documents."""
import pytest

from claims.query.series import series_key
from conftest import check_claim as check, invented_database

pytestmark = pytest.mark.usefixtures("shared_extractor")

FILES = {
    "kent.txt": ("HM Inspectorate of Probation", "inspection", "2024-10-01", "Kent probation inspection",
                 "Inspectors visited Kent in May 2024. Staff in Kent told us of heavy workloads.\n\n"
                 "The vacancy rate for probation officers was 31% in 2024."),
    "regions.txt": ("Ministry of Justice", "parliament", "2024-02-01", "Probation: vacancies",
                    "Vacancies were counted in London, Wales, the North West, the South West and the East "
                    "Midlands.\n\nThere were 274 probation officer vacancies in September 2023."),
    "hmpps.txt": ("HM Prison and Probation Service", "statistics", "2021-03-01", "Recruitment",
                  "About 500 trainee probation officers started training in 2020."),
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, extractor):
    return invented_database(tmp_path_factory.mktemp("check-matching"), FILES, extractor)


def test_a_precise_figure_is_no_rounding_of_a_loose_statement(db_path, extractor):
    claim = check(db_path, extractor, "464 trainee probation officers started training in 2020.")
    assert claim["verdict"] == "not_found"
    # what the corpus states for that series and period is shown, as no match
    assert [r["mention"] for r in claim["same_series_in_period"]] == ["500"]
    # a claim as loose as the statement, of its value, is the figure; "about 480" (470-490,
    # claims/query/rounding.py) is written more precisely than "about 500" and no rounding of it
    claim = check(db_path, extractor, "Around 500 trainee probation officers started training in 2020.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("matches", "500")
    claim = check(db_path, extractor, "About 480 trainee probation officers started training in 2020.")
    assert claim["verdict"] == "not_found"


def test_a_statement_of_unstated_place_is_of_the_place_its_document_is_about(db_path, extractor):
    claim = check(db_path, extractor, "In 2024, 31% of probation officer posts in Kent were vacant.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("matches", "31%")


def test_a_document_naming_many_places_holds_no_local_figure(db_path, extractor):
    claim = check(db_path, extractor, "There were 274 probation officer vacancies in London in September 2023.")
    assert claim["verdict"] == "not_found"
    [other] = claim["other_measures"]
    assert other["mention"] == "274"
    assert other["why_not"].startswith("the same number, of another place or one not stated")
    # national, the same statement is the figure
    claim = check(db_path, extractor, "There were 274 probation officer vacancies in September 2023.")
    assert claim["verdict"] == "matches"


@pytest.mark.parametrize("subject", ["average caseload for the 4% who hold more than 50 cases",
                                     "average case load for the % who hold",
                                     "the 10 per cent with the heaviest caseloads"])
def test_a_subgroup_picked_out_by_a_share_is_no_series(subject):
    assert series_key("caseload", subject, "count").subject is None
    assert series_key("caseload", "average caseload", "count").subject == "cases_per_officer"
