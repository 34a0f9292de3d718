"""Cleaning a report's text and cutting it into sentences with section and period."""

from graph.text.clean import clean
from graph.text.metadata import read_metadata
from graph.text.sentences import split_sentences


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
    }


def test_the_bundled_report_splits_into_sentences_that_cover_its_text(report_text):
    sentences = split_sentences(report_text, "2026")
    assert len(sentences) > 300
    assert all(report_text[s.start : s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))
