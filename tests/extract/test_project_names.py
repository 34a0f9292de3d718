"""Projects as district reports name them: the buildings a district builds and opens (hotels,
resorts, homes for the elderly, sea walls, archives, car parks, pipelines) are projects where their
clause states a construction stage (graph/extract/families.tsv, FAMILIES.md "stage"), and nowhere else.

The sentences are written like the corpus's district reports; the names are ones no lexicon lists.
"""

import pytest

from graph.extract.pipeline import extract
from graph.model import Report
from graph.text.clean import clean


def run(sentence: str, heading: str = "一、2025年工作回顾"):
    text = clean(f"{heading}\n{sentence}\n")
    return extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, stage",
    [
        ("凯悦酒店全面完工", "凯悦酒店", "Completed"),
        ("建成绿岛格兰云天酒店", "绿岛格兰云天酒店", "Completed"),
        ("彭年企业家度假村、坝光体育中心等项目竣工", "彭年企业家度假村", "Completed"),
        ("全面提速乐高乐园建设", "乐高乐园", "UnderConstruction"),
        ("加快沙鱼涌海堤、新大生态海堤建设", "沙鱼涌海堤", "UnderConstruction"),
        ("建成王母统建楼", "王母统建楼", "Completed"),
        ("大鹏站、坝光存车场封顶", "坝光存车场", "ToppedOut"),
        ("建成新区无人机测试基地、金沙湾城市候机厅", "金沙湾城市候机厅", "Completed"),
        ("国家管网深圳LNG外输管道全线贯通", "国家管网深圳LNG外输管道", "Completed"),
        ("推动大鹏公安分局指挥中心、大鹏档案方志馆开工建设", "大鹏档案方志馆", "Started"),
        ("龙华文化广场地下停车场建成投入使用", "龙华文化广场地下停车场", "InUse"),
    ],
)
# fmt: on
def test_a_building_a_district_builds_is_a_project_with_the_stage_its_clause_states(sentence, name, stage):
    ex = run(sentence)
    assert ex.entities.get(name) is not None and ex.entities[name].cls == "Project", sorted(ex.entities)
    assert (name, stage, "2025") in {(m.project, m.stage, m.period) for m in ex.milestones}


# fmt: off
@pytest.mark.parametrize(
    "sentence, not_a_project",
    [
        ("凯悦酒店举办国际旅游论坛", "凯悦酒店"),           # a hotel doing business
        ("游客在乐高乐园度过周末", "乐高乐园"),             # a place people go to
        ("沙鱼涌海堤沿线风光秀美", "沙鱼涌海堤"),           # a place that says where
    ],
)
# fmt: on
def test_a_building_without_a_stage_is_no_project(sentence, not_a_project):
    assert not_a_project not in run(sentence).entities
