"""Each written form of a figure, with the exact fields it gets."""
import pytest

from ingest.model import Document, Passage


def extract(extractor, text, published="2026-02-05", source="PAC", kind="paragraph"):
    doc = Document(text=text, file_start=0, source=source, published=published,
                   passages=[Passage(kind, 0, len(text), source=source)])
    [stats] = extractor.extract([doc])
    return [(s.mention, s.value, s.value_high, s.unit, s.comparator) for s in stats], stats


def fields(stat):
    return {k: getattr(stat, k) for k in ("mention", "value", "value_high", "unit", "comparator",
                                           "metric", "period", "year", "period_from_publication",
                                           "source")}


def test_two_figures_two_periods(extractor):
    _, [a, b] = extract(extractor, "The vacancy rate for probation officers increased from 14% in 2021 to 21% in 2025.")
    assert fields(a) == dict(mention="14%", value=14, value_high=None, unit="percent", comparator="=",
                             metric="vacancy_rate", period="2021", year=2021,
                             period_from_publication=False, source="PAC")
    assert (b.mention, b.value, b.period, b.year, b.metric) == ("21%", 21, "2025", 2025, "vacancy_rate")


def test_as_at_date_and_changes_since(extractor):
    text = ("As at 30 September 2020, there were 3,550 Full Time Equivalent (FTE) band 4 probation "
            "officers in post, up 192 (5.7%) since 30 September 2019.")
    _, stats = extract(extractor, text, published="2021-04-23", source="Justice Committee")
    got = [(s.mention, s.value, s.unit, s.metric, s.period, s.year) for s in stats]
    assert got == [
        ("3,550", 3550, "count", "staff_in_post", "2020-09-30", 2020),
        ("192", 192, "count", "staff_in_post", "2019-09-30..2020-09-30", 2020),
        ("5.7%", 5.7, "percent", "staff_in_post", "2019-09-30..2020-09-30", 2020),
    ]
    assert "band 4 probation officers" not in [s.mention for s in stats]  # a grade label


def test_ratio_of_targets_and_relative_years(extractor):
    text = ("Last year, the service met just seven of its 27 performance targets. "
            "Three years earlier it was meeting half of its targets.")
    _, stats = extract(extractor, text)
    got = [(s.mention, s.value, s.unit, s.metric, s.year) for s in stats]
    assert got == [("seven", 7, "count", "targets_met", 2025), ("27", 27, "count", "targets_total", 2025),
                   ("half", 50, "percent", "targets_met", 2022)]


@pytest.mark.parametrize("text,expected", [
    ("In 2024-25, HMPPS spent £1.34bn on the Probation Service.", ("£1.34bn", 1340000000, None, "gbp", "=")),
    ("Starting salaries rose to £35,130 by 2024/25.", ("£35,130", 35130, None, "gbp", "=")),
    ("The government is investing up to £700m in probation.", ("£700m", 700000000, None, "gbp", "<")),
    ("Six years and half a billion pounds of taxpayers’ money poured away.", ("half a billion pounds", 500000000, None, "gbp", "=")),
    ("Workloads are high, with 60 per cent of officers over target.", ("60 per cent", 60, None, "percent", "=")),
    ("Forty-two percent had caseloads over 60.", ("Forty-two percent", 42, None, "percent", "=")),
    ("Two-thirds of the CRC staff we interviewed were stressed.", ("Two-thirds", 66.7, None, "percent", "=")),
    ("Less than a third are in a union.", ("a third", 33.3, None, "percent", "<")),
    ("Just over half the cases met this standard.", ("half", 50, None, "percent", ">")),
    ("Just one in six of the sample were tested.", ("one in six", 16.7, None, "percent", "=")),
    ("Six out of 10 magistrates said they were not confident.", ("Six out of 10", 60, None, "percent", "=")),
    ("Areas were scoring teen% yet leadership was rated strong.", ("teen%", 13, 19, "percent", "=")),
    # a range of money is its low end and its high end, however it is written
    ("In cash terms, all staff will receive between £3772 and £1405.", ("between £3772 and £1405", 1405, 3772, "gbp", "=")),
    ("The contracts are valued at between £5bn and £20bn.", ("between £5bn and £20bn", 5e9, 2e10, "gbp", "=")),
    # a part out of a whole that is not a base of ten: two counts
    ("Still 14 out of 21 CRCs are forecasting losses.", ("21", 21, None, "count", "=")),
    ("It was rated lowest in eight out of nine areas.", ("eight", 8, None, "count", "=")),
    ("Some officers managed upwards of 70 cases.", ("70", 70, None, "count", ">")),
    ("It estimates that almost 75,000 have a drugs problem.", ("75,000", 75000, None, "count", "~")),
    ("There were over 600 vacancies reported.", ("600", 600, None, "count", ">")),
    ("Staff agreed that between 50 and 60 cases is the maximum.", ("between 50 and 60", 50, 60, "count", "=")),
    ("We were finding probation officers with 70 or 80 cases.", ("70 or 80", 70, 80, "count", "=")),
    ("That averages around 1–1.5% per year.", ("1–1.5%", 1, 1.5, "percent", "~")),
    ("The EIP sat eight times to appraise interventions.", ("eight times", 8, None, "times", "=")),
    ("Staff carry workloads of 150% or more of their capacity.", ("150%", 150, None, "percent", ">")),
    ("It will take an estimated 18 months to reach the model.", ("18 months", 18, None, "months", "~")),
    ("The 56-day recall cap is sold as relief.", ("56-day", 56, None, "days", "=")),
    ("They can take anywhere between 15 months and two years.", ("between 15 months and two years", 15, 24, "months", "=")),
    ("A decade of pay progression worth roughly 7–10% against an 80%+ rise in living costs.", None),
])
def test_written_forms(extractor, text, expected):
    got, _ = extract(extractor, text)
    if expected is None:
        assert got == [("A decade", 10, None, "years", "="), ("7–10%", 7, 10, "percent", "~"),
                       ("80%", 80, None, "percent", ">")]
    else:
        assert expected in got


@pytest.mark.parametrize("text", [
    "Band 4 (PO's) and band 3 staff were regraded in 2021.",
    "As of 8 December 2020, the figures were published.157",
    "Myth 1: CBF is separate from the pay award",
    "1. Work your hours.",
    "The reliance on early release schemes (SDS40) and CAS-3 referrals and Covid-19.",
    "Q201 [Amy Rees] gave evidence (PRO0008) at 1pm, call 07788 118005, see p 4.",
    "Latest From Napo 226",
    "Chapter Seven on the Review makes this clear.",
    "Three years earlier it was different, and ten or fifteen years ago too.",
    "I heard there is anger at one person or one union, available 24/7.",
    "These two rely on our performance for their pay.",
])
def test_not_figures(extractor, text):
    got, _ = extract(extractor, text)
    assert got == []


def test_speaker_attribution_inside_a_committee_paragraph(extractor):
    text = ("Commenting on staffing, HM Inspectorate of Probation told us that “Our inspections found "
            "that more than half of staff interviewed in 2019 said this was a problem.” As of 8 "
            "December 2020, there were 464 probation officer vacancies.")
    _, [half, vacancies] = extract(extractor, text, published="2021-04-23", source="Justice Committee")
    assert (half.mention, half.source, half.year, half.comparator) == ("half", "HMIP", 2019, ">")
    assert (vacancies.mention, vacancies.source, vacancies.metric, vacancies.period) == (
        "464", "Justice Committee", "vacancies", "2020-12-08")


def test_no_date_falls_back_to_publication(extractor):
    _, [stat] = extract(extractor, "Probation officers are working at 118% capacity.")
    assert (stat.period, stat.year, stat.period_from_publication, stat.metric) == (
        "2026-02-05", 2026, True, "workload")


def test_footnote_markers_are_not_read(extractor):
    text = "As of 8 December 2020, there were 464 probation officer vacancies.157"
    from ingest.committee import find_footnote_markers
    doc = Document(text=text, file_start=0, source="Justice Committee", published="2021-04-23",
                   passages=[Passage("paragraph", 0, len(text), source="Justice Committee",
                                     footnote_refs=find_footnote_markers(text))])
    [stats] = extractor.extract([doc])
    assert [(s.mention, s.sentence) for s in stats] == [
        ("464", "As of 8 December 2020, there were 464 probation officer vacancies.")]


def test_components_are_registered(extractor):
    names = extractor.nlp.pipe_names
    assert names[-6:] == ["figure_finder", "figure_period", "figure_subject", "figure_measure",
                          "figure_metric", "figure_source"]
    doc = extractor.nlp("There were 464 probation officer vacancies.")
    [span] = doc.spans["figures"]
    assert (span._.value, span._.unit, span._.metric) == (464, "count", "vacancies")
    assert span._.subject == "probation officer vacancies"
    # used alone, the finder reads the dates itself: a year is a period, not a figure
    doc = extractor.nlp("In 2021 there were 464 probation officer vacancies.")
    assert [(s.text, s._.year) for s in doc.spans["figures"]] == [("464", 2021)]


def test_only_sentences_with_a_kept_figure_are_parsed(extractor, monkeypatch):
    """A sentence whose only number is a label ("band 4") or a pronoun ("one") never goes
    through the trained components; it keeps a flat parse, and the figure after it is read."""
    parsed = []
    pipe = extractor.nlp.pipe

    def spy(docs, **kwargs):
        docs = list(docs)
        parsed.extend(doc.text for doc in docs)
        return pipe(docs, **kwargs)
    monkeypatch.setattr(extractor.nlp, "pipe", spy)
    got, _ = extract(extractor, "Band 4 staff met one of the managers. There were 464 probation officer vacancies.")
    assert parsed == ["There were 464 probation officer vacancies."]
    assert [g[0] for g in got] == ["464"]


def test_pipeline_runs_on_the_faster_matrix_multiplication(extractor):
    from threadpoolctl import threadpool_info

    from extract.blas import use_blis
    for name in ("tok2vec", "tagger", "parser"):
        ops = extractor.nlp.get_pipe(name).model.ops
        assert ops.use_blis is use_blis(), name
    # one BLAS thread per process: the build runs one process per core
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")


def test_the_tokenizer_is_the_saved_one(extractor):
    """Loading skips the default tokenizer's rules (extract.pipeline.tokenizer_from_disk):
    what is loaded must be exactly the pipeline's saved tokenizer."""
    import spacy

    from extract.pipeline import MODEL_NAMES
    for name in MODEL_NAMES:
        try:
            default = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "ner", "attribute_ruler",
                                                "lemmatizer", "senter"])
            break
        except OSError:
            continue
    import srsly
    # decoded: the special cases may be written in another order; the vocab has grown with
    # the strings of the tests before
    saved = [srsly.msgpack_loads(nlp.tokenizer.to_bytes(exclude=["vocab"])) for nlp in (extractor.nlp, default)]
    assert saved[0] == saved[1]
    text = "Caseloads (per PO) were 45-50, e.g. 5.4pc don't N.B. www.gov.uk/x £1.3bn."
    assert [t.text for t in extractor.nlp.make_doc(text)] == [t.text for t in default.make_doc(text)]


@pytest.mark.parametrize("text,mention,metric", [
    # what a count counts decides whether a metric measures it
    ("Managers are transferring 300 cases between NPS and CRC but not enough staff.", "300", "other"),
    ("The watchdog published each of the four reports on staffing shortages.", "four", "other"),
    ("Probation officers won't be able to cope with 5,500 prisoner releases.", "5,500", "other"),
    ("The Ministry oversees the supervision of some 243,000 offenders.", "243,000", "people_supervised"),
    ("Amy has committed to employing 150 ex-offenders in probation.", "150", "recruitment"),
    ("In the latest statistics 13 CRCs have reduced binary reoffending.", "13", "reoffending"),
    ("A further 90 cases are to be allocated between just 8 PSOs.", "8", "staff_in_post"),
])
def test_the_noun_a_count_counts(extractor, text, mention, metric):
    _, stats = extract(extractor, text)
    assert [s.metric for s in stats if s.mention == mention] == [metric]


@pytest.mark.parametrize("text,mention,measure,direction", [
    # "up" of a phrasal verb is a share or a count, no rise
    ("Recalled prisoners now make up 49% of the prison population.", "49%", "level", None),
    ("The Ministry set up 21 community rehabilitation companies in 2014.", "21", "level", None),
    ("Vacancies were up 12% in 2023.", "12%", "change", "+"),
    ("Staff numbers went up by 300 in 2022.", "300", "change", "+"),
])
def test_a_phrasal_up_is_no_rise(extractor, text, mention, measure, direction):
    [figure] = [f for f in extractor.nlp(text).spans["figures"] if f.text == mention]
    assert (figure._.measure, figure._.direction) == (measure, direction)
