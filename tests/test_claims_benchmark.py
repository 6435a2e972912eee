"""The claim-check benchmark (issue 21): the claims file is well formed and grounded in the dev
documents, and the scorer scores an invented corpus exactly."""
import json
from collections import Counter

import pytest
from click.testing import CliRunner
from conftest import ROOT, SHARED

from claims.tools.claims_benchmark import (KIND_VERDICTS, TRAP, below_targets, build_database, claim_problems,
                                     load_claims, run)
from claims.cli import cli

# not tests/claims/: pytest puts tests/ on sys.path, and a folder there named like the `claims`
# package shadows it (importlib.resources.files("claims") then reads tests/claims/)
CLAIMS = ROOT / "tests" / "claimsbench" / "claims.jsonl"
GOLD = SHARED / "gold"


def test_claims_file_is_well_formed():
    claims = load_claims(CLAIMS)
    assert len(claims) >= 100
    problems = {c.get("id"): claim_problems(c) for c in claims}
    assert {k: v for k, v in problems.items() if v} == {}
    assert len({c["id"] for c in claims}) == len(claims)
    assert len({c["claim"] for c in claims}) == len(claims)
    kinds = Counter(c["kind"] for c in claims)
    assert set(kinds) == set(KIND_VERDICTS)
    assert kinds[TRAP] >= 20


@pytest.mark.skipif(not GOLD.is_dir(), reason="the shared gold documents are not here")
def test_every_origin_is_a_mention_of_its_document():
    for claim in load_claims(CLAIMS):
        origin = claim["origin"]
        if origin is None:
            continue
        path = GOLD / claim["corpus"] / origin["file"]
        assert path.is_file(), claim["id"]
        assert origin["mention"] in path.read_text("utf-8"), claim["id"]


def test_claim_problems_names_each_fault():
    good = {"id": "x", "claim": "There were 21 CRCs.", "kind": "exact", "verdict": "matches", "accept": [],
            "origin": {"file": "a.txt", "mention": "21"}, "corpus": "dev", "note": ""}
    assert claim_problems(good) == []
    assert claim_problems({**good, "verdict": "rounded"}) == ["a exact claim is expected matches, not rounded"]
    assert claim_problems({**good, "kind": TRAP, "verdict": "not_found", "accept": ["rounded"]}) == [
        "a trap may never accept a match or a rounding"]
    assert claim_problems({**good, "kind": "absent", "verdict": "not_found"}) == ["an absent claim has no origin"]
    assert claim_problems({k: v for k, v in good.items() if k != "note"}) == ["missing note"]


def test_targets_are_floors_except_trap_matches():
    scores = {"verdict_rate": 0.8, "trap_matches": 1}
    assert below_targets(scores, {"verdict_rate": 0.8, "trap_matches": 1}) == []
    assert below_targets(scores, {"verdict_rate": 0.9, "trap_matches": 0}) == [
        "verdict_rate 0.800 < 0.9", "trap_matches 1 > 0"]


# two invented corpus folders, as `--corpus` given twice
FOLDERS = {
    "one": {"pac.txt": ("House of Commons Committee of Public Accounts", "committee", "2025-06-01",
                        "The vacancy rate for probation officers was 21% in 2025.")},
    "two": {"hmpps.txt": ("HM Prison and Probation Service", "statistics", "2026-08-01",
                          "There were 21 community rehabilitation companies in 2026.")},
}
INVENTED = [
    {"id": "e", "claim": "The vacancy rate for probation officers was 21% in 2025.", "kind": "exact",
     "verdict": "matches", "accept": [], "origin": {"file": "pac.txt", "mention": "21%"}, "corpus": "dev", "note": ""},
    {"id": "w", "claim": "The vacancy rate for probation officers was 21% in 2019.", "kind": "wrong_period",
     "verdict": "different_period", "accept": [], "origin": {"file": "pac.txt", "mention": "21%"}, "corpus": "dev",
     "note": ""},
    {"id": "t", "claim": "There were 21 probation officer vacancies in Kent in 2026.", "kind": TRAP,
     "verdict": "not_found", "accept": [], "origin": {"file": "hmpps.txt", "mention": "21"}, "corpus": "dev2",
     "note": "21 companies, not vacancies"},
    # expected wrongly on purpose: the scorer must count it as wrong
    {"id": "a", "claim": "The vacancy rate for probation officers was 21% in 2025.", "kind": "rounded",
     "verdict": "rounded", "accept": [], "origin": {"file": "hmpps.txt", "mention": "21"}, "corpus": "dev2",
     "note": ""},
]


@pytest.fixture(scope="module")
def invented(tmp_path_factory, extractor):
    root = tmp_path_factory.mktemp("benchmark")
    for folder, files in FOLDERS.items():
        (root / folder).mkdir()
        for name, (publisher, kind, published, text) in files.items():
            (root / folder / name).write_text(f"---\npublisher: {publisher}\nkind: {kind}\npublished: {published}\n"
                                              f"---\nTitle\n{text}\n", "utf-8")
    build_database([root / "one", root / "two"], root / "claims.db", extractor)
    return root


def test_scorer_scores_an_invented_corpus(invented, extractor):
    import sqlite_utils
    report = run(sqlite_utils.Database(invented / "claims.db"), extractor, INVENTED)
    assert [o.got for o in report.outcomes] == ["matches", "different_period", "not_found", "matches"]
    assert [o.origin_right for o in report.outcomes] == [True, True, None, False]
    scores = report.scores()
    assert scores["verdict_rate"] == 0.75
    assert scores["origin_accuracy"] == 0.667
    assert scores["trap_matches"] == 0
    assert scores["traps_read"] == 1
    assert scores["traps_same_figure"] == 0
    assert scores["verdict_rate.rounded"] == 0.0
    assert scores["verdict_rate.exact"] == 1.0


@pytest.mark.usefixtures("shared_extractor")
def test_eval_claims_command_fails_below_target(invented, tmp_path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(c) + "\n" for c in INVENTED), "utf-8")
    args = ["eval-claims", str(claims), "--corpus", str(invented / "one"), "--corpus", str(invented / "two"),
            "--db", str(tmp_path / "eval.db")]
    result = CliRunner().invoke(cli, [*args, "--require", "verdict_rate=0.7", "--require", "trap_matches=0"])
    assert result.exit_code == 0, result.output
    assert "verdict_rate: 0.750" in result.output
    assert "trap_matches: 0 of 1" in result.output
    result = CliRunner().invoke(cli, [*args, "--require", "verdict_rate=0.8", "--show-errors"])
    assert result.exit_code == 1
    assert "below target: verdict_rate 0.750 < 0.8" in result.output
    assert "a [rounded] The vacancy rate for probation officers was 21% in 2025." in result.output
    assert "expected rounded, got matches" in result.output
