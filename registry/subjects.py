"""The subject vocabulary (registry/subjects.yml): what a figure counts and where it holds,
normalised to a stable id, so that "PSOs", "band 3" and "probation services officers" are one
subject and "in Kent" is one scope.

Like the organisation registry it depends on nothing in the project: extract/ reads a figure's
subject with it, claims/query/series.py keys a figure's series on it."""
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
    under_metric: tuple[tuple[str, str], ...] = ()  # (metric, subject id): what it is under that metric
    metric_of: tuple[tuple[str, str], ...] = ()  # (metric, metric): the metric a figure of it is


@dataclass(frozen=True)
class Vocabulary:
    terms: dict[str, Term]
    # the aliases by their first word (lower case, a final "s" dropped): at each word of a
    # text only the few aliases that can start there are tried, each word's as one pattern
    # whose group a<number> is the alias's place in `ids`
    by_first_word: dict[str, re.Pattern]
    ids: tuple[str, ...]  # the term id of each alias, by the number of its group
    noise: re.Pattern | None = None  # words dropped before matching ("FTE band 3" is "band 3")

    def find(self, text: str | None) -> list[tuple[str, str, int, int]]:
        """Every (id, words, start, end) an alias names in `text`, in order of appearance,
        the longest alias at each word start."""
        if not text or not self.by_first_word:
            return []
        # a hyphen between letters is a space ("staff-in-post", "front line"), same length
        text = _WORD_HYPHEN.sub(" ", text)
        if self.noise is not None:
            # blanked to spaces of the same length, so offsets stay those of `text`
            text = self.noise.sub(lambda m: " " * len(m.group(0)), text)
        found = []
        # every word, so overlapping aliases are all seen and the longest can win ("HMPPS
        # HQ" inside "staff in HMPPS HQ")
        for word in _WORD.finditer(text):
            pattern = self.by_first_word.get(_first_word_key(word.group()))
            m = pattern.match(text, word.start()) if pattern else None
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
            by_alias.setdefault(_WORD_HYPHEN.sub(" ", alias), term.id)
    ignored = tuple(_WORD_HYPHEN.sub(" ", i) for i in ignored)
    # longest first: at one position "probation officers and PSOs" wins over "probation officers"
    aliases = sorted(by_alias, key=len, reverse=True)
    grouped: dict[str, list[int]] = {}
    for i, alias in enumerate(aliases):
        grouped.setdefault(_first_word_key(_WORD.search(alias).group()), []).append(i)
    by_first_word = {
        key: re.compile("(?:" + "|".join(f"(?P<a{i}>{_alternative(aliases[i])})" for i in numbers)
                        + ")" + _ALIAS_END)
        for key, numbers in grouped.items()}
    noise = (re.compile(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(i) for i in sorted(ignored, key=len, reverse=True))
                        + r")(?![\w-])") if ignored else None)
    return Vocabulary({t.id: t for t in terms}, by_first_word, tuple(by_alias[a] for a in aliases), noise)


def _first_word_key(word: str) -> str:
    """A word as aliases are filed by: lower case, without a final s ("Officers", "officer")."""
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _alternative(alias: str) -> str:
    """An alias as a regular expression: words apart by any run of spaces; the last word of
    several singular or plural ("probation officer" and "probation officers"), one word as
    written or plural; each word in any case unless it is an acronym."""
    words = alias.split()
    last = words[-1]
    if len(words) == 1:
        # one word is as written or plural: "recruits" must not read the verb "recruit"
        words[-1] = re.escape(last) + ("(?:s|es)?" if last[-1].isalpha() and not last.endswith("s") else "")
    elif re.search(r"ies$", last):
        words[-1] = re.escape(last[:-3]) + "(?:y|ies)"
    elif re.search(r"[^s]s$", last) and len(last) > 2:
        words[-1] = re.escape(last[:-1]) + "s?"
    elif last[-1].isalpha():
        words[-1] = re.escape(last) + "(?:s|es)?"
    else:
        words[-1] = re.escape(last)
    # an acronym word only as written ("PSOs" is not "psos"), every other word in any case
    # ("NHS Staff" is "NHS staff")
    originals = alias.split()
    parts = [p if _is_acronym(w) else "(?i:" + p + ")"
             for w, p in zip(originals, [re.escape(w) for w in words[:-1]] + [words[-1]])]
    return r"\s+".join(parts)


_WORD = re.compile(r"(?<![\w’'-])\w[\w-]*")
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
# an alias ends at the end of a word; one ending in a letter may carry a footnote marker glued
# to it ("permanent probation officers1, 2014/15"), never more digits than a marker has
_ALIAS_END = r"(?:(?<=[^\W\d_])(?=\d{1,2}(?![\w-]))|(?![\w-]))"


@lru_cache(maxsize=1)
def _data() -> dict:
    text = resources.files("registry").joinpath("subjects.yml").read_text("utf-8")
    return yaml.load(text, Loader=YAML_LOADER)


def _composed(forms: dict | None) -> list[str]:
    """The aliases an entry's `alias_forms` make: every head with every tail ("individuals" and
    "on licence" make "individuals on licence")."""
    if not forms:
        return []
    return [f"{head} {tail}" for head in forms.get("heads", []) for tail in forms.get("tails", [])]


def _term(entry: dict) -> Term:
    names = [entry.get("label") or entry["id"], *entry.get("aliases", []), *_composed(entry.get("alias_forms"))]
    return Term(id=entry["id"], label=entry.get("label") or entry["id"],
                aliases=tuple(dict.fromkeys(names)),
                parents=tuple(entry.get("parents", [])),
                under_metric=tuple((entry.get("under_metric") or {}).items()),
                metric_of=tuple((entry.get("metric_of") or {}).items()))


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
    # names of bodies that hold a place word but say nothing of where a figure holds (the
    # National Probation Service is no "national" figure, London Weighting no London one)
    return _vocabulary(terms, tuple(_data().get("scope_ignored", [])))


def _bodies(key: str) -> Vocabulary:
    """A `key: {subject id: [body names]}` table of the data as a vocabulary of the bodies,
    each filed under the subject id of its people."""
    entries = (_data().get(key) or {}).items()
    return _vocabulary([Term(id=subject, label=subject, aliases=tuple(names)) for subject, names in entries], ())


def _one_owner(bodies: Vocabulary, text: str | None) -> str | None:
    """The subject of the one body `text` names, None when it names none or bodies of different
    subjects."""
    owners = {found[0] for found in outermost(bodies.find(text))}
    return owners.pop() if len(owners) == 1 else None


@lru_cache(maxsize=1)
def staff_bodies() -> Vocabulary:
    """The bodies whose staff a bare "staff" may be (`staff_of_body`)."""
    return _bodies("staff_of_body")


@lru_cache(maxsize=1)
def officer_bodies() -> Vocabulary:
    """The bodies whose officers a bare "officers" may be (`officers_of_body`)."""
    return _bodies("officers_of_body")


PROBATION = re.compile(r"\bprobation\b", re.I)


@lru_cache(maxsize=256)
def officers_of_body(text: str | None) -> str | None:
    """The officers of the one body `text` names when it names no probation ("Prisons took on
    3,491 new officers": prison officers), else None."""
    if not text or PROBATION.search(text):
        return None
    return _one_owner(officer_bodies(), text)


@lru_cache(maxsize=256)
def staff_of_body(text: str | None) -> str | None:
    """The staff subject of the one body `text` names ("the Probation Service": probation
    staff), None when it names none or bodies of different staff."""
    return _one_owner(staff_bodies(), text)


def outermost(found: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """The matches no longer match holds: "Probation Service" inside "HM Prison and Probation
    Service" names no second body."""
    return [f for f in found if not any(o[2] <= f[2] and f[3] <= o[3] and (o[3] - o[2]) > (f[3] - f[2])
                                        for o in found)]


def subject_of(text: str | None) -> str | None:
    """The subject id `text` names (its longest alias, as a whole word), else None."""
    return subjects().best(text)


@lru_cache(maxsize=1)
def bare_heads() -> frozenset[str]:
    """Head words that say whose only with the words before them (`bare_heads`), as head_key
    files them."""
    return frozenset(head_key(w) for w in _data().get("bare_heads", []))


def head_key(word: str) -> str:
    """A head word as bare heads are compared: lower case, without a final s."""
    return _first_word_key(word)


@lru_cache(maxsize=1)
def non_subject_words() -> frozenset[str]:
    """Words that name no population or thing counted on their own (`not_subjects`)."""
    return frozenset(w.lower() for w in str(_data().get("not_subjects", "")).split())


def subject_under_metric(subject_id: str | None, metric: str | None) -> str | None:
    """The subject a figure of `metric` counts when its words name `subject_id`: the "50
    cases" of a caseload are cases per officer."""
    term = subjects().terms.get(subject_id) if subject_id else None
    return dict(term.under_metric).get(metric, subject_id) if term else subject_id


def metric_of_subject(metric: str | None, subject_id: str | None) -> str | None:
    """The metric a figure of `subject_id` read as `metric` is (`metric_of`): a prison
    population of recalled prisoners is the recall population."""
    term = subjects().terms.get(subject_id) if subject_id else None
    return dict(term.metric_of).get(metric, metric) if term else metric


def metric_subject(metric: str | None, sentence: str | None = None, in_document: bool = False) -> str | None:
    """What a figure of `metric` counts when its own words name no population: a union's
    membership its members (`metric_subjects`); and for a figure stored from a document
    (`in_document`) the population the corpus means (`document_metric_subjects`: a vacancy
    rate is probation staff's), or the probation service's for a service metric whose sentence
    says "probation" (`service_metrics`). None when there is none, or when `sentence` names
    another population or a body whose staff or officers are others'."""
    data = _data()
    default = (data.get("metric_subjects") or {}).get(metric)
    if default is None and in_document:
        default = (data.get("document_metric_subjects") or {}).get(metric)
        if default is None and metric in (data.get("service_metrics") or ()) and PROBATION.search(sentence or ""):
            default = "probation_service"
        if default is not None and _names_another_population(default, sentence):
            return None
    return default


def _names_another_population(default: str, sentence: str | None) -> bool:
    """True when `sentence` names a population outside `default`'s parents and parts, or a body
    whose staff or officers are such a population."""
    if not sentence:
        return False
    family = {default} | _ancestors(subjects(), default)
    named = {found[0] for found in outermost(subjects().find(sentence))}
    named |= {owner for owner in (staff_of_body(sentence), officers_of_body(sentence)) if owner}
    return any(subject not in family and default not in _ancestors(subjects(), subject)
               and not _unrelated_to_people(subject) for subject in named)


def _unrelated_to_people(subject_id: str) -> bool:
    """True for a subject that is a thing or body rather than a population (cases, posts, the
    probation service, inflation): naming one says nothing of whose a rate or award is."""
    return subject_id in _data().get("not_populations", ())


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
