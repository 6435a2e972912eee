"""Who speaks in local news and briefings (issue 20, class 1-2): the Probation Service and its
officials by their posts, a person at a body, whom a speaker told, bodies of a family named in the
possessive, and less-seen bodies. Every sentence is invented."""
import pytest
from test_source_voices import sources
from test_extract import extract


@pytest.mark.parametrize("text,mention,want", [
    ("In a statement, the Probation Service said it had recruited 23 new officers.", "23",
     ("HMPPS", "speaker:probation-service")),
    ("Jane Roe, regional probation director for the North West, said 45 trainees had joined.", "45",
     ("HMPPS", "speaker:probation-service")),
    ("The head of the Wexham PDU, Sam Cole, told the Echo that 18 posts were vacant.", "18",
     ("HMPPS", "speaker:probation-service")),
    # the service as what a sentence is about is no speaker
    ("Staff say the Probation Service has lost 300 officers.", "300", ("Acme News", "publisher")),
])
def test_the_probation_service_and_its_officials_speak_for_hmpps(extractor, text, mention, want):
    _, stats = extract(extractor, text, source="Acme News")
    assert sources(stats)[mention] == want


@pytest.mark.parametrize("text,mention,want", [
    # whom a speaker told is not who speaks
    ("Rita Moss of Napo told the Wexham Echo that members carried 75 cases.", "75", ("Napo", "speaker:told")),
    ("Local Napo representatives tell me that 9 officers have left.", "9", ("Napo", "speaker:tell")),
    # a person's post at a body is who they speak for; where they spoke is not
    ("Dr Peter Hill, a criminologist at the University of Wexham, said reoffending rose by 8%.", "8%",
     ("University of Wexham", "speaker:said")),
    ("Jane Roe, speaking at the Justice Committee, said 40 posts were empty.", "40", ("Acme News", "publisher")),
])
def test_who_a_speaker_told_or_works_at(extractor, text, mention, want):
    _, stats = extract(extractor, text, source="Acme News")
    assert sources(stats)[mention] == want


def test_a_place_in_a_bodys_name_is_no_persons_name(extractor):
    from test_attribution import extract_post
    got = extract_post(extractor, [
        "Wexham's Police and Crime Commissioner, Tom Hale, said 200 offenders were managed under MAPPA.",
        "Dr Ann Lee, a lecturer at the University of Wexham, said 8% more were recalled."], kind="news")
    assert got == {"200": ("Wexham Police and Crime Commissioner", "speaker:said"),
                   "8%": ("University of Wexham", "speaker:said")}


@pytest.mark.parametrize("text,names", [
    ("the Prison Governors' Association, the Magistrates Association and the Prison Officers Association",
     ["Prison Governors Association", "Magistrates' Association", "POA"]),
    ("the Independent Office for Police Conduct, MOPAC and the Probation Board for Northern Ireland",
     ["IOPC", "MOPAC", "PBNI"]),
    ("MTCnovo, Ingeus and the Reducing Reoffending Partnership", ["MTCnovo", "Ingeus", "Reducing Reoffending Partnership"]),
    ("Citizens Advice, the NSPCC, St Mungo's and the Restorative Justice Council",
     ["Citizens Advice", "NSPCC", "St Mungo's", "Restorative Justice Council"]),
    ("the Telegraph, the Observer, the Mirror and the Manchester Evening News",
     ["The Telegraph", "The Observer", "The Mirror", "Manchester Evening News"]),
    ("Tees Valley Combined Authority and Kent's Police and Crime Commissioner",
     ["Tees Valley Combined Authority", "Kent Police and Crime Commissioner"]),
])
def test_less_seen_bodies_are_known(text, names):
    from registry import find_organisations
    assert [o.name for o in find_organisations(text)] == names


def test_its_figures_are_the_body_named_before(extractor):
    _, stats = extract(extractor, "The MoJ did not respond to requests for comment, but its latest figures show "
                       "1,745 probation officer vacancies.", source="Acme News")
    assert sources(stats)["1,745"] == ("MoJ", "restated:its-publication")


def test_a_publishers_appeal_for_money_is_the_publishers(extractor):
    from test_attribution import extract_post
    got = extract_post(extractor, [
        "Probation services in Wexham have been rated inadequate by HM Inspectorate of Probation.",
        "Inspectors found 14 of the 40 officer posts were empty.",
        "Whether $5 or $50, every contribution counts."], publisher="Acme News", kind="news")
    assert got["14"][0] == "HMIP"
    assert got["$5"] == got["$50"] == ("Acme News", "writer:appeal-to-readers")


@pytest.mark.parametrize("text,mention,want", [
    # news styles an office in lower case
    ("Jane Roe, the chief inspector of probation, warned that 90 per cent of areas were failing.", "90 per cent",
     ("HMIP", "speaker:warned")),
    ("The head of the probation watchdog has warned 80% of units are failing.", "80%", ("HMIP", "speaker:warned")),
    # reporting verbs of committee reports and features
    ("The then Chief Inspector of Probation Jane Roe pointed out that the vacancy rate was 30% in London.", "30%",
     ("HMIP", "speaker:pointed")),
    ("Napo observed that 12 offices had closed.", "12", ("Napo", "speaker:observed")),
    # a minister unnamed speaks for the government, through the department that answers for it
    ("The Minister told us that 1,500 trainees would be recruited.", "1,500", ("MoJ", "speaker:told")),
])
def test_offices_and_verbs_of_less_seen_documents(extractor, text, mention, want):
    _, stats = extract(extractor, text, source="Acme News")
    assert sources(stats)[mention] == want


def test_a_footnote_glued_to_a_sentence_ends_it(extractor):
    _, stats = extract(extractor, "The National Audit Office told us that “1,650 of 6,000 roles were unfilled”.12 "
                       "Academics from Wexham Hallam University confirmed a shortfall of 1,700 officers.13 The Minister told "
                       "us that 1,500 trainees would start in 2023/24.14 We note that 40% of trainees leave.",
                       source="Justice and Home Affairs Committee")
    got = sources(stats)
    assert (got["1,650"], got["1,700"], got["1,500"], got["40%"]) == (
        ("NAO", "speaker:told"), ("Wexham Hallam University", "speaker:confirmed"), ("MoJ", "speaker:told"),
        ("Justice and Home Affairs Committee", "publisher"))


@pytest.mark.parametrize("text,mention,want", [
    ("Data from the Ministry of Justice, analysed by Transform Justice, shows 30% of remand prisoners were "
     "not convicted.", "30%", ("Transform Justice", "speaker:shows")),
    ("The Prison Reform Trust's Bromley Briefings show that 9,000 people were on recall.", "9,000",
     ("Prison Reform Trust", "restated:figures-show")),
    ("Clinks's Annual Tracker Survey found that 45% of charities had lost funding.", "45%",
     ("Clinks", "speaker:found")),
    ("The Howard League's Justice Matters Trackers show 1,200 children in custody.", "1,200",
     ("Howard League", "restated:titled-publication")),
])
def test_a_think_tanks_publications_and_analyses_are_its_own(extractor, text, mention, want):
    _, stats = extract(extractor, text, source="Acme News")
    assert sources(stats)[mention] == want


def test_a_quotation_across_paragraphs_keeps_its_speaker(extractor):
    from test_attribution import extract_post
    got = extract_post(extractor, [
        "Probation staff in Wexham are leaving, a union has warned.",
        "“Staff are leaving in droves,” said Jane Roe, Napo's branch secretary. “We have lost 30 officers.”",
        "“Caseloads are now at 90 for some of our members.”",
        "Kent Police said 45 officers were working with probation.",
        "“We have made 300 arrests of people on licence,” a spokesperson added.",
        "“There were 50 more last month.”",
        "The town has 3 probation offices."], publisher="Acme News", kind="news")
    assert got == {"30": ("Napo", "quote:continued"),
                   "90": ("Napo", "quote:continued-paragraph"),
                   "45": ("Kent Police", "speaker:said"),
                   "300": ("Kent Police", "speaker:quoted-before"),
                   "50": ("Kent Police", "quote:continued-paragraph"),
                   "3": ("Acme News", "publisher")}


@pytest.mark.parametrize("title,want", [
    ("Wexham probation service 'failing the public', inspectors warn", ("HMIP", "inspectors warn")),
    ("Probation officers quitting at record rate, says Napo", ("Napo", "says Napo")),
    ("Probation staff short by 1,500 – Ministry of Justice figures reveal", ("MoJ", "Ministry of Justice figures reveal")),
    # no body named, or no attribution: none
    ("Probation officers quitting at record rate, union says", None),
    ("Napo calls for pay rise", None),
])
def test_a_headline_says_whose_finding_a_story_is(title, want):
    from extract.source import headline_source
    assert headline_source(title) == want


def test_a_story_restates_the_body_its_headline_names(extractor):
    from ingest.model import Document, Passage
    paragraphs = ["Probation officers are quitting at a record rate.", "Some 1,100 officers left in the last year."]
    text = "\n".join(paragraphs)
    doc = Document(text=text, file_start=0, source="Acme News", kind="news", published="2024-06-12",
                   title="Probation officers quitting at record rate, says Napo",
                   passages=[Passage("paragraph", 0, len(paragraphs[0]), source="Acme News"),
                             Passage("paragraph", len(paragraphs[0]) + 1, len(text), source="Acme News")])
    [stats] = extractor.extract([doc])
    assert sources(stats) == {"1,100": ("Napo", "restated:headline")}
