from conftest import ingest_seed

NAME = "001_741b4b0b39277c09.txt"


def test_numbered_paragraphs_104_to_128(manifest):
    _, [doc] = ingest_seed(NAME, manifest)
    numbers = [p.number for p in doc.passages if p.kind == "paragraph"]
    assert numbers == list(range(104, 129))
    assert doc.title == "The future of the Probation Service"
    assert doc.published == "2021-04-23"
    assert doc.source == "Justice Committee"
    p106 = next(p for p in doc.passages if p.number == 106)
    assert doc.passage_text(p106).startswith("As at 30 September 2020, there were 3,550")


def test_footnotes_and_markers(manifest):
    _, [doc] = ingest_seed(NAME, manifest)
    numbers = [f.number for f in doc.footnotes]
    assert numbers[0] == 156 and numbers[-1] == 183 and len(numbers) == 25
    assert doc.footnotes[1].text == "Q201 [Amy Rees]"
    refs = {p.number: [r.number for r in p.footnote_refs] for p in doc.passages if p.kind == "paragraph"}
    assert refs[105] == [152, 153]  # "qualification.152153"
    assert refs[108] == [156, 157]  # "Wales”.156" and "vacancies.157"
    assert refs[109] == [158]
    assert refs[110] == [159]
    assert refs[117] == [167, 168]  # "cases.”167" and "model,168"
    p108 = next(p for p in doc.passages if p.number == 108)
    text = doc.passage_text(p108)
    marker = p108.footnote_refs[1]
    assert text[marker.start:marker.end] == "157"
    assert text[marker.start - len("vacancies."):marker.start] == "vacancies."


def test_block_quotes_and_headings(manifest):
    _, [doc] = ingest_seed(NAME, manifest)
    heading = next(p for p in doc.passages if doc.passage_text(p) == "Staffing Levels")
    assert heading.kind == "heading"
    quote = next(p for p in doc.passages if doc.passage_text(p).startswith("We welcome the government’s ambition"))
    assert quote.kind == "quote"
    assert [r.number for r in quote.footnote_refs] == [166]
