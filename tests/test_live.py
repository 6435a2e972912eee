"""A running site sees each build whole (issue 15): a rebuild under a running server, builds
killed at several points, incremental re-clustering equal to a full one, and build progress."""
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import CORPUS, ROOT

from claims.cli import cli
from claims.site.server import serving


pytestmark = pytest.mark.usefixtures("shared_extractor")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("001_741b4b0b39277c09.txt", "004_99fb86074057d25d.txt"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    return folder


def build(corpus, db_path):
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    return result


def test_a_running_server_sees_the_new_build_whole(corpus, tmp_path):
    db_path = tmp_path / "claims.db"
    build(corpus, db_path)
    with serving(db_path) as base:
        url = f"{base}/claims.json?sql=select+count(*)+as+n+from+documents&_shape=array"
        before = __import__("json").loads(urllib.request.urlopen(url).read())[0]["n"]
        (corpus / "new.txt").write_text("---\npublisher: Napo\nkind: union\n---\nNew\n"
                                        "There were 77 probation officer vacancies in 2024.\n", "utf-8")
        build(corpus, db_path)
        time.sleep(0.2)

        def count(_):
            return __import__("json").loads(urllib.request.urlopen(url).read())[0]["n"]
        with ThreadPoolExecutor(20) as pool:
            counts = list(pool.map(count, range(20)))
    assert counts == [before + 1] * 20


def test_incremental_reclustering_equals_a_full_build(corpus, tmp_path):
    db_path = tmp_path / "claims.db"
    build(corpus, db_path)
    article = corpus / "004_99fb86074057d25d.txt"
    article.write_text(article.read_text("utf-8") + "\nAs of 8 December 2020, there were 464 probation officer "
                       "vacancies.\n", "utf-8")
    build(corpus, db_path)
    full = tmp_path / "full.db"
    build(corpus, full)

    def grouping(path):
        db = sqlite_utils.Database(path)
        groups = {}
        for row in db.query("select s.file, s.start, f.metric, f.unit, f.value, f.year, o.file as origin_file, "
                            "o.start as origin_start from statistics s join figures f on f.id = s.figure_id "
                            "join statistics o on o.id = f.origin_statistic_id"):
            groups.setdefault((row["metric"], row["unit"], row["value"], row["year"],
                               row["origin_file"], row["origin_start"]), set()).add((row["file"], row["start"]))
        return groups
    assert grouping(db_path) == grouping(full)
    db = sqlite_utils.Database(db_path)
    [(appearances,)] = db.execute("select appearances from figures where value = 464 and metric = 'vacancies' "
                                  "and year = 2020").fetchall()
    assert appearances == 3  # paragraphs 108 and 126 of the report, and the new line


BUILD_SCRIPT = """
import sys
from pathlib import Path
from claims.build.build import build
build(Path(sys.argv[1]), Path(sys.argv[2]), echo=lambda line: None, workers=1)
"""


@pytest.mark.parametrize("delay", [1.5, 3.0, 4.5])
def test_a_build_killed_at_any_moment_leaves_the_old_database_whole(corpus, tmp_path, delay):
    db_path = tmp_path / "claims.db"
    build(corpus, db_path)
    with sqlite3.connect(db_path) as conn:
        before = conn.execute("select count(*) from statistics").fetchone()[0]
    for name in ("000_2bf7038f85055406.txt", "002_de5b32b1437c634f.txt"):
        (corpus / name).write_bytes((CORPUS / name).read_bytes())
    proc = subprocess.Popen([sys.executable, "-c", BUILD_SCRIPT, str(corpus), str(db_path)], cwd=ROOT)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        after = conn.execute("select count(*) from statistics").fetchone()[0]
        files = {r[0] for r in conn.execute("select path from files")}
    # the old build whole, or (if the kill came after the commit) the new one whole
    if files == {"001_741b4b0b39277c09.txt", "004_99fb86074057d25d.txt"}:
        assert after == before
    else:
        assert files == set(os.listdir(corpus)) and after > before
    build(corpus, db_path)  # the next build completes
    with sqlite3.connect(db_path) as conn:
        assert {r[0] for r in conn.execute("select path from files")} == set(os.listdir(corpus))


def test_progress_is_plain_lines_when_not_a_terminal(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr("claims.build.progress.PLAIN_EVERY", 0.0)
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "--db", str(tmp_path / "c.db")])
    lines = [line for line in result.output.splitlines() if line.startswith("build: ")]
    assert lines[0].startswith("build: 1/2 files, 1 documents, ")
    assert lines[-1].startswith("build: 2/2 files, 2 documents, ") and "elapsed, about 0s left" in lines[-1]


def test_progress_is_a_bar_on_a_terminal():
    import io

    from claims.build.build import Progress
    from claims.build.progress import BuildProgress

    class Terminal(io.StringIO):
        def isatty(self):
            return True
    stream = Terminal()
    show = BuildProgress(stream)
    for done in (1, 2, 3, 4):
        show(Progress(done, 4, done * 20, done * 300, done * 1.5))
    out = stream.getvalue()
    assert "build" in out and "4/4" in out and "80 documents, 1,200 statistics" in out


def test_a_changed_post_is_the_only_document_extracted_again(tmp_path, extractor, monkeypatch):
    """A sentence added to one post of a ten-post blog dump: only that post goes through
    extraction, every statistic stated again keeps its id, and the database equals a full
    build of the changed corpus (offsets of the posts after it moved)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    name = "000_2bf7038f85055406.txt"
    (corpus / name).write_bytes((CORPUS / name).read_bytes())
    db_path = tmp_path / "claims.db"
    build(corpus, db_path)
    db = sqlite_utils.Database(db_path)
    [third] = db.query("select file_start, title from documents where ordinal = 2")
    before = {(r["sentence"], r["mention"]): r["id"] for r in db.query("select id, sentence, mention from statistics")}
    text = (corpus / name).read_text("utf-8")
    at = text.index("\n\n", third["file_start"] + 200) + 2
    (corpus / name).write_text(text[:at] + "There were 321 probation officer vacancies in 2023.\n\n" + text[at:], "utf-8")

    extracted = []
    extract = extractor.extract
    monkeypatch.setattr(extractor, "extract", lambda documents: extracted.extend(d.title for d in documents)
                        or extract(documents))
    build(corpus, db_path)
    assert extracted == [third["title"]]
    after = {(r["sentence"], r["mention"]): r["id"] for r in db.query("select id, sentence, mention from statistics")}
    new = set(after) - set(before)
    assert new == {("There were 321 probation officer vacancies in 2023.", "321")}
    assert all(after[key] == before[key] for key in before)  # stated again: same id

    full = tmp_path / "full.db"
    build(corpus, full)

    def statistics(path):
        return sorted(tuple(r.values()) for r in sqlite_utils.Database(path).query(
            "select s.file_start, s.file_end, s.sentence, s.mention, s.metric, s.value, s.year, s.source, "
            "f.appearances, o.file_start as origin from statistics s left join figures f on f.id = s.figure_id "
            "left join statistics o on o.id = f.origin_statistic_id"))
    assert statistics(db_path) == statistics(full)


def test_watch_rebuilds_each_change_with_the_pipeline_loaded_once(corpus, tmp_path, extractor):
    import threading

    from claims.build.watch import watch
    db_path = tmp_path / "claims.db"
    reports, stop = [], threading.Event()
    thread = threading.Thread(target=watch, args=(corpus, db_path), daemon=True, kwargs=dict(
        extractor=extractor, echo=lambda line: None, interval=0.1, stop=stop, built=reports.append))
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not reports and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [len(r.read) for r in reports] == [2]
        time.sleep(0.3)
        assert len(reports) == 1  # nothing changed: no rebuild
        (corpus / "new.txt").write_text("---\npublisher: Napo\nkind: union\n---\nNew\n"
                                        "There were 77 probation officer vacancies in 2024.\n", "utf-8")
        while len(reports) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (len(reports[1].read), len(reports[1].unchanged)) == (1, 2)
        assert sqlite_utils.Database(db_path).execute(
            "select count(*) from statistics where mention = '77'").fetchone()[0] == 1
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()
