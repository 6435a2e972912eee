"""figure_metric (extract/metric.py): invented sentences for the mechanisms that decide what a
figure counts, each with the metric and the rule that decides it."""
import pytest


def decided(extractor, text):
    """{mention: (metric, rule)} for the figures the component finds in `text` alone."""
    doc = extractor.nlp(text)
    return {s.text: (s._.metric, s._.why["metric"]["rule"]) for s in doc.spans["figures"]}


@pytest.mark.parametrize("text,mention,metric,rule", [
    # an age is not a duration (GUIDELINES: ages are metric other)
    ("The victim was a 14-year-old girl from Leeds.", "14-year", "other", "unit.age"),
    ("She had supervised men aged 19 for years.", "19", "other", "no_cue"),
    # time lost to sickness is an absence figure
    ("Sickness absence averaged 14 days per officer last year.", "14 days", "other", "time.sickness_absence"),
    # time measuring work to do is a workload
    ("The average officer has seven days’ work to do in a five-day week.", "seven days", "workload",
     "workload.worth_of_work"),
])
def test_time_figures(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # absence is not staffing nor a shortage, whatever else the sentence names
    ("Sickness absence rose to 6% of working time, despite staff shortages.", "6%", "other", "other.sickness"),
    # new money is funding
    ("The charity helped the council secure an additional £3 million for housing.", "£3 million", "funding",
     "funding.additional"),
    ("The ministry allocated £40m to the new service.", "£40m", "funding", "funding.allocated"),
    # staff who came over from another employer are a transfer
    ("In 2021 some 5,000 staff from the companies came together with the public service.", "5,000", "other",
     "other.transfer"),
    # a change of "performance" is of its performance against its measures
    ("Performance fell by 12 percentage points compared with the year before.", "12 percentage points",
     "targets_met", "targets_met.performance"),
    ("The service met 9 of its 20 key performance indicators.", "9", "targets_met", "targets_met.indicators"),
])
def test_class_words(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


def test_a_count_of_coordinated_nouns_is_of_its_own_noun(extractor):
    got = decided(extractor, "The merger affected 150,000 people on probation and 9,000 staff.")
    assert got["150,000"] == ("people_supervised", "people_supervised.on_probation")
    assert got["9,000"] == ("staff_in_post", "staff_in_post.staff_count")


def test_the_noun_counted_lies_past_grade_words(extractor):
    got = decided(extractor, "In the year, 1,250 band 3 to 4 officers were recruited.")
    assert got["1,250"] == ("recruitment", "recruitment.recruit")


@pytest.mark.parametrize("text,mention,metric,rule", [
    # the people asked are a sample; what a share of them said is the survey's finding
    ("Of the 800 officers surveyed, 55% said they were stressed.", "800", "other", "survey.sample"),
    ("Of the 800 officers surveyed, 55% said they were stressed.", "55%", "survey", "survey.surveyed"),
    ("A third of 1,500 staff interviewed felt unsafe at work.", "1,500", "other", "survey.sample"),
])
def test_people_asked_are_the_sample(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


@pytest.mark.parametrize("text,mention,metric,rule", [
    # the second figure of a list shares the first's cue
    ("Two regions were working at 131% and 119% respectively.", "119%", "workload", "list.sibling"),
    # a unit word parsed as the counted noun ("0.5 percentage" cut at a line end) counts nothing
    ("The leaving rate was 8.4%. This is a rise of 0.5 percentage", "0.5", "leavers", "leavers.left@context"),
])
def test_lists_and_unit_words(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


def test_a_pay_scale_row_states_the_bands_salary(extractor):
    text = "The offer was put to members in May.\nBand 4 £34,120 5%\nBand 6 £420"
    got = decided(extractor, text)
    assert got["£34,120"] == ("salary", "pay.band_point")
    # an amount far below a salary is not the band's salary
    assert got["£420"][1] != "pay.band_point"


@pytest.mark.parametrize("text,mention,metric,rule", [
    # a change of a count by how many times over takes the count's metric
    ("The number of people recalled to prison has doubled since 2015.", "doubled", "recall_population",
     "recall_population.recall"),
    ("Leavers are three times higher than in 2019.", "three times", "leavers", "leavers.left"),
    # occasions are not a metric's
    ("The panel sat eight times in the year.", "eight times", "other", "unit.other"),
])
def test_times_over(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)


def test_a_short_line_borrows_the_nearest_cue_first(extractor):
    # the heading just above a table row names it, not a heavier cue paragraphs away
    filler = "The inspectorate visited every region and spoke with managers about their plans. " * 5
    text = ("The vacancy rate was the highest on record. " + filler + "\n"
            "Leavers by grade in the year.\nFigures are for permanent contracts.\n\nBand 3: 12%.\n\nBand 4: 9%.")
    got = decided(extractor, text)
    assert got["12%"] == ("leavers", "leavers.left@context")
    assert got["9%"] == ("leavers", "leavers.left@context")


@pytest.mark.parametrize("text,mention,metric,rule", [
    # a change of a counted noun counts what its level counts
    ("The caseload per officer fell to 38, a drop of 4 cases.", "4", "caseload", "change.of_level"),
    # the people a survey asked are its sample, whatever else they are
    ("Napo's survey of 1,200 members found 70% were considering leaving.", "1,200", "other", "survey.sample"),
    # staff counted at an event are the event's
    ("About 1,000 staff went on strike on Tuesday.", "1,000", "other", "other.event"),
    ("Around 250 probation staff attended the conference.", "250", "other", "other.event"),
])
def test_changes_samples_and_events(extractor, text, mention, metric, rule):
    assert decided(extractor, text)[mention] == (metric, rule)
