"""``changes_between_years``: only a move forward through the stages, between two years, is a change."""

from __future__ import annotations

import re

from rdflib import Graph
from rdflib.namespace import SKOS

from graph.model import STAGES
from graph.rdf.namespaces import WJ
from graph.resources import ontology_file
from graph.store.queries import load_query, run_query


def test_the_query_orders_the_stages_as_the_model_and_the_ontology_do():
    text = load_query("changes_between_years").text
    blocks = re.findall(r"VALUES \(\?stage[AB] \?rank[AB]\) \{([^}]*)\}", text)
    assert len(blocks) == 2
    onto = Graph().parse(ontology_file("wujing.ttl"))
    notation = {stage: int(onto.value(WJ[stage], SKOS.notation)) for stage in STAGES}
    for block in blocks:
        ranks = {stage: int(rank) for stage, rank in re.findall(r"\(wj:(\w+) (\d+)\)", block)}
        assert ranks == notation == {stage: i + 1 for i, stage in enumerate(STAGES)}


def test_one_report_lists_no_backward_move_as_a_change(built_trig):
    rows = run_query("changes_between_years", graph=built_trig)
    rank = {f"{WJ}{stage}": i for i, stage in enumerate(STAGES)}
    moves = {(str(r["projectLabel"]), str(r["yearA"]), str(r["yearB"])): (rank[str(r["stageA"])], rank[str(r["stageB"])],
                                                                         bool(r["changed"]), str(r["move"]))
             for r in rows}
    assert all(a < b for _, a, b in moves)  # two different years, the earlier first
    for a, b, changed, move in moves.values():
        assert changed == (b > a)
        assert move == ("forward" if b > a else "same" if a == b else "backward")
    # the bundled report has both kinds: 大零号湾国际智能医疗创新中心 was completed in 2025 and is under
    # construction in 2026
    assert moves[("大零号湾国际智能医疗创新中心", "2025", "2026")][2:] == (False, "backward")
    assert any(changed for *_, changed, _ in moves.values())
