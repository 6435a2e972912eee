"""Flattened tables (extract/layout.py): a value cell takes the unit its row label names."""
from extract.layout import RowUnits, label_unit
from test_periods import passages_document


def test_label_units_are_whole_words():
    assert label_unit("Leaving rate (%)") == "percent"
    assert label_unit("Share of posts filled, per cent") == "percent"
    assert label_unit("Spend (£)") == "gbp"
    assert label_unit("Officers in post (headcount)") == "count"
    assert label_unit("Numbered returns") is None  # "number" is a whole word only
    assert label_unit("Region") is None


def test_a_value_cell_takes_the_latest_labels_unit_until_prose_ends_the_table():
    cells = RowUnits()
    got = [cells.read(t) for t in ["Turnover (%)", "7.5", "2020/21", "8.25", "Joiners (headcount)", "410",
                                   "Region", "12", "These are the rates and counts for every region of the service.",
                                   "9.5"]]
    assert got == [None, "percent", None, "percent", None, "count", None, None, None, None]


def test_a_flattened_tables_row_label_gives_its_cells_their_unit(extractor):
    lines = ["Table 3: Turnover of probation service officers, 2020/21 and 2021/22",
             "2020/21", "2021/22", "Turnover rate (%)", "7.5", "8.25", "Officers in post (headcount)", "3,120", "3,340"]
    [stats] = extractor.extract([passages_document(lines, "2022-09-01")])
    assert [(s.mention, s.value, s.unit, s.period) for s in stats] == [
        ("7.5", 7.5, "percent", "2020/21"), ("8.25", 8.25, "percent", "2021/22"),
        ("3,120", 3120.0, "count", "2020/21"), ("3,340", 3340.0, "count", "2021/22")]


def test_a_number_in_prose_keeps_its_own_unit(extractor):
    lines = ["Turnover rate (%)", "The region took on 45 trainees in the year to March 2022."]
    [stats] = extractor.extract([passages_document(lines, "2022-09-01")])
    assert [(s.mention, s.unit) for s in stats] == [("45", "count")]
