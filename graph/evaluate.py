"""Score the extractor against a hand-annotated evaluation set (``tests/data/*.gold.json``).

An extracted entity matches a gold entity when any of its names (canonical name or alias) is one
of the gold entity's names; each gold entity is matched at most once.  It counts as correct for
its class when the top-level classes agree.  A relation is correct when both ends match and the
property is the same (``cooperatesWith`` in either direction); a milestone when the project
matches and stage and year agree.

Examples
--------
>>> p, r, f = prf(tp=9, predicted=10, gold=12)
>>> round(p, 2), round(r, 2)
(0.9, 0.75)
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Extraction, top_class

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "data" / "wujing-2026.gold.json"

_NORM = re.compile(r"[\s“”\"'‘’《》]")


def _norm(name: str) -> str:
    return _NORM.sub("", name).replace("(", "（").replace(")", "）")


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Score:
    """Counts for one row of the evaluation table."""
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[2]


@dataclass
class Evaluation:
    entities: dict[str, Score]
    relations: dict[str, Score]

    def table(self) -> list[tuple[str, str, int, int, int, float, float, float]]:
        """Rows (kind, name, tp, predicted, gold, precision, recall, f1), totals last."""
        rows = []
        for kind, scores in (("entity", self.entities), ("relation", self.relations)):
            for name in sorted(k for k in scores if k != "ALL"):
                s = scores[name]
                rows.append((kind, name, s.tp, s.predicted, s.gold, s.precision, s.recall, s.f1))
            s = scores["ALL"]
            rows.append((kind, "ALL", s.tp, s.predicted, s.gold, s.precision, s.recall, s.f1))
        return rows


def load_gold(path: Path | str = DEFAULT_GOLD) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _match_entities(ex: Extraction, gold: dict) -> dict[str, str]:
    """Extracted canonical name -> gold label, one to one, exact names first."""
    gold_names: dict[str, str] = {}
    for g in gold["entities"]:
        for n in [g["label"], *g.get("aliases", [])]:
            gold_names.setdefault(_norm(n), g["label"])
    matched: dict[str, str] = {}
    used: set[str] = set()
    for exact in (True, False):
        for name in sorted(ex.entities):
            if name in matched:
                continue
            e = ex.entities[name]
            names = [name] if exact else sorted(e.aliases)
            for n in names:
                label = gold_names.get(_norm(n))
                if label and label not in used:
                    matched[name] = label
                    used.add(label)
                    break
    return matched


def evaluate(ex: Extraction, gold: dict) -> Evaluation:
    """Score one extraction against a gold annotation."""
    gold_cls = {g["label"]: g["class"] for g in gold["entities"]}
    matched = _match_entities(ex, gold)

    entities: dict[str, Score] = {}
    for cls in sorted(set(gold_cls.values()) | {top_class(e.cls) for e in ex.entities.values()}):
        entities[cls] = Score()
    total = Score()
    for name, e in sorted(ex.entities.items()):
        cls = top_class(e.cls)
        entities[cls].predicted += 1
        total.predicted += 1
        label = matched.get(name)
        if label and gold_cls[label] == cls:
            entities[cls].tp += 1
            total.tp += 1
        else:
            entities[cls].spurious.append(name if not label else f"{name} (gold: {gold_cls[label]})")
    hit = {matched[n] for n, e in ex.entities.items() if n in matched and gold_cls[matched[n]] == top_class(e.cls)}
    for label, cls in gold_cls.items():
        entities[cls].gold += 1
        total.gold += 1
        if label not in hit:
            entities[cls].missed.append(label)
    entities["ALL"] = total

    def key(s: str, p: str, o: str) -> tuple[str, str, str]:
        if p == "cooperatesWith" and o < s:
            s, o = o, s
        return (s, p, o)

    gold_rel = {key(r["subject"], r["predicate"], r["object"]) for r in gold["relations"]}
    gold_rel |= {(m["project"], "hasMilestone", f'{m["stage"]}@{m["year"]}') for m in gold["milestones"]}
    predicted = {
        key(matched.get(r.subject, "?" + r.subject), r.predicate, matched.get(r.object, "?" + r.object))
        for r in ex.relations
    }
    predicted |= {
        (matched.get(m.project, "?" + m.project), "hasMilestone", f"{m.stage}@{m.year}") for m in ex.milestones
    }
    relations: dict[str, Score] = {}
    for p in sorted({t[1] for t in gold_rel | predicted}):
        g = {t for t in gold_rel if t[1] == p}
        pr = {t for t in predicted if t[1] == p}
        relations[p] = Score(
            tp=len(g & pr),
            predicted=len(pr),
            gold=len(g),
            missed=sorted(" ".join(t) for t in g - pr),
            spurious=sorted(" ".join(t) for t in pr - g),
        )
    relations["ALL"] = Score(
        tp=len(gold_rel & predicted), predicted=len(predicted), gold=len(gold_rel)
    )
    return Evaluation(entities, relations)


def format_table(ev: Evaluation, title: str = "") -> str:
    """The evaluation as a fixed-width text table."""
    lines = [title] if title else []
    lines.append(f"{'kind':<9}{'class/property':<20}{'tp':>5}{'pred':>6}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}")
    for kind, name, tp, pred, gold, p, r, f in ev.table():
        lines.append(f"{kind:<9}{name:<20}{tp:>5}{pred:>6}{gold:>6}{p:>7.2f}{r:>7.2f}{f:>7.2f}")
    return "\n".join(lines)


def errors(ev: Evaluation) -> str:
    """What was missed and what was spurious, per class and property."""
    out = []
    for kind, scores in (("entity", ev.entities), ("relation", ev.relations)):
        for name, s in sorted(scores.items()):
            if name == "ALL":
                continue
            if s.missed:
                out.append(f"{kind} {name} missed: " + "; ".join(s.missed))
            if s.spurious:
                out.append(f"{kind} {name} spurious: " + "; ".join(s.spurious))
    return "\n".join(out)


def class_counts(ex: Extraction) -> Counter:
    return Counter(top_class(e.cls) for e in ex.entities.values())
