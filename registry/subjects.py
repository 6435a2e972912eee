"""The subject vocabulary (registry/subjects.yml): what a figure counts and where it holds,
normalised to a stable id, so that "PSOs", "band 3" and "probation services officers" are one
subject and "in Kent" is one scope.

Like the organisation registry it depends on nothing in the project: extract/ reads a figure's
subject with it, claims/series.py keys a figure's series on it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from . import YAML_LOADER


@dataclass(frozen=True)
class Term:
    """A subject or a scope: its id, the name a reader sees, the words texts use for it, and
    what it is part of."""
    id: str
    label: str
    aliases: tuple[str, ...]
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    terms: dict[str, Term]
    pattern: re.Pattern | None
    ids: tuple[str, ...]  # the term id of each alias, by the number of its group (a<number>)
    noise: re.Pattern | None = None  # words dropped before matching ("FTE band 3" is "band 3")

    def find(self, text: str | None) -> list[tuple[str, str, int, int]]:
        """Every (id, words, start, end) an alias names in `text`, in order of appearance,
        the longest alias at each word start."""
        if not text or self.pattern is None:
            return []
        if self.noise is not None:
            # blanked to spaces of the same length, so offsets stay those of `text`
            text = self.noise.sub(lambda m: " " * len(m.group(0)), text)
        found = []
        # every word start, so overlapping aliases are all seen and the longest can win
        # ("HMPPS HQ" inside "staff in HMPPS HQ")
        for start in (w.start() for w in _WORD_START.finditer(text)):
            m = self.pattern.match(text, start)
            if m:
                found.append((self.ids[int(m.lastgroup[1:])], m.group(0), m.start(), m.end()))
        return found

    def best(self, text: str | None) -> str | None:
        """The id named by the longest alias in `text` (the first of equal length): the most
        specific words decide, so "staff in Public Sector Prisons" is prison staff."""
        found = self.find(text)
        if not found:
            return None
        return max(found, key=lambda f: (f[3] - f[2], -f[2]))[0]


def _is_acronym(alias: str) -> bool:
    # "PSOs", "CRC", "PQiP", "NPS": a capital after the first letter of a word
    return any(re.search(r"\w[A-Z]", word) for word in alias.split())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _vocabulary(terms: list[Term], ignored: tuple[str, ...]) -> Vocabulary:
    by_alias: dict[str, str] = {}
    for term in terms:
        for alias in term.aliases:
            by_alias.setdefault(alias, term.id)
    if not by_alias:
        return Vocabulary({t.id: t for t in terms}, None, ())
    # longest first: at one position "probation officers and PSOs" wins over "probation officers"
    aliases = sorted(by_alias, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w’'-])(?:" + "|".join(f"(?P<a{i}>{_alternative(a)})" for i, a in enumerate(aliases))
                         + r")(?![\w-])")
    noise = (re.compile(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(i) for i in sorted(ignored, key=len, reverse=True))
                        + r")(?![\w-])") if ignored else None)
    return Vocabulary({t.id: t for t in terms}, pattern, tuple(by_alias[a] for a in aliases), noise)


def _alternative(alias: str) -> str:
    """An alias as a regular expression: words apart by any run of spaces, the last word
    singular or plural ("probation officer" and "probation officers"); in any case unless it
    is an acronym."""
    words = alias.split()
    last = words[-1]
    if re.search(r"ies$", last):
        words[-1] = re.escape(last[:-3]) + "(?:y|ies)"
    elif re.search(r"[^s]s$", last) and len(last) > 2:
        words[-1] = re.escape(last[:-1]) + "s?"
    elif last[-1].isalpha():
        words[-1] = re.escape(last) + "(?:s|es)?"
    else:
        words[-1] = re.escape(last)
    body = r"\s+".join([re.escape(w) for w in words[:-1]] + [words[-1]])
    return body if _is_acronym(alias) else "(?i:" + body + ")"


_WORD_START = re.compile(r"(?<![\w’'-])[\w(]")


@lru_cache(maxsize=1)
def _data() -> dict:
    text = resources.files("registry").joinpath("subjects.yml").read_text("utf-8")
    return yaml.load(text, Loader=YAML_LOADER)


def _term(entry: dict) -> Term:
    return Term(id=entry["id"], label=entry.get("label") or entry["id"],
                aliases=tuple(dict.fromkeys([entry.get("label") or entry["id"], *entry.get("aliases", [])])),
                parents=tuple(entry.get("parents", [])))


@lru_cache(maxsize=1)
def subjects() -> Vocabulary:
    data = _data()
    return _vocabulary([_term(e) for e in data.get("subjects", [])], tuple(data.get("ignored", [])))


@lru_cache(maxsize=1)
def scopes() -> Vocabulary:
    terms = []
    for entry in _data().get("scopes", []):
        terms.append(_term(entry))
        # a place within a region is a scope of its own, part of the region
        for place in entry.get("places", []):
            terms.append(Term(id=f"{entry['id']}/{_slug(place)}", label=place, aliases=(place,),
                              parents=(entry["id"],)))
    return _vocabulary(terms, ())


def subject_of(text: str | None) -> str | None:
    """The subject id `text` names (its longest alias, as a whole word), else None."""
    return subjects().best(text)


def subject_label(subject_id: str | None) -> str | None:
    term = subjects().terms.get(subject_id) if subject_id else None
    return term.label if term else None


# "Essex North PDU", "the Barnsley and Rotherham Probation Delivery Unit": a delivery unit by name
_PDU = re.compile(r"\b((?:[A-Z][\w’'-]*,?\s+(?:(?:and|&)\s+)?){1,5})(?:PDU|Probation Delivery Unit)\b")
_PDU_LEADING = {"The", "In", "At", "For", "Of"}


def scope_of(text: str | None) -> str | None:
    """Where `text` says a figure holds: a named delivery unit (`pdu/<name>`), else the most
    specific place it names (England and Wales, Wales, a region, a county), else None."""
    if not text:
        return None
    pdu = _PDU.search(text)
    if pdu:
        words = pdu.group(1).replace(",", " ").split()
        while words and words[0] in _PDU_LEADING:
            words = words[1:]
        if words:
            return "pdu/" + _slug(" ".join(words))
    return scopes().best(text)


def scope_label(scope_id: str | None) -> str | None:
    if not scope_id:
        return None
    if scope_id.startswith("pdu/"):
        return scope_id[4:].replace("_", " ").title() + " PDU"
    term = scopes().terms.get(scope_id)
    return term.label if term else scope_id


def _ancestors(vocabulary: Vocabulary, term_id: str) -> set[str]:
    seen: set[str] = set()
    todo = [term_id]
    while todo:
        term = vocabulary.terms.get(todo.pop())
        for parent in term.parents if term else ():
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def is_part_of(child: str | None, parent: str | None) -> bool:
    """True when subject `child` is part of subject `parent` (directly or through its parents):
    band 4 probation officers are part of probation staff. A subject is not part of itself."""
    if not child or not parent:
        return False
    return parent in _ancestors(subjects(), child)


def scope_is_within(inner: str | None, outer: str | None) -> bool:
    """True when scope `inner` lies within scope `outer` (Kent within Kent, Surrey and Sussex)."""
    if not inner or not outer:
        return False
    return outer in _ancestors(scopes(), inner)
