"""Who speaks in a parliamentary debate or answer: a member of either House, whose figures are
their House's, or the minister, who answers for a department (extract/source.py asks this
passage by passage).

Hansard as saved from the web often drops the speakers' names, so a turn is read from what its
words do: a member asks ("To ask ...", "Will the Minister ...?"), opens a debate ("I beg to
move"), speaks of "my constituency" or of "the Minister" in the third person, declares an
interest; a new turn opens with "My Lords," or "I thank the hon. Member ...". Pages that keep
the speakers (Parallel Parliament's "Jo Smith Portrait Jo Smith (Wexham) (Lab)", TheyWorkForYou's
"Photo of ...") say who speaks in a line of its own: a minister by their office, anyone else a
member. A member's turn runs on, paragraph by paragraph, until the next turn opens."""
from __future__ import annotations

import re

import registry

# what a member of either House says in a question to a minister: "To ask His Majesty's
# Government what ...", "Does the Minister accept ...?", "Will my right hon. Friend ...?"
TO_ASK = re.compile(r"^\s*To ask\b")
ADDRESSES_THE_MINISTER = re.compile(
    r"\b(?:the|my) (?:noble |right )?(?:Minister|Secretary of State|Lord|Baroness|hon(?:ourable|\.)? (?:Friend|Member|Lady|Gentleman))\b"
    r"|\b(?:the|His|Her|Her Majesty[’']s|His Majesty[’']s) Government\b")
# a member speaking in their own right, not answering for a department
MEMBER_VOICE = re.compile(
    r"\bmy constituen(?:cy|ts|cies)\b|\bI beg to move\b|\bI (?:have|am (?:pleased|delighted|grateful) to have) secured\b"
    r"|\bI (?:must |should )?declare (?:an|my) interests?\b|(?<![Ss]hadow )\bthe Minister\b(?! (?:for|of) [A-Z])")
# the opening of a new turn: a speaker addressing the House or answering the one before
NEW_TURN = re.compile(
    r"\s*(?:My Lords,|Mr Speaker,|Madam Deputy Speaker,|Mr Deputy Speaker,|Madam Speaker,"
    r"|(?:I|May I|Can I|Let me) (?:thank|congratulate|am grateful to|commend|welcome|pay tribute|start by)\b"
    r"|It is a (?:pleasure|privilege|great pleasure) to (?:serve|follow|speak|respond)\b|I beg to move\b)")
# a speaker's line on pages that keep them: "Jo Smith Portrait Jo Smith (Wexham North) (Lab)",
# "Tom Brown Portrait The Minister of State, Ministry of Justice (Tom Brown)", "Photo of Jo Smith
# Jo Smith Labour, Wexham North"
SPEAKER_LINE = re.compile(r"\s*(?:(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,4}) Portrait|Photo of)\s+(?P<rest>[^\n]{1,200})$")
# Hansard's own speaker lines: "Lord Roe of Wexham (Lab)", "Jo Smith (Wexham North) (Lab)", "The
# Parliamentary Under-Secretary of State, Ministry of Justice (Lord Brown) (Con)", "The Minister for
# Prisons and Probation (Tom Brown)"
PARTY = r"\((?:Lab|Con|LD|Lib Dem|SNP|CB|Crossbench|Green|Ind|Non-Afl|DUP|UUP|PC|SDLP|Alba|Reform(?: UK)?|Lab/Co-op|Alliance|TUV|Bishops?|Ind Lab|Ind Con)\)"
HANSARD_SPEAKER = re.compile(rf"\s*(?P<name>[A-Z][^\n().!?]{{1,90}}?)\s*(?P<rest>(?:\([^()\n]{{1,90}}\)\s*){{0,2}}{PARTY}|\([^()\n]{{1,60}}\))\s*$")
MINISTERIAL_OFFICE = re.compile(r"\b(?:Minister|Secretary of State|Under-Secretary|Lord Chancellor|Solicitor General|"
                                r"Attorney General|Lords? in Waiting|Baroness in Waiting|Leader of the House)\b")
SHADOW = re.compile(r"\b[Ss]hadow\b")


def asks_the_government(text: str) -> bool:
    """Whether a passage of a parliamentary answer is a member's question: a written question,
    or a supplementary that asks the minister something in the third person."""
    if TO_ASK.match(text):
        return True
    return bool(re.search(r"\?[”\"’']?\s*$", text.strip()) or "?" in text) and bool(ADDRESSES_THE_MINISTER.search(text)) \
        and not re.match(r"\s*(?:My Lords|Mr Speaker|Madam Deputy Speaker|Mr Deputy Speaker)\b.{0,40}\b(?:I|we)\b", text)


def asking_house(document) -> str:
    """The House whose member asks: the Lords when the document is theirs, else the Commons."""
    described = " ".join(filter(None, (document.publisher, document.title, document.url)))
    lords = registry.get(document.source) and (document.source == "House of Lords"
                                               or registry.is_part_of(document.source, "House of Lords"))
    return "House of Lords" if lords or re.search(r"\bLords\b|/lords/", described, re.I) else "House of Commons"


class DebateTurns:
    """Whose turn it is, passage by passage, in a parliamentary document: `read` gives a
    member's passage its rule id and words, and None for the minister's."""

    def __init__(self):
        self.member = False  # whether the turn under way is a member's
        self.roles: dict[str, bool] = {}  # a speaker's name -> whether they are a member
        self.labelled = False  # whether the page names its speakers in lines of their own

    def read(self, text: str) -> tuple[str, str] | None:
        label = SPEAKER_LINE.match(text)
        if label and not re.search(r"[.!?]\s+[A-Z]", label.group("rest")):
            self.member, self.labelled = self._is_member(label.group("name"), label.group("rest")), True
            return None
        label = HANSARD_SPEAKER.match(text) if len(text) < 200 else None
        if label and (re.search(PARTY, label.group("rest")) or MINISTERIAL_OFFICE.search(text)):
            self.member, self.labelled = self._is_member(None, text), True
            return None
        if asks_the_government(text):
            # a question closes the member's turn (the answer follows), unless speaker lines say
            self.member = self.member and self.labelled
            return "parliament:question", text.strip()[:60]
        voice = MEMBER_VOICE.search(text)
        if self.labelled:
            pass  # on a page that names its speakers, only their lines change the turn
        elif NEW_TURN.match(text):
            self.member = voice is not None
        elif voice:
            self.member = True
        if self.member:
            return "parliament:member-speech", (voice.group() if voice else text.strip()[:60])
        return None

    def _is_member(self, name: str | None, rest: str) -> bool:
        """A speaker's line: a minister by their office (never a shadow one), a member by
        anything else; a name seen before keeps its role."""
        if MINISTERIAL_OFFICE.search(rest) and not SHADOW.search(rest):
            member = False
        elif name in self.roles:
            member = self.roles[name]
        else:
            member = True
        if name:
            self.roles[name] = member
        return member
