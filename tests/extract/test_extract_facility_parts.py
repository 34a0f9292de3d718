"""A named facility's new building, school campus, hospital branch or group of museums and parks is the
project, not the facility it belongs to (graph/extract/families.tsv: 新馆, 校区 of a school, 分院 of a
hospital, 博物馆群, 公园群); a project's name holds 城市更新 inside (patterns.PROJECT_INNER_NOUNS);
…能源生态园 is a plant a district builds.

The sentences are written like the corpus's district reports; the names are ones no lexicon lists.
"""

import pytest

from extract_helpers import run


def milestones(ex) -> set[tuple[str, str]]:
    return {(m.project, m.stage) for m in ex.milestones}


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, facility, stage",
    [
        ("积极推进区科学馆新馆、文体中心建设。", "区科学馆新馆", "区科学馆", "UnderConstruction"),
        ("开工建设市图书馆新馆。", "市图书馆新馆", "市图书馆", "Started"),
        ("荔香中学北校区建成开学。", "荔香中学北校区", "荔香中学", "Completed"),
        ("福苑小学、沙头外国语学校国际部永久校区建成投入使用。", "沙头外国语学校国际部永久校区",
         "沙头外国语学校国际部", "Completed"),
        ("加快南岭博物馆群建设。", "南岭博物馆群", "南岭博物馆", "UnderConstruction"),
        ("加快市中医院光明分院建设。", "市中医院光明分院", "市中医院", "UnderConstruction"),
        ("完成市人民医院坪山分院改扩建。", "市人民医院坪山分院", "市人民医院", "Completed"),
        ("“梧桐山”山体公园群、区体育中心建成开放。", "梧桐山山体公园群", "梧桐山山体公园", "Completed"),
        ("建成开放南岭美术馆新馆。", "南岭美术馆新馆", "南岭美术馆", "Completed"),
    ],
)
# fmt: on
def test_the_part_or_group_of_a_facility_with_a_stage_is_the_project(sentence, name, facility, stage):
    ex = run(sentence)
    assert name in ex.entities and ex.entities[name].cls == "Project", sorted(ex.entities)
    assert (name, stage) in milestones(ex)
    assert facility not in ex.entities


def test_a_universitys_named_campus_is_a_university_of_the_university():
    # GUIDE.md: University is "a university, college or their named campus"; the campus is affiliatedWith
    # the university (a school's campus is its works, above)
    ex = run("中山大学深圳校区建成使用。")
    assert ex.entities["中山大学深圳校区"].cls == "University"
    assert ex.entities["中山大学"].cls == "University"
    assert ("中山大学深圳校区", "affiliatedWith", "中山大学") in {(r.subject, r.predicate, r.object) for r in ex.relations}


def test_a_campus_named_by_its_kind_is_the_universitys_works():
    # 永久校区, 新校区 name no campus by its place: the works being built, the university's
    ex = run("加快推进丙丁大学永久校区建设。")
    assert ex.entities["丙丁大学永久校区"].cls == "Project"
    assert ("丙丁大学永久校区", "affiliatedWith", "丙丁大学") in {(r.subject, r.predicate, r.object) for r in ex.relations}


@pytest.mark.parametrize("sentence, not_a_name", [("推进新校区建设。", "新校区"), ("加快公园群建设。", "公园群")])
def test_a_part_word_alone_names_no_project(sentence, not_a_name):
    assert not_a_name not in run(sentence).entities


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, stage",
    [
        ("开工建设桂湾城市更新配套学校。", "桂湾城市更新配套学校", "Started"),
        ("加快上沙城市更新单元养老项目建设。", "上沙城市更新单元养老项目", "UnderConstruction"),
    ],
)
# fmt: on
def test_a_project_name_runs_over_urban_renewal_inside_it(sentence, name, stage):
    # 更新 is a verb that ends a name on its left; in 城市更新 inside a project's name it is a noun
    ex = run(sentence)
    assert name in ex.entities and ex.entities[name].cls == "Project", sorted(ex.entities)
    assert (name, stage) in milestones(ex)


def test_urban_renewal_before_a_kind_opens_no_project():
    assert not run("推进城市更新配套学校建设。").entities


def test_urban_renewal_as_an_item_of_its_own_before_a_conjunction_is_no_part_of_a_name():
    ex = run("加快推进金地工业区等城市更新和土地整备项目。")
    assert not any("城市更新" in name for name in ex.entities), sorted(ex.entities)


def test_urban_renewal_inside_runs_over_only_to_a_project_ending():
    ex = run("推进上沙城市更新研究中心建设。")  # 研究中心 names no project: the name stays cut at 更新
    assert not any("城市更新" in name for name in ex.entities), sorted(ex.entities)


def test_an_energy_eco_park_with_a_stage_is_a_project():
    # …能源生态园 is a waste-to-energy plant a district builds (families.tsv, a stage needed)
    ex = run("开工建设坪山能源生态园。")
    assert ex.entities["坪山能源生态园"].cls == "Project"
    assert ("坪山能源生态园", "Started") in milestones(ex)


def test_an_energy_eco_park_without_a_stage_is_no_project():
    assert "坪山能源生态园" not in run("坪山能源生态园获评省级科普基地。").entities
