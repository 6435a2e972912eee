"""When a figure holds (issues 11 and 20): the typed Period (extract/period_value.py), the rules
of the figure_period component (extract/period.py) and the frames it carries, each on invented
sentences of the class a rule is for."""
from datetime import date

import pytest
from test_extract import extract

from extract.period_value import Period, When
from ingest.model import Document, Passage


def dated(stats):
    return {s.mention: (s.value, s.period, s.year) for s in stats}


def rule_of(stat):
    import json
    return json.loads(stat.why)["period"]["rule"]


@pytest.mark.parametrize("text,start,end,precision,fiscal,year", [
    ("2024", date(2024, 1, 1), date(2024, 12, 31), "year", False, 2024),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", False, 2024),
    ("2024-12", date(2024, 12, 1), date(2024, 12, 31), "month", False, 2024),
    ("2020-09-30", date(2020, 9, 30), date(2020, 9, 30), "day", False, 2020),
    ("2024/25", date(2024, 4, 1), date(2025, 3, 31), "fiscal_year", True, 2025),
    ("2019-09-30..2020-09-30", date(2019, 9, 30), date(2020, 9, 30), "day", False, 2020),
    ("2020/21..2022/23", date(2020, 4, 1), date(2023, 3, 31), "fiscal_year", True, 2023),
    ("2010..2026", date(2010, 1, 1), date(2026, 12, 31), "year", False, 2026),
])
def test_a_stored_period_parses_once_and_formats_back(text, start, end, precision, fiscal, year):
    period = Period.parse(text)
    assert (period.start, period.end, period.precision, period.fiscal, period.year) == (
        start, end, precision, fiscal, year)
    assert str(period) == text


@pytest.mark.parametrize("text", ["", None, "2024/26", "2024-13", "2024-02-30", "24/25", "soon"])
def test_what_is_not_a_period_parses_to_none(text):
    assert Period.parse(text) is None


def test_a_span_since_a_date_ends_at_the_anchor_at_its_precision():
    since = Period.single(When(2019, 9, 30))
    assert str(since.until(Period.parse("2020-09-30"))) == "2019-09-30..2020-09-30"
    assert str(Period.parse("2010").until(Period.parse("2026-01-30"))) == "2010..2026"
    assert Period.parse("2024").until(Period.parse("2024-06-01")) == Period.parse("2024")  # not later
    assert Period.parse("2024").until(None) == Period.parse("2024")


def test_periods_overlap_and_sit_at_their_middle():
    assert Period.parse("2024/25").overlaps(Period.parse("2025-03"))
    assert not Period.parse("2024/25").overlaps(Period.parse("2025-04"))
    assert Period.parse("2024").middle == date(2024, 7, 1)


def test_figure_period_alone_on_nlp_text_dates_a_figure_and_says_why(extractor):
    doc = extractor.nlp("As at May 2021 there were 400 applications.")
    got = [(s.text, s._.period, s._.year, s._.why["period"]["rule"]) for s in doc.spans["figures"]]
    assert got == [("400", "2021-05", 2021, "own-clause:before")]


def test_the_period_component_declares_what_it_requires_and_assigns(extractor):
    analysis = extractor.nlp.analyze_pipes()
    assert "span._.period" in analysis["summary"]["figure_period"]["assigns"]
    assert analysis["problems"]["figure_period"] == []


def test_the_next_three_years_is_a_span_from_the_writing(extractor):
    _, stats = extract(extractor, "The reforms bring investment of up to £700m over the next three years.",
                       published="2026-01-30")
    got = {s.mention: (s.period, s.year) for s in stats}
    assert got == {"£700m": ("2026..2029", 2029), "three years": ("2026..2029", 2029)}


def test_a_date_in_an_earlier_clause_is_that_clauses(extractor):
    text = ("This has reduced from 38,178 in April 2021 but still represents an increase of 15.1% "
            "on pre-pandemic levels.")
    _, stats = extract(extractor, text, published="2022-06-09")
    got = {s.mention: (s.period, s.year) for s in stats}
    assert got["38,178"] == ("2021-04", 2021)
    assert got["15.1%"][1] == 2022


def test_a_present_tense_sentence_speaks_of_the_writing(extractor):
    text = ("In 2012 the Ministry announced its reforms. The Ministry oversees the supervision of some "
            "243,000 offenders.")
    _, [stat] = extract(extractor, text, published="2016-09-01")
    assert (stat.mention, stat.year) == ("243,000", 2016)


def test_a_month_span_is_one_period(extractor):
    _, stats = extract(extractor, "Increases over the two years of the deal (April 2018-March 2020), "
                                  "ranging up to 12.2%.", published="2018-04-20")
    [pct] = [s for s in stats if s.mention == "12.2%"]
    assert (pct.period, pct.year) == ("2018-04..2020-03", 2020)


def test_table_cells_take_the_caption_or_row_label_date(extractor):
    lines = ["Table One: Vacancies across Probation Service Regions, September 2023, all grades",
             "Probation Service Region", "Vacancies (FTE)", "PS London", "457",
             "The following table gives the staff in post in probation trusts as at 30 June of each year:",
             "Year", "Staff-in-post", "2010", "19,335"]
    text, passages, pos = "", [], 0
    for line in lines:
        passages.append(Passage("paragraph", pos, pos + len(line), source="MoJ"))
        text += line + "\n\n"
        pos += len(line) + 2
    doc = Document(text=text, file_start=0, source="MoJ", published="2024-01-25", passages=passages)
    [stats] = extractor.extract([doc])
    got = {s.mention: (s.period, s.metric) for s in stats}
    assert got["457"] == ("2023-09", "vacancies")
    assert got["19,335"] == ("2010", "staff_in_post")


def test_over_the_last_year_is_the_twelve_months_to_the_writing(extractor):
    _, [stat] = extract(extractor, "The increase seen over the last year is driven by an increase of 13.2% "
                                   "in probation staff.", published="2023-08-17")
    assert stat.year == 2023


def test_a_span_of_financial_years(extractor):
    _, [stat] = extract(extractor, "As a result, over 4,000 trainees joined the service between 2020/21 and "
                                   "2022/23.", published="2024-01-25")
    assert (stat.period, stat.year) == ("2020/21..2022/23", 2023)


def test_a_one_digit_footnote_marker_ends_its_sentence():
    from ingest.committee import find_footnote_markers
    text = ("The Ministry oversees some 243,000 offenders through the Programme.2 In 2012, the Ministry "
            "announced a revolution.3")
    refs = find_footnote_markers(text)
    assert [(r.number, text[r.start:r.end]) for r in refs] == [(2, "2"), (3, "3")]
    assert find_footnote_markers("There were 5.2 Million people and version 2.1 Today.") == []
