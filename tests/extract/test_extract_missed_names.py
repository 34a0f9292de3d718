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
