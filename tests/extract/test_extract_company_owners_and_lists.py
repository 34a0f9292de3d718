"""Organisations: who owns a works, a platform or a campus by the name at its start (GUIDE.md,
``affiliatedWith``), what names a university (…应用科学大学, not a ranking), and which items of a
list are companies (GUIDE.md, ``Enterprise``).

The sentences are written like the corpus's reports; the names are made up, no lexicon lists them.
"""

import pytest

from extract_helpers import entities, relations, run


@pytest.mark.parametrize("sentence, university", [
    ("丙丁应用科学大学成为全国首个境外高校独立办学机构。", "丙丁应用科学大学"),
    ("设立戊己应用技术学院。", "戊己应用技术学院"),
])
def test_an_applied_sciences_university_is_named_in_full(sentence, university):
    # 应用 is a verb that starts a name elsewhere (应用…技术); inside the ending it is part of the name
    assert (university, "University") in entities(run(sentence))


@pytest.mark.parametrize("sentence", [
    "甲乙大学进入软科中国大学排名百强。",
    "甲乙大学首次跻身软科世界大学学术排名。",
])
def test_a_ranking_of_universities_names_no_university(sentence):
    ex = run(sentence)
    assert {name for name, cls in entities(ex) if cls == "University"} == {"甲乙大学"}, sorted(ex.entities)


@pytest.mark.parametrize("sentence, works, company", [
    ("柔宇科技生产线实现试运行。", "柔宇科技生产线", "柔宇科技"),
    ("甲乙石化一期稳产达产。", "甲乙石化一期", "甲乙石化"),
    ("推进丙丁能源燃机总装基地建设。", "丙丁能源燃机总装基地", "丙丁能源"),
])
def test_a_company_at_the_start_of_its_works_owns_them(sentence, works, company):
    # GUIDE.md, affiliatedWith: "the owner's name at the start of the name"; a company's ending (科技, 石化,
    # 能源) ends the owner's name, a works word (生产线, 一期, 基地) the works'
    ex = run(sentence)
    assert (company, "Enterprise") in entities(ex), sorted(ex.entities)
    assert (works, "affiliatedWith", company) in relations(ex)


@pytest.mark.parametrize("works", [
    "数字科技生产线", "龙岗智能制造基地", "深圳新能源汽车产业基地", "甲乙科技成果转化基地", "甲乙科技中心项目",
    "景田北医疗项目", "首条半导体芯片模组生产线",
])
def test_a_fields_works_names_no_company(works):
    # a kind or field before the ending (数字科技), an ending that begins an industry (智能制造) or a word of
    # the works' own name (科技成果, 科技中心), a field's project (医疗项目), a count (首条): no company
    from graph.extract.names import make_name_rules
    assert make_name_rules().works_owner(works) is None


def test_a_works_opening_with_a_place_of_the_report_names_no_company():
    ex = run("宝安区加快发展，推进宝安电子生产线建设。")
    assert "宝安电子" not in ex.entities, sorted(ex.entities)
