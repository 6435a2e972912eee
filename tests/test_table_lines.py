"""Tables in hard-wrapped text (ingest/lines.py join_wrapped_lines: PDF text, plain-text
e-mail): a table's rows and cells are passages of their own, never joined to the sentence
introducing the table or to each other."""
from ingest.lines import join_wrapped_lines
from pdf_writer import pdf_bytes

INTRO = ["The table below sets out the leaving rate of probation officers in each of the last three financial",
         "years, together with the number of officers who left the service in each of those years:"]


def test_rows_after_an_introducing_line_stand_alone():
    got = join_wrapped_lines(INTRO + ["Year Leaving rate (%) Leavers", "2019/20 8.1 310", "2020/21 9.4 362"])
    assert got == [" ".join(INTRO), "Year Leaving rate (%) Leavers", "2019/20 8.1 310", "2020/21 9.4 362"]


def test_a_cell_after_a_sentence_stands_alone_and_prose_still_joins():
    lines = ["Source: HMPPS workforce statistics, published quarterly by the Ministry of Justice in its bulletin.",
             "5.5", "5.2",
             "The service employed a total of 4,500 probation officers at the end of March 2022, and a further",
             "1,200 trainees were in training across the regions of England and Wales at the same date, the",
             "highest number since 2014."]
    assert join_wrapped_lines(lines) == [lines[0], "5.5", "5.2", " ".join(lines[3:])]


def test_a_pdf_tables_rows_take_their_own_years(extractor, tmp_path):
    from ingest.pdf import parse_pdf
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes([["Workforce report", *INTRO, "Year Leaving rate (%) Leavers", "2019/20 8.1 310",
                                 "2020/21 9.4 362"]], title="Workforce report"))
    [stats] = extractor.extract(parse_pdf(path, "report.pdf", publisher="HMPPS"))
    assert [(s.mention, s.period) for s in stats if s.mention != "three"] == [
        ("8.1", "2019/20"), ("310", "2019/20"), ("9.4", "2020/21"), ("362", "2020/21")]
