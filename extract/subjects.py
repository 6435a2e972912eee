"""What a figure counts: the population or thing it is a number of. Read from the dependency
parse (the noun it modifies: "3,550 FTE band 4 probation officers", the object of "of":
"two-thirds of the CRC staff", or the sentence's subject), and checked against the subject
vocabulary (registry/subjects.yml): when the parse gives words that name no subject ("FTE
band", "March", "figures for the last quarter"), the subject is the vocabulary's alias nearest
the figure in its sentence ("22,288 FTE (full time equivalent) band 3-5 prison officers")."""
from __future__ import annotations

from spacy.tokens import Span, Token

import re
from bisect import bisect_right
from functools import lru_cache

from registry.subjects import bare_heads, head_key, non_subject_words, outermost, staff_bodies, staff_of_body, subjects

from .sentences import sentence_of, sentence_text

NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}  # the parser's fine tags; coarse POS is not computed
MODIFIERS = {"compound", "amod", "nmod", "nummod", "poss"}
MAX_WORDS = 8


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


# how much nearer a subject written after a figure is than one before it: a count's noun
# follows it ("287 FTE band 3-5 prison officers"), a change restates the subject written
# before it ("5,310 operational support staff, an increase of 227 FTE")
AFTER_WEIGHT = 0.5
MAX_DISTANCE = 120  # characters: further away, an alias names something else the sentence says


def describe_subject(span: Span) -> str | None:
    """The words that say what the figure counts: the parse's phrase when the vocabulary reads
    a subject in it, else the alias nearest the figure, else the parse's phrase unless it
    names nothing (a month, a unit, "year"). A bare "officers" or "staff" is the kind the
    passage named last before it (`antecedent`)."""
    bracketed = bracketed_subject(span)
    if bracketed:
        return antecedent(span, bracketed)
    phrase, head = parsed_subject(span)
    if phrase and subjects().best(phrase):
        return antecedent(span, widest_alias_at(head, phrase) or phrase)
    nearest = nearest_alias(span)
    if nearest:
        return antecedent(span, nearest)
    return phrase if phrase and not names_nothing(phrase) else None


def antecedent(span: Span, words: str) -> str:
    """`words` when they say whose they are; when their only subject is a bare head
    (registry/subjects.yml `bare_heads`: "13,576 officers had been recruited"), the latest
    alias of the passage before the figure that ends or begins with the same head ("the pledge
    to recruit 20,000 additional police officers"): the kind of officer or staff the text is
    about. A sentence that names a body whose staff a bare "staff" is keeps its own reading
    unless the kind is named in the sentence itself."""
    found = subjects().find(words)
    if len(found) != 1 or len(found[0][1].split()) != 1:
        return words
    head = head_key(found[0][1])
    if head not in bare_heads():
        return words
    sent = sentence_of(span)
    ends, named = _kinds_named(sent.doc).get(head, ((), ()))
    before = bisect_right(ends, span.start_char)
    # a kind named earlier in the figure's own sentence ("the staff required to provide
    # sentence management tasks by 34% (5,400 staff)"); one named in an earlier sentence
    # only when the figure's sentence names no body whose staff it could be
    if before and (ends[before - 1] > sent.start_char or not staff_of_body(sentence_text(sent))):
        return named[before - 1]
    if staff_of_body(sentence_text(sent)):
        return words
    # else the heading of the section the passage is in ("Staff in post (Probation Service)"):
    # a kind of officer or staff it names, or the one body whose staff it names
    section = sent.doc.user_data.get("section")
    if not section:
        return words
    named = [alias for _, alias, _, _ in subjects().find(section)
             if len(alias.split()) > 1 and head in (head_key(alias.split()[-1]), head_key(alias.split()[0]))]
    if named:
        return " ".join(named[-1].split())
    bodies = outermost(staff_bodies().find(section))
    if head == head_key("staff") and len({owner for owner, _, _, _ in bodies}) == 1:
        return f"{words} ({' '.join(bodies[-1][1].split())})"
    return words


# a sentence that opens on a word pointing back ("This is an increase of 90 (16.9%)...", "It
# rose to 21%") speaks of what the sentence before it counted
POINTS_BACK = re.compile(r"^\W*(?:this|that|these|those|it|which)\b", re.I)


def restated_subject(span: Span, previous: Span | None) -> str | None:
    """The subject of the figure before `span` in its passage when `span`'s sentence names
    none and opens on a word pointing back: "623 probation services officers were appointed.
    This is an increase of 90 (16.9%)" counts probation services officers."""
    if previous is None or not previous._.subject:
        return None
    if not POINTS_BACK.match(sentence_text(sentence_of(span))):
        return None
    return previous._.subject


def _kinds_named(doc) -> dict[str, tuple[list[int], list[str]]]:
    """The passage's aliases of more than one word, by the head word they end or begin with
    ("police officers", "staff required for sentence management"): where each ends and its
    words, in order. Found once per passage (a Doc remembers them), so a passage of many
    figures is read in time linear in them."""
    found = doc.user_data.get("kinds_named")
    if found is None:
        by_head: dict[str, list[tuple[int, str]]] = {}
        for _, alias, _, end in aliases_in(doc.user_data.get("text") or doc.text):
            words = alias.split()
            if len(words) > 1:
                for head in {head_key(words[-1]), head_key(words[0])}:
                    by_head.setdefault(head, []).append((end, " ".join(words)))
        found = {head: ([end for end, _ in sorted(named)], [words for _, words in sorted(named)])
                 for head, named in by_head.items()}
        doc.user_data["kinds_named"] = found
    return found


def names_nothing(phrase: str) -> bool:
    """True when every word of `phrase` is one no subject is named by (registry/subjects.yml
    `not_subjects`): "FTE band", "March", "year", "%"."""
    ignored = non_subject_words()
    return all(word.lower().strip(".,;:()'’-") in ignored or not any(c.isalpha() for c in word)
               for word in phrase.split())


def widest_alias_at(head: Token, phrase: str) -> str | None:
    """An alias of the sentence that holds the phrase's head word and is longer than any
    alias in the phrase: the parse cut "prisoners in custody on recall" at "prisoners", the
    vocabulary knows the whole."""
    sent = sentence_of(head.doc[head.i:head.i + 1])
    at = head.idx - sent.start_char
    in_phrase = max((end - start for _, _, start, end in subjects().find(phrase)), default=0)
    covering = [(end - start, words) for _, words, start, end in aliases_in(sentence_text(sent))
                if start <= at < end and end - start > in_phrase]
    return " ".join(max(covering)[1].split()) if covering else None


# a figure in brackets after a noun phrase restates it: "severe staff shortages (estimated at
# 3,150)", "PSOs (2,888)". What may open the bracket before the figure, and how far before the
# bracket the phrase's population word may end ("staff shortages (": the head follows it)
BRACKET_OPENING = re.compile(r"\(\s*(?:[A-Za-z]+\s+){0,3}$")
SHARE_OF = re.compile(r"\s*of\b", re.I)
BRACKET_REACH = 25  # characters between the alias and the bracket, no comma or clause between


def bracketed_subject(span: Span) -> str | None:
    """The alias just before the bracket a figure opens ("staff shortages (estimated at 3,150)":
    staff), else None: the parse of a bracketed figure hangs it on any noun nearby."""
    sent = sentence_of(span)
    text = sentence_text(sent)
    fig_start, fig_end = span.start_char - sent.start_char, span.end_char - sent.start_char
    if SHARE_OF.match(text, fig_end):
        # "(making up 58.5% of all HMPPS staff)": a share names its whole itself
        return None
    opening = BRACKET_OPENING.search(text, 0, fig_start)
    if not opening or opening.end() != fig_start:
        return None
    found = [(end, words) for _, words, start, end in aliases_in(text) if end <= opening.start()]
    if not found:
        return None
    end, words = max(found)
    between = text[end:opening.start()]
    if len(between) > BRACKET_REACH or re.search(r"[,;:()–—]", between):
        return None
    return " ".join(words.split())


def nearest_alias(span: Span) -> str | None:
    """The vocabulary alias in the figure's sentence nearest the figure, as written; after the
    figure counts as nearer (AFTER_WEIGHT), the figure's own words are not an alias."""
    sent = sentence_of(span)
    text = sentence_text(sent)
    fig_start, fig_end = span.start_char - sent.start_char, span.end_char - sent.start_char
    best, best_distance = None, None
    for _, words, start, end in aliases_in(text):
        if start < fig_end and fig_start < end:
            continue
        distance = (start - fig_end) * AFTER_WEIGHT if start >= fig_end else fig_start - end
        if distance > MAX_DISTANCE:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = " ".join(words.split()), distance
    return best


def parsed_subject(span: Span) -> tuple[str | None, Token | None]:
    """The phrase the parse says the figure counts, and its head noun."""
    head = _counted_noun(span)
    return (_phrase(head), head) if head is not None else (None, None)


def _counted_noun(span: Span) -> Token | None:
    root = span.root
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.tag_ in NOUN_TAGS:
        return root.head
    head_noun = next((t.head for t in span if t.dep_ in ("nummod", "quantmod") and t.head.tag_ in NOUN_TAGS
                      and t.head not in span), None)
    if head_noun is not None:
        return head_noun
    # "two-thirds of the CRC staff", "15% of the prison population"
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        obj = [t for t in nxt.rights if t.dep_ == "pobj"]
        if obj:
            return obj[0]
    for t in span:
        if t.dep_ in ("pobj", "dobj", "attr", "nsubj") and t.head.tag_ in NOUN_TAGS:
            return t.head
    return _sentence_subject(sentence_of(span))


def _sentence_subject(sent: Span) -> Token | None:
    """The sentence's first noun subject, found once per sentence (a Doc remembers it), not
    once per figure: a sentence of many figures is read in time linear in its figures."""
    found = sent.doc.user_data.setdefault("sentence_subjects", {})
    if sent.start not in found:
        found[sent.start] = next((t.i for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in NOUN_TAGS),
                                 None)
    i = found[sent.start]
    return sent.doc[i] if i is not None else None


@lru_cache(maxsize=64)
def aliases_in(text: str) -> tuple:
    """The vocabulary's aliases in a sentence, found once for all its figures."""
    return tuple(subjects().find(text))
