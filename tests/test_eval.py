"""End to end: the seed database against the shared gold file meets the targets of issue 3."""
import pytest
import sqlite_utils
from conftest import CORPUS, GOLD

from claims.tools.evaluate import evaluate, format_report, load_gold
from claims.query.export import iter_statistics

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="../shared/gold/seeds.jsonl not present")


def test_seed_extraction_meets_targets(seed_db):
    ev = evaluate(load_gold(GOLD), list(iter_statistics(sqlite_utils.Database(seed_db))), CORPUS)
    report = format_report(ev)
    assert ev.precision >= 0.90, report
    assert ev.core_recall >= 0.95, report
    assert ev.accuracy("value_unit") >= 0.97, report
    assert ev.accuracy("year") >= 0.90, report
    assert ev.accuracy("metric") >= 0.85, report
    assert ev.accuracy("source") >= 0.85, report


def test_duplicate_article_counted_once(seed_db):
    db = sqlite_utils.Database(seed_db)
    rows = list(db.query("select s.mention from statistics s where s.sentence = 'Here are 10 reasons why.'"))
    assert len(rows) == 1
    [dup] = db.query("select duplicate_of from documents where file like '003%' and ordinal = 1")
    [first] = db.query("select id from documents where file like '003%' and ordinal = 0")
    assert dup["duplicate_of"] == first["id"]


def test_matching_counts_whole_word_occurrences():
    from claims.tools.evaluate import gold_spans
    record = {"sentence": "a decrease of 48 (18.9%) and change of 1 (0.5%)", "mention": "1", "occurrence": 1}
    text = "xx " + record["sentence"]
    [(s, e)] = gold_spans(record, text)
    assert text[s - 10:e] == "change of 1"


def test_eval_require_fails_below_a_target(tmp_path, seed_db, monkeypatch, extractor):
    import shutil

    from click.testing import CliRunner

    from claims.cli import cli
    monkeypatch.setattr("extract.Extractor", lambda: extractor)
    db_path = tmp_path / "claims.db"
    shutil.copy(seed_db, db_path)
    args = ["eval", str(GOLD), "--corpus", str(CORPUS), "--db", str(db_path), "--json"]
    ok = CliRunner().invoke(cli, args + ["--require", "precision=0.9"])
    assert ok.exit_code == 0, ok.output
    failing = CliRunner().invoke(cli, args + ["--require", "precision=1.01"])
    assert failing.exit_code == 1
    assert "below target: precision" in failing.output
    bad = CliRunner().invoke(cli, args + ["--require", "nonsense=0.5"])
    assert bad.exit_code == 2 and "unknown score(s) nonsense" in bad.output
