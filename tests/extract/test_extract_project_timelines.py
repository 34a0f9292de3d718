"""Project names that a district's reports of several years write (issue 17): the greenways a list
names after its rivers, a length of a kind of works, a district's own facilities listed with a bare
word among them, a sports centre.  The names are made up: no lexicon lists them."""

import pytest

from graph.extract.pipeline import extract
from graph.model import Report
from graph.text.clean import clean


def run(sentence: str, heading: str = "二、2026年工作安排"):
    text = clean(f"{heading}\n{sentence}\n")
    return extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)


def projects(ex) -> set[str]:
    return {name for name, e in ex.entities.items() if e.cls == "Project"}


def milestones(ex) -> set[tuple[str, str]]:
    return {(m.project, m.stage) for m in ex.milestones}


@pytest.mark.parametrize("sentence, names", [
    ("提速白沙河、青溪水等5条碧道建设。", {"白沙河碧道", "青溪水碧道"}),
    ("实施白沙河干流等9个碧道项目。", {"白沙河干流碧道"}),
    ("高质量完成东湾红树、青溪河等18公里碧道建设。", {"东湾红树碧道", "青溪河碧道"}),
])
def test_the_greenways_a_list_names_after_their_rivers_are_each_a_greenway(sentence, names):
    ex = run(sentence)
    assert names <= projects(ex)
    assert not any(n.endswith("河河") or "公里" in n for n in projects(ex))
    assert {n for n, _ in milestones(ex)} >= names


def test_a_greenway_named_in_a_list_without_a_count_composes_nothing():
    ex = run("建设松岭老街空中走廊、白沙河碧道。")
    assert "松岭老街空中走廊碧道" not in projects(ex)
    assert "白沙河碧道" in projects(ex)


def test_a_length_of_a_kind_of_works_is_no_name():
    assert not any("公里" in n for n in projects(run("新建24公里碧道，建成环湖碧道。")))


def test_a_bare_word_in_a_list_of_the_districts_own_facilities_is_passed_over():
    ex = run("开工建设区大剧院、群艺馆、图书馆、科技馆、松岭文化艺术中心等场馆。")
    assert {"区图书馆", "区科技馆"} <= projects(ex)  # the district's (resolution writes 青溪区图书馆)
    assert ("区图书馆", "Started") in milestones(ex)


def test_a_sports_centre_with_a_construction_stage_is_a_project():
    ex = run("推动建设滨海帆船运动中心。")
    assert ("滨海帆船运动中心", "UnderConstruction") in milestones(ex)
