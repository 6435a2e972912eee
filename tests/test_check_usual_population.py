"""A stored figure whose words name no population counts the one its metric counts in a
probation document (its staff for a vacancy rate: registry/subjects.yml
document_metric_subjects, read at build time), so a claim of that population finds it; a claim
of another population, of a part of it, or of another measure never does. Invented documents."""
import pytest
from conftest import check_claim as check, invented_database

pytestmark = pytest.mark.usefixtures("shared_extractor")

FILES = {
    "inspection.txt": ("HM Inspectorate of Probation", "inspection", "2023-03-01", "Inspection of Derby PDU",
                       "Inspectors visited Derby in January 2023.\n\n"
                       "The court team in Derby was running with a 37% vacancy rate when we inspected."),
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, extractor):
    return invented_database(tmp_path_factory.mktemp("check-usual"), FILES, extractor)


def test_the_services_own_population_finds_a_figure_whose_population_is_unread(db_path, extractor):
    claim = check(db_path, extractor, "The Derby probation court team had a 37% vacancy rate in January 2023.")
    assert claim["series"].startswith("Vacancy rate: all probation staff")
    assert claim["verdict"] == "matches"
    # the stored figure's population is read at build time now (a court team's staff are probation
    # staff, registry/subjects.yml probation_teams; an unread vacancy rate in a document is probation
    # staff's, document_metric_subjects), so it is a statement of the claim's series itself
    assert claim["reasons"][0]["text"] == "HMIP stated 37% for 2023-03-01."


@pytest.mark.parametrize("text", [
    # another population, or a part of the service's: never by an unread figure
    "Derby prison officers had a 37% vacancy rate in January 2023.",
    "Derby probation officers had a 37% vacancy rate in January 2023.",
    # another measure of the same number
    "The probation vacancy rate in Derby rose 37% in January 2023.",
])
def test_another_population_or_measure_is_not_found(db_path, extractor, text):
    assert check(db_path, extractor, text)["verdict"] == "not_found"
