"""What the figure components know about a passage beyond its text: one typed context per
Doc (`doc._.context`), set by `prepare_docs` and read by the components. Who asserts the
figures is decided in extract/source.py; the context only carries what it decided for the
passage."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .attribution import Scope

if TYPE_CHECKING:
    from .source import Decision



@dataclass
class DocumentContext:
    publisher: str | None  # the publishing organisation's short name
    asserter: str | None  # who asserts the document's own figures
    published: str | None  # the publication date, at its precision
    reference_period: str | None = None  # the period a statistics release describes

    @property
    def reference_date(self) -> str | None:
        """The day its figures stand at ("as at 31 December 2024"), when the period is one."""
        period = self.reference_period
        return period if period and re.fullmatch(r"\d{4}-\d{2}-\d{2}", period) else None


@dataclass
class PassageContext:
    document: DocumentContext
    source_decision: "Decision"  # who asserts this passage unless a speaker is named, and why
    scopes: list[Scope] = field(default_factory=list)  # stretches a named speaker asserts
    context_period: tuple[str, int] | None = None  # a time frame carried from an intro line
    anchor: str | None = None  # the latest "as at" date, where changes "since" end
    neighbours: str = ""  # the passages around it, for cues a short sentence lacks

    @property
    def source(self) -> str | None:
        return self.source_decision.source
