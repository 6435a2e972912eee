"""When a figure holds (issues 11 and 20): the typed Period (extract/period_value.py), the rules
of the figure_period component (extract/period.py) and the frames it carries, each on invented
sentences of the class a rule is for."""
from datetime import date

import pytest
from test_extract import extract

from extract.period_value import Period, When, year_of
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
    assert year_of(text) is None


def test_the_year_of_a_stored_period_or_publication_date():
    assert [year_of(t) for t in ("2021-06-26", "2024/25", "2019-09-30..2020-09-30", "2022-03")] == [
        2021, 2025, 2020, 2022]


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


# -- issue 20, class 3: one test of invented sentences per mechanism ------------------------

def statistics_release(extractor, title, body, published):
    text = title + "\n\n" + body
    doc = Document(text=text, file_start=0, source="MoJ", published=published, kind="statistics",
                   title=title, passages=[Passage("title", 0, len(title), source="MoJ"),
                                          Passage("paragraph", len(title) + 2, len(text), source="MoJ")])
    [stats] = extractor.extract([doc])
    return stats


def test_a_change_since_a_financial_year_runs_to_the_sentences_financial_year(extractor):
    _, stats = extract(extractor, "In 2023-24, the service met 30% of its targets, a fall of 12 percentage "
                                  "points since 2020-21.", published="2024-11-05")
    assert dated(stats) == {"30%": (30, "2023/24", 2024), "12 percentage points": (12, "2020/21..2023/24", 2024)}
    assert [rule_of(s) for s in stats] == ["own-clause:before", "since-span"]


def test_a_bracketed_date_after_a_figure_dates_it(extractor):
    _, [stat] = extract(extractor, "The board received 400 applications (May 2021).", published="2022-01-10")
    assert dated([stat]) == {"400": (400, "2021-05", 2021)}
    assert rule_of(stat) == "own-clause:after"


def test_an_earlier_value_the_previous_year_counts_back_from_the_sentences_date(extractor):
    _, stats = extract(extractor, "In the year to 31 March 2023, 1,200 officers joined, up from 950 the "
                                  "previous year.", published="2024-06-01")
    assert dated(stats) == {"1,200": (1200, "2022/23", 2023), "950": (950, "2022", 2022)}
    assert rule_of(stats[1]) == "previous"


def test_a_date_in_a_relative_clause_after_the_figure_is_that_clauses(extractor):
    _, [stat] = extract(extractor, "In March 2016, the contracts passed to six providers, under agreements "
                                   "that were to run to 2022-23.", published="2019-05-03")
    assert dated([stat]) == {"six": (6, "2016-03", 2016)}


def test_a_change_since_a_date_ends_at_the_releases_reference_date_not_this_year(extractor):
    stats = statistics_release(extractor, "Probation workforce quarterly: December 2023",
                               "There were 4,100 officers: a fall of 300 since 31 March 2023, owing to "
                               "fewer trainees this year.", published="2024-02-15")
    assert dated(stats) == {"4,100": (4100, "2023-12-31", 2023), "300": (300, "2023-03-31..2023-12-31", 2023)}
    assert [rule_of(s) for s in stats] == ["reference-period", "since-span"]


def test_a_length_of_time_is_dated_by_its_own_clause_not_a_frame_carried_to_it(extractor):
    _, stats = extract(extractor, "In 2019 training lasted 15 months. The programme began in 2018. Training "
                                  "now takes 21 months.", published="2021-03-01")
    assert dated(stats) == {"15 months": (15, "2019", 2019), "21 months": (21, "2021-03-01", 2021)}


def passages_document(lines, published, kinds=None):
    text, passages, pos = "", [], 0
    for n, line in enumerate(lines):
        kind = (kinds or {}).get(n, "paragraph")
        passages.append(Passage(kind, pos, pos + len(line), source="MoJ"))
        text += line + "\n\n"
        pos += len(line) + 2
    return Document(text=text, file_start=0, source="MoJ", published=published, passages=passages)


def test_a_flattened_tables_value_cells_take_their_column_years(extractor):
    lines = ["Table 2: Sickness absence of probation officers, 2019/20 to 2021/22, and 12 months to June 2022",
             "2019/20", "2020/21", "2021/22", "12 months to 30 June 2022", "Days lost per officer",
             "9.5", "11.25", "10.75", "12.5"]
    [stats] = extractor.extract([passages_document(lines, "2022-09-01")])
    got = {s.mention: (s.period, s.year) for s in stats}
    assert {k: got[k] for k in ("9.5", "11.25", "10.75", "12.5")} == {
        "9.5": ("2019/20", 2020), "11.25": ("2020/21", 2021), "10.75": ("2021/22", 2022),
        "12.5": ("2021-07-01..2022-06-30", 2022)}
    assert {rule_of(s) for s in stats if s.mention in ("9.5", "12.5")} == {"table-column"}


def test_rows_that_each_hold_a_date_and_a_value_are_not_a_header_row(extractor):
    lines = ["Period Officers in post", "March 2019 8,100", "March 2020 8,300", "March 2020", "8,300"]
    [stats] = extractor.extract([passages_document(lines, "2022-09-01")])
    assert [(s.mention, s.year) for s in stats] == [("8,100", 2019), ("8,300", 2020), ("8,300", 2020)]


def test_a_heading_that_names_a_period_dates_the_figures_under_it(extractor):
    lines = ["Complaints 2019-20", "The service received 1,240 complaints and upheld 310 of them.",
             "Complaints 2020-21", "The service received 1,410 complaints.", "Staff", "There are 600 staff."]
    doc = passages_document(lines, "2022-09-01", kinds={0: "heading", 2: "heading", 4: "heading"})
    [stats] = extractor.extract([doc])
    assert [(s.mention, s.period, s.year) for s in stats] == [
        ("1,240", "2019/20", 2020), ("310", "2019/20", 2020), ("1,410", "2020/21", 2021),
        ("600", "2022-09-01", 2022)]
    assert rule_of(stats[0]) == "heading"


def test_a_list_introduced_by_a_span_takes_the_span(extractor):
    lines = ["Pay award April 2021 to March 2022:", "• a rise of 2% for bands 1 to 3", "• £250 for staff on the lowest pay"]
    doc = passages_document(lines, "2022-09-01", kinds={1: "list_item", 2: "list_item"})
    [stats] = extractor.extract([doc])
    assert [(s.mention, s.period, s.year) for s in stats] == [("2%", "2021-04..2022-03", 2022),
                                                             ("£250", "2021-04..2022-03", 2022)]
    assert {rule_of(s) for s in stats} == {"list-intro"}


def test_a_date_in_brackets_after_another_figure_does_not_date_the_table_after_it(extractor):
    lines = ["The offer falls well short of inflation, which stands at 9.4% (CPI, July 2022), as members know.",
             "Band 2 £25,210", "Band 3 £31,650"]
    [stats] = extractor.extract([passages_document(lines, "2022-09-01")])
    assert [(s.mention, s.period) for s in stats] == [("9.4%", "2022-07"), ("£25,210", "2022-09-01"),
                                                      ("£31,650", "2022-09-01")]
    assert [rule_of(s) for s in stats[1:]] == ["publication", "publication"]


def test_an_undated_document_is_dated_by_what_it_says_of_its_own_present(extractor):
    text = ("Last week (12 May 2022), the union set out its pay claim. Members want 5% on 1 April 2023 "
            "and 1 April 2024. Pay has risen by 2% over ten years.")
    doc = Document(text=text, file_start=0, source="Napo", published=None, published_inferred="2024-04-01",
                   passages=[Passage("paragraph", 0, len(text), source="Napo")])
    [stats] = extractor.extract([doc])
    got = {s.mention: (s.period, s.year, s.period_from_publication) for s in stats}
    assert got["2%"] == ("2022-05-12", 2022, True)
    assert [rule_of(s) for s in stats if s.mention == "2%"] == ["publication"]


def test_a_financial_year_written_with_one_digit_is_one_financial_year(extractor):
    _, stats = extract(extractor, "Performance fell by 24 percentage points in 2024-5, compared with 2021-22.",
                       published="2025-10-20")
    assert dated(stats) == {"24 percentage points": (24, "2024/25", 2025)}


def test_a_month_named_alone_is_its_occurrence_nearest_the_writing(extractor):
    _, stats = extract(extractor, "In November, inspectors found a 43% vacancy rate. In January, 12 officers "
                                  "joined.", published="2023-02-09")
    assert dated(stats) == {"43%": (43, "2022-11", 2022), "12": (12, "2023-01", 2023)}


def test_a_list_of_dates_after_a_figure_is_one_span_but_not_for_a_length_of_time(extractor):
    _, stats = extract(extractor, "The claim seeks a rise of 4% on 1 April 2023, 1 April 2024 and 1 April 2025.",
                       published="2022-11-01")
    assert dated(stats) == {"4%": (4, "2023-04-01..2025-04-01", 2025)}
    _, stats = extract(extractor, "A two-year deal to cover the 2023, 2024 and 2025 pay years.", published="2022-11-01")
    assert dated(stats) == {"two-year": (2, "2022-11-01", 2022)}


def test_an_unmarked_heading_beats_an_earlier_list_items_own_event(extractor):
    lines = ["Pay award for April 2023 to March 2024", "• The unions lodged a claim early in 2023",
             "• The employer offered a 1% rise for most staff"]
    doc = passages_document(lines, "2024-06-01", kinds={1: "list_item", 2: "list_item"})
    [stats] = extractor.extract([doc])
    assert [(s.mention, s.period, s.year) for s in stats] == [("1%", "2023-04..2024-03", 2024)]
    assert rule_of(stats[0]) == "heading"


def test_a_change_since_a_year_ends_at_an_annual_reports_financial_year_not_its_publication(extractor):
    stats = statistics_release(extractor, "Probation Board annual report and accounts 2022-23",
                               "Complaints upheld fell by 40 since 2019.", published="2024-01-15")
    assert dated(stats) == {"40": (40, "2019..2023", 2023)}
    assert rule_of(stats[0]) == "since-span"


def test_a_bulletins_latest_quarter_is_its_titles_reference_period_not_the_last_date_before(extractor):
    stats = statistics_release(extractor, "Probation workforce quarterly: March 2024",
                               "A new training centre opened in May 2024. In the latest quarter, 420 "
                               "trainees joined.", published="2024-06-20")
    assert dated(stats) == {"420": (420, "2024-03-31", 2024)}
    assert rule_of(stats[0]) == "present"


def test_a_year_earlier_counts_back_from_the_sentences_date_and_ago_from_the_writing(extractor):
    _, stats = extract(extractor, "In the year to March 2024, 300 officers left, against 250 a year earlier.",
                       published="2025-01-20")
    assert dated(stats) == {"300": (300, "2023/24", 2024), "250": (250, "2023", 2023)}
    _, stats = extract(extractor, "In March 2024 the board met. Some 250 officers left two years ago.",
                       published="2025-01-20")
    assert dated(stats) == {"250": (250, "2023", 2023)}


# -- a level and the change beside it (GUIDELINES "Two figures in one sentence") ------------

def test_a_level_stands_at_its_own_date_and_the_change_beside_it_spans_since(extractor):
    _, stats = extract(extractor, "There were 16,711 FTE staff in the Probation Service on 31 March 2022, up 192 "
                                  "(5.7%) since 30 September 2021.", published="2022-05-19")
    assert dated(stats) == {"16,711": (16711, "2022-03-31", 2022),
                            "192": (192, "2021-09-30..2022-03-31", 2022),
                            "5.7%": (5.7, "2021-09-30..2022-03-31", 2022)}
    assert [s.measure for s in stats] == ["level", "change", "change"]


def test_a_change_since_a_date_frames_the_levels_after_it_at_the_date_it_runs_to(extractor):
    stats = statistics_release(extractor, "HMPPS workforce quarterly: March 2022",
                               "Staff in post rose by 7,172 FTE (14.0%) since 31 March 2021 and an increase of "
                               "255 FTE (0.4%) since 31 December 2021. Of the staff in post, there were 34,180 "
                               "FTE in prisons and 16,711 FTE in the Probation Service. There were 6,374 FTE "
                               "probation services officers: an increase of 641 FTE (11.2%) since 30 September 2021.",
                               published="2022-05-19")
    assert dated(stats) == {"7,172": (7172, "2021-03-31..2022-03-31", 2022),
                            "14.0%": (14.0, "2021-03-31..2022-03-31", 2022),
                            "255": (255, "2021-12-31..2022-03-31", 2022),
                            "0.4%": (0.4, "2021-12-31..2022-03-31", 2022),
                            "34,180": (34180, "2022-03-31", 2022),
                            "16,711": (16711, "2022-03-31", 2022),
                            "6,374": (6374, "2022-03-31", 2022),
                            "641": (641, "2021-09-30..2022-03-31", 2022),
                            "11.2%": (11.2, "2021-09-30..2022-03-31", 2022)}
    assert [rule_of(s) for s in stats][4:6] == ["since-span:level-at-end"] * 2
    # "255 FTE (0.4%)": the bracket restates the change across its unit word
    assert [s.measure for s in stats] == ["change"] * 4 + ["level"] * 3 + ["change"] * 2


def test_an_addition_counted_after_a_since_date_keeps_the_span(extractor):
    _, stats = extract(extractor, "Supervision has been extended since 2014. The reforms supported an extra 40,000 "
                                  "offenders and 1,000 additional officers.", published="2019-03-01")
    assert dated(stats) == {"40,000": (40000, "2014..2019", 2019), "1,000": (1000, "2014..2019", 2019)}


def test_a_change_compared_to_a_date_carried_on_by_its_figure_frames_later_levels_at_its_end(extractor):
    stats = statistics_release(extractor, "HMPPS workforce quarterly: June 2025",
                               "Prison staff fell by 787 (2.1%), compared to 30 June 2024. The fall would have "
                               "been larger without transfers. Of the staff in post, there were 36,627 FTE in "
                               "prisons.", published="2025-08-14")
    assert dated(stats) == {"787": (787, "2024-06-30..2025-06-30", 2025),
                            "2.1%": (2.1, "2024-06-30..2025-06-30", 2025),
                            "36,627": (36627, "2025-06-30", 2025)}
    assert rule_of(stats[2]) == "since-span:level-at-end"
