"""The organisation lexicon: who can assert a figure, and the names texts use for them.

One place for this knowledge; ingest uses it to attribute quoted blocks, extract uses it
to attribute speakers ("HM Inspectorate of Probation told us that ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class OrgMention:
    name: str
    alias: str
    start: int
    end: int


@lru_cache(maxsize=1)
def load_organisations() -> list[dict]:
    text = resources.files("extract").joinpath("lexicons/organisations.yml").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=2)
def _alias_pattern(include_intro_only: bool) -> tuple[re.Pattern, dict[str, str]]:
    alias_to_name: dict[str, str] = {}
    for org in load_organisations():
        if org.get("intro_only") and not include_intro_only:
            continue
        for alias in org["aliases"]:
            alias_to_name.setdefault(alias, org["name"])
    # longest alias first so "HM Inspectorate of Probation" wins over "HMI"
    aliases = sorted(alias_to_name, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w’'])(" + "|".join(re.escape(a) for a in aliases) + r")(?![\w])")
    return pattern, alias_to_name


def find_organisations(text: str, include_intro_only: bool = False) -> list[OrgMention]:
    """Every organisation named in `text`, in order of appearance."""
    pattern, alias_to_name = _alias_pattern(include_intro_only)
    return [
        OrgMention(alias_to_name[m.group(1)], m.group(1), m.start(1), m.end(1))
        for m in pattern.finditer(text)
    ]


def first_organisation(text: str, include_intro_only: bool = False) -> str | None:
    found = find_organisations(text, include_intro_only)
    return found[0].name if found else None


def canonical_name(name: str) -> str | None:
    """The canonical name of an organisation given any of its aliases, else None."""
    _, alias_to_name = _alias_pattern(True)
    return alias_to_name.get(name)


def organisation_kind(name: str | None) -> str | None:
    """The kind of document an organisation publishes (union, inspectorate, committee...)."""
    return next((org.get("kind") for org in load_organisations() if org["name"] == name), None)
