#!/usr/bin/env python3
"""Check gold annotation files against the rules of GUIDE.md (standard library only).

Usage: ``python tests/data/gold/check.py tests/data/gold/*.gold.json`` -> one line per problem,
exit status 1 when there is any.  :func:`problems` is what ``tests/test_gold.py`` calls.

Examples
--------
>>> problems({"report": "x"}, text="")[0]
'missing key: split'
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CLASSES = {
    "Enterprise", "ListedCompany", "University", "ResearchInstitute", "Fund", "Platform", "Incubator",
    "Laboratory", "Alliance", "Park", "IndustryCluster", "Project", "MetroLine",
}
TOP = {"ListedCompany": "Enterprise", "Incubator": "Platform", "Laboratory": "Platform", "Alliance": "Platform",
       "MetroLine": "Project"}
PREDICATES = {"locatedIn", "inCluster", "cooperatesWith", "affiliatedWith"}
STAGES = {"Planned", "Started", "UnderConstruction", "ToppedOut", "Completed", "InUse"}
LEVELS = {"town", "district", "city", "province", "national"}
KEYS = ("report", "split", "place", "level", "year", "entities", "relations", "milestones")


def problems(gold: dict, text: str | None = None) -> list[str]:
    """Every way ``gold`` breaks the guide (``text``: the report, read from ``gold["report"]`` if None)."""
    out = [f"missing key: {k}" for k in KEYS if k not in gold]
    if out:
        return out
    if text is None:
        path = ROOT / gold["report"]
        if not path.is_file():
            return [f"report not found: {gold['report']}"]
        text = path.read_text(encoding="utf-8")
    if gold["split"] not in ("dev", "test"):
        out.append(f"split is {gold['split']!r}, not dev or test")
    if gold["level"] not in LEVELS:
        out.append(f"level {gold['level']!r} not in {sorted(LEVELS)}")
    if not (isinstance(gold["year"], str) and len(gold["year"]) == 4 and gold["year"].isdigit()):
        out.append(f"year {gold['year']!r} is not a 4-digit string")
    labels: dict[str, str] = {}
    surfaces: dict[str, str] = {}
    for i, e in enumerate(gold["entities"]):
        where = f"entity {i} {e.get('label')!r}"
        if not e.get("label"):
            out.append(f"{where}: no label")
            continue
        if e.get("class") not in CLASSES:
            out.append(f"{where}: class {e.get('class')!r} not allowed")
        key = e["label"]
        if key in labels:  # a name's second sense (GUIDE.md): relations name it label@TopClass
            key = f"{e['label']}@{TOP.get(e.get('class'), e.get('class'))}"
            if key in labels or TOP.get(labels[e["label"]], labels[e["label"]]) == key.rsplit("@", 1)[1]:
                out.append(f"{where}: label given twice")
        labels[key] = e.get("class", "")
        names = [e["label"], *e.get("aliases", [])]
        for n in names:
            if n in surfaces and surfaces[n] != e["label"]:
                out.append(f"{where}: surface {n!r} also belongs to {surfaces[n]!r}")
            surfaces[n] = e["label"]
        if e.get("constructed"):
            if e.get("evidence", "") not in text or not e.get("evidence"):
                out.append(f"{where}: constructed label needs an evidence substring of the report")
            names = names[1:]
        for n in names:
            if n not in text:
                out.append(f"{where}: {n!r} does not occur in the report")
    for i, r in enumerate(gold["relations"]):
        where = f"relation {i} {r.get('subject')!r} {r.get('predicate')} {r.get('object')!r}"
        if r.get("predicate") not in PREDICATES:
            out.append(f"{where}: predicate not allowed")
        for end in ("subject", "object"):
            if r.get(end) not in labels:
                out.append(f"{where}: {end} is not an entity label")
        if r.get("subject") == r.get("object"):
            out.append(f"{where}: subject and object are the same")
        if not r.get("evidence") or r["evidence"] not in text:
            out.append(f"{where}: evidence is not a substring of the report")
    for i, m in enumerate(gold["milestones"]):
        where = f"milestone {i} {m.get('project')!r} {m.get('stage')}"
        if m.get("project") not in labels:
            out.append(f"{where}: project is not an entity label")
        if m.get("stage") not in STAGES:
            out.append(f"{where}: stage not allowed")
        y = m.get("year")
        if y is not None and not (isinstance(y, str) and len(y) == 4 and y.isdigit()):
            out.append(f"{where}: year {y!r} is neither null nor a 4-digit string")
        if not isinstance(m.get("planned"), bool):
            out.append(f"{where}: planned is not true/false")
        if not m.get("evidence") or m["evidence"] not in text:
            out.append(f"{where}: evidence is not a substring of the report")
    return out


def timeline_problems(timeline: dict) -> list[str]:
    """Every way a timeline gold set breaks the guide's "Project timelines across years" section."""
    out = [f"missing key: {k}" for k in ("jurisdiction", "reports", "projects") if k not in timeline]
    if out:
        return out
    texts = {}
    for slug in timeline["reports"]:
        path = ROOT / "corpus" / "reports" / f"{slug}.txt"
        if not path.is_file():
            return [f"report not found: {slug}"]
        texts[slug] = path.read_text(encoding="utf-8")
    surfaces: dict[str, str] = {}
    for i, p in enumerate(timeline["projects"]):
        where = f"project {i} {p.get('label')!r}"
        if p.get("class") not in CLASSES:
            out.append(f"{where}: class {p.get('class')!r} not allowed")
        for n in [p.get("label", ""), *p.get("aliases", [])]:
            if not n or not any(n in t for t in texts.values()):
                out.append(f"{where}: {n!r} occurs in none of the reports")
            if n in surfaces and surfaces[n] != p.get("label"):
                out.append(f"{where}: surface {n!r} also belongs to {surfaces[n]!r}")
            surfaces[n] = p.get("label")
        if not p.get("milestones"):
            out.append(f"{where}: no milestone")
        for j, m in enumerate(p.get("milestones", [])):
            mw = f"{where} milestone {j}"
            if m.get("report") not in texts:
                out.append(f"{mw}: report {m.get('report')!r} is not one of the listed reports")
                continue
            if m.get("stage") not in STAGES:
                out.append(f"{mw}: stage not allowed")
            y = m.get("year")
            if y is not None and not (isinstance(y, str) and len(y) == 4 and y.isdigit()):
                out.append(f"{mw}: year {y!r} is neither null nor a 4-digit string")
            if not isinstance(m.get("planned"), bool):
                out.append(f"{mw}: planned is not true/false")
            if not m.get("evidence") or m["evidence"] not in texts[m["report"]]:
                out.append(f"{mw}: evidence is not a substring of {m['report']}")
    return out


def main(paths: list[str]) -> int:
    bad = 0
    if paths and paths[0] == "--timeline":
        for p in paths[1:]:
            found = timeline_problems(json.loads(Path(p).read_text(encoding="utf-8")))
            for line in found:
                print(f"{p}: {line}")
            bad += len(found)
            if not found:
                print(f"{p}: ok")
        return 1 if bad else 0
    for p in paths:
        gold = json.loads(Path(p).read_text(encoding="utf-8"))
        found = problems(gold)
        for line in found:
            print(f"{p}: {line}")
        bad += len(found)
        if not found:
            n = len(gold["entities"]), len(gold["relations"]), len(gold["milestones"])
            print(f"{p}: ok ({n[0]} entities, {n[1]} relations, {n[2]} milestones)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
