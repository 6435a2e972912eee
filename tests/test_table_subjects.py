"""Flattened tables (extract/layout.py TableSubjects): a value cell that names no population
counts what the table's caption or column header names, and only within the table."""
import pytest

from extract.layout import TableSubjects
from test_periods import passages_document


def test_a_value_cell_takes_the_header_that_names_a_subject_until_prose_ends_the_table():
    cells = TableSubjects()
    got = [cells.read(t) for t in ["Region", "Probation officers in post", "PS Kent", "41",
                                   "PS London", "57", "These are the officers in post in each region this year.",
                                   "63"]]
    # a row label that is not a date is where the row's cells hold: it ends their subject
    assert got == [None, None, None, "Probation officers in post: PS Kent", None,
                   "Probation officers in post: PS London", None, None]


def test_a_header_row_gives_each_column_its_own_subject():
    cells = TableSubjects()
    # "2019" is a row label (its dates cover it): it starts a row, the headers stand
    got = [cells.read(t, d) for t, d in [("Probation officers", 0), ("Probation services officers", 0),
                                         ("2019", 4), ("310", 0), ("275", 0), ("12", 0)]]
    assert got == [None, None, None, "Probation officers", "Probation services officers", None]


def test_rows_of_a_flattened_table_take_its_captions_population(extractor):
    lines = ["Period Probation officers in post (FTE)", "March 2020 4,150", "March 2021 4,380"]
    [stats] = extractor.extract([passages_document(lines, "2021-08-01")])
    assert [(s.mention, s.value, s.subject, s.period) for s in stats] == [
        ("4,150", 4150.0, "Period Probation officers in post (FTE)", "2020-03"),
        ("4,380", 4380.0, "Period Probation officers in post (FTE)", "2021-03")]


def test_a_figure_in_prose_after_the_table_keeps_its_own_subject(extractor):
    lines = ["Probation officers in post (FTE)", "2021", "4,380",
             "The service also recruited 1,200 trainees across England and Wales in the year to March 2022."]
    [stats] = extractor.extract([passages_document(lines, "2022-08-01")])
    assert [(s.mention, s.subject) for s in stats] == [
        ("4,380", "Probation officers in post (FTE)"), ("1,200", "trainees")]


def test_a_cell_past_prose_takes_no_caption(extractor):
    lines = ["Probation officers in post (FTE)", "This table shows the officers in post in every region of the service.",
             "Region", "PS Wales", "310"]
    [stats] = extractor.extract([passages_document(lines, "2022-08-01")])
    assert [(s.mention, s.subject) for s in stats] == [("310", None)]


# -- captions, introducing sentences and row labels (the series key each cell gets) ---------

def _cells(cells):
    table = TableSubjects()
    return [table.read(text, date_chars) for text, date_chars in cells]


def test_a_sentence_ending_in_a_colon_names_what_the_table_below_it_counts():
    got = _cells([("Since 2012 the service has been run by regional trusts. The table below gives the "
                   "staff in post in probation trusts at the end of each March:", 0),
                  ("Year", 0), ("Staff-in-post", 0), ("2012", 4), ("17,100", 0), ("2013", 4), ("16,900", 0)])
    assert got == [None, None, None, None, "staff in post in probation trusts", None,
                   "staff in post in probation trusts"]


def test_a_numbered_caption_names_what_its_table_counts_however_long():
    got = _cells([("Table 3: Annual leaving rate of permanent probation services officers2, "
                   "2016/17 to 2019/20, and the 12 months to June 2020", 0),
                  ("2016/17", 7), ("2017/18", 7), ("Leaving rate (%)", 0), ("8.1", 0), ("7.9", 0)])
    assert got[-2:] == ["probation services officers: Leaving rate (%)"] * 2


def test_a_column_header_naming_a_population_wins_over_the_caption():
    got = _cells([("The table below shows staff in post in the National Probation Service and the CRCs:", 0),
                  ("Community Rehabilitation Companies", 0), ("Probation officers", 0), ("2016", 4),
                  ("7,950", 0), ("3,120", 0)])
    assert got[-2:] == ["Community Rehabilitation Companies", "Probation officers"]


def test_prose_that_does_not_introduce_a_table_leaves_its_cells_without_a_caption():
    got = _cells([("The service told us that staffing in probation trusts remained a concern.", 0),
                  ("2016", 4), ("7,950", 0)])
    assert got == [None, None, None]


@pytest.mark.parametrize("lines, expected", [
    # a region's row of a table introduced by a sentence: the sentence's population, the row's place
    (["The table below shows probation officer vacancies by region at 30 September 2023:",
      "Region", "Vacancies", "PS London", "457", "PS Wales", "12"],
     [("457", "vacancies", "probation_officers", "london"), ("12", "vacancies", "probation_officers", "wales")]),
    # a caption of staff in post with the body in its column header: the body's staff
    (["Table 2: Staff in post at 31 March 2015, full-time equivalent", "National Probation Service",
      "Community Rehabilitation Companies", "8,300", "8,331"],
     [("8,300", "staff_in_post", "probation_staff", None), ("8,331", "staff_in_post", "crc_staff", None)]),
])
def test_the_series_of_a_tables_cells(extractor, lines, expected):
    from claims.query.series import series_key
    [stats] = extractor.extract([passages_document(lines, "2024-01-25")])
    keys = [(s.mention, series_key(s.metric, s.subject, s.unit, s.measure, s.sentence, source=s.source))
            for s in stats]
    assert [(m, k.metric, k.subject, k.scope) for m, k in keys] == expected
