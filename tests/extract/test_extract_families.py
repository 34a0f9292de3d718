"""Names by the families official prose names things with (graph/extract/families.tsv, FAMILIES.md).

Every sample uses names that no lexicon lists and that the bundled report never writes: the next
report names new zones, railways and laboratories, and the families must find them.
"""

from pathlib import Path

import pytest

from graph.extract.families import FAMILIES_PATH, NONE, WORKS_PATH, WORKS_ROLES, FamilyError, load_families, load_works
from graph.extract.names import make_name_rules
from graph.extract.pipeline import extract
from graph.model import ENTITY_CLASSES, Report
from graph.text.clean import clean

ROOT = Path(__file__).resolve().parents[2]


def run(sentence: str, heading: str = "一、2025年工作回顾"):
    text = clean(f"{heading}\n{sentence}\n")
    return extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)


def entities(ex) -> set[tuple[str, str]]:
    return {(name, e.cls) for name, e in ex.entities.items()}


def test_every_family_line_is_well_formed_and_has_an_example():
    families = load_families()
    assert len(families) >= 150
    assert {f.cls for f in families} <= set(ENTITY_CLASSES) | {NONE}
    for line in FAMILIES_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            assert len(line.split("\t")) == 4 and line.split("\t")[3].strip(), line


def test_each_family_types_its_example_as_its_line_says():
    rules = make_name_rules()
    for line in FAMILIES_PATH.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        ending, cls, when, example = line.split("\t")
        name = example.split(",")[0].split(" (")[0].strip()
        if when == "-" and cls != NONE and name.endswith(ending):
            assert rules.ending_of(name) == ending or rules.suffix_class(name, stage=True) == cls, line
        if cls == NONE:
            assert rules.is_excluded(name), line


def test_every_works_word_has_a_role_and_an_example_that_uses_it():
    works = load_works()
    assert {role for _, role in works} == set(WORKS_ROLES)
    for line in WORKS_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, role, example = line.split("\t")
            assert word in example, line


@pytest.mark.parametrize(
    "content, message",
    [
        ("改扩建\n", "expected word"),
        ("改扩建\tfacility\tx改扩建\n", "role must be"),
        ("改扩建\tworks\ta改扩建\n改扩建\tworks\tb改扩建\n", "listed twice"),
    ],
)
def test_a_malformed_works_file_names_the_line(tmp_path, content, message):
    path = tmp_path / "works.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FamilyError, match=message):
        load_works(path)


def test_families_are_documented():
    doc = (ROOT / "graph" / "extract" / "FAMILIES.md").read_text(encoding="utf-8")
    assert "families.tsv" in doc and "stage" in doc and "inner" in doc and "with:" in doc
    assert "works.tsv" in doc


@pytest.mark.parametrize(
    "content, message",
    [
        ("高铁\n", "expected ending"),
        ("高铁\tRailway\t-\tx\n", "unknown class"),
        ("高铁\tProject\tsoon\tx\n", "when must be"),
        ("高铁\tProject\twith:\tx\n", "needs words"),
        ("高铁\tProject\t-\tx\n高铁\tProject\t-\ty\n", "listed twice"),
    ],
)
def test_a_malformed_families_file_names_the_line(tmp_path, content, message):
    path = tmp_path / "families.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FamilyError, match=message):
        load_families(path)


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, cls",
    [
        ("加快建设滨湖科学城，推动临港新片区扩区。", "滨湖科学城", "Park"),
        ("加快建设滨湖科学城，推动临港新片区扩区。", "临港新片区", "Park"),
        ("中国（四川）自由贸易试验区扩区获批。", "中国（四川）自由贸易试验区", "Park"),
        ("打造广佛科技创新走廊。", "广佛科技创新走廊", "Park"),
        ("沪苏湖高铁建成通车，南京北站枢纽工程开工建设。", "沪苏湖高铁", "Project"),
        ("沪苏湖高铁建成通车，南京北站枢纽工程开工建设。", "南京北站枢纽", "Project"),  # the works' facility
        ("宁扬长江大桥建成通车。", "宁扬长江大桥", "Project"),
        ("推进合肥机场三期前期工作。", "合肥机场三期", "Project"),
        ("开工建设龙华区人民医院。", "龙华区人民医院", "Project"),
        ("紫金山实验室挂牌运行。", "紫金山实验室", "Laboratory"),
        ("推进深港硬科技加速器建设。", "深港硬科技加速器", "Incubator"),
        ("设立深港跨境科创基金。", "深港跨境科创基金", "Fund"),
        ("香港中文大学（深圳）不断发展壮大。", "香港中文大学（深圳）", "University"),
        ("成立龙华智能制造研究院。", "龙华智能制造研究院", "ResearchInstitute"),
        ("引进北辰光刻股份有限公司。", "北辰光刻股份有限公司", "Enterprise"),
    ],
)
# fmt: on
def test_a_name_is_typed_by_the_family_of_its_ending(sentence, name, cls):
    assert (name, cls) in entities(run(sentence))


# fmt: off
@pytest.mark.parametrize(
    "sentence, not_a_name",
    [
        ("建设高水平创新平台。", "高水平创新平台"),          # a kind: level and kind words only
        ("设立产业投资基金。", "产业投资基金"),
        ("打造软件产业园。", "软件产业园"),                  # an industry and a park's ending
        ("获评全国义务教育优质均衡发展区。", "全国义务教育优质均衡发展区"),  # a title it was given
        ("成立龙城高级中学教育集团。", "龙城高级中学教育集团"),  # an education group is no company
        ("实施城中村改造。", "城中村改造"),                  # a kind of works
        ("更好地发挥大学城作用。", "发挥大学城"),            # a verb and the family word
        ("龙华区人民医院获评三甲医院。", "龙华区人民医院"),  # a hospital without a stage
        ("家西河两岸风景优美。", "家西河"),                  # a river without a stage
        ("推进莲花南路、剑川路等主干道沿线公共绿地提升。", "剑川路"),  # roads that say where
        ("全市十大未来产业集聚区建设提速。", "全市十大未来产业集聚区"),  # a count of zones
    ],
)
# fmt: on
def test_kinds_titles_and_places_without_a_stage_are_no_names(sentence, not_a_name):
    ex = run(sentence)
    assert not_a_name not in set(ex.entities) | {a for e in ex.entities.values() for a in e.aliases}


def test_railways_joined_by_and_are_two_names_and_bare_items_share_the_last_ones_ending():
    ex = run("加快北沿江、盐泰锡常宜、通苏嘉甬高铁和宁淮城际铁路等重大项目建设。")
    assert {"北沿江高铁", "盐泰锡常宜高铁", "通苏嘉甬高铁", "宁淮城际铁路"} <= set(ex.entities)


def test_metro_lines_listed_by_number_are_each_a_line_with_the_reports_prefix():
    ex = run("加快推进轨道10、14、16号线建设，加快轨道3号线东延段工作。")
    lines = {n for n, e in ex.entities.items() if e.cls == "MetroLine"}
    assert {"轨道10号线", "轨道14号线", "轨道16号线", "轨道3号线东延段"} <= lines


def test_a_name_inside_a_longer_name_is_a_name_of_its_own():
    ex = run("深圳大学龙岗创新研究院开园。推进南京禄口机场三期工程前期工作。")
    assert {("深圳大学", "University"), ("南京禄口机场", "Project"), ("南京禄口机场三期", "Project")} <= entities(ex)
    assert "南京禄口机场三期工程" in ex.entities["南京禄口机场三期"].aliases


def test_a_project_named_by_its_works_is_the_facility_with_the_works_as_an_alias():
    ex = run("推进铁岗水库扩建。")
    assert ("铁岗水库", "Project") in entities(ex)
    assert ex.entities["铁岗水库"].aliases == {"铁岗水库扩建"}
    assert "铁岗水库扩建" not in ex.entities


# fmt: off
@pytest.mark.parametrize(
    "sentence, facility, works",
    [
        ("完成区第三人民医院改扩建。", "区第三人民医院", "区第三人民医院改扩建"),
        ("完成布吉水质净化厂提标改造和坂雪岗水质净化厂二期扩建工程。", "布吉水质净化厂", "布吉水质净化厂提标改造"),
        ("完成布吉水质净化厂提标改造和坂雪岗水质净化厂二期扩建工程。", "坂雪岗水质净化厂二期", "坂雪岗水质净化厂二期扩建工程"),
        ("启动黄阁路、龙城大道综合改造。", "龙城大道", "龙城大道综合改造"),
        ("完成市平湖医院一期主体工程封顶。", "市平湖医院一期", "市平湖医院一期主体工程"),
        ("区骨科医院新建项目主体封顶。", "区骨科医院", "区骨科医院新建项目"),
        # the foundations, and the parts of a port's works on land and at sea
        ("推进东湖剧院基础工程建设。", "东湖剧院", "东湖剧院基础工程"),
        ("完成西岭码头海域部分工程。", "西岭码头", "西岭码头海域部分工程"),
        # a short bracketed qualifier ends the facility's name, with or without 工程 before it
        ("加快西岭码头（客运）陆上主体工程建设。", "西岭码头（客运）", "西岭码头（客运）陆上主体工程"),
        ("启动西岭码头工程（客运）主体工程建设。", "西岭码头工程（客运）", "西岭码头工程（客运）主体工程"),
    ],
)
# fmt: on
def test_works_on_a_facility_are_one_project_named_for_the_facility(sentence, facility, works):
    ex = run(sentence)
    assert ex.entities[facility].cls == "Project"
    assert works in ex.entities[facility].aliases
    assert works not in ex.entities


def test_the_same_project_named_by_its_works_and_by_its_facility_is_one_entity():
    ex = run("区第三人民医院改扩建开工。区第三人民医院改扩建项目竣工。")
    assert ex.entities["区第三人民医院"].aliases == {"区第三人民医院改扩建", "区第三人民医院改扩建项目"}
    assert {m.stage for m in ex.milestones if m.project == "区第三人民医院"} == {"Started", "Completed"}


@pytest.mark.parametrize("sentence, works", [
    ("推进老旧小区改造。", "老旧小区改造"),        # a kind of works, on no named facility
    ("推进深圳大学扩建。", "深圳大学扩建"),        # a university, not a project's facility
    ("完成桂庙路快速化改造（一期）工程。", "桂庙路快速化改造（一期）工程"),  # a phase of the works, not of the road
])
def test_works_on_no_named_facility_keep_their_name(sentence, works):
    ex = run(sentence)
    assert not any(works in e.aliases for e in ex.entities.values())
    assert works in ex.entities or not any(name in works for name in ex.entities if name != works)


def test_bare_names_listed_as_projects_are_the_companies_behind_them():
    ex = run("引进清科南方总部、巴斯夫等126个项目。推动恩德斯豪斯、西丽湖花园等项目开工。")
    assert ("巴斯夫", "Enterprise") in entities(ex)
    assert ("恩德斯豪斯", "Enterprise") in entities(ex)  # issue 16: a company, not a project
    assert "西丽湖花园" in {name for name, _, _ in ex.left_out}  # an estate: housing, no project (GUIDE.md)


def test_bare_names_before_a_companys_name_are_companies():
    ex = run("华为、中兴、迈瑞公司的三项技术成果获得国家科技进步二等奖。")
    assert {("华为", "Enterprise"), ("中兴", "Enterprise"), ("迈瑞公司", "Enterprise")} <= entities(ex)


def test_a_road_planned_is_named_without_the_plan():
    ex = run("规划和爱路、启动兰溪路建设。", heading="二、2026年工作安排")
    assert "和爱路" in ex.entities  # issue 16: the road is 和爱路, not 规划和爱路
    assert "规划和爱路" not in ex.entities
