from conftest import ingest_seed


def test_unison_collection_split_and_duplicate_linked(manifest):
    _, docs = ingest_seed("003_f73d83340f2380ec.txt", manifest)
    titles = [" ".join(d.title.split()) for d in docs]
    assert titles == [
        "Opinion: 10 reasons why the civil service can’t do probation",
        "Opinion: 10 reasons why the civil service can’t do probation",
        "Unmanageable probation workloads putting the public at risk, warn unions",
        "Delegates pass key motions to protect probation workers",
    ]
    assert [d.duplicate_of for d in docs] == [None, 0, None, None]
    assert docs[0].text != docs[1].text  # lightly edited, not identical
    assert all(d.source == "UNISON" for d in docs)
    # no date is invented; the latest date the text mentions is kept, marked inferred
    assert [d.published for d in docs] == [None] * 4
    assert docs[0].published_inferred == "2024-03"
    assert docs[3].published_inferred == "2022-03"


def test_single_article(manifest):
    _, [doc] = ingest_seed("004_99fb86074057d25d.txt", manifest)
    assert doc.title == "The role of the probation service"
    assert doc.source == "Russell Webster"
    assert doc.published is None
    items = [doc.passage_text(p) for p in doc.passages if p.kind == "list_item"]
    assert len(items) == 2 and items[0].startswith("- 5,283 FTE band 4")


from ingest.articles import parse_article  # noqa: E402
from ingest.committee import looks_like_committee_report, parse_committee_report  # noqa: E402

# invented: a notice cut at 64 characters a line, as plain-text mail-outs are
WRAPPED = """Notice of a hearing on probation staffing
The Example Committee will hold a hearing on the staffing of the
probation service on Tuesday 3 March 2026. The service has filled
about 80% of its officer posts, against a target set for
2025-26.
Staffing
Officials said the service had recruited 1,500 trainees in 2025,
but that 600 officers had left in the same year, most of them
within two years of qualifying.
- The chair, Ann Example, said the shortfall was the committee's
main concern.
- Witnesses will include the chief probation officer.
"""


def test_hard_wrapped_lines_become_paragraphs_with_exact_offsets():
    doc = parse_article(WRAPPED, publisher="Example Committee")
    got = [(p.kind, doc.passage_text(p).replace("\n", "|")) for p in doc.passages]
    assert got == [
        ("title", "Notice of a hearing on probation staffing"),
        ("paragraph", "The Example Committee will hold a hearing on the staffing of the|probation service on "
                      "Tuesday 3 March 2026. The service has filled|about 80% of its officer posts, against a "
                      "target set for|2025-26."),
        ("heading", "Staffing"),
        ("paragraph", "Officials said the service had recruited 1,500 trainees in 2025,|but that 600 officers "
                      "had left in the same year, most of them|within two years of qualifying."),
        ("list_item", "- The chair, Ann Example, said the shortfall was the committee's|main concern."),
        ("list_item", "- Witnesses will include the chief probation officer."),
    ]
    assert all(WRAPPED[p.start:p.end] == doc.passage_text(p) for p in doc.passages)


def test_text_of_one_paragraph_a_line_is_not_rejoined():
    text = ("A title\n" + "This paragraph runs well past any wrapping width that a mail-out would use, "
            "so the text was never cut into lines.\n" * 3 + "Short line\n" * 4)
    doc = parse_article(text)
    assert len(doc.passages) == 8


def test_a_decimal_alone_on_a_line_is_a_table_cell_not_a_numbered_paragraph():
    table = "Answer\nTable 1: Leaving rate\n2019/20\n2020/21\nLeaving rate (%)\n5.5\n5.2\n6.1.\n"
    assert not looks_like_committee_report(table)
    report = "Report\n104.As at March 2020, there were 3,550 officers.\n105.The rest.\n106.More.\n"
    assert looks_like_committee_report(report)
    [doc] = parse_committee_report(report)
    assert [p.number for p in doc.passages if p.kind == "paragraph"] == [104, 105, 106]
