"""The benchmark behind `make bench`: scaled corpora generated from the seeds, build
throughput and peak memory at each scale, an incremental rebuild, `claims trace` and facet
page latency on the largest database, and two baselines measured in the same run (the full
en_core_web_sm pipeline over all text, and quantulum3). Results go to docs/benchmarks.md.

Scaled corpora recombine real seed passages into blog dumps: each post takes passages at
random, with years shifted to the post's date and values scaled, so the text keeps the
seeds' density of figures, dates, quotes and comments."""
from __future__ import annotations

import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ingest import ingest_file
from ingest.dates import MONTHS
from ingest.manifest import load_manifest

SCALES = [200, 2_000, 20_000]
POSTS_PER_FILE = 20
WORDS_PER_POST = 1_000
FIRST_POST = date(2011, 1, 1)  # On Probation has run since 2011
LAST_POST = date(2026, 11, 1)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# a year, else a number as written ("3,550", "5.7", "464")
YEAR_OR_NUMBER = re.compile(r"\b(?P<year>(?:19[5-9]|20[0-4])\d)\b|(?<![\d.,])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")


@dataclass
class PassagePool:
    paragraphs: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)


def _documents_of(corpus: Path) -> list:
    """Every document of a corpus folder, read as the build reads it."""
    from claims.build.build import corpus_files
    manifest = load_manifest(corpus)
    documents = []
    for path in corpus_files(corpus):
        rel = path.relative_to(corpus).as_posix()
        documents += ingest_file(path, rel, manifest.get(rel))[1]
    return documents


def passage_pool(seeds: Path) -> PassagePool:
    pool = PassagePool()
    for doc in _documents_of(seeds):
        if doc.title:
            pool.titles.append(" ".join(doc.title.split()))
        for p in doc.passages:
            text = " ".join(doc.passage_text(p).split())
            if p.kind in ("paragraph", "list_item", "heading"):
                pool.paragraphs.append(text)
            elif p.kind == "quote":
                pool.quotes.append(text)
            elif p.kind == "comment":
                pool.comments.append(text)
    return pool


def shift_figures(text: str, years: int, factor: float) -> str:
    """Years moved by `years`, other numbers scaled by `factor`, each written as before."""
    def replace(m: re.Match) -> str:
        if m.group("year"):
            return str(int(m.group("year")) + years)
        written = m.group("number")
        value = float(written.replace(",", "")) * factor
        decimals = len(written.split(".")[1]) if "." in written else 0
        out = f"{value:,.{decimals}f}" if "," in written else f"{value:.{decimals}f}"
        return out
    return YEAR_OR_NUMBER.sub(replace, text)


def _post(rng: random.Random, pool: PassagePool, day: date) -> str:
    years, factor = day.year - 2024, rng.uniform(0.8, 1.25)
    lines = [f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}", "",
             shift_figures(rng.choice(pool.titles), years, factor), ""]
    words = 0
    while words < WORDS_PER_POST * 0.6:
        text = shift_figures(rng.choice(pool.paragraphs), years, factor)
        lines += [text, ""]
        words += len(text.split())
    if pool.quotes:
        lines += ["--oo00oo--", ""]
        for _ in range(rng.randint(2, 6)):
            text = shift_figures(rng.choice(pool.quotes), years, factor)
            lines += [text, ""]
            words += len(text.split())
    while words < WORDS_PER_POST and pool.comments:
        text = shift_figures(rng.choice(pool.comments), years, factor)
        lines += ["******", "", text, ""]
        words += len(text.split())
    return "\n".join(lines)


def generate_corpus(seeds: Path, out: Path, documents: int, seed: int = 2011,
                    posts_per_file: int = POSTS_PER_FILE) -> dict:
    """A corpus of `documents` posts in blog dumps of `posts_per_file` posts, dated from 2011."""
    rng = random.Random(seed)
    pool = passage_pool(seeds)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    span = (LAST_POST - FIRST_POST).days
    files, words = 0, 0
    manifest = ["files:"]
    for start in range(0, documents, posts_per_file):
        posts = []
        for k in range(start, min(start + posts_per_file, documents)):
            day = FIRST_POST + timedelta(days=k * span // max(1, documents - 1))
            posts.append(_post(rng, pool, day))
        name = f"on_probation_{files:05d}.txt"
        text = "\n".join(reversed(posts))  # newest first, as the blog shows them
        (out / name).write_text(text, "utf-8")
        words += len(text.split())
        manifest += [f"  {name}:", "    publisher: On Probation blog", "    kind: blog"]
        files += 1
    (out / "sources.yml").write_text("\n".join(manifest) + "\n", "utf-8")
    return {"files": files, "documents": documents, "words": words}


# -- measurements, each build in its own process so its peak memory is its own ------------

def _build_in_this_process(corpus: str, db: str, workers: int) -> None:
    import sqlite_utils

    from claims.build.build import build
    started = time.perf_counter()
    report = build(Path(corpus), Path(db), echo=lambda line: None, workers=workers)
    seconds = time.perf_counter() - started
    words = sqlite_utils.Database(db).execute("select coalesce(sum(words), 0) from documents").fetchone()[0]
    print(json.dumps({
        "seconds": seconds, "files_read": len(report.read), "documents": report.documents,
        "statistics": report.statistics, "words": words, "errors": len(report.errors),
        "rss_main_mb": peak_rss_mb(),
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def _rebuild_warm(corpus: str, db: str, workers: int) -> None:
    """A one-file rebuild as `claims build --watch` makes it: the pipeline already loaded,
    one file changed, one build."""
    from claims.build.build import build
    from extract import Extractor
    extractor = Extractor()
    build(Path(corpus), Path(db), extractor=extractor, echo=lambda line: None, workers=workers)
    changed = change_one_file(Path(corpus))
    started = time.perf_counter()
    report = build(Path(corpus), Path(db), extractor=extractor, echo=lambda line: None, workers=workers)
    print(json.dumps({"seconds": time.perf_counter() - started, "files_read": len(report.read),
                      "changed": changed}))


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started: VmHWM, which, unlike
    ru_maxrss, does not carry the parent's size over a fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_build(corpus: Path, db: Path, workers: int) -> dict:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "claims.tools.bench", "_build", str(corpus), str(db), str(workers)],
                         check=True, capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = time.perf_counter() - started
    return result


LARGE_PASSAGE_CHARS = 1_000_000
LARGE_EMAIL_BYTES = 20 * 1024 * 1024


def _seed_paragraphs(seeds: Path) -> list[str]:
    paragraphs = []
    for path in sorted(seeds.glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text("utf-8").split("\n\n") if len(p.split()) > 12]
    return paragraphs


def measure_large_inputs(seeds: Path, work: Path) -> dict:
    """The two worst files a user can give (issue 14): one passage of 1,000,000 characters and
    a 20 MB HTML e-mail, each built alone on one worker: time and peak RSS."""
    from html import escape
    paragraphs = _seed_paragraphs(seeds)
    results = {}
    passage = " ".join(p.replace("\n", " ") for p in paragraphs)
    while len(passage) < LARGE_PASSAGE_CHARS:
        passage += " " + passage
    cases = {
        "passage": ("long.txt", "---\npublisher: Napo\nkind: union\n---\nA long passage\n"
                    + passage[:LARGE_PASSAGE_CHARS] + "\n"),
    }
    body, i = [], 0
    size = 0
    while size < LARGE_EMAIL_BYTES:
        piece = f"<p>{escape(paragraphs[i % len(paragraphs)])}</p>\n"
        body.append(piece)
        size += len(piece.encode())
        i += 1
    cases["email"] = ("bulletin.eml", "From: Napo <news@napo.org.uk>\nTo: members@example.org\n"
                      "Subject: A very long bulletin\nDate: Tue, 5 Nov 2024 10:00:00 +0000\nMIME-Version: 1.0\n"
                      "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
                      "<html><body><div class='content'>" + "".join(body) + "</div></body></html>")
    for name, (filename, content) in cases.items():
        corpus = work / f"large-{name}"
        corpus.mkdir(parents=True, exist_ok=True)
        (corpus / filename).write_text(content, "utf-8")
        db = work / f"large-{name}.db"
        if db.exists():
            db.unlink()
        result = measure_build(corpus, db, 1)
        results[name] = {"file": filename, "bytes": len(content.encode()), **result}
    return results


# -- one file of each format at the corpus's size limit (issue 22: each under 1 GB) --------

FILE_BYTES = 50_000_000  # the reader refuses files over 50 MiB (52,428,800 bytes)
FILE_FORMATS = ["email", "html", "pdf", "feed", "text"]  # the e-mail first: it was the worst
FILE_LABELS = {"text": "plain text", "html": "HTML page", "email": "HTML e-mail",
               "pdf": "PDF report", "feed": "Blogger Atom export"}


def _paragraphs_to(paragraphs: list[str], size: int, wrap=lambda p: p + "\n\n"):
    """Seed paragraphs, each through `wrap`, until `size` bytes are reached."""
    pieces, total, i = [], 0, 0
    while total < size:
        piece = wrap(paragraphs[i % len(paragraphs)])
        pieces.append(piece)
        total += len(piece.encode("utf-8"))
        i += 1
    return pieces


def large_file(fmt: str, paragraphs: list[str], size: int) -> tuple[str, bytes]:
    """A file of `fmt` of about `size` bytes, made of the seeds' real paragraphs."""
    from html import escape
    paragraphs = [" ".join(p.split()) for p in paragraphs]
    if fmt == "text":
        head = "---\npublisher: Napo\nkind: union\npublished: 2024-11-05\n---\nA very long report\n\n"
        return "report.txt", (head + "".join(_paragraphs_to(paragraphs, size - len(head)))).encode("utf-8")
    if fmt in ("html", "email"):
        body = "".join(_paragraphs_to(paragraphs, size - 400, lambda p: f"<p>{escape(p)}</p>\n"))
        page = f"<html><body><div class='content'><h1>A very long bulletin</h1>{body}</div></body></html>"
        if fmt == "html":
            return "bulletin.html", ("<!doctype html>" + page).encode("utf-8")
        headers = ("From: Napo <news@napo.org.uk>\nTo: members@example.org\nSubject: A very long bulletin\n"
                   "Date: Tue, 5 Nov 2024 10:00:00 +0000\nMIME-Version: 1.0\n"
                   "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n")
        return "bulletin.eml", (headers + page).encode("utf-8")
    if fmt == "pdf":
        return "report.pdf", _pdf_of(paragraphs, size)
    if fmt == "feed":
        return "export.atom", _atom_of(paragraphs, size)
    raise ValueError(fmt)


def _pdf_of(paragraphs: list[str], size: int) -> bytes:
    """A PDF of pages of 60 lines of about 90 characters, text uncompressed, to `size` bytes."""
    import textwrap
    lines = []
    for paragraph in _paragraphs_to(paragraphs, int(size / 1.2)):  # the page operators add a sixth
        lines += textwrap.wrap(paragraph, 90) + [""]
    pages = [lines[i:i + 60] for i in range(0, len(lines), 60)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []

    def add(body: bytes) -> int:
        offsets.append(len(out))
        out.extend(b"%d 0 obj\n" % len(offsets) + body + b"\nendobj\n")
        return len(offsets)
    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = [5 + 2 * n for n in range(len(pages))]  # each page's object, after its stream (4 + 2n)
    add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(pages))
    add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for page in pages:
        ops = ["BT", "/F1 9 Tf", "12 TL", "40 800 Td"]
        ops += ["(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*"
                for line in page]
        stream = "\n".join(ops + ["ET"]).encode("cp1252", errors="replace")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % content)
    xref = len(out)
    out.extend(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    out.extend(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.extend(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref))
    return bytes(out)


def _atom_of(paragraphs: list[str], size: int) -> bytes:
    """A Blogger Atom export of posts of five paragraphs, one a day back from November 2026."""
    from html import escape
    kind = "http://schemas.google.com/g/2005#kind"
    head = ("<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>\n"
            "<title type='text'>On Probation</title>\n<generator uri='https://www.blogger.com'>Blogger</generator>\n")
    entries, total, n = [], len(head), 0
    while total < size:
        day = LAST_POST - timedelta(days=n % 5000)
        body = "".join(f"<p>{escape(paragraphs[(5 * n + k) % len(paragraphs)])}</p>" for k in range(5))
        entry = (f"<entry><id>tag:blogger.com,1999:blog-1.post-{n}</id><published>{day.isoformat()}T07:00:00Z"
                 f"</published><category scheme='{kind}' term='http://schemas.google.com/blogger/2008/kind#post'/>"
                 f"<title type='text'>Post {n}</title><content type='html'>{escape(body)}</content></entry>\n")
        entries.append(entry)
        total += len(entry.encode("utf-8"))
        n += 1
    return (head + "".join(entries) + "</feed>\n").encode("utf-8")


def measure_files(seeds: Path, work: Path, size: int = FILE_BYTES, formats: list[str] = FILE_FORMATS,
                  echo=print, measured=lambda results: None) -> dict:
    """One file of each format of `size` bytes, each built alone on one worker in its own
    process: time, documents, statistics and peak RSS. `measured` is given the results so
    far after each file."""
    paragraphs = _seed_paragraphs(seeds)
    results = {}
    for fmt in formats:
        corpus = work / f"file-{fmt}"
        if corpus.exists():
            shutil.rmtree(corpus)
        corpus.mkdir(parents=True)
        name, content = large_file(fmt, paragraphs, size)
        (corpus / name).write_bytes(content)
        del content
        db = work / f"file-{fmt}.db"
        for suffix in ("", "-wal", "-shm", ".built"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        load = os.getloadavg()[0]  # a shared machine's other work slows the build, not its memory
        result = measure_build(corpus, db, 1)
        result["load"] = max(load, os.getloadavg()[0])
        import sqlite_utils
        read_as = sqlite_utils.Database(db).execute("select format from files").fetchone()
        results[fmt] = {"file": name, "bytes": (corpus / name).stat().st_size,
                        "read_as": read_as[0] if read_as else None, **result}
        echo(f"[file {fmt}] {results[fmt]['bytes']:,} bytes: {result['seconds']:.1f} s, "
             f"{result['documents']:,} documents, {result['statistics']:,} statistics, "
             f"{result['errors']} errors, peak RSS {result['rss_main_mb']:.0f} MB")
        measured(results)
    return results


def files_markdown(files: dict) -> list[str]:
    sizes = {round(r["bytes"] / 1e6) for r in files.values()}
    command = "claims bench --only files" + ("" if 50 in sizes else f" --file-mb {max(sizes)}")
    smaller = {fmt: round(r["bytes"] / 1e6) for fmt, r in files.items() if round(r["bytes"] / 1e6) < 50}
    if not smaller:
        note = ""
    elif len(smaller) == len(files):
        note = f" Measured at {max(sizes)} MB a file, not the 50 MB limit."
    else:  # the formats a run at the limit could not finish in time, measured at a smaller size
        names = [FILE_LABELS.get(fmt, fmt) for fmt in smaller]
        names = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        note = (f" The {names} {'were' if len(smaller) > 1 else 'was'} measured at {max(smaller.values())} MB (`--file-mb {max(smaller.values())}`), "
                "not the 50 MB limit.")
    loads = [r["load"] for r in files.values() if "load" in r]
    lines = ["## One file of each format at the size limit (issue 22: each under 1 GB)", "",
             "Each file is made of the seeds' paragraphs and built alone, on one worker, in its own "
             f"process (`{command}`)." + note
             + (f" Load average during the run: {min(loads):.0f} to {max(loads):.0f} on {os.cpu_count()} "
                "cores, which slows the builds, not their memory." if loads else ""), "",
             "| format | file | read as | size | documents | statistics | build (s) | peak RSS (MB) |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for fmt, r in files.items():
        lines.append(f"| {FILE_LABELS.get(fmt, fmt)} | `{r['file']}` | {r['read_as'] or 'not read'} | "
                     f"{r['bytes'] / 1e6:.1f} MB | "
                     f"{r['documents']:,} | {r['statistics']:,} | {r['seconds']:.1f} | {r['rss_main_mb']:.0f} |")
    return lines


def replace_section(report: str, section: list[str]) -> str:
    """`report` with the section of the same heading as `section` replaced by it (appended
    when it has none): one section measured again leaves the others as they were."""
    heading = section[0].split("(")[0].strip()
    parts = re.split(r"(?m)^(?=## )", report)
    body = "\n".join(section) + "\n"
    for n, part in enumerate(parts):
        if part.startswith(heading):
            parts[n] = body + ("\n" if n < len(parts) - 1 else "")
            return "".join(parts)
    return report.rstrip("\n") + "\n\n" + body


HTML_RUNS = 20


def measure_html_pages(folder: Path) -> dict:
    """Time to read one HTML page (issue 16: median at most 25 ms): each page of `folder`
    (the project's saved pages: Blogger, WordPress, Parliament, GOV.UK, a union) read
    HTML_RUNS times."""
    from ingest import IngestError
    from ingest.html_page import parse_html_page
    times = []
    pages = sorted(folder.glob("*.html"))
    for path in pages:
        markup = path.read_bytes()
        for _ in range(HTML_RUNS):
            started = time.perf_counter()
            try:
                parse_html_page(markup, path=path.name)
            except IngestError:
                pass  # the page with no article is timed too: reading it ends in that error
            times.append((time.perf_counter() - started) * 1000)
    return {"pages": len(pages), "runs": HTML_RUNS, "p50_ms": percentile(times, 0.5),
            "p95_ms": percentile(times, 0.95)}


EXTRACTION_DOCUMENTS = 100
EXTRACTION_RUNS = 3


def _best_rates(words: int, runs: dict, rounds: int = EXTRACTION_RUNS) -> dict:
    """Words per second of each extractor's fastest run, and what that run returned. The
    extractors take turns, round after round, so a slow spell of the machine (other load)
    slows them alike instead of one of them."""
    best = {name: float("inf") for name in runs}
    found: dict = {}
    for _ in range(rounds):
        for name, run in runs.items():
            started = time.perf_counter()
            found[name] = run()
            best[name] = min(best[name], time.perf_counter() - started)
    return {name: (words / best[name], found[name]) for name in runs}


def measure_extraction(corpus: Path) -> dict:
    """Words per second on one core over the same documents, best of three runs each, the
    runs taking turns: our extractor, the full en_core_web_sm over all text (as loaded by
    default, and on the matrix multiplication ours chose), quantulum3."""
    import warnings

    import spacy
    from thinc.api import use_ops

    from extract import Extractor
    from extract.blas import use_blis
    from extract.pipeline import MODEL_NAMES
    documents = _documents_of(corpus)[:EXTRACTION_DOCUMENTS]
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    extractor = Extractor()
    extractor.extract(documents[:5])  # warm up

    def full_pipeline(**ops):
        for name in MODEL_NAMES:
            try:
                with use_ops("numpy", **ops):
                    return spacy.load(name)
            except OSError:
                continue
    # the naive pipeline as a user loads it (thinc's default BLIS), and on the matrix
    # multiplication ours chose: how much of the gain is the BLAS, how much is reading less
    naive, naive_same_blas = full_pipeline(), full_pipeline(use_blis=use_blis())
    runs = {"ours": lambda: sum(len(s) for s in extractor.extract(documents)),
            "naive": lambda: sum(len(doc.ents) for doc in naive.pipe(texts, batch_size=64)),
            "naive_same_blas": lambda: sum(len(doc.ents) for doc in naive_same_blas.pipe(texts, batch_size=64))}
    try:
        from quantulum3 import parser as quantulum
        runs["quantulum"] = lambda: sum(len(quantulum.parse(t)) for t in texts)
    except ImportError:
        quantulum = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rates = _best_rates(words, runs)
    result = {"documents": len(documents), "words": words, "runs": EXTRACTION_RUNS,
              "ours_words_per_s": rates["ours"][0], "ours_statistics": rates["ours"][1],
              "naive_words_per_s": rates["naive"][0], "naive_entities": rates["naive"][1],
              "naive_same_blas_words_per_s": rates["naive_same_blas"][0],
              "blas": "BLIS (thinc)" if use_blis() else "NumPy's OpenBLAS",
              "quantulum_words_per_s": rates["quantulum"][0] if quantulum else None}
    if quantulum:
        result["quantulum_quantities"] = rates["quantulum"][1]
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure_trace(db_path: Path, queries: int = 200, seed: int = 7) -> dict:
    import sqlite_utils

    from claims.query.trace import trace
    db = sqlite_utils.Database(db_path)
    rng = random.Random(seed)
    count = db.execute("select max(id) from statistics").fetchone()[0]
    asked, times, found = [], [], 0
    while len(asked) < queries:
        row = db.execute("select mention, metric from statistics where id = ?", [rng.randint(1, count)]).fetchone()
        if row:
            asked.append(row[0] if len(asked) % 2 else f"{row[1].replace('_', ' ')} {row[0]}")
    for q in asked:
        started = time.perf_counter()
        traced = trace(db, q)
        found += len(traced["exact"]) + len(traced["rounded"])
        times.append((time.perf_counter() - started) * 1000)
    return {"queries": len(asked), "p50_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95),
            "max_ms": max(times), "appearances": found}


def measure_facets(db_path: Path, requests: int = 20) -> dict:
    from claims.site.server import serving
    result = {}
    with serving(db_path) as base:
        # the statistics page as a user opens it: metadata.yml asks for five facets
        for name, path in [("html", "/claims/statistics"), ("json", "/claims/statistics.json?_size=0")]:
            urllib.request.urlopen(base + path, timeout=60).read()  # warm the page cache
            times = []
            for _ in range(requests):
                started = time.perf_counter()
                body = urllib.request.urlopen(base + path, timeout=60).read()
                times.append((time.perf_counter() - started) * 1000)
            result[name] = {"p50_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95)}
            if name == "json":
                facets = json.loads(body)["facet_results"]
                result["facets_shown"] = sorted(facets)
    return result


def change_one_file(corpus: Path) -> str:
    target = sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]
    text = target.read_text("utf-8")
    target.write_text(text + "\n\nOne more reader says the caseload in their office was 71 in 2024.\n", "utf-8")
    return target.name


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory, 1),
            "python": platform.python_version(), "system": platform.platform()}


def measure_extraction_only(seeds: Path, work: Path, documents: int) -> dict:
    """The extraction section alone, on the corpus `run` measures it on (the smallest scale's)."""
    corpus = work / f"corpus-{documents}"
    generate_corpus(seeds, corpus, documents)
    return measure_extraction(corpus)


def run(seeds: Path, work: Path, scales: list[int], workers: int, echo=print) -> dict:
    results = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
               "workers": workers, "scales": []}
    for n in scales:
        corpus, db = work / f"corpus-{n}", work / f"claims-{n}.db"
        if db.exists():
            db.unlink()
        generated = generate_corpus(seeds, corpus, n)
        echo(f"[{n} documents] generated {generated['files']} files, {generated['words']:,} words")
        row = {"documents": n, "generated": generated}
        if n == scales[0]:
            row["extraction"] = measure_extraction(corpus)
            echo(f"[{n}] extraction words/s: ours {row['extraction']['ours_words_per_s']:,.0f}, "
                 f"naive {row['extraction']['naive_words_per_s']:,.0f}, "
                 f"quantulum3 {row['extraction'].get('quantulum_words_per_s') or 0:,.0f}")
        if n != scales[-1] and workers > 1:
            row["build_1"] = measure_build(corpus, work / f"claims-{n}-1.db", 1)
            echo(f"[{n}] build, 1 worker: {row['build_1']['seconds']:.1f} s")
            (work / f"claims-{n}-1.db").unlink()
        row["build"] = measure_build(corpus, db, workers)
        echo(f"[{n}] build, {workers} workers: {row['build']['seconds']:.1f} s, "
             f"{row['build']['statistics']:,} statistics, peak RSS {row['build']['rss_main_mb']:.0f} MB "
             f"main / {row['build']['rss_worker_mb']:.0f} MB worker")
        changed = change_one_file(corpus)
        row["incremental"] = measure_build(corpus, db, workers)
        row["incremental"]["changed"] = changed
        echo(f"[{n}] one file changed: {row['incremental']['seconds']:.2f} s "
             f"({row['incremental']['wall_seconds']:.2f} s with interpreter start)")
        out = subprocess.run([sys.executable, "-m", "claims.tools.bench", "_rebuild_warm", str(corpus), str(db), str(workers)],
                             check=True, capture_output=True, text=True)
        row["watch"] = json.loads(out.stdout.strip().splitlines()[-1])
        echo(f"[{n}] one file changed, pipeline loaded (claims build --watch): {row['watch']['seconds']:.2f} s")
        if n == scales[-1]:
            row["trace"] = measure_trace(db)
            echo(f"[{n}] trace p50 {row['trace']['p50_ms']:.1f} ms, p95 {row['trace']['p95_ms']:.1f} ms")
            row["facets"] = measure_facets(db)
            echo(f"[{n}] facet page p50 {row['facets']['html']['p50_ms']:.0f} ms, "
                 f"p95 {row['facets']['html']['p95_ms']:.0f} ms")
        row["db_mb"] = db.stat().st_size / 2**20
        results["scales"].append(row)
    results["html"] = measure_html_pages(Path(__file__).resolve().parents[2] / "tests" / "fixtures")
    echo(f"[html] one page p50 {results['html']['p50_ms']:.1f} ms, p95 {results['html']['p95_ms']:.1f} ms")
    results["large"] = measure_large_inputs(seeds, work)
    for name, r in results["large"].items():
        echo(f"[large {name}] {r['bytes']:,} bytes: {r['seconds']:.1f} s, {r['statistics']:,} statistics, "
             f"peak RSS {r['rss_main_mb']:.0f} MB")
    results["files"] = measure_files(seeds, work, echo=echo)
    return results


def extraction_markdown(e: dict, documents: int) -> list[str]:
    """The section on extraction speed against the baselines (issue 15: ours at least 8x the
    naive full en_core_web_sm)."""
    lines = [f"## Extraction against baselines (one core, the first {e['documents']:,} documents of "
             f"the {documents:,}-document corpus, {e['words']:,} words, best of {e['runs']} runs each)", "",
             "| extractor | words/s | ratio to ours | found |", "| --- | ---: | ---: | ---: |",
             f"| ours (`extract.Extractor`) | {e['ours_words_per_s']:,.0f} | 1.00 | {e['ours_statistics']:,} statistics |",
             f"| naive: full en_core_web_sm, `nlp.pipe` over all text | {e['naive_words_per_s']:,.0f} | "
             f"{e['naive_words_per_s'] / e['ours_words_per_s']:.2f} (ours is {e['ours_words_per_s'] / e['naive_words_per_s']:.1f}x faster) | {e['naive_entities']:,} entities |"]
    if e.get("naive_same_blas_words_per_s"):
        lines.append(f"| naive, on the matrix multiplication ours runs on ({e['blas']}) | "
                     f"{e['naive_same_blas_words_per_s']:,.0f} | {e['naive_same_blas_words_per_s'] / e['ours_words_per_s']:.2f} "
                     f"(ours is {e['ours_words_per_s'] / e['naive_same_blas_words_per_s']:.1f}x faster) | |")
    if e.get("quantulum_words_per_s"):
        lines.append(f"| quantulum3 | {e['quantulum_words_per_s']:,.0f} | "
                     f"{e['quantulum_words_per_s'] / e['ours_words_per_s']:.2f} (ours is {e['ours_words_per_s'] / e['quantulum_words_per_s']:.1f}x faster) | {e['quantulum_quantities']:,} quantities |")
    return lines


def markdown(results: dict, command: str) -> str:
    m = results["machine"]
    lines = ["# Benchmarks", "",
             f"Run on {results['date'][:10]} with `{command}` on {m['cpu']}, {m['cores']} cores, "
             f"{m['memory_gb']} GB RAM, Python {m['python']} ({m['system']}). "
             f"Builds use {results['workers']} worker processes. Raw figures: `build/bench/results.json`.",
             "", "Corpora are generated from the five seed documents by recombining their passages into "
             f"blog dumps of {POSTS_PER_FILE} posts (about {WORDS_PER_POST:,} words each, dated 2011 to 2026), "
             "with years shifted to each post's date and values scaled.", "",
             "## Build", "",
             "| documents | files | words | build (s) | documents/s | words/s | 1 worker (s) | speed-up | statistics | peak RSS main / worker (MB) | one file changed: `claims build` (s) | one file changed: `--watch` (s) | database (MB) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in results["scales"]:
        b, g = row["build"], row["generated"]
        one = row.get("build_1")
        lines.append(
            f"| {row['documents']:,} | {g['files']:,} | {b['words']:,} | {b['seconds']:.1f} | "
            f"{row['documents'] / b['seconds']:,.0f} | {b['words'] / b['seconds']:,.0f} | "
            f"{one['seconds']:.1f} | {one['seconds'] / b['seconds']:.2f}x | " if one else
            f"| {row['documents']:,} | {g['files']:,} | {b['words']:,} | {b['seconds']:.1f} | "
            f"{row['documents'] / b['seconds']:,.0f} | {b['words'] / b['seconds']:,.0f} | – | – | ")
        warm = f"{row['watch']['seconds']:.2f}" if "watch" in row else "–"
        lines[-1] += (f"{b['statistics']:,} | {b['rss_main_mb']:.0f} / {b['rss_worker_mb']:.0f} | "
                      f"{row['incremental']['seconds']:.2f} ({row['incremental']['wall_seconds']:.2f} with start-up) | "
                      f"{warm} | {row['db_mb']:.0f} |")
    first = results["scales"][0]
    if first.get("extraction"):
        lines += [""] + extraction_markdown(first["extraction"], first["documents"])
    html = results.get("html")
    if html:
        lines += ["", "## Reading an HTML page (issue 16: median at most 25 ms)", "",
                  f"The project's {html['pages']} saved pages (Blogger, WordPress, Parliament, GOV.UK, "
                  f"a union page, a page with no article), each read {html['runs']} times: "
                  f"p50 {html['p50_ms']:.1f} ms, p95 {html['p95_ms']:.1f} ms."]
    large = results.get("large")
    if large:
        lines += ["", "## The largest files (issue 14: linear time, under 1 GB)", "",
                  "| file | size | build, 1 worker (s) | statistics | peak RSS (MB) |", "| --- | ---: | ---: | ---: | ---: |"]
        labels = {"passage": "one passage of 1,000,000 characters", "email": "an HTML e-mail of 20 MB"}
        for name, r in large.items():
            lines.append(f"| {labels.get(name, name)} | {r['bytes'] / 1e6:.1f} MB | {r['seconds']:.1f} | "
                         f"{r['statistics']:,} | {r['rss_main_mb']:.0f} |")
    if results.get("files"):
        lines += [""] + files_markdown(results["files"])
    last = results["scales"][-1]
    if "trace" in last:
        t, f = last["trace"], last["facets"]
        lines += ["", f"## Queries on the largest database ({last['documents']:,} documents, "
                      f"{last['build']['statistics']:,} statistics)", "",
                  "| query | p50 (ms) | p95 (ms) |", "| --- | ---: | ---: |",
                  f"| `claims trace` ({t['queries']} figures taken from the database) | {t['p50_ms']:.1f} | {t['p95_ms']:.1f} |",
                  f"| statistics page with its {len(f.get('facets_shown', []))} facets (HTML, served live: not immutable) | {f['html']['p50_ms']:.0f} | {f['html']['p95_ms']:.0f} |",
                  f"| statistics facets (JSON) | {f['json']['p50_ms']:.0f} | {f['json']['p95_ms']:.0f} |"]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    if argv and argv[0] == "_build":
        _build_in_this_process(argv[1], argv[2], int(argv[3]))
        return
    if argv and argv[0] == "_rebuild_warm":
        _rebuild_warm(argv[1], argv[2], int(argv[3]))
        return
    raise SystemExit("use `claims bench`")


if __name__ == "__main__":
    main(sys.argv[1:])
