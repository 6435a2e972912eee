"""YAML that users write (a text file's front matter, corpus/sources.yml), read so that no file
can make reading it costly. An alias repeats what its anchor holds without writing it again:
nine lines of nested aliases ("billion laughs") stand for 10^9 strings, which turning a value
into text expands to gigabytes. Metadata never needs one, so a document with any alias is
refused before anything is built from it, and the text itself is capped in size."""
from __future__ import annotations

import yaml

from registry import YAML_LOADER


class YamlRefused(ValueError):
    """YAML that is malformed, too large or uses aliases; the message is the reason."""


def load_user_yaml(text: str, max_chars: int):
    """The data of one YAML document, read with the C loader (a pure-Python load of a
    10 MB document takes half a minute)."""
    if len(text) > max_chars:
        raise YamlRefused(f"too large ({len(text):,} characters; the limit is {max_chars:,})")
    loader = YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        refuse_aliases(node)
        return loader.construct_document(node)
    except yaml.YAMLError as err:
        raise YamlRefused(str(err).splitlines()[0]) from None
    finally:
        loader.dispose()


def refuse_aliases(root: yaml.Node) -> None:
    """Walk the composed nodes, without recursion; a node met twice is an alias's target (the
    composer hands out the anchored node itself, not a copy), so the walk is linear in the
    text and stops at the first alias."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise YamlRefused("aliases (&anchor and *alias) are not allowed: the value at line "
                              f"{node.start_mark.line + 1} is used again by one")
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
