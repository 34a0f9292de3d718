"""Industrial bases named after their industry (issue 15; GUIDE.md, ``Park`` and "Generic or named?").

``X产业基地`` is a named park when X says more than one industry's name: a level word and the
industry (国家生物产业基地), or an industry and another word (航天科技产业基地); the base's industry is
then a cluster of its own, the park's (``inCluster``).  The false friends: an industry alone before
产业基地 (生物产业基地: a kind of base), a level word alone (国家级产业基地), a park of 产业园 named by
its industry alone (软件产业园).
"""

import pytest

from extract_helpers import entities, relations, run


@pytest.mark.parametrize("sentence, park", [
    ("推进国家新材料产业基地建设。", "国家新材料产业基地"),
    ("推进航天科技产业基地规划建设。", "航天科技产业基地"),
    ("加快宝安海洋产业基地建设。", "宝安海洋产业基地"),
])
def test_an_industrial_base_named_by_more_than_its_industry_is_a_park(sentence, park):
    assert (park, "Park") in entities(run(sentence))


def test_a_national_industrial_base_is_of_the_industry_its_name_states():
    ex = run("推进国家新材料产业基地建设。")
    assert ("新材料", "IndustryCluster") in entities(ex)
    assert ("国家新材料产业基地", "inCluster", "新材料") in relations(ex)


@pytest.mark.parametrize("sentence", [
    "规划建设生物产业基地。",
    "打造国家级产业基地。",
    "规划建设一批软件产业园。",
])
def test_an_industry_or_a_level_word_alone_before_the_ending_names_no_park(sentence):
    assert not {name for name, cls in entities(run(sentence)) if cls == "Park"}
