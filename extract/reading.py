"""The text numbers are read from, and the way back to the stored text.

A number can be written with characters the grammar does not know: full-width digits
("２１％"), a no-break or thin space inside it, or invisible characters that split it (a zero-width
space, a NUL, a bidi control: "2\u200b1%" is 21%, not 1%). Extraction reads a normalised copy of
the passage: invisible format and control characters removed, and compatibility characters
replaced by their NFKC form (full-width and half-width forms, no-break and other spaces,
ligatures, font variants). Superscripts, subscripts and vulgar fractions are kept: "3,550¹" has a
footnote marker, not the number 35,501, and "2½" is not "21⁄2".

The stored text is never changed: `ReadingText.original_span` maps a stretch of the reading
text back to the characters of the original it came from, exactly."""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

# NFKC's kinds of compatibility character that are read as their plain form
READ_PLAIN = {"<wide>", "<narrow>", "<noBreak>", "<font>", "<compat>", "<square>"}
# astral characters that are invisible format characters (tags, musical format controls)
ASTRAL_FORMAT = [*range(0x1D173, 0x1D17B), *range(0xE0000, 0xE0080)]


@lru_cache(maxsize=1)
def _changes() -> tuple[re.Pattern, dict[str, str]]:
    """Every character the reading text changes, and what it becomes ('' for removed)."""
    changes: dict[str, str] = {}
    for code in [*range(0x0, 0xD800), *range(0xE000, 0x10000), *ASTRAL_FORMAT]:
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Cf" or (category == "Cc" and not char.isspace()):
            changes[char] = ""
        elif code >= 0x80 and unicodedata.decomposition(char).split(" ", 1)[0] in READ_PLAIN:
            plain = unicodedata.normalize("NFKC", char)
            if plain != char:
                changes[char] = plain
    pattern = re.compile("[" + "".join(re.escape(c) for c in changes) + "]")
    return pattern, changes


@dataclass
class ReadingText:
    text: str  # what extraction reads
    _origin: array | None = None  # per character of text, the original character it came from
    _length: int = 0  # the original's length

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original's [start, end) that the reading text's [start, end) came from."""
        if self._origin is None:
            return start, end
        if end <= start:
            at = self._origin[start] if start < len(self.text) else self._length
            return at, at
        return self._origin[start], self._origin[end - 1] + 1

    @property
    def changed(self) -> bool:
        return self._origin is not None


def reading_text(original: str) -> ReadingText:
    """The text numbers are read from; offsets map back through `original_span`."""
    pattern, changes = _changes()
    # the set of a passage's characters against the ~1,400 changed ones: 7x faster than the
    # character class's scan, and most passages change nothing
    if changes.keys().isdisjoint(set(original)):
        return ReadingText(original, None, len(original))
    pieces: list[str] = []
    origin = array("q")
    last = 0
    for m in pattern.finditer(original):
        at = m.start()
        pieces.append(original[last:at])
        origin.extend(range(last, at))
        plain = changes[m.group()]
        pieces.append(plain)
        origin.extend([at] * len(plain))
        last = at + 1
    pieces.append(original[last:])
    origin.extend(range(last, len(original)))
    return ReadingText("".join(pieces), origin, len(original))
