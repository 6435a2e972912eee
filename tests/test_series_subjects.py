"""The series of a stored figure whose own words name no population, or name it in a form the
vocabulary did not know: invented sentences of each class, run through the pipeline as a
document's passage is, with the series each figure is stored under."""
import pytest

from claims.query.claim_reader import claim_document
from claims.query.series import series_key
from registry.subjects import is_part_of, metric_subject, subject_of


def _labels(extractor, text):
    [stats] = extractor.extract([claim_document(text)])
    return {s.mention: series_key(s.metric, s.subject, s.unit, s.measure, s.sentence, source=s.source,
                                  in_document=True).label
            for s in stats}


@pytest.mark.parametrize("text, mention, label", [
    # a rate word is no population: a vacancy rate is probation staff's, the team's staff too
    ("Inspectors found the probation court team in Dorset had a 37% vacancy rate.", "37%",
     "Vacancy rate: all probation staff (%, Dorset)"),
    ("The vacancy rate stood at 18% when inspectors arrived.", "18%", "Vacancy rate: all probation staff (%)"),
    # the staff of a delivery unit or region are probation staff
    ("During the inspection, 27% of posts in the delivery unit were vacant.", "27%",
     "Vacancy rate: all probation staff (%)"),
    # ... unless the sentence names another staff group
    ("The vacancy rate among prison officers stood at 18%.", "18%", "Vacancy rate: band 3-5 prison officers (%)"),
    # people named by a word for people and where they stand are people on probation
    ("Around 181,000 individuals on licence were supervised in 2022.", "181,000",
     "People supervised: people on probation (count)"),
    # a part of the caseload named by who they are is that part, not the whole
    ("Only one in five known users on probation had been drug tested, the inspectors said.", "one in five",
     "Testing: people on probation who use drugs (%)"),
    # a pay award in a bullet names no one: in a probation document it is probation staff's
    ("• A 5% increase to all pay points from April", "5%", "Pay award: all probation staff (%, change)"),
    # "probation pay" is the pay of the service's staff
    ("Probation pay has risen by only 9% since 2010.", "9%", "Pay change: all probation staff (%, change)"),
    # a pay table's band codes below and above the officers'
    ("PB2 £23,100 9%", "£23,100", "Salary: band 2 probation administrators (£)"),
    ("PB6 £51,200 7%", "£51,200", "Salary: band 6 probation managers (£)"),
])
def test_the_series_of_a_figure_whose_words_name_no_population(extractor, text, mention, label):
    assert _labels(extractor, text)[mention] == label


@pytest.mark.parametrize("words, subject", [
    ("drug users on probation", "drug_users_on_probation"),
    ("people on probation who use drugs", "drug_users_on_probation"),
    ("those under probation supervision", "people_on_probation"),
    ("adults serving community sentences", "people_on_probation"),
    ("women on licence", "women_on_probation"),
    ("probationers", "people_on_probation"),
    ("the Leicester court team", "probation_teams"),
])
def test_populations_named_by_who_they_are_and_where_they_stand(words, subject):
    assert subject_of(words) == subject


def test_a_part_of_the_caseload_is_part_of_people_on_probation():
    assert is_part_of("drug_users_on_probation", "people_on_probation")
    assert is_part_of("women_on_probation", "people_on_probation")
    assert not is_part_of("people_on_probation", "women_on_probation")


@pytest.mark.parametrize("metric, sentence, expected", [
    ("vacancy_rate", "The vacancy rate was 30%.", "probation_staff"),
    ("vacancy_rate", "The vacancy rate in public sector prisons was 30%.", None),
    ("vacancy_rate", "The vacancy rate among police staff was 30%.", None),
    # naming a thing counted or the body itself says nothing of whose the rate is
    ("vacancy_rate", "The Probation Service's vacancy rate, across all its posts, was 30%.", "probation_staff"),
    ("referrals", "Only 2% were referred to treatment.", "people_on_probation"),
    ("referrals", "Only 2% of prison leavers were referred to treatment.", None),
    # a ballot has no default: the corpus quotes other unions' ballots beside probation's
    ("ballot", "Yes: 9,120 (88%)", None),
    ("union_membership", "It has 9,000 members.", "union_members"),
    # a service metric in a sentence that says "probation" is the service's
    ("funding", "Probation is to be backed with a further £90 million.", "probation_service"),
    ("funding", "Drug treatment is to be backed with a further £90 million.", None),
])
def test_a_metrics_default_population(metric, sentence, expected):
    assert metric_subject(metric, sentence, in_document=True) == expected


def test_a_claim_that_names_no_population_gets_no_default():
    """A document's figure is read in a corpus about probation; a claim or trace query that
    names no population is unread and matches nothing."""
    claim = series_key("vacancy_rate", "vacancy rate", "percent", sentence="The vacancy rate is 21%.")
    stored = series_key("vacancy_rate", "vacancy rate", "percent", sentence="The vacancy rate is 21%.",
                        in_document=True)
    assert (claim.subject, stored.subject) == (None, "probation_staff")
    # what a metric counts whatever its words holds for both
    assert series_key("union_membership", None, "count", sentence="It has 9,000 members.").subject == "union_members"


@pytest.mark.parametrize("text, mention, label", [
    # a figure in brackets restates the noun phrase before the bracket, not a noun after it
    ("The region faces high turnover, severe staff shortages (estimated at 2,700), and rising caseloads.", "2,700",
     "Staff shortage: staff (whose is not said) (count)"),
    ("There were 1,940 probation services officers (up 96 on the year) and more cases than ever.", "96",
     "Staff in post: band 3 probation services officers (count, change)"),
    # a bracketed share names its whole itself
    ("This includes 30,100 FTE staff in PSP (making up 55.2% of all HMPPS staff).", "55.2%",
     "Staff in post: all HMPPS staff (%)"),
])
def test_a_bracketed_figure_counts_the_phrase_before_its_bracket(extractor, text, mention, label):
    assert _labels(extractor, text)[mention] == label
