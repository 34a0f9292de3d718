"""What the graph cannot hold is left out and listed (out/unplaced.csv and one line), never a failed build."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from graph.cli import main
from graph.extract.unplaced import COLUMNS, leave_out, summary_line, unplaced_csv
from graph.model import Entity, Extraction, Milestone, Relation, Report, Sentence

REPORT = (
    "2024年某某区政府工作报告\n"
    "一、2023年工作回顾\n全区完成财政总收入300亿元。\n"
    "二、2024年工作安排\n推动A产业园建成投用。\n"
    "有关名词解释\n1.财政总收入2015年为100亿元。\n"
)


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_an_entity_without_a_class_of_the_ontology_goes_with_its_relations_and_milestones():
    sentences = [Sentence(0, 0, 8, "A与B合作建设C。", "一", "2025")]
    entities = {
        "A": Entity("A", "Enterprise"), "B": Entity("B", "Company"), "C": Entity("C", "Project"),
    }  # fmt: skip
    ex = Extraction(
        Report("r", sentences[0].text), sentences, entities,
        [Relation("A", "cooperatesWith", "B", 0), Relation("C", "affiliatedWith", "A", 0)],
        [Milestone("B", "Started", "2025", 0), Milestone("C", "Started", "2025", 0)],
        [("B", "introducedIn", "2025", 0)],
    )
    (kept,), items = leave_out([ex])
    assert set(kept.entities) == {"A", "C"}
    assert kept.relations == [Relation("C", "affiliatedWith", "A", 0)]
    assert [m.project for m in kept.milestones] == ["C"] and kept.facts == []
    assert [(i.kind, i.text) for i in items] == [("entity", "B")]
    line = summary_line(items, "o/unplaced.csv")
    assert line == "left out: 1 entity without a class of the ontology (o/unplaced.csv)"


def test_the_list_is_a_csv_with_the_sentence_of_each_item():
    s = Sentence(3, 0, 16, "1.财政总收入2015年为100亿元。", "有关名词解释", "")
    ex = Extraction(Report("r", s.text), [s], {}, [], [])
    _, items = leave_out([ex])
    assert _rows(unplaced_csv(items)) == [{
        "report": "r", "sentence": "3", "kind": "figure", "text": "100亿元", "reason": "no period",
        "sentence_text": s.text,
    }]  # fmt: skip
    assert unplaced_csv([]).splitlines() == [",".join(COLUMNS)]
    assert summary_line([]) == ""


def test_a_build_lists_what_it_left_out_and_still_succeeds(tmp_path):
    src = tmp_path / "qu-2024.txt"
    src.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert f"left out: 1 figure without a period ({out / 'unplaced.csv'})" in result.output
    (row,) = _rows((out / "unplaced.csv").read_text(encoding="utf-8"))
    assert (row["report"], row["kind"], row["text"], row["reason"]) == ("qu-2024", "figure", "100亿元", "no period")
    assert "100亿元" not in (out / "wujing.ttl").read_text(encoding="utf-8")
    assert "300亿元" in (out / "wujing.ttl").read_text(encoding="utf-8")


def test_a_build_that_leaves_nothing_out_says_nothing_about_it(tmp_path):
    src = tmp_path / "qu-2024.txt"
    src.write_text(REPORT.split("有关名词解释")[0], encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "left out" not in result.output
    assert _rows((out / "unplaced.csv").read_text(encoding="utf-8")) == []


def test_a_broader_link_to_what_resolution_settled_as_another_class_is_left_out():
    s = Sentence(0, 0, 10, "发展海洋生物等生物产业。", "二", "2026", planned=True)
    entities = {"海洋生物": Entity("海洋生物", "Enterprise"), "生物": Entity("生物", "IndustryCluster"),
                "生物医药": Entity("生物医药", "IndustryCluster")}
    facts = [("海洋生物", "broader", "生物", 0), ("生物医药", "broader", "生物", 0)]
    (kept,), items = leave_out([Extraction(Report("r", s.text), [s], entities, [], [], facts)])
    assert kept.facts == [("生物医药", "broader", "生物", 0)]
    assert [(i.kind, i.text) for i in items] == [("broader link", "海洋生物 broader 生物")]
    assert summary_line(items) == "left out: 1 broader link not between two industry clusters (unplaced.csv)"
