"""Extraction quality on the annotated evaluation set, with and without the lexicon.

The evaluation set (tests/data/wujing-2026.gold.json) was annotated from the report's text, not
from the extractor's output; tests/data/README.md says how.  These tests pin the measured quality,
so that a change that makes extraction worse fails.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.evaluate import evaluate, load_gold, prf
from graph.extract.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent


def test_gold_evidence_is_text_of_the_report(report_text):
    gold = load_gold()
    labels = {e["label"] for e in gold["entities"]}
    for item in gold["relations"] + gold["milestones"]:
        assert item["evidence"] in report_text, item
    for r in gold["relations"]:
        assert r["subject"] in labels and r["object"] in labels, r
    assert len(gold["entities"]) > 150


@pytest.fixture(scope="module")
def scores(extraction):
    gold = load_gold()
    without = extract(extraction.report, use_lexicon=False)
    return evaluate(extraction, gold), evaluate(without, gold)


def test_entities_with_the_lexicon_reach_the_targets(scores):
    ev, _ = scores
    assert ev.entities["ALL"].precision >= 0.92
    assert ev.entities["ALL"].recall >= 0.88


def test_relations_with_the_lexicon_reach_the_targets(scores):
    ev, _ = scores
    assert ev.relations["ALL"].precision >= 0.85
    assert ev.relations["ALL"].recall >= 0.82


def test_patterns_alone_still_find_most_entities_and_relations(scores):
    _, ev = scores
    assert ev.entities["ALL"].precision >= 0.85
    assert ev.entities["ALL"].recall >= 0.78
    assert ev.relations["ALL"].precision >= 0.85
    assert ev.relations["ALL"].recall >= 0.72


def test_scoring_counts_a_wrong_class_as_an_error():
    gold = {"entities": [{"label": "甲大学", "class": "University", "aliases": []}], "relations": [], "milestones": []}
    from graph.model import Entity, Extraction, Report

    ex = Extraction(Report("t", ""), [], {"甲大学": Entity("甲大学", "Enterprise")}, [], [])
    ev = evaluate(ex, gold)
    assert ev.entities["ALL"].tp == 0
    assert ev.entities["University"].missed == ["甲大学"]


def test_prf_handles_empty_counts():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(1, 2, 4) == pytest.approx((0.5, 0.25, 1 / 3))


def test_evaluate_command_prints_both_tables():
    result = CliRunner().invoke(main, ["evaluate"])
    assert result.exit_code == 0, result.output
    assert "== with the lexicon ==" in result.output and "== without the lexicon ==" in result.output
    assert "relation cooperatesWith" in result.output.replace("  ", " ").replace("  ", " ") or "cooperatesWith" in result.output
