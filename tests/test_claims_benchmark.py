"""The claim-check benchmark (issue 21): each claims file is well formed and grounded in the
documents it was written from, `make eval` scores every one, and the scorer scores an invented
corpus exactly."""
import json
from collections import Counter
from itertools import combinations

import pytest
from click.testing import CliRunner
from conftest import ROOT, SHARED

from claims.tools.claims_benchmark import (KIND_VERDICTS, TRAP, below_targets, build_database, claim_problems,
                                     load_claims, run)
from claims.cli import cli

# not tests/claims/: pytest puts tests/ on sys.path, and a folder there named like the `claims`
# package shadows it (importlib.resources.files("claims") then reads tests/claims/)
BENCH = ROOT / "tests" / "claimsbench"
CLAIMS = BENCH / "claims.jsonl"
GOLD = SHARED / "gold"
# each claims file: the fewest claims it holds and the corpus folders its database is built from
# (`make eval`); claims_seeds.jsonl and claims_blind.jsonl were written blind to the claim reader
# and the matching code, to measure whether fixes made on claims.jsonl generalise
CLAIM_FILES = {"claims.jsonl": (100, ("dev", "dev2")), "claims_seeds.jsonl": (80, ("seeds", "dev")),
               "claims_blind.jsonl": (80, ("seeds", "dev2")),
               # the fourth, blind like the second and third, over all three corpora at once (one database)
               "claims_blind2.jsonl": (100, ("seeds", "dev", "dev2"))}
# where each corpus's documents are, and the gold file annotating them
FOLDERS = {"seeds": ROOT / "corpus", "dev": GOLD / "dev", "dev2": GOLD / "dev2"}
GOLD_FILES = {"seeds": GOLD / "seeds.jsonl", "dev": GOLD / "dev.jsonl", "dev2": GOLD / "dev2.jsonl"}


def test_every_claims_file_is_listed_here_and_scored_by_make_eval():
    assert sorted(p.name for p in BENCH.glob("*.jsonl")) == sorted(CLAIM_FILES)
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for name in CLAIM_FILES:
        assert f"eval-claims tests/claimsbench/{name}" in makefile


@pytest.mark.parametrize("name", sorted(CLAIM_FILES))
def test_claims_file_is_well_formed(name):
    fewest, corpora = CLAIM_FILES[name]
    claims = load_claims(BENCH / name)
    assert len(claims) >= fewest
    problems = {c.get("id"): claim_problems(c) for c in claims}
    assert {k: v for k, v in problems.items() if v} == {}
    assert {c["corpus"] for c in claims} <= set(corpora)
    assert len({c["id"] for c in claims}) == len(claims)
    assert len({c["claim"] for c in claims}) == len(claims)
    kinds = Counter(c["kind"] for c in claims)
    assert set(kinds) == set(KIND_VERDICTS)
    assert kinds[TRAP] >= 20


def test_blind_claims_cover_every_kind_several_times():
    # a rate by kind over one or two claims says nothing; the blind set holds at least four of each
    kinds = Counter(c["kind"] for c in load_claims(BENCH / "claims_blind.jsonl"))
    assert min(kinds.values()) >= 4
    assert {c["corpus"] for c in load_claims(BENCH / "claims_blind.jsonl")} == {"seeds", "dev2"}


def test_second_blind_set_spreads_over_every_corpus_and_kind():
    # written from all three corpora into one database, so that "superseded" and "conflicts" are
    # judged across them; at least four claims of each kind and 25 traps, for rates that say something
    claims = load_claims(BENCH / "claims_blind2.jsonl")
    kinds = Counter(c["kind"] for c in claims)
    assert min(kinds.values()) >= 4
    assert kinds[TRAP] >= 25
    corpora = Counter(c["corpus"] for c in claims)
    assert set(corpora) == {"seeds", "dev", "dev2"}
    assert min(corpora.values()) >= 15
    assert all(c["id"].startswith("n") for c in claims)


def test_second_blind_set_traps_and_absent_claims_are_not_found():
    for claim in load_claims(BENCH / "claims_blind2.jsonl"):
        if claim["kind"] in (TRAP, "absent"):
            assert claim["verdict"] == "not_found", claim["id"]
            assert not {"matches", "rounded"} & set(claim["accept"]), claim["id"]


@pytest.mark.parametrize("one, other", list(combinations(sorted(CLAIM_FILES), 2)))
def test_claims_files_share_no_claim_and_no_id(one, other):
    first, second = load_claims(BENCH / one), load_claims(BENCH / other)
    for field in ("id", "claim"):
        assert {c[field] for c in first} & {c[field] for c in second} == set(), field


@pytest.mark.skipif(not GOLD.is_dir(), reason="the shared gold documents are not here")
@pytest.mark.parametrize("name", sorted(CLAIM_FILES))
def test_every_origin_is_a_gold_mention_of_its_document(name):
    gold: dict[str, set[str]] = {}
    for corpus in CLAIM_FILES[name][1]:
        for line in GOLD_FILES[corpus].read_text("utf-8").splitlines():
            figure = json.loads(line)
            gold.setdefault(figure["doc"], set()).add(figure["mention"])
    for claim in load_claims(BENCH / name):
        origin = claim["origin"]
        if origin is None:
            continue
        path = FOLDERS[claim["corpus"]] / origin["file"]
        assert path.is_file(), claim["id"]
        assert origin["mention"] in path.read_text("utf-8"), claim["id"]
        # the origin is a figure the guidelines count, not any string that happens to be there
        assert origin["mention"] in gold[origin["file"]], claim["id"]


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
INVENTED_FOLDERS = {
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
    for folder, files in INVENTED_FOLDERS.items():
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
