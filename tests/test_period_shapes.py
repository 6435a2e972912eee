"""Year classes of the held-back kinds (issue 20, class 3), each on invented sentences of the
shape: a written answer's second paragraph pointing back ("On the same date"), a written
question dating its answer, a table's quarter labels ("2008-09 Q1 ... Q2"), months with
two-digit years ("July 19 - June 20", "Jun-23"), an earlier value of a bulletin ("in the
previous 12 months", "the previous quarter"), spans up to the writing ("over the past five
years"), an inspection of a named unit, and the month and financial year of the writing."""
import pytest
from test_periods import rule_of

from extract.periods import find_dates
from ingest.model import Document, Passage


def document(lines, published, kind=None, title=None):
    """A document of one passage a line; "# " marks a heading."""
    text, passages, pos = "", [], 0
    for line in lines:
        passage_kind = "paragraph"
        if line.startswith("# "):
            passage_kind, line = "heading", line[2:]
        passages.append(Passage(passage_kind, pos, pos + len(line), source="MoJ"))
        text += line + "\n\n"
        pos += len(line) + 2
    return Document(text=text, file_start=0, source="MoJ", published=published, passages=passages,
                    kind=kind, title=title)


def periods(extractor, lines, published, kind=None, title=None):
    [stats] = extractor.extract([document(lines, published, kind, title)])
    return {s.mention: s.period for s in stats}, {s.mention: rule_of(s) for s in stats}


def dates(text, published="2024-05-10"):
    return [(text[d.start:d.end], d.kind, str(d.period) if d.period else None) for d in find_dates(text, published)]


# -- pointing back: "On the same date", "at that time", "over the same period" ---------------

def test_a_later_paragraph_pointing_back_takes_the_date_stated_before(extractor):
    lines = ["Figures for 31 March 2011 show that 7,140 full-time equivalent probation officers were in post.",
             "On the same date there were 312 full-time equivalent vacancies being recruited to.",
             "Vacancies therefore made up 4.2 per cent of all posts at that time."]
    got, rules = periods(extractor, lines, "2012-01-16", "parliament")
    assert got == {"7,140": "2011-03-31", "312": "2011-03-31", "4.2 per cent": "2011-03-31"}
    assert rules["312"] == "own-clause:before"


def test_at_this_time_in_a_written_answer_points_back(extractor):
    lines = ["On 31 March 2006 there were 6,544 full-time equivalent probation service officers.",
             "At this time, there were 347 full-time equivalent vacancies."]
    got, _ = periods(extractor, lines, "2007-03-05", "parliament")
    assert got == {"6,544": "2006-03-31", "347": "2006-03-31"}
    assert [d[1] for d in dates("At this time of year, caseloads rise.")] == []


def test_the_same_period_points_back_to_a_span(extractor):
    lines = ["Between April and June 2023, 520 people were recalled to custody.",
             "Over the same period, 610 people were released on licence."]
    got, _ = periods(extractor, lines, "2023-10-01", "statistics")
    assert got == {"520": "2023-04..2023-06", "610": "2023-04..2023-06"}


def test_pointing_back_inside_a_paragraph_takes_the_sentence_before(extractor):
    got, _ = periods(extractor, ["In 2016 the region had 410 officers. By then, 35 posts had been cut."],
                     "2024-05-10", "news")
    assert got == {"410": "2016", "35": "2016"}


def test_a_deadline_is_not_the_time_pointed_back_to(extractor):
    lines = ["In February this year, the minister pledged to recruit more probation officers by April 2026.",
             "At that time, the department said officers had 60 cases each."]
    got, _ = periods(extractor, lines, "2025-08-20", "news")
    assert got == {"60": "2025-02"}


def test_nothing_stated_before_leaves_the_writing(extractor):
    got, rules = periods(extractor, ["At that time there were 312 vacancies."], "2012-01-16", "news")
    assert got == {"312": "2012-01-16"} and rules["312"] == "publication"


# -- a written question dates its answer ------------------------------------------------

def test_a_written_questions_date_dates_the_answer_after_it(extractor):
    lines = ["Mr Smith: To ask the Secretary of State for Justice how many probation officers left the "
             "service in 2022.",
             "The information requested is as follows: 1,450 probation officers left the service."]
    got, rules = periods(extractor, lines, "2023-03-02", "parliament")
    assert got == {"1,450": "2022"} and rules["1,450"] == "question"


def test_a_heading_ends_the_questions_frame(extractor):
    lines = ["To ask the Secretary of State for Justice how many probation officers left the service in 2022.",
             "# Prisons: Staff",
             "Some 640 prison officers left the service, the minister told the House."]
    got, _ = periods(extractor, lines, "2023-03-02", "parliament")
    assert got == {"640": "2023-03-02"}


# -- a table's quarter labels -----------------------------------------------------------

def test_quarter_labels_after_a_financial_years_first_quarter_count_on():
    assert dates("2008-09 Q1 5,100 Q2 5,180 Q3 5,260 Q4 5,300 2009-10 Q1 5,350 Q2 5,410") == [
        ("2008-09 Q1", "span", "2008-04..2008-06"), ("Q2", "span", "2008-07..2008-09"),
        ("Q3", "span", "2008-10..2008-12"), ("Q4", "span", "2009-01..2009-03"),
        ("2009-10 Q1", "span", "2009-04..2009-06"), ("Q2", "span", "2009-07..2009-09")]


def test_a_bare_quarter_with_nothing_before_it_is_no_date():
    assert dates("Q2 5,180") == []


def test_a_row_of_quarter_labels_dates_the_values_after_each_label(extractor):
    line = "Probation officers in post, by quarter: 2008-09 Q1 5,100.50 Q2 5,180.00 Q3 5,260.25 Q4 5,300.75"
    got, _ = periods(extractor, [line], "2010-02-01", "parliament")
    assert got == {"5,100.50": "2008-04..2008-06", "5,180.00": "2008-07..2008-09",
                   "5,260.25": "2008-10..2008-12", "5,300.75": "2009-01..2009-03"}


def test_a_flattened_tables_quarter_labels_count_on_across_cells(extractor):
    lines = ["The following table shows probation officers in post in each quarter.",
             "2008-09 Q1", "5,100.50", "Q2", "5,180.00", "Q3", "5,260.25", "Q4", "5,300.75"]
    got, _ = periods(extractor, lines, "2010-02-01", "parliament")
    assert got == {"5,100.50": "2008-04..2008-06", "5,180.00": "2008-07..2008-09",
                   "5,260.25": "2008-10..2008-12", "5,300.75": "2009-01..2009-03"}


@pytest.mark.parametrize("text,period", [
    ("at the end of Quarter 2 2009/2010", "2009-07..2009-09"),
    ("at the close of quarter four 09/10", "2010-01..2010-03"),
    ("in Quarter 1 2005", "2005-01..2005-03"),
])
def test_a_quarter_named_in_words_is_three_months_of_its_year(text, period):
    [(_, kind, got)] = dates(text)
    assert (kind, got) == ("span", period)


# -- months with two-digit years --------------------------------------------------------

def test_twelve_months_named_with_two_digit_years_are_a_span(extractor):
    got, _ = periods(extractor, ["Trainees recruited: July 19 - June 20: 450; July 20 - June 21: 620."],
                     "2022-03-01", "parliament")
    assert got == {"450": "2019-07..2020-06", "620": "2020-07..2021-06"}


def test_a_month_and_two_digit_year_in_a_table_is_that_month(extractor):
    got, _ = periods(extractor, ["Probation officers in post: Jun-22 4,540; Jun-23 4,418."], "2024-05-10", "news")
    assert got == {"4,540": "2022-06", "4,418": "2023-06"}


def test_days_of_two_months_are_not_read_as_years():
    assert [d[1] for d in dates("closed on March 3 - April 4 for repairs")] == ["point", "point"]


# -- the earlier value of a bulletin ----------------------------------------------------

def test_the_previous_twelve_months_are_a_year_before_the_sentences_date(extractor):
    got, rules = periods(extractor, ["In the 12 months to 30 June 2024, 2,100 probation staff left, compared to "
                                     "2,400 in the previous 12 months."], "2024-08-15", "statistics")
    assert got["2,100"] == "2023-07-01..2024-06-30"
    assert (got["2,400"], rules["2,400"]) == ("2023", "previous")


def test_the_previous_quarter_is_the_three_months_before_the_releases_date(extractor):
    got, _ = periods(extractor, ["There were 210 joiners in the quarter, compared with 260 in the previous quarter."],
                     "2024-05-16", "statistics", "HMPPS workforce quarterly: March 2024")
    assert got == {"210": "2024-03-31", "260": "2023-10..2023-12"}


def test_a_change_since_the_previous_quarter_is_not_dated_by_that_quarter():
    assert dates("down 108 since last quarter")[-1][1:] == ("relative", None)
    assert dates("compared to the previous quarter")[-1][1:] == ("relative", None)


def test_the_same_quarter_last_year_counts_from_the_time_spoken_of():
    assert [d[:2] for d in dates("up 9% on the same quarter last year")] == [("the same quarter last year", "previous")]


# -- spans up to the writing ------------------------------------------------------------

def test_the_past_n_years_run_up_to_the_writing(extractor):
    got, rules = periods(extractor, ["Over the past five years, the county's probation staff have fallen by 120."],
                         "2024-05-10", "news")
    assert got["120"] == "2019-05..2024-05-10" and rules["120"] == "own-clause:before"


def test_the_past_year_of_a_release_runs_up_to_its_reference_date(extractor):
    got, rules = periods(extractor, ["The leaving rate over the past year stood at 10.9%."], "2025-02-20",
                         "statistics", "HMPPS workforce quarterly: December 2024")
    assert (got["10.9%"], rules["10.9%"]) == ("2023-12..2024-12-31", "trailing")


def test_a_level_after_a_change_over_the_last_year_stands_at_the_releases_date(extractor):
    lines = ["The increase seen over the last year is largely because probation staff have increased by 180 (0.9%).",
             "Of the staff in post, there were 20,100 FTE staff in the Probation Service."]
    got, _ = periods(extractor, [" ".join(lines)], "2025-02-20", "statistics", "HMPPS workforce quarterly: December 2024")
    assert got == {"180": "2023-12..2024-12-31", "0.9%": "2023-12..2024-12-31", "20,100": "2024-12-31"}


def test_a_trailing_span_in_the_next_clause_does_not_date_the_figure_before_it(extractor):
    got, _ = periods(extractor, ["In 2019 the region had 400 officers, and in the past 12 months 60 have left."],
                     "2024-05-10", "news")
    assert got["400"] == "2019" and got["60"] == "2023-05..2024-05-10"


# -- an inspection of a named unit ------------------------------------------------------

@pytest.mark.parametrize("opening,period", [
    ("We inspected the Westmoor probation delivery unit in November 2023.", "2023-11"),
    ("Inspectors visited the service in November 2023.", "2023-11"),
    ("Our fieldwork was carried out in October and November 2023.", "2023-11"),
])
def test_an_inspection_of_a_named_unit_dates_the_findings_after_it(extractor, opening, period):
    lines = [opening, "Staffing was a serious problem: 40% of probation officer posts were vacant."]
    got, rules = periods(extractor, lines, "2024-03-12", "inspectorate")
    assert (got["40%"], rules["40%"]) == (period, "inspection")


def test_cases_whose_orders_began_in_a_year_are_no_inspection_date(extractor):
    lines = ["The report followed an inspection of the cases where orders began in 2021.",
             "Staffing was a serious problem: 40% of probation officer posts were vacant."]
    got, _ = periods(extractor, lines, "2024-03-12", "inspectorate")
    assert got["40%"] == "2024-03-12"


# -- the writing's month and financial year ---------------------------------------------

def test_last_month_is_the_month_before_the_writing(extractor):
    got, _ = periods(extractor, ["The service had a backlog of 2,000 cases last month."], "2024-01-10", "news")
    assert got == {"2,000": "2023-12"}


@pytest.mark.parametrize("published,last,this", [
    ("2024-11-10", "2023/24", "2024/25"),  # half the year gone: the financial year under way
    ("2024-05-10", "2022/23", "2023/24"),  # a report on 2023/24 still calls it this year
    ("2024-02-10", "2022/23", "2023/24"),
])
def test_last_and_this_financial_year_follow_the_writings_month(published, last, this):
    got = dates("Last financial year it spent £2.4m; this financial year £2.9m.", published)
    assert [d[2] for d in got] == [last, this]


# -- earlier values beside the current one ----------------------------------------------

def test_a_figure_in_a_when_clause_after_a_base_holds_at_that_date(extractor):
    got, rules = periods(extractor, ["In 2023/24, 1,320 trainees joined, compared with 2022/23, when 1,050 joined."],
                         "2024-08-15", "statistics")
    assert (got["1,050"], rules["1,050"]) == ("2022/23", "own-clause:when")
    got, _ = periods(extractor, ["There were 640 more officers than in 2021, when the service had 3,900."],
                     "2024-08-15", "news")
    assert got["3,900"] == "2021"


def test_has_since_runs_from_the_date_before_it_in_the_sentence(extractor):
    got, rules = periods(extractor, ["The figure was 3,900 in 2021 and has since risen to 4,540."], "2024-08-15", "news")
    assert got == {"3,900": "2021", "4,540": "2021..2024"} and rules["4,540"] == "since-span"


def test_a_bracket_comparing_with_an_earlier_value_has_its_own_date(extractor):
    got, _ = periods(extractor, ["The attrition rate for the 12 months to the close of Quarter 1 2005/2006 stands at "
                                 "9.21% (down from 10.24% for the 12 months to Quarter 4 2004/2005)."],
                     "2005-09-01", "statistics")
    assert got == {"9.21%": "2004-07..2005-06", "10.24%": "2004-04..2005-03"}


def test_twelve_months_to_a_quarter_is_a_period_not_a_figure():
    assert dates("in the 12 months to Quarter 4 2004/2005", "2005-09-01") == [
        ("the 12 months to Quarter 4 2004/2005", "point", "2004-04..2005-03")]


def test_a_release_covering_three_months_names_its_reference_period(extractor):
    got, rules = periods(extractor, ["There were 3,100 recalls in the quarter, compared with 2,800 in the same quarter "
                                     "of 2023."], "2024-08-15", "statistics",
                         "Offender management statistics quarterly: April to June 2024")
    assert got == {"3,100": "2024-04..2024-06", "2,800": "2023"}
    assert rules["3,100"] == "reference-period"


def test_the_pay_year_a_claim_is_for_dates_it(extractor):
    got, _ = periods(extractor, ["Napo is claiming an increase of 10% for the 2024/25 pay year."], "2024-03-01", "union")
    assert got == {"10%": "2024/25"}


def test_a_bases_value_in_brackets_holds_at_the_base(extractor):
    got, rules = periods(extractor, ["In 2023/24 the service spent £50m, an increase compared to 2022/23 (£42m)."],
                         "2024-08-15", "statistics")
    assert (got["£42m"], rules["£42m"]) == ("2022/23", "own-clause:base-value")


def test_a_previous_year_label_dates_the_value_after_it_only(extractor):
    got, _ = periods(extractor, ["Some 1,320 trainees joined (previous year: 1,050)."], "2024-08-15", "statistics",
                     "HMPPS annual digest 2023/24")
    assert got == {"1,320": "2023/24", "1,050": "2023"}


@pytest.mark.parametrize("sentence,period", [
    ("A decade ago, the county had 120 officers.", "2014"),
    ("Five years ago there were 120 officers in the county.", "2019"),
])
def test_years_and_decades_ago_count_back_from_the_writing(extractor, sentence, period):
    got, _ = periods(extractor, [sentence], "2024-08-15", "news")
    assert got == {"120": period}


@pytest.mark.parametrize("sentence,period", [
    ("Pay is still 12% below 2010 levels.", "2010..2023"),
    ("Just to get back to 2010 real-terms wages, staff would need a 12% pay rise.", "2010..2023"),
])
def test_a_year_of_levels_or_prices_is_a_base_not_the_figures_time(extractor, sentence, period):
    got, rules = periods(extractor, [sentence], "2023-05-01", "union")
    assert (got["12%"], rules["12%"]) == (period, "since-span")


def test_quarter_header_cells_of_a_flattened_table_count_on(extractor):
    lines = ["Staff in post by quarter", "2022-23 Q1", "Q2", "Q3", "Probation officers", "4,410", "4,455", "4,530"]
    got, _ = periods(extractor, lines, "2023-03-01", "parliament")
    assert got == {"4,410": "2022-04..2022-06", "4,455": "2022-07..2022-09", "4,530": "2022-10..2022-12"}


@pytest.mark.parametrize("text,kind,period", [
    ("For financial year 2022 to 2023 the figure was", "fiscal", "2022/23"),
    ("In calendar year 2023 there were", "point", "2023"),
])
def test_govuk_year_words_are_one_date(text, kind, period):
    [(_, got_kind, got)] = dates(text)
    assert (got_kind, got) == (kind, period)
