"""Who asserts a figure: the passage's source, unless a speaker is named for it
("HM Inspectorate of Probation told us that “...”", "Katie Lomas, National Chair, NAPO,
noted ...", "Chief Inspector of Probation Justin Russell said:" followed by the quote)."""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from registry import canonical_name, find_organisations, most_specific, organisation_kind, spokesperson

REPORTING_VERB = re.compile(
    # "told the Echo", "told reporters", "tells me": whom a speaker told is not who speaks
    r"\b(?:told (?:us|me|MPs|peers|reporters|journalists|the inquiry|(?:the )?[A-Z][\w’'&-]*(?: [A-Z][\w’'&-]*){0,3})"
    r"|tell (?:me|us)|tells (?:me|us)|(?:also |further )?(?:said|says|stated?|states|notes?|noted|"
    r"found|finds|estimates?|estimated|reported|reports|warned|warns|argued|argues|agreed|agrees|"
    r"confirmed|explained|committed|pledged|concluded|concludes|highlighted|highlights|added|"
    r"revealed|reveals|showed|shows|claimed|claims|announced|acknowledged|admitted|"
    r"pointed out|points out|observed|observes|insisted|insists|conceded|concedes|cautioned|disclosed|"
    r"calculated|calculates|predicted|predicts|wrote|writes|commented|suggested|suggests))\b")
# reporting verbs that are also plural nouns ("reports", "claims", "estimates")
NOUN_LIKE_VERB = re.compile(r"(?:reports|claims|notes|states|estimates|finds|shows|highlights|warns|argues|reveals)")
PERSON = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr|Dame|Sir|Lord|Baroness) )?([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\b")
# a speaker named by a pronoun or by an unnamed spokesperson ("a spokesperson added"): the body
# the text last named as speaking
ANAPHORIC_SPEAKER = r"(?:she|he|they|it|(?:a|the) (?:spokes(?:person|man|woman)|press officer|representative))"
PRONOUN_SPEAKER = re.compile(rf"\b{ANAPHORIC_SPEAKER}\s*$", re.I)
# a clause starts after a sentence's end, a closing quotation mark and a footnote number glued
# to it included ("... were unfilled”.12 The then Chief Inspector ..."), never inside "£1.5 million"
# (a footnote is followed by a capital, a decimal by its unit)
CLAUSE_START = re.compile(r"(?:[.!?;][”\"’']?\d{1,3}\s(?=[A-Z“\"‘])|[.!?;]\s|^)")
NOT_NAMES = {"The", "This", "That", "These", "Those", "It", "In", "On", "At", "As", "Commenting",
             "Updating", "Additionally", "Many", "Our", "We", "Initially", "Meanwhile", "Earlier",
             "Probation", "Chair", "Director", "Head", "National", "General", "Chief", "Secretary"}


def clause_start_list(text: str) -> list[int]:
    """Where each clause of a text starts (after ". ", "; " or at 0), in order."""
    return [m.end() for m in CLAUSE_START.finditer(text)]


def sentence_ends(text: str) -> list[int]:
    return [m.end() for m in SENTENCE_END.finditer(text)]


def last_before(positions: list[int], at: int) -> int:
    """The last of sorted `positions` not after `at`, else 0: found by bisection, so reading a
    long passage stays linear."""
    i = bisect_right(positions, at)
    return positions[i - 1] if i else 0


@dataclass
class Scope:
    """A stretch of a passage that `source` asserts, with the rule that said so (a stable id
    such as "speaker:said" or "citation:according-to") and the words it read."""
    start: int
    end: int
    source: str
    rule: str = "scope"
    words: str = ""


# a person named with a role and a body, as an item of a list: "Jane Roe, General Secretary, Napo"
APPOSITION = re.compile(r"\s*(?:and\s+)?(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Baroness|Professor)\s+)?"
                        r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}),\s+(?P<rest>[^;:\n]{2,160})$")


@dataclass
class SpeakerMemory:
    """What a document has said so far about who speaks for whom."""
    persons: dict[str, str] = field(default_factory=dict)  # full name or surname -> organisation
    last: str | None = None
    publication: str | None = None  # whose publication the text last named ("HMPPS's report")
    opposition: str | None = None  # the official opposition when the document was published

    def remember(self, phrase: str, org: str) -> None:
        # the words of a body's name are no person's: "Wexham" in "Wexham Police and Crime
        # Commissioner, Tom Hale," would make "University of Wexham" speak for the commissioner
        named = [(o.start, o.end) for o in find_organisations(phrase)]
        for m in PERSON.finditer(phrase):
            name = m.group(1)
            if name in NOT_NAMES or find_organisations(name) or \
                    any(start <= m.start(1) < end for start, end in named):
                continue
            self.persons[name] = org
            self.persons[name.split()[-1]] = org

    def remember_appositions(self, text: str) -> None:
        """Who speaks for whom, from a list that names people with their roles and bodies
        ("Witnesses: Jane Roe, General Secretary, Napo; John Doe, Chief Inspector of
        Probation"): each item's name is its body's."""
        for item in re.split(r"[;\n]|\b(?:Witnesses|Speakers|Panel|Present)\s*:", text):
            m = APPOSITION.match(item)
            if m is None or REPORTING_VERB.search(m.group("rest")):
                continue  # "Jane Roe, a practitioner, said HMPPS ...": HMPPS is what she speaks of
            orgs = find_organisations(m.group("rest"))
            if orgs:
                self.remember(m.group("name"), spokesperson(orgs[-1].name))

    def recall(self, phrase: str) -> str | None:
        for m in PERSON.finditer(phrase):
            name = m.group(1)
            for key in (name, name.split()[-1]):
                if key in self.persons:
                    return self.persons[key]
        return None


def _quote_end(text: str, pos: int) -> int | None:
    """If a quotation opens right after `pos` (after "that", a colon or a space), its end."""
    m = re.match(r"\s*(?:that\s*)?:?\s*[“\"]", text[pos:])
    if not m:
        return None
    opening = pos + m.end()
    close = text.find("”", opening)
    if close == -1:
        close = text.find('"', opening)
    return len(text) if close == -1 else close + 1


ANALYSED_BY = re.compile(r"\b(?:analysed|analyzed|compiled|collated)\s+by\s+(?:the\s+)?", re.I)
# "Analysis of Ministry of Justice data", "Our analysis of HMPPS figures": the analysis is the
# writer's, whoever's data it reads
ANALYSIS_OF = re.compile(r"\s*(?:(?:an?|our|new|further|the)\s+)?(?:[\w-]+\s+)?analysis\s+of\b", re.I)
ANALYSIS_BEFORE = re.compile(r"\banalysis\s+of\s+(?:the\s+)?$", re.I)
# an opposition spokesperson's title names the department they shadow, not who speaks
SHADOW = re.compile(r"\b[Ss]hadow\s+(?:[\w-]+\s+){0,3}(?:[Ss]ecretary|[Mm]inister|[Cc]hancellor)\b")
# a body named as the audience of a speaker: "speaking before the Justice Committee", "told to MPs"
AUDIENCE = re.compile(r"\b(?:before|to|in front of|at|ahead of)\s+(?:an?\s+\w+\s+(?:before|to|of|at)\s+)?(?:the\s+)?$", re.I)
# a person's post at a body, which is who they speak for: "a criminologist at the University of
# Leeds", "head of research at the Howard League"
AFFILIATION = re.compile(r"(?:,|\b(?:a|an|the))\s+(?P<post>(?:[\w-]+\s+){0,4})at\s+(?:the\s+)?$", re.I)
# ... unless the words say where they spoke: "Mr Roe, speaking at the Justice Committee,"
SPOKE_AT = re.compile(r"ing\b|\b(?:evidence|hearing|session|conference|meeting|event)\b", re.I)


def affiliated(before: str) -> bool:
    """Whether the words before a body's name make it a person's post ("a criminologist at")."""
    m = AFFILIATION.search(before)
    return m is not None and not SPOKE_AT.search(m.group("post"))
# the writer's gloss on a figure a body gave: "– meaning", "which means", "the equivalent of"
GLOSS = re.compile(r"(?:[–—-]|,)\s*(?:meaning|which means|the equivalent of|equivalent to|in other words)\b")


def speaker_scopes(text: str, memory: SpeakerMemory) -> list[Scope]:
    """Stretches of a passage that a named speaker asserts."""
    scopes: list[Scope] = []
    clause_starts = clause_start_list(text)
    for verb in REPORTING_VERB.finditer(text):
        # the speaker phrase runs from the clause start to the verb
        clause_start = last_before(clause_starts, verb.start())
        phrase = text[clause_start:verb.start()]
        if "“" in phrase and "”" not in phrase:
            continue  # the verb is inside a quotation, not introducing one
        if re.match(r"\s*[£\d]", text[verb.end():]) and \
                re.search(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+$", text[max(0, verb.start() - 12):verb.start()], re.I):
            continue  # "the pledged 1,000": an adjective, not a speaker's verb
        if NOUN_LIKE_VERB.fullmatch(verb.group()) and re.match(r"\s*[,.;)]", text[verb.end():]):
            continue  # "in HMI probation reports, with ...": a plural noun, not a verb
        if ANALYSIS_OF.match(phrase):
            continue  # "Analysis of Ministry of Justice data revealed": the analyst speaks, not the MoJ
        # "Mr Roe, speaking before the Justice Committee, said": the audience does not speak
        named = find_organisations(phrase)
        orgs = releasers(phrase, named)
        if (analyst := ANALYSED_BY.search(phrase)) and any(o.start >= analyst.end() for o in named):
            # "Data from the MoJ, analysed by Transform Justice, shows": the analysis is the analyst's
            orgs = [o for o in named if o.start >= analyst.end()][:1]
        if orgs is named:
            orgs = [o for o in named if not AUDIENCE.search(phrase[:o.start]) or affiliated(phrase[:o.start])]
        if SHADOW.search(phrase):
            # "Shadow justice secretary Jane Roe said": not the MoJ but the opposition, the
            # party the phrase names or the official opposition of the day
            parties = [o.name for o in named if organisation_kind(o.name) == "party"]
            org, rule = (parties[0] if parties else memory.opposition), "speaker:shadow-minister"
            memory.last = org
            if org is None:
                continue
            orgs = []
        elif orgs and re.search(r"\b(?:whether|if)\b", phrase[orgs[0].end:]):
            continue  # "recommend that the MoJ confirm whether ...": not the MoJ speaking
        else:
            # "The MOJ and HMPPS note ...": bodies named together speak through the most specific
            org = spokesperson(most_specific([o.name for o in orgs])) if orgs else memory.recall(phrase)
            rule = "speaker:" + speaker_verb(verb.group()) if orgs else "speaker:person"
            if org is None and (service := SERVICE_VOICE.search(phrase)):
                org, rule = service_body(), "speaker:probation-service"
        if org is None and PRONOUN_SPEAKER.search(phrase):
            org, rule = memory.last, "speaker:pronoun"
        if org is None and names_a_person(phrase) and _quote_end(text, verb.end()) is not None:
            # "Jane Roe, a probation officer for 20 years, said: “...”": a person no body is
            # named for speaks in the writer's story, not for the publication it restates
            # (source None: the passage's writer, filled in by extract/source.py)
            memory.last = None
            scopes.append(Scope(verb.end(), _quote_end(text, verb.end()), None, "speaker:unaffiliated-person",
                                phrase.strip() + " " + verb.group()))
            continue
        if org is None:
            continue
        if orgs or rule in ("speaker:shadow-minister", "speaker:probation-service"):
            memory.remember(phrase, org)
        memory.last = org
        end = _quote_end(text, verb.end())
        if end is None:
            sentence_end = SENTENCE_END.search(text, verb.end())
            end = sentence_end.end() if sentence_end else len(text)
            # a quotation opened in the attributed sentence runs on to its closing mark:
            # found that for NPS staff: “Workloads are high ... with over 600 vacancies”
            opened = text.rfind("“", verb.end(), end)
            if opened != -1 and text.find("”", opened, end) == -1:
                close = text.find("”", end)
                end = len(text) if close == -1 else close + 1
        end = gloss_start(text, verb.end(), end)
        words = phrase.strip() + " " + verb.group()
        # "It warned 15% of prisons ... And on the probation service, a third of regions ...":
        # a sentence that opens with "And" or "It also" goes on with the same speaker
        while (more := CONTINUATION.match(text, end)) is not None:
            next_end = SENTENCE_END.search(text, more.end())
            end = gloss_start(text, more.end(), next_end.end() if next_end else len(text))
        scopes.append(Scope(verb.end(), end, org, rule, words))
    return scopes


# the Probation Service speaking, or one of its officials by their post: "In a statement, the
# Probation Service said", "Jane Roe, regional probation director for the North West, said",
# "the head of the Wexham PDU told the Echo" (the service opens the clause: named anywhere else,
# "an inspection of the Probation Service found", it is what a text is about, so it is no alias)
SERVICE_VOICE = re.compile(
    r"(?:^|[,;:])\s*(?:[Tt]he\s+)?Probation Service\s*(?:(?:in|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s*)?,?\s*$"
    r"|\b(?i:regional probation director|regional director of probation|probation regional director)\b"
    r"|\bhead of (?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,4}(?:PDU|Probation Delivery Unit)\b|\bPDU head\b")


def service_body() -> str:
    """The body that runs the Probation Service, as the registry names it."""
    return spokesperson(canonical_name("HM Prison and Probation Service") or "HM Prison and Probation Service")


# a quotation closed, then who said it: "“... 5% had sufficient quality,” the inspection report
# said", "“...,” said Jane Roe, chief executive of Napo", "“...,” he added"
QUOTE_THEN_SPEAKER = re.compile(
    r"[“\"](?P<quote>[^“”\"]{8,}?)[”\"]\s*(?P<tail>(?:[^.!?“”\"]{0,60}?\s)?(?:said|says|added|warned|told|explained|"
    r"stated|wrote|writes)\b[^.!?“”\"]{0,100})")


def quoted_before_scopes(text: str, memory: SpeakerMemory) -> list[Scope]:
    """Quotations whose speaker is named after them: the speaker's."""
    scopes = []
    for m in QUOTE_THEN_SPEAKER.finditer(text):
        tail = m.group("tail")
        orgs = find_organisations(tail)
        if orgs:
            org = spokesperson(most_specific([o.name for o in orgs]))
            memory.remember(tail, org)
        else:
            org = memory.recall(tail) or (memory.last if re.match(rf"\s*{ANAPHORIC_SPEAKER}\b", tail, re.I) else None)
        if org is None and names_a_person(tail):
            memory.last = None
            scopes.append(Scope(m.start("quote"), m.end("quote"), None, "speaker:unaffiliated-person", tail.strip()))
            continue
        if org is None:
            continue
        memory.last = org
        scopes.append(Scope(m.start("quote"), m.end("quote"), org, "speaker:quoted-before", tail.strip()))
    return scopes


# a sentence that names its speaker at its end, without quotation marks: "Caseloads have
# risen by 20%, said Jane Roe of Napo.", "... 12 posts are empty, the union said."
SPEAKER_AFTER = re.compile(
    r",\s+(?:(?P<verb>said|says|added|warned|claimed|explained|stated|told\s[\w ]{2,30}?)\s+(?P<tail>[^,.!?“”\"]{2,120}?(?:,[^,.!?“”\"]{2,80}?)?)"
    r"|(?P<head>[^,.!?“”\"]{2,80}?)\s+(?:has\s+|have\s+)?(?:said|says|added|warned|claimed|explained|stated))\s*[.!?]?[”\"’']?\s*$")


def speaker_after_scopes(text: str, memory: SpeakerMemory) -> list[Scope]:
    """Sentences whose speaker is named after what they say, without quotation marks: the
    speaker's organisation, or the organisation a person named before speaks for."""
    scopes = []
    start = 0
    for end in sentence_ends(text) + [len(text)]:
        sentence = text[start:end]
        m = SPEAKER_AFTER.search(sentence) if "“" not in sentence and '"' not in sentence else None
        if m:
            who = m.group("tail") or m.group("head")
            orgs = find_organisations(who)
            org = spokesperson(most_specific([o.name for o in orgs])) if orgs else memory.recall(who)
            if org is not None:
                if orgs:
                    memory.remember(who, org)
                memory.last = org
                lead = len(sentence) - len(sentence.lstrip())
                scopes.append(Scope(start + lead, start + m.start(), org, "speaker:said-after", who.strip()))
        start = end
    return scopes


# a publisher asking its readers for money: "Whether $5 or $50, every contribution counts",
# "support our journalism from as little as £1": the publisher's own words in any story
APPEAL = re.compile(r"\b(?:every|any|a) (?:single )?(?:contribution|donation)s? (?:counts|helps|matters)\b"
                    r"|\bsupport (?:our|independent) (?:journalism|reporting)\b|\b(?:donate|subscribe) (?:today|now)\b"
                    r"|\bfrom (?:as little as|just) [£$€]\s?\d", re.I)


def appeal_scopes(text: str) -> list[Scope]:
    """Sentences in which the publisher appeals to its readers for support (source None: the
    passage's writer, filled in by extract/source.py)."""
    scopes = []
    start = 0
    for end in sentence_ends(text) + [len(text)]:
        m = APPEAL.search(text, start, end)
        if m:
            scopes.append(Scope(start, end, None, "writer:appeal-to-readers", m.group()))
        start = end
    return scopes


# the government, unnamed, committing itself to a figure: "the government has promised to
# recruit 1,000 trainees", "ministers pledged £155m"; a commitment is the government's
# however the writer names it ("the government" alone is no speaker: it is more often the
# object of a sentence than its voice)
GOVERNMENT_COMMITS = re.compile(
    r"\b(?:[Tt]he\s+(?:\w+\s+)?(?:government|Government)|[Mm]inisters)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?"
    r"(?:promised|pledged|committed|vowed|promises|pledges|vows)\b")


CONCESSIVE = re.compile(r"\s*(?:While|Whilst|Although|Though|Even though|Even if|Despite)\b")


def government_commitment_scopes(text: str) -> list[Scope]:
    """What the government commits itself to, by whatever words the writer names it: the
    department that answers for it (registry: answers_for)."""
    scopes = []
    sentence_starts = [0] + sentence_ends(text)
    for m in GOVERNMENT_COMMITS.finditer(text):
        if SHADOW.search(text, max(0, m.start() - 40), m.start()):
            continue
        end_m = SENTENCE_END.search(text, m.end())
        end = gloss_start(text, m.end(), end_m.end() if end_m else len(text))
        opening = text[last_before(sentence_starts, m.start()):m.start()]
        if CONCESSIVE.match(opening):
            # "While the government has promised 1,000 trainees, the reality is ...": the
            # promise is the subordinate clause only
            comma = text.find(", ", m.end(), end)
            end = comma if comma != -1 else end
        scopes.append(Scope(m.end(), end, spokesperson("HM Government"), "speaker:government-commits", m.group()))
    return scopes


# the opening of a sentence that continues the one before it
CONTINUATION = re.compile(r"\s*(?:And|(?:It|They|She|He) (?:also|added|went on))\b[ ,]")


def gloss_start(text: str, start: int, end: int) -> int:
    """Where the writer's own gloss on what a body said begins, inside text[start:end] ("...
    120 per cent capacity – meaning the average officer has six days' work"), else `end`."""
    m = GLOSS.search(text, start, end)
    return m.start() if m else end


def speaker_verb(verb: str) -> str:
    """The reporting verb of a speaker rule's id: "told us" -> "told", "also said" -> "said"."""
    words = verb.split()
    return words[1] if words[0] in ("also", "further") and len(words) > 1 else words[0]


# a figure restated from another body's publication is that body's: "according to the latest
# HMPPS workforce statistics", "figures from the Ministry of Justice show", "a report by HM
# Inspectorate of Probation", "documents seen by the BBC show", "(HMPPS, 2024)", "Source: NAO"
PUBLICATION = (r"(?i:figures|statistics|stats|data|report|reports|review|inspection|inspections|analysis|"
               r"survey|research|documents|estimates|accounts|bulletin|release(?!\s+(?:scheme|schemes|of|on|from|date|dates|programme|plans?)\b)|publication|numbers|"
               r"article|articles|piece|paper|papers|table|tables|briefing|briefings|bulletins|surveys|reviews|"
               r"publications)")
FINDING_VERB = r"(?:show|shows|showed|shown|reveal|reveals|revealed|found|find|finds|suggest|suggests|indicate|indicates)"
# patterns that name the body before the words that cite it ("according to X", "figures from
# X", "(X, 2024)", "Source: X"), matched where they start
CITATIONS = [(rule, re.compile(p, re.M)) for rule, p in (
    ("citation:according-to", r"\b[Aa]ccording to (?P<who>[^.;:!?]{0,90})"),
    ("citation:publication-from",
     rf"\b{PUBLICATION} (?:\w+ ){{0,2}}(?:from|by|of|published by|obtained by|seen by|leaked to|released by|"
     rf"compiled by|produced by) (?P<who>[^,.;:!?]{{0,70}})"),
    ("citation:foi", r"\b(?:Freedom of Information|FOI)\s+(?:request|requests|reply|replies|response|responses|data)\s+"
                     r"(?:to|from|by|of)\s+(?P<who>[^,.;:!?]{0,70})"),
    ("citation:bracketed", r"\((?P<who>[^()]{2,60}),\s*(?:19|20)\d{2}[a-z]?\)"),
    ("citation:source-line", r"^\s*Sources?:\s*(?P<who>[^\n]{2,90})"),
)]
# who obtained a publication, and the body it came from: "figures obtained by the Bugle from
# the MoJ", "data seen by the BBC under a Freedom of Information request to HMPPS"
OBTAINED_BY = re.compile(r"\b(?:obtained|seen|leaked|received)\s+(?:\w+\s+)?(?:by|to)\s+(?:the\s+)?$", re.I)
RELEASED_BY = re.compile(r"\b(?:from|to)\s+(?:the\s+)?$")


def releasers(phrase: str, orgs: list, offset: int = 0) -> list:
    """Of the bodies a phrase names (`orgs`, positions `offset` before the phrase's), those
    whose publication it is: a paper that obtained or was leaked figures did not release them;
    the body they came from did. The obtainer stays when no other body is named."""
    obtained = [o for o in orgs if OBTAINED_BY.search(phrase[:o.start + offset])]
    if not obtained:
        return orgs
    released = [o for o in orgs if o not in obtained and RELEASED_BY.search(phrase[:o.start + offset])]
    others = [o for o in orgs if o not in obtained]
    return released or others or orgs
# a count of the publications a sentence cites, just before the word that names them
COUNTED_PUBLICATIONS = re.compile(r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                                  r"\s+(?:new\s+|recent\s+|separate\s+)?$", re.I)
# patterns read just after a body's name: "HMPPS's latest workforce figures show", "the MoJ's
# own figures reveal", "Napo's claim that"
AFTER_NAME = [(rule, re.compile(p)) for rule, p in (
    ("restated:figures-show", rf"(?:'s|’s)?\s+(?:[\w“”\"'’-]+\s+){{0,4}}{PUBLICATION}\b(?:\s+\w+){{0,3}}?\s+{FINDING_VERB}\b"),
    # a publication by its own title: "the Prison Reform Trust's Bromley Briefings show"
    ("restated:titled-publication", rf"(?:'s|’s)\s+(?:[A-Z][\w’'-]*\s+){{1,4}}{FINDING_VERB}\b"),
    ("restated:claim-of", r"(?:'s|’s) (?:\w+ ){0,2}(?:reassurance|assurance|statement|announcement|claim|pledge|promise|"
    r"commitment|response|estimate|projection|plan|plans|offer)s? (?:that|of|to)\b"),
)]
# a sentence's end, with a footnote number glued to it ("... in 2023/24.15 We welcome ...")
SENTENCE_END = re.compile(r"[.!?][”\"’']?(?:\d{1,3}(?=\s+[A-Z“\"‘]))?(?=\s|$)")
# a lead names the publication a story is about: "Today's HMPPS quarterly workforce figures"
NAMED_PUBLICATION = re.compile(rf"(?:'s|’s)?\s+(?:[“\"][^”\"]{{1,40}}[”\"]\s+)?(?:[\w-]+\s+){{0,3}}{PUBLICATION}\b")
# "The article states that ...", "The table shows ...": the publication named before
PUBLICATION_ANAPHORA = re.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir) (?:[\w-]+ )?{PUBLICATION} "
    rf"(?:also )?(?:states?|says?|shows?|showed|sets? out|finds?|found|reports?|notes?|claims?|estimates?|reveals?|revealed)\b")


# data a body gave: "a Freedom of Information request to the", "figures obtained from the"
DATA_FROM = re.compile(r"(?:\b(?:Freedom of Information|FOI)\s+(?:request|reply|response)s?\s+(?:to|from)|"
                       r"\b(?:obtained|received|released|supplied|provided)\b[^.]{0,40}?\bfrom)\s+(?:the\s+)?$", re.I)


def publication_scopes(text: str, memory: SpeakerMemory) -> list[Scope]:
    """Sentences that restate "the article" or "the table" of a publication this document named
    before ("I've read the Chief Probation Officer's “myth busters” piece ... The article states
    that ..."), attributed to its publisher; `memory` keeps the last publication named."""
    events = []
    for org in find_organisations(text):
        # "HMPPS's workforce statistics", "a Freedom of Information request to the MoJ"
        if NAMED_PUBLICATION.match(text, org.end) or DATA_FROM.search(text, max(0, org.start - 80), org.start):
            events.append((org.start, "named", spokesperson(org.name)))
    named = find_organisations(text) if "its " in text.lower() or "their " in text.lower() else []
    for m in PUBLICATION_ANAPHORA.finditer(text):
        before = [o for o in named if o.end <= m.start()]
        if m.group().split()[0].lower() in ("its", "their") and before:
            # "The MoJ did not respond, but its latest figures show ...": the owner is the body
            # named before, whatever publication the document named last
            events.append((m.start(), "possessive", spokesperson(before[-1].name)))
        else:
            events.append((m.start(), "anaphora", None))
    scopes = []
    ends = sentence_ends(text) if events else []
    for at, kind, org in sorted(events, key=lambda e: e[0]):
        if kind == "named":
            memory.publication = org
        elif kind == "possessive":
            memory.publication = org
            end_m = SENTENCE_END.search(text, at)
            scopes.append(Scope(last_before(ends, at), end_m.end() if end_m else len(text),
                                org, "restated:its-publication", text[at:at + 40]))
        elif memory.publication:
            end_m = SENTENCE_END.search(text, at)
            scopes.append(Scope(last_before(ends, at), end_m.end() if end_m else len(text),
                                memory.publication, "restated:the-publication", text[at:at + 40]))
    return scopes


def citation_scopes(text: str) -> list[Scope]:
    """Sentences that say whose publication their figures come from."""
    named = find_organisations(text)
    if not named:
        return []  # every citation names a body
    scopes = []
    ends = sentence_ends(text)

    def sentence_scope(at: int, to: int, org: str, rule: str, words_end: int | None = None) -> Scope:
        end_m = SENTENCE_END.search(text, to)
        end = gloss_start(text, to, end_m.end() if end_m else len(text))
        return Scope(last_before(ends, at), end, spokesperson(org), rule, text[at:words_end or to])

    for rule, pattern in CITATIONS:
        for m in pattern.finditer(text):
            orgs = find_organisations(m.group("who"))
            if not orgs or (rule == "citation:publication-from" and ANALYSIS_OF.match(m.group())):
                continue
            if rule == "citation:publication-from":
                orgs = releasers(text[m.start():m.end()], orgs, m.start("who") - m.start())
            if rule == "citation:source-line":
                # "Source: ..." under a table or a paragraph covers all of it
                scopes.append(Scope(0, len(text), spokesperson(orgs[0].name), rule, m.group().strip()))
            else:
                # the words read run to the end of the cited phrase: "According to the latest
                # HMPPS workforce statistics", "review by His Majesty's Prison and Probation Service"
                cited_end = m.start("who") + max(orgs[0].end, len(m.group("who").split(",")[0].rstrip()))
                scopes.append(sentence_scope(m.start(), m.end(), orgs[0].name, rule, cited_end))
                counted = COUNTED_PUBLICATIONS.search(text, max(0, m.start() - 40), m.start())
                if rule == "citation:publication-from" and counted:
                    # "each of the four reports published by HMIP": how many reports there were
                    # is the writer's description of them, not what they say (source None: the
                    # passage's writer, filled in by extract/source.py)
                    scopes.append(Scope(counted.start(), m.start(), None, "writer:counts-the-publications",
                                        counted.group().strip()))
    for org in named:
        if ANALYSIS_BEFORE.search(text, max(0, org.start - 40), org.start):
            continue  # "Analysis of Ministry of Justice data revealed": the analyst's finding
        for rule, pattern in AFTER_NAME:
            m = pattern.match(text, org.end)
            if m:
                scopes.append(sentence_scope(org.start, m.end(), org.name, rule))
                break
    scopes.sort(key=lambda sc: sc.start)
    return scopes


# a press release reproduced as it was sent: its opening sentence names the body, which "has
# today" done something ("Napo ... has today served notice of its intention to ballot")
PRESS_RELEASE_OPENING = re.compile(r"[^.]{0,160}?\b(?:has|have)\s+today\b|[^.]{0,160}?\btoday\s+(?:announced|published|released|launched|served|called)\b")


def reproduced_release(texts: list[str]) -> Scope | None:
    """The body whose press release a post reproduces, when its first passage opens with the
    body's name and says what it "has today" done (a Scope over that passage)."""
    for text in texts[:1]:
        stripped = text.lstrip()
        orgs = find_organisations(stripped[:80])
        m = PRESS_RELEASE_OPENING.match(stripped) if orgs and orgs[0].start == 0 else None
        if m:
            return Scope(0, len(text), spokesperson(orgs[0].name), "reproduced:press-release", m.group())
    return None


# a lead that says a body has published something: "Chief Inspector of Probation Martin Jones
# has published his first Annual Report", "HMI Probation published a new research bulletin"
PUBLISHED = re.compile(rf"(?:\s+[A-Z][\w’'-]*){{0,3}},?\s+(?:has\s+|have\s+)?(?:today\s+|just\s+)?"
                       rf"(?:published|publishes|released|releases|issued|issues|launched)\b[^.]{{0,60}}?\b{PUBLICATION}\b")


# a lead that reports a body's verdict in the passive: "have been rated inadequate by inspectors"
JUDGED_BY = re.compile(r"\b(?:rated|branded|judged|graded|found|criticised|condemned|described|assessed|labelled|"
                       r"deemed|placed|given)\b[^.]{0,80}?\bby\s+(?:the\s+)?$")


def reported_source(texts: list[str]) -> tuple[int, Scope] | None:
    """The publication a news story reports on, named in its opening passages ("Today's
    HMPPS quarterly workforce figures ...", "Inspectors have branded ..."): the passage where
    it is named and a Scope naming the organisation, the rule and its words."""
    for i, text in enumerate(texts):
        # a person quoted ("according to Jane Roe, Napo branch secretary") is a voice in the
        # story, not the publication it reports on
        cited = [sc for sc in citation_scopes(text) if sc.source is not None and not names_a_person(sc.words)]
        if cited:
            return i, dataclasses.replace(cited[0], end=len(text))
        for org in find_organisations(text):
            m = NAMED_PUBLICATION.match(text, org.end)
            if m:
                # what the writer says before naming the publication stays the writer's
                return i, Scope(org.start, len(text), org.name, "restated:lead-publication", text[org.start:m.end()])
        for org in find_organisations(text):
            m = PUBLISHED.match(text, org.end)
            if m:
                return i, Scope(org.start, len(text), org.name, "restated:lead-published", text[org.start:m.end()])
            passive = JUDGED_BY.search(text, max(0, org.start - 100), org.start)
            if passive:
                return i, Scope(last_before(sentence_ends(text), passive.start()), len(text), org.name,
                                "restated:lead-judged-by", text[passive.start():org.end])
        clause_starts = clause_start_list(text)
        for verb in REPORTING_VERB.finditer(text):
            phrase_start = last_before(clause_starts, verb.start())
            orgs = find_organisations(text[phrase_start:verb.start()])
            if orgs and not names_a_person(text[phrase_start:verb.start()]):
                return i, Scope(phrase_start, len(text), orgs[0].name, "restated:lead-speaker",
                                text[phrase_start:verb.end()])
        m = re.match(r"\s*(?:[A-Z][\w’']*\s+){0,4}?(?P<who>[A-Z][\w’' ]{1,60}?)\s+(?:has|have)\s+(?:today\s+)?\w+ed\b", text)
        orgs = find_organisations(m.group("who")) if m else []
        if orgs:
            return i, Scope(0, len(text), orgs[0].name, "restated:lead-has-done", m.group().strip())
    return None


# runs of capitalised words, in which a person's name is the last two or three
CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z’'-]+(?:\.?\s+[A-Z][a-z’'-]+)*\b")
# words of a role or an opening, never of a name: "General Secretary Ian Lawrence"
ROLE_WORDS = {"General", "Secretary", "Chief", "Executive", "Officer", "Director", "Minister", "Chair", "Chairman",
              "Chairwoman", "President", "Spokesperson", "Spokesman", "Spokeswoman", "Leader", "Deputy", "Assistant",
              "Senior", "Head", "Inspector", "Member", "Councillor", "Cllr", "Professor", "Dr", "Mr", "Mrs", "Ms",
              "Dame", "Sir", "Lord", "Baroness", "Branch", "Regional", "National", "Organiser", "Official", "Rep",
              "Governor", "Commissioner", "Justice", "Prisons", "Shadow", "Former", "Labour", "Conservative", "Tory",
              "MP", "Union", "Probation", "Service", "Officers", "Staff", "Practitioner", "Manager"}


def names_a_person(phrase: str) -> bool:
    """Whether a phrase names a person besides the bodies in it ("Jane Roe, GMB organiser",
    "General Secretary Ian Lawrence"): two capitalised words that are neither an
    organisation's nor a role's nor an opening word."""
    masked = phrase
    for org in find_organisations(phrase):
        masked = masked[:org.start] + " " * (org.end - org.start) + masked[org.end:]
    for m in CAPITALISED_RUN.finditer(masked):
        words = [w for w in m.group().replace(".", " ").split()
                 if w not in NOT_NAMES and w not in PERSON_OPENERS and w not in ROLE_WORDS]
        if len(words) >= 2:
            return True
    return False


# capitalised words that open a phrase without naming anyone
PERSON_OPENERS = {"According", "Figures", "Data", "Research", "Analysis", "Statistics", "Official", "New",
                  "Latest", "Today", "Yesterday", "Last", "Inspectors", "Ministers", "Union", "Leaked", "Internal"}


def introduces_quote(text: str, scopes: list[Scope]) -> Scope | None:
    """The speaker's scope, when this passage ends "... told us that:" and the passages that
    follow are what they said."""
    if scopes and text.rstrip().endswith(":") and scopes[-1].end >= len(text.rstrip()) - 1:
        return scopes[-1]
    return None


def scope_at(position: int, scopes: list[Scope]) -> Scope | None:
    """The innermost (last opened) scope holding `position`."""
    for scope in reversed(scopes):
        if scope.start <= position < scope.end:
            return scope
    return None
