"""Level, change or target (extract/measures.py, extract/lexicons/measures.yml): invented
sentences of each class of words, with the measure and direction each figure gets."""
import pytest

from extract.measures import classify_measure


def _measures(extractor, text):
    return {f.text: (f._.measure, f._.direction) for f in extractor.nlp(text).spans["figures"]}


@pytest.mark.parametrize("text, mention, expected", [
    # a shortfall, shortage or gap is a level of the gap: the "fall" of "shortfall" is no fall
    ("The region faces a shortfall of 820 probation officers against its target staffing.", "820", ("level", None)),
    ("There is an estimated shortage of 2,400 staff in the service.", "2,400", ("level", None)),
    ("A gap of 950 officers remains between staff in post and the required level.", "950", ("level", None)),
    ("The Midlands has 640 fewer probation officers than it needs.", "640", ("level", None)),
    ("The division had 75 officers fewer than planned.", "75", ("level", None)),
    # a comparative with its difference is a change: "fewer (by 41)", "higher by 3%"
    ("There were 2,910 officers in post, slightly fewer (by 41 or 1.4%) than at 31 March.", "41", ("change", "-")),
    ("There were 2,910 officers in post, slightly fewer (by 41 or 1.4%) than at 31 March.", "1.4%", ("change", "-")),
    ("The leaving rate was higher by 2.3% than a year earlier.", "2.3%", ("change", "+")),
    # a fall is still a fall
    ("Staff in post fell by 120 in the quarter.", "120", ("change", "-")),
    ("There was a fall of 6% in recruits.", "6%", ("change", "-")),
    # a second change joined to the first: "and of 118"
    ("There were 1,940 PSOs, an increase of 96 since March and of 118 since June.", "118", ("change", "+")),
    ("Leavers were down 4% on the quarter and by 9% on the year.", "9%", ("change", "-")),
    ("There were 1,940 PSOs in March and 2,010 in June.", "2,010", ("level", None)),
    # what is needed or demanded is a target, not a change that happened
    ("To catch up with 2010, staff would need a 41% pay rise.", "41%", ("target", None)),
    ("The region needs another 320 probation officers.", "320", ("target", None)),
    ("The unions lodged a joint claim for a 9% pay increase in 2026.", "9%", ("target", None)),
    ("The offer falls far short of our claim of 9%.", "9%", ("target", None)),
    # a change qualified as small is still a change
    ("Pay has risen by only 9% since 2010.", "9%", ("change", "+")),
    ("Caseloads fell by just 3% last year.", "3%", ("change", "-")),
])
def test_the_measure_of_gaps_and_comparatives(extractor, text, mention, expected):
    assert _measures(extractor, text)[mention] == expected


@pytest.mark.parametrize("before, after, expected", [
    ("an overall shortfall of ", " officers", ("level", None)),
    ("a windfall of ", " pounds", ("level", None)),
    ("a sharp fall of ", " officers", ("change", "-")),
    ("the enterprise of ", " staff", ("level", None)),
    ("a rise of ", " staff", ("change", "+")),
    ("there are ", " fewer officers than required", ("level", None)),
    ("there are ", " fewer officers than last year", ("change", "-")),
])
def test_change_words_are_whole_words(before, after, expected):
    assert classify_measure(before, after) == expected


def test_a_level_of_a_pay_rise_is_a_change(extractor):
    from extract.measures import measure_under_metric
    assert measure_under_metric("pay_change", "level") == "change"
    assert measure_under_metric("pay_award", "target") == "target"
    assert measure_under_metric("staff_in_post", "level") == "level"
    [stats] = extractor.extract([_document("The cumulative value of probation pay rises since 2010 is only 9.1%.")])
    assert [(s.mention, s.metric, s.measure) for s in stats] == [("9.1%", "pay_change", "change")]


def _document(text):
    from claims.query.claim_reader import claim_document
    return claim_document(text)
