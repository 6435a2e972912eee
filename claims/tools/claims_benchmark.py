"""The claim-check benchmark: claims written as people quote figures, each with the verdict a
fact-checker would give and the figure in the corpus it comes from, checked through the same
call `claims check --json` makes (claims.query.check.check_text) and scored by kind.

A claims file holds one JSON object a line: id, claim, kind, verdict (the expected headline),
accept (other verdicts also right), origin ({"file", "mention"} or null), corpus, note."""
from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from ..query.check import VERDICTS, check_text

# what each kind of claim is, and the headline verdict it must get
KIND_VERDICTS = {
    "exact": "matches",
    "rounded": "rounded",
    "wrong_period": "different_period",
    "superseded": "superseded",
    "misattributed": "misattributed",
    "conflicting": "conflicts",
    "absent": "not_found",
    # a number the corpus states, measuring something else: never a match or a rounding
    "other_measure": "not_found",
}
TRAP = "other_measure"
FIELDS = ("id", "claim", "kind", "verdict", "accept", "origin", "corpus", "note")
# the folder a claim's origin lives in: the seed corpus (corpus/, the seeds byte for byte) or a gold set
CORPORA = ("seeds", "dev", "dev2")
# scores `--require` reads as a ceiling rather than a floor
CEILINGS = {"trap_matches", "traps_same_figure"}
NO_FIGURE = "no_figure"


def load_claims(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


def claim_problems(claim: dict) -> list[str]:
    """What is wrong with one claim's fields (empty when it is well formed)."""
    problems = [f"missing {name}" for name in FIELDS if name not in claim]
    if problems:
        return problems
    kind, verdict = claim["kind"], claim["verdict"]
    if kind not in KIND_VERDICTS:
        problems.append(f"unknown kind {kind!r}")
    elif verdict != KIND_VERDICTS[kind]:
        problems.append(f"a {kind} claim is expected {KIND_VERDICTS[kind]}, not {verdict}")
    if not isinstance(claim["accept"], list) or any(v not in VERDICTS for v in claim["accept"]):
        problems.append(f"accept must list verdicts of {VERDICTS}")
    if kind == TRAP and {"matches", "rounded"} & set(claim["accept"]):
        problems.append("a trap may never accept a match or a rounding")
    if claim["corpus"] not in CORPORA:
        problems.append(f"corpus must be one of {CORPORA}")
    origin = claim["origin"]
    if kind == "absent" and origin is not None:
        problems.append("an absent claim has no origin")
    if kind != "absent" and not (isinstance(origin, dict) and origin.get("file") and origin.get("mention")):
        problems.append("origin must be {file, mention}")
    if not str(claim["claim"]).strip():
        problems.append("empty claim")
    return problems


def build_database(corpora: list[Path], db_path: Path, extractor=None, echo=lambda line: None) -> None:
    """One database from the documents of several corpus folders (the build reads one folder
    and refuses symlinks leading out of it, so the files are copied into a temporary one)."""
    from ..build.build import build
    with tempfile.TemporaryDirectory(prefix="claims-benchmark-") as tmp:
        seen: dict[str, Path] = {}
        for corpus in corpora:
            for path in sorted(Path(corpus).iterdir()):
                if not path.is_file() or path.name.startswith("."):
                    continue
                if path.name in seen:
                    raise ValueError(f"{path.name} is in both {seen[path.name].parent} and {corpus}")
                seen[path.name] = path
                shutil.copy2(path, Path(tmp) / path.name)
        db_path = Path(db_path)
        if db_path.exists():
            db_path.unlink()
        build(Path(tmp), db_path, extractor=extractor, echo=echo)


@dataclass
class Outcome:
    claim: dict
    got: str
    reasons: list[str]
    origin: dict | None
    series: str | None
    # whether the reader read what the claim's figure measures: a trap it could not read is
    # not_found without the matching rule ever being tried
    readable: bool = False

    @property
    def right(self) -> bool:
        return self.got == self.claim["verdict"] or self.got in self.claim["accept"]

    @property
    def origin_right(self) -> bool | None:
        """None when the origin is not scored: the claim has none, or its verdict is not_found."""
        expected = self.claim["origin"]
        if expected is None or self.claim["verdict"] == "not_found":
            return None
        return bool(self.origin and self.origin.get("file") == expected["file"]
                    and self.origin.get("mention") == expected["mention"])

    @property
    def trap_matched(self) -> bool:
        return self.claim["kind"] == TRAP and self.got in ("matches", "rounded")

    @property
    def trap_same_figure(self) -> bool:
        """A trap given any verdict but not_found: its headline says the corpus states that figure
        (another period, another speaker), which it does not."""
        return self.claim["kind"] == TRAP and self.got not in ("not_found", NO_FIGURE)


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def scores(self) -> dict:
        total = len(self.outcomes)
        by_kind: dict[str, list[Outcome]] = {}
        for outcome in self.outcomes:
            by_kind.setdefault(outcome.claim["kind"], []).append(outcome)
        origins = [o.origin_right for o in self.outcomes if o.origin_right is not None]
        scores = {"claims": total,
                  "verdict_rate": _rate(sum(o.right for o in self.outcomes), total),
                  "origin_accuracy": _rate(sum(origins), len(origins)),
                  "trap_matches": sum(o.trap_matched for o in self.outcomes),
                  "traps_same_figure": sum(o.trap_same_figure for o in self.outcomes),
                  "traps_read": sum(o.readable for o in self.outcomes if o.claim["kind"] == TRAP)}
        for kind in KIND_VERDICTS:
            if kind in by_kind:
                scores[f"verdict_rate.{kind}"] = _rate(sum(o.right for o in by_kind[kind]), len(by_kind[kind]))
        return scores


def _rate(right: int, total: int) -> float:
    return round(right / total, 3) if total else 0.0


def check_claim(db: sqlite_utils.Database, extractor, claim: dict) -> Outcome:
    """The verdict of the claim's figure, as `claims check --json` gives it. A claim quotes one
    figure; when the reader finds several, the first is the one scored."""
    result = check_text(db, extractor, claim["claim"])
    if not result["claims"]:
        return Outcome(claim, NO_FIGURE, ["the reader found no figure in the claim"], None, None, False)
    first = result["claims"][0]
    reasons = [f"{r['verdict']}: {r['text']}" for r in first["reasons"]]
    reasons += [f"not a match: {r['mention']} ({r['source']}, {r['period']}): {r['why_not']}"
                for r in first.get("other_measures", [])[:3]]
    if len(result["claims"]) > 1:
        reasons.append("figures read: " + ", ".join(c["mention"] for c in result["claims"]))
    return Outcome(claim, first["verdict"], reasons, first["origin"], first.get("series"), bool(first.get("readable")))


def run(db: sqlite_utils.Database, extractor, claims: list[dict]) -> Report:
    return Report([check_claim(db, extractor, claim) for claim in claims])


def format_report(report: Report, show_errors: bool = False) -> str:
    scores = report.scores()
    counts = Counter(o.claim["kind"] for o in report.outcomes)
    lines = [f"claims: {scores['claims']}",
             f"verdict_rate: {scores['verdict_rate']:.3f}",
             f"origin_accuracy: {scores['origin_accuracy']:.3f}",
             f"trap_matches: {scores['trap_matches']} of {counts.get(TRAP, 0)} same-number-other-measure claims "
             "called a match or a rounding",
             f"traps_same_figure: {scores['traps_same_figure']} traps given any verdict but not_found",
             f"traps_read: {scores['traps_read']} of {counts.get(TRAP, 0)} traps read into a series (the others are "
             "not_found because the reader could not read them, not by the matching rule)",
             "by kind:"]
    for kind in KIND_VERDICTS:
        if kind in counts:
            right = sum(o.right for o in report.outcomes if o.claim["kind"] == kind)
            lines.append(f"  {kind:<14} {right:>3}/{counts[kind]:<3} {scores['verdict_rate.' + kind]:.3f}")
    if show_errors:
        for outcome in report.outcomes:
            claim = outcome.claim
            wrong_origin = outcome.origin_right is False
            if outcome.right and not wrong_origin:
                continue
            expected = claim["verdict"] + (f" (or {', '.join(claim['accept'])})" if claim["accept"] else "")
            lines.append("")
            lines.append(f"{claim['id']} [{claim['kind']}] {claim['claim']}")
            lines.append(f"    expected {expected}, got {outcome.got}   series: {outcome.series}")
            if wrong_origin:
                got = outcome.origin
                lines.append(f"    origin expected {claim['origin']['file']} '{claim['origin']['mention']}', got "
                             + (f"{got['file']} '{got['mention']}'" if got else "none"))
            lines.extend(f"    {reason}" for reason in outcome.reasons)
    return "\n".join(lines)


def below_targets(scores: dict, required: dict[str, float]) -> list[str]:
    """Each required score the report misses, as a line; the trap counts are ceilings."""
    missed = []
    for name, target in required.items():
        value = scores[name]
        if name in CEILINGS and value > target:
            missed.append(f"{name} {value} > {target:g}")
        elif name not in CEILINGS and value < target:
            missed.append(f"{name} {value:.3f} < {target:g}")
    return missed
