"""When a figure holds (issue 11): the rules of extract/periods.py and the frames the pipeline
carries, each on a sentence as documents write it."""
from test_extract import extract

from ingest.model import Document, Passage


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
