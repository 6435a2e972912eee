"""A table's notes (ingest/table_notes.py): footnote numbers glued to its cells and the
numbers of the notes under it are footnote references, never figures."""
from ingest.model import Document, Passage
from ingest.table_notes import glued_markers, mark_table_notes
from test_periods import passages_document


def _document(lines):
    text, passages, pos = "", [], 0
    for line in lines:
        passages.append(Passage("paragraph", pos, pos + len(line)))
        text += line + "\n\n"
        pos += len(line) + 2
    return Document(text=text, file_start=0, passages=passages)


def _marked(lines):
    doc = _document(lines)
    mark_table_notes(doc)
    return [[doc.passage_text(p)[r.start:r.end] for r in p.footnote_refs] for p in doc.passages]


def test_numbers_glued_to_words_are_markers_but_codes_and_thousands_are_not():
    assert [n for n, _, _ in glued_markers("Vacant officer posts1,2,3 Wessex 7.25")] == [1, 2, 3]
    assert [n for n, _, _ in glued_markers("Vacancies as at 30 June2 (FTE)")] == [2]
    assert [n for n, _, _ in glued_markers("In post (FTE)1")] == [1]
    assert glued_markers("2008-09 Q1 4120.50 PB4 SDS40 employed1,204 staff") == []


def test_a_marker_and_its_note_on_lines_of_their_own():
    got = _marked(["Staff in post (FTE)1", "Vacancies as at 30 June2 (FTE)", "Wessex 310.5 12.0",
                   "Total3 1,613.5 434", "1 Figures shown as full-time equivalents.",
                   "2 Not all areas returned figures in time.", "3 Excludes the staff of the directorate."])
    assert got == [["1"], ["2"], [], ["3"], ["1"], ["2"], ["3"]]


def test_notes_run_into_a_table_flattened_to_one_line():
    line = ("Vacant officer posts1,2,3 Wessex 4.0 Mercia 12.5 Cymru 9.60 1 Figures are full-time equivalents "
            "as at 31 December 2010. 2 Includes senior probation officers. 3 Vacancies are posts being recruited to.")
    [got] = _marked([line])
    assert got == ["1,", "2,", "3", "1", "2", "3"]


def test_a_glued_number_without_a_note_and_a_number_without_a_marker_stay():
    assert _marked(["Cases rose during COVID19 in every region.", "19 Regions reported in full this year."]) == [[], []]
    assert _marked(["Probation officers1 Probation services officers2", "Wessex 2 Mercia 3",
                    "1 Includes senior probation officers and practitioners."]) == [["1"], [], ["1"]]


def test_the_numbers_of_a_tables_notes_are_not_figures(extractor):
    lines = ["The following table shows the vacant probation officer posts in each region:",
             "Vacant probation officer posts1,2 Wessex 4.0 Mercia 12.5 1 Figures are full-time equivalents. "
             "2 Includes senior probation officers."]
    doc = passages_document(lines, "2011-03-14")
    mark_table_notes(doc)
    [stats] = extractor.extract([doc])
    assert [(s.mention, s.value) for s in stats] == [("4.0", 4.0), ("12.5", 12.5)]


def _ingested(lines, published):
    doc = passages_document(lines, published)
    mark_table_notes(doc)
    return doc


def test_a_tables_values_hold_at_the_date_its_notes_state(extractor):
    lines = ["The information requested is as follows.", "Staff in post1", "Senior Probation Officers 1,210.40",
             "Probation Services Officers 4,990.10", "1 Figures shown as full-time equivalents as at 30 June 2003."]
    [stats] = extractor.extract([_ingested(lines, "2004-02-10")])
    # a row's value after a capitalised label is a figure, not a name's number ("Napo 226")
    assert [(s.mention, s.metric, s.period) for s in stats] == [
        ("1,210.40", "staff_in_post", "2003-06-30"), ("4,990.10", "staff_in_post", "2003-06-30")]


def test_a_table_flattened_to_one_line_holds_at_its_notes_date(extractor):
    lines = ["The following table shows the number of vacant probation officer posts in each region:",
             "Vacant probation officer posts1,2 Wessex 4.0 Mercia 12.5 Cymru 9.60 1 Figures are full-time "
             "equivalents as at 31 December 2010. 2 Includes senior probation officers."]
    [stats] = extractor.extract([_ingested(lines, "2011-03-14")])
    assert [(s.mention, s.period) for s in stats] == [("4.0", "2010-12-31"), ("12.5", "2010-12-31"),
                                                      ("9.60", "2010-12-31")]
    assert {s.why for s in stats[:2]} and all('"table-note"' in s.why for s in stats[:2])


def test_a_paragraphs_own_footnotes_give_no_table_date(extractor):
    lines = ["There were 410 vacancies in the region last year. 1 Figures for 2015 are provisional."]
    doc = passages_document(lines, "2022-06-01")
    doc.passages[0].footnote_refs = []
    from ingest.model import FootnoteRef
    doc.passages[0].footnote_refs = [FootnoteRef(1, 51, 52)]
    [stats] = extractor.extract([doc])
    assert [(s.mention, s.year) for s in stats] == [("410", 2021)]
