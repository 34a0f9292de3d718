"""The company or university at the start of a platform's, institute's or project's name (issue 15;
GUIDE.md, "Nested names" and ``affiliatedWith``): an owner the report names only inside the longer name.

The rule has a case it must find and false friends it must leave alone.  The names are made up: no
lexicon lists them.
"""

import pytest

from extract_helpers import entities, relations, run

from graph.extract.names import make_name_rules


@pytest.fixture(scope="module")
def rules():
    return make_name_rules()


def test_a_university_campus_in_brackets_is_affiliated_with_the_university():
    ex = run("推动岭东理工大学（深圳）建设高水平大学。")
    assert {("岭东理工大学（深圳）", "University"), ("岭东理工大学", "University")} <= entities(ex)
    assert ("岭东理工大学（深圳）", "affiliatedWith", "岭东理工大学") in relations(ex)


@pytest.mark.parametrize("name", ["宝安城市学院（一期）", "岭东理工大学（一期）", "海归创业学院（深港）"])
def test_a_phase_or_a_college_in_brackets_names_no_university(rules, name):
    assert rules.owner_of(name) is None
