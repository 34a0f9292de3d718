"""Where a name starts (a particle or a quoted verb before it is the clause's), names two or more
places share (合六、合淮产业走廊), a jurisdiction's own companies, institutes and funds (省数据集团), and
what is a kind, not a name: one of a counted batch (建设一批高水平的…中心), a kind in a list of carriers,
a pipeline named by what it carries.  GUIDE.md: "Generic or named?", "Distributed names".
"""

import pytest

from graph.extract.pipeline import extract
from graph.model import Report
from graph.text.clean import clean


def names(sentence: str, heading: str = "一、2025年工作回顾") -> dict[str, str]:
    text = clean(f"{heading}\n{sentence}\n")
    return {name: e.cls for name, e in extract(Report(slug="t", text=text, year="2026"), use_lexicon=False).entities.items()}


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, not_name",
    [
        ("市长亲自为滨海快速通道通车剪彩。", "滨海快速通道", "市长亲自为滨海快速通道"),  # 为: the subject before it
        ("推动“跨境通”在前海国际医院落地实施。", "前海国际医院", "跨境通在前海国际医院"),  # 在
    ],
)
# fmt: on
def test_a_particle_ends_the_name_of_a_milestone_clause_on_its_left(sentence, name, not_name):
    found = names(sentence)
    assert name in found and not_name not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "积极争取省里在基金、专项债等方面给予支持。",  # 在: 省里 is no fund's name
        "按照合同约定对工程建设项目实行总承包。",  # 对: 合同约定 is no project's name
    ],
)
def test_a_particle_before_a_bare_ending_makes_no_name(sentence):
    assert not any(n.endswith(("基金", "工程")) for n in names(sentence))


def test_a_preposition_before_a_zone_is_no_part_of_it():
    assert "前海合作区" in names("以优异成绩向前海合作区挂牌十周年献礼。")


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("推进淮河干流王家坝以下段行洪区调整工程。", "淮河干流王家坝以下段行洪区调整工程"),  # 以下段: a river's section
        ("设立并购基金和天使基金。", None),  # 并购基金 is a kind; 并 no particle there
    ],
)
def test_a_particle_inside_a_word_of_names_ends_no_name(sentence, name):
    found = names(sentence)
    if name:
        assert name in found
    assert not any(n.startswith(("下段", "购基金")) for n in found)


# fmt: off
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("推进合芜、合蚌、合滁产业走廊建设。", {"合芜产业走廊", "合蚌产业走廊", "合滁产业走廊"}),
        ("新设广西、海南、云南自贸试验区。", {"海南自贸试验区", "云南自贸试验区"}),  # 新设广西: a verb opens the list
    ],
)
# fmt: on
def test_bare_places_before_a_park_share_its_ending(sentence, expected):
    assert expected <= {n for n, cls in names(sentence).items() if cls == "Park"}


@pytest.mark.parametrize(
    "sentence, not_name",
    [
        ("推进高新园区、大工业区、精细化工园区建设。", "大工业区园区"),  # 大工业区 is a park's name already
        ("连平、河源和吉安共建产业园入驻企业20家。", "连平共建产业园"),  # the builders of one park
        ("加快前海深港现代服务、福田保税产业园建设。", "前海深港现代服务产业园"),  # a long item is no place's short name
    ],
)
def test_no_shared_park_ending_for_a_name_or_a_long_item(sentence, not_name):
    assert not_name not in names(sentence)


# fmt: off
@pytest.mark.parametrize(
    "sentence, name, cls",
    [
        ("深化国资国企改革，省交通集团挂牌成立。", "省交通集团", "Enterprise"),
        ("发挥省产业技术研究院示范引领作用。", "省产业技术研究院", "ResearchInstitute"),
        ("设立总规模300亿元的省战略性新兴产业母基金。", "省战略性新兴产业母基金", "Fund"),
    ],
)
# fmt: on
def test_a_jurisdictions_own_company_institute_or_fund_is_named(sentence, name, cls):
    assert names(sentence).get(name) == cls


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("组建一批省级研究院，培育省属企业集团。", "省级研究院"),  # a level word: a kind
        ("组建一批省级研究院，培育省属企业集团。", "省属企业集团"),
    ],
)
def test_a_level_or_scope_word_after_the_jurisdiction_keeps_a_kind(sentence, kind):
    assert kind not in names(sentence)


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("建设一批高水平的国家科学中心和技术创新中心。", "国家科学中心"),
        ("培育一批工业设计中心、计量和检验检测认证中心。", "计量和检验检测认证中心"),
    ],
)
def test_a_name_counted_in_a_batch_is_a_kind(sentence, kind):
    assert kind not in names(sentence)


def test_a_batch_word_in_an_earlier_clause_leaves_the_name():
    assert names("新增一批科技企业，推进深圳湾实验室建设。").get("深圳湾实验室") == "Laboratory"


def test_kinds_in_a_list_of_carriers_are_no_projects():
    found = names("新设重点实验室、工程技术研究中心等创新载体8家。")
    assert "工程技术研究中心" not in found and "重点实验室" not in found


def test_a_named_institute_in_a_list_of_carriers_keeps_its_class():
    assert names("引进南开大学深圳研究院等创新载体。").get("南开大学深圳研究院") == "ResearchInstitute"


def test_a_quoted_verb_before_a_name_is_no_part_of_it():
    found = names("探索择优“引进”香港自由贸易港核心政策。")
    assert "香港自由贸易港" in found and not any(n.startswith("引进") for n in found)


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("加快城市燃气管道、给排水管道等管网建设。", "燃气管道"),
        ("保障石油天然气长输管道安全运行。", "长输管道"),
        ("完成30公里老旧燃气管道改造。", "燃气管道"),
    ],
)
def test_a_pipeline_named_by_what_it_carries_is_a_kind(sentence, kind):
    assert not any(kind in n for n in names(sentence))


def test_a_named_pipeline_stays_a_project():
    assert names("加快建设甬台天然气管道等项目。").get("甬台天然气管道") == "Project"


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("皖江高等研究院实施校企联合培养。", "皖江高等研究院"),
        ("诺奖得主领衔成立的高等材料科学研究院落户。", "高等材料科学研究院"),
    ],
)
def test_etc_inside_a_word_of_names_ends_no_name(sentence, name):
    assert names(sentence).get(name) == "ResearchInstitute"


def test_etc_after_a_list_still_ends_the_names():
    found = names("提升南方大学等高等院校办学水平。")
    assert "南方大学" in found and not any("高等" in n for n in found)
