"""Centres by their ending (issue 15): a designated research centre (国家工程研究中心, 临床医学研究中心)
is a platform, a named research centre an institute (GUIDE.md), and a city's or region's position
(国际科技创新中心, 航运中心, 国际消费中心) no entity.  The sentences are made up: no lexicon lists the names.
"""

import pytest

from extract_helpers import entities, run


@pytest.mark.parametrize("sentence, name, cls", [
    ("获批南湖稀土材料国家工程研究中心。", "南湖稀土材料国家工程研究中心", "Platform"),
    ("建设白鹭基因测序工程技术研究中心。", "白鹭基因测序工程技术研究中心", "Platform"),
    ("获批国家感染性疾病临床医学研究中心。", "国家感染性疾病临床医学研究中心", "Platform"),
    ("建设青溪抗衰研究中心。", "青溪抗衰研究中心", "ResearchInstitute"),
])
def test_a_designated_research_centre_is_a_platform_and_a_named_one_an_institute(sentence, name, cls):
    assert (name, cls) in entities(run(sentence))


@pytest.mark.parametrize("sentence", [
    "积极参与北京（京津冀）国际科技创新中心建设。",
    "发挥国际和区域科技创新中心辐射带动作用。",
    "落实白鹭区域科技创新中心建设任务。",
    "长江中游航运中心基本建成。",
    "加快建设南湖国际消费中心。",
])
def test_a_city_position_named_as_a_centre_is_no_entity(sentence):
    assert not any(n.endswith("中心") for n, _ in entities(run(sentence)))


def test_a_firm_science_and_innovation_centre_is_still_a_platform():
    assert ("南湖光电大湾区科技创新中心", "Platform") in entities(run("建设南湖光电大湾区科技创新中心。"))

