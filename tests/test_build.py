"""The build through the CLI: incremental, atomic, and tolerant of bad files."""
import json
import shutil
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import CORPUS

from claims.build import build as build_module
from claims.cli import cli


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("001_741b4b0b39277c09.txt", "004_99fb86074057d25d.txt", "sources.yml"):
        shutil.copy(CORPUS / name, folder / name)
    return folder


pytestmark = pytest.mark.usefixtures("shared_extractor")


def run(*args):
    result = CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)
    return result


def test_build_then_incremental_rebuild(corpus, tmp_path):
    db_path = tmp_path / "claims.db"
    first = run("build", "--corpus", corpus, "--db", db_path)
    assert first.exit_code == 0
    assert "2 files read, 0 unchanged, 0 removed, 0 with errors; 2 documents" in first.output
    db = sqlite_utils.Database(db_path)
    assert db["files"].count == 2
    [row] = db.query("select value, year, source from statistics where mention = '464' and passage_id in "
                     "(select id from passages where number = 108)")
    assert row == {"value": 464.0, "year": 2020, "source": "Justice Committee"}

    second = run("build", "--corpus", corpus, "--db", db_path)
    assert "0 files read, 2 unchanged" in second.output

    article = corpus / "004_99fb86074057d25d.txt"
    article.write_text(article.read_text("utf-8") + "\nThere are now 12 new probation hubs.\n", "utf-8")
    (corpus / "001_741b4b0b39277c09.txt").unlink()
    third = run("build", "--corpus", corpus, "--db", db_path)
    assert "1 files read, 0 unchanged, 1 removed" in third.output
    db = sqlite_utils.Database(db_path)
    assert [r["path"] for r in db["files"].rows] == ["004_99fb86074057d25d.txt"]
    assert db.execute("select count(*) from documents where file like '001%'").fetchone()[0] == 0
    assert db.execute("select count(*) from statistics where mention = '12'").fetchone()[0] == 1


def test_bad_file_reported_build_continues_and_keeps_old_rows(corpus, tmp_path):
    db_path = tmp_path / "claims.db"
    assert run("build", "--corpus", corpus, "--db", db_path).exit_code == 0
    before = sqlite_utils.Database(db_path)["statistics"].count
    # the committee report is replaced by invalid UTF-8, and a new empty file appears
    (corpus / "001_741b4b0b39277c09.txt").write_bytes(b"\xff broken")
    (corpus / "empty.txt").write_bytes(b"")
    result = run("build", "--corpus", corpus, "--db", db_path)
    assert result.exit_code == 0
    assert "error: 001_741b4b0b39277c09.txt: invalid UTF-8 at byte 0" in result.output
    assert "error: empty.txt: empty file" in result.output
    db = sqlite_utils.Database(db_path)
    assert db["statistics"].count == before  # nothing already in the database is lost
    errors = {r["path"]: r["reason"] for r in db["build_errors"].rows}
    assert errors == {"001_741b4b0b39277c09.txt": "invalid UTF-8 at byte 0", "empty.txt": "empty file"}
    strict = run("build", "--corpus", corpus, "--db", db_path, "--strict")
    assert strict.exit_code == 1


def test_build_is_atomic(corpus, tmp_path, monkeypatch):
    db_path = tmp_path / "claims.db"
    assert run("build", "--corpus", corpus, "--db", db_path).exit_code == 0
    count = sqlite_utils.Database(db_path)["statistics"].count
    (corpus / "new.txt").write_text("A new note\nThere were 99 vacancies in 2024.\n", "utf-8")

    def crash(db, affected=None):
        raise RuntimeError("disk full")
    monkeypatch.setattr("claims.build.figures.link_figures", crash)
    with pytest.raises(RuntimeError):
        build_module.build(corpus, db_path, echo=lambda line: None)
    # the old database is untouched: the build's one transaction was rolled back
    assert sqlite_utils.Database(db_path)["statistics"].count == count
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert [p.name for p in tmp_path.iterdir() if ".tmp" in p.name] == []


def test_export_jsonl_fields(seed_db):
    result = run("export", "--db", seed_db)
    rows = [json.loads(line) for line in result.output.splitlines()]
    [row] = [r for r in rows if r["mention"] == "3,550"]
    assert row["file"] == "001_741b4b0b39277c09.txt"
    text = (CORPUS / row["file"]).read_text("utf-8")
    assert text[row["file_start"]:row["file_end"]] == "3,550"
    assert {k: row[k] for k in ("value", "unit", "metric", "period", "year", "source", "published")} == {
        "value": 3550, "unit": "count", "metric": "staff_in_post", "period": "2020-09-30",
        "year": 2020, "source": "Justice Committee", "published": "2021-04-23"}
    assert row["document_title"] == "The future of the Probation Service"


def test_export_csv(seed_db):
    result = run("export", "--db", seed_db, "--format", "csv")
    header = result.output.splitlines()[0].split(",")
    assert header[:5] == ["file", "mention", "sentence", "file_start", "file_end"]


def test_every_mention_is_where_its_offsets_say(seed_db):
    db = sqlite3.connect(seed_db)
    for file, mention, start, end in db.execute("select file, mention, file_start, file_end from statistics"):
        text = (CORPUS / file).read_text("utf-8")
        assert text[start:end] == mention


def test_build_mixes_formats_and_keeps_going_past_bad_ones(tmp_path):
    from pdf_writer import write_pdf
    from test_ingest_formats import FIXTURES, REPORT_PAGES
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("govuk_statistics.html", "blogger_export.atom", "committee_report.html", "napo_mailout.eml"):
        shutil.copy(FIXTURES / name, corpus / name)
    write_pdf(corpus / "hmip_annual.pdf", REPORT_PAGES, title="Annual report 2024")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    shutil.copy(FIXTURES / "no_article.html", corpus / "404.html")
    (corpus / "sources.yml").write_text(
        "files:\n  hmip_annual.pdf:\n    publisher: HMIP\n    kind: inspectorate\n", "utf-8")
    db_path = tmp_path / "claims.db"
    result = run("build", "--corpus", corpus, "--db", db_path)
    assert result.exit_code == 0
    assert "error: 404.html: no article found in the HTML page" in result.output
    assert "error: broken.pdf: truncated PDF (no %%EOF marker at the end of the file)" in result.output
    assert ("warning: blogger_export.atom: entry 4 skipped: tag:blogger.com,1999:blog-1234.post-1003 "
            "has no content") in result.output
    db = sqlite_utils.Database(db_path)
    assert {r["path"]: r["format"] for r in db["files"].rows} == {
        "blogger_export.atom": "blogger_atom", "committee_report.html": "html",
        "govuk_statistics.html": "html", "hmip_annual.pdf": "pdf", "napo_mailout.eml": "email"}
    assert sorted(r["path"] for r in db["build_errors"].rows) == ["404.html", "broken.pdf"]
    # a PDF figure is traced to its page; extracted text has no file offsets
    [row] = db.query("select s.value, s.unit, s.year, s.source, s.file_start, p.page from statistics s "
                     "join passages p on p.id = s.passage_id where s.file = 'hmip_annual.pdf' "
                     "and s.mention = '5,283'")
    assert row == {"value": 5283.0, "unit": "count", "year": 2024, "source": "HMIP",
                   "file_start": None, "page": 2}
    [row] = db.query("select metric, year, source from statistics where file = 'govuk_statistics.html' "
                     "and mention = '5,283'")
    assert row == {"metric": "staff_in_post", "year": 2024, "source": "HMPPS"}
    # a committee page's footnote closes its figure's sentence
    traced = run("trace", "464 vacancies", "--db", db_path, "--json")
    [appearance] = json.loads(traced.output)["exact"]
    assert appearance["file"] == "committee_report.html"
    assert [c["text"] for c in appearance["citations"]] == ["Q201 [Amy Rees]"]
    labels = db.execute("select labels from documents where title = 'Staffing Crisis'").fetchone()[0]
    assert json.loads(labels) == ["PAC", "vacancies"]


def test_unchanged_files_are_not_hashed_again(corpus, tmp_path, monkeypatch):
    """A file whose size and modification time are as the last build saw them is not read
    at all; one modified in the same second as that build is hashed, since a second change
    in the same clock tick would keep both (git's racy entries)."""
    db_path = tmp_path / "claims.db"
    old = corpus / "001_741b4b0b39277c09.txt"
    hour_ago = __import__("time").time_ns() - 3600 * 10**9
    __import__("os").utime(old, ns=(hour_ago, hour_ago))
    assert run("build", "--corpus", corpus, "--db", db_path).exit_code == 0  # the other file is new: racy

    hashed = []
    sha256_of = build_module.sha256_of
    monkeypatch.setattr(build_module, "sha256_of", lambda path: hashed.append(path.name) or sha256_of(path))
    recent = corpus / "004_99fb86074057d25d.txt"
    stat = recent.stat()
    text = recent.read_text("utf-8")
    recent.write_text(text.replace("probation", "Probation", 1), "utf-8")  # same size, same time
    __import__("os").utime(recent, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = run("build", "--corpus", corpus, "--db", db_path)
    assert hashed == ["004_99fb86074057d25d.txt"]
    assert "1 files read, 1 unchanged" in result.output


def test_a_changed_lexicon_or_registry_reads_every_file_again(corpus, tmp_path, monkeypatch):
    db_path = tmp_path / "claims.db"
    assert run("build", "--corpus", corpus, "--db", db_path).exit_code == 0
    assert build_module.pipeline_version().startswith(build_module.PIPELINE_VERSION + "+")
    # what a different lexicons/*.yml or organisations.yml gives
    monkeypatch.setattr(build_module, "pipeline_version", lambda: build_module.PIPELINE_VERSION + "+000000000000")
    result = run("build", "--corpus", corpus, "--db", db_path)
    assert "2 files read, 0 unchanged" in result.output


def test_the_pipeline_version_digests_the_extraction_code_not_only_its_data(monkeypatch):
    # a change to extract/, ingest/ or the registries' code must re-read every file: a forgotten
    # PIPELINE_VERSION bump once left eval databases holding an older extractor's statistics
    packages = {package for package, _ in build_module.PIPELINE_SOURCES}
    assert {"extract", "ingest", "registry"} <= packages
    build_module.pipeline_version.cache_clear()
    whole = build_module.pipeline_version()
    monkeypatch.setattr(build_module, "PIPELINE_SOURCES",
                        tuple(s for s in build_module.PIPELINE_SOURCES if s != ("extract", "**/*.py")))
    build_module.pipeline_version.cache_clear()
    assert build_module.pipeline_version() != whole
    build_module.pipeline_version.cache_clear()


def test_rows_written_a_few_at_a_time_make_the_same_database(corpus, tmp_path, monkeypatch):
    def tables(db_path):
        db = sqlite_utils.Database(db_path)
        return {t: db.execute(f"select * from [{t}] order by id").fetchall()
                for t in ("documents", "passages", "footnotes", "footnote_refs", "statistics")}
    assert run("build", "--corpus", corpus, "--db", tmp_path / "whole.db").exit_code == 0
    monkeypatch.setattr(build_module, "ROWS_AT_ONCE", 3)
    assert run("build", "--corpus", corpus, "--db", tmp_path / "pieces.db").exit_code == 0
    whole, pieces = tables(tmp_path / "whole.db"), tables(tmp_path / "pieces.db")
    assert len(pieces["statistics"]) > 3 and len(pieces["passages"]) > 3
    assert pieces == whole
    # a rebuild that carries statistics over is written in pieces too
    (corpus / "004_99fb86074057d25d.txt").write_text(
        (corpus / "004_99fb86074057d25d.txt").read_text("utf-8") + "\nOne more line of 12 words about nothing.\n", "utf-8")
    assert run("build", "--corpus", corpus, "--db", tmp_path / "pieces.db").exit_code == 0
    ids = lambda name: {r[0] for r in sqlite_utils.Database(name).execute(
        "select id from statistics where file = '004_99fb86074057d25d.txt'")}
    # each statistic stated again keeps its id; the new line's figure is one more
    assert ids(tmp_path / "whole.db") < ids(tmp_path / "pieces.db")
    assert len(ids(tmp_path / "pieces.db")) == len(ids(tmp_path / "whole.db")) + 1
