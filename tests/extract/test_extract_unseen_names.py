"""Names of reports nobody tuned to (issue 15): programmes, budgets, systems and kinds that only
look like names, and names a report gives only inside a longer one.

Each rule has a case it must find or turn down and a false friend it must leave as it is.  The
names are made up or common to many reports: no lexicon lists them and the bundled report never
writes them.
"""

import pytest

from graph.extract.industries import industry_names
from extract_helpers import entities, relations, run

from graph.extract.names import make_name_rules


@pytest.mark.parametrize("sentence, system", [
    ("建成区公共信用信息平台，数据实时共享。", "区公共信用信息平台"),
    ("建成民声微线信访平台。", "民声微线信访平台"),
    ("拓展电商销售平台。", "电商销售平台"),
])
def test_a_platform_without_an_innovation_word_is_a_government_system(sentence, system):
    assert system not in run(sentence).entities


def test_a_platform_with_an_innovation_word_is_still_a_platform():
    ex = run("建设大湾区集成电路设计创新公共平台。")
    assert ("大湾区集成电路设计创新公共平台", "Platform") in entities(ex)


@pytest.mark.parametrize("sentence", [
    "深入实施闽商回归工程，吸引更多企业回归。",
    "实施高品质公共文化供给工程。",
    "继续实施康复护理扩容提升工程。",
])
def test_works_a_report_carries_out_are_a_programme_not_a_project(sentence):
    assert {cls for _, cls in entities(run(sentence))} <= {"IndustryCluster"}


def test_works_carried_out_on_a_named_road_are_still_its_project():
    assert ("G98环岛高速", "Project") in entities(run("实施G98环岛高速提档扩容工程。"))


@pytest.mark.parametrize("sentence", ["推进“两重”项目建设。", "三北工程完成年度任务。", "深化“百千万”工程。"])
def test_a_counted_code_name_is_a_programme(sentence):
    assert not run(sentence).entities


def test_a_quoted_count_of_buildings_with_works_is_still_a_project():
    assert ("三馆主体工程", "Project") in entities(run("完成“三馆”主体工程。"))


@pytest.mark.parametrize("sentence, glued", [
    ("抢抓深中通道通车机遇。", "抢抓深中通道"),
    ("联手腾讯等行业顶尖企业。", "联手腾讯"),
])
def test_a_verb_before_a_name_is_no_part_of_it(sentence, glued):
    ex = run(sentence)
    assert glued not in ex.entities and glued[2:] in ex.entities


@pytest.mark.parametrize("sentence, kind", [
    ("打造世界级商圈。", "世界级商圈"),
    ("提升普通公路安全设施水平。", "普通公路"),
    ("增强社区股份合作公司造血功能。", "社区股份合作公司"),
    ("打通区内断头路。", "区内断头路"),
    ("推动虚拟电厂建设。", "虚拟电厂"),
])
def test_a_name_made_only_of_kind_words_is_a_kind(sentence, kind):
    assert kind not in run(sentence).entities


def test_a_place_before_kind_words_makes_a_name():
    assert ("西丽综合交通枢纽", "Project") in entities(run("加快西丽综合交通枢纽建设。"))


def test_industries_in_a_list_of_firms_are_the_firms_fields():
    ex = run("集聚一批大数据、区块链、物联网等领域优势企业。")
    assert {("区块链", "IndustryCluster"), ("物联网", "IndustryCluster")} <= entities(ex)
    assert not {name for name, cls in entities(ex) if cls == "Enterprise"}


def test_firms_in_a_list_of_firms_are_still_firms():
    assert {("华为", "Enterprise"), ("中兴", "Enterprise")} <= entities(run("支持华为、中兴等企业做大做强。"))


@pytest.mark.parametrize("sentence", ["加强医保基金监管。", "充实全国社保基金。", "调低部分政府性基金征收标准。"])
def test_a_budget_called_a_fund_is_no_fund(sentence):
    assert not run(sentence).entities


def test_a_fund_that_invests_is_still_a_fund():
    assert ("深港跨境科创基金", "Fund") in entities(run("设立深港跨境科创基金。"))


def test_an_industry_inside_a_parks_name_is_a_cluster_of_the_park():
    ex = run("推进光明低空经济示范区建设。")
    assert {("光明低空经济示范区", "Park"), ("低空经济", "IndustryCluster")} <= entities(ex)
    assert ("光明低空经济示范区", "inCluster", "低空经济") in relations(ex)


def test_a_two_character_industry_in_a_parks_name_says_what_kind_of_park_it_is():
    assert industry_names([], parks=["平湖物流园", "前海金融城"]) == {}
    assert not {cls for _, cls in entities(run("建设前海金融城、平湖物流园。"))} - {"Park"}


@pytest.mark.parametrize("sentence, port", [
    ("加快深圳港建设，提升集疏运能力。", "深圳港"),
    ("推进太子湾国际邮轮母港建设。", "太子湾国际邮轮母港"),
    ("海拉尔航空港旅客吞吐量突破200万人次。", "海拉尔航空港"),
])
def test_a_port_is_a_project(sentence, port):
    assert (port, "Project") in entities(run(sentence))


@pytest.mark.parametrize("sentence", ["支持香港融入国家发展大局，推进粤港澳合作建设。", "深化深港合作建设。"])
def test_hong_kong_is_no_port(sentence):
    assert not run(sentence).entities


def test_the_company_of_a_headquarters_is_an_enterprise_that_owns_it():
    ex = run("加快推进京东总部、招商银行全球总部等重大项目建设。")
    assert {("京东", "Enterprise"), ("招商银行", "Enterprise")} <= entities(ex)
    assert ("京东总部", "affiliatedWith", "京东") in relations(ex)


@pytest.mark.parametrize("name", ["区域总部", "跨国公司地区总部", "民企总部", "深圳湾超级总部基地"])
def test_a_kind_of_headquarters_names_no_company(name):
    assert make_name_rules().owner_of(name) is None
