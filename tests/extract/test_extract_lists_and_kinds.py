"""What a list, a clause or an ending names, and what only looks like a name (issue 15, point 4).

Agreements are no zones, works and sectors are no companies, the people of an industry are no
cluster; bare places that share a named kind of project are each that project.  The names are
made up: no lexicon lists them and the bundled report never writes them.
"""

import pytest

from graph.extract.pipeline import extract
from graph.model import Report
from graph.text.clean import clean


def run(sentence: str, heading: str = "一、2025年工作回顾"):
    text = clean(f"{heading}\n{sentence}\n")
    return extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)


def entities(ex) -> set[tuple[str, str]]:
    return {(name, e.cls) for name, e in ex.entities.items()}


def names_of(ex, cls: str) -> set[str]:
    return {name for name, e in ex.entities.items() if e.cls == cls}


@pytest.mark.parametrize("sentence", [
    "加快中冰韩自贸区等谈判，推进中美投资协定谈判。",
    "签署中国－南盟自贸区升级议定书。",
    "加强亚欧自贸区联合战略研究。",
])
def test_a_free_trade_area_being_negotiated_is_an_agreement_not_a_park(sentence):
    assert names_of(run(sentence), "Park") == set()


def test_a_free_trade_zone_being_built_is_still_a_park():
    assert ("滨江自贸区", "Park") in entities(run("推进滨江自贸区建设，扩大开放。"))


@pytest.mark.parametrize("verb", ["增设", "赋予", "查处", "开拓"])
def test_a_verb_before_a_name_is_no_part_of_it(verb):
    parks = names_of(run(f"{verb}临江自贸试验区新片区，扩大开放。"), "Park")
    assert parks and not any(p.startswith(verb) for p in parks)


def test_a_verb_with_its_complement_before_a_name_is_no_part_of_it():
    # 规划建设好X: the 好 of 建设好 is no first character of X
    assert names_of(run("高标准规划建设好临江自贸试验区新片区。"), "Park") == {"临江自贸试验区新片区"}


def test_sectors_listed_as_projects_are_no_companies():
    ex = run("建设水电核电、特高压输电、油气管网等重大项目。")
    assert names_of(ex, "Enterprise") == set()


def test_works_named_with_an_industry_in_a_stage_clause_are_a_project_not_a_company():
    ex = run("加快云启微电子、意达半导体封装测试等项目建设步伐。")
    assert ("意达半导体封装测试", "Project") in entities(ex)
    assert ("云启微电子", "Enterprise") in entities(ex)


def test_bare_names_of_a_project_list_are_still_the_companies_behind_them():
    assert {"柏川", "巴德夫"} <= names_of(run("加快柏川、巴德夫等项目建设。"), "Enterprise")


def test_an_item_called_project_does_not_make_its_list_projects():
    assert entities(run("聚焦机构管理、项目实施、人才使用、成果转化，携手港澳探索新机制。")) == set()


def test_an_adverb_opening_a_list_is_no_name():
    assert names_of(run("更加主动、务实地推进两地交流。"), "Enterprise") == set()


def test_bare_places_sharing_a_named_kind_of_project_are_each_that_project():
    ex = run("全面建成青石、白沙、麻岭等调准项目，水源水质有力保障。")
    assert {"青石调准项目", "白沙调准项目", "麻岭调准项目"} <= names_of(ex, "Project")
    assert names_of(ex, "Enterprise") == set()


@pytest.mark.parametrize("sentence", [
    "推进云启、巴德夫等一批高端项目建设。",  # a level or kind word names no works
    "加快云启、巴德夫等重大项目建设。",
    "推进青石、白沙等续建项目建设。",  # a stage word
])
def test_a_kind_or_stage_before_a_project_head_is_not_shared_by_the_items(sentence):
    assert not any(n.endswith("项目") and len(n) <= 8 for n in names_of(run(sentence), "Project"))


@pytest.mark.parametrize("sentence", [
    "实施焦化行业超低排放改造、落后燃煤设施改造，空气质量持续改善。",
    "推进既有建筑节能改造，完成基层医院改造。",
    "实施煤电机组深度脱硝改造。",
])
def test_kinds_of_works_in_a_stage_clause_are_no_projects(sentence):
    assert names_of(run(sentence), "Project") == set()


@pytest.mark.parametrize("sentence", ["推动两地合作项目建设。", "推进相关项目建设。", "推动宝德合资项目开工。"])
def test_cooperations_and_related_projects_are_no_named_projects(sentence):
    assert not any(n.endswith("项目") for n in names_of(run(sentence), "Project"))


def test_roads_of_a_numbered_task_are_projects_also_one_named_like_a_stage_word():
    ex = run("12.完成青云大道、吉安路、建设路、德兴路、和兴路等道路慢行照明提升工程。")
    assert {"青云大道", "吉安路", "德兴路", "和兴路"} <= names_of(ex, "Project")


def test_two_names_sharing_an_ending_before_their_works_are_two_projects():
    ex = run("加快推进北湾和南岭口岸改造等重大项目的前期工作。")
    assert {"北湾口岸", "南岭口岸"} <= names_of(ex, "Project")
    assert not any("和" in n for n in ex.entities)


def test_a_university_park_is_a_park():
    assert ("东湖国际大学园", "Park") in entities(run("高标准建设东湖国际大学园，集聚高等院校。"))


@pytest.mark.parametrize("sentence", [
    "研究将家政服务业、建筑行业从业人员纳入保障体系。",  # the people of the industries
    "规模以上工业企业、资质等级建筑业企业。",  # the firms counted
    "加快构建房地产发展新模式。",  # a development model, not the industry developed
])
def test_the_people_firms_and_models_of_an_industry_are_no_cluster(sentence):
    assert not {"建筑业", "房地产"} & names_of(run(sentence), "IndustryCluster")


def test_an_industry_that_develops_is_still_a_cluster():
    assert {"建筑业", "房地产"} <= names_of(run("大力发展建筑业，推动房地产健康发展。"), "IndustryCluster")


def test_an_industry_written_with_and_without_its_tail_is_one_entity():
    ex = run("文化事业和文化产业蓬勃发展。大力发展文化、旅游、体育等产业。")
    clusters = {name: e for name, e in ex.entities.items() if e.cls == "IndustryCluster"}
    named = [name for name, e in clusters.items() if {"文化", "文化产业"} & ({name} | set(e.aliases))]
    assert len(named) == 1, clusters


def test_a_laboratory_named_by_two_characters_is_a_name_and_a_kind_of_laboratory_is_none():
    ex = run("加快建设东岭实验室，新建一批重点实验室。")
    assert names_of(ex, "Laboratory") == {"东岭实验室"}


def test_bare_names_before_a_laboratorys_name_share_its_ending():
    ex = run("支持金牛山、石湖、云岭湖实验室承担更多重大科技任务。")
    assert {"金牛山实验室", "石湖实验室", "云岭湖实验室"} <= names_of(ex, "Laboratory")


@pytest.mark.parametrize("sentence", [
    "争创半导体领域国家技术创新中心。",
    "打造全球科技产业创新中心。",
    "搭建银企对接平台。",
    "引进一批顶尖孵化器。",
])
def test_a_platform_named_only_by_kinds_fields_and_reach_is_a_kind(sentence):
    assert not {e.cls for e in run(sentence).entities.values()} & {"Platform", "Incubator"}


def test_a_platform_with_a_name_of_its_own_is_still_a_platform():
    assert ("东岭智能医疗创新中心", "Platform") in entities(run("建设东岭智能医疗创新中心。"))


def test_places_where_a_programme_of_works_is_done_are_no_projects():
    ex = run("完成青松苑（北块）等小区地下车库修缮工程。")
    assert not any(n.startswith("青松苑") for n in names_of(ex, "Project"))
