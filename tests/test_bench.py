"""The benchmark's corpus generator and the parallel build it measures. Nothing here is
timed: speed is measured by `make bench`, not asserted by tests."""
from datetime import date
from pathlib import Path

import sqlite_utils
from conftest import CORPUS

from claims.tools.bench import generate_corpus, shift_figures
from claims.build.build import POOL_MIN_FILES, build
from ingest import ingest_file
from ingest.manifest import load_manifest


def test_shift_figures_moves_years_and_scales_values_as_written():
    assert shift_figures("In 2020 there were 3,550 officers, 5.7% more, and 464 vacancies.", 2, 1.1) == \
        "In 2022 there were 3,905 officers, 6.3% more, and 510 vacancies."


def test_generated_corpus_is_blog_dumps_of_real_passages(tmp_path):
    out = tmp_path / "gen"
    info = generate_corpus(CORPUS, out, 45, posts_per_file=20)
    assert (info["files"], info["documents"]) == (3, 45)
    manifest = load_manifest(out)
    documents = []
    for path in sorted(out.glob("*.txt")):
        source, docs = ingest_file(path, path.name, manifest[path.name])
        assert source.format == "blog_dump"
        documents += docs
    assert len(documents) == 45
    days = sorted(date.fromisoformat(d.published) for d in documents)
    assert days[0] == date(2011, 1, 1) and days[-1] <= date(2026, 11, 1)
    assert {d.source for d in documents} == {"On Probation blog"}
    kinds = {p.kind for d in documents for p in d.passages}
    assert {"title", "paragraph", "quote", "comment"} <= kinds
    words = [len(d.text.split()) for d in documents]
    assert min(words) >= 600
    # the same seed gives the same corpus
    again = generate_corpus(CORPUS, tmp_path / "again", 45, posts_per_file=20)
    assert again == info
    assert (out / "on_probation_00001.txt").read_text() == (tmp_path / "again" / "on_probation_00001.txt").read_text()


def rows(db_path: Path):
    db = sqlite_utils.Database(db_path)
    return list(db.query("select file, start, mention, value, unit, metric, period, year, source "
                         "from statistics order by file, document_id, start"))


def test_parallel_build_gives_the_same_database(tmp_path, extractor):
    corpus = tmp_path / "corpus"
    generate_corpus(CORPUS, corpus, 2 * POOL_MIN_FILES, posts_per_file=2)
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    build(corpus, serial, extractor=extractor, echo=lambda line: None)
    report = build(corpus, parallel, echo=lambda line: None, workers=2)
    assert len(report.read) == POOL_MIN_FILES
    assert rows(parallel) == rows(serial)
    assert len(rows(serial)) > 100


def test_one_large_file_is_shared_out_among_workers(tmp_path, extractor):
    from claims.build.build import SPLIT_MIN_BYTES
    corpus = tmp_path / "corpus"
    generate_corpus(CORPUS, corpus, 14, posts_per_file=14)
    [big] = corpus.glob("*.txt")
    assert big.stat().st_size >= SPLIT_MIN_BYTES
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    build(corpus, serial, extractor=extractor, echo=lambda line: None)
    report = build(corpus, parallel, echo=lambda line: None, workers=2)
    assert report.read == [big.name] and report.documents == 14
    assert rows(parallel) == rows(serial)


def test_report_rows_from_results():
    from claims.tools.bench import markdown
    build = {"seconds": 4.0, "words": 200_000, "statistics": 2_700, "rss_main_mb": 126, "rss_worker_mb": 250}
    results = {"date": "2026-11-26T08:00:00+00:00", "workers": 2,
               "machine": {"cpu": "AMD EPYC", "cores": 2, "memory_gb": 23.5, "python": "3.11.7", "system": "Linux"},
               "scales": [{"documents": 200, "generated": {"files": 10}, "build": build,
                           "incremental": {"seconds": 0.9, "wall_seconds": 1.6}, "watch": {"seconds": 0.12},
                           "db_mb": 6.2},
                          {"documents": 2_000, "generated": {"files": 100}, "build": {**build, "seconds": 33.0},
                           "incremental": {"seconds": 0.96, "wall_seconds": 1.63}, "db_mb": 57}]}
    report = markdown(results, "make bench")
    assert "| 200 | 10 | 200,000 | 4.0 | 50 | 50,000 | – | – | 2,700 | 126 / 250 | 0.90 (1.60 with start-up) | 0.12 | 6 |" in report
    assert "| 2,000 | 100 | 200,000 | 33.0 | 61 | 6,061 | – | – | 2,700 | 126 / 250 | 0.96 (1.63 with start-up) | – | 57 |" in report


def test_the_large_file_of_each_format_is_read_as_that_format(tmp_path):
    from claims.tools.bench import FILE_FORMATS, _seed_paragraphs, large_file
    paragraphs = _seed_paragraphs(CORPUS)
    read_as = {}
    for fmt in FILE_FORMATS:
        name, content = large_file(fmt, paragraphs, 100_000)
        # near the size asked, and never over it by the margin the reader's limit leaves
        # (50 MiB against the bench's 50 MB)
        assert 0.95 * 100_000 <= len(content) <= 1.04 * 100_000, (fmt, len(content))
        (tmp_path / name).write_bytes(content)
        source, documents = ingest_file(tmp_path / name, name)
        read_as[fmt] = (source.format, len(documents) > 1)
    assert read_as == {"email": ("email", False), "html": ("html", False), "pdf": ("pdf", False),
                       "feed": ("blogger_atom", True), "text": ("committee_report", False)}


def test_one_section_measured_again_replaces_only_its_own():
    from claims.tools.bench import files_markdown, replace_section
    report = "# Benchmarks\n\n## Build\n\nbuild table\n\n## Queries\n\nquery table\n"
    row = {"file": "bulletin.eml", "read_as": "email", "bytes": 50_000_000, "documents": 1,
           "statistics": 90_000, "seconds": 300.0, "rss_main_mb": 640.0}
    section = files_markdown({"email": row})
    once = replace_section(report, section)
    assert once.startswith(report.rstrip("\n") + "\n\n## One file of each format")
    assert "| HTML e-mail | `bulletin.eml` | email | 50.0 MB | 1 | 90,000 | 300.0 | 640 |" in once
    again = replace_section(once, files_markdown({"email": {**row, "rss_main_mb": 512.0}}))
    assert again.count("## One file of each format") == 1 and "| 512 |" in again and "| 640 |" not in again
    assert again.startswith(report.rstrip("\n"))


def test_a_format_measured_below_the_limit_is_named_with_its_size():
    from claims.tools.bench import files_markdown
    row = {"file": "report.txt", "read_as": "committee_report", "bytes": 50_000_000, "documents": 1,
           "statistics": 95_000, "seconds": 900.0, "rss_main_mb": 700.0}
    smaller = {**row, "file": "report.pdf", "read_as": "pdf", "bytes": 9_800_000}
    lines = files_markdown({"text": row, "pdf": smaller, "html": {**smaller, "file": "bulletin.html"}})
    assert lines[2].endswith("in its own process (`claims bench --only files`). The PDF report and HTML "
                             "page were measured at 10 MB (`--file-mb 10`), not the 50 MB limit.")
    assert files_markdown({"text": row})[2].endswith("(`claims bench --only files`).")
    assert files_markdown({"pdf": smaller})[2].endswith(
        "(`claims bench --only files --file-mb 10`). Measured at 10 MB a file, not the 50 MB limit.")


def test_the_extraction_section_measured_again_replaces_its_own():
    from claims.tools.bench import extraction_markdown, replace_section
    report = "# Benchmarks\n\n## Build\n\nbuild table\n\n## Extraction against baselines (old)\n\nold table\n\n## Queries\n\nq\n"
    e = {"documents": 100, "words": 105_534, "runs": 3, "ours_words_per_s": 40_000.0, "ours_statistics": 1_323,
         "naive_words_per_s": 4_000.0, "naive_entities": 5_292, "naive_same_blas_words_per_s": 6_400.0,
         "blas": "NumPy's OpenBLAS", "quantulum_words_per_s": None}
    again = replace_section(report, extraction_markdown(e, 200))
    assert again.count("## Extraction against baselines") == 1 and "old table" not in again
    assert "## Extraction against baselines (one core, the first 100 documents of the 200-document corpus, " \
           "105,534 words, best of 3 runs each)" in again
    assert "| naive: full en_core_web_sm, `nlp.pipe` over all text | 4,000 | 0.10 (ours is 10.0x faster) | 5,292 entities |" in again
    assert again.endswith("## Queries\n\nq\n")
