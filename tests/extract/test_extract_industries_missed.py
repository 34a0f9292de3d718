"""Industry clusters the finder used to miss (issue 15): lists whose 等 is followed by the items'
development, an industry coordinated with one the prose cues, and common sector names the vocabulary
lacked.  Each rule has a false friend beside it: a sentence of the same shape that names no industry."""

from __future__ import annotations

import pytest

from industry_helpers import clusters

from graph.extract.vocabulary import load_vocabulary


# ---------------------------------------------------------------- A、B等 + 发展: the items develop


@pytest.mark.parametrize("text, expected", [
    ("引导规范网络游戏、网络视听、电子竞技等健康发展。", {"网络游戏", "网络视听", "电子竞技"}),
    ("完善风能、太阳能、生物质能等发展扶持政策。", {"风能", "太阳能", "生物质能"}),
])
def test_list_followed_by_its_development_makes_its_items_industries(nlp, text, expected):
    assert expected <= set(clusters(nlp, text))


def test_list_of_undertakings_followed_by_development_names_no_industry(nlp):
    # false friend: 等事业发展 and 等协调发展 develop undertakings and places, not industries
    assert clusters(nlp, "推进教育、卫生、养老等事业发展。") == {}
    assert clusters(nlp, "推动城乡、区域等协调发展。") == {}


# ---------------------------------------------------------------- A和B + cue: both are industries


@pytest.mark.parametrize("text, first", [
    ("支持创新药和医疗器械发展。", "创新药"),
    ("推动集成电路与人工智能产业发展。", "集成电路"),
])
def test_industry_coordinated_with_a_cued_industry_is_one_too(nlp, text, first):
    assert first in clusters(nlp, text)


def test_coordinated_terms_without_a_cue_are_no_industries(nlp):
    # false friend: 消费 and 风险 after the pair say what is bought or feared, no industry developed
    assert clusters(nlp, "扩大汽车和家电消费。") == {}
    assert clusters(nlp, "防范金融和房地产领域风险。") == {}


# ---------------------------------------------------------------- sector names the vocabulary lacked


@pytest.mark.parametrize("label, broader", [
    ("水泥", "建材"), ("焦化", "原材料工业"), ("绿色建筑", "建筑业"), ("网络文学", "数字文化创意"),
])
def test_common_sector_names_are_vocabulary_concepts_under_their_sector(label, broader):
    vocab = load_vocabulary()
    concept = vocab.concept_of(label)
    assert concept is not None and concept.label == label
    assert broader in [vocab.concepts[a].label for a in vocab.ancestors(concept.slug)]


def test_sector_name_with_its_tail_is_found(nlp):
    assert set(clusters(nlp, "大力发展水泥、焦化行业。").values()) == {"水泥", "焦化"}
    assert "绿色建筑" in clusters(nlp, "大力发展绿色建筑。")


def test_sector_name_as_a_product_supplied_is_no_industry(nlp):
    # false friend: 水泥 supplied to projects is a material, not an industry the report develops
    assert clusters(nlp, "保障重大项目水泥供给。") == {}


# ---------------------------------------------------------------- sector names of several reports (stop 27)


@pytest.mark.parametrize("text, expected", [
    ("大力发展设施农业，推动乡村振兴。", "设施农业"),
    ("发展现代设施农业和智慧农业，巩固提升粮食产能。", "智慧农业"),
    ("力争高端化工营收占比达到60%。", "高端化工"),
    ("加力推动电子化学品产业发展。", "电子化学品"),
    ("规范发展互联网金融。", "互联网金融"),
    ("引导数据产业、数据标注产业等有序发展。", "数据标注"),
])
def test_sector_names_official_prose_develops_are_industries(nlp, text, expected):
    assert expected in clusters(nlp, text).values()


def test_label_ending_in_a_sector_word_needs_a_cue_of_its_own(nlp):
    # false friend: the 业 of 智慧农业 is 农业's, no tail: a technology to research is no industry
    assert clusters(nlp, "加快智慧农业等关键核心技术攻关。") == {}


def test_application_scenes_of_a_term_name_no_industry(nlp):
    assert clusters(nlp, "培育智慧农业场景100个。") == {}


def test_development_verb_before_a_quoted_brand_cues_the_industry_after_it(nlp):
    assert "休闲农业" in clusters(nlp, "打造“苏韵乡情”休闲农业，开发乡产、乡食。").values()


# ---------------------------------------------------------------- A、B等新兴业态: a weak head


def test_list_of_industries_ending_in_new_business_forms_makes_its_items_industries(nlp):
    found = clusters(nlp, "积极发展风险投资、财富管理、商业保理、融资租赁、互联网金融等新兴金融业态。")
    assert {"财富管理", "融资租赁", "互联网金融", "商业保理"} <= set(found)


def test_list_of_activities_ending_in_new_business_forms_names_no_industry(nlp):
    # false friend: 业态 is a weak head, most items must be industries the vocabulary knows
    assert clusters(nlp, "积极发展直供直销、社区团购、冷链配送等新业态。") == {}


# ---------------------------------------------------------------- 以A、B为重点的…产业: the focus of a sector


@pytest.mark.parametrize("text, expected", [
    ("规划建设航空产业城，以航空航天为重点的高端装备制造产业加快发展。", {"航空航天"}),
    ("建设以会计审计、法律服务、保险经纪、专利服务、建筑设计等为重点的专业服务核心圈。",
     {"会计审计", "法律服务", "保险经纪", "专利服务", "建筑设计"}),
])
def test_focus_of_a_sector_names_industries(nlp, text, expected):
    assert expected <= set(clusters(nlp, text))


def test_focus_of_a_system_that_is_no_sector_names_no_industry(nlp):
    # false friend: the same frame before 体系 of no industry, or with items the vocabulary does not know
    assert clusters(nlp, "构建以国家公园为主体的自然保护地体系。") == {}
    assert clusters(nlp, "完善以信用担保为重点的服务体系。") == {}


def test_industries_whose_emissions_are_cut_are_industries(nlp):
    # 等重点行业超低排放改造 counts the sectors a report upgrades, as gold annotates them
    assert {"钢铁", "水泥"} <= set(clusters(nlp, "加快钢铁、水泥等重点行业超低排放改造。"))


def test_place_before_a_level_word_is_no_part_of_a_clusters_name(nlp):
    found = clusters(nlp, "龙岗世界级电子信息产业集群承载区初步形成。")
    assert "电子信息" in found.values() and "龙岗世界级电子信息" not in found.values()
