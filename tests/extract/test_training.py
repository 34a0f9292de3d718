"""Training the entity-name model: gold projected onto mentions, silver from the rules, the test half
never read, a tiny model trained in seconds, and the shipped model found in the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from graph.cli.main import main
from graph.errors import BuildError, UsageError
from graph.extract.pipeline import extract, make_docs, make_nlp
from graph.extract.trained import MODEL_PATH, TrainedNames, load_model
from graph.extract.training import (
    Annotated,
    gold_examples,
    install_model,
    plan_training,
    project_gold,
    read_heldout,
    read_split,
    silver_examples,
    to_docbin,
)
from graph.model import Report

# fmt: off
# a few sentences in the shape of the reports, with invented names (none occurs in the corpus)
TRAIN_TEXT = "一、2025年工作回顾\n" + "".join(
    f"推动{n}研究院落地。支持{n}研究院与{m}合作。"
    for n, m in [("星河智算", "青禾机器人"), ("蓝海氢能", "云杉材料"), ("澄江量子", "北辰光电"), ("远岫生物", "南岭数控")]
) + "\n"
TRAIN_GOLD = {
    "entities": [{"label": f"{n}研究院", "class": "ResearchInstitute", "aliases": []}
                 for n in ("星河智算", "蓝海氢能", "澄江量子", "远岫生物")]
                + [{"label": m, "class": "Enterprise", "aliases": []} for m in ("青禾机器人", "云杉材料", "北辰光电", "南岭数控")],
    "relations": [], "milestones": [],
}
# held out, but with a name of the training sentences: its score rises as the tiny model learns
HELD_TEXT = "一、2025年工作回顾\n支持星河智算研究院建设。\n"
HELD_GOLD = {"entities": [{"label": "星河智算研究院", "class": "ResearchInstitute", "aliases": []}],
             "relations": [], "milestones": []}
# tiny settings: a model of a few thousand weights, trained for a few dozen steps
TINY = [
    "training.max_steps=200", "training.eval_frequency=50", "training.patience=0",
    "training.optimizer.learn_rate=0.003",
    "components.ner.model.tok2vec.embed.width=32", "components.ner.model.tok2vec.encode.width=32",
    "components.ner.model.tok2vec.encode.depth=1", "components.ner.model.tok2vec.embed.rows=[300,300,50]",
    "components.ner.model.hidden_width=16", "training.batcher.size.start=50", "training.batcher.size.stop=200",
]
# fmt: on


def gold_entry(**fields) -> dict:
    return {"report": "x", "split": "dev", "place": "x", "level": "district", "year": "2026", **fields}


@pytest.fixture
def corpus(tmp_path) -> dict[str, Path]:
    """Two dev reports (one held out), one test report whose gold file is broken, one unannotated."""
    gold, reports = tmp_path / "gold", tmp_path / "reports"
    gold.mkdir()
    reports.mkdir()
    (reports / "dev-a.txt").write_text(TRAIN_TEXT, encoding="utf-8")
    (gold / "dev-a.gold.json").write_text(json.dumps(gold_entry(**TRAIN_GOLD), ensure_ascii=False), encoding="utf-8")
    (reports / "dev-b.txt").write_text(HELD_TEXT, encoding="utf-8")
    (gold / "dev-b.gold.json").write_text(json.dumps(gold_entry(**HELD_GOLD), ensure_ascii=False), encoding="utf-8")
    # reading either of these would fail the test: the test half is never opened
    (reports / "test-c.txt").write_bytes(b"\xff\xfe not a report")
    (gold / "test-c.gold.json").write_text("{ not json", encoding="utf-8")
    (reports / "plain-d.txt").write_text("一、2025年工作回顾\n依托临港科创产业园，引进青禾机器人、云杉材料等5家企业。\n", encoding="utf-8")
    split = tmp_path / "SPLIT.tsv"
    split.write_text("# report\tsplit\twhy\ndev-a\tdev\tx\ndev-b\tdev\tx\ntest-c\ttest\tx\n", encoding="utf-8")
    # an annotated report outside the corpus (as the bundled report is)
    (tmp_path / "bundled.txt").write_text("一、2025年工作回顾\n支持蓝海氢能研究院建设。\n", encoding="utf-8")
    (tmp_path / "bundled.gold.json").write_text(json.dumps(gold_entry(**{**HELD_GOLD, "entities": [
        {"label": "蓝海氢能研究院", "class": "ResearchInstitute", "aliases": []}]}), ensure_ascii=False), encoding="utf-8")
    heldout = tmp_path / "heldout.tsv"
    heldout.write_text("# report\twhy\ndev-b\tx\n", encoding="utf-8")
    return {"gold": gold, "reports": reports, "split": split, "heldout": heldout, "root": tmp_path}


def test_gold_names_are_projected_onto_every_occurrence_longest_first():
    surfaces = {"深圳大学": "University", "深圳大学龙岗创新研究院": "ResearchInstitute", "龙岗": "Park"}
    text = "深圳大学龙岗创新研究院落地，深圳大学扩建。"
    assert project_gold(text, surfaces) == [(0, 11, "ResearchInstitute"), (14, 18, "University")]


def test_a_constructed_label_is_not_looked_for_but_its_aliases_are():
    gold = {"entities": [
        {"label": "轨道14号线", "class": "MetroLine", "aliases": ["14号线"], "constructed": True},
        {"label": "深中通道", "class": "Project", "aliases": []},
    ]}
    report = Report(slug="t", text="一、2025年工作回顾\n推进轨道10、14号线和深中通道建设，轨道14号线规划。\n", year="2026")
    spans = [(ex.text[s:e], label) for ex in gold_examples(report, gold) for s, e, label in ex.spans]
    assert spans == [("14号线", "Project"), ("深中通道", "Project"), ("14号线", "Project")]


def test_the_plan_trains_on_dev_gold_holds_out_heldout_and_never_lists_the_test_half(corpus):
    plan = plan_training(corpus["gold"], corpus["split"], corpus["reports"], read_heldout(corpus["heldout"]))
    assert [r.stem for r, _ in plan.train_gold] == ["dev-a"]
    assert [r.stem for r, _ in plan.dev_gold] == ["dev-b"]
    assert [p.stem for p in plan.silver] == ["plain-d"]
    assert plan.excluded == ("test-c",)


def test_a_test_half_report_cannot_be_held_out(corpus):
    with pytest.raises(UsageError, match="test-c"):
        plan_training(corpus["gold"], corpus["split"], corpus["reports"], ["test-c"])


def test_a_split_line_without_a_half_is_a_one_line_error(tmp_path):
    bad = tmp_path / "SPLIT.tsv"
    bad.write_text("dev-a\tmaybe\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"SPLIT.tsv:1: expected"):
        read_split(bad)


def test_silver_is_what_the_rules_find_and_the_rest_of_the_sentence_is_no_name():
    report = Report(slug="t", text="一、2025年工作回顾\n依托临港科创产业园，引进青禾机器人、云杉材料等5家企业。\n", year="2026")
    (example,) = silver_examples(extract(report, model="rules"))
    assert example.complete
    assert {example.text[s:e] for s, e, _ in example.spans} >= {"临港科创产业园", "青禾机器人", "云杉材料"}
    doc = next(iter(to_docbin([example]).get_docs(spacy.blank("zh").vocab)))
    assert [t.ent_iob_ for t in doc[:3]] == ["O", "O", "B"]  # 依托 is no name; 临港… begins one


def test_partial_silver_leaves_the_characters_outside_its_names_unknown_to_the_loss():
    partial = Annotated("依托临港科创产业园。", ((2, 9, "Park"),), complete=False)
    doc = next(iter(to_docbin([partial]).get_docs(spacy.blank("zh").vocab)))
    assert [t.ent_iob_ for t in doc] == ["", "", "B", "I", "I", "I", "I", "I", "I", ""]


def test_wujing_kg_train_trains_a_tiny_model_that_finds_the_names_it_learnt(corpus):
    work = corpus["root"] / "work"
    args = ["train", "--gold-dir", str(corpus["gold"]), "--split", str(corpus["split"]),
            "--reports", str(corpus["reports"]), "--heldout", str(corpus["heldout"]),
            "--extra", str(corpus["root"] / "bundled.txt"), str(corpus["root"] / "bundled.gold.json"),
            "--work", str(work), "--no-install"]
    args += [a for setting in TINY for a in ("--set", setting)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "gold: 2 reports, held out: 1, silver: 1, never read (test half): 1" in result.output
    kinds = [line.split("\t")[:2] for line in (work / "corpus" / "corpora.tsv").read_text(encoding="utf-8").splitlines()]
    assert kinds[1:] == [["dev-a", "gold"], ["bundled", "gold"], ["dev-b", "heldout"], ["plain-d", "silver"]]
    trained = spacy.load(work / "output" / "model-best")
    assert set(trained.get_pipe("ner").labels) >= {"ResearchInstitute", "Enterprise"}
    doc = trained("推动星河智算研究院落地。")
    assert ("星河智算研究院", "ResearchInstitute") in {(e.text, e.label_) for e in doc.ents}
    # installed, it keeps only the label strings, and finds the same names
    installed = install_model(work / "output" / "model-best", corpus["root"] / "names")
    assert json.loads((installed / "vocab" / "strings.json").read_text(encoding="utf-8")) == sorted(
        trained.get_pipe("ner").labels)
    again = spacy.load(installed)("推动星河智算研究院落地。")
    assert [(e.start_char, e.end_char, e.label_) for e in again.ents] == [
        (e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_a_bad_setting_is_a_usage_error_not_a_traceback(corpus):
    result = CliRunner().invoke(main, ["train", "--gold-dir", str(corpus["gold"]), "--split", str(corpus["split"]),
                                       "--reports", str(corpus["reports"]), "--heldout", str(corpus["heldout"]),
                                       "--set", "max_steps"])
    assert result.exit_code == 2
    assert "expected KEY=VALUE" in result.output


def test_the_shipped_model_is_small_and_finds_a_name_in_a_sentence_it_never_saw():
    size = sum(p.stat().st_size for p in MODEL_PATH.rglob("*") if p.is_file())
    assert size < 8_000_000
    nlp = load_model()
    doc = nlp("加快建设临江科学城，推动宁远高铁开工。")  # invented names: neither is in the corpus
    assert {(e.text, e.label_) for e in doc.ents} & {("临江科学城", "Park"), ("宁远高铁", "Project")}


def test_the_pipeline_declares_what_the_trained_component_requires_and_assigns():
    nlp = make_nlp(model="both")
    analysis = nlp.analyze_pipes()
    assert analysis["problems"]["wj_trained_names"] == []
    assert analysis["summary"]["wj_trained_names"]["requires"] == ["doc.spans"]
    assert analysis["summary"]["wj_trained_names"]["assigns"] == ["doc.spans"]
    assert nlp.pipe_names[-2:] == ["wj_trained_names", "wj_resolve"]  # it sees every other candidate


def test_the_model_alone_runs_no_pattern_component_and_its_candidates_carry_rule_model():
    nlp = make_nlp(model="model")
    assert "wj_suffix_names" not in nlp.pipe_names and "wj_trained_names" in nlp.pipe_names
    doc = next(nlp.pipe(make_docs(nlp, ["推进星海先进制造研究院建设，支持青禾机器人有限公司扩产。"])))
    rules = {s.id_.split(":")[0] for s in doc.spans["wj_candidates"]}
    assert "model" in rules and rules <= {"model", "industry"}


def test_names_the_model_finds_only_in_the_gaps_of_the_rules_leave_rule_names_alone():
    nlp = spacy.blank("zh")
    doc = nlp.make_doc("依托临港科创产业园建设")
    park = doc.char_span(2, 9, label="Park")
    park.id_ = "suffix"
    doc.spans["wj_candidates"] = [park]
    model = nlp.make_doc(doc.text)
    model.ents = [model.char_span(2, 6, label="Park"), model.char_span(9, 11, label="Project")]
    out = TrainedNames(lambda text: model, gaps_only=True)(doc)
    assert [(s.text, s.id_) for s in out.spans["wj_candidates"]] == [("临港科创产业园", "suffix"), ("建设", "model")]
    assert len(TrainedNames(lambda text: model)(nlp.make_doc(doc.text)).spans["wj_candidates"]) == 2


def test_an_unknown_model_switch_is_a_usage_error():
    with pytest.raises(UsageError, match="rules, model, both"):
        make_nlp(model="neural")


def test_a_missing_model_is_a_one_line_error_that_says_how_to_make_it(tmp_path):
    with pytest.raises(BuildError, match="wujing-kg train"):
        load_model(tmp_path)
