"""Names of reports nobody tuned to (issue 15, stop 22): funds named as guidance funds, titles given
under a level word, names inside an event's name and lists that only look headed by universities.

Each rule has a case it must find or turn down and a false friend it must leave as it is.  The
sentences are made up from the wording of many reports: no lexicon lists the names.
"""

import pytest

from extract_helpers import entities, run


@pytest.mark.parametrize("sentence, fund", [
    ("设立南湖天使投资引导基金，撬动社会资本。", "南湖天使投资引导基金"),
    ("参与组建长江中游创业投资引导基金。", "长江中游创业投资引导基金"),
])
def test_a_guidance_fund_with_a_name_is_a_fund(sentence, fund):
    assert (fund, "Fund") in entities(run(sentence))


@pytest.mark.parametrize("sentence", ["用好政府引导基金。", "发挥产业引导基金作用。"])
def test_a_guidance_fund_of_kind_words_only_is_no_fund(sentence):
    assert not any(cls == "Fund" for _, cls in entities(run(sentence)))


@pytest.mark.parametrize("sentence", [
    "成功创建省级无邪教示范区。",
    "获评国家级生态文明建设示范区。",
])
def test_a_title_given_under_a_level_word_is_no_park(sentence):
    assert not any(cls == "Park" for _, cls in entities(run(sentence)))


def test_a_zone_built_under_a_level_word_is_still_a_park():
    assert ("白鹭湾综合改革示范区", "Park") in entities(run("建设省级白鹭湾综合改革示范区。"))


@pytest.mark.parametrize("sentence", [
    "高标准承办白鹭湾国际低碳城论坛等重要国际会议。",
    "举办青溪人工智能创新中心峰会。",
    "办好白鹭湾科学城博览会。",
])
def test_a_name_inside_an_event_is_no_entity_of_its_own(sentence):
    assert not any(cls in ("Park", "Alliance", "Platform") for _, cls in entities(run(sentence)))


def test_the_same_name_outside_the_event_is_still_a_park():
    assert ("白鹭湾国际低碳城", "Park") in entities(run("推进白鹭湾国际低碳城建设。"))


@pytest.mark.parametrize("sentence", [
    "热忱欢迎在本省就读的校友、全省广大高校师生返乡创业。",
    "省实验室、省技术创新中心均与高校建立深度合作关系。",
    "坚持从重构创新政策、重塑创新平台两个方面统筹发力。",
])
def test_a_plain_head_without_a_count_marks_no_list_of_names(sentence):
    assert not any(cls in ("University", "Platform") for _, cls in entities(run(sentence)))


def test_a_counted_university_head_still_types_its_list():
    found = entities(run("引进青溪理工、白鹭师范两所高校。"))
    assert {("青溪理工", "University"), ("白鹭师范", "University")} <= found


@pytest.mark.parametrize("sentence, name", [
    ("挂牌青溪大学南湖研究院。", "青溪大学南湖研究院"),
    ("出席南湖科学城建设推进会。", "南湖科学城"),
    ("力促青溪新能源汽车产业园建设。", "青溪新能源汽车产业园"),
])
def test_a_verb_before_a_name_is_not_part_of_it(sentence, name):
    names = {n for n, _ in entities(run(sentence))}
    assert name in names
    assert not any(n.startswith(("挂牌", "出席", "力促")) for n in names)
