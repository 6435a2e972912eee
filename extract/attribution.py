"""Who asserts a figure: the passage's source, unless a speaker is named for it
("HM Inspectorate of Probation told us that “...”", "Katie Lomas, National Chair, NAPO,
noted ...", "Chief Inspector of Probation Justin Russell said:" followed by the quote)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .organisations import find_organisations

REPORTING_VERB = re.compile(
    r"\b(?:told (?:us|the Committee|MPs|the inquiry)|(?:also |further )?(?:said|says|stated?|states|notes?|noted|"
    r"found|finds|estimates?|estimated|reported|reports|warned|warns|argued|argues|agreed|agrees|"
    r"confirmed|explained|committed|pledged|concluded|concludes|highlighted|highlights|added|"
    r"revealed|reveals|showed|shows|claimed|claims|announced|acknowledged|admitted))\b")
PERSON = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr|Dame|Sir|Lord|Baroness) )?([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\b")
PRONOUN_SPEAKER = re.compile(r"\b(?:she|he|they)\s*$", re.I)
CLAUSE_START = re.compile(r"(?:[.!?;]\s|^)")
NOT_NAMES = {"The", "This", "That", "These", "Those", "It", "In", "On", "At", "As", "Commenting",
             "Updating", "Additionally", "Many", "Our", "We", "Initially", "Meanwhile", "Earlier",
             "Probation", "Chair", "Director", "Head", "National", "General", "Chief", "Secretary"}


@dataclass
class Scope:
    start: int
    end: int
    source: str


@dataclass
class SpeakerMemory:
    """What a document has said so far about who speaks for whom."""
    persons: dict[str, str] = field(default_factory=dict)  # full name or surname -> organisation
    last: str | None = None

    def remember(self, phrase: str, org: str) -> None:
        for m in PERSON.finditer(phrase):
            name = m.group(1)
            if name in NOT_NAMES or find_organisations(name):
                continue
            self.persons[name] = org
            self.persons[name.split()[-1]] = org

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


def speaker_scopes(text: str, memory: SpeakerMemory) -> list[Scope]:
    """Stretches of a passage that a named speaker asserts."""
    scopes: list[Scope] = []
    for verb in REPORTING_VERB.finditer(text):
        # the speaker phrase runs from the clause start to the verb
        starts = [m.end() for m in CLAUSE_START.finditer(text, 0, verb.start())]
        clause_start = starts[-1] if starts else 0
        phrase = text[clause_start:verb.start()]
        if "“" in phrase and "”" not in phrase:
            continue  # the verb is inside a quotation, not introducing one
        if re.match(r"\s*[£\d]", text[verb.end():]):
            continue  # "the pledged 1,000": an adjective, not a speaker's verb
        orgs = find_organisations(phrase)
        if orgs and re.search(r"\b(?:whether|if)\b", phrase[orgs[0].end:]):
            continue  # "recommend that the MoJ confirm whether ...": not the MoJ speaking
        org = orgs[0].name if orgs else memory.recall(phrase)
        if org is None and PRONOUN_SPEAKER.search(phrase):
            org = memory.last
        if org is None:
            continue
        if orgs:
            memory.remember(phrase, org)
        memory.last = org
        end = _quote_end(text, verb.end())
        if end is None:
            sentence_end = re.search(r"[.!?](?:\s|$)", text[verb.end():])
            end = verb.end() + sentence_end.end() if sentence_end else len(text)
        scopes.append(Scope(verb.end(), end, org))
    return scopes


def introduces_quote(text: str, scopes: list[Scope]) -> str | None:
    """The speaker of the passages that follow, when this one ends "... told us that:"."""
    if scopes and text.rstrip().endswith(":") and scopes[-1].end >= len(text.rstrip()) - 1:
        return scopes[-1].source
    return None


def source_at(position: int, scopes: list[Scope], default: str | None) -> str | None:
    for scope in reversed(scopes):
        if scope.start <= position < scope.end:
            return scope.source
    return default
