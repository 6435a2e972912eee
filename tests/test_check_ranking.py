"""One ranking of a figure's statements and one verdict order (claims/query/check.py): the origin
is the first of one sort key (series, period, value within rounding, primary before restatement,
the named body, the earliest); a claim speaking of now is superseded by a newer statement of its
series that states another figure, counts written to the unit being another when unequal, a
bound ("more than") when the old value is on the wrong side of it, and a speaker's figure in a
record of what was said that day being the figure of that day. Invented documents."""
import pytest
from conftest import check_claim as check, invented_database

pytestmark = pytest.mark.usefixtures("shared_extractor")

FILES = {
    "bulletin-2024.txt": ("HM Prison and Probation Service", "statistics", "2024-05-20",
                          "As at 31 March 2024 there were 61,234 FTE staff in post in HMPPS."),
    "bulletin-2025.txt": ("HM Prison and Probation Service", "statistics", "2025-05-19",
                          "As at 31 March 2025 there were 61,188 FTE staff in post in HMPPS."),
    "blog.txt": ("On Probation blog", "blog", "2024-06-02",
                 "HMPPS had 61,234 FTE staff in post at the end of March 2024, the bulletin says."),
    "committee.txt": ("Public Accounts Committee", "committee", "2017-02-01",
                      "The Ministry oversees the supervision of some 251,000 offenders."),
    "debate.txt": ("House of Commons", "parliament", "2020-03-10",
                   "Across England and Wales, the Ministry of Justice said, the probation service supervises "
                   "over 260,000 people at any one time."),
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, extractor):
    return invented_database(tmp_path_factory.mktemp("check-ranking"), FILES, extractor, title="Title")


def test_the_origin_is_the_primary_statement_before_an_earlier_restatement(db_path, extractor):
    claim = check(db_path, extractor, "In March 2024 HMPPS had 61,234 FTE staff in post.")
    assert claim["verdict"] == "matches"
    assert claim["origin"]["file"] == "bulletin-2024.txt"
    assert [s["file"] for s in claim["statements"]] == ["blog.txt"]


def test_a_count_written_to_the_unit_is_superseded_by_another_count_written_so(db_path, extractor):
    # 61,188 is within a five-digit count's rounding of 61,234, but both are written to the unit
    claim = check(db_path, extractor, "HMPPS now has 61,234 FTE staff.")
    assert claim["verdict"] == "superseded"
    assert claim["newest"]["mention"] == "61,188"
    assert claim["verdicts"] == ["superseded", "matches"]


def test_a_dated_claim_is_never_superseded(db_path, extractor):
    claim = check(db_path, extractor, "HMPPS had 61,234 FTE staff in March 2024.")
    assert claim["verdict"] == "matches"


def test_a_speakers_figure_in_a_record_of_the_day_supersedes_an_older_one(db_path, extractor):
    # the minister's "over 260,000" (2020, Hansard) is newer, and 251,000 is below its bound
    claim = check(db_path, extractor, "Probation services supervise 251,000 offenders.")
    assert claim["origin"]["file"] == "committee.txt"
    assert claim["verdict"] == "superseded"
    assert claim["newest"]["file"] == "debate.txt"


def test_verdicts_come_in_one_fixed_order():
    from claims.query.check import VERDICTS
    assert VERDICTS == ("misattributed", "conflicts", "superseded", "different_period", "rounded", "matches",
                        "not_found")
