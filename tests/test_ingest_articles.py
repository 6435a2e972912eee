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
