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


@pytest.mark.parametrize("text,mention,metric,rule", [
    # the subject of a verb of level says what the figure is the level of, whatever a clause
    # after it names
    ("The prison population reached 86,500 in May, of whom 12,900 were recalled offenders.", "86,500",
     "prison_population", "prison_population.prison_population"),
    ("The number of probation officers stood at 4,700 in June, despite a recruitment drive that took on 900 "
     "trainees.", "4,700", "staff_in_post", "staff_in_post.number_of_staff"),
    ("The caseload of each officer was 49, according to the workload measurement tool.", "49", "caseload",
     "caseload.caseload"),
])
def test_the_subject_of_a_level(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # a staffing level set as a target is not the staff in post nor a shortage
    ("Against a target headcount of 5,900, the region is short of 1,100 officers.", "5,900", "other",
     "other.target_level"),
    # the share of its target a unit is staffed at is the staff in post
    ("The delivery unit was staffed at 68% of its target level.", "68%", "staff_in_post",
     "staff_in_post.staffing"),
])
def test_staffing_targets(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # a word qualifying one figure alone is that figure's: the awards of each year are awards,
    # their cumulative total is pay growth
    ("The offer is worth 4% this year and 3% next year, a cumulative 7.1% over two years.", "4%", "pay_award",
     "pay_award.offer"),
    ("The offer is worth 4% this year and 3% next year, a cumulative 7.1% over two years.", "3%", "pay_award",
     "pay_award.offer"),
    ("The offer is worth 4% this year and 3% next year, a cumulative 7.1% over two years.", "7.1%", "pay_change",
     "pay_change.cumulative"),
    ("The two-year deal gives 5% in 2023 and 4% in 2024, a compound rise of 9.2%.", "5%", "pay_award",
     "pay_award.award"),
    ("The two-year deal gives 5% in 2023 and 4% in 2024, a compound rise of 9.2%.", "9.2%", "pay_change",
     "pay_change.cumulative"),
    # but the noun another figure is "of" names what a share is about
    ("Two-thirds of the officers we met had a caseload of more than 60.", "Two-thirds", "caseload",
     "caseload.caseload"),
])
def test_a_qualifier_of_one_figure(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # a clause restricting the subject qualifies it: offenders on licence who were recalled
    ("The number of offenders on licence who were recalled to custody rose by 7% to 31,900.", "31,900",
     "recall_population", "recall_population.recall"),
    # cases counted per officer, whatever the participle between
    ("The number of cases held per probation officer in the region averaged 44.", "44", "caseload",
     "caseload.cases_per"),
    # a share of the people supervised is what it says of them; a change of their number is theirs
    ("The employment rate of people on probation six weeks after release was 19%.", "19%", "other",
     "people_supervised.share_of_them"),
    ("The number of people on probation fell by 3% in the year.", "3%", "people_supervised",
     "people_supervised.on_probation"),
])
def test_what_a_written_answer_counts(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # the earlier value a level is compared with is a value of the same level
    ("The county's probation team supervises 4,300 offenders, up from 3,900 in 2019.", "3,900",
     "people_supervised", "earlier_value.of_level"),
    ("There are 14 probation officers in the Grimsby office, down from 23 three years ago.", "23",
     "staff_in_post", "earlier_value.of_level"),
])
def test_an_earlier_value_of_a_level(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # what the members asked did is a ballot's result, though the members are the share's whole
    ("The union says 93% of members rejected the offer.", "93%", "ballot", "ballot.members_voted"),
    # pay that will rise by a share is an award; what it will rise to is a salary
    ("Pay points at band 3 will rise by 5.5%, to £29,400.", "5.5%", "pay_award", "pay_award.rise_ahead"),
    ("Pay points at band 3 will rise by 5.5%, to £29,400.", "£29,400", "salary", "salary.salary"),
    ("Overall pay will rise by 4.25% in 2025-26.", "4.25%", "pay_award", "pay_award.rise_ahead"),
    # pay that has risen since a year is pay growth
    ("Since 2010, probation officer pay has risen by 11% against inflation of 45%.", "11%", "pay_change",
     "pay_change.pay_grew"),
])
def test_union_releases(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)
