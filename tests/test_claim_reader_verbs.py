"""A claim's counted population and verb say what its figure measures where the pipeline, reading
one short sentence without a document's context, reads no metric, or reads it only from the
population's own name (claims/query/claim_metrics.py); the speaker is never the subject. Invented
claims, one class each."""
from datetime import date

import pytest

from claims.query.claim_reader import read_claim
from claims.query.series import SeriesKey

TODAY = date(2026, 1, 15)


def read(extractor, text):
    return [(f.mention, f.key) for f in read_claim(extractor, text, TODAY)]


@pytest.mark.parametrize("text,mention,key", [
    # staff of a grade changing in number, or said to be in post: the staff in post
    ("The number of band 3 probation services officers fell 4.1% in the year to March 2023.", "4.1%",
     SeriesKey("staff_in_post", "probation_services_officers", "percent", "change", None)),
    ("Roughly 21,000 band 3-5 prison officers were in post in mid-2023.", "21,000",
     SeriesKey("staff_in_post", "prison_officers", "count", "level", None)),
    # a verb of leaving or joining said of a population named only by its noun
    ("Some 340 PSOs left in the year to June 2022.", "340",
     SeriesKey("leavers", "probation_services_officers", "count", "level", None)),
    ("Nearly 900 trainee probation officers joined in 2021.", "900",
     SeriesKey("recruitment", "trainee_probation_officers", "count", "level", None)),
    # an estimate of staff needed that was wrong by some people misses them
    ("The 2023 sentence management staffing estimate was out by 2,100 people.", "2,100",
     SeriesKey("staff_shortage", "sentence_management_staff", "count", "level", None)),
    # money put into the companies or the service is funding; paid out to them, spend
    # (GUIDELINES: Money)
    ("£215 million pumped into CRCs in 2019.", "£215 million",
     SeriesKey("funding", "crcs", "gbp", "level", None)),
    ("£215 million paid to CRCs in 2019.", "£215 million",
     SeriesKey("spend", "crcs", "gbp", "level", None)),
    # what magistrates are counted for is what they said
    ("Seven in ten magistrates lack confidence in community sentences.", "Seven in ten",
     SeriesKey("survey", "sentencers", "percent", "level", None)),
    # a share of inspected cases that did enough meets the standard
    ("Only a third of inspected cases in Kent did enough to manage risk in 2023.", "a third",
     SeriesKey("cases_meeting_standard", "cases", "percent", "level", "kent_surrey_sussex/kent")),
    # the pay of a population changing is pay, never its number
    ("Band 3 pay rose 9.2% over the decade.", "9.2%",
     SeriesKey("pay_change", "probation_services_officers", "percent", "change", None)),
    # "people on probation" names who is counted; the predicate what is measured of them
    ("About 41,000 people on probation had an alcohol problem in 2022.", "41,000",
     SeriesKey("drug_misuse", "people_on_probation", "count", "level", None)),
    ("Fewer than 1,900 people on probation were referred to treatment in 2020/21.", "1,900",
     SeriesKey("referrals", "people_on_probation", "count", "level", None)),
    # "people in prison" names who; being on recall is what is counted of them
    ("There are 9,800 people in prison on recall today.", "9,800",
     SeriesKey("recall_population", "recalled_prisoners", "count", "level", None)),
    ("There are 86,000 people in prison.", "86,000",
     SeriesKey("prison_population", "prisoners", "count", "level", None)),
    # ...and a claim whose only predicate is being on probation stays people supervised
    ("There are 238,000 people on probation.", "238,000",
     SeriesKey("people_supervised", "people_on_probation", "count", "level", None)),
])
def test_a_claims_population_and_verb_read_its_metric(extractor, text, mention, key):
    assert (mention, key) in read(extractor, text)


@pytest.mark.parametrize("text", [
    # a count of companies, of people at an event, of hours: no verb of a population makes them a metric
    "21 CRCs were created in 2014.",
    "Some 1,200 probation officers attended the rally in 2019.",
])
def test_a_population_with_no_verb_of_a_reading_stays_unread(extractor, text):
    [(_, key)] = read(extractor, text)
    assert key.metric == "other"


def test_a_speaker_is_never_the_subject(extractor):
    [figure] = read_claim(extractor, "Unite says the 2023 pay offer was worth an average of 4.4% a year.", TODAY)
    assert figure.source == "Unite"
    assert figure.subject is None
    # a pay award is a rise however it is worded (extract/lexicons/measures.yml change_metrics)
    assert figure.key == SeriesKey("pay_award", None, "percent", "change", None)


def test_a_share_of_a_whole_is_the_parts(extractor):
    [(_, key)] = read(extractor, "Probation makes up 28% of the HMPPS workforce.")
    assert key == SeriesKey("staff_in_post", "probation_staff", "percent", "level", None)


def test_pay_asked_for_is_a_target(extractor):
    [(_, key)] = read(extractor, "Napo has a pay claim of 9% for probation staff.")
    assert key == SeriesKey("pay_award", "probation_staff", "percent", "target", None)


def test_pounds_a_population_starts_on_are_its_salary(extractor):
    [(_, key)] = read(extractor, "Newly qualified POs started on £31,420 in 2023/24.")
    assert key == SeriesKey("salary", "probation_officers", "gbp", "level", None)


def test_a_body_before_a_reporting_verb_is_the_speaker_not_the_population(extractor):
    [figure] = read_claim(extractor, "The Ministry of Justice admits probation pay went up by only 5.9% "
                                     "between 2012 and 2022.", TODAY)
    assert figure.source == "MoJ"
    # the service's pay is its staff's (registry/subjects.yml probation_service under_metric)
    assert figure.key == SeriesKey("pay_change", "probation_staff", "percent", "change", None)


@pytest.mark.parametrize("text", [
    "Over 6,000 probation staff signed the union's petition last spring.",
    "Around 900 probation officers attended the Napo rally in 2023.",
])
def test_people_counted_doing_something_once_are_no_staff_figure(extractor, text):
    [(_, key)] = read(extractor, text)
    assert key.metric == "other"
