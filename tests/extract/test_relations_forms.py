"""Forms of official prose that link a park, a firm, a project or a fund (README "Relations and
milestones"): each sentence is written here in the way reports write, with invented names.
"""

import pytest

from graph.extract.oracle import extract_given
from graph.model import Report

P, C, E, J, F, I, U, FU = ("Park", "IndustryCluster", "Enterprise", "Project", "Platform", "ResearchInstitute",
                           "University", "Fund")


def run(sentence: str, names: dict[str, str]):
    """Extract ``sentence`` (in the review of the last year) with ``names`` (name -> class) given."""
    text = f"一、2025年工作回顾\n{sentence}\n"
    return extract_given(Report(slug="t", text=text, year="2026"), [(n, c, []) for n, c in names.items()])


def relations(ex) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in ex.relations}


# --- locatedIn ------------------------------------------------------------------------------


def test_a_project_named_right_after_a_park_is_in_it_and_so_is_the_rest_of_its_list():
    ex = run("推进青岚高新区智能终端产业化项目、精密模具基地项目建设。",
             {"青岚高新区": P, "智能终端产业化项目": J, "精密模具基地项目": J})
    assert relations(ex) >= {("智能终端产业化项目", "locatedIn", "青岚高新区"), ("精密模具基地项目", "locatedIn", "青岚高新区")}


def test_a_firm_named_right_after_a_park_is_not_placed_by_the_name_alone():
    ex = run("青岚高新区远航电子营业收入突破百亿元。", {"青岚高新区": P, "远航电子": E})
    assert ("远航电子", "locatedIn", "青岚高新区") not in relations(ex)


def test_every_name_of_the_list_inside_a_park_is_in_it():
    ex = run("青岚高新区内的北斗导航产业园项目、智造小镇项目加快建设。", {"青岚高新区": P, "北斗导航产业园项目": J, "智造小镇项目": J})
    assert relations(ex) >= {("北斗导航产业园项目", "locatedIn", "青岚高新区"), ("智造小镇项目", "locatedIn", "青岚高新区")}


@pytest.mark.parametrize("verb", ["规划建设", "启动建设"])
def test_what_is_planned_or_started_in_a_park_is_in_it(verb):
    ex = run(f"在青岚高新区{verb}精密模具基地项目。", {"青岚高新区": P, "精密模具基地项目": J})
    assert ("精密模具基地项目", "locatedIn", "青岚高新区") in relations(ex)


def test_a_firm_whose_headquarters_settle_in_a_park_is_in_it():
    ex = run("远航电子区域总部落户青岚高新区。", {"远航电子": E, "青岚高新区": P})
    assert ("远航电子", "locatedIn", "青岚高新区") in relations(ex)


def test_a_firm_that_sets_something_up_in_a_park_is_in_it():
    ex = run("推动远航电子在青岚高新区设立研发中心。", {"远航电子": E, "青岚高新区": P})
    assert ("远航电子", "locatedIn", "青岚高新区") in relations(ex)


def test_the_firms_of_a_clause_that_settle_after_a_park_took_others_in_are_in_that_park():
    ex = run("青岚高新区新引进远航电子，金穗科技、澄明光学等企业相继落户。",
             {"青岚高新区": P, "远航电子": E, "金穗科技": E, "澄明光学": E})
    assert {r for r in relations(ex) if r[1] == "locatedIn"} == {
        ("远航电子", "locatedIn", "青岚高新区"), ("金穗科技", "locatedIn", "青岚高新区"), ("澄明光学", "locatedIn", "青岚高新区")}


def test_firms_that_settle_in_a_clause_of_their_own_are_in_no_park_of_another_sentence_part():
    ex = run("推进青岚高新区扩区，金穗科技等企业相继落户。", {"青岚高新区": P, "金穗科技": E})
    assert ("金穗科技", "locatedIn", "青岚高新区") not in relations(ex)


# --- affiliatedWith -------------------------------------------------------------------------


def test_a_platform_set_up_by_a_firm_in_the_passive_is_the_firm_s():
    ex = run("省精密制造创新中心由远航电子牵头组建。", {"省精密制造创新中心": F, "远航电子": E})
    assert ("省精密制造创新中心", "affiliatedWith", "远航电子") in relations(ex)


def test_what_the_government_builds_with_a_university_is_the_university_s():
    ex = run("深化校地合作，与北辰理工大学共建先进材料研究院。", {"北辰理工大学": U, "先进材料研究院": I})
    assert ("先进材料研究院", "affiliatedWith", "北辰理工大学") in relations(ex)


def test_a_firm_that_invests_an_amount_to_build_a_project_runs_it():
    ex = run("远航电子投资50亿元建设智能终端产业化项目。", {"远航电子": E, "智能终端产业化项目": J})
    assert ("智能终端产业化项目", "affiliatedWith", "远航电子") in relations(ex)


# --- inCluster ------------------------------------------------------------------------------


def test_the_industries_written_right_after_a_park_are_its_own():
    ex = run("以青岚高新区智能终端、精密模具产业为重点，推动产业链升级。", {"青岚高新区": P, "智能终端": C, "精密模具": C})
    assert relations(ex) >= {("青岚高新区", "inCluster", "智能终端"), ("青岚高新区", "inCluster", "精密模具")}


def test_a_park_that_brings_in_firms_of_an_industry_is_of_it():
    ex = run("青岚高新区新引进智能终端企业30家。", {"青岚高新区": P, "智能终端": C})
    assert ("青岚高新区", "inCluster", "智能终端") in relations(ex)


def test_the_industries_that_gather_in_a_park_are_its_own():
    ex = run("推动智能终端、精密模具产业向青岚高新区集聚。", {"青岚高新区": P, "智能终端": C, "精密模具": C})
    assert relations(ex) >= {("青岚高新区", "inCluster", "智能终端"), ("青岚高新区", "inCluster", "精密模具")}


def test_the_industry_a_park_is_built_around_is_its_own():
    ex = run("加快建设以精密模具为特色的青岚高新区。", {"青岚高新区": P, "精密模具": C})
    assert ("青岚高新区", "inCluster", "精密模具") in relations(ex)


@pytest.mark.parametrize("park", ["北湖物流功能区", "北湖电商物流园"])
def test_a_park_whose_name_ends_on_its_industry_and_a_place_word_is_of_the_report_s_cluster_of_it(park):
    ex = run(f"加快{park}建设。大力发展现代物流。", {park: P, "现代物流": C})
    assert (park, "inCluster", "现代物流") in relations(ex)


def test_a_park_named_after_an_industry_and_a_place_word_far_after_it_is_of_no_cluster():
    ex = run("加快北湖物流研发与展示交易功能区建设。大力发展现代物流。", {"北湖物流研发与展示交易功能区": P, "现代物流": C})
    assert ("北湖物流研发与展示交易功能区", "inCluster", "现代物流") not in relations(ex)


def test_a_firm_named_after_its_industry_and_head_is_of_that_industry():
    ex = run("引进智能终端龙头企业远航电子、金穗科技。", {"智能终端": C, "远航电子": E, "金穗科技": E})
    assert relations(ex) >= {("远航电子", "inCluster", "智能终端"), ("金穗科技", "inCluster", "智能终端")}


def test_the_firms_that_lead_an_industry_are_of_it():
    ex = run("形成以远航电子、金穗科技为龙头的智能终端产业集群。", {"智能终端": C, "远航电子": E, "金穗科技": E})
    assert relations(ex) >= {("远航电子", "inCluster", "智能终端"), ("金穗科技", "inCluster", "智能终端")}


def test_a_fund_serves_every_industry_of_the_list_it_invests_in():
    ex = run("设立规模50亿元的青岚产业基金，重点投向智能终端、精密模具领域。", {"青岚产业基金": FU, "智能终端": C, "精密模具": C})
    assert relations(ex) >= {("青岚产业基金", "inCluster", "智能终端"), ("青岚产业基金", "inCluster", "精密模具")}
