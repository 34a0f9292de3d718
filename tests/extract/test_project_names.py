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


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, stage",
    [
        ("大鹏站、新大存车场封顶", "新大存车场", "ToppedOut"),          # 新大, a place of the district
        ("加快沙鱼涌海堤、新大生态海堤建设", "新大生态海堤", "UnderConstruction"),
        ("新口岸综合楼投入使用", "新口岸综合楼", "InUse"),
        ("建成新海大道等12个项目", "新海大道", "Completed"),
    ],
)
# fmt: on
def test_a_new_that_opens_a_place_name_keeps_the_project(sentence, name, stage):
    ex = run(sentence)
    assert name in ex.entities, sorted(ex.entities)
    assert (name, stage, "2025") in {(m.project, m.stage, m.period) for m in ex.milestones}


# fmt: off
@pytest.mark.parametrize(
    "sentence, starts",
    [
        ("推动龙头企业设立新板块公司", "新板块"),                        # 新 + a generic word
        ("新组建省实验室3家", "新组建"),
        ("推进新兴产业集群发展工程建设", "新兴"),
        ("新一轮农村电网改造开工", "新一轮"),
    ],
)
# fmt: on
def test_a_new_that_says_new_opens_no_name(sentence, starts):
    assert not [n for n in run(sentence).entities if n.startswith(starts)]


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, stage",
    [
        ("新建改造龙岐湾休闲公园等5个公园", "龙岐湾休闲公园", "UnderConstruction"),   # 改造, works before the name
        ("升级改造坪山体育中心等3个场馆", "坪山体育中心", "UnderConstruction"),
        ("力推葵涌养老院项目年内开工", "葵涌养老院", "Started"),                     # 力推, a lead verb
    ],
)
# fmt: on
def test_a_verb_before_a_project_name_is_not_part_of_it(sentence, name, stage):
    ex = run(sentence)
    assert name in ex.entities, sorted(ex.entities)
    assert (name, stage, "2025") in {(m.project, m.stage, m.period) for m in ex.milestones}


def test_works_after_a_facility_still_go_with_the_facility():
    ex = run("龙岐湾休闲公园改造提升工程开工")
    assert ("龙岐湾休闲公园", "Started") in {(m.project, m.stage) for m in ex.milestones}, sorted(ex.entities)


# fmt: off
@pytest.mark.parametrize(
    "sentence, name",
    [
        ("建成25公里环城绿道", "环城绿道"),
        ("建成62万平方米北站绿廊、50公里滨河绿道", "滨河绿道"),
    ],
)
# fmt: on
def test_a_length_before_a_project_name_is_not_part_of_it(sentence, name):
    ex = run(sentence)
    assert name in ex.entities, sorted(ex.entities)
    assert not [n for n in ex.entities if n[0].isdigit()]


def test_a_roads_extension_a_milestone_clause_lists_is_a_project_not_a_company():
    ex = run("侨城东路北延、龙澜大道北延等项目开工")
    assert {n: ex.entities[n].cls for n in ("侨城东路北延", "龙澜大道北延")} == {
        "侨城东路北延": "Project", "龙澜大道北延": "Project"}, sorted(ex.entities)
    assert ("龙澜大道北延", "Started", "2025") in {(m.project, m.stage, m.period) for m in ex.milestones}
