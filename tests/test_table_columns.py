"""Column headers (extract/layout.py TableColumns): the k-th value of a table's row takes the
k-th column's header, which names what it measures and in which unit."""
import pytest

from extract.layout import TableColumns, row_line_values, value_cell
from test_periods import passages_document


def _headers(lines):
    table = TableColumns(lambda j: lines[j] if j < len(lines) else None)
    return [[h for _, _, h, _ in table.read(i, line)] for i, line in enumerate(lines)]


def test_cells_that_hold_values_and_cells_that_label_rows():
    assert [value_cell(c) for c in ["36.0", "1,203", "25%", "9.", "2010", "2014/15", "2003-04", "PS Wessex"]] == [
        True, True, True, True, False, False, False, False]
    assert row_line_values("Senior Probation Officers 1,210.40 41.20") == [(26, 34), (35, 40)]
    assert row_line_values("July 21 – June 22") is None  # a span of months, not a row
    assert row_line_values("Staff in post as at 30 September (FTE)") is None


def test_one_cell_a_line_the_row_label_ends_the_run_of_headers():
    got = _headers(["Region", "Officers in post (FTE)", "Vacancies (FTE)", "PS Wessex", "410.5", "32",
                    "PS Mercia", "1,203.0", "402"])
    assert got == [[], [], [], [], ["Officers in post (FTE)"], ["Vacancies (FTE)"], [], ["Officers in post (FTE)"],
                   ["Vacancies (FTE)"]]


def test_one_cell_a_line_without_row_labels_every_header_heads_a_value():
    got = _headers(["National Probation Service", "Community Rehabilitation Companies", "8,300", "8,331"])
    assert got[2:] == [["National Probation Service"], ["Community Rehabilitation Companies"]]


def test_prose_ends_the_table():
    got = _headers(["Region", "Vacancies (FTE)", "PS Wessex", "32",
                    "Recruitment remains a priority for the service in every region this year.", "41"])
    assert got[-1] == []


def test_a_row_on_one_line_takes_the_header_row_written_the_same_way():
    got = _headers(["Year | Leaving rate (%) | Leavers", "2019/20 | 8.5 | 410", "2020/21\t9.5\t452",
                    "Wessex | 1.5 | 7 | 9 | 12"])
    # a row of another number of cells is of another table
    assert got[1:] == [["Leaving rate (%)", "Leavers"], ["Leaving rate (%)", "Leavers"], []]


@pytest.mark.parametrize("lines, expected", [
    # one cell a line: the header row names each column's metric and unit
    (["The table below shows officers and vacancies by region at 31 March 2023:", "Region",
      "Probation officers in post (FTE)", "Vacancies (FTE)", "Vacancy rate (%)",
      "PS Wessex", "410.5", "32", "7.2", "PS Mercia", "1,203.0", "402", "25.0"],
     [("410.5", "count", "staff_in_post", "2023-03-31"), ("32", "count", "vacancies", "2023-03-31"),
      ("7.2", "percent", "vacancy_rate", "2023-03-31"), ("1,203.0", "count", "staff_in_post", "2023-03-31"),
      ("402", "count", "vacancies", "2023-03-31"), ("25.0", "percent", "vacancy_rate", "2023-03-31")]),
    # rows on one line with separators under a header row written the same way
    (["The table below shows the leaving rate and leavers in each year:", "Year | Leaving rate (%) | Starters",
      "2019/20 | 8.5 | 410", "2020/21 | 9.5 | 452"],
     [("8.5", "percent", "leavers", "2019/20"), ("410", "count", "recruitment", "2019/20"),
      ("9.5", "percent", "leavers", "2020/21"), ("452", "count", "recruitment", "2020/21")]),
    # a row label and its values on one line under header lines: the n values take the last n
    (["Staff in post and vacancies", "England and Wales", "Staff in post as at 30 September 2003 (FTE)",
      "Vacancies as at 30 September 2003 (FTE)", "Senior Probation Officers 1,210.40 41.20",
      "Probation Officers 5,180.25 301.75"],
     [("1,210.40", "count", "staff_in_post", "2003-09-30"), ("41.20", "count", "vacancies", "2003-09-30"),
      ("5,180.25", "count", "staff_in_post", "2003-09-30"), ("301.75", "count", "vacancies", "2003-09-30")]),
])
def test_each_value_of_a_row_measures_what_its_column_header_names(extractor, lines, expected):
    [stats] = extractor.extract([passages_document(lines, "2024-01-25")])
    assert [(s.mention, s.unit, s.metric, s.period) for s in stats] == expected


def test_a_figure_in_prose_after_a_table_keeps_its_own_metric(extractor):
    lines = ["Region", "Starters", "Leavers", "Wessex 120 98",
             "The service recruited 1,200 trainees in the year to March 2022, the highest intake so far."]
    [stats] = extractor.extract([passages_document(lines, "2022-06-01")])
    assert [(s.mention, s.metric) for s in stats] == [("120", "recruitment"), ("98", "leavers"),
                                                        ("1,200", "recruitment")]


# -- row labels of months and two-digit years ------------------------------------------------

def test_a_span_of_months_of_two_digit_years_is_one_span():
    from extract.layout import with_month_year_spans
    from extract.periods import find_dates
    def spans(text):
        return [(text[d.start:d.end], str(d.period)) for d in with_month_year_spans(text, find_dates(text, "2024-09-11"))]
    assert spans("July 21 – June 22") == [("July 21 – June 22", "2021-07..2022-06")]
    assert spans("January 23 to December 23") == [("January 23 to December 23", "2023-01..2023-12")]
    # in prose a run of days forwards stays two days
    assert [w for w, _ in spans("The office shut from March 20 - April 21 for repairs.")] == ["March 20", "April 21"]


def test_rows_labelled_by_spans_of_months_take_them(extractor):
    lines = ["Table One: Average annual caseload of probation practitioners in England and Wales", "Period",
             "Average caseload per Probation Practitioner", "April 20 – March 21", "41.5", "April 21 – March 22",
             "39.8"]
    [stats] = extractor.extract([passages_document(lines, "2023-10-02")])
    assert [(s.mention, s.metric, s.period, s.year) for s in stats] == [
        ("41.5", "caseload", "2020-04..2021-03", 2021), ("39.8", "caseload", "2021-04..2022-03", 2022)]


# -- quarters of a financial year ------------------------------------------------------------

def test_a_financial_year_and_its_quarter_label_a_row_and_a_quarter_alone_the_rows_after():
    # the date grammar reads them (extract/periods.py quarter_code and continue_quarters)
    from extract.periods import find_dates
    text = "2011-12 Q1 410.5 Q2 420.0 Q4 433.25 2012-13 Q1 440.0"
    got = [(text[d.start:d.end], str(d.period)) for d in find_dates(text, "2014-01-01")]
    assert got == [("2011-12 Q1", "2011-04..2011-06"), ("Q2", "2011-07..2011-09"), ("Q4", "2012-01..2012-03"),
                   ("2012-13 Q1", "2012-04..2012-06")]
    # without a year-and-quarter label a "Q2" is left alone
    assert find_dates("Q2 was busy", "2014-01-01") == []


def test_the_values_of_a_quarterly_table_flattened_to_one_line_take_their_row_labels(extractor):
    lines = ["The following table shows the probation officers in post in each quarter since 2011.",
             "Probation officers Probation services officers 2011-12 Q1 4120.50 3310.20 Q2 4188.00 3342.75 "
             "Q4 4230.10 3400.60"]
    [stats] = extractor.extract([passages_document(lines, "2013-06-25")])
    assert [(s.mention, s.period, s.year) for s in stats] == [
        ("4120.50", "2011-04..2011-06", 2011), ("3310.20", "2011-04..2011-06", 2011),
        ("4188.00", "2011-07..2011-09", 2011), ("3342.75", "2011-07..2011-09", 2011),
        ("4230.10", "2012-01..2012-03", 2012), ("3400.60", "2012-01..2012-03", 2012)]


# -- an HTML table: one row a passage, its cells joined by " | " ------------------------------

PAGE = """<!doctype html><html><head><title>Probation staffing in the county</title></head><body><article>
<h1>Probation staffing in the county</h1>
<p>Figures obtained by this newspaper show how staffing has changed in the county's probation delivery
units over the last few years, with vacancies rising sharply in both of them.</p>
<p>The table below shows staff in post and vacancies at 31 December 2022:</p>
<table>
<tr><th>Delivery unit</th><th>Staff in post (FTE)</th><th>Vacancies (FTE)</th><th>Vacancy rate (%)</th></tr>
<tr><td>Northtown</td><td>41.5</td><td>9.0</td><td>17.8</td></tr>
</table>
<p>The leaving rate has also risen:</p>
<table>
<tr><th></th><th>2019/20</th><th>2020/21</th></tr>
<tr><td>Leaving rate (%)</td><td>8.1</td><td>9.4</td></tr>
<tr><td>Leavers</td><td>31</td><td>36</td></tr>
</table>
<p>A spokesperson for the service said that recruitment remained a priority for every unit this year.</p>
</article></body></html>"""


def test_an_html_tables_cells_take_their_column_headers_and_row_labels(extractor):
    from ingest.html_page import parse_html_page
    docs = parse_html_page(PAGE, publisher="Example Courier")
    [stats] = extractor.extract(docs)
    assert [(s.mention, s.unit, s.metric, s.period) for s in stats] == [
        ("41.5", "count", "staff_in_post", "2022-12-31"), ("9.0", "count", "vacancies", "2022-12-31"),
        ("17.8", "percent", "vacancy_rate", "2022-12-31"),
        ("8.1", "percent", "leavers", "2019/20"), ("9.4", "percent", "leavers", "2020/21"),
        ("31", "count", "leavers", "2019/20"), ("36", "count", "leavers", "2020/21")]


# -- pay scales and bulletin tables ----------------------------------------------------------

@pytest.mark.parametrize("lines, expected", [
    # a pay scale one cell a line: point headers and band labels are labels, the caption dates it
    (["Table 2: Probation Service pay points 2023/24", "Pay band", "Point 1", "Point 2", "Band 3", "£26,474",
      "£27,324", "Band 4", "£35,130", "£36,192"],
     [("£26,474", "gbp", "salary", "2023/24"), ("£27,324", "gbp", "salary", "2023/24"),
      ("£35,130", "gbp", "salary", "2023/24"), ("£36,192", "gbp", "salary", "2023/24")]),
    # band rows with separators: the band's number is its label, not a figure
    (["Pay band | Minimum | Maximum", "Band 3 (PSO) | £26,500 | £30,700"],
     [("£26,500", "gbp", "salary", "2024-01-25"), ("£30,700", "gbp", "salary", "2024-01-25")]),
    # a bulletin's columns of two dates, a change and a percentage change, under a row label
    # holding a band's number
    (["Table 1: Probation officers in post (FTE), England and Wales", "31 March 2023", "30 June 2023", "Change",
      "% change", "Band 4 probation officers", "5,120", "5,310", "190", "3.7"],
     [("5,120", "count", "staff_in_post", "2023-03-31"), ("5,310", "count", "staff_in_post", "2023-06-30"),
      ("190", "count", "staff_in_post", "2023-06-30"), ("3.7", "percent", "staff_in_post", "2023-06-30")]),
])
def test_pay_scales_and_bulletin_tables(extractor, lines, expected):
    [stats] = extractor.extract([passages_document(lines, "2024-01-25")])
    assert [(s.mention, s.unit, s.metric, s.period) for s in stats] == expected


def test_a_header_cell_wrapped_over_lines_is_one_header():
    got = _headers(["England and Wales", "Staff in post as", "at 30 June", "(FTE)", "Vacancies as", "at 30 June",
                    "(FTE)", "Senior Practitioners 279.50 23.30"])
    assert got[-1] == ["Staff in post as at 30 June (FTE)", "Vacancies as at 30 June (FTE)"]


def test_a_written_questions_number_in_square_brackets_is_no_figure(extractor):
    lines = ["Mr Example: To ask the Secretary of State for Justice how many probation officers were in post "
             "in each region on 30 June 2019. [204417]"]
    [stats] = extractor.extract([passages_document(lines, "2019-09-02")])
    assert [s.mention for s in stats] == []


@pytest.mark.parametrize("lines, expected", [
    # a count with its share in brackets: the count takes the column, the share restates it
    (["Region", "Vacancies", "PS Wessex", "45 (12%)", "PS Mercia", "60 (15%)"],
     [("45", "count", "vacancies", "2024-01-25"), ("12%", "percent", "vacancies", "2024-01-25"),
      ("60", "count", "vacancies", "2024-01-25"), ("15%", "percent", "vacancies", "2024-01-25")]),
    # rows labelled by a month and year, with their values on the same line
    (["Staff in post", "Vacancies", "March 2021 4,100 350", "March 2022 4,300 290"],
     [("4,100", "count", "staff_in_post", "2021-03"), ("350", "count", "vacancies", "2021-03"),
      ("4,300", "count", "staff_in_post", "2022-03"), ("290", "count", "vacancies", "2022-03")]),
])
def test_cells_with_shares_and_rows_labelled_by_dates(extractor, lines, expected):
    [stats] = extractor.extract([passages_document(lines, "2024-01-25")])
    assert [(s.mention, s.unit, s.metric, s.period) for s in stats] == expected
