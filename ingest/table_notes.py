"""The notes of a table: footnote numbers glued to its header cells ("Vacant probation officer
posts1,2,3", "Vacancies as at 30 June2 (FTE)", "Total3") and the notes under it that those
numbers point to ("1 Figures shown as full-time equivalents.", "2 Includes senior probation
officers."), on lines of their own or run into the table's one-line flattening. Neither number
is a figure: both are marked as footnote references of their passage, so extraction hides
them (extract/pipeline.py masked_passage_text) as it hides a committee report's markers.

A number is read as a marker only when a note of that number follows it; a note only when a
marker of its number, or the note before it, precedes it. Numbers glued to a code ("Q1",
"PB4", "SDS40") or grouped in thousands ("officers1,204") are never markers."""
from __future__ import annotations

import re

from .model import Document, FootnoteRef

MAX_NOTE = 20  # tables number their notes from 1; a larger number is a figure
# digits glued to a word ending in small letters, or to a closing bracket or quote (not to a
# code in capitals: "Q1", "SDS40", "COVID19"), and
# ended by a space, the line's end or punctuation that is not part of a number
GLUED = re.compile(r"(?:(?<=[a-z]{2})|(?<=[)”’\"]))(\d{1,2}(?:,\d{1,2})*)(?=\s|$|[:;.)](?!\d))")
# a note: its number at the start of a line or after a space, before a capitalised word
NOTE = re.compile(r"(?:^|(?<=\s))(\d{1,2})\s+(?=[A-Z(])")
MIN_NOTE_WORDS = 3  # a note says something: "2 Wales 3" is a row, not notes


def glued_markers(text: str) -> list[tuple[int, int, int]]:
    """(number, start, end) of each number glued to a word of `text`; "posts1,2,3" gives
    three, each with the comma after it."""
    found = []
    for m in GLUED.finditer(text):
        at = m.start(1)
        for part in m.group(1).split(","):
            found.append((int(part), at, min(m.end(1), at + len(part) + 1)))
            at += len(part) + 1
    return found


def _notes_in(text: str, wanted: set[int], after: int = 0) -> list[tuple[int, int, int]]:
    """The notes of `text` after offset `after`: each a number of `wanted` or one more than the
    note before it, saying at least MIN_NOTE_WORDS words before the next."""
    candidates = [m for m in NOTE.finditer(text, after) if 1 <= int(m.group(1)) <= MAX_NOTE]
    notes: list[tuple[int, int, int]] = []
    for k, m in enumerate(candidates):
        number = int(m.group(1))
        stop = candidates[k + 1].start() if k + 1 < len(candidates) else len(text)
        if len(text[m.end():stop].split()) < MIN_NOTE_WORDS:
            continue
        follows = notes and number == notes[-1][0] + 1
        if number in wanted and (not notes or number > notes[-1][0]) or follows:
            notes.append((number, m.start(1), m.end(1)))
    return notes


def mark_table_notes(document: Document) -> None:
    """Mark the glued footnote numbers of a document's tables, and the numbers of the notes they
    point to, as footnote references of their passages."""
    texts = [document.passage_text(p) for p in document.passages]
    markers = [glued_markers(t) for t in texts]
    if not any(markers):
        return
    refs: dict[int, list[FootnoteRef]] = {}
    seen: set[int] = set()  # the numbers of the markers read so far
    used: set[int] = set()  # the numbers some note has
    run: list[tuple[int, int, int]] = []  # the notes of the run being read
    for i, text in enumerate(texts):
        own = markers[i]
        # notes in the passage after its own last marker (a table flattened to one line)
        after = own[-1][2] if own else 0
        wanted = seen | {n for n, _, _ in own}
        notes = _notes_in(text, wanted, after)
        # a note alone on its line continues the run of notes before it
        if not notes and run and NOTE.match(text):
            number = int(NOTE.match(text).group(1))
            if number == run[-1][0] + 1 and len(text.split()) > MIN_NOTE_WORDS:
                notes = [(number, 0, len(str(number)))]
        if notes and not NOTE.match(text) and notes[0][1] != 0 and not own:
            notes = []  # notes run into a passage only after the markers in it
        run = notes if notes else ([] if own or not NOTE.match(text) else run)
        for number, start, end in notes:
            refs.setdefault(i, []).append(FootnoteRef(number, start, end))
            used.add(number)
        seen |= {n for n, _, _ in own}
    # a glued number is a marker only when a note of its number is there
    for i, own in enumerate(markers):
        for number, start, end in own:
            if number in used:
                refs.setdefault(i, []).append(FootnoteRef(number, start, end))
    for i, found in refs.items():
        passage = document.passages[i]
        taken = [(r.start, r.end) for r in passage.footnote_refs]
        new = [r for r in found if not any(s < r.end and r.start < e for s, e in taken)]
        passage.footnote_refs = sorted(passage.footnote_refs + new, key=lambda r: r.start)
