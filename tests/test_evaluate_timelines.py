"""Project timelines across years (graph/evaluate.py, ``wujing-kg evaluate --timelines``).

A hand-made timeline of two years of one made-up town (tests/data/timeline/) pins the score down;
the real score of one district's reports (tests/data/gold/timelines/) is checked to be computed,
without pinning a number the extractor's next change moves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.build import build
from graph.cli.main import main as cli
from graph.evaluate import TIMELINE_DIR, evaluate_timeline, evaluate_timelines, format_timelines, load_timelines

TOWN = Path(__file__).parent / "data" / "timeline"


def build_backend(paths):
    return build(paths, out_dir=None).backend


@pytest.fixture(scope="module")
def town_gold() -> dict:
    return load_timelines(TOWN)["town"]


@pytest.fixture(scope="module")
def town_graph(town_gold):
    return build([TOWN / f"{slug}.txt" for slug in town_gold["reports"]], out_dir=None)


def test_a_project_named_differently_in_two_years_accumulates_its_milestones_on_one_entity(town_graph, town_gold):
    score = evaluate_timeline(town_graph.backend, town_gold)
    # 澜川水厂 (扩建工程 in 2024, 扩建项目 in 2025) and 澜川文体中心 have milestones in both reports
    assert (score.multi_report, score.joined) == (2, 2)
    assert (score.milestones.tp, score.milestones.gold, score.milestones.predicted) == (8, 8, 8)
    assert score.milestones.recall == score.milestones.precision == 1.0
    assert (score.projects, score.matched, score.reports) == (3, 3, 2)


def test_milestones_of_a_project_the_gold_does_not_list_are_spurious(town_graph, town_gold):
    gold = {**town_gold, "projects": [p for p in town_gold["projects"] if p["label"] != "澜川大道北延段"]}
    score = evaluate_timeline(town_graph.backend, gold)
    assert (score.milestones.tp, score.milestones.gold, score.milestones.predicted) == (6, 6, 8)
    assert score.milestones.precision == pytest.approx(0.75)
    assert score.milestones.spurious == ["澜川大道北延段 Completed@2023", "澜川大道北延段 InUse@2023"]


def test_a_gold_milestone_the_graph_lacks_is_missed(town_graph, town_gold):
    extra = {"report": "town-2025", "stage": "InUse", "year": "2025", "planned": True, "evidence": "确保澜川文体中心封顶"}
    projects = [dict(p, milestones=[*p["milestones"], extra]) if p["label"] == "澜川文体中心" else p
                for p in town_gold["projects"]]
    score = evaluate_timeline(town_graph.backend, {**town_gold, "projects": projects})
    assert score.milestones.missed == ["澜川文体中心 InUse@2025"]
    assert score.milestones.recall == pytest.approx(8 / 9)


def test_evaluate_timelines_builds_one_graph_of_each_timelines_reports(town_gold):
    built: list[list[str]] = []

    def recording(paths):
        built.append([p.name for p in paths])
        return build_backend(paths)

    scores = evaluate_timelines({"town": town_gold}, recording, folder=TOWN)
    assert built == [["town-2024.txt", "town-2025.txt"]]
    assert scores["town"].milestones.recall == 1.0
    table = format_timelines(scores)
    assert "town" in table.splitlines()[0] and "total" in table.splitlines()[0]


def test_the_cli_scores_one_districts_timeline_on_its_real_reports():
    gold = load_timelines(TIMELINE_DIR)["shenzhen-dapeng"]
    result = CliRunner().invoke(cli, ["evaluate", "--timelines", "--report", "shenzhen-dapeng", "--format", "json",
                                      "--jobs", "1"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.output)["shenzhen-dapeng"]
    wanted = {(i, m["stage"], m["year"]) for i, p in enumerate(gold["projects"]) for m in p["milestones"]}
    assert got["reports"] == len(gold["reports"]) and got["gold projects"] == len(gold["projects"])
    assert got["gold milestones"] == len(wanted)
    assert 0 < got["timeline recall"] <= 1 and 0 < got["timeline precision"] <= 1
    assert 0 < got["one entity"] <= got["in two or more reports"] <= got["gold projects"]


def test_an_unknown_timeline_is_a_one_line_usage_error():
    result = CliRunner().invoke(cli, ["evaluate", "--timelines", "--report", "no-such-district"])
    assert result.exit_code == 2
    assert "shenzhen-dapeng" in result.output and "Traceback" not in result.output


def test_a_project_is_matched_to_the_split_entity_that_carries_its_milestones():
    from graph.evaluate import _match_projects

    gold = [{"label": "甲路", "aliases": ["甲路工程"],
             "milestones": [{"stage": "Started", "year": "2020"}, {"stage": "Completed", "year": "2022"}]},
            {"label": "乙路", "aliases": [], "milestones": [{"stage": "Started", "year": "2021"}]}]
    entities = {  # the first in label order carries nothing of the gold
        "e1": {"label": "甲路", "aliases": [], "milestones": {("Planned", "2019")}},
        "e2": {"label": "甲路工程", "aliases": [], "milestones": {("Started", "2020"), ("Completed", "2022")}},
        "e3": {"label": "乙路", "aliases": ["甲路"], "milestones": {("Started", "2021")}},
    }
    assert _match_projects(entities, gold) == {"e2": 0, "e3": 1}


def test_between_equal_hits_the_entity_with_the_projects_label_is_matched():
    from graph.evaluate import _match_projects

    gold = [{"label": "甲路", "aliases": ["甲路工程"], "milestones": [{"stage": "Started", "year": "2020"}]}]
    entities = {"e1": {"label": "甲路工程", "aliases": [], "milestones": {("Started", "2020")}},
                "e2": {"label": "甲路", "aliases": [], "milestones": {("Started", "2020")}}}
    assert _match_projects(entities, gold) == {"e2": 0}
