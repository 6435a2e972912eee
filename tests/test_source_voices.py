"""Who asserts a figure when a document names bodies nobody tuned for (issue 20, classes 1-2):
bodies of a family's form ("Kent Police"), bodies beyond the publishers, speakers named after
what they say, figures a paper obtained from a body, and a quoted person who is a voice in a
story rather than the publication it reports on. Every sentence is invented."""
import json

import pytest
from test_attribution import extract_post
from test_extract import extract


def sources(stats):
    return {s.mention: (s.source, json.loads(s.why)["source"]["rule"]) for s in stats}


@pytest.mark.parametrize("text,names", [
    ("West Mercia Police and Avon and Somerset Constabulary", ["West Mercia Police", "Avon and Somerset Constabulary"]),
    ("the Police and Crime Commissioner for Devon and Cornwall", ["Police and Crime Commissioner for Devon and Cornwall"]),
    ("the Northumbria Police and Crime Commissioner", ["Northumbria Police and Crime Commissioner"]),
    ("Kent, Surrey and Sussex CRC and Durham Tees Valley Community Rehabilitation Company",
     ["Kent, Surrey and Sussex CRC", "Durham Tees Valley Community Rehabilitation Company"]),
    ("the former Greater Manchester Probation Trust", ["Greater Manchester Probation Trust"]),
    ("researchers at the University of Leeds found it; Cardiff University did not", ["University of Leeds", "Cardiff University"]),
    ("Leeds City Council and the Sheffield Youth Justice Service", ["Leeds City Council", "Sheffield Youth Justice Service"]),
    # a registered body before a family name is itself, not part of a place
    ("HMPPS London CRC", ["HMPPS", "London CRC"]),
    # an opening word is no place
    ("The Police said. Each CRC had one. Yesterday Police attended.", []),
])
def test_a_body_of_a_familys_form_is_named(text, names):
    from registry import find_organisations
    assert [o.name for o in find_organisations(text)] == names


def test_a_familys_body_has_its_kind():
    import registry
    assert [registry.organisation_kind(n) for n in ("Essex Police", "London CRC", "University of York",
                                                    "Police and Crime Commissioner for Kent")] == [
        "police", "company", "academic", "government"]
    assert registry.get("Probation Weekly") is None


def test_bodies_a_probation_document_names_are_known():
    from registry import find_organisations
    text = ("the Welsh Government, the Senedd, HM Treasury, the Department for Work and Pensions, the Office "
            "for Budget Responsibility, the Victims’ Commissioner, Ofsted, the National Police Chiefs’ Council, "
            "the Association of Police and Crime Commissioners, the Probation Chiefs Association, the TUC, "
            "Unite the Union, the Centre for Crime and Justice Studies, the Sentencing Academy, the House of "
            "Lords Library and the Home Affairs Committee")
    assert [o.name for o in find_organisations(text)] == [
        "Welsh Government", "Senedd", "HM Treasury", "Department for Work and Pensions",
        "Office for Budget Responsibility", "Victims' Commissioner", "Ofsted", "National Police Chiefs' Council",
        "Association of Police and Crime Commissioners", "Probation Chiefs Association", "TUC", "Unite",
        "Centre for Crime and Justice Studies", "Sentencing Academy", "House of Lords Library",
        "Home Affairs Committee"]


@pytest.mark.parametrize("text,mention,want", [
    ("Caseloads in the county have risen by 20% in a year, said Jane Roe of Napo.", "20%",
     ("Napo", "speaker:said-after")),
    ("Some 14 posts are unfilled, said John Doe, UNISON branch secretary.", "14", ("UNISON", "speaker:said-after")),
    ("A further 12 posts are empty, the Probation Chiefs Association said.", "12",
     ("Probation Chiefs Association", "speaker:said-after")),
    ("Officers attended 300 incidents involving people on licence, Essex Police said.", "300",
     ("Essex Police", "speaker:said-after")),
    # nobody named: the writer's
    ("Caseloads have risen by 20%, the union said.", "20%", ("Acme News", "publisher")),
])
def test_a_speaker_named_after_what_they_say(extractor, text, mention, want):
    _, stats = extract(extractor, text, source="Acme News")
    assert sources(stats)[mention] == want


@pytest.mark.parametrize("text,mention,want", [
    ("Figures obtained by the BBC from the Ministry of Justice show 45 posts were vacant.", "45",
     ("MoJ", "citation:publication-from")),
    ("Data obtained by the BBC under a Freedom of Information request to HMPPS shows 300 staff left.", "300",
     ("HMPPS", "speaker:shows")),
    # no other body named: the paper's own documents
    ("Documents seen by the BBC show 15% of prisons are short of staff.", "15%",
     ("BBC", "citation:publication-from")),
])
def test_figures_a_paper_obtained_are_the_releasing_bodys(extractor, text, mention, want):
    _, stats = extract(extractor, text, source="Acme News")
    assert sources(stats)[mention] == want


@pytest.mark.parametrize("text,mention,want", [
    ("Jane Roe, the Police and Crime Commissioner for Essex, said the county had 40 domestic abuse workers.", "40",
     ("Police and Crime Commissioner for Essex", "speaker:said")),
    ("The Welsh Government said it would invest £5m in youth services.", "£5m", ("Welsh Government", "speaker:said")),
    ("Kent, Surrey and Sussex CRC reported that 30% of its staff were agency workers.", "30%",
     ("Kent, Surrey and Sussex CRC", "speaker:reported")),
])
def test_a_named_bodys_statement_is_its_own(extractor, text, mention, want):
    _, stats = extract(extractor, text, source="Acme News")
    assert sources(stats)[mention] == want


def test_a_quoted_person_is_a_voice_in_the_story_not_what_it_reports_on(extractor):
    """A local story's second paragraph quotes a union organiser: the figures after it are not
    all the union's."""
    got = extract_post(extractor, [
        "Probation staff in the town say they are at breaking point.",
        "According to Jane Roe, GMB regional organiser, 12 staff have left since January.",
        "The town has a population of 90,000."], publisher="Acme News", kind="news")
    assert got == {"12": ("GMB", "citation:according-to"), "90,000": ("Acme News", "publisher")}


def test_a_news_lead_citing_a_publication_still_restates_it(extractor):
    got = extract_post(extractor, [
        "Probation staff in the town say they are at breaking point.",
        "According to the latest HMPPS workforce statistics, 12 staff have left since January.",
        "There were 40 officers in post in March."], publisher="Acme News", kind="news")
    assert got["40"] == ("HMPPS", "citation:according-to")


def extract_answer(extractor, paragraphs, publisher="House of Lords (Hansard)", source="House of Lords",
                   url="https://hansard.parliament.uk/lords/2024-01-10/debates/1/Probation"):
    from ingest.model import Document, Passage
    text = "\n".join(paragraphs)
    passages, at = [], 0
    for p in paragraphs:
        passages.append(Passage("paragraph", at, at + len(p), source=source))
        at += len(p) + 1
    doc = Document(text=text, file_start=0, source=source, publisher=publisher, kind="parliament", url=url,
                   title="Probation: Workload", published="2024-01-10", passages=passages)
    [stats] = extractor.extract([doc])
    return sources(stats)


def test_a_question_to_a_minister_is_its_askers_house(extractor):
    got = extract_answer(extractor, [
        "To ask His Majesty’s Government what assessment they have made of probation workloads.",
        "My Lords, as of June 2023, 91% of probation officers held fewer than 50 cases.",
        "I thank the Minister, but officers tell me they work at 120% of capacity. Does the Minister accept "
        "that pay is the cause?"])
    assert got == {"91%": ("MoJ", "publisher:answering-department"),
                   "50": ("MoJ", "publisher:answering-department"),
                   "120%": ("House of Lords", "parliament:question")}


def test_a_written_questions_own_figure_is_the_commons(extractor):
    got = extract_answer(extractor, [
        "To ask the Secretary of State for Justice, how many probation officers left in 2023, given that 1 in 10 "
        "is on sick leave.",
        "In the 12 months to 30 September 2023, 1,234 probation officers left the service."],
        publisher="UK Parliament written questions", source="UK Parliament",
        url="https://questions-statements.parliament.uk/written-questions/detail/2024-01-10/1")
    assert got["1 in 10"] == ("House of Commons", "parliament:question")
    assert got["1,234"] == ("MoJ", "publisher:answering-department")


def test_a_writers_history_of_another_body_in_a_restating_story_is_the_writers(extractor):
    got = extract_post(extractor, [
        "Workloads remain unsustainable, a new report by the National Audit Office has found.",
        "The auditor said 41% of officers worked above capacity.",
        "In 2014 the Coalition government dismantled 35 probation trusts and created 21 companies.",
        "Last spring, HMPPS launched a programme to cut workloads by 10%.",
        # a figure the restated report measures stays the report's
        "HMPPS recruited 4,000 trainees in two years."], publisher="Acme News", kind="news")
    assert got["41%"][0] == "NAO"
    assert got["35"] == ("Acme News", "writer:narrates-another-body")
    assert got["21"] == ("Acme News", "writer:narrates-another-body")
    assert got["10%"] == ("Acme News", "writer:narrates-another-body")
    assert got["4,000"][0] == "NAO"


def test_an_inspections_evidence_restated_by_a_charity_is_the_inspectorates(extractor):
    got = extract_post(extractor, [
        "Acme Trust has responded to today's report by HM Inspectorate of Probation on resettlement.",
        "The reforms handed 21 areas to private companies.",
        "Of the 120 cases inspected, only 9 people had found work. More than a third were released homeless.",
        "In 40 per cent of the cases we looked at, risk was not assessed."], publisher="Acme Trust", kind="charity")
    assert got["21"] == ("Acme Trust", "publisher")
    # the paragraph goes on with the inspection's findings
    assert {m: got[m] for m in ("120", "9", "a third", "40 per cent")} == {
        m: ("HMIP", "restated:inspection-evidence") for m in ("120", "9", "a third", "40 per cent")}


def test_inspection_evidence_needs_an_inspectorate_named(extractor):
    got = extract_post(extractor, ["Of the 120 cases inspected, only 9 people had found work."],
                       publisher="Acme Trust", kind="charity")
    assert got["120"] == ("Acme Trust", "publisher")


@pytest.mark.parametrize("text,want", [
    ("Ministers have pledged to recruit 1,500 more probation officers.", {"1,500": "MoJ"}),
    ("The Labour government has promised £220m for community sentences.", {"£220m": "MoJ"}),
    # a concession: the promise is its clause, what the writer sets against it theirs
    ("While the government has promised 1,000 trainees, hiring is down 60 per cent on the year.",
     {"1,000": "MoJ", "60 per cent": "Acme News"}),
    # the government as the object of a sentence says nothing
    ("Officers told the government that 40% of posts were empty.", {"40%": "Acme News"}),
])
def test_what_the_government_commits_itself_to_is_its_departments(extractor, text, want):
    _, stats = extract(extractor, text, source="Acme News")
    assert {s.mention: s.source for s in stats} == want


def test_a_union_restating_a_release_keeps_its_own_voice(extractor):
    got = extract_post(extractor, [
        "The latest HMPPS workforce statistics, published on Thursday, show band 4 numbers fell by 120 in the quarter.",
        "The leaving rate for probation officers is now 10.5%.",
        "Our members report caseloads of 70 or more. Acme Union is balloting its 9,000 members.",
        "General Secretary Jane Roe said: “We need 2,000 more officers now.”"],
        publisher="Acme Union", kind="union")
    assert got == {"120": ("HMPPS", "restated:lead-publication"), "10.5%": ("HMPPS", "restated:lead-publication"),
                   "70": ("Acme Union", "writer:own-voice"), "9,000": ("Acme Union", "writer:own-voice"),
                   "2,000": ("Acme Union", "speaker:unaffiliated-person")}


def test_a_person_no_body_is_named_for_speaks_in_the_writers_story(extractor):
    got = extract_post(extractor, [
        "Inspectors have rated the Acme probation unit inadequate in a report published today.",
        "Only 30 per cent of cases were assessed well.",
        "John Doe, who has worked in probation for 20 years, said: “I have 90 cases.”",
        "“We lost 14 colleagues in a year,” said Mary Major, a practice tutor."], publisher="Acme News", kind="news")
    assert got["30 per cent"][0] == "HMIP"
    assert got["90"] == ("Acme News", "speaker:unaffiliated-person")
    assert got["14"] == ("Acme News", "speaker:unaffiliated-person")


def extract_untitled(extractor, text, title, source, publisher):
    from ingest.model import Document, Passage
    doc = Document(text=text, file_start=0, source=source, publisher=publisher, title=title, published="2024-05-01",
                   passages=[Passage("paragraph", 0, len(text), source=source)])
    [stats] = extractor.extract([doc])
    return [(s.mention, s.source, json.loads(s.why)["source"]["rule"]) for s in stats]


def test_a_document_with_no_publisher_is_the_body_its_title_names(extractor):
    got = extract_untitled(extractor, "There were 1,200 probation officer vacancies.",
                           "HM Inspectorate of Probation: annual report", "unknown", None)
    assert got == [("1,200", "HMIP", "publisher:named-in-lead")]


def test_a_blog_hosts_address_stays_the_bloggers(extractor):
    got = extract_untitled(extractor, "There were 1,200 probation officer vacancies.",
                           "HMPPS figures again", "jane.blogspot.com", "jane.blogspot.com")
    assert got == [("1,200", "jane.blogspot.com", "publisher")]


@pytest.mark.parametrize("url,name", [
    ("https://lordslibrary.parliament.uk/probation-staffing/", "House of Lords Library"),
    ("https://questions-statements.parliament.uk/written-questions/detail/2024-01-10/1", "UK Parliament"),
])
def test_parliaments_libraries_and_questions_sites(url, name):
    from registry import resolve_publisher
    assert resolve_publisher(None, url).name == name


@pytest.mark.parametrize("published,party", [("2019-03-01", "Labour Party"), ("2025-02", "Conservative Party")])
def test_a_shadow_minister_speaks_for_the_opposition_of_the_day(extractor, published, party):
    from ingest.model import Document, Passage
    text = ("The shadow justice secretary Jane Roe said the figures were alarming. “We have lost 3,000 officers,” "
            "she said. “If 40% of posts are empty, the public is at risk.”")
    doc = Document(text=text, file_start=0, source="Acme News", published=published,
                   passages=[Passage("paragraph", 0, len(text), source="Acme News")])
    [stats] = extractor.extract([doc])
    got = sources(stats)
    assert got["3,000"] == (party, "speaker:quoted-before")
    # a quotation after hers, with no speaker of its own, goes on with her
    assert got["40%"] == (party, "quote:continued")


def test_a_shadow_minister_of_a_named_party_speaks_for_it(extractor):
    _, stats = extract(extractor, "Jane Roe, the Labour Party's shadow prisons minister, said 2,000 officers had left.",
                       published="2025-02-01", source="Acme News")
    assert sources(stats)["2,000"] == ("Labour Party", "speaker:shadow-minister")


def test_a_transcripts_turns_are_their_speakers_bodies(extractor):
    from ingest.model import Document, Passage
    paragraphs = ["Witnesses: Jane Roe, General Secretary, Napo; John Doe, HM Chief Inspector of Probation.",
                  "Q12 Chair: Are caseloads of 70 normal?",
                  "Jane Roe: There are 1,000 vacancies for probation officers.",
                  "John Doe: In 60% of areas staffing was a problem.",
                  "Mary Major: I have 45 cases."]
    text = "\n".join(paragraphs)
    passages, at = [], 0
    for p in paragraphs:
        passages.append(Passage("paragraph", at, at + len(p), source="Justice Committee"))
        at += len(p) + 1
    doc = Document(text=text, file_start=0, source="Justice Committee", kind="committee", published="2020-11-10",
                   passages=passages)
    [stats] = extractor.extract([doc])
    assert {s.mention: s.source for s in stats} == {"70": "Justice Committee", "1,000": "Napo", "60%": "HMIP",
                                                    "45": "Justice Committee"}


def test_an_apposition_with_a_reporting_verb_is_not_a_role():
    from extract.attribution import SpeakerMemory
    memory = SpeakerMemory()
    memory.remember_appositions("Jane Roe, a practitioner for ten years, said HMPPS had failed her")
    assert memory.recall("Jane Roe") is None
    memory.remember_appositions("Jane Roe, chief executive, Acme CRC")
    assert memory.recall("Ms Roe") == "Acme CRC"


@pytest.mark.parametrize("text,mention,source", [
    ("A Probation Service spokesperson said 95% of cases were allocated within five days.", "95%", "HMPPS"),
    ("A spokeswoman for the Probation Service said 12 staff had left.", "12", "HMPPS"),
    ("A government spokesperson said 1,000 officers had been recruited.", "1,000", "MoJ"),
    # the service as what a report is about does not speak
    ("An inspection of the Probation Service found 40% of cases were poor.", "40%", "Acme News"),
])
def test_the_service_speaks_through_its_spokespeople(extractor, text, mention, source):
    _, stats = extract(extractor, text, source="Acme News")
    assert {s.mention: s.source for s in stats}[mention] == source


@pytest.mark.parametrize("text,want", [
    ("Each of the three reports published by HM Inspectorate of Probation found 40% of cases poor.",
     {"three": "Acme News", "40%": "HMIP"}),
    ("The 12 inspections by HM Inspectorate of Probation rated 5 units inadequate.",
     {"12": "Acme News", "5": "HMIP"}),
])
def test_how_many_publications_a_sentence_cites_is_the_writers(extractor, text, want):
    from ingest.model import Document, Passage
    doc = Document(text=text, file_start=0, source="Acme News", kind="news", published="2024-05-01",
                   passages=[Passage("paragraph", 0, len(text), source="Acme News")])
    [stats] = extractor.extract([doc])
    assert {s.mention: s.source for s in stats} == want
