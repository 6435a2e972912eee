"""Flattened tables (extract/layout.py TableSubjects): a value cell that names no population
counts what the table's caption or column header names, and only within the table."""
from extract.layout import TableSubjects
from test_periods import passages_document


def test_a_value_cell_takes_the_header_that_names_a_subject_until_prose_ends_the_table():
    cells = TableSubjects()
    got = [cells.read(t) for t in ["Region", "Probation officers in post", "PS Kent", "41",
                                   "PS London", "57", "These are the officers in post in each region this year.",
                                   "63"]]
    assert got == [None, None, None, "Probation officers in post", None, "Probation officers in post",
                   None, None]


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
