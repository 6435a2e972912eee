"""What a figure counts, read from the dependency parse: the noun it modifies ("3,550 FTE
band 4 probation officers"), the object of "of" ("two-thirds of the CRC staff"), or the
sentence's subject."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .sentences import sentence_of

NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}  # the parser's fine tags; coarse POS is not computed
MODIFIERS = {"compound", "amod", "nmod", "nummod", "poss"}
MAX_WORDS = 8
_SUBJECTS = "sentence_subjects"  # Doc.user_data key: each sentence's subject token


def _phrase(head: Token) -> str:
    left = [x for t in head.lefts if t.dep_ in MODIFIERS and not t.like_num
            for x in t.subtree if not x.like_num and x.text not in ("%", "£", "(", ")")]
    tokens = sorted([*left, head], key=lambda t: t.i)
    # follow one "of"/"in" attachment: "vacancies in London", "officers in post"
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "for") and child.n_rights:
            obj = [t for t in child.rights if t.dep_ == "pobj"]
            if obj:
                tokens += [child] + [t for t in obj[0].subtree if not t.like_num][:4]
            break
    words = [t.text for t in sorted(set(tokens), key=lambda t: t.i)]
    return " ".join(words[:MAX_WORDS])


def describe_subject(span: Span) -> str | None:
    root = span.root
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.tag_ in NOUN_TAGS:
        return _phrase(root.head)
    head_noun = next((t.head for t in span if t.dep_ in ("nummod", "quantmod") and t.head.tag_ in NOUN_TAGS
                      and t.head not in span), None)
    if head_noun is not None:
        return _phrase(head_noun)
    # "two-thirds of the CRC staff", "15% of the prison population"
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        obj = [t for t in nxt.rights if t.dep_ == "pobj"]
        if obj:
            return _phrase(obj[0])
    for t in span:
        if t.dep_ in ("pobj", "dobj", "attr", "nsubj") and t.head.tag_ in NOUN_TAGS:
            return _phrase(t.head)
    subject = _sentence_subject(sentence_of(span))
    return _phrase(subject) if subject is not None else None


def _sentence_subject(sent: Span) -> Token | None:
    """The sentence's first noun subject, found once per sentence (a Doc remembers it), not
    once per figure: a sentence of many figures is read in time linear in its figures."""
    found = sent.doc.user_data.setdefault(_SUBJECTS, {})
    if sent.start not in found:
        found[sent.start] = next((t.i for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in NOUN_TAGS),
                                 None)
    i = found[sent.start]
    return sent.doc[i] if i is not None else None
