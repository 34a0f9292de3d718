"""Cleaning a report's text and cutting it into sentences with section and period."""

import re

import pytest

from graph.text.clean import clean
from graph.text.metadata import read_metadata
from graph.text.sentences import plan_years, split_sentences


def test_clean_removes_word_bookmarks():
    assert clean("[bookmark: _GoBack]2.产业集群特色鲜明。") == "2.产业集群特色鲜明。\n"


def test_clean_joins_a_title_broken_inside_book_title_marks():
    text = "关于印发《吴泾镇人民政府2026年工作\n报告》的通知\n"
    assert clean(text).splitlines()[0] == "关于印发《吴泾镇人民政府2026年工作报告》的通知"


def test_clean_maps_full_width_digits_and_windows_line_ends():
    assert clean("落地项目１４个，\r\n投资额118.41亿元。\r\n") == "落地项目14个，\n投资额118.41亿元。\n"


def test_clean_folds_blank_lines_and_strips_ideographic_spaces():
    assert clean("\u3000\u3000甲。\n\n\n\n乙。\n") == "甲。\n\n乙。\n"


def test_sentences_split_on_full_stops_and_semicolons_with_exact_offsets():
    text = clean("一、2025年工作回顾\n引进A公司；推进B项目。完成C\n")
    sentences = split_sentences(text, report_year="2026")
    assert [s.text for s in sentences] == ["一、2025年工作回顾", "引进A公司；", "推进B项目。", "完成C"]
    assert all(text[s.start : s.end] == s.text for s in sentences)


# fmt: off
PERIOD_CASES = [
    ("一、2025年工作回顾\n引进A公司。\n", "2025"),
    ("一、2025年工作回顾\n这五年，吴泾镇建成A馆。\n", "2021-2025"),
    ("二、关于《闵行区吴泾镇国民经济和社会发展第十五个五年规划纲要（草案）》的说明\n到2030年，建成A。\n", "2026-2030"),
    ("三、全力以赴做好“十五五”开局工作\n推进A项目建设。\n", "2026"),
]
# fmt: on


def test_each_part_of_the_report_gets_its_period():
    for text, period in PERIOD_CASES:
        last = split_sentences(clean(text), report_year="2026")[-1]
        assert last.period == period, text


def test_sentences_know_their_section_heading():
    text = clean("一、2025年工作回顾\n（一）聚力经济提质\n引进A公司。\n")
    last = split_sentences(text, report_year="2026")[-1]
    assert last.section == "一、2025年工作回顾 > （一）聚力经济提质"


def test_metadata_of_the_bundled_report_is_read_from_its_text(report_text):
    assert read_metadata(report_text) == {
        "title": "吴泾镇人民政府2026年工作报告",
        "issuer": "闵行区吴泾镇人民政府",
        "date": "2026-01-13",
        "year": "2026",
        "jurisdiction": "吴泾镇",
        "level": "town",
    }


def test_the_bundled_report_splits_into_sentences_that_cover_its_text(report_text):
    sentences = split_sentences(report_text, "2026")
    assert len(sentences) > 300
    assert all(report_text[s.start : s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))


# ---------------------------------------------------------------- report metadata from real title forms

# fmt: off
TITLE_FORMS = [
    # a provincial report saved from a web page: menus, then the title and the congress line
    ("下载\n打印\n全屏\n【字号：\n加大\n】\n2026年上海市政府工作报告\n——2026年1月25日在上海市第十六届人民代表大会第四次会议上\n"
     "来源：解放日报\n时间：2026-02-02\n各位代表：\n", "", ("2026", "2026-01-25", "上海市", "province")),
    # the date in Chinese numerals, the title without a year
    ("政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n省长 某某\n各位代表：\n",
     "", ("2026", "2026-01-27", "甘肃省", "province")),
    ("（2026年1月27日在广西壮族自治区第十四届人民代表大会第四次会议上）\n各位代表：\n",
     "", ("2026", "2026-01-27", "广西壮族自治区", "province")),
    # a district's report of a congress, without title or date: who speaks and the headings
    ("各位代表：\n现在，我代表南山区人民政府，向大会报告政府工作。\n2022年工作回顾\n过去一年……\n2023年主要工作\n",
     "", ("2023", "", "南山区", "district")),
    ("各位代表：\n现在，我代表大鹏新区管理委员会向大会作工作报告。\n一、2014年工作回顾\n二、2015年主要任务\n",
     "", ("2015", "", "大鹏新区", "district")),
    ("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2018年工作回顾\n二、2019年经济社会发展总体要求和政策取向\n",
     "", ("2019", "", "国务院", "national")),
    # the level without a name; headings that name a year and the next
    ("各位代表：\n现在，我代表区人民政府向大会作报告。\n一、关于2019年工作\n二、关于2020年工作\n",
     "", ("2020", "", "", "district")),
    # a new term: no year in the headings, the five-year plan it drafts
    ("各位代表：\n过去五年工作回顾\n五年来……\n未来五年工作思路和任务\n“十四五”时期，……\n", "", ("2021", "", "", "")),
    # a web page's time stamp, then the file name, as the last resorts
    ("来源：某某日报\n时间：2024-01-31\n各位代表：\n", "", ("2024", "", "", "")),
    ("各位代表：\n今年的主要任务是……\n", "shenzhen-x-2017", ("2017", "", "", "")),
]
# fmt: on


@pytest.mark.parametrize("text, name, expected", TITLE_FORMS, ids=[str(i) for i in range(len(TITLE_FORMS))])
def test_year_date_jurisdiction_and_level_are_read_from_the_title_lines(text, name, expected):
    meta = read_metadata(text, name)
    assert (meta["year"], meta["date"], meta["jurisdiction"], meta["level"]) == expected


def test_the_text_wins_over_the_file_name():
    assert read_metadata("2026年安徽省政府工作报告\n", "anhui-2025")["year"] == "2026"


def test_a_date_in_the_body_is_not_the_date_of_the_report():
    meta = read_metadata("各位代表：\n一、新区成立以来的工作回顾\n2011年12月30日挂牌成立以来，……\n三、2016年的工作重点\n")
    assert (meta["date"], meta["year"]) == ("", "2016")


# ---------------------------------------------------------------- parts and periods, relative to the report's year


def periods(text: str, year: str) -> list[tuple[str, bool]]:
    """(period, planned) of the last sentence of each paragraph that is not a heading."""
    out = {}
    for s in split_sentences(clean(text), year):
        out[s.paragraph] = (s.text, s.period, s.planned)
    return [(period, planned) for text, period, planned in out.values() if text.endswith("。")]


# fmt: off
PART_CASES = [
    # this year's plan is a plan in any year (a 2025 report's 2025 work is not done)
    ("一、2024年工作回顾\n建成A馆。\n二、2025年工作安排\n建成B馆。\n", "2025", [("2024", False), ("2025", True)]),
    # the five-year review and plan of a plan year, each named by the paragraph that opens it
    ("一、2025年和“十四五”时期工作回顾\n过去一年，建成A。\n“十四五”时期，建成B。\n二、“十五五”时期主要目标任务\n"
     "建成C。\n三、2026年重点工作\n建成D。\n", "2026",
     [("2025", False), ("2021-2025", False), ("2026-2030", True), ("2026", True)]),
    ("一、“十四五”时期和2025年工作回顾\n五年来，建成A。\n刚刚过去的2025年，建成B。\n", "2026",
     [("2021-2025", False), ("2025", False)]),
    # national reports: 今年以来 is a review, 今年发展主要目标 the plan
    ("一、2019年和今年以来工作回顾\n今年以来，建成A。\n二、今年发展主要目标和下一阶段工作总体部署\n建成B。\n", "2020",
     [("2019", False), ("2020", True)]),
    # 2008-style: a plan heading that names no year, then this year's work
    ("一、2007年工作回顾\n建成A。\n二、新的要求新的形势新的目标\n建成B。\n三、2008年主要工作\n建成C。\n", "2008",
     [("2007", False), ("2008", True), ("2008", True)]),
    # unnumbered headings, and numbered sections inside them that name no time
    ("2013年工作回顾\n一、经济发展\n建成A。\n2014年工作安排\n一、经济发展\n建成B。\n", "2014",
     [("2013", False), ("2014", True)]),
    ("二、2015年工作总体部署\n建成A。\n三、把改革开放扎实推向纵深\n建成B。\n", "2015", [("2015", True), ("2015", True)]),
    # a new term: the five years before and the five years to come
    ("一、过去五年工作回顾\n建成A。\n二、今后五年的目标任务\n建成B。\n", "2005", [("2000-2004", False), ("2005-2009", True)]),
    # the tenth five-year plan is “十五”: 2001-2005
    ("一、“九五”时期简要回顾和2000年经济社会发展基本情况\n建成A。\n二、“十五”时期的奋斗目标\n建成B。\n", "2001",
     [("1996-2000", False), ("2001-2005", True)]),
    # an annex that lists the year's projects or 民生实事 under an unnumbered heading naming the year
    # (after a glossary, which has none)
    ("一、2017年工作回顾\n建成A。\n附件1\n1.B馆：指2016年建成的场馆。\n附件2\n2018年龙岗区政府民生实事\n1.建成C馆。\n",
     "2018", [("2017", False), ("", False), ("2018", True)]),
    ("二、2021年主要工作\n建成A。\n名词解释\n1.B路：指一条路。\n2021年重大项目\n1.建成C路。\n", "2021",
     [("2021", True), ("", False), ("2021", True)]),
    # the preamble, a glossary and an annex have no period
    ("各位代表：\n现在，我代表区人民政府向大会作报告。\n一、2016年工作回顾\n建成A。\n有关名词解释\n1.B馆：指2015年建成的场馆。\n",
     "2017", [("", False), ("2016", False), ("", False)]),
]
# fmt: on


@pytest.mark.parametrize("text, year, expected", PART_CASES, ids=[str(i) for i in range(len(PART_CASES))])
def test_each_part_of_a_real_report_gets_its_period_and_whether_it_plans(text, year, expected):
    assert periods(text, year) == expected


@pytest.mark.parametrize("year", [2008, 2016, 2031])
def test_periods_follow_the_reports_year_and_nothing_else(year):
    text = f"一、{year - 1}年工作回顾\n建成A。\n这五年，建成B。\n二、{year}年工作安排\n建成C。\n"
    assert periods(text, str(year)) == [
        (str(year - 1), False), (f"{year - 5}-{year - 1}", False), (str(year), True),
    ]  # fmt: skip


def test_a_paragraph_does_not_leave_its_section_for_a_part_the_heading_does_not_name():
    # 2023年，… inside the five-year review is a paragraph of that review, not a review of 2023
    text = "一、“十四五”时期工作回顾\n五年来，建成A。\n2023年，建成B。\n二、2026年重点工作\n过去一年，建成C。\n"
    assert periods(text, "2026") == [("2021-2025", False), ("2021-2025", False), ("2026", True)]


@pytest.mark.parametrize("number, years", [(1, (1953, 1957)), (2, (1958, 1962)), (3, (1966, 1970)), (9, (1996, 2000)),
                                           (14, (2021, 2025)), (15, (2026, 2030))])
def test_five_year_plans_have_their_calendar_years(number, years):
    assert plan_years(number) == years


# ---------------------------------------------------------------- the data files of the text layer


@pytest.mark.parametrize("content, message", [
    ("word\trole\n", "the first row must name the columns pattern, role"),
    ("pattern\trole\n过去一年\tyesterday\n", "parts.tsv:2: expected a pattern, a tab and one of first-year"),
    ("pattern\trole\n(过去\tpast-year\n", "parts.tsv:2: bad regular expression"),
    ("pattern\trole\n过去一年\tpast-year\n", "parts.tsv: no words for first-year"),
])
def test_a_broken_list_of_part_words_is_a_one_line_error(tmp_path, content, message):
    from graph.text.sentences import PartWordsError, load_part_words

    path = tmp_path / "parts.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PartWordsError, match=re.escape(message)) as info:
        load_part_words(path)
    assert "\n" not in str(info.value)


def test_the_provincial_divisions_are_the_34_of_the_national_standard():
    from graph.text.metadata import _provincial

    names = _provincial()
    assert len(names) == 34
    assert {"北京市", "上海市", "天津市", "重庆市", "香港特别行政区"} <= names
    assert all(n.endswith(("省", "市", "自治区", "特别行政区")) for n in names)
