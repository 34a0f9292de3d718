"""Project names the way district reports write them for their timelines (issue 17, issue 15 point 5):
a district's own facilities (区中医院, 新区养老院), sections and extensions of roads and railways
(龙澜大道北延, 外环高速龙华段), the streets, trails, corridors, depots and police stations a district
builds, and 客专 as a railway (graph/extract/families.tsv, FAMILIES.md).

The sentences are written like the corpus's district reports; the names are ones no lexicon lists.
"""

import pytest

from extract_helpers import run
from graph.extract.names import make_name_rules
from graph.extract.families import FAMILIES_PATH


def milestones(ex) -> set[tuple[str, str, str]]:
    return {(m.project, m.stage, m.period) for m in ex.milestones}


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, stage",
    [
        ("开工建设区颐养院。", "区颐养院", "Started"),
        ("建成区青少年宫。", "区青少年宫", "Completed"),
        ("新区养老院封顶。", "新区养老院", "ToppedOut"),
        ("区中医院、民治片区综合医院开工建设。", "区中医院", "Started"),
        ("完成区人民医院、中心医院改扩建。", "区人民医院", "Completed"),
        ("加快建设区妇幼保健院。", "区妇幼保健院", "UnderConstruction"),
    ],
)
# fmt: on
def test_a_districts_own_facility_with_a_stage_is_a_project(sentence, name, stage):
    ex = run(sentence)
    assert name in ex.entities and ex.entities[name].cls == "Project", sorted(ex.entities)
    assert (name, stage, "2025") in milestones(ex)


@pytest.mark.parametrize(
    "sentence, not_a_name",
    [
        ("建成区级医院。", "区级医院"),
        ("加快区属医院建设。", "区属医院"),
        ("建成市政公园。", "市政公园"),
        ("推进县城学校建设。", "县城学校"),
        ("区第三期开工。", "区第三期"),
    ],
)
def test_a_level_or_scope_word_after_the_jurisdiction_makes_a_kind_not_its_facility(sentence, not_a_name):
    assert not_a_name not in run(sentence).entities


def test_a_jurisdictions_facility_needs_a_family_that_names_facilities():
    rules = make_name_rules()
    assert rules.is_own_facility("区中医院") and rules.is_own_facility("市美术馆")
    assert not rules.is_own_facility("区公益创投项目")  # 项目 names a project anywhere: no facility
    assert not rules.is_own_facility("区人力资源服务产业园")  # a park, not a facility of ours


# fmt: off
@pytest.mark.parametrize(
    "sentence, names",
    [
        ("推进侨城东路北延、龙澜大道北延、清平高速北段等重要通道建设。", {"侨城东路北延", "龙澜大道北延", "清平高速北段"}),
        ("建成外环高速龙华段等22条道路。", {"外环高速龙华段"}),
        ("建成观天路西延、石清大道一期等道路。", {"观天路西延", "石清大道一期"}),
        ("加快大运河国家文化公园江苏段建设。", {"大运河国家文化公园江苏段"}),
        ("推动侨城东路北延、机荷高速公路改扩建等项目开工建设。", {"侨城东路北延"}),
    ],
)
# fmt: on
def test_a_section_or_extension_of_a_named_road_is_a_project_of_its_own(sentence, names):
    ex = run(sentence)
    assert names <= {n for n, e in ex.entities.items() if e.cls == "Project"}, sorted(ex.entities)
    assert not {n[:-2] for n in names if n.endswith(("北延", "西延"))} & set(ex.entities)  # not the road itself


def test_a_roads_run_a_rivers_reach_and_a_phase_of_time_are_no_sections():
    rules = make_name_rules()
    assert rules.section_of("外环高速龙华") == "外环高速"
    assert rules.section_of("茅洲河中游") is None  # a water body is no facility
    assert rules.family_of("深南大道路段") is None or rules.family_of("深南大道路段").ending != "段"
    assert rules.family_of("主体施工阶段", stage=True) is None
    assert rules.section_of("项目建设和侨城东路") is None  # a clause joined by 和, no name


def test_every_section_family_types_its_example_as_a_project():
    rules = make_name_rules()
    rows = [line.split("\t") for line in FAMILIES_PATH.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    sections = [(ending, example) for ending, cls, when, example in rows if when == "section"]
    assert len(sections) >= 5
    for ending, example in sections:
        family = rules.family_of(example)
        assert family is not None and family.ending == ending and family.cls == "Project", example


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, stage",
    [
        ("港澳特色街区正式开街。", "港澳特色街区", "InUse"),
        ("加快建设梅林云步道。", "梅林云步道", "UnderConstruction"),
        ("建成观澜河水廊、樟坑径山廊。", "樟坑径山廊", "Completed"),
        ("开展跨留仙大道空中连廊项目前期工作。", "跨留仙大道空中连廊", "Planned"),
        ("莲花山笔架山人行景观廊桥正式开通。", "莲花山笔架山人行景观廊桥", "InUse"),
        ("建成民治综合车场、观澜大水坑综合车场。", "观澜大水坑综合车场", "Completed"),
        ("加快推进油松、民治派出所前期工作。", "民治派出所", "Planned"),
        ("章阁建筑废弃物受纳场建成启用。", "章阁建筑废弃物受纳场", "InUse"),
    ],
)
# fmt: on
def test_streets_trails_corridors_depots_and_police_stations_built_are_projects(sentence, name, stage):
    ex = run(sentence)
    assert name in ex.entities and ex.entities[name].cls == "Project", sorted(ex.entities)
    assert (name, stage, "2025") in milestones(ex)


@pytest.mark.parametrize("sentence", ["建成空中连廊、登山步道。", "推进美好街区建设。", "建成余泥渣土受纳场。"])
def test_a_kind_of_corridor_trail_street_or_dump_is_no_name(sentence):
    assert not run(sentence).entities


def test_kaizhuan_names_a_railway_without_a_stage():
    assert run("深茂客专沿线土地整备。").entities.get("深茂客专") is not None



def test_bare_railways_before_and_after_and_share_the_ending_of_the_named_one_after_them():
    ex = run("推进赣深、深茂客专和深惠、深大城际等线路建设。")
    projects = {n for n, e in ex.entities.items() if e.cls == "Project"}
    assert {"深茂客专", "深惠城际", "深大城际"} <= projects, sorted(ex.entities)
    assert ("深惠城际", "UnderConstruction", "2025") in milestones(ex)


def test_a_city_line_of_an_intercity_railway_is_named_with_its_line():
    ex = run("推进深茂、深汕铁路和深大、深惠城际线建设。")
    assert {"深汕铁路", "深大城际线", "深惠城际线"} <= set(ex.entities), sorted(ex.entities)


def test_a_bare_item_after_a_project_called_by_its_works_word_is_no_railway():
    ex = run("推动贵阳环高扩容工程等14条高速公路项目和黄百等4个在建铁路项目加快建设。")
    assert "黄百" not in ex.entities


def test_soliciting_designs_opens_the_names_of_what_is_designed():
    ex = run("征集深圳国际交流中心、改革开放展览馆设计方案。")
    assert ("深圳国际交流中心", "Planned", "2025") in milestones(ex)
    assert not any("征集" in n for n in run("全球征集深圳国际交流中心、改革开放展览馆设计方案。").entities)


def test_hotels_a_clause_lists_by_their_brand_are_projects_with_its_stage():
    ex = run("柚柑湾野奢度假村、坝光格兰云天、溪涌悦湾山海间等酒店建成开业。")
    assert {("坝光格兰云天", "InUse", "2025"), ("溪涌悦湾山海间", "Completed", "2025")} <= milestones(ex)
    assert ex.entities["坝光格兰云天"].cls == "Project"
