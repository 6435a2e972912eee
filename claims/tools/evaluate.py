"""Compare extracted statistics with a gold file written to ../shared/gold/GUIDELINES.md.

A gold figure and a prediction match when they sit in the same file and their mentions
overlap (each used once). Precision is over every prediction in the files the gold file
covers; recall over all gold figures and over the core ones; field accuracies are over
matched pairs."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from extract.reasons import describe_reason

from ..query.rounding import value_tolerance


class MatchRates:
    """Precision and recall of matched predictions: one definition for every scorer here."""
    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation(MatchRates):
    gold: int = 0
    core: int = 0
    predicted: int = 0
    matched: int = 0
    matched_core: int = 0
    correct: dict[str, int] = field(default_factory=lambda: {k: 0 for k in FIELDS})
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    wrong: list[tuple[str, dict, dict]] = field(default_factory=list)

    @property
    def core_recall(self) -> float:
        return self.matched_core / self.core if self.core else 0.0

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.matched if self.matched else 0.0

    def as_dict(self) -> dict:
        return {"gold": self.gold, "core": self.core, "predicted": self.predicted,
                "matched": self.matched, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "core_recall": round(self.core_recall, 3),
                **{f"{k}_accuracy": round(self.accuracy(k), 3) for k in FIELDS}}


def _same_value(gold: dict, pred: dict) -> bool:
    g, p = gold["value"], pred["value"]
    if p is None:
        return False
    return abs(g - p) <= value_tolerance(g) and gold["unit"] == pred["unit"]


FIELDS = {
    "value_unit": _same_value,
    "year": lambda g, p: g["year"] == p["year"],
    "metric": lambda g, p: g["metric"] == p["metric"],
    "source": lambda g, p: g["source"] == p["source"],
}


def gold_spans(record: dict, text: str) -> list[tuple[int, int]]:
    """Where a gold mention can sit in the file: in each copy of its sentence."""
    spans = []
    sentence, mention = record["sentence"], record["mention"]
    occurrence = record.get("occurrence", 1)
    # count only whole-word occurrences: "1" in "no substantial change of 1" is not the "1" of "18.9%"
    whole = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", sentence)]
    positions = whole or [m.start() for m in re.finditer(re.escape(mention), sentence)]
    if len(positions) < occurrence:
        return spans
    pos = positions[occurrence - 1]
    at = text.find(sentence)
    while at != -1:
        spans.append((at + pos, at + pos + len(mention)))
        at = text.find(sentence, at + 1)
    return spans


def evaluate(gold_records: list[dict], predictions: list[dict], corpus: Path) -> Evaluation:
    ev = Evaluation()
    files = {r["doc"] for r in gold_records}
    texts = {f: (corpus / f).read_text("utf-8") for f in files if (corpus / f).exists()}
    preds = [p for p in predictions if p["file"] in files]
    ev.predicted = len(preds)
    used: set[int] = set()
    by_file: dict[str, list[int]] = {}
    for i, p in enumerate(preds):
        by_file.setdefault(p["file"], []).append(i)
    for record in gold_records:
        ev.gold += 1
        ev.core += bool(record.get("core"))
        spans = gold_spans(record, texts.get(record["doc"], ""))
        best = None
        for i in by_file.get(record["doc"], []):
            if i in used:
                continue
            p = preds[i]
            if p["file_start"] is None:
                continue
            for s, e in spans:
                if p["file_start"] < e and s < p["file_end"]:
                    exact = (p["file_start"], p["file_end"]) == (s, e)
                    if best is None or exact:
                        best = i
                    break
            if best is not None and (preds[best]["file_start"], preds[best]["file_end"]) in spans:
                break
        if best is None:
            ev.misses.append(record)
            continue
        used.add(best)
        ev.matched += 1
        ev.matched_core += bool(record.get("core"))
        for name, check in FIELDS.items():
            if check(record, preds[best]):
                ev.correct[name] += 1
            else:
                ev.wrong.append((name, record, preds[best]))
    ev.false_positives = [p for i, p in enumerate(preds) if i not in used]
    return ev


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


def format_report(ev: Evaluation, show_errors: bool = False) -> str:
    lines = [
        f"gold figures      {ev.gold} ({ev.core} core)",
        f"predicted         {ev.predicted}",
        f"matched           {ev.matched}",
        f"precision         {ev.precision:.3f}",
        f"recall            {ev.recall:.3f}",
        f"core recall       {ev.core_recall:.3f}",
        f"value+unit acc.   {ev.accuracy('value_unit'):.3f}",
        f"year accuracy     {ev.accuracy('year'):.3f}",
        f"metric accuracy   {ev.accuracy('metric'):.3f}",
        f"source accuracy   {ev.accuracy('source'):.3f}",
    ]
    if show_errors:
        lines.append("")
        lines.append(f"misses ({len(ev.misses)}):")
        for r in ev.misses:
            lines.append(f"  {r['doc']} {r['mention']!r}{' [core]' if r.get('core') else ''}: {r['sentence'][:140]}")
        lines.append(f"false positives ({len(ev.false_positives)}):")
        for p in ev.false_positives:
            lines.append(f"  {p['file']} {p['mention']!r}: {p['sentence'][:140]}")
        lines.append(f"wrong fields ({len(ev.wrong)}):")
        for name, r, p in ev.wrong:
            key = {"value_unit": "value"}.get(name, name)
            got = f"{p['value']} {p['unit']}" if name == "value_unit" else p[key]
            want = f"{r['value']} {r['unit']}" if name == "value_unit" else r[key]
            lines.append(f"  {name}: {r['doc']} {r['mention']!r} want {want!r} got {got!r}: {r['sentence'][:110]}")
            reason = describe_reason(p.get("why"), {"year": "period"}.get(key, key))
            if reason:
                lines.append(f"      why: {reason}")
    return "\n".join(lines)
