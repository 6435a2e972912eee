"""Why a figure's period, metric and source are what they are.

Every rule that decides one of those attributes records its id and the words it used, as
spaCy's span_ruler copies a pattern's id onto the span it makes: a reader (and `claims eval
--show-errors`) can always ask "which rule said 2014?". The reasons travel on the span as
``span._.why`` = {"period": {"rule": ..., "words": ...}, "metric": {...}, "source": {...}} and
are stored as JSON in ``statistics.why``.
"""
from __future__ import annotations

import json

from spacy.tokens import Span

ATTRIBUTES = ("period", "metric", "source")
WORDS_SHOWN = 80  # characters of the deciding words kept: enough to recognise them

if not Span.has_extension("why"):
    Span.set_extension("why", default=None)


def set_reason(span: Span, attribute: str, rule: str, words: str | None = None) -> None:
    """Record that `rule` decided `attribute` of the figure `span`, from `words` of the text."""
    if attribute not in ATTRIBUTES:
        raise ValueError(f"unknown attribute {attribute!r}: one of {', '.join(ATTRIBUTES)}")
    why = dict(span._.why or {})
    reason = {"rule": rule}
    if words:
        words = " ".join(words.split())
        reason["words"] = words if len(words) <= WORDS_SHOWN else words[:WORDS_SHOWN - 1] + "…"
    why[attribute] = reason
    span._.why = why


def reason_of(span: Span, attribute: str) -> dict | None:
    return (span._.why or {}).get(attribute)


def why_json(why: dict | None) -> str | None:
    return json.dumps(why, ensure_ascii=False, sort_keys=True) if why else None


def stored_reason(why_column: str | None, attribute: str) -> dict:
    """The reason recorded for one attribute of a stored statistic ({"rule", "words"}), {} when
    none was recorded or the column cannot be read."""
    try:
        return (json.loads(why_column) if why_column else {}).get(attribute) or {}
    except ValueError:
        return {}


def describe_reason(why_column: str | None, attribute: str) -> str:
    """'rule id: "words"' for a stored statistic's attribute, or '' when none was recorded."""
    if not why_column:
        return ""
    reason = json.loads(why_column).get(attribute)
    if not reason:
        return ""
    return reason["rule"] + (f": {reason['words']!r}" if reason.get("words") else "")


def reasons_of(why_column: str | None) -> list[dict]:
    """A stored statistic's reasons in the order a reader asks for them: [{"attribute",
    "rule", "words"}] for period, metric and source, those recorded."""
    if not why_column:
        return []
    why = json.loads(why_column)
    return [{"attribute": attribute, "rule": why[attribute]["rule"], "words": why[attribute].get("words")}
            for attribute in ATTRIBUTES if why.get(attribute)]
