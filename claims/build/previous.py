"""What the database held for a file before a build rewrites it.

A one-file change costs what changed, not what the file holds:
- a document whose digest (everything extraction reads of it, ingest.model.Document.digest)
  is the same as before is not extracted again: its statistics are carried over;
- a statistic stated again (same sentence, figure and everything clustering reads) keeps its
  id and its figure, so links to it stay valid and only the facts whose statistics were
  really added or removed are re-clustered (claims/build/figures.py)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

# what a statistic is, for telling whether a rebuilt file states it again: its words and
# everything claims/build/figures.py reads to cluster it and rank its origin
IDENTITY = ("sentence", "mention", "metric", "unit", "value", "value_high", "year", "published",
            "period_from_publication", "source", "document_kind")


def fact(row: dict) -> tuple:
    """The fact a statistic states, as claims/build/figures.py clusters it: its series, value and
    value_high (a series of None is no fact: such a statistic is clustered with nothing)."""
    return (row["series_id"], row["value"], row["value_high"])


def identity(row: dict, stated: bool, publisher: str | None) -> tuple:
    """`stated` and `publisher` are its document's: whether it gives a date, who published it."""
    return tuple(row[c] for c in IDENTITY) + (bool(stated), publisher)


@dataclass
class PreviousFile:
    # the statistics rows of each earlier document, by its digest, with the ordinal of the
    # passage each is in
    by_digest: dict[str, list[dict]] = field(default_factory=dict)
    # (id, figure_id, series_id) of the earlier statistics by identity, in file order
    by_identity: dict[tuple, list[tuple[int, int | None, str | None]]] = field(default_factory=lambda: defaultdict(list))
    facts: dict[int, tuple] = field(default_factory=dict)  # the fact of each earlier statistic
    max_id: int = 0

    def claim(self, key: tuple) -> tuple[int, int | None, str | None] | None:
        """The id, figure and series of an earlier statistic with this identity, each given once."""
        waiting = self.by_identity.get(key)
        if not waiting:
            return None
        sid, figure_id, series_id = waiting.pop(0)
        del self.facts[sid]
        return sid, figure_id, series_id

    def unclaimed_facts(self) -> set[tuple]:
        """The facts of earlier statistics no longer stated: they lose an appearance."""
        return set(self.facts.values())


def previous_file(db, rel: str) -> PreviousFile:
    previous = PreviousFile()
    documents = {row[0]: row[1:] for row in db.execute(
        "select id, digest, published is not null, source from documents where file = ?", [rel])}
    # two documents alike in every way are one: the first one's statistics serve both
    first_of = {}
    for doc_id, (digest, _, _) in documents.items():
        if digest and digest not in first_of:
            first_of[digest] = doc_id
            previous.by_digest[digest] = []
    cursor = db.execute(
        "select s.*, p.ordinal as passage_ordinal from statistics s join passages p on p.id = s.passage_id "
        "where s.file = ? order by s.id", [rel])
    names = [d[0] for d in cursor.description]
    for values in cursor:
        row = dict(zip(names, values))
        digest, stated, publisher = documents[row["document_id"]]
        if digest and first_of[digest] == row["document_id"]:
            previous.by_digest[digest].append(row)
        previous.by_identity[identity(row, stated, publisher)].append((row["id"], row["figure_id"], row["series_id"]))
        previous.facts[row["id"]] = fact(row)
        previous.max_id = max(previous.max_id, row["id"])
    return previous


def known_digests(db, rel: str) -> set[str]:
    """The digests of the documents a file held: those need no extraction if they come again."""
    return {row[0] for row in db.execute("select digest from documents where file = ? and digest is not null", [rel])}
