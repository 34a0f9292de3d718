"""The gold sets keep the annotation guide's rules (tests/data/gold/check.py, standard library only):
every file of tests/data/gold/ and its timelines, and the split each file says is the split of SPLIT.tsv."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent / "data" / "gold"
_spec = importlib.util.spec_from_file_location("gold_check", GOLD / "check.py")
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)

SPLIT = {row.split("\t")[0]: row.split("\t")[1] for row in (GOLD / "SPLIT.tsv").read_text(encoding="utf-8").splitlines()
         if row and not row.startswith("#")}


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.gold.json")), ids=lambda p: p.name.removesuffix(".gold.json"))
def test_a_gold_set_keeps_the_guide_and_is_in_the_half_the_split_file_gives(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert check.problems(gold) == []
    assert SPLIT[path.name.removesuffix(".gold.json")] == gold["split"]


@pytest.mark.parametrize("path", sorted((GOLD / "timelines").glob("*.timeline.json")), ids=lambda p: p.name)
def test_a_timeline_gold_set_keeps_the_guide(path):
    assert check.timeline_problems(json.loads(path.read_text(encoding="utf-8"))) == []


def test_every_report_of_the_split_file_has_its_gold_set():
    assert sorted(SPLIT) == sorted(p.name.removesuffix(".gold.json") for p in GOLD.glob("*.gold.json"))
