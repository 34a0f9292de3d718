"""Projects that a report describes rather than names: a superlative or a first opens a description
(全市首座…, 亚洲最大…), and a facility's kind alone (公立医院, 长途客运站) names no project
(graph/extract/patterns.py SUPERLATIVE_WORDS, FACILITY_KIND_WORDS; GUIDE.md "Generic or named?").

The sentences are written like the corpus's reports; the names are ones no lexicon lists.
"""

import pytest

from graph.extract.names import make_name_rules
from tests.extract.extract_helpers import entities, run


@pytest.fixture(scope="module")
def rules():
    return make_name_rules()


# fmt: off
@pytest.mark.parametrize(
    "name, rest",
    [
        ("全市首座生态文明展览馆", "生态文明展览馆"),
        ("粤港澳大湾区首个充电站", "充电站"),
        ("全国最大港口客滚综合枢纽新海港", "新海港"),
        ("亚洲最大地下火车站福田综合交通枢纽", "福田综合交通枢纽"),
        ("全国首个民法主题公园", "民法主题公园"),
    ],
)
# fmt: on
def test_a_name_that_a_superlative_opens_starts_after_it_or_at_the_name_its_description_ends_with(rules, name, rest):
    assert name[rules.after_superlative(name) :] == rest


def test_a_description_ending_inside_a_word_is_no_description_of_a_name(rules):
    name = "粤港澳大湾区首个一站式数字赋能公共服务平台"
    assert name[rules.after_superlative(name) :] == "一站式数字赋能公共服务平台"


def test_a_name_without_a_superlative_is_left_whole(rules):
    assert rules.after_superlative("深圳湾超级总部基地") == 0
    assert rules.superlative_end("深圳湾超级总部基地") == 0


# fmt: off
@pytest.mark.parametrize(
    "name", ["公立医院", "专门学校", "薄弱学校", "长途客运站", "通用机场", "过境口岸", "深水航道", "污水处理厂"],
)
# fmt: on
def test_a_facility_kind_alone_is_not_specific(rules, name):
    assert not rules.is_specific(name, industries=True)


# fmt: off
@pytest.mark.parametrize(
    "name", ["洋浦港深水航道", "哈克区域敬老院", "南山污水处理厂", "市民健身中心", "区老年人保健服务中心"],
)
# fmt: on
def test_a_facility_kind_with_a_distinguishing_part_stays_specific(rules, name):
    assert rules.is_specific(name, industries=True)


def test_the_first_of_a_kind_built_is_no_project():
    ex = run("建成全市首座生态文明展览馆，成为城市新名片。")
    assert not {n for n, cls in entities(ex) if "展览馆" in n and cls == "Project"}, sorted(entities(ex))


def test_the_hub_a_superlative_describes_is_the_project():
    ex = run("亚洲最大地下火车站福田综合交通枢纽投入使用。")
    assert ("福田综合交通枢纽", "Project") in entities(ex), sorted(entities(ex))
    assert any(m.project == "福田综合交通枢纽" and m.stage == "InUse" for m in ex.milestones)


def test_a_kind_of_hospital_with_a_stage_is_no_project():
    ex = run("加快公立医院、社康中心建设。")
    assert ("公立医院", "Project") not in entities(ex), sorted(entities(ex))


# fmt: off
@pytest.mark.parametrize(
    "name", ["3500多个拟竣工投产项目", "十余所学校", "全球招商大会签约项目", "顺利完成各项目", "年投资亿元以上项目"],
)
# fmt: on
def test_counted_works_and_projects_of_a_kind_are_no_named_project(rules, name):
    assert not rules.is_name(name) or rules.is_programme(name)


def test_a_named_project_is_no_programme(rules):
    assert not rules.is_programme("环旭电子城市更新项目")
