"""Date forms of unseen documents (issue 20, class 3) read into exact periods: quarters of
calendar and financial years, "FY" years, a month or day named without its year, each on
invented sentences."""
import pytest
from test_extract import extract

from extract.periods import find_dates, quarter


def periods(stats):
    return {s.mention: (s.period, s.year) for s in stats}


@pytest.mark.parametrize("year,q,fiscal,text", [
    (2023, 1, False, "2023-01..2023-03"), (2023, 4, False, "2023-10..2023-12"),
    (2023, 1, True, "2023-04..2023-06"), (2023, 3, True, "2023-10..2023-12"), (2023, 4, True, "2024-01..2024-03"),
])
def test_a_quarter_is_three_months_of_a_calendar_or_financial_year(year, q, fiscal, text):
    assert str(quarter(year, q, fiscal)) == text


@pytest.mark.parametrize("sentence,period,year", [
    ("In Q3 2023/24 there were 1,200 recalls.", "2023-10..2023-12", 2023),
    ("In Q4 2023-24 there were 1,200 recalls.", "2024-01..2024-03", 2024),
    ("In Q2 2023 there were 1,200 recalls.", "2023-04..2023-06", 2023),
    ("In 2023 Q1 there were 1,200 recalls.", "2023-01..2023-03", 2023),
    ("In the final quarter of 2022/23 there were 1,200 recalls.", "2023-01..2023-03", 2023),
    ("In the first quarter of this year there were 1,200 recalls.", "2024-01..2024-03", 2024),
    ("In the third quarter of last year there were 1,200 recalls.", "2023-07..2023-09", 2023),
    ("In the second quarter of this financial year there were 1,200 recalls.", "2023-07..2023-09", 2023),
    ("In FY23 there were 1,200 recalls.", "2022/23", 2023),
    ("In FY2023/24 there were 1,200 recalls.", "2023/24", 2024),
    ("In FY 2022-23 there were 1,200 recalls.", "2022/23", 2023),
])
def test_quarters_and_fy_years_date_a_figure_exactly(extractor, sentence, period, year):
    _, stats = extract(extractor, sentence, published="2024-02-10")
    assert periods(stats) == {"1,200": (period, year)}


@pytest.mark.parametrize("sentence,period", [
    ("As at 31 March there were 1,200 staff in post.", "2023-03-31"),  # written in February 2024
    ("In the year to March there were 1,200 leavers.", "2023-03"),
    ("On 31 December the service had 1,200 staff.", "2023-12-31"),  # the nearest 31 December
    ("By 31 March, 1,200 more officers will join.", "2024-03-31"),  # a deadline ahead
])
def test_a_month_or_day_without_its_year_is_the_last_one_reached_or_the_nearest(extractor, sentence, period):
    _, stats = extract(extractor, sentence, published="2024-02-10")
    assert periods(stats) == {"1,200": (period, int(period[:4]))}


def test_a_quarter_code_is_read_before_the_financial_year_inside_it():
    [d] = find_dates("Q3 2023/24", "2024-02-10")
    assert (d.kind, str(d.period)) == ("span", "2023-10..2023-12")


@pytest.mark.parametrize("sentence,period,year", [
    ("In the year to 30 September 2020, 1,200 officers were appointed.", "2019-10-01..2020-09-30", 2020),
    ("In the 12 months to June 2023, 1,200 officers left.", "2022-07..2023-06", 2023),
    ("In the financial year ended March 2023, 1,200 officers left.", "2022/23", 2023),
    ("In the year ending 31 March 2024, 1,200 officers left.", "2023/24", 2024),
    ("Between April and June 2023, 1,200 officers joined.", "2023-04..2023-06", 2023),
    ("From April to June 2023, 1,200 officers joined.", "2023-04..2023-06", 2023),
    ("In November-February 2023, 1,200 officers joined.", "2022-11..2023-02", 2023),
])
def test_twelve_months_to_a_date_and_a_range_of_months_are_spans(extractor, sentence, period, year):
    _, stats = extract(extractor, sentence, published="2024-06-15")
    assert periods(stats) == {"1,200": (period, year)}
