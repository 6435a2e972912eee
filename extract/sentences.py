"""The sentence a figure is in. `Span.sent` walks the Doc's tokens on every call; a passage
with many figures asks often, so its sentences are listed once and found by bisection."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span

_KEY = "figure_sentences"


def sentence_of(span: Span) -> Span:
    doc = span.doc
    cached = doc.user_data.get(_KEY)
    if cached is None or cached[2] != len(doc):
        sents = list(doc.sents)
        cached = ([s.start for s in sents], sents, len(doc))
        doc.user_data[_KEY] = cached
    starts, sents, _ = cached
    return sents[bisect_right(starts, span.start) - 1]
