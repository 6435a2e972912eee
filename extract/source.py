"""Who asserts a figure: the one place a figure's source is decided, with the rule that
decided it (extract/reasons.py).

Two levels, because some evidence is the document's and some the sentence's:
  SourceReader   reads a document passage by passage, as prepare_docs makes its Docs, and gives
                 each passage its default source (the publisher, the body a story restates or
                 a post reproduces, a list's introducer, a quotation's speaker) and the
                 stretches of it a named body asserts (extract/attribution.py's scopes).
  figure_source  the spaCy component: each figure takes the innermost stretch that holds it,
                 else its passage's default. On `nlp(text)` alone, with no document, it reads
                 the passage's own stretches itself, and a figure no one is named for has no
                 source.
Every decision records its rule id ("publisher", "speaker:said", "restated:figures-show",
"reproduced:press-release", ...) and the words it read.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

import registry

from .debate import DebateTurns, asking_house
from .period import introduces_a_list
from .attribution import (Scope, SpeakerMemory, appeal_scopes, citation_scopes, government_commitment_scopes, sentence_ends, introduces_quote, publication_scopes, quoted_before_scopes,
                          reported_source, reproduced_release, speaker_after_scopes, speaker_scopes)
from .reasons import set_reason

LEAD_PASSAGES = 3  # where a story names the publication it reports on
# a line that introduces a pasted text: "This from BBC news website:-"
REPRODUCTION_INTRO = re.compile(r":-\s*$")
# an author's role in a body: "chief executive of Acme CRC", "general secretary of the Union"
ROLE_OF = re.compile(r"\b(?i:chief executive|chief officer|director|chair|chairman|chairwoman|chairperson|head|"
                     r"general secretary|spokesperson|spokesman|spokeswoman|president|leader|CEO)\s+(?:of|at)\s+"
                     r"(?:the\s+)?(?P<org>[A-Z][\w&’'-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w&’'-]*)*)")
# kinds of document whose lead restates another body's publication: news stories and blog
# posts. A charity's response to a report mixes the report's findings with its own framing
# of the reform sentence by sentence (measured on dev: restating from its lead cost more
# figures than it gained), so its citations are read sentence by sentence.
RESTATING_KINDS = ("news", "blog", "union")
# bodies that write about others' figures rather than produce their own
WRITER_KINDS = ("news", "blog", "comment")
ANSWERING = re.compile(r"\b(?:Question to|To ask|Answered by|answered by)\s+(?:the\s+)?([^\n.:,;?]{3,80})")
HANSARD = re.compile(r"\bHansard\b|\bwritten (?:questions?|answers?|statements?)\b|\bquestions and answers\b|"
                     r"\bparliamentary questions?\b|\bdebates?\b|hansard\.parliament|questions-statements|"
                     r"theyworkforyou|\bWestminster Hall\b|/whall/", re.I)
MINISTER_OF = re.compile(r"\bMinister(?: of State)?\s*\(([^)]+)\)")


ANSWERING_RULES = ("publisher:answering-department", "publisher:parliament-answers")


@dataclass(frozen=True)
class Decision:
    """A source and the rule that chose it, with the words it read."""
    source: str | None
    rule: str
    words: str = ""


@dataclass
class PassageSource:
    default: Decision  # who asserts the passage's figures unless a stretch names someone
    scopes: list[Scope] = field(default_factory=list)  # stretches a named body asserts


def passage_scopes(text: str, memory: SpeakerMemory) -> list[Scope]:
    """The stretches of one passage that a named body asserts, in order of their start."""
    scopes = sorted(publication_scopes(text, memory) + citation_scopes(text) + speaker_scopes(text, memory)
                    + quoted_before_scopes(text, memory) + speaker_after_scopes(text, memory)
                    + government_commitment_scopes(text) + appeal_scopes(text), key=lambda sc: sc.start)
    return sorted(scopes + continued_quotes(text, scopes), key=lambda sc: sc.start)


def continued_quotes(text: str, scopes: list[Scope]) -> list[Scope]:
    """Quotations that follow a speaker's quotation in the same passage with no speaker of
    their own: "“...,” he said. “If a third of the country ...”" goes on with the speaker."""
    speakers = [sc for sc in scopes if sc.rule.startswith(("speaker:", "quote:"))]
    found = []
    for start, end in quoted_spans(text, straight=True):
        if any(sc.start <= start < sc.end for sc in scopes):
            continue
        before = [sc for sc in speakers if sc.end <= start]
        if before:
            last = max(before, key=lambda sc: sc.end)
            found.append(Scope(start, end, last.source, "quote:continued", last.words))
    return found


# -- the document's default ------------------------------------------------------------

def answering_department(text: str) -> tuple[str, str] | None:
    """The government department a parliamentary question is put to or answered by, and the
    words that name it."""
    for pattern in (ANSWERING, MINISTER_OF):
        for m in pattern.finditer(text[:4000]):
            found = [o.name for o in registry.find_organisations(m.group(1))
                     if registry.organisation_kind(o.name) in ("government", "statistics")]
            if found:
                return registry.spokesperson(registry.most_specific(found)), m.group()
    return None


def is_parliamentary_answer(document) -> bool:
    """Whether a parliamentary document is Hansard or a written question and answer, where a
    minister speaks for a department: its publisher, title or address says so, or its text
    puts a question to a department."""
    described = " ".join(filter(None, (document.publisher, document.title, document.url)))
    return bool(HANSARD.search(described) or ANSWERING.search(document.text[:4000]))


def lead_body(document) -> tuple[str, str] | None:
    """The first registered body the document's title or opening passages name, and the words."""
    texts = [document.title or ""] + [document.passage_text(p) for p in document.passages[:LEAD_PASSAGES + 1]]
    for text in texts:
        found = registry.find_organisations(text)
        if found:
            return registry.spokesperson(found[0].name), text[:80]
    return None


# sites on which anyone publishes under a host of their own: the host is a writer, never a body
BLOG_HOSTS = ("blogspot.com", "wordpress.com", "substack.com", "medium.com", "blogger.com", "tumblr.com")


def blog_host(raw: str | None) -> bool:
    host = registry.url_host(raw) if raw and registry.is_domain(raw) else ""
    return any(host == h or host.endswith("." + h) for h in BLOG_HOSTS)


def document_asserter(document) -> Decision:
    """Who asserts a document's figures unless a passage names someone else."""
    publisher = document.source
    if document.reproduces:
        return Decision(document.reproduces, "reproduced:publisher-note", document.publisher or "")
    org = registry.get(publisher)
    given = document.publisher or publisher
    if (org is None and (publisher in (None, "unknown") or registry.is_domain(given)) and not blog_host(given)) or \
            (org is not None and org.shared_domains and (not document.publisher or registry.is_domain(given))):
        # a publisher known only by its web address (or only as the owner of a shared site,
        # gov.uk), or not known at all, is the body the text's lead names; a blog host's
        # address (x.blogspot.com) is a blogger's, whoever the post names
        named = lead_body(document)
        if named:
            return Decision(named[0], "publisher:named-in-lead", named[1])
    if org is None:
        return Decision(publisher, "publisher", document.publisher or "")
    # "HM Prison and Probation Service workforce quarterly", published by the MoJ: the
    # series is the agency's
    named = [m.name for m in registry.find_organisations(document.title or "")]
    agencies = [n for n in named if registry.is_part_of(n, publisher)]
    if agencies:
        return Decision(registry.most_specific(agencies), "publisher:series-of-agency", document.title or "")
    if org.kind == "parliament" and is_parliamentary_answer(document):
        # Hansard and written answers: a minister answers for the department; a Library
        # briefing or any other parliamentary paper speaks for its publisher
        department = answering_department(document.text)
        if department:
            return Decision(department[0], "publisher:answering-department", department[1])
        answering = [o.name for o in registry.organisations() if "parliament" in o.answers_for]
        if answering:
            return Decision(answering[0], "publisher:parliament-answers", org.name)
    return Decision(publisher, "publisher", document.publisher or publisher or "")


# -- passage by passage ----------------------------------------------------------------

# a headline's attribution, after its claim: "Wexham probation 'failing', inspectors warn",
# "Officers quitting at record rate, says Napo", "Staff short by 1,500 – MoJ figures reveal"
HEADLINE_ATTRIBUTION = re.compile(
    r"(?:(?<!\d),|:|\s[–—-])\s*(?:(?:says?|warns?|finds?|claims?|reveals?|according to)\s+(?P<after>[^,:]{2,60})"
    r"|(?P<before>[^,:]{2,60}?)\s+(?:say|says|warn|warns|find|finds|claim|claims|reveal|reveals|report|reports))\s*$")


def headline_source(title: str) -> tuple[str, str] | None:
    """The body a headline gives its claim to, and the words that say so."""
    m = HEADLINE_ATTRIBUTION.search(title)
    if m is None:
        return None
    found = registry.find_organisations(m.group("after") or m.group("before"))
    return (registry.spokesperson(found[0].name), m.group().strip(" ,:–—-")) if found else None


class SourceReader:
    """A document's sources, read passage by passage in order: what a passage says about who
    speaks (a named speaker, a quotation introduced, a list's introducer) carries to the
    passages after it."""

    def __init__(self, document, texts: list[str]):
        self.document = document
        self.texts = texts
        self.asserter = document_asserter(document)
        self.memory = SpeakerMemory(opposition=registry.opposition_on(document.published or document.published_inferred))
        self.pending: Scope | None = None  # a speaker whose quotation the next passages carry
        self.last_quoted: Scope | None = None  # the speaker quoted at the end of the passage before
        self.list_intro: Scope | None = None  # the body a list's introduction names
        self.reproduction: Decision | None = None  # whose pasted text the passages carry
        self.lead = self._lead(texts)
        self.inspectorate: str | None = None  # the inspectorate the document last named
        self.turns = DebateTurns() if self.asserter.rule in ANSWERING_RULES else None  # whose turn in a debate

    def _lead(self, texts: list[str]) -> tuple[int, Scope] | None:
        """The passage from which a post or story restates or reproduces another body's text,
        and that body."""
        document = self.document
        if self.asserter.source != document.source or document.kind not in RESTATING_KINDS:
            return None
        # the lead: the first passages of text, a standfirst set as a title line included
        title = " ".join((document.title or "").split())
        body = [n for n, p in enumerate(document.passages)
                if p.kind != "heading" and not (p.kind == "title" and (" ".join(texts[n].split()) == title
                                                                        or not texts[n].strip().endswith(".")))]
        body = body[:LEAD_PASSAGES]
        # a post that reproduces a body's press release is that body's from its first line
        release = reproduced_release([texts[n] for n in body])
        if release:
            return body[0], release
        found = reported_source([texts[n] for n in body])
        if found:
            return body[found[0]], found[1]
        # a story whose headline says whose finding it is: "..., inspectors warn", "..., says Napo"
        headline = headline_source(title)
        if headline and body:
            return body[0], Scope(0, len(texts[body[0]]), headline[0], "restated:headline", headline[1])
        return None

    def read(self, i: int, passage, text: str) -> PassageSource:
        """Passage `i` (of text `text`): its default source and its scopes. Every passage is
        read, extracted or not, in order."""
        self.memory.remember_appositions(text)
        scopes = self._labelled_speaker(text) + passage_scopes(text, self.memory)
        quoted = passage.kind == "quote" or text.lstrip().startswith(("“", '"'))
        if self.pending and quoted and not scopes:
            scopes = [Scope(0, len(text), self.pending.source, "quote:introduced", self.pending.words)]
        elif self.last_quoted and text.lstrip().startswith(("“", '"')) and not scopes:
            # a paragraph that opens a quotation with no speaker of its own goes on with the one
            # quoted at the end of the paragraph before (a story's quotation across paragraphs)
            scopes = [Scope(0, len(text), self.last_quoted.source, "quote:continued-paragraph", self.last_quoted.words)]
        elif not quoted:
            self.pending = None
        self.pending = introduces_quote(text, scopes) or self.pending
        speakers = [sc for sc in scopes if sc.rule.startswith(("speaker:", "quote:")) and sc.source]
        self.last_quoted = speakers[-1] if speakers and re.search(r"[”\"][^“”\"]{0,80}$", text.rstrip()) else None

        document, asserter = self.document, self.asserter
        scopes = scopes + self._inspection_evidence(text)
        # a stretch whose speaker no body is named for is the passage's writer's
        writer = asserter.source if passage.source in (None, document.source) else passage.source
        scopes = [dataclasses.replace(sc, source=writer) if sc.source is None else sc for sc in scopes]
        if passage.source in (None, document.source):
            default = asserter
            turn = self.turns.read(text) if self.turns else None
            if turn:
                # a member's question or speech is its speaker's, who speaks for their House;
                # the minister answers for the department
                default = Decision(asking_house(document), *turn)
        else:
            default = Decision(passage.source, "passage:" + passage.kind)
        if self.lead and i >= self.lead[0] and default.source == asserter.source:
            lead = self.lead[1]
            # a blogger's own first-person remarks on what they restate stay theirs
            # a blogger's own first-person remarks on what they restate stay theirs; so do a
            # paper's or a union's "we" and "our", and the sentences in which a body names itself
            own = first_person_scopes(text, asserter.source, plural=document.kind != "blog")
            if i == self.lead[0]:
                scopes = [lead] + own + scopes  # from where the lead names it; inner stretches win
            else:
                default = Decision(lead.source, lead.rule, lead.words)
                # the writer's own narrative of what another body did ("In 2013 the
                # government dismantled 35 trusts") sets the scene for the restated figures
                scopes = own + narrated_scopes(text, lead.source, asserter.source) + scopes
        if self.reproduction and passage.source in (None, document.source):
            default = self.reproduction
        if REPRODUCTION_INTRO.search(text):
            self.reproduction = self._reproduced(text)
            # the line introducing a pasted text is the poster's own ("... summed it up in
            # less than 140 characters:-")
            intro = last_sentence_start(text)
            scopes = scopes + [Scope(intro, len(text), asserter.source, "reproduced:introduction", text[intro:])]
        if passage.kind == "list_item" and self.list_intro:
            default = Decision(self.list_intro.source, self.list_intro.rule, self.list_intro.words)
        if introduces_a_list(text):
            self.list_intro = self._list_introducer(i)
        elif passage.kind != "list_item":
            self.list_intro = None
        return PassageSource(default, scopes)

    def _labelled_speaker(self, text: str) -> list[Scope]:
        """A transcript's turn, "Jane Roe: We estimate 1,000 vacancies": the body the document
        named the speaker for ("Witnesses: Jane Roe, General Secretary, Napo"); a committee's
        chair or member ("Q12 Chair:") speaks for the committee that publishes it."""
        m = SPEAKER_LABEL.match(text)
        if m is None:
            return []
        name = m.group("name")
        if m.group("question") or name in CHAIR_LABELS:
            org = self.document.source if registry.organisation_kind(self.document.source) in ("committee", "parliament") \
                else None
        else:
            org = self.memory.recall(name)
        if org is None:
            return []
        self.memory.last = org
        return [Scope(m.end(), len(text), org, "speaker:transcript-label", m.group().strip())]

    def _inspection_evidence(self, text: str) -> list[Scope]:
        """Sentences that report an inspection's evidence ("Of the 86 cases inspected", "in the
        inspected areas") in a document that is not the inspectorate's own: the inspectorate it
        last named made the finding, whoever restates it."""
        named = [o.name for o in registry.find_organisations(text)
                 if registry.organisation_kind(o.name) == "inspectorate"]
        scopes = []
        if self.inspectorate and registry.organisation_kind(self.asserter.source) != "inspectorate":
            scopes = inspection_evidence_scopes(text, self.inspectorate)
        self.inspectorate = named[-1] if named else self.inspectorate
        return scopes

    def _reproduced(self, text: str) -> Decision | None:
        """Whose text a post pastes after a line ending ":-" ("... as reported by the BBC:-",
        "This from Napo yesterday:-"): the body its last sentence names last. A body whose
        figures the post's lead restates keeps them when the pasted text is a writer's (a
        tweet or a story on the same statistics restates them too)."""
        last_sentence = text[last_sentence_start(text):]
        orgs = registry.find_organisations(last_sentence, include_intro_only=True)
        if not orgs:
            # "from J. Roe, chief executive of Acme CRC:-": a body the registry does not know,
            # named by its author's role
            role = ROLE_OF.search(last_sentence)
            if role is None:
                return None
            return Decision(role.group("org"), "reproduced:colon-dash", role.group())
        author = orgs[-1].name
        lead = self.lead[1].source if self.lead else None
        if lead and registry.organisation_kind(lead) not in WRITER_KINDS and \
                registry.organisation_kind(author) in WRITER_KINDS:
            return None
        return Decision(registry.spokesperson(author), "reproduced:colon-dash", last_sentence[orgs[-1].start:])

    def _list_introducer(self, i: int) -> Scope | None:
        """The body a list's introduction (passage `i`, or the one before it) names: a list of
        figures after "The most recent HMPPS workforce figures ... show:" is HMPPS's."""
        intro = " ".join(self.texts[max(0, i - 1):i + 1])
        orgs = registry.find_organisations(intro)
        return Scope(0, 0, orgs[0].name, "list:introduction", intro.strip()[-80:]) if orgs else None


# a writer speaking for themselves: "I think", "by my reckoning" (outside quotation marks)
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me)\b")
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[”\"’']?|$)")


def first_person_scopes(text: str, writer: str, plural: bool = False) -> list[Scope]:
    """The sentences of a passage in which its writer speaks in the first person singular
    (with `plural`, also as "we", or naming itself: a union's "Napo is balloting its members"),
    outside any quotation. A blogger's "we" is often the profession's, not the blog's."""
    scopes = []
    quoted = quoted_spans(text)
    for m in SENTENCE.finditer(text):
        sentence = m.group()
        if "“" in sentence or '"' in sentence or any(a <= m.start() < b for a, b in quoted):
            continue
        found = FIRST_PERSON.search(sentence)
        if found:
            scopes.append(Scope(m.start(), m.end(), writer, "writer:first-person", sentence[found.start():][:60]))
        elif plural and (found := FIRST_PERSON_PLURAL.search(sentence) or names_itself(sentence, writer)):
            scopes.append(Scope(m.start(), m.end(), writer, "writer:own-voice", sentence[found.start():][:60]))
    return scopes


FIRST_PERSON_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|[Ww]e've|[Ww]e’ve|[Ww]e're|[Ww]e’re)\b")


def names_itself(sentence: str, writer: str) -> re.Match | None:
    """Where a sentence names its writer's own organisation, as a match over that name."""
    for org in registry.find_organisations(sentence):
        if org.name == writer:
            return re.compile(re.escape(org.alias)).search(sentence, org.start)
    # a writer the registry does not know, by the name it publishes under
    return re.search(rf"(?<!\w){re.escape(writer)}(?!\w)", sentence) if writer else None


def quoted_spans(text: str, straight: bool = False) -> list[tuple[int, int]]:
    """The stretches of a passage inside curly quotation marks (with `straight`, also between
    pairs of straight ones), a quotation left open running to the end."""
    spans = []
    at = text.find("“")
    while at != -1:
        close = text.find("”", at + 1)
        end = len(text) if close == -1 else close + 1
        spans.append((at, end))
        at = text.find("“", end)
    if straight:
        marks = [m.start() for m in re.finditer('"', text)]
        spans += [(a, b + 1) for a, b in zip(marks[::2], marks[1::2])]
    return sorted(spans)


# the speaker's label of a transcript's turn: "Ian Lawrence:", "Q12 Chair:", "Q14 Sir Bob Neill:"
SPEAKER_LABEL = re.compile(r"\s*(?P<question>Q\s?\d+\s+)?(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Baroness|Professor)\s+)?"
                           r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}):\s")
CHAIR_LABELS = ("Chair", "The Chair", "Chairman", "Chairwoman")


# an inspection's evidence: the cases, sample or areas inspected, practitioners interviewed
# during an inspection, its ratings and points
INSPECTION_EVIDENCE = re.compile(
    r"\b(?:cases|orders|licences|case files|sample|areas|regions|services|units|PDUs)\s+(?:(?:that\s+)?(?:we|they|inspectors)\s+"
    r"(?:have\s+|had\s+)?)?(?:inspected|examined|looked at)\b"
    r"|\binspected\s+(?:sample|areas?|cases|regions?|services?|units?|PDUs)\b"
    r"|\b(?:interviewed|surveyed)\s+(?:during|for|in)\s+(?:this|the|its|their|recent|these)\s+inspections?\b"
    r"|\binspection\s+(?:points|ratings?|scores?)\b", re.I)


def inspection_evidence_scopes(text: str, inspectorate: str) -> list[Scope]:
    """The stretch of a passage from the first sentence that reports an inspection's evidence:
    the inspectorate's (the sentences after it in the paragraph go on with its findings: "Of
    the 86 cases inspected, none ... More than a third were released homeless")."""
    start = 0
    for end in sentence_ends(text) + [len(text)]:
        m = INSPECTION_EVIDENCE.search(text, start, end)
        if m:
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            return [Scope(start + lead, len(text), inspectorate, "restated:inspection-evidence", m.group())]
        start = end
    return []


# an actor the writer narrates: a named body, or a government or party by its description
GOVERNMENT_ACTOR = re.compile(r"(?:[Tt]he\s+)?(?:(?:Coalition|Conservative|Tory|Labour|previous|former|then|last|new|current)\s+)"
                              r"(?:government|Government|administration)\b|\b(?:the\s+)?(?:Tories|ministers|Ministers)\b")
# what a body did to the service, as the writer tells its history: an institutional change
# (set up, dismantled, privatised, reunified), not a figure a report measures ("recruited",
# "spent", "missed"), which stays the report's
NARRATED_DEED = re.compile(
    r"\s+(?:(?:has|had|have|then|also|later|quickly|finally|subsequently)\s+)?(?:in\s+(?:\w+\s+)?\d{4}\s+)?"
    r"(?P<verb>established|set up|created|launched|introduced|dismantled|abolished|scrapped|replaced|merged|split|"
    r"divided|privatised|part-privatised|renationalised|nationalised|reunified|unified|outsourced|restructured|"
    r"reformed|enacted|legislated|awarded|signed|terminated|ended|closed|opened|founded|formed|began|started)\b")
# a sentence's opening before its actor: a phrase closed by a comma ("Under the reforms,"),
# or a time without one ("In 2014 the government ...")
SENTENCE_OPENING = re.compile(r"\s*(?:[^,.;:!?“”\"]{0,60},\s*|(?:In|By|During|Back in|Earlier|Last|This|That)\s+"
                              r"(?:\w+\s+){0,2}?(?:\d{4}|year|spring|summer|autumn|winter|month|week)\s+)?")


def narrated_scopes(text: str, restated: str, writer: str) -> list[Scope]:
    """Sentences of a story restating `restated`'s publication in which the writer narrates what
    another body did ("In February, HMPPS established a programme to cut workloads by 25%",
    "the Coalition government in 2013 dismantled 35 trusts"): the writer's scene-setting."""
    scopes = []
    start = 0
    for end in sentence_ends(text) + [len(text)]:
        sentence = text[start:end]
        opening = SENTENCE_OPENING.match(sentence).end()
        for actor_start, actor_end, name in _actors(sentence):
            if actor_start > opening + 4 or name == restated:
                continue
            deed = NARRATED_DEED.match(sentence, actor_end)
            if deed:
                lead = len(sentence) - len(sentence.lstrip())
                scopes.append(Scope(start + lead, end, writer, "writer:narrates-another-body",
                                    sentence[actor_start:deed.end()]))
            break
        start = end
    return scopes


def _actors(sentence: str) -> list[tuple[int, int, str]]:
    """The bodies a sentence names, and governments or parties by description, in order."""
    found = [(o.start, o.end, o.name) for o in registry.find_organisations(sentence)]
    found += [(m.start(), m.end(), "government") for m in GOVERNMENT_ACTOR.finditer(sentence)]
    return sorted(found)


def last_sentence_start(text: str) -> int:
    ends = list(re.finditer(r"[.!?][”\"’']?\s+(?=\S)", text))
    return ends[-1].end() if ends else len(text) - len(text.lstrip())


# kinds of body that report on others' work, and kinds of body they report on
REPORTER_KINDS = ("audit", "committee", "inspectorate")
AUDITED_KINDS = ("government", "statistics")
# what an audited body "found" is its auditor's finding; what it "estimated" or "stated" is its own
FOUND = ("speaker:found", "speaker:finds")


def decide(position: int, scopes: list[Scope], default: Decision) -> Decision:
    """Who asserts the figure at `position`: the innermost stretch holding it, else the
    passage's default; except that an auditor, committee or inspectorate reporting what the
    audited body found keeps the finding ("HMPPS found it had underestimated ... by 5,400" in
    an NAO report is the NAO's)."""
    holding = [sc for sc in scopes if sc.start <= position < sc.end]
    candidates = [Decision(sc.source, sc.rule, sc.words) for sc in reversed(holding)] + [default]
    chosen = candidates[0]
    if chosen.rule in FOUND and registry.organisation_kind(chosen.source) in AUDITED_KINDS:
        reporter = candidates[1]
        if registry.organisation_kind(reporter.source) in REPORTER_KINDS:
            return Decision(reporter.source, "reported-finding:" + reporter.rule, chosen.words)
    return chosen


# -- the component ---------------------------------------------------------------------

@Language.component("figure_source", requires=["span._.metric", "span._.period_from_publication"],
                    assigns=["span._.source", "span._.confidence", "span._.why"])
def figure_source(doc: Doc) -> Doc:
    ctx = doc._.context
    if ctx is not None:
        scopes, default = ctx.scopes, ctx.source_decision
    else:
        # a passage alone: only what its own words say about who speaks
        text = doc.user_data.get("text") or doc.text
        scopes, default = passage_scopes(text, SpeakerMemory()), Decision(None, "none")
    for span in doc.spans["figures"]:
        fig = span._.quantity
        decision = decide(fig.start, scopes, default)
        span._.source = decision.source
        set_reason(span, "source", decision.rule, decision.words)
        confidence = 0.9
        if span._.metric == "other":
            confidence -= 0.2
        if span._.period_from_publication:
            confidence -= 0.1
        if fig.is_word:
            confidence -= 0.1
        span._.confidence = round(confidence, 2)
    return doc
