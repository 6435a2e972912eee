"""The sentence a figure is in. `Span.sent` walks the Doc's tokens on every call; a passage
with many figures asks often, so its sentences are listed once and found by bisection."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

_KEY = "figure_sentences"
_TEXTS = "sentence_texts"


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, listed once (after its parse is final)."""
    cached = doc.user_data.get(_KEY)
    if cached is None or cached[2] != len(doc):
        sents = list(doc.sents)
        cached = ([s.start for s in sents], sents, len(doc))
        doc.user_data[_KEY] = cached
    return cached[1]


def sentence_of(span: Span) -> Span:
    sentences(span.doc)
    starts, sents, _ = span.doc.user_data[_KEY]
    return sents[bisect_right(starts, span.start) - 1]


def sentence_text(sent: Span) -> str:
    """The sentence's text, made once per sentence (a Doc remembers it): `Span.text` joins its
    tokens on every call, and a sentence of many figures is asked for it once per figure."""
    texts = sent.doc.user_data.setdefault(_TEXTS, {})
    key = (sent.start, sent.end)
    if key not in texts:
        passage = sent.doc.user_data.get("text")
        texts[key] = passage[sent.start_char:sent.end_char] if passage is not None else sent.text
    return texts[key]
