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
