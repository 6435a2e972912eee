"""The build through the CLI: incremental, atomic, and tolerant of bad files."""
import json
import shutil
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner

from claims import build as build_module
from claims.cli import cli
from conftest import CORPUS


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("001_741b4b0b39277c09.txt", "004_99fb86074057d25d.txt", "sources.yml"):
        shutil.copy(CORPUS / name, folder / name)
    return folder


@pytest.fixture(autouse=True)
def shared_extractor(monkeypatch, extractor):
    # load the spaCy pipeline once per session, not once per build
    monkeypatch.setattr("extract.Extractor", lambda: extractor)


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
    (corpus / "001_741b4b0b39277c09.txt").write_bytes(b"\xff\xfe broken")
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

    def crash(db):
        raise RuntimeError("disk full")
    monkeypatch.setattr("claims.figures.link_figures", crash)
    with pytest.raises(RuntimeError):
        build_module.build(corpus, db_path, echo=lambda line: None)
    # the old database is untouched and no temporary file is left behind
    assert sqlite_utils.Database(db_path)["statistics"].count == count
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
