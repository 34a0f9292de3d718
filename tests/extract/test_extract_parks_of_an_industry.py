"""A park whose own name states an industry (GUIDE.md, ``inCluster``: A产业园 -> A): the industry
inside its name is a cluster of its own, and a clause that lists other industries before the park
is built does not make them the park's."""

from graph.extract.oracle import extract_given
from graph.model import Report

from extract_helpers import relations


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
