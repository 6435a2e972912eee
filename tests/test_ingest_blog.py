from conftest import ingest_seed

FEBRUARY_2026 = [
    ("2026-02-12", "Probation Pay and Myths"),
    ("2026-02-09", "Thought Piece 8"),
    ("2026-02-07", "Thought Piece 7"),
    ("2026-02-05", "Thought Piece 6"),
    ("2026-02-04", "Thought Piece 5"),
    ("2026-02-03", "The Inspector Speaks"),
    ("2026-02-02", "Thought Piece 4"),
    ("2026-02-01", "Be A Probation Officer"),
    ("2026-01-31", "Thought Piece 3"),
    ("2026-01-30", "Thought Piece 2"),
]
SEPTEMBER_2021 = [
    ("2021-09-18", "Latest From Napo 226"),
    ("2021-09-17", "A Plea"),
    ("2021-09-16", "Mr Angry At The Helm"),
    ("2021-09-14", "I Believe In You"),
    ("2021-09-12", "Probation House Style"),
    ("2021-09-06", "How's It All Going?"),
    ("2021-08-26", "Pay Us The Money!"),
    ("2021-08-19", "Reality Behind Love-in"),
    ("2021-08-18", "Rain Falls on Probation Parade"),
]


def test_posts_of_the_2026_dump(manifest):
    source, docs = ingest_seed("000_2bf7038f85055406.txt", manifest)
    assert [(d.published, d.title) for d in docs] == FEBRUARY_2026
    assert all(d.source == "On Probation blog" and d.kind == "blog" for d in docs)


def test_posts_of_the_2021_dump(manifest):
    source, docs = ingest_seed("002_de5b32b1437c634f.txt", manifest)
    assert [(d.published, d.title) for d in docs] == SEPTEMBER_2021


def test_document_text_is_an_exact_slice_of_the_file(manifest):
    source, docs = ingest_seed("000_2bf7038f85055406.txt", manifest)
    for doc in docs:
        assert source.text[doc.file_start:doc.file_start + len(doc.text)] == doc.text
        for p in doc.passages:
            assert source.text[doc.file_start + p.start:doc.file_start + p.end] == doc.text[p.start:p.end]
    assert docs[0].text.startswith("Thursday, 12 February 2026")


def _passage(doc, fragment):
    return next(p for p in doc.passages if fragment in doc.passage_text(p))


def test_pac_press_release_is_attributed_to_pac(manifest):
    _, docs = ingest_seed("000_2bf7038f85055406.txt", manifest)
    post = next(d for d in docs if d.published == "2026-02-05")
    vacancy = _passage(post, "The vacancy rate for probation officers increased from 14%")
    assert (vacancy.kind, vacancy.source) == ("quote", "PAC")
    # the reader's own piece above the separator is a reader's, signed "Probation Officer"
    own = _passage(post, "measly 4% pay offer")
    assert (own.kind, own.source) == ("paragraph", "blog commenter")


def test_hmip_inspection_is_attributed_to_hmip(manifest):
    _, docs = ingest_seed("000_2bf7038f85055406.txt", manifest)
    post = next(d for d in docs if d.published == "2026-02-03")
    judgement = _passage(post, "met the required standard in less than half the cases")
    commentary = _passage(post, "current staffing at approximately two-thirds")
    assert (judgement.kind, judgement.source) == ("quote", "HMIP")
    assert (commentary.kind, commentary.source) == ("quote", "HMIP")


def test_comments_and_quoted_mailouts(manifest):
    _, docs = ingest_seed("002_de5b32b1437c634f.txt", manifest)
    napo = docs[0]
    mailout = _passage(napo, "Napo members in the Probation Service are being asked to vote")
    assert (mailout.kind, mailout.source) == ("quote", "Napo")
    guardian = _passage(docs[2], "Johnson told the 300 attenders")
    assert guardian.source == "Guardian"
    drugs = _passage(docs[-1], "supervise nearly 156,000 people")
    assert drugs.source == "HMIP"
    _, feb = ingest_seed("000_2bf7038f85055406.txt", manifest)
    comment = _passage(feb[0], "I did, it really angered me!")
    assert (comment.kind, comment.source) == ("comment", "blog commenter")


# invented: a post pasting a mail-out cut at about 64 characters a line
WRAPPED_MAILOUT = """Thursday, 5 March 2026
Pay news
Here is today's mail-out from Napo:-
The employer has offered a rise of 3.5% to all probation grades,
backdated to April 2025. Members in bands 3 to 6 will see their
pay points move by 1 April.

The union's executive will meet on 12 March to consider the
offer and decide whether to ballot the 9,000 members affected.
Napo HQ
"""


def test_a_hard_wrapped_mailout_is_read_a_paragraph_at_a_time():
    from ingest.blog_dump import parse_blog_dump
    [doc] = parse_blog_dump(WRAPPED_MAILOUT, "On Probation")
    got = [(p.kind, p.source, doc.passage_text(p).replace("\n", "|")) for p in doc.passages]
    assert got == [
        ("title", "On Probation", "Pay news"),
        ("paragraph", "On Probation", "Here is today's mail-out from Napo:-"),
        ("quote", "Napo", "The employer has offered a rise of 3.5% to all probation grades,|backdated "
                          "to April 2025. Members in bands 3 to 6 will see their|pay points move by 1 April."),
        ("quote", "Napo", "The union's executive will meet on 12 March to consider the|offer and "
                          "decide whether to ballot the 9,000 members affected."),
        ("signature", "Napo", "Napo HQ"),
    ]
    assert all(WRAPPED_MAILOUT[p.start + doc.file_start:p.end + doc.file_start] == doc.passage_text(p)
               for p in doc.passages)
