"""Names the extractor used to miss in reports nobody tuned to (issue 15), each pinned with a false friend.

Every sample uses made-up names: the next report names other roads and buildings, and the rules must
find them by their form (graph/extract/FAMILIES.md).
"""

import pytest

from graph.extract.pipeline import extract
from graph.extract.spans import mask_parentheses
from graph.model import Report
from graph.text.clean import clean


def entities(sentence: str) -> set[tuple[str, str]]:
    text = clean(f"一、2025年工作回顾\n{sentence}\n")
    ex = extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)
    return {(name, e.cls) for name, e in ex.entities.items()}


# fmt: off
@pytest.mark.parametrize("sentence, name, cls", [
    ("推动东岭—西湾连接线等前期工作。", "东岭—西湾连接线", "Project"),
    ("投资2000万元的柏—石农村公路通车。", "柏—石农村公路", "Project"),
    ("升级打造青溪—白荡生态环境共同保护合作区。", "青溪—白荡生态环境共同保护合作区", "Park"),
])
# fmt: on
def test_a_single_dash_joins_two_places_into_one_name(sentence, name, cls):
    assert (name, cls) in entities(sentence)


def test_a_double_dash_is_punctuation_and_ends_no_name_inside_it():
    assert mask_parentheses("硬任务——柏林路通车") == "硬任务——柏林路通车"
    found = entities("拿下多年未啃动的硬骨头——柏林路建成通车。")
    assert ("柏林路", "Project") in found
    assert not any("—" in name for name, _ in found)


# fmt: off
@pytest.mark.parametrize("sentence, name", [
    ("柳岸路人行天桥建成使用。", "柳岸路人行天桥"),
    ("推进区职工文化宫建设。", "区职工文化宫"),
    ("东湖区青少年宫主体封顶。", "东湖区青少年宫"),
    ("加快石塘街道敬老院建设。", "石塘街道敬老院"),
    ("推动青川创意设计馆等文化设施建设。", "青川创意设计馆"),
    ("加快青河入海水道建设。", "青河入海水道"),
])
# fmt: on
def test_bridges_halls_and_waterways_with_a_stage_are_projects(sentence, name):
    assert (name, "Project") in entities(sentence)


@pytest.mark.parametrize("sentence", ["组织职工走进区职工文化宫参观学习。", "开工建设10座人行天桥。"])
def test_a_building_without_a_stage_or_a_name_is_no_project(sentence):
    assert not {n for n, c in entities(sentence) if c == "Project" and n.endswith(("文化宫", "天桥"))}


def test_a_ship_lock_is_a_project_wherever_it_is_named():
    assert ("青阳复线船闸", "Project") in entities("青阳复线船闸通航能力居全省前列。")


# fmt: off
@pytest.mark.parametrize("sentence, name", [
    ("开工建设华南理工大学（广州）高等研究院。", "华南理工大学（广州）高等研究院"),
    ("推动西湖高等研究院二期建设。", "西湖高等研究院二期"),
])
# fmt: on
def test_the_deng_of_gaodeng_is_part_of_the_name_not_an_etc(sentence, name):
    # 高等研究院: its 等 is no "etc." that ends the name on its left
    assert name in {n for n, _ in entities(sentence)}


def test_a_slash_between_latin_letters_is_inside_the_name():
    assert "海创VR/AR产业园" in {n for n, _ in entities("加快海创VR/AR产业园建设。")}
    assert mask_parentheses("A/B") == "A／B" and mask_parentheses("及/或") == "及/或"


# fmt: off
@pytest.mark.parametrize("sentence, names", [
    ("开工建设区大剧院、文化馆、图书馆。", {"区大剧院", "区文化馆", "区图书馆"}),
    ("加快建设区中医院、妇幼保健院。", {"区中医院", "区妇幼保健院"}),
])
# fmt: on
def test_the_level_word_of_a_lists_first_facility_is_the_bare_ones_after_it(sentence, names):
    # 区大剧院、文化馆: the district's theatre and the district's cultural centre
    assert names <= {n for n, _ in entities(sentence)}


def test_a_named_facility_after_a_districts_own_takes_no_level_word():
    found = {n for n, _ in entities("开工建设区大剧院、东岭文化艺术中心、图书馆。")}
    assert "东岭文化艺术中心" in found and not {"区东岭文化艺术中心", "区图书馆"} & found
