"""Who speaks in Hansard and on question pages (extract/debate.py): a member's speech is their
House's, the minister's answer the department's, whether or not the page keeps the speakers'
names. Every sentence is invented."""
import pytest
from test_source_voices import extract_answer

COMMONS = dict(publisher="House of Commons (Hansard)", source="House of Commons",
               url="https://hansard.parliament.uk/Commons/2024-02-07/debates/1/ProbationServicesWexham")


def test_a_members_speech_in_a_debate_is_their_houses(extractor):
    got = extract_answer(extractor, [
        "I beg to move, That this House has considered probation services in Wexham.",
        "Staff in my constituency are at breaking point: 14 of the 40 officer posts in Wexham are empty.",
        "Officers there now carry 70 cases each.",
        "I congratulate the hon. Member for Wexham North on securing this debate. We have recruited more "
        "than 4,000 trainees over the past three years.",
        "In Wexham, 12 new trainees started in January."], **COMMONS)
    assert got == {"14": ("House of Commons", "parliament:member-speech"),
                   "40": ("House of Commons", "parliament:member-speech"),
                   "70": ("House of Commons", "parliament:member-speech"),
                   "4,000": ("MoJ", "publisher:parliament-answers"),
                   "three years": ("MoJ", "publisher:parliament-answers"),
                   "12": ("MoJ", "publisher:parliament-answers")}


def test_a_peer_who_declares_an_interest_speaks_for_the_lords(extractor):
    got = extract_answer(extractor, [
        "My Lords, I declare an interest as a former probation officer. Some 30% of posts in London are empty.",
        "My Lords, the Government are recruiting: 1,500 trainees joined last year."])
    assert got == {"30%": ("House of Lords", "parliament:member-speech"),
                   "1,500": ("MoJ", "publisher:parliament-answers")}


def test_a_member_naming_the_minister_in_the_third_person_is_a_member(extractor):
    got = extract_answer(extractor, [
        "I am grateful to the Minister for his answer, but 9 officers have left Wexham this year.",
        "Will he meet me and the hon. Member for Wexham South to discuss it?",
        "I am happy to meet them both. Recruitment nationally has risen by 20%."], **COMMONS)
    assert got == {"9": ("House of Commons", "parliament:member-speech"),
                   "20%": ("MoJ", "publisher:parliament-answers")}


def test_a_shadow_minister_named_by_the_minister_does_not_make_a_member(extractor):
    got = extract_answer(extractor, [
        "The shadow Minister asked about pay. The 2024 award was worth 5% to most staff."], **COMMONS)
    assert got == {"5%": ("MoJ", "publisher:parliament-answers")}


PAGE = dict(publisher="Parallel Parliament", source="UK Parliament",
            url="https://www.parallelparliament.co.uk/debate/2024-09-12/commons/oral-answers")


def test_speaker_lines_say_who_speaks(extractor):
    got = extract_answer(extractor, [
        "Jo Smith Portrait Jo Smith (Wexham North) (Lab)",
        "Probation staff in Wexham carry 60 cases each.",
        "Tom Brown Portrait The Minister of State, Ministry of Justice (Tom Brown)",
        "We recruited 1,400 trainees last year.",
        "Jo Smith Portrait Jo Smith",
        "Yet 30% of posts remain empty.",
        "Tom Brown Portrait Tom Brown",
        "Recruitment has risen by 20%."], **PAGE)
    assert got == {"60": ("House of Commons", "parliament:member-speech"),
                   "1,400": ("MoJ", "publisher:parliament-answers"),
                   "30%": ("House of Commons", "parliament:member-speech"),
                   "20%": ("MoJ", "publisher:parliament-answers")}


@pytest.mark.parametrize("line,member", [
    ("Jo Smith Portrait Jo Smith (Wexham North) (Lab)", True),
    ("Tom Brown Portrait The Parliamentary Under-Secretary of State for Justice (Tom Brown)", False),
    ("Ann Lee Portrait Ann Lee (Wexham South) (Con) Shadow Minister (Justice)", True),
    ("Photo of Ann Lee Ann Lee Shadow Minister (Justice)", True),
])
def test_a_speaker_line_is_a_member_unless_it_names_an_office(line, member):
    from extract.debate import DebateTurns
    turns = DebateTurns()
    assert turns.read(line) is None
    assert turns.member is member


def test_a_theyworkforyou_debate_is_read_like_hansard(extractor):
    got = extract_answer(extractor, [
        "Photo of Jo Smith Jo Smith Labour, Wexham North 10:36 am, 13th December 2024",
        "It is a pleasure to serve under your chairmanship. Caseloads in my constituency average 65.",
        "Photo of Tom Brown Tom Brown The Parliamentary Under-Secretary of State for Justice 10:52 am, 13th December 2024",
        "We have recruited 1,500 trainees this year."],
        publisher="TheyWorkForYou", source="UK Parliament", url="https://www.theyworkforyou.com/whall/?id=2024-12-13a.1.0")
    assert got["65"] == ("House of Commons", "parliament:member-speech")
    assert got["1,500"] == ("MoJ", "publisher:parliament-answers")


@pytest.mark.parametrize("raw,url,name", [
    ("Westminster Hall debate (Hansard)", None, "House of Commons"),
    ("TheyWorkForYou", None, "UK Parliament"),
    (None, "https://www.theyworkforyou.com/whall/?id=2024-12-13a.1.0", "UK Parliament"),
])
def test_sites_that_republish_hansard_are_parliaments(raw, url, name):
    from registry import resolve_publisher
    assert resolve_publisher(raw, url).name == name


def test_hansards_own_speaker_lines_say_who_speaks(extractor):
    got = extract_answer(extractor, [
        "Lord Roe of Wexham (Lab)",
        "My Lords, some 35% of probation officer posts in London are vacant.",
        "The Parliamentary Under-Secretary of State, Ministry of Justice (Lord Brown) (Con)",
        "My Lords, we recruited 1,500 trainees last year.",
        "Baroness Gale (LD)",
        "My Lords, 20 offices have closed. Will the Minister reopen them?"])
    assert got == {"35%": ("House of Lords", "parliament:member-speech"),
                   "1,500": ("MoJ", "publisher:parliament-answers"),
                   "20": ("House of Lords", "parliament:question")}


@pytest.mark.parametrize("line,member", [
    ("Jo Smith (Wexham North) (Lab)", True),
    ("Lord Roe of Wexham (CB)", True),
    ("The Minister for Prisons and Probation (Tom Brown)", False),
    ("The Parliamentary Under-Secretary of State for Justice (Tom Brown) (Lab)", False),
])
def test_a_hansard_speaker_line(line, member):
    from extract.debate import DebateTurns
    turns = DebateTurns()
    assert turns.read(line) is None
    assert turns.member is member
