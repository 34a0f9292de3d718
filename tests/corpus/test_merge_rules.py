"""The merge rules of entity resolution across reports (graph/corpus/merges.py), on hand-made name sets."""

from __future__ import annotations

import pytest

from graph.corpus.merges import (
    ENDINGS_PATH,
    KINDS_PATH,
    MODIFIERS_PATH,
    EndingError,
    KindError,
    ModifierError,
    kind_form,
    load_endings,
    load_kinds,
    load_modifiers,
    load_opening_modifiers,
    project_stem,
    without_modifier,
)
from graph.corpus.resolve import resolve
from graph.model import Entity, Extraction, Mention, Report


def extraction(slug: str, year: str, jurisdiction: str, entities: dict[str, str]) -> Extraction:
    """An extraction of a report of ``jurisdiction`` naming ``entities`` (name -> class) once each."""
    ents = {name: Entity(name, cls, mentions=[Mention(name, 0, len(name), cls, "suffix", i, name)])
            for i, (name, cls) in enumerate(entities.items())}
    return Extraction(Report(slug=slug, text="", year=year, jurisdiction=jurisdiction, level="district"),
                      [], ents, [], [])


def merges(*extractions: Extraction) -> dict[str, tuple[str, str]]:
    """Name -> (the name it became, the rule), over all reports."""
    return {d.name: (d.target, d.rule) for d in resolve(list(extractions)).decisions if d.action == "merged"}


def test_a_name_with_and_without_a_project_word_in_one_district_is_one_project():
    a = extraction("d-2023", "2023", "大鹏新区", {"人大附中深圳学校高中部扩建": "Project"})
    b = extraction("d-2025", "2025", "大鹏新区", {"人大附中深圳学校高中部扩建项目": "Project"})
    assert merges(a, b) == {"人大附中深圳学校高中部扩建项目": ("人大附中深圳学校高中部扩建", "project-word")}


def test_two_project_words_on_one_stem_no_report_writes_alone_keep_the_first_name():
    a = extraction("l-2021", "2021", "龙华区", {"观澜古墟保护性开发工程": "Project"})
    b = extraction("l-2022", "2022", "龙华区", {"观澜古墟保护性开发项目": "Project"})
    assert merges(a, b) == {"观澜古墟保护性开发项目": ("观澜古墟保护性开发工程", "project-word")}


def test_a_project_word_before_a_bracketed_qualifier_and_a_name_in_preparation_count_too():
    a = extraction("d-2022", "2022", "大鹏新区", {"南澳码头（口岸）": "Project", "深圳海洋大学": "University"})
    b = extraction("d-2024", "2024", "大鹏新区", {"南澳码头工程（口岸）": "Project", "深圳海洋大学（筹）": "University"})
    assert merges(a, b) == {"南澳码头工程（口岸）": ("南澳码头（口岸）", "project-word"),
                            "深圳海洋大学（筹）": ("深圳海洋大学", "project-word")}


def test_a_project_word_joins_nothing_across_jurisdictions():
    a = extraction("l-2021", "2021", "龙华区", {"龙澜大道北延": "Project"})
    b = extraction("f-2021", "2021", "福田区", {"龙澜大道北延段": "Project"})
    assert merges(a, b) == {}


def test_a_project_word_after_a_generic_name_joins_nothing():
    a = extraction("l-2021", "2021", "龙华区", {"城市更新": "Project"})
    b = extraction("l-2022", "2022", "龙华区", {"城市更新项目": "Project"})
    assert merges(a, b) == {}


def test_a_project_word_joins_only_names_of_one_class():
    a = extraction("l-2021", "2021", "龙华区", {"九龙山产业园": "Park"})
    b = extraction("l-2022", "2022", "龙华区", {"九龙山产业园项目": "Project"})
    assert merges(a, b) == {}


def test_the_hospital_of_a_district_is_that_districts_so_two_districts_keep_two():
    a = extraction("f-2021", "2021", "福田区", {"区人民医院": "Project"})
    b = extraction("l-2021", "2021", "龙华区", {"区人民医院": "Project"})
    res = resolve([a, b])
    assert sorted((d.name, d.target, d.rule, d.reports) for d in res.decisions if d.action == "merged") == [
        ("区人民医院", "福田区人民医院", "jurisdiction", ("f-2021",)),
        ("区人民医院", "龙华区人民医院", "jurisdiction", ("l-2021",)),
    ]
    assert sorted(n for ex in res.extractions for n in ex.entities) == ["福田区人民医院", "龙华区人民医院"]


def test_a_name_typed_the_same_way_in_two_districts_is_one_entity():
    a = extraction("f-2021", "2021", "福田区", {"深圳湾实验室": "ResearchInstitute"})
    b = extraction("l-2021", "2021", "龙华区", {"深圳湾实验室": "ResearchInstitute"})
    res = resolve([a, b])
    assert {n for ex in res.extractions for n in ex.entities} == {"深圳湾实验室"}


def test_project_stem_strips_the_longest_project_word_and_leaves_two_characters_at_least():
    endings = load_endings()
    assert project_stem("坝光水厂建设项目", endings) == "坝光水厂"
    assert project_stem("深惠城际线", endings) == "深惠城际"
    assert project_stem("工程", endings) is None and project_stem("深圳湾实验室", endings) is None


def test_a_project_word_that_needs_a_word_before_it_strips_only_after_that_word():
    endings = load_endings()
    assert project_stem("穗莞深城际铁路", endings) == "穗莞深城际" and project_stem("机荷高速公路", endings) == "机荷高速"
    assert project_stem("深港机场铁路", endings) is None and project_stem("雅下水电铁路", endings) is None


def test_every_project_word_has_an_example_pair_that_it_joins():
    lines = [line.split("\t") for line in ENDINGS_PATH.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    endings = load_endings()
    assert sorted(w for w, _, _ in lines) == sorted(e.word for e in endings)
    for word, _, example in lines:
        short, long = example.split(" / ")
        assert long.endswith(word) or short.endswith(word), (word, example)
        assert project_stem(long, endings) in (short, project_stem(short, endings)), (word, example)


@pytest.mark.parametrize("content", ["项目\t例子\n", "项 目\t-\t例子\n", "\t-\t例子\n", "项目\t\t例子\n"])
def test_a_malformed_endings_file_names_its_line(tmp_path, content):
    path = tmp_path / "endings.tsv"
    path.write_text("# comment\n" + content, encoding="utf-8")
    with pytest.raises(EndingError, match=r"endings.tsv:2:"):
        load_endings(path)


def test_a_short_form_takes_the_longer_name_of_its_jurisdiction():
    a = extraction("d-2023", "2023", "大鹏新区", {"大鹏海洋生物产业园三期": "Project"})
    b = extraction("d-2025", "2025", "大鹏新区", {"海洋生物产业园三期": "Project"})
    assert merges(a, b) == {"海洋生物产业园三期": ("大鹏海洋生物产业园三期", "short-form")}


def test_a_short_form_of_a_chain_of_longer_names_each_ending_the_next_is_one_entity():
    # 亲自部署河套… is 河套… with words taken along: the two longer names are one chain, not two things
    a = extraction("f-2019", "2019", "福田区", {"深港科技创新合作区": "Park"})
    b = extraction("f-2020", "2020", "福田区", {"深港科技创新合作区": "Park"})
    c = extraction("f-2022", "2022", "福田区", {"河套深港科技创新合作区": "Park"})
    d = extraction("f-2023", "2023", "福田区", {"河套深港科技创新合作区": "Park", "亲自部署河套深港科技创新合作区": "Park"})
    done = merges(a, b, c, d)
    assert done["深港科技创新合作区"] == ("河套深港科技创新合作区", "short-form")
    assert done["亲自部署河套深港科技创新合作区"] == ("河套深港科技创新合作区", "short-form")


def test_a_short_form_that_ends_two_longer_names_side_by_side_joins_neither():
    # 西涌星空公园 and 大鹏半岛星空公园 end 星空公园 and neither ends the other: which one is meant is unclear
    a = extraction("d-2022", "2022", "大鹏新区", {"西涌星空公园": "Project", "大鹏半岛星空公园": "Project"})
    b = extraction("d-2023", "2023", "大鹏新区", {"星空公园": "Project"})
    assert merges(a, b) == {}


def test_a_longer_name_fewer_reports_write_is_the_short_one_with_words_taken_along():
    reports = [extraction(f"c-{y}", str(y), "深圳市", {"前海深港现代服务业合作区": "Park"}) for y in (2011, 2012)]
    odd = extraction("c-2010", "2010", "深圳市", {"坪山新区和前海深港现代服务业合作区": "Park"})
    assert merges(odd, *reports) == {"坪山新区和前海深港现代服务业合作区": ("前海深港现代服务业合作区", "short-form")}


def test_works_that_already_say_their_works_are_the_same_with_a_trailing_gaizao():
    endings = load_endings()
    assert project_stem("盐坝高速市政化改造", endings) == "盐坝高速市政化"
    assert project_stem("侨城东路北延改造", endings) == "侨城东路北延"
    assert project_stem("平湖生态园改造", endings) is None  # works on a park, not the park


def test_a_name_and_the_same_name_with_a_modifier_word_in_one_district_are_one_and_the_fuller_is_kept():
    a = extraction("d-2021", "2021", "大鹏新区", {"坝光孵化器": "Incubator", "新洲红树碧道": "Project"})
    b = extraction("d-2025", "2025", "大鹏新区", {"坝光产业孵化器": "Incubator", "新洲红树都市碧道": "Project"})
    assert merges(a, b) == {"坝光孵化器": ("坝光产业孵化器", "modifier-word"),
                            "新洲红树碧道": ("新洲红树都市碧道", "modifier-word")}


def test_two_fuller_names_of_one_name_are_that_name():
    a = extraction("c-2019", "2019", "深圳市", {"黄木岗枢纽": "Project"})
    b = extraction("c-2020", "2020", "深圳市", {"黄木岗交通枢纽": "Project"})
    c = extraction("c-2021", "2021", "深圳市", {"黄木岗综合枢纽": "Project"})
    assert merges(a, b, c) == {"黄木岗交通枢纽": ("黄木岗枢纽", "modifier-word"),
                               "黄木岗综合枢纽": ("黄木岗枢纽", "modifier-word")}


@pytest.mark.parametrize(
    "short, long, classes",
    [
        ("香港大学", "香港城市大学", ("University", "University")),  # a university's name is its own
        ("码隆科技", "码隆国际科技", ("Enterprise", "Enterprise")),  # and so is a company's
        ("民法公园", "民法主题公园", ("Project", "Park")),  # two classes
        ("创新中心", "创新产业中心", ("Platform", "Platform")),  # the shorter is a kind, no name
    ],
)
def test_a_modifier_word_joins_no_university_company_other_class_or_kind(short, long, classes):
    a = extraction("l-2021", "2021", "龙华区", {short: classes[0]})
    b = extraction("l-2022", "2022", "龙华区", {long: classes[1]})
    assert merges(a, b) == {}


def test_a_modifier_word_joins_nothing_across_jurisdictions():
    a = extraction("l-2021", "2021", "龙华区", {"民法公园": "Project"})
    b = extraction("f-2021", "2021", "福田区", {"民法主题公园": "Project"})
    assert merges(a, b) == {}


def test_a_modifier_word_at_the_start_or_end_of_a_name_is_no_modifier():
    assert without_modifier("国际民法公园", load_modifiers()) == set()
    assert without_modifier("梅观创新走廊产业", load_modifiers()) == set()
    assert without_modifier("梅观产业创新产业走廊", load_modifiers()) == {"梅观创新产业走廊", "梅观产业创新走廊"}


def test_every_modifier_word_has_an_example_pair_that_it_joins():
    lines = [line.split("\t") for line in MODIFIERS_PATH.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    modifiers, opening = load_modifiers(), load_opening_modifiers()
    assert sorted(w for w, _ in lines) == sorted(modifiers + opening)
    for word, example in lines:
        short, long = example.split(" / ")
        assert short in without_modifier(long, modifiers) or word in opening and long == word + short, (word, example)
        a = extraction("d-2021", "2021", "大鹏新区", {short: "Project"})
        b = extraction("d-2022", "2022", "大鹏新区", {long: "Project"})
        assert merges(a, b) == {short: (long, "modifier-word")}, (word, example)


@pytest.mark.parametrize("content", ["产业\n", "产 业\t坝光孵化器 / 坝光产业孵化器\n", "产业\t坝光孵化器\n"])
def test_a_malformed_modifiers_file_names_its_line(tmp_path, content):
    path = tmp_path / "modifiers.tsv"
    path.write_text("# comment\n" + content, encoding="utf-8")
    with pytest.raises(ModifierError, match=r"modifiers.tsv:2:"):
        load_modifiers(path)


def test_a_level_word_before_a_short_form_is_the_same_thing_as_the_other_longer_name():
    # 市海洋博物馆 in a district's report is the city's 海洋博物馆, which another report calls 深圳海洋博物馆
    a = extraction("d-2021", "2021", "大鹏新区", {"市海洋博物馆": "Project", "深圳海洋博物馆": "Project"})
    b = extraction("d-2023", "2023", "大鹏新区", {"海洋博物馆": "Project"})
    c = extraction("d-2024", "2024", "大鹏新区", {"海洋博物馆": "Project"})
    assert merges(a, b, c) == {"市海洋博物馆": ("海洋博物馆", "short-form"),
                               "深圳海洋博物馆": ("海洋博物馆", "short-form")}


def test_a_new_building_named_with_xin_is_the_facilitys_project():
    # 新皇岗口岸: the port rebuilt; 新 inside a name (创新) is no modifier
    a = extraction("d-2021", "2021", "福田区", {"北湾口岸": "Project"})
    b = extraction("d-2022", "2022", "福田区", {"新北湾口岸": "Project"})
    assert merges(a, b) == {"北湾口岸": ("新北湾口岸", "modifier-word")}
    assert without_modifier("梅观创新走廊", load_modifiers()) == set()


def test_a_line_written_with_another_railway_word_in_one_district_is_one_line():
    a = extraction("d-2021", "2021", "青溪区", {"松江铁路": "Project", "青海客专": "Project", "松江铁路北段": "Project"})
    b = extraction("d-2022", "2022", "青溪区", {"松江高铁": "Project", "青海铁路": "Project", "松江高铁北段": "Project"})
    # the name with the kind's own word (高铁) is kept; where no report writes it, the first in code-point order
    assert merges(a, b) == {"松江铁路": ("松江高铁", "kind-word"), "青海铁路": ("青海客专", "kind-word"),
                            "松江铁路北段": ("松江高铁北段", "kind-word")}


def test_a_railway_word_joins_nothing_across_districts_other_classes_or_other_things_after_it():
    assert merges(extraction("d-2021", "2021", "青溪区", {"松江铁路": "Project"}),
                  extraction("f-2021", "2021", "白沙区", {"松江高铁": "Project"})) == {}
    assert merges(extraction("d-2021", "2021", "青溪区", {"松江铁路公园": "Project", "松江高铁公园": "Park"})) == {}
    assert kind_form("松江铁路货场", load_kinds()) is None and kind_form("铁路", load_kinds()) is None


def test_every_kind_word_has_an_example_pair_that_it_joins():
    lines = [line.split("\t") for line in KINDS_PATH.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    kinds = load_kinds()
    assert sorted(w for w, _, _ in lines) == sorted(w for w, _ in kinds)
    for word, _, example in lines:
        one, other = example.split(" / ")
        assert word in one + other and kind_form(one, kinds) == kind_form(other, kinds) is not None, (word, example)


@pytest.mark.parametrize("content", ["高铁\t高铁\n", "\t高铁\t甲 / 乙\n", "铁路\t高铁\t甲 / 乙\n"])
def test_a_malformed_kinds_file_names_its_line(tmp_path, content):
    path = tmp_path / "kinds.tsv"
    path.write_text("# comment\n" + content, encoding="utf-8")
    with pytest.raises(KindError, match=r"kinds.tsv:2:"):
        load_kinds(path)
