"""Loading the lexicons kept as data in extract/lexicons/."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from registry import YAML_LOADER


@lru_cache(maxsize=None)
def load_lexicon(name: str):
    text = resources.files("extract").joinpath(f"lexicons/{name}.yml").read_text("utf-8")
    return yaml.load(text, Loader=YAML_LOADER)


def alternation(words, escape=True) -> str:
    """A regex alternation of words, longest first so that the longest phrase wins."""
    import re
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)
