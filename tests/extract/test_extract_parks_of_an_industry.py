"""A park whose own name states an industry (GUIDE.md, ``inCluster``: A产业园 -> A): the industry
inside its name is a cluster of its own, and a clause that lists other industries before the park
is built does not make them the park's."""

from graph.extract.oracle import extract_given
from graph.model import Report

import pytest

from extract_helpers import entities, relations, run


def _given(sentence: str, names):
    text = f"一、2025年工作回顾\n{sentence}\n"
    return extract_given(Report(slug="t", text=text, year="2026"), names)


def test_a_park_named_for_its_industry_takes_none_of_the_services_listed_before_it():
    ex = _given("大力发展研发、会计、法律等专业服务业，加快工业软件产业园建设。", [
        ("工业软件产业园", "Park", []), ("工业软件", "IndustryCluster", []), ("研发", "IndustryCluster", []),
        ("会计", "IndustryCluster", []), ("法律", "IndustryCluster", []),
    ])
    assert {(s, o) for s, p, o in relations(ex) if p == "inCluster"} == {("工业软件产业园", "工业软件")}


def test_a_park_named_for_its_industry_keeps_the_listed_industry_its_name_writes():
    ex = _given("大力发展设计、会计等专业服务业，加快龙华设计产业园建设。", [
        ("龙华设计产业园", "Park", []), ("设计", "IndustryCluster", []), ("会计", "IndustryCluster", []),
    ])
    assert ("龙华设计产业园", "inCluster", "设计") in relations(ex)
    assert ("龙华设计产业园", "inCluster", "会计") not in relations(ex)


def test_a_park_without_an_industry_in_its_name_takes_the_industries_developed_before_it():
    ex = _given("大力发展研发、会计等专业服务业，加快北湖园建设。", [
        ("北湖园", "Park", []), ("研发", "IndustryCluster", []), ("会计", "IndustryCluster", []),
    ])
    assert {("北湖园", "inCluster", "研发"), ("北湖园", "inCluster", "会计")} <= relations(ex)


@pytest.mark.parametrize("sentence, park, industries", [
    ("规划建设低空经济产业园，推动鸢飞科技入驻。", "低空经济产业园", {"低空经济"}),
    ("建成全市首个数字经济跨境电商产业园。", "数字经济跨境电商产业园", {"数字经济", "跨境电商"}),
])
def test_the_one_industrial_park_a_clause_builds_is_a_park_of_its_industries(sentence, park, industries):
    ex = run(sentence)
    assert (park, "Park") in entities(ex)
    assert {(park, "inCluster", c) for c in industries} <= relations(ex)


@pytest.mark.parametrize("sentence", ["打造软件产业园。", "规划建设一批软件产业园。", "建设特色产业园。", "争创国家现代农业产业园。"])
def test_an_industrial_park_named_by_its_industry_without_one_being_built_is_a_kind(sentence):
    assert not {name for name, cls in entities(run(sentence)) if cls == "Park"}
