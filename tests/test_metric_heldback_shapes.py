"""figure_metric (extract/metric.py): invented sentences in the shapes of documents nobody tuned
for (written answers, workforce bulletins, inspection reports, audit reports, union releases,
local news), one class per test, with the metric and the rule that decides it."""
import pytest


def decided(extractor, text):
    """{mention: (metric, rule)} for the figures the component finds in `text` alone."""
    doc = extractor.nlp(text)
    return {s.text: (s._.metric, s._.why["metric"]["rule"]) for s in doc.spans["figures"]}


@pytest.mark.parametrize("text,mention,metric,rule", [
    # the qualifier decides: people in prison on recall are recalls, not the prison population
    ("There were 11,900 people in prison on recall at the end of September.", "11,900", "recall_population",
     "recall_population.on_recall"),
    ("The number of women on recall in custody rose by 18%.", "18%", "recall_population",
     "recall_population.on_recall"),
    # without the qualifier they are the prison population
    ("There were 84,300 people in prison at the end of September.", "84,300", "prison_population",
     "prison_population.prison_population"),
])
def test_the_qualifier_on_recall_decides(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # cumulative pay since a year is pay growth, whatever the verb or the pay word
    ("Probation staff pay has been cut by a fifth since 2010, the union said.", "a fifth", "pay_change",
     "pay_change.pay_grew"),
    ("Salaries have risen by just 9% since 2010 while prices rose 40%.", "9%", "pay_change", "pay_change.pay_grew"),
    ("Salaries have risen by just 9% since 2010 while prices rose 40%.", "40%", "inflation", "inflation.inflation"),
    ("An officer's pay is now worth 19% less than in 2010.", "19%", "pay_change", "pay_change.eroded"),
    # a cue that frames the figure is not the whole a share is of
    ("Pay for new officers has lost a quarter of its value since 2010.", "a quarter", "pay_change",
     "pay_change.eroded"),
])
def test_pay_over_years_in_other_words(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # vacancies stated as a share of the posts are a vacancy rate
    ("Active vacancies accounted for 3.9 per cent of the total posts available.", "3.9 per cent", "vacancy_rate",
     "vacancy_rate.share_of_posts"),
    ("There were 187.5 full time equivalent vacancies, equating to 4.2% of the posts available.", "4.2%",
     "vacancy_rate", "vacancy_rate.share_of_posts"),
    # a noun run the parse splits ("full time | equivalent vacancies") is counted by its last noun
    ("There were 187.5 full time equivalent vacancies, equating to 4.2% of the posts available.", "187.5",
     "vacancies", "vacancies.vacancy"),
    # a change of vacancies is of vacancies, not a vacancy rate
    ("Vacancies rose by 12% in the year.", "12%", "other", "no_cue"),
])
def test_vacancies_in_written_answers(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # the people a service supervises, however counted
    ("Since 2021 the number of offenders supervised by the companies has fallen by 4%.", "4%",
     "people_supervised", "people_supervised.under_supervision"),
    ("Some 3,400 people were on electronic tags at the end of the quarter.", "3,400", "people_supervised",
     "people_supervised.monitored"),
    # no practitioner holds thousands of cases: the service's caseload is the people it supervises
    ("The probation caseload stood at 239,000 at the end of December.", "239,000", "people_supervised",
     "caseload.service_total"),
    ("The average caseload per probation officer in the region is 41.", "41", "caseload", "caseload.caseload"),
])
def test_people_supervised(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # money paid to the providers of a service is spend
    ("Payments made to the rehabilitation companies totalled £2.1 billion.", "£2.1 billion", "spend",
     "spend.payments"),
    ("The department paid the private providers £467 million more than planned.", "£467 million", "spend",
     "spend.payments"),
    # a one-off payment to staff is not
    ("Staff will receive a one-off payment of £1,250.", "£1,250", "pay_award", "pay_award.non_consolidated"),
    # fines and losses have no metric
    ("He was fined £350 and ordered to pay a victim surcharge of £140.", "£350", "other", "no_cue"),
    ("Taxpayers lost at least £171 million when the contracts ended.", "£171 million", "other", "no_cue"),
])
def test_money_paid_out(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # a part counts what its whole counts: no staff word elsewhere makes cases staff
    ("In 17 of the 52 cases inspected, there had been a change of probation practitioner.", "17", "other", "no_cue"),
    # a part of the people a survey asked is what the survey found, the whole its sample
    ("Only 12 of the 41 practitioners we spoke to felt they had enough time.", "12", "survey", "survey.surveyed"),
    ("Only 12 of the 41 practitioners we spoke to felt they had enough time.", "41", "other", "survey.sample"),
    # the verb of a partitive is its part's, not its whole's
    ("Of the 23 newly qualified officers, 6 had already left.", "6", "leavers", "leavers.left_after"),
    ("Of the 23 newly qualified officers, 6 had already left.", "23", "staff_in_post", "staff_in_post.officers"),
])
def test_parts_and_wholes(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # cases allocated to a practitioner are not money allocated
    ("Some 39% of cases had been allocated to a practitioner within the required time.", "39%", "other", "no_cue"),
    ("The ministry allocated £12 million to the scheme.", "£12 million", "funding", "funding.allocated"),
    # the ends of a pay band are salaries
    ("The maximum of band 4 will rise to £43,500 from April.", "£43,500", "salary", "salary.band_ends"),
])
def test_words_of_money_and_pay(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)
