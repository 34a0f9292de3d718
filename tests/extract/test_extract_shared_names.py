"""Names that share a part: an ending two short names share (资源和龙胜卫生院), a name written with
and without its company's or park's tail (华为, 华为公司), and what only looks like a list (平等,
a list before its verb).  GUIDE.md: "Distributed names", "Labels and aliases".
"""

import pytest

from graph.extract.names import make_name_rules
from graph.extract.pipeline import extract
from graph.model import Report
from graph.text.clean import clean


def run(sentence: str, heading: str = "一、2025年工作回顾"):
    text = clean(f"{heading}\n{sentence}\n")
    return extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)


def names(sentence: str) -> dict[str, str]:
    return {name: e.cls for name, e in run(sentence).entities.items()}


# fmt: off
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("推进资源和龙胜卫生院建设。", {"资源卫生院": "Project", "龙胜卫生院": "Project"}),
        ("皇岗和文锦渡口岸改造。", {"皇岗口岸": "Project", "文锦渡口岸": "Project"}),  # the works on both
        ("华能和双良公司签约。", {"华能": "Enterprise", "双良公司": "Enterprise"}),  # a company without 公司
    ],
)
# fmt: on
def test_two_short_names_joined_by_a_conjunction_share_the_ending(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("南头古城保护与利用项目开工。", "南头古城保护与利用项目"),  # a long first part: one name
        ("设立细胞与基因产业基金。", "细胞与基因产业基金"),          # industries joined: one name
        ("通苏嘉甬高铁和宁淮城际铁路开工。", "宁淮城际铁路"),          # two names, each with its ending
    ],
)
def test_a_conjunction_inside_a_name_or_between_two_full_names_shares_nothing(sentence, name):
    found = names(sentence)
    assert name in found
    assert not any(n.endswith(name[-2:]) and n not in sentence for n in found)  # no constructed name


def test_shared_ending_needs_two_short_specific_parts():
    rules = make_name_rules()
    assert rules.shared_ending("资源和龙胜卫生院") == ("资源", "龙胜")
    assert rules.shared_ending("供销与服务平台") is None      # 服务平台 is a kind
    assert rules.shared_ending("细胞与基因产业基金") is None  # 基因产业 ends with a kind word
    assert rules.shared_ending("南头古城保护与利用项目") is None


def test_a_name_written_with_and_without_its_company_tail_is_one_entity():
    ex = run("引进华为、中兴等企业。华为公司落地。")
    assert "华为" not in ex.entities
    assert ex.entities["华为公司"].cls == "Enterprise"
    assert "华为" in ex.entities["华为公司"].aliases


def test_a_park_written_with_and_without_its_park_tail_is_one_entity():
    ex = run("推进启迪协信、天安云谷等园区建设。启迪协信科技园开园。")
    assert "启迪协信" not in ex.entities
    assert "启迪协信" in ex.entities["启迪协信科技园"].aliases


def test_a_short_form_two_fuller_forms_share_stays_apart():
    ex = run("引进华为、中兴等企业。华为公司落地，华为集团签约。")
    assert {"华为", "华为公司", "华为集团"} <= set(ex.entities)


def test_deng_inside_a_word_ends_no_list():
    assert names("依法平等保护民营企业产权和企业家权益。") == {}


def test_a_list_starts_after_the_verb_inside_it():
    found = names("科学规划、高效率、高质量推进大运中心、大运村、南山体育中心等大运会场馆建设。")
    assert "大运中心" in found and "南山体育中心" in found
    assert not {"高效率", "科学规划"} & set(found)


def test_sectors_in_a_list_of_projects_are_no_companies():
    assert names("储备城市轨道交通、城市标识等重大项目。") == {}
    assert names("推进恩德斯豪斯、华强方特等重大项目。") == {"恩德斯豪斯": "Enterprise", "华强方特": "Enterprise"}


# fmt: off
@pytest.mark.parametrize(
    "sentence, parks",
    [
        ("做强济南、青岛、淄博、济宁4大机器人产业基地。",
         {"济南机器人产业基地", "青岛机器人产业基地", "淄博机器人产业基地", "济宁机器人产业基地"}),
        ("高标准建设龙岗东、中、西三大市级先进制造业园区。",  # a lone direction shares the place before it
         {"龙岗东先进制造业园区", "龙岗中先进制造业园区", "龙岗西先进制造业园区"}),
        ("完成深圳湾、留仙洞两大总部基地建设。", {"深圳湾总部基地", "留仙洞总部基地"}),
    ],
)
# fmt: on
def test_places_listed_before_a_count_of_parks_of_one_kind_are_one_park_each(sentence, parks):
    assert {n for n, c in names(sentence).items() if c == "Park"} == parks


@pytest.mark.parametrize(
    "sentence",
    [
        "设置咨询接待、服务窗口、办公服务三大功能区。",  # a bare park word counts areas
        "推进海上风电、沿海核电、辽西风光、储能四大千万千瓦级清洁能源基地。",  # industries, no places
        "推进济南、青岛、淄博4大机器人产业基地。",  # three places for a count of four: no list of the count
    ],
)
def test_a_counted_kind_after_no_list_of_places_names_no_park(sentence):
    assert not [n for n, c in names(sentence).items() if c == "Park"]


def test_a_place_named_in_a_counted_list_is_no_park_elsewhere_in_the_report():
    found = names("做强济南、青岛、淄博、济宁4大机器人产业基地。青岛港董家口港区集装箱码头投用。")
    assert "青岛" not in found and found.get("青岛机器人产业基地") == "Park"


def test_the_places_a_report_lists_as_its_key_areas_are_parks():
    found = names("推进前海、蛇口、深圳湾、后海、留仙洞、高新北等六大重点片区建设。")
    assert {n for n, c in found.items() if c == "Park"} == {"前海", "蛇口", "深圳湾", "后海", "留仙洞", "高新北"}


def test_a_key_area_named_inside_a_building_places_no_building_in_it():
    ex = run("推进前海、蛇口、深圳湾等六大重点片区建设。前海港湾小学开工。")
    assert not [r for r in ex.relations if r.predicate == "locatedIn"]


@pytest.mark.parametrize(
    "sentence, item",
    [
        ("重点推进平湖金融基地二三期、龙东上井地块等11个整村（片区）统筹。", "龙东上井地块"),  # renewal units
        ("在沙井、松岗、石岩等“打的”难片区投放巴士。", "石岩"),  # areas of a problem, no key areas
    ],
)
def test_items_of_a_plain_area_word_are_no_parks(sentence, item):
    assert item not in names(sentence)


def test_a_two_character_item_ending_as_a_port_shares_the_park_ending_of_the_list():
    found = names("加快湘琼、粤琼、浙琼、琼港、深儋合作产业园建设。")
    assert {n for n, c in found.items() if c == "Park"} == {
        "湘琼合作产业园", "粤琼合作产业园", "浙琼合作产业园", "琼港合作产业园", "深儋合作产业园"}


@pytest.mark.parametrize(
    "sentence, park",
    [
        ("文昌国际航天城卫星超级工厂投产。", "文昌国际航天城"),
        ("加快建设海口永兴教育城。", "海口永兴教育城"),
        ("高水平规划建设深圳建筑产业生态智谷。", "深圳建筑产业生态智谷"),
    ],
)
def test_a_space_town_an_education_town_and_a_smart_valley_are_parks(sentence, park):
    assert names(sentence).get(park) == "Park"


def test_a_town_ending_before_xiang_is_the_word_for_town_and_country():
    assert "义务教育城" not in names("推进义务教育城乡一体化。")
