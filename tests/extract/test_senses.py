"""A name the text uses for two kinds of thing is two entities (GUIDE.md): the firm and its park."""

from __future__ import annotations

import pytest

from graph.extract.pipeline import extract
from graph.extract.senses import split_senses
from graph.model import Mention, Report, label_of, sense_key

# a name typed as a firm by the head of two lists, and as a park by the head of a third
TEXT = "深挖九坤、奥锐特存量企业潜力。\n推动九坤等企业落地。\n创E谷、九坤等一批产业园区转型提升，实现税收20亿元。\n"


@pytest.fixture(scope="module")
def senses():
    return extract(Report(slug="t", text=TEXT, year="2026"))


def test_a_name_listed_under_parks_and_under_firms_is_two_entities(senses):
    assert senses.entities["九坤"].cls == "Enterprise"
    assert senses.entities["九坤@Park"].cls == "Park"
    assert senses.entities["创E谷"].cls == "Park"


def test_each_sense_holds_the_sentences_whose_list_types_it(senses):
    assert senses.entities["九坤"].sentences == [0, 1]
    assert senses.entities["九坤@Park"].sentences == [2]


def test_both_senses_are_labelled_with_the_name_the_text_writes(senses):
    assert {e.label for k, e in senses.entities.items() if k.startswith("九坤")} == {"九坤"}
    assert "九坤" not in senses.entities["九坤@Park"].aliases


def test_a_typed_list_wins_over_the_lexicon_in_its_sentence():
    ms = [Mention("森马", 0, 2, "Enterprise", "enum:head", 0, "森马"),
          Mention("森马", 10, 12, "Enterprise", "lexicon", 1, "森马")]
    out = split_senses(ms, {(10, 12): ("Park", "enum:等")}, lambda name, ms: "Enterprise")
    assert [(m.canonical, m.cls, m.rule) for m in out] == [
        ("森马", "Enterprise", "enum:head"), ("森马@Park", "Park", "enum:等")]


def test_a_firm_listed_among_projects_stays_one_firm():
    ms = [Mention("中航机载", 0, 4, "Enterprise", "lexicon", 0, "中航机载"),
          Mention("中航机载", 10, 14, "Project", "enum:等", 1, "中航机载")]
    out = split_senses(ms, {}, lambda name, ms: "Enterprise")
    assert [m.canonical for m in out] == ["中航机载", "中航机载"]


def test_a_name_of_one_sense_keeps_its_name_as_key():
    ms = [Mention("创E谷", 0, 3, "Park", "enum:等", 0, "创E谷")]
    assert split_senses(ms, {}, lambda name, ms: "Park") == ms


@pytest.mark.parametrize("key, label", [("森马@Park", "森马"), ("森马", "森马"), ("a@b", "a@b"), ("@Park", "@Park")])
def test_the_label_of_a_key_drops_only_a_sense_class(key, label):
    assert label_of(key) == label


def test_a_sense_key_names_the_top_class():
    assert sense_key("森马", "ListedCompany") == "森马@Enterprise"
