"""Build the database from a corpus folder: incremental (only files whose sha256 changed are
re-read, only their new or changed documents extracted, only the facts whose statistics
changed re-clustered), atomic (one write transaction in WAL mode: a reader sees the last build
or this one, whole), and tolerant of bad input (one clear line per bad file; what the database
held for it is kept)."""
from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
import re
import sqlite3
import sys
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable

import sqlite_utils

from extract.heap import release
from extract.period_value import year_of
from ingest import IngestError, ingest_file
from ingest.model import one_line
from ingest.manifest import MANIFEST_NAME, read_manifest
from ingest.reader import sha256_of

from .previous import PreviousFile, fact, identity, known_digests, previous_file
from .schema import SCHEMA_VERSION, delete_file_rows, ensure_schema, ensure_search, organisation_ids
from ..query.series import series_columns
from .series_table import refresh_series, update_series_columns

# the version of what a build reads a file with; the digest below adds the code and data
PIPELINE_VERSION = "2026-12-07.3"
# what extraction and parsing are made of: editing any of it re-reads every file, so a
# database never keeps statistics an older extractor made (a forgotten version bump did that)
PIPELINE_SOURCES = (("extract", "**/*.py"), ("extract", "lexicons/*.yml"), ("ingest", "**/*.py"),
                    ("registry", "*.py"), ("registry", "*.yml"))


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """PIPELINE_VERSION and a digest of the code and data that read a file (extract/, ingest/,
    the lexicons, the organisation and subject registries)."""
    from importlib import resources
    digest = hashlib.sha256()
    for package, pattern in PIPELINE_SOURCES:
        folder = Path(str(resources.files(package)))
        for path in sorted(folder.glob(pattern)):
            digest.update(f"{package}/{path.relative_to(folder)}".encode() + b"\0" + path.read_bytes())
    return f"{PIPELINE_VERSION}+{digest.hexdigest()[:12]}"


CITED_DATE = re.compile(r"\(((?:\w+ )?\d{4})\)")
PAGE = re.compile(r"\bpp? ?(\d+(?:[-–]\d+)?)\b")
WITNESS = re.compile(r"\b(Q\d+)\s*\[([^\]]+)\]")
EVIDENCE = re.compile(r"\(([A-Z]{2,}\d{3,})\)")


@dataclass
class BuildReport:
    read: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # parts of files skipped
    skipped: list[str] = field(default_factory=list)  # files outside the corpus folder
    documents: int = 0
    statistics: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def add_error(self, error: IngestError, echo: Callable[[str], None]) -> None:
        """A file that could not be built: one line naming it and the reason."""
        echo(f"error: {error}")
        self.errors.append(error)


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*")
                  if p.is_file() and p.name != MANIFEST_NAME
                  and not any(part.startswith(".") for part in p.relative_to(corpus).parts))


def outside_corpus(path: Path, root: Path, folders: dict[Path, bool] | None = None) -> bool:
    """A file (a symlink, or under a linked folder) whose real path is outside the corpus.
    `folders` keeps what each folder resolved to: a file that is no symlink is where its
    folder is, so 1,000 files in one folder cost one resolve, not 1,000."""
    def outside(target: Path) -> bool:
        try:
            target.resolve(strict=True).relative_to(root)
        except (ValueError, OSError, RuntimeError):
            return True
        return False
    if path.is_symlink():
        return outside(path)
    if folders is None:
        return outside(path.parent)
    if path.parent not in folders:
        folders[path.parent] = outside(path.parent)
    return folders[path.parent]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def build(corpus: Path, db_path: Path, extractor=None,
          echo: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
          workers: int = 1, progress: Callable[["Progress"], None] | None = None) -> BuildReport:
    """Build or update the database at `db_path` from the files in `corpus`. With
    `workers` > 1 and enough changed files, files are read and extracted in that many
    processes while this one writes."""
    corpus, db_path = Path(corpus), Path(db_path)
    report = BuildReport()
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus}")
    try:
        read = read_manifest(corpus)
    except IngestError as err:
        report.add_error(err, echo)
        manifest = {}
    else:
        manifest = read.entries
        for warning in read.warnings:
            echo(f"warning: {warning}")
        report.warnings.extend(read.warnings)

    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BuildError(f"{db_path}: cannot create its folder: {err.strerror or err}") from None
    with build_lock(db_path):
        return _build_locked(corpus, db_path, extractor, echo, workers, manifest, report, progress)


@dataclass
class Progress:
    """How far a build has got: files read of those to read, what they held, time taken."""
    done: int
    total: int
    documents: int
    statistics: int
    elapsed: float

    @property
    def remaining(self) -> float | None:
        return self.elapsed / self.done * (self.total - self.done) if self.done else None


def _build_locked(corpus, db_path, extractor, echo, workers, manifest, report, progress) -> BuildReport:
    if db_path.exists() and not unchanged_since_last_build(db_path):
        problem = database_problem(db_path)
        if problem:
            real = db_path.resolve()  # the file itself is moved aside, not a symlink to it
            aside = real.with_name(f"{real.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{real}{suffix}").exists():
                    os.replace(f"{real}{suffix}", f"{aside}{suffix}")
            echo(f"warning: {db_path}: {problem}; moved aside to {aside.name} and building from scratch")
    try:
        db = sqlite_utils.Database(db_path)
        # readers (a running `claims serve`) go on reading the last committed build while this
        # one writes, and see the new one whole when it commits
        db.enable_wal()
        db.execute("pragma busy_timeout = 10000")
    except sqlite3.Error as err:
        raise BuildError(f"{db_path}: cannot open the database: {err}") from None
    affected: set[tuple] = set()  # the facts whose statistics this build adds or removes
    try:
        # one write transaction: a kill at any moment leaves the last build whole, and no
        # reader ever sees half of this one
        db.execute("begin immediate")
        fresh = ensure_schema(db)
        meta = {row["key"]: row["value"] for row in db["meta"].rows}
        full = fresh or meta.get("pipeline_version") != pipeline_version()
        known = {row["path"]: row for row in db["files"].rows}
        present = set()
        seen: dict[str, os.stat_result] = {}
        build_started = time.time_ns()
        todo: list[tuple[Path, str, str]] = []
        root = corpus.resolve()
        folders: dict[Path, bool] = {}
        for path in corpus_files(corpus):
            rel = path.relative_to(corpus).as_posix()
            try:
                rel.encode("utf-8")
            except UnicodeEncodeError:
                error = IngestError(rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace"),
                                    "the file name is not valid UTF-8; rename it")
                report.add_error(error, echo)
                continue
            if outside_corpus(path, root, folders):
                echo(f"warning: {one_line(rel)}: skipped: its real path is outside the corpus folder")
                report.skipped.append(rel)
                continue
            present.add(rel)
            old = known.get(rel)
            try:
                stat = path.stat()
                seen[rel] = stat
                if not full and old and not old["error"] and old["mtime_ns"] == stat.st_mtime_ns \
                        and old["size"] == stat.st_size:
                    report.unchanged.append(rel)  # as the last build read it: not even hashed
                    continue
                sha = sha256_of(path)
            except OSError as err:
                error = IngestError(rel, f"cannot be read: {err.strerror or err}")
                report.add_error(error, echo)
                continue
            if not full and old and old["sha256"] == sha and not old["error"]:
                report.unchanged.append(rel)
                db["files"].update(rel, {"size": stat.st_size, "mtime_ns": file_stamp(stat, build_started)})
                continue
            todo.append((path, rel, sha))
        started, done, documents_read, statistics_read = time.monotonic(), 0, 0, 0
        # documents read before need no extraction when they come again unchanged; after a
        # change of pipeline every document is extracted again
        digests = {} if full else {rel: known_digests(db, rel) for _, rel, _ in todo}
        for path, rel, sha, result in read_files(todo, manifest, digests, extractor, workers):
            done += 1
            if not isinstance(result, IngestError):
                documents_read += len(result.documents)
                statistics_read += sum(len(part) for part in result.statistics if part)
            if progress is not None:
                progress(Progress(done, len(todo), documents_read, statistics_read, time.monotonic() - started))
            if isinstance(result, IngestError):
                report.add_error(result, echo)
                db["build_errors"].upsert({"path": rel, "reason": result.reason, "at": now()}, pk="path")
                if rel in known:
                    db["files"].update(rel, {"error": result.reason, "error_sha256": sha})
                continue
            source = result.source
            try:
                with db.atomic():
                    previous = previous_file(db, rel)
                    delete_file_rows(db, rel)
                    affected |= write_file(db, rel, result, manifest.get(rel, {}), previous,
                                           seen[rel], build_started)
                    db["build_errors"].delete_where("path = ?", [rel])
            except (sqlite3.InterfaceError, sqlite3.DataError, sqlite3.IntegrityError, ValueError,
                    OverflowError, UnicodeError) as err:
                error = IngestError(rel, f"could not be stored: {type(err).__name__}: {err}")
                report.add_error(error, echo)
                continue
            for warning in source.warnings:
                echo(f"warning: {one_line(rel)}: {one_line(warning)}")
            report.warnings.extend(f"{rel}: {w}" for w in source.warnings)
            report.read.append(rel)
        for rel in sorted(set(known) - present):
            with db.atomic():
                affected |= previous_file(db, rel).unclaimed_facts()  # none of them is stated again
                delete_file_rows(db, rel)
                db["files"].delete(rel)
                db["build_errors"].delete_where("path = ?", [rel])
            report.removed.append(rel)
        from .figures import link_figures
        # figures are clustered by series: a changed series rule re-keys every statistic first
        rule_changed = update_series_columns(db)
        link_figures(db, None if full or rule_changed else affected)
        refresh_series(db)
        ensure_search(db)
        db["meta"].upsert_all([{"key": "pipeline_version", "value": pipeline_version()},
                               {"key": "schema_version", "value": SCHEMA_VERSION},
                               {"key": "built_at", "value": now()}], pk="key")
        report.documents = db["documents"].count
        report.statistics = db["statistics"].count
        db.execute("commit")
        db.close()
        record_build(db_path)
    except BaseException as err:
        if db.conn.in_transaction:
            db.conn.rollback()
        db.close()
        if isinstance(err, sqlite3.OperationalError) and "full" in str(err):
            raise BuildError(f"{db_path}: the disk is full; the database was left as it was") from None
        if isinstance(err, (sqlite3.Error, OSError)) and not isinstance(err, BuildError):
            raise BuildError(f"{db_path}: {type(err).__name__}: {err}; the database was left as it was") from None
        raise
    return report


class BuildError(Exception):
    """A build that cannot go on (a locked, unwritable or full database): one line for the user."""


@contextmanager
def build_lock(db_path: Path):
    """One build of a database at a time: a second one exits with a clear message. The lock
    is beside the database itself: a `--db` that is a symlink is locked where it points, so
    two builds through different links still exclude each other."""
    target = db_path.resolve()
    lock_path = target.with_name(f"{target.name}.lock")
    try:
        handle = open(lock_path, "a+")
    except OSError as err:
        raise BuildError(f"{db_path}: cannot create the lock file {lock_path.name} in {lock_path.parent}: "
                         f"{err.strerror or err}; the database's folder must be writable") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BuildError(f"{db_path}: another build is running (pid {holder}); "
                             "try again when it has finished") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def _fingerprint(db_path: Path) -> str:
    """The database file and its write-ahead log as they are on disk."""
    parts = []
    for path in (db_path, Path(f"{db_path}-wal")):
        if path.exists():
            stat = path.stat()
            parts.append(f"{path.name} {stat.st_size} {stat.st_mtime_ns} {stat.st_ino}")
    return "\n".join(parts)


def record_build(db_path: Path) -> None:
    """Note the database file as this build left it, so the next build knows whether anything
    else has written to it since."""
    db_path.with_name(f"{db_path.name}.built").write_text(_fingerprint(db_path), "utf-8")


def unchanged_since_last_build(db_path: Path) -> bool:
    """True when the file is exactly as the last build left it. A database that anything else
    has touched (copied in, edited, damaged) is checked before it is built on; checking a
    560 MB database costs 4.5 s, which a one-file rebuild should not pay every time."""
    marker = db_path.with_name(f"{db_path.name}.built")
    try:
        return marker.read_text("utf-8") == _fingerprint(db_path)
    except OSError:
        return False


def database_problem(db_path: Path) -> str | None:
    """Why an existing database cannot be built on (not a database, damaged pages), or None."""
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            result = conn.execute("pragma quick_check").fetchone()[0]
    except sqlite3.DatabaseError as err:
        return f"not a usable database ({err})"
    return None if result == "ok" else f"the database is damaged ({result})"


# below this many changed files a process pool costs more (a spaCy load per worker) than it saves
POOL_MIN_FILES = 8
# fewer files than that, but this much text, still goes to the workers, document by document
SPLIT_MIN_BYTES = 64 * 1024
_worker_extractor = None


@dataclass
class ReadFile:
    """A file as read for the database: its documents, the digest of each, and the statistics
    of each, or None for a document read before and unchanged (its statistics carry over)."""
    source: object
    documents: list
    digests: list[str]
    statistics: list[list | None]


def _ingest(path: Path, rel: str, entry: dict | None, known: set[str]):
    """The file's source and documents, their digests, and which documents need extraction:
    the new or changed ones that do not repeat an earlier document of the file."""
    source, documents = ingest_file(path, rel, entry)
    # the documents hold what the build needs of the file: its decoded text would be one more
    # copy of a 50 MB file held (and sent back from a worker) to the end of its write
    source.text = source.decoded = None
    digests = [doc.digest() for doc in documents]
    fresh = [n for n, (doc, digest) in enumerate(zip(documents, digests))
             if digest not in known and doc.duplicate_of is None]
    return source, documents, digests, fresh


def _read_file_result(source, documents, digests, fresh, found, known) -> ReadFile:
    stats: list[list | None] = [None if digest in known else [] for digest in digests]
    for n, statistics in zip(fresh, found):
        stats[n] = statistics
    return ReadFile(source, documents, digests, stats)


def _read_file(path: Path, rel: str, entry: dict | None, known: set[str],
               extract: Callable[[list], list]) -> ReadFile | IngestError:
    """One file read, its new or changed documents given to `extract`, or the error that
    stopped it."""
    try:
        source, documents, digests, fresh = _ingest(path, rel, entry, known)
    except IngestError as err:
        return err
    except Exception as err:  # noqa: BLE001 - one bad file is that file's error, never the build's
        return unreadable(rel, err)
    # what parsing the file freed (a 50 MB page's tree) goes back to the system before
    # extraction's batches, which would not fit in its holes
    release()
    try:
        found = extract([documents[n] for n in fresh]) if fresh else []
    except Exception as err:  # noqa: BLE001
        return IngestError(rel, f"extraction failed: {type(err).__name__}: {err}")
    return _read_file_result(source, documents, digests, fresh, found, known)


def unreadable(rel: str, err: Exception) -> IngestError:
    """Any exception while reading a file, as that file's error."""
    return IngestError(rel, f"could not be read: {type(err).__name__}: {err}")


def _start_worker() -> None:
    global _worker_extractor
    die_with_parent()
    from extract import Extractor
    _worker_extractor = Extractor()


def die_with_parent() -> None:
    """A worker is killed with the build that started it, even by kill -9 (Linux)."""
    try:
        import ctypes
        import signal
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _read_in_worker(task):
    path, rel, entry, known = task
    return _read_file(path, rel, entry, known, _extract_in_worker)


def _extract_in_worker(documents):
    return _worker_extractor.extract(documents)


def read_files(todo, manifest: dict, known: dict[str, set[str]], extractor=None, workers: int = 1):
    """(path, rel, sha, result) for each file in order; result is a ReadFile or the
    IngestError that stopped it. Many changed files are read in `workers` processes, at most
    2 files per worker in flight, so memory stays flat however many files there are. A few
    files are read here; when their new documents hold much text, those are shared out among
    the workers. spaCy is loaded only when some document needs extraction."""
    if workers > 1 and len(todo) >= POOL_MIN_FILES:
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker) as pool:
            pending: deque = deque()
            for n, (path, rel, sha) in enumerate(todo):
                task = (path, rel, manifest.get(rel), known.get(rel, set()))
                pending.append(((path, rel, sha), pool.submit(_read_in_worker, task)))
                while pending and (len(pending) >= 2 * workers or n == len(todo) - 1):
                    (p, r, h), future = pending.popleft()
                    try:
                        result = future.result()
                    except Exception as err:  # noqa: BLE001 - a worker that died on this file
                        result = unreadable(r, err)
                    yield p, r, h, result
        return
    shared_out = workers > 1 and extractor is None  # a caller's extractor means: extract here
    with ExitStack() as stack:
        pool = None

        def extract(documents: list) -> list:
            nonlocal extractor, pool
            if shared_out and sum(len(doc.text) for doc in documents) >= SPLIT_MIN_BYTES:
                if pool is None:
                    pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers, initializer=_start_worker))
                size = -(-len(documents) // workers)
                parts = [documents[i:i + size] for i in range(0, len(documents), size)]
                return [s for part in pool.map(_extract_in_worker, parts) for s in part]
            if extractor is None:
                from extract import Extractor
                extractor = Extractor()
            return extractor.extract(documents)
        for path, rel, sha in todo:
            yield path, rel, sha, _read_file(path, rel, manifest.get(rel), known.get(rel, set()), extract)


def describe_footnote(text: str) -> dict:
    """The cited work of a footnote: title, date, page, witness ("Q201 [Amy Rees]")."""
    witness = WITNESS.search(text)
    date = CITED_DATE.search(text)
    page = PAGE.search(text)
    evidence = EVIDENCE.search(text)
    title = text
    if witness:
        title = None
    elif date:
        title = text[:date.start()].strip(" ,")
    elif evidence:
        title = text[:evidence.start()].strip(" ,")
    return {"cited_title": title, "cited_date": date.group(1) if date else None,
            "page": page.group(1) if page and not witness else None,
            "witness": f"{witness.group(1)} [{witness.group(2)}]" if witness else None,
            "evidence": evidence.group(1) if evidence else None}


def file_offset(doc, offset: int) -> int | None:
    """Where a document offset sits in its file; text extracted from markup or a PDF has no
    place in the file."""
    return None if doc.file_start is None else doc.file_start + offset


def statistic_fields(statistic) -> dict:
    """The columns a statistic's row takes from extraction: every field of extract.Statistic
    but its passage index (the row has the passage's id)."""
    row = dataclasses.asdict(statistic)
    row.pop("passage")
    return row


SPACE = re.compile(r"\s")  # what str.split() splits at (both use Py_UNICODE_ISSPACE)
WORDS_AT_ONCE = 1 << 20  # characters of text split at a time


def word_count(text: str) -> int:
    """len(text.split()), a stretch at a time: splitting a 50 MB text at once makes a list of
    its 8 million words (500 MB) only to count them."""
    count, start = 0, 0
    while start < len(text):
        end = start + WORDS_AT_ONCE
        if end < len(text):
            # on to the next white space: no word is cut in two
            space = SPACE.search(text, end)
            end = space.start() if space else len(text)
        count += len(text[start:end].split())
        start = end
    return count


def _next_ids(db, tables: list[str]) -> dict[str, int]:
    return {t: (db.execute(f"select max(id) from [{t}]").fetchone()[0] or 0) + 1 for t in tables}


def file_stamp(stat: os.stat_result, build_started: int) -> int | None:
    """The modification time that lets the next build skip hashing the file, or None when the
    file was modified so near this build's start that another change in the same clock tick
    could go unseen (git's "racy" entries): such a file is hashed next time."""
    return stat.st_mtime_ns if stat.st_mtime_ns < build_started - RACY_NS else None


RACY_NS = 2_000_000_000  # file systems keep modification times to 1 or 2 s at worst


def write_file(db, rel: str, read: ReadFile, entry: dict, previous: PreviousFile,
               stat: os.stat_result, build_started: int) -> set[tuple]:
    """A file's rows, each table written in one batch; ids are given here so passages,
    footnotes and statistics can point at rows not yet written. `previous` is what the
    database held for the file (its rows are already deleted); `stat` is the file's as it was
    hashed. Returns the facts whose statistics were added or removed: the figures to cluster
    again."""
    source, documents = read.source, read.documents
    db["files"].upsert({
        "path": rel, "sha256": source.sha256, "size": stat.st_size,
        "mtime_ns": file_stamp(stat, build_started),
        "format": source.format, "publisher": source.metadata.get("publisher") or "unknown",
        "kind": source.metadata.get("kind") or "unknown", "title": source.metadata.get("title"),
        "url": source.metadata.get("url"),
        "licence": source.metadata.get("licence") or source.metadata.get("license"),
        "documents": len(documents), "error": None, "error_sha256": None,
        "warnings": "\n".join(source.warnings) or None, "ingested_at": now(),
    }, pk="path")
    ids = _next_ids(db, ["documents", "passages", "footnotes", "footnote_refs", "statistics"])
    # ids of statistics stated again come back; new ones must not take them
    ids["statistics"] = max(ids["statistics"], previous.max_id + 1)
    organisation_id = organisation_ids(db)
    rows: dict[str, list[dict]] = {t: [] for t in ids}

    def write_rows(at_least: int = 0) -> None:
        """Write what is waiting once there are `at_least` rows, parents first (a document
        before its passages, a passage before its statistics): a 50 MB file's rows are never
        all held at once."""
        if sum(len(waiting) for waiting in rows.values()) < at_least:
            return
        for table in ("documents", "footnotes", "passages", "footnote_refs", "statistics"):
            if rows[table]:
                db[table].insert_all(rows[table], pk="id", batch_size=500)
                rows[table].clear()

    def new_id(table: str) -> int:
        ids[table] += 1
        return ids[table] - 1

    doc_ids: list[int] = []
    affected: set[tuple] = set()
    for ordinal, doc in enumerate(documents):
        published = doc.published
        at = partial(file_offset, doc)
        doc_id = new_id("documents")
        rows["documents"].append({
            "id": doc_id, "file": rel, "ordinal": ordinal, "title": doc.title,
            "source": doc.source or "unknown", "publisher": doc.publisher,
            "publisher_id": organisation_id(doc.source or "unknown"), "reproduces": doc.reproduces,
            "kind": doc.kind or "unknown", "author": doc.author,
            "published": published, "published_inferred": doc.published_inferred,
            "year": year_of(published or doc.published_inferred),
            "url": doc.url, "format": doc.format, "file_start": at(0), "file_end": at(len(doc.text)),
            "duplicate_of": doc_ids[doc.duplicate_of] if doc.duplicate_of is not None else None,
            "labels": json.dumps(doc.labels) if doc.labels else None,
            "words": word_count(doc.text), "digest": read.digests[ordinal], "text": doc.text,
        })
        doc_ids.append(doc_id)
        footnote_ids = {}
        for fn in doc.footnotes:
            footnote_ids[fn.number] = new_id("footnotes")
            rows["footnotes"].append({
                "id": footnote_ids[fn.number], "document_id": doc_id, "number": fn.number,
                "text": fn.text, **describe_footnote(fn.text), "start": fn.start, "end": fn.end,
                "file_start": at(fn.start), "file_end": at(fn.end)})
        passage_ids = []
        for ordinal_p, p in enumerate(doc.passages):
            pid = new_id("passages")
            passage_ids.append(pid)
            rows["passages"].append({
                "id": pid, "document_id": doc_id, "ordinal": ordinal_p, "kind": p.kind,
                "number": p.number, "source": p.source or doc.source, "page": p.page,
                "start": p.start, "end": p.end, "file_start": at(p.start), "file_end": at(p.end),
                "text": doc.text[p.start:p.end]})
            rows["footnote_refs"].extend({
                "id": new_id("footnote_refs"), "passage_id": pid,
                "footnote_id": footnote_ids.get(ref.number), "number": ref.number,
                "start": ref.start, "end": ref.end, "file_start": at(p.start + ref.start),
                "file_end": at(p.start + ref.end)} for ref in p.footnote_refs)
            write_rows(at_least=ROWS_AT_ONCE)
        found = read.statistics[ordinal]
        carried = found is None  # the document as it was: its statistics carry over, in their new places
        given = previous.by_digest[read.digests[ordinal]] if carried else found
        for first in range(0, len(given), ROWS_AT_ONCE):
            if carried:
                stat_rows = [{**row, "document_id": doc_id, "passage_id": passage_ids[row["passage_ordinal"]],
                              "file_start": at(row["start"]), "file_end": at(row["end"])}
                             for row in given[first:first + ROWS_AT_ONCE]]
                for row in stat_rows:
                    del row["passage_ordinal"]
            else:
                stat_rows = [{
                    # every field extraction declares (extract.Statistic), then what the database adds
                    **statistic_fields(s), "period_from_publication": int(s.period_from_publication),
                    "document_id": doc_id, "passage_id": passage_ids[s.passage],
                    "file": rel, "source_id": organisation_id(s.source),
                    "file_start": at(s.start), "file_end": at(s.end),
                    "document_kind": doc.kind or "unknown",
                    "published": published or doc.published_inferred,
                    **series_columns(statistic_fields(s))} for s in given[first:first + ROWS_AT_ONCE]]
            for row in stat_rows:
                earlier = previous.claim(identity(row, published is not None, doc.source or "unknown"))
                if earlier is None:
                    row["id"], row["figure_id"] = new_id("statistics"), None
                    affected.add(fact(row))
                else:
                    row["id"], row["figure_id"], earlier_series = earlier
                    if earlier_series != row["series_id"]:
                        # stated again, but read as measuring something else: both series' figures change
                        affected |= {fact(row), fact({**row, "series_id": earlier_series})}
            rows["statistics"].extend(stat_rows)
            write_rows(at_least=ROWS_AT_ONCE)
    write_rows()
    return affected | previous.unclaimed_facts()


ROWS_AT_ONCE = 5_000  # rows of a file held before they are written
