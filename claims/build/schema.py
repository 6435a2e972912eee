"""The database schema: one place for every table, column, key and index."""
from __future__ import annotations

import hashlib

import sqlite_utils

from ..query.rounding import LOOSELY_WRITTEN_SQL

TABLES: dict[str, dict] = {
    "files": dict(
        columns={"path": str, "sha256": str, "size": int, "mtime_ns": int, "format": str, "publisher": str,
                 "kind": str, "title": str, "url": str, "licence": str, "documents": int,
                 "error": str, "error_sha256": str, "warnings": str, "ingested_at": str},
        pk="path"),
    # the registry's organisations (registry/organisations.yml) and every other publisher a
    # file named, under its cleaned name (in_registry 0: `claims organisations --unknown`)
    "organisations": dict(
        columns={"id": int, "name": str, "full_name": str, "kind": str, "in_registry": int,
                 "parent": str, "aliases": str, "domains": str},
        pk="id"),
    "documents": dict(
        columns={"id": int, "file": str, "ordinal": int, "title": str, "source": str,
                 "publisher": str, "publisher_id": int, "reproduces": str, "kind": str,
                 "author": str, "published": str, "published_inferred": str, "year": int,
                 "url": str, "format": str, "file_start": int, "file_end": int,
                 "duplicate_of": int, "labels": str, "words": int, "digest": str, "text": str},
        pk="id", foreign_keys=[("file", "files", "path"), ("duplicate_of", "documents", "id"),
                               ("publisher_id", "organisations", "id")]),
    "passages": dict(
        columns={"id": int, "document_id": int, "ordinal": int, "kind": str, "number": int,
                 "source": str, "page": int, "start": int, "end": int, "file_start": int,
                 "file_end": int, "text": str},
        pk="id", foreign_keys=[("document_id", "documents", "id")]),
    "footnotes": dict(
        columns={"id": int, "document_id": int, "number": int, "text": str, "cited_title": str,
                 "cited_date": str, "page": str, "witness": str, "evidence": str,
                 "start": int, "end": int, "file_start": int, "file_end": int},
        pk="id", foreign_keys=[("document_id", "documents", "id")]),
    "footnote_refs": dict(
        columns={"id": int, "passage_id": int, "footnote_id": int, "number": int, "start": int,
                 "end": int, "file_start": int, "file_end": int},
        pk="id", foreign_keys=[("passage_id", "passages", "id"), ("footnote_id", "footnotes", "id")]),
    # what a figure measures, as one key (claims/query/series.py): its statistics over time
    "series": dict(
        columns={"id": str, "label": str, "metric": str, "subject": str, "unit": str, "measure": str,
                 "scope": str, "statistics": int, "sources": int, "first_period": str, "last_period": str,
                 "first_published": str, "last_published": str},
        pk="id"),
    "statistics": dict(
        # in the order a reader needs them: the sentence and what it states first, where it
        # came from next, internal ids and offsets last
        columns={"id": int, "sentence": str, "mention": str, "value": float, "value_high": float,
                 "unit": str, "unit_detail": str, "comparator": str, "measure": str, "direction": str,
                 "metric": str, "subject": str, "period": str, "year": int,
                 "period_from_publication": int, "source": str, "published": str, "document_kind": str,
                 "confidence": float, "why": str, "subject_id": str, "scope": str, "series_id": str,
                 "figure_id": int, "document_id": int, "passage_id": int,
                 "source_id": int, "file": str, "start": int, "end": int, "sentence_start": int,
                 "sentence_end": int, "file_start": int, "file_end": int},
        pk="id", foreign_keys=[("document_id", "documents", "id"), ("passage_id", "passages", "id"),
                               ("file", "files", "path"), ("source_id", "organisations", "id"),
                               ("series_id", "series", "id")]),
    "figures": dict(
        columns={"id": int, "series_id": str, "metric": str, "unit": str, "value": float, "value_high": float,
                 "year": int, "origin_statistic_id": int, "appearances": int, "sources": int,
                 "first_published": str, "last_published": str},
        pk="id", foreign_keys=[("origin_statistic_id", "statistics", "id")]),
    "build_errors": dict(columns={"path": str, "reason": str, "at": str}, pk="path"),
    "meta": dict(columns={"key": str, "value": str}, pk="key"),
}

INDEXES = [
    ("organisations", ["name"]), ("documents", ["publisher_id"]), ("statistics", ["source_id"]),
    ("figures", ["series_id", "value"]),
    ("documents", ["file"]), ("documents", ["source"]), ("documents", ["year"]),
    ("passages", ["document_id"]), ("footnotes", ["document_id"]),
    ("footnote_refs", ["passage_id"]),
    ("statistics", ["document_id"]), ("statistics", ["file"]), ("statistics", ["metric"]),
    ("statistics", ["source"]), ("statistics", ["year"]), ("statistics", ["unit"]), ("statistics", ["document_kind"]),
    ("statistics", ["measure"]), ("statistics", ["series_id", "year"]), ("series", ["metric"]),  # every column metadata.yml facets by has an index: a facet count reads only it
    ("statistics", ["value", "published", "document_id", "start"]), ("statistics", ["unit", "value"]), ("statistics", ["metric", "year"]),
]

# a figure written loosely can be a rounding of values far from it: `claims trace` reads
# those by value through this index instead of every statistic in a wide range
LOOSELY_WRITTEN_INDEX = "idx_statistics_loosely_written"
PARTIAL_INDEXES = [(LOOSELY_WRITTEN_INDEX, "statistics", ["unit", "value"], LOOSELY_WRITTEN_SQL)]

FTS = {"passages": ["text"], "statistics": ["sentence", "mention", "subject"]}

# the version is a digest of the schema itself, so that adding a column can never leave an
# older database without it: a database of another version is emptied and rebuilt
SCHEMA_VERSION = hashlib.sha256(repr(
    (sorted((name, sorted((c, t.__name__) for c, t in spec["columns"].items()), spec["pk"],
             spec.get("foreign_keys")) for name, spec in TABLES.items()),
     INDEXES, PARTIAL_INDEXES, sorted(FTS.items()))).encode()).hexdigest()[:12]

# tables whose rows belong to one file, children first, for deleting a file's rows
FILE_TABLES_DELETE = [
    ("footnote_refs", "passage_id in (select p.id from passages p join documents d on p.document_id = d.id where d.file = ?)"),
    ("statistics", "file = ?"),
    ("footnotes", "document_id in (select id from documents where file = ?)"),
    ("passages", "document_id in (select id from documents where file = ?)"),
    ("documents", "file = ?"),
]


def ensure_schema(db: sqlite_utils.Database) -> bool:
    """Create what is missing; a database of another schema version is emptied first.
    True when the database was emptied or new, so every file must be read."""
    meta = {row["key"]: row["value"] for row in db["meta"].rows} if db["meta"].exists() else {}
    fresh = meta.get("schema_version") != SCHEMA_VERSION
    if fresh:
        # full-text tables before their shadow tables, which go with them
        for name in sorted(db.table_names(), key=lambda n: not n.endswith("_fts")):
            if not name.startswith("sqlite_"):
                db.execute(f"drop table if exists [{name}]")
    for name, spec in TABLES.items():
        if not db[name].exists():
            db[name].create(spec["columns"], pk=spec["pk"],
                            foreign_keys=spec.get("foreign_keys"), not_null=None)
    for table, columns in INDEXES:
        db[table].create_index(columns, if_not_exists=True)
    for name, table, columns, where in PARTIAL_INDEXES:
        db.execute(f"create index if not exists [{name}] on [{table}] ({', '.join(columns)}) where {where}")
    return fresh


def ensure_search(db: sqlite_utils.Database) -> None:
    """Full-text indexes, kept in step with their tables by triggers from then on. The
    update trigger fires only when an indexed column changes, so setting figure_id on
    thousands of statistics does not re-index them."""
    for table, columns in FTS.items():
        if db[table].detect_fts():
            continue
        db[table].enable_fts(columns, create_triggers=True, tokenize="porter")
        cols = ", ".join(f"[{c}]" for c in columns)
        old = ", ".join(f"old.[{c}]" for c in columns)
        new = ", ".join(f"new.[{c}]" for c in columns)
        db.execute(f"drop trigger if exists [{table}_au]")
        db.execute(f"""create trigger [{table}_au] after update of {cols} on [{table}] begin
            insert into [{table}_fts] ([{table}_fts], rowid, {cols}) values ('delete', old.rowid, {old});
            insert into [{table}_fts] (rowid, {cols}) values (new.rowid, {new});
        end""")


def delete_file_rows(db: sqlite_utils.Database, path: str) -> None:
    for table, where in FILE_TABLES_DELETE:
        db.execute(f"delete from [{table}] where {where}", [path])


def organisation_ids(db: sqlite_utils.Database):
    """A function giving an organisation's row id by its short name, adding the row the first
    time a name is seen: the registry's entry, or a publisher not in the registry."""
    import json

    import registry
    known = {row["name"]: row["id"] for row in db.query("select id, name from organisations")}

    def organisation_id(name: str | None) -> int | None:
        if not name:
            return None
        if name not in known:
            org = registry.get(name)
            next_id = (db.execute("select max(id) from organisations").fetchone()[0] or 0) + 1
            row = {"id": next_id, "name": name, "full_name": org.full_name if org else name,
                   "kind": org.kind if org else "unknown", "in_registry": int(org is not None),
                   "parent": org.parent if org else None,
                   "aliases": json.dumps(list(org.aliases)) if org else None,
                   "domains": json.dumps(list(org.domains)) if org else None}
            db["organisations"].insert(row, pk="id")
            known[name] = next_id
        return known[name]

    return organisation_id
