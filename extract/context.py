"""What the figure components know about a passage beyond its text: one typed context per
Doc (`doc._.context`), set by `prepare_docs` and read by the components.

Who asserts a document's figures by default is decided here (`document_asserter`): the
publisher, unless the document reproduces another body's text, is a statistics series of an
agency of its publisher, or is a parliamentary answer given for a government department."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import registry

from .attribution import Scope
from .period import Frame
from .period_value import Period

ANSWERING = re.compile(r"\b(?:Question to|To ask|Answered by|answered by)\s+(?:the\s+)?([^\n.:,;?]{3,80})")
MINISTER_OF = re.compile(r"\bMinister(?: of State)?\s*\(([^)]+)\)")


@dataclass
class DocumentContext:
    publisher: str | None  # the publishing organisation's short name
    asserter: str | None  # who asserts the document's own figures
    published: str | None  # the publication date, at its precision
    reference_period: Period | None = None  # the period a statistics release describes (extract/period.py)


@dataclass
class PassageContext:
    document: DocumentContext
    source: str | None  # who asserts this passage unless a speaker is named
    scopes: list[Scope] = field(default_factory=list)  # stretches a named speaker asserts
    context_period: Frame | None = None  # a time frame carried from earlier passages (extract/period.py)
    anchor: Period | None = None  # the latest "as at" date, where changes "since" end
    neighbours: str = ""  # the passages around it, for cues a short sentence lacks


def answering_department(text: str) -> str | None:
    """The government department a parliamentary question is put to or answered by."""
    for pattern in (ANSWERING, MINISTER_OF):
        for m in pattern.finditer(text[:4000]):
            found = [o.name for o in registry.find_organisations(m.group(1))
                     if registry.organisation_kind(o.name) in ("government", "statistics")]
            if found:
                return registry.spokesperson(registry.most_specific(found))
    return None


def document_asserter(document) -> str | None:
    """Who asserts a document's figures unless a passage names someone else."""
    publisher = document.source
    if document.reproduces:
        return document.reproduces
    org = registry.get(publisher)
    if org is None:
        return publisher
    # "HM Prison and Probation Service workforce quarterly", published by the MoJ: the
    # series is the agency's
    named = [m.name for m in registry.find_organisations(document.title or "")]
    agencies = [n for n in named if registry.is_part_of(n, publisher)]
    if agencies:
        return registry.most_specific(agencies)
    if org.kind == "parliament":
        # Hansard and written answers: a minister answers for the department
        department = answering_department(document.text)
        if department:
            return department
        answering = [o.name for o in registry.organisations() if "parliament" in o.answers_for]
        if answering:
            return answering[0]
    return publisher
