"""The organisation registry (registry/organisations.yml): who publishes documents and who
asserts figures, with the names texts and publishers use for them.

It sits below both ingest/ and extract/: ingest resolves a file's publisher string, a page's
site name or domain, a feed's title or a mail's sender to an organisation; extract finds the
organisations a sentence names to attribute what it says."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import yaml

# PyYAML's C parser (libyaml) when it was built with it: the registry, the lexicons and a
# corpus manifest of thousands of files load in milliseconds, not half a second
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Organisation:
    name: str  # the short name a statistic's source is given as
    full_name: str
    kind: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    shared_domains: tuple[str, ...] = ()  # its own host only: the hosts under it are other bodies'
    parent: str | None = None
    answers_for: tuple[str, ...] = ()
    intro_only: bool = False
    in_registry: bool = True
    opposition: tuple[tuple[str, str], ...] = ()  # [from, to) spans as the official opposition


@dataclass(frozen=True)
class OrgMention:
    name: str
    alias: str
    start: int
    end: int


@dataclass(frozen=True)
class Publisher:
    """A publisher string resolved: who published, and whose text a reproduction carries."""
    raw: str | None
    organisation: Organisation
    reproduces: Organisation | None = None

    @property
    def name(self) -> str:
        return self.organisation.name


@dataclass(frozen=True)
class Family:
    """A kind of body texts name by a place and a fixed word ("Kent Police", "London CRC",
    "Police and Crime Commissioner for Essex"): every name of that form is an organisation,
    without one registry entry per force, company or trust."""
    family: str
    kind: str
    pattern: re.Pattern
    # the fixed words every form of the family contains ("Police", "CRC"): a text without any
    # of them holds no member, and the place pattern is far too slow to try at every capital
    anchor: re.Pattern


@lru_cache(maxsize=1)
def _entries() -> tuple[dict, ...]:
    text = resources.files("registry").joinpath("organisations.yml").read_text("utf-8")
    return tuple(yaml.load(text, Loader=YAML_LOADER))


# a place's name in a family's form: one to six capitalised words, joined by spaces, commas,
# "and" or "&" ("Kent, Surrey and Sussex", "Avon and Somerset", "Devon & Cornwall"); never a
# sentence's opening word ("The", "Yesterday")
PLACE_STOPWORDS = ("The|A|An|This|That|These|Those|Our|Their|Its|His|Her|And|But|Or|In|On|At|By|For|From|With|"
                   "Yesterday|Today|Tomorrow|Last|Next|Every|Each|Local|Senior|Former|Chief|Deputy|Said|Says|When|"
                   "While|After|Before|Both|All|Some|Many|Most|No|Not|If|As|So|Then|Now|Also|Meanwhile|However|"
                   "Police|Probation|Community|Rehabilitation|Company|University|Council|Constabulary|Trust|"
                   "CRC|PCC|Combined|Authority|Commissioner")
_WORD = rf"(?!(?:{PLACE_STOPWORDS})\b)(?:[A-Z][\w’'-]+|[A-Z]{{2,}})"
# words, or a list of them ending "and X": "Kent, Surrey and Sussex"; never "Essex, Jane Roe"
PLACE = (rf"{_WORD}(?:\s{_WORD}){{0,3}}"
         rf"(?:(?:,\s{_WORD}(?:\s{_WORD}){{0,2}})*\s(?:and|&)\s{_WORD}(?:\s{_WORD}){{0,3}})?")


POSSESSIVE_PLACE = re.compile(r"(?<=\w)[’']s(?= )")


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    found = []
    for entry in _entries():
        if "family" not in entry:
            continue
        forms = [re.escape(form).replace(re.escape("{place}"), PLACE) for form in entry["forms"]]
        fixed = {max(form.split("{place}"), key=len).strip(" ,") for form in entry["forms"]}
        found.append(Family(entry["family"], entry.get("kind", "unknown"),
                            re.compile(r"(?<![\w’'])(?:" + "|".join(forms) + r")(?![\w])"),
                            re.compile("|".join(re.escape(word) for word in sorted(fixed)))))
    return tuple(found)


def family_of(name: str) -> Family | None:
    """The family whose form a whole name has ("Kent Police" is a police force)."""
    for family in families():
        if family.pattern.fullmatch(name):
            return family
    return None


@lru_cache(maxsize=1)
def organisations() -> tuple[Organisation, ...]:
    orgs = []
    for entry in _entries():
        if "family" in entry:
            continue
        names = [entry["name"], entry.get("full_name") or entry["name"], *entry.get("aliases", []),
                 *entry.get("former_names", [])]
        orgs.append(Organisation(
            name=entry["name"], full_name=entry.get("full_name") or entry["name"],
            kind=entry.get("kind", "unknown"), aliases=tuple(dict.fromkeys(names)),
            domains=tuple(entry.get("domains", [])), shared_domains=tuple(entry.get("shared_domains", [])),
            parent=entry.get("parent"),
            answers_for=tuple(entry.get("answers_for", [])),
            intro_only=bool(entry.get("intro_only")),
            opposition=tuple((str(a), str(b)) for a, b in entry.get("opposition", []))))
    return tuple(orgs)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Organisation]:
    return {org.name: org for org in organisations()}


def get(name: str | None) -> Organisation | None:
    """The registry's organisation of that short name, or a body named in a family's form."""
    if not name:
        return None
    org = _by_name().get(name)
    if org is None and (family := family_of(name)) is not None:
        org = _family_member(name, family.kind)
    return org


@lru_cache(maxsize=512)
def _family_member(name: str, kind: str) -> Organisation:
    return Organisation(name=name, full_name=name, kind=kind, aliases=(name,))


@lru_cache(maxsize=2)
def _alias_pattern(include_intro_only: bool) -> tuple[re.Pattern, dict[str, str]]:
    alias_to_name: dict[str, str] = {}
    for org in organisations():
        if org.intro_only and not include_intro_only:
            continue
        for alias in org.aliases:
            if org.intro_only and alias == org.name:
                continue
            alias_to_name.setdefault(alias, org.name)
    # the lookahead for an alias's first letter lets the scan skip most positions at once
    first_letters = "".join(sorted({re.escape(a[0]) for a in alias_to_name}))
    pattern = re.compile(rf"(?=[{first_letters}])(?<![\w’'])(" + _trie_pattern(alias_to_name) + r")(?![\w])")
    return pattern, alias_to_name


def _trie_pattern(words) -> str:
    """One regular expression for many words, shared prefixes written once ("HM(?:I|PPS)"):
    a flat alternation of ~700 aliases is tried alias by alias at every capital, the trie a
    character at a time (3x faster over the corpus). Each optional ending is greedy, so at a
    position the longest alias followed by a word boundary wins, as "HM Inspectorate of
    Probation" over "HMI"."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body
    return pattern(trie)


def find_organisations(text: str, include_intro_only: bool = False) -> list[OrgMention]:
    """Every organisation named in `text`, in order of appearance: the registry's aliases, and
    names in a family's form ("West Yorkshire Police") where no longer alias covers them."""
    return list(_organisations_in(text, include_intro_only))


# a passage is scanned by the source rules three or four times over (speakers, citations,
# publications, inspection evidence): its mentions are found once (they are frozen)
@lru_cache(maxsize=64)
def _organisations_in(text: str, include_intro_only: bool) -> tuple[OrgMention, ...]:
    pattern, alias_to_name = _alias_pattern(include_intro_only)
    found = [OrgMention(alias_to_name[m.group(1)], m.group(1), m.start(1), m.end(1))
             for m in pattern.finditer(text)]
    members = [member for family in families() if family.anchor.search(text)
               for m in family.pattern.finditer(text)
               if (member := _family_mention(family, m, text, found)) is not None]
    if not members:
        return tuple(found)
    # of overlapping names the longer wins: "Police and Crime Commissioner for Kent" over
    # "Kent"; a registered alias over a family name of the same length
    chosen: list[OrgMention] = []
    for mention in sorted(found + members, key=lambda o: (-(o.end - o.start), o not in found)):
        if all(mention.end <= other.start or other.end <= mention.start for other in chosen):
            chosen.append(mention)
    return tuple(sorted(chosen, key=lambda o: o.start))


def _family_mention(family: Family, m: re.Match, text: str, aliases: list[OrgMention]) -> OrgMention | None:
    """A family name, without a registered body named at its start: "HMPPS London CRC" is
    HMPPS's London CRC, not a company called "HMPPS London"."""
    start, end = m.start(), m.end()
    for alias in aliases:
        if start <= alias.start and alias.end < end and not text[start:alias.start].strip(" ,"):
            rest = family.pattern.match(text, alias.end + len(text[alias.end:end]) - len(text[alias.end:end].lstrip(" ,")))
            if rest is None or rest.end() != end:
                return None
            start = rest.start()
    # "Kent's Police and Crime Commissioner" is the Kent Police and Crime Commissioner
    return OrgMention(POSSESSIVE_PLACE.sub("", text[start:end]), text[start:end], start, end)


def first_organisation(text: str, include_intro_only: bool = False) -> str | None:
    found = find_organisations(text, include_intro_only)
    return found[0].name if found else None


def canonical_name(name: str) -> str | None:
    """The short name of an organisation given any of its names, else None."""
    _, alias_to_name = _alias_pattern(True)
    return alias_to_name.get(name)


def organisation_kind(name: str | None) -> str | None:
    """The kind of document an organisation publishes (union, inspectorate, committee...)."""
    org = get(name)
    return org.kind if org else None


def is_part_of(child: str, ancestor: str) -> bool:
    org = get(child)
    while org is not None and org.parent:
        if org.parent == ancestor:
            return True
        org = get(org.parent)
    return False


def most_specific(names: list[str]) -> str | None:
    """Of organisations named together ("Ministry of Justice / HMPPS", "House of Commons
    Justice Committee"), the one that belongs to the others."""
    unique = list(dict.fromkeys(names))
    for name in unique:
        if not any(is_part_of(other, name) for other in unique if other != name):
            return name
    return unique[0] if unique else None


def spokesperson(name: str) -> str:
    """Who speaks for an organisation on probation: the government as a whole speaks through
    the department that answers for it in Parliament (`answers_for` in the registry)."""
    org = get(name)
    if org is None or org.kind != "government":
        return name
    for other in organisations():
        if "parliament" in other.answers_for and (other.name == name or is_part_of(other.name, name)):
            return other.name
    return name


def opposition_on(date: str | None) -> str | None:
    """The party that was the official opposition at Westminster on an ISO date (a year or a
    month is read as its first day), whose shadow ministers then spoke for it."""
    if not date:
        return None
    day = date[:10] + "-01-01"[len(date[:10]) - 4:] if len(date) < 10 else date[:10]
    for org in organisations():
        if any(start <= day < end for start, end in org.opposition):
            return org.name
    return None


def url_host(url: str | None) -> str:
    """A URL's (or a bare domain's) host name, lower case, without "www."."""
    if not url:
        return ""
    return (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower().removeprefix("www.")


def by_domain(url: str | None) -> Organisation | None:
    """The organisation whose web site a URL is on (the longest matching domain). A shared
    domain (gov.uk, parliament.uk) is its owner's only as the host itself: ppo.gov.uk is not
    HM Government's, and an unknown body there is not made the government."""
    host = url_host(url)
    if not host:
        return None
    best, best_len = None, 0
    for org in organisations():
        for domain in org.domains:
            if (host == domain or host.endswith("." + domain)) and len(domain) > best_len:
                best, best_len = org, len(domain)
        for domain in org.shared_domains:
            if host == domain and len(domain) > best_len:
                best, best_len = org, len(domain)
    return best


@lru_cache(maxsize=1)
def _lower_aliases() -> dict[str, str]:
    """Aliases of six letters or more, lower case, as a web address's path spells them."""
    return {alias.lower(): org.name for org in organisations() for alias in org.aliases if len(alias) >= 6}


def by_path(url: str | None) -> Organisation | None:
    """The organisation a URL's path names ("/government/organisations/prisons-and-probation-
    ombudsman", "/committee/102/justice-committee/"), for pages on a shared site."""
    if not url:
        return None
    path = urlsplit(url if "//" in url else f"//{url}").path
    for segment in path.split("/"):
        name = _lower_aliases().get(segment.replace("-", " ").replace("_", " ").lower())
        if name:
            return get(name)
    return None


def on_shared_site(org: Organisation | None, url: str | None) -> bool:
    """Whether `org` was found only as the owner of a shared site the URL is on (gov.uk)."""
    return org is not None and url_host(url) in org.shared_domains


DOMAIN_NAME = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?", re.I)


def is_domain(raw: str | None) -> bool:
    """Whether a publisher string is only a web address ("ppo.gov.uk", "https://x.org/")."""
    return bool(raw and DOMAIN_NAME.fullmatch(raw.strip()))


REPRODUCING = re.compile(r"\b(?:reproducing|quoting|republishing|reprinting|press notice from|"
                         r"press release from|statement from)\s+(?:an?\s+|the\s+)?(.+)", re.I)
PARENTHETICAL = re.compile(r"\s*[(\[]([^)\]]*)[)\]]")
SEPARATORS = re.compile(r"\s*(?:/|\||–|—|,| - )\s*")


def clean_name(raw: str) -> str:
    """A publisher string without its parentheticals and trailing punctuation."""
    name = PARENTHETICAL.sub("", raw).strip(" ,;:-–—")
    return " ".join(name.split()) or " ".join(raw.split())


def _named(text: str) -> str | None:
    exact = canonical_name(text.strip())
    if exact:
        return exact
    found = [m.name for m in find_organisations(text)]
    return most_specific(found) if found else None


def resolve_publisher(raw: str | None, url: str | None = None) -> Publisher:
    """Whatever a user or a file calls a publisher, as an organisation: the registry's when
    the string, its main part or its site names one, else a new one under the cleaned name,
    marked as not in the registry."""
    raw = (raw or "").strip() or None
    reproduces = None
    if raw:
        inner = " ".join(PARENTHETICAL.findall(raw))
        m = REPRODUCING.search(inner)
        if m:
            reproduced = _named(m.group(1))
            reproduces = get(reproduced) if reproduced else None
        main = clean_name(raw)
        name = _named(main)
        if name is None and not m:
            name = _named(inner) if inner else None
        if name is not None:
            return Publisher(raw, get(name), reproduces)
    # a name the registry does not know, on a site it does ("On Probation" on
    # probationmatters.blogspot.com): the site's organisation
    site = by_domain(url) or (by_domain(raw) if is_domain(raw) else None)
    if (raw is None or is_domain(raw)) and (site is None or on_shared_site(site, url)):
        # no name given, on a shared site: the body the page's address names
        site = by_path(url) or site
    # a name given is never replaced by a shared site's owner ("Example Ombudsman" on gov.uk)
    if site is not None and not (raw and not is_domain(raw) and on_shared_site(site, url)):
        return Publisher(raw, site, reproduces)
    if raw is None or raw.lower() == "unknown":
        return Publisher(raw, UNKNOWN, reproduces)
    name = clean_name(raw)
    return Publisher(raw, Organisation(name=name, full_name=name, kind="unknown", in_registry=False),
                     reproduces)


UNKNOWN = Organisation(name="unknown", full_name="unknown publisher", kind="unknown", in_registry=False)
