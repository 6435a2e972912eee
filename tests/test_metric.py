"""figure_metric (extract/metric.py): one invented sentence per mechanism, with the metric and
the rule that decides it."""
import re

import pytest

from ingest.model import Document, Passage


def metrics_of(extractor, text):
    doc = Document(text=text, file_start=0, source="PAC", published="2026-02-05",
                   passages=[Passage("paragraph", 0, len(text), source="PAC")])
    [stats] = extractor.extract([doc])
    return {s.mention: s.metric for s in stats}


def test_every_cue_has_an_id_and_ids_are_unique():
    from extract.metric import cue_table
    cues, patterns = cue_table()
    ids = [c.id for c in cues]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z_]+\.[a-z_]+", i) for i in ids)
    assert "funding.invest" in ids


@pytest.mark.parametrize("unit,sentence,mention,metric", [
    # cues match whole words: "invest" is not inside "investigation", "fund" not in "fundamental"
    ("gbp", "The investigation cost £2m.", "£2m", "cost"),
    ("gbp", "The government is investing £20m in probation.", "£20m", "funding"),
    ("gbp", "The fundamental review cost £3m.", "£3m", "cost"),
    # a name is not a cue: "Grant" with a capital is a person
    ("gbp", "Mr Grant said probation spent £5m on it.", "£5m", "spend"),
    ("gbp", "A grant of £5m was announced.", "£5m", "funding"),
])
def test_cues_match_whole_words(unit, sentence, mention, metric):
    from extract.metric import classify
    start = sentence.index(mention)
    assert classify(unit, start, start + len(mention), sentence).metric == metric


@pytest.mark.parametrize("text,mention,metric", [
    ("Officers hold 60 cases each.", "60", "caseload"),
    ("The region had 300 fewer officers than it required.", "300", "staff_shortage"),
    ("Only 40% of those interviewed said they felt safe.", "40%", "survey"),
    ("There are 240,000 people on probation in England.", "240,000", "people_supervised"),
    ("The remand population reached 17,000 last year.", "17,000", "prison_population"),
    ("The service carried out 4,000 drug tests in the year.", "4,000", "testing"),
    ("The service took on 1,200 starters in the year.", "1,200", "recruitment"),
])
def test_common_nouns_name_their_metric(extractor, text, mention, metric):
    assert metrics_of(extractor, text)[mention] == metric


def test_the_figures_own_clause_wins_over_another_clause(extractor):
    text = ("The service has been recruiting more officers, but it found it had underestimated "
            "the number of staff required by about a third.")
    assert metrics_of(extractor, text)["a third"] == "staff_shortage"


def test_a_bracketed_figure_restates_the_one_before_it(extractor):
    text = "The service underestimated the staff it required by around a third (3,100 staff)."
    got = metrics_of(extractor, text)
    assert (got["a third"], got["3,100"]) == ("staff_shortage", "staff_shortage")


@pytest.mark.parametrize("text,mention,metric", [
    # staff needed are a shortage; a share of the staff needed is the staff in post
    ("Another 900 staff are needed in the region.", "900", "staff_shortage"),
    ("The region is working with half the staff needed.", "half", "staff_in_post"),
    # people interviewed are not staff in post
    ("Two-thirds of the officers interviewed felt unsafe.", "Two-thirds", "survey"),
    # prison leavers are not staff who left, and employing them is not staffing
    ("Only 17% of prison leavers were employed after six months.", "17%", "other"),
])
def test_staff_words(extractor, text, mention, metric):
    assert metrics_of(extractor, text)[mention] == metric


@pytest.mark.parametrize("text,mention,metric", [
    ("Staff will receive a 4% pay award from April.", "4%", "pay_award"),
    ("The cumulative value of pay rises from 2010 to 2023 is only 7.6%.", "7.6%", "pay_change"),
    ("Officers would need a 30% pay rise to restore real-terms pay.", "30%", "pay_change"),
    ("The offer includes a 3% cost of living increase.", "3%", "pay_award"),
    ("An increase on all pay points of 2% was agreed.", "2%", "pay_award"),
])
def test_pay_vocabulary(extractor, text, mention, metric):
    assert metrics_of(extractor, text)[mention] == metric


def test_a_change_takes_the_metric_of_its_level(extractor):
    text = "The leaving rate of officers was 9.1%. This is a decrease of 0.8 percentage points on the year."
    got = metrics_of(extractor, text)
    assert (got["9.1%"], got["0.8 percentage points"]) == ("leavers", "leavers")


def test_a_share_takes_the_metric_of_its_part_not_its_whole(extractor):
    text = "The recall population stood at 13,000, some 15% of the prison population."
    assert metrics_of(extractor, text)["15%"] == "recall_population"


def test_the_component_alone_records_its_reason(extractor):
    doc = extractor.nlp("There were 464 probation officer vacancies.")
    [span] = doc.spans["figures"]
    assert span._.metric == "vacancies"
    assert span._.why["metric"] == {"rule": "vacancies.vacancy", "words": "vacancies"}
    doc = extractor.nlp("The report gave ten reasons in 2021.")
    [span] = doc.spans["figures"]
    assert (span._.metric, span._.why["metric"]["rule"]) == ("other", "counted_noun.unmeasured")


def test_the_component_declares_what_it_reads_and_writes(extractor):
    analysis = extractor.nlp.analyze_pipes(pretty=False)
    assert analysis["summary"]["figure_metric"]["assigns"] == ["span._.metric", "span._.why"]
    assert "span._.measure" in analysis["summary"]["figure_metric"]["requires"]
    assert analysis["problems"]["figure_metric"] == []
    assert analysis["problems"]["figure_measure"] == []


@pytest.mark.parametrize("text,mention,metric", [
    # a denominator does not take its numerator's metric
    ("The service met seven out of 27 performance targets.", "27", "targets_total"),
    # staff moved between employers are a transfer, not the staff in post
    ("In April, 2,500 staff were transferred from the companies to the service.", "2,500", "other"),
    ("There are only 5,000 members of staff in the role.", "5,000", "staff_in_post"),
    ("The region had underestimated its staff by around 40% (around 900 staff).", "900", "staff_shortage"),
])
def test_wholes_transfers_and_restatements(extractor, text, mention, metric):
    got = metrics_of(extractor, text)
    assert got[mention] == metric, got


def test_a_list_item_takes_pay_growth_from_its_introduction(extractor):
    text = ("Here is how probation pay compares with other staff in the increases in the value of their pay since 2010:\n"
            "Police Staff: 8%")
    assert metrics_of(extractor, text)["8%"] == "pay_change"


def test_a_drop_after_a_share_of_targets_is_not_their_total(extractor):
    text = "In 2024-25 the service met only 26% of its targets, a drop of 24 percentage points since 2021-22."
    got = metrics_of(extractor, text)
    assert (got["26%"], got["24 percentage points"]) == ("targets_met", "targets_met")


@pytest.mark.parametrize("text,mention,metric", [
    # a count of cases is not a count of the staff named beside it
    ("Managers and staff agreed that 45 cases is the maximum for one officer.", "45", "caseload"),
    ("The team now has 45 staff.", "45", "staff_in_post"),
    ("My salary should be increased by 25%.", "25%", "pay_award"),
])
def test_a_count_is_of_its_own_noun(extractor, text, mention, metric):
    assert metrics_of(extractor, text)[mention] == metric


def test_time_measuring_work_to_do_is_a_workload(extractor):
    got = metrics_of(extractor, "An officer has nine days’ worth of work to do in a five-day week.")
    assert got == {"nine days": "workload", "five-day": "duration"}


@pytest.mark.parametrize("text,mention,metric", [
    # the phrase after a counted noun says what it is: "people on remand", "members of staff"
    ("There are 12,000 people on remand.", "12,000", "prison_population"),
    ("The union has 9,000 members.", "9,000", "union_membership"),
    ("There are only 5,000 members of staff in the role.", "5,000", "staff_in_post"),
    # but interviews with officers are not officers
    ("We conducted 57 interviews with probation officers.", "57", "other"),
    ("A total of 350 staff left the service in the quarter.", "350", "leavers"),
    ("Prices rose by 10.1% in the year.", "10.1%", "inflation"),
])
def test_what_a_counted_noun_is(extractor, text, mention, metric):
    assert metrics_of(extractor, text)[mention] == metric


@pytest.mark.parametrize("text,mention,metric", [
    # what a copula says a count is: the sentence's subject names it
    ("The average caseload for a probation officer was 41 cases.", "41", "caseload"),
    ("Just 2 of the 12 regions met the target.", "2", "targets_met"),
    ("Probation officers start on £31,000.", "£31,000", "salary"),
    # 'paid' alone is not pay: a price paid is a cost
    ("Each guest paid a fee of £90.", "£90", "cost"),
])
def test_copulas_targets_and_pay_points(extractor, text, mention, metric):
    assert metrics_of(extractor, text)[mention] == metric
