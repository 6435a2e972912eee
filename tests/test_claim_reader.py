"""The claim reader (claims/query/claim_reader.py): a claim as people quote a figure is read
into the series a stored statistic of the same figure has. Invented claims, one class each."""
from datetime import date

import pytest

from claims.query.claim_reader import read_claim
from claims.query.conflicts import same_period
from claims.query.series import SeriesKey

TODAY = date(2026, 1, 15)


def read(extractor, text):
    return [(f.mention, f.key) for f in read_claim(extractor, text, TODAY)]


@pytest.mark.parametrize("text,mention,key", [
    # a number grouped in thousands after a label word is a quantity, never "year 4" or "number 10"
    ("Last year 3,912 band 4 probation officers were in post.", "3,912",
     SeriesKey("staff_in_post", "probation_officers", "count", "level", None)),
    ("Probation Service staff in post number 18,240.", "18,240",
     SeriesKey("staff_in_post", "probation_staff", "count", "level", None)),
    # the metric of a phrase: posts said to be vacant, a few words apart, are a vacancy rate
    ("In 2023, 31 per cent of probation officer posts in Kent were vacant.", "31 per cent",
     SeriesKey("vacancy_rate", "probation_officers", "percent", "level", "kent_surrey_sussex/kent")),
    # officers said to be overworked: a workload
    ("Seven out of 10 probation officers were overworked in 2021.", "Seven out of 10",
     SeriesKey("workload", "probation_officers", "percent", "level", None)),
    # people who worked for a body are its staff in post
    ("About 61,000 people worked for HMPPS in March 2021.", "61,000",
     SeriesKey("staff_in_post", "hmpps_staff", "count", "level", None)),
    # a count of recalled prisoners read as no metric is the recall population (registry metric_of)
    ("There were 6,100 prisoners on recall in June 2016.", "6,100",
     SeriesKey("recall_population", "recalled_prisoners", "count", "level", None)),
    # "probation" naming no population: the service's own population for the metric
    ("In March 2024 there were 512 FTE probation vacancies in the North West region.", "512",
     SeriesKey("vacancies", "probation_staff", "count", "level", "north_west")),
    ("The government spent around £1.1bn on probation in 2022-23.", "£1.1bn",
     SeriesKey("spend", "probation_service", "gbp", "level", None)),
    # the targets of the service are the performance targets it meets
    ("The Probation Service met a third of its performance targets in 2023.", "a third",
     SeriesKey("targets_met", "performance_targets", "percent", "level", None)),
    # the verbs and nouns people quote figures with, in any tense (extract/lexicons/metrics.yml)
    ("Probation officer numbers rose 4% in 2019.", "4%",
     SeriesKey("staff_in_post", "probation_officers", "percent", "change", None)),
    ("About 14% of probation staff quit in 2021-22.", "14%",
     SeriesKey("leavers", "probation_staff", "percent", "level", None)),
    ("Probation staff are leaving at a rate of 13% a year.", "13%",
     SeriesKey("leavers", "probation_staff", "percent", "level", None)),
    # the people a service supervises are people on probation, the population it counts
    ("Probation supervised 230,000 people in 2019.", "230,000",
     SeriesKey("people_supervised", "people_on_probation", "count", "level", None)),
    ("Unison represented 6,000 probation workers in 2018.", "6,000",
     SeriesKey("union_membership", "probation_staff", "count", "level", None)),
    ("Probation officers' pay is up 12% since 2010.", "12%",
     SeriesKey("pay_change", "probation_officers", "percent", "change", None)),
    ("Over 18,000 people work in the Probation Service.", "18,000",
     SeriesKey("staff_in_post", "probation_staff", "count", "level", None)),
    # a union's membership counts its members, whatever the claim calls them
    ("Napo has around 7,000 members.", "7,000",
     SeriesKey("union_membership", "union_members", "count", "level", None)),
    # a figure with no cue compared with one that has ("with", "compared with", "while")
    # measures the same (extract/metric.py comparison.sibling); a workload is of capacity
    ("The national average stands at 108.2%, with London working at 121.3%.", "108.2%",
     SeriesKey("workload", "workload", "percent", "level", "england_and_wales")),
    # "staff" alone, with no body but "probation" named: the service's staff
    ("Probation is short of an estimated 2,600 staff.", "2,600",
     SeriesKey("staff_shortage", "probation_staff", "count", "level", None)),
    ("HMPPS is short of 2,600 staff.", "2,600",
     SeriesKey("staff_shortage", "hmpps_staff", "count", "level", None)),
])
def test_a_claim_is_read_into_its_series(extractor, text, mention, key):
    assert (mention, key) in read(extractor, text)


def test_a_label_number_is_still_no_figure(extractor):
    assert read(extractor, "The band 4 grade was created in year 2.") == []


def test_more_work_for_the_service_is_no_count_of_its_staff(extractor):
    [(mention, key)] = read(extractor, "Releasing 5,000 offenders early meant more work for the probation service.")
    assert key.metric != "staff_in_post"


@pytest.mark.parametrize("a,b,same", [
    ("2022-03-31", "2022-03", True),   # a day of a month: the month-end level
    ("2024", "2024/25", True),         # a year and a financial year: one year
    ("2023-06", "2023-06", True),
    ("2023", "2023-03", False),        # a year and a month of it: both may be right
    ("2023", "2024", False),           # no overlap
    (None, "2023", False),
])
def test_a_conflict_is_of_one_period(a, b, same):
    assert same_period(a, b) is same


@pytest.mark.parametrize("text,source", [
    ("The inspectorate found that 19% of probation officer posts were vacant in 2022.", "HMIP"),
    ("The vacancy rate for probation officers was 19% in 2022, the Public Accounts Committee found.", "PAC"),
    ("The vacancy rate for probation officers was 19% in 2022, says the NAO.", "NAO"),
    ("The vacancy rate for probation officers was 19% in 2022, Unison claims.", "UNISON"),
    # no body named: a union, a spokesman, nobody
    ("The vacancy rate for probation officers was 19% in 2022, the union said.", None),
    ("The vacancy rate for probation officers was 19% in 2022, a spokesman said.", None),
])
def test_a_claims_speaker_is_the_body_its_reporting_verb_names(extractor, text, source):
    [figure] = read_claim(extractor, text, TODAY)
    assert figure.source == source


def test_a_figure_compared_with_nothing_measured_keeps_no_metric(extractor):
    [(mention, key)] = read(extractor, "The figure stood at 108.2% in 2021.")
    assert key.metric == "other"
