"""What a stored statement measures, read where the build's fields say too little
(claims/query/matching.py row_series), and the claim read the same way: pay a union claims or
says is needed is a target, never pay had; pay up by a share and a pay rise of that share are
one figure; a share one population makes up of a whole is the part's; "staff" in a sentence
naming the staff of several bodies is no body's. Invented documents, each a trap or a match."""
import pytest
import sqlite_utils
from conftest import check_claim as check, invented_database

pytestmark = pytest.mark.usefixtures("shared_extractor")

FILES = {
    "union.txt": ("Napo", "union", "2025-03-02",
                  "The employer's offer is nowhere near our claim of 14% for probation staff.\n\n"
                  "Probation staff would need a 57% pay rise to get back to 2010 real-terms wages."),
    "blog.txt": ("On Probation blog", "blog", "2025-06-01",
                 "Band 4 probation officers have had a 19% pay increase since 2010."),
    "bulletin.txt": ("HM Prison and Probation Service", "statistics", "2023-05-18",
                     "As at 31 March 2023, there were 33,900 FTE staff in PSP (making up 56.2% of all HMPPS staff).\n\n"
                     "Compared to 31 March 2022, the overall staff numbers increased by 2,110 FTE (3.6%): FTE in PSP "
                     "fell by 280 (0.8%), FTE in the Probation Service increased by 2,390 (14.3%)."),
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, extractor):
    return invented_database(tmp_path_factory.mktemp("check-measures"), FILES, extractor, title="Title")


@pytest.mark.parametrize("text", [
    # a union's claim is not an award made, nor a rise needed a rise had
    "Probation staff were awarded a 14% pay rise in 2025.",
    "Probation staff pay has gone up 57% since 2010.",
    # the share of the whole PSP makes up is not probation's
    "Probation makes up 56.2% of the HMPPS workforce.",
    # the overall rise of HMPPS staff is not the rise of probation staff
    "Probation staff numbers rose 3.6% in the year to March 2023.",
])
def test_the_same_number_measuring_something_else_is_not_found(db_path, extractor, text):
    assert check(db_path, extractor, text)["verdict"] == "not_found"


def test_a_claimed_rise_matches_the_claim_for_it(db_path, extractor):
    claim = check(db_path, extractor, "Napo has a pay claim of 14% for probation staff.")
    assert claim["measure"] == "target"
    assert (claim["verdict"], claim["origin"]["file"]) == ("matches", "union.txt")


def test_pay_up_by_a_share_is_a_pay_increase_of_it(db_path, extractor):
    claim = check(db_path, extractor, "Band 4 pay is up 19% since 2010.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("matches", "19%")


def test_a_rise_whose_clause_names_its_body_is_that_bodys(db_path, extractor):
    claim = check(db_path, extractor, "Probation Service staff numbers rose 14.3% in the year to March 2023.")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("matches", "14.3%")


def test_two_salaries_of_one_band_and_year_are_no_conflict(tmp_path, extractor):
    from claims.query.check import check_text
    files = {"scale.txt": ("UNISON", "union", "2024-06-01",
                           "In 2024/25 the top of band 4 is £41,300 a year."),
             "comment.txt": ("On Probation blog", "blog", "2024-07-01",
                             "Qualified POs earned £33,900 in 2024/25 as a starting salary.")}
    db = sqlite_utils.Database(invented_database(tmp_path, files, extractor, title="Title"))
    [claim] = check_text(db, extractor, "Qualified POs started on £33,900 in 2024/25.")["claims"]
    assert claim["series"].startswith("Salary: band 4 probation officers")
    assert (claim["verdict"], claim["conflicting"]) == ("matches", [])
