"""Names of clusters, parks, enterprises and platforms in reports nobody tuned to (issue 15, the
errors of the two newest dev reports): what made names spurious there, and what they missed.

Each rule has a case it must find or turn down and a false friend it must leave as it is.  The
sentences are made up in the style of reports; no lexicon lists their names.
"""

import pytest

from extract_helpers import entities, relations, run


# -- X方面， opens an industry topic only for an industry of the vocabulary ----------------------------
@pytest.mark.parametrize("sentence, topic", [
    ("就业方面，城镇新增就业12万人。", "就业"),
    ("养老方面，新增养老床位300张。", "养老"),
    ("交通管理方面，整治违停车辆2万辆。", "交通管理"),
])
def test_a_topic_of_social_work_is_no_industry(sentence, topic):
    assert topic not in run(sentence).entities


def test_a_topic_of_an_industry_is_still_a_cluster():
    ex = run("民用航空方面，引进丙翼航空等3家企业。")
    assert ("民用航空", "IndustryCluster") in entities(ex)


# -- departments listed with a company are no companies --------------------------------------------
def test_departments_listed_before_a_company_are_none_of_ours():
    ex = run("完成老旧小区燃气改造，住建局牵头，城管局、水务局、更新办、市燃气集团协助办理。")
    assert not {"城管局", "水务局", "更新办"} & set(ex.entities)
    assert ("市燃气集团", "Enterprise") in entities(ex)


def test_a_company_called_a_bureau_alone_is_still_brought_in():
    ex = run("支持招商局引进一批大项目。")
    assert ("招商局", "Enterprise") in entities(ex)


# -- 推动成立X: the opener is the verb's, not an item -------------------------------------------------
def test_the_opener_right_before_a_verb_is_no_name():
    ex = run("推动成立丁岭教育集团，建设区第九人民医院。")
    assert "推动" not in ex.entities


# -- verbs that end a name on its left -----------------------------------------------------------
@pytest.mark.parametrize("sentence, name, wrong", [
    ("活动中心位于戊湖中心区东侧。", "戊湖中心区", "位于戊湖中心区"),
    ("涌现出己城乐器城、庚岭众创空间等创业孵化载体。", "庚岭众创空间", "涌现出己城乐器城"),
    ("丰富辛株潭国家自主创新示范区政策。", "辛株潭国家自主创新示范区", "丰富辛株潭国家自主创新示范区"),
])
def test_a_verb_before_a_name_is_no_part_of_it(sentence, name, wrong):
    ex = run(sentence)
    assert name in ex.entities and wrong not in ex.entities


def test_a_government_before_with_is_no_part_of_its_partners_name():
    ex = run("区政府与辛州中医药大学合作，共建附属医院。")
    assert ("辛州中医药大学", "University") in entities(ex)
    assert "区政府与辛州中医药大学" not in ex.entities


def test_the_partner_a_district_is_brought_to_build_with_owns_the_facility():
    ex = run("积极促成与壬海大学共建丙城智能研究院。")
    assert ("丙城智能研究院", "affiliatedWith", "壬海大学") in relations(ex)
    assert "促成大学" not in ex.entities


def test_two_verbs_joined_by_and_both_end_a_name():
    ex = run("认定并扶持癸城创意保税园、子山设计园等区级文化创意产业园区5家。")
    assert {("癸城创意保税园", "Park"), ("子山设计园", "Park")} <= entities(ex)


# -- an industry the head of a list of parks names ----------------------------------------------------
def test_the_industry_of_a_list_of_parks_after_a_level_word():
    ex = run("认定丑山设计园、寅湖创意园等区级文化创意产业园区8家。")
    assert {("丑山设计园", "inCluster", "文化创意"), ("寅湖创意园", "inCluster", "文化创意")} <= relations(ex)


# -- zones: a short specific name, and the abbreviations of designated zones ------------------------------
def test_a_zone_with_a_two_character_name_is_named():
    ex = run("推动卯合示范区高质量发展。")
    assert ("卯合示范区", "Park") in entities(ex)


def test_a_zone_of_a_generic_word_is_still_no_name():
    assert "体系示范区" not in run("建设现代产业体系示范区。").entities


@pytest.mark.parametrize("name", ["辰河三角洲国家农高区", "巳州国家农综区", "午山综保区", "未岛自贸港", "申方航天港"])
def test_the_abbreviations_of_designated_zones_are_parks(name):
    ex = run(f"高水平建设{name}，布局一批未来产业。")
    assert (name, "Park") in entities(ex)


# -- a name after a place is the name the report writes without it ---------------------------------------
def test_a_park_named_with_and_without_its_city_is_one_entity():
    ex = run("酉方航天港发射卫星20颗。推动戌州酉方航天港融入国家布局，建设戌州综保区。")
    assert "戌州酉方航天港" not in ex.entities
    assert "戌州酉方航天港" in ex.entities["酉方航天港"].aliases


def test_a_level_word_before_a_name_makes_another_entity():
    ex = run("建设亥湖技术创新中心。争创国家亥湖技术创新中心。")
    assert ex.entities.get("亥湖技术创新中心") is not None


@pytest.mark.parametrize("name", ["甲岭新兴产业带", "乙城金融街", "丙山智城", "丁湖智园", "戊岭云谷", "己原农谷"])
def test_a_belt_of_industries_and_a_finance_street_are_parks(name):
    assert (name, "Park") in entities(run(f"加快建设{name}，集聚一批总部企业。"))


def test_a_belt_of_a_kind_is_no_name():
    assert "优势产业带" not in run("打造优势产业带。").entities


def test_a_zone_followed_by_domain_is_the_word_area():
    ex = run("在丙湖白领聚集区域组织开展午间音乐会。")
    assert "丙湖白领聚集区" not in ex.entities


def test_companies_that_came_successfully_are_enterprises():
    ex = run("丁邦证券、戊泽人寿成功落户，己丰银行稳健发展。")
    assert {("丁邦证券", "Enterprise"), ("戊泽人寿", "Enterprise")} <= entities(ex)


def test_a_base_a_district_was_listed_as_is_a_title():
    assert "庚州创新科研实践基地" not in run("我区被列为庚州创新科研实践基地。").entities


def test_regions_in_a_list_of_fields_are_no_industries():
    ex = run("加强与长三角、京津冀在具身智能、低空经济、生物制造等领域合作。")
    assert not {"长三角", "京津冀"} & set(ex.entities)
    assert {("具身智能", "IndustryCluster"), ("低空经济", "IndustryCluster")} <= entities(ex)


def test_the_city_centre_before_an_industry_is_no_part_of_it():
    ex = run("大力发展中心城区金融产业。")
    assert "中心城区金融" not in ex.entities


def test_a_fund_of_an_organisation_is_no_fund():
    assert "国际货币基金" not in run("人民币加入国际货币基金组织特别提款权货币篮子。").entities


def test_the_city_speaking_of_itself_is_no_part_of_a_fund():
    ex = run("设立我市科技成果转化天使基金。")
    assert "科技成果转化天使基金" in ex.entities and "我市科技成果转化天使基金" not in ex.entities


def test_a_list_head_that_qualifies_another_noun_types_no_items():
    ex = run("中心汇集律师、审计、评估等80多个覆盖企业全周期的服务项目。")
    assert not {"律师", "审计", "评估"} & set(ex.entities)


@pytest.mark.parametrize("name, cls", [
    ("甲省碳计量中心", "Platform"), ("乙岭磁悬浮测试中心", "Platform"), ("丙州科技大市场", "Platform"),
    ("丁湾国际创客中心", "Incubator"),
])
def test_centres_of_measurement_and_technology_markets(name, cls):
    assert (name, cls) in entities(run(f"建成{name}，服务企业500家。"))


@pytest.mark.parametrize("sentence, kind", [
    ("推动农商行、村镇银行改革重组。", "村镇银行"),
    ("加快城投公司改革转型。", "城投公司"),
])
def test_kinds_of_company_are_no_names(sentence, kind):
    assert kind not in run(sentence).entities


def test_a_cluster_is_also_known_by_the_name_before_its_tail():
    ex = run("力争机器人和智能装备产业规模突破2000亿元。")
    names = {n for e in ex.entities.values() if e.cls == "IndustryCluster" for n in (e.name, *e.aliases)}
    assert "智能装备" in names


def test_an_employment_platform_is_a_government_service():
    assert "妇女创业就业平台" not in run("搭建服务妇女创业就业平台。").entities


def test_a_quoted_company_name_is_the_companys_alias():
    ex = run("引进“庚翼飞机”公司，主营无人飞行器。")
    assert any("庚翼飞机" in e.aliases or e.name == "庚翼飞机" for e in ex.entities.values() if e.cls == "Enterprise")


def test_who_brought_people_in_is_no_company_brought_in():
    assert "辛大八院" not in run("辛大八院成功引进50余名高层次人才。").entities


def test_kinds_brought_in_are_no_companies():
    ex = run("推动国家级击剑、网球训练基地落户。")
    assert not {"国家级击剑", "网球训练基地"} & set(ex.entities)


def test_a_place_name_with_a_stream_is_not_cut_at_a_verb():
    ex = run("开展沙鱼涌现代渔港经济区等项目用地清理。")
    assert not any(n.startswith("代渔港") for n in ex.entities)


def test_a_system_of_laboratories_is_no_laboratory():
    assert not any("实验室" in n for n in run("“2468”实验室体系全面建成。").entities)


def test_a_title_a_verb_inside_cut_is_still_a_title():
    ex = run("争创国家服务贸易创新发展示范区。")
    assert not any(n.endswith("示范区") for n in ex.entities)


def test_a_zone_built_after_a_title_in_another_clause_is_named():
    ex = run("创建国家生态文明建设示范区，推进壬癸科技园建设。")
    assert ("壬癸科技园", "Park") in entities(ex)
