"""What the figure components know about a passage beyond its text: one typed context per
Doc (`doc._.context`), set by `prepare_docs` and read by the components. Who asserts the
figures is decided in extract/source.py; the context only carries what it decided for the
passage."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .attribution import Scope
from .period import Frame
from .period_value import Period

if TYPE_CHECKING:
    from .source import Decision



@dataclass
class DocumentContext:
    publisher: str | None  # the publishing organisation's short name
    asserter: str | None  # who asserts the document's own figures
    published: str | None  # the publication date, at its precision
    reference_period: Period | None = None  # the period a statistics release describes (extract/period.py)


@dataclass
class PassageContext:
    document: DocumentContext
    source_decision: "Decision"  # who asserts this passage unless a speaker is named, and why
    scopes: list[Scope] = field(default_factory=list)  # stretches a named speaker asserts
    context_period: Frame | None = None  # a time frame carried from earlier passages (extract/period.py)
    anchor: Period | None = None  # the latest "as at" date, where changes "since" end
    neighbours: str = ""  # the passages around it, for cues a short sentence lacks

    @property
    def source(self) -> str | None:
        return self.source_decision.source
