"""Loading the lexicons kept as data in extract/lexicons/."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def load_lexicon(name: str):
    text = resources.files("extract").joinpath(f"lexicons/{name}.yml").read_text("utf-8")
    # the C parser (libyaml) when installed: the lexicons load in milliseconds, not half a second
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def alternation(words, escape=True) -> str:
    """A regex alternation of words, longest first so that the longest phrase wins."""
    import re
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)
