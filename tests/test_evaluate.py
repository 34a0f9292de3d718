"""Extraction quality on the annotated evaluation set, with and without the lexicon.

The evaluation set (tests/data/wujing-2026.gold.json) was annotated from the report's text, not
from the extractor's output; tests/data/README.md says how.  These tests pin the measured quality,
so that a change that makes extraction worse fails.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.evaluate import Evaluation, Score, SecretErrors, errors, evaluate, load_gold, load_gold_sets, prf
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


def test_scoring_matches_each_sense_of_a_name_to_the_gold_entity_of_its_class():
    from graph.model import Entity, Extraction, Relation, Report

    gold = {"entities": [{"label": "森马", "class": "Enterprise", "aliases": []},
                         {"label": "森马", "class": "Park", "aliases": []},
                         {"label": "森马改扩建", "class": "Project", "aliases": []}],
            "relations": [{"subject": "森马改扩建", "predicate": "locatedIn", "object": "森马@Park"}], "milestones": []}
    ex = Extraction(Report("t", ""), [], {"森马": Entity("森马", "Park"), "森马@Enterprise": Entity("森马@Enterprise", "Enterprise"),
                                          "森马改扩建": Entity("森马改扩建", "Project")}, [], [])
    ex.relations.append(Relation("森马改扩建", "locatedIn", "森马", 0))
    ev = evaluate(ex, gold)
    assert (ev.entities["ALL"].tp, ev.entities["ALL"].gold) == (3, 3)
    assert ev.relations["ALL"].tp == 1


def test_prf_handles_empty_counts():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(1, 2, 4) == pytest.approx((0.5, 0.25, 1 / 3))


def test_evaluate_command_prints_both_halves_with_and_without_the_lexicon():
    result = CliRunner().invoke(main, ["evaluate", "--split", "bundled", "--details"])
    assert result.exit_code == 0, result.output
    assert "== with the lexicon ==" in result.output and "== without the lexicon ==" in result.output
    assert "typed recall" in result.output and "cooperatesWith" in result.output


def test_the_errors_of_each_run_say_whether_the_lexicon_was_used():
    result = CliRunner().invoke(main, ["evaluate", "--split", "bundled", "--errors"])
    assert result.exit_code == 0, result.output
    headings = [line for line in result.output.splitlines() if line.startswith("-- errors of")]
    assert headings == ["-- errors of wujing-2026, with the lexicon --",
                        "-- errors of wujing-2026, without the lexicon --"]


def test_the_errors_of_the_test_half_are_refused():
    result = CliRunner().invoke(main, ["evaluate", "--split", "test", "--errors"])
    assert result.exit_code == 2
    assert "never shown" in result.output and len(result.output.strip().splitlines()) == 1
    with pytest.raises(SecretErrors):
        errors(Evaluation({"ALL": Score()}, {"ALL": Score()}), split="test")


def test_several_gold_files_are_scored_together_each_in_the_half_it_names(tmp_path):
    gold = load_gold()
    entities = len(gold["entities"])
    (tmp_path / "a.gold.json").write_text(json.dumps(gold | {"split": "dev"}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.gold.json").write_text(json.dumps(gold | {"split": "dev"}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "c.gold.json").write_text(json.dumps(gold | {"split": "bundled"}, ensure_ascii=False),
                                          encoding="utf-8")
    args = ["evaluate", "--format", "json", "--lexicon", "--jobs", "1"]
    result = CliRunner().invoke(main, args + [f"--gold={tmp_path / n}.gold.json" for n in "abc"])
    assert result.exit_code == 0, result.output
    halves = json.loads(result.output)["with the lexicon"]
    assert halves["dev"]["reports"] == 2 and halves["dev"]["gold entities"] == 2 * entities
    assert halves["bundled"]["gold entities"] == entities
    assert halves["dev"]["entity recall"] == halves["bundled"]["entity recall"]


def test_every_gold_set_of_the_split_file_is_loaded_with_its_report():
    sets = load_gold_sets()
    halves = {s.split for s in sets}
    assert halves == {"dev", "test", "bundled"}
    assert all(s.report.is_file() for s in sets)
    assert sum(len(s.gold["entities"]) for s in sets if s.split != "bundled") >= 1500
    assert len([s for s in sets if s.split != "bundled"]) >= 12


def test_untyped_recall_counts_a_match_of_another_class():
    gold = {"entities": [{"label": "甲大学", "class": "University", "aliases": []}], "relations": [], "milestones": []}
    from graph.model import Entity, Extraction, Report

    ex = Extraction(Report("t", ""), [], {"甲大学": Entity("甲大学", "Enterprise")}, [], [])
    ev = evaluate(ex, gold)
    assert ev.entities["ALL"].untyped_recall == 1.0 and ev.entities["ALL"].recall == 0.0
    assert ev.entities["ALL"].untyped_precision == 1.0 and ev.entities["ALL"].precision == 0.0


def test_scores_of_several_reports_are_summed_before_dividing():
    a = Evaluation({"ALL": Score(tp=1, predicted=1, gold=1)}, {"ALL": Score()})
    b = Evaluation({"ALL": Score(tp=0, predicted=3, gold=3)}, {"ALL": Score()})
    both = a + b
    assert both.entities["ALL"].recall == pytest.approx(0.25) and both.reports == 2
