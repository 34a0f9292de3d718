"""Property-based tests of the extractor: for any text it never raises, and every offset it gives
points at exactly the text it claims (hypothesis; bounded so the suite stays fast)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.resources import DEFAULT_REPORT
from graph.extract.pipeline import extract
from graph.model import Report
from graph.text.clean import clean
from graph.text.sentences import split_sentences

REPORT = DEFAULT_REPORT.read_text(encoding="utf-8")

# fmt: off
#: Pieces that make the extractor's rules fire: names, suffixes, verbs, stages, numbers, punctuation.
FRAGMENTS = [
    "华东师范大学", "华东师大", "奥锐特", "宁德时代", "未来能源研究院", "上海市养老科技产业园", "金领谷产业园",
    "银发无忧", "中顺洁柔", "航电基地一期", "项目", "有限公司", "科技", "研究院", "实验室", "基金", "联盟",
    "孵化器", "产业园", "产业集群", "轨道交通", "号线", "引进", "依托", "落地", "与", "合作", "共建", "开工",
    "竣工", "投用", "结构封顶", "建成", "启动", "2025年", "2026年", "“十五五”", "亿元", "等", "家企业",
    "一、2025年工作回顾\n", "二、2026年工作安排\n", "（一）", "1.", "《", "》", "“", "”", "（", "）",
    "。", "，", "、", "；", "：", "！", "？", "\n", " ", "\u3000", "[bookmark: _GoBack]", "１２", "ＡＢ",
]
# fmt: on

SETTINGS = settings(max_examples=50, deadline=None, database=None,  # no .hypothesis/ in the checkout
                    suppress_health_check=[HealthCheck.too_slow])

report_lines = st.sampled_from([line for line in REPORT.splitlines() if line.strip()])
pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=12),  # any Unicode: surrogates excluded by hypothesis, controls and emoji included
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=8),
    report_lines.map(lambda line: line[:80]),
)
texts = st.lists(pieces, max_size=40).map("".join)


def check_offsets(text: str) -> None:
    report = Report(slug="t", text=text, year="2026")
    ex = extract(report)
    for name, entity in ex.entities.items():
        assert name, entity
        for m in entity.mentions:
            assert report.text[m.start : m.end] == m.text, (name, m)
            sentence = ex.sentences[m.sentence]
            assert sentence.start <= m.start and m.end <= sentence.end, (m, sentence)
    for s in ex.sentences:
        assert report.text[s.start : s.end] == s.text
    names = set(ex.entities)
    for r in ex.relations:
        assert r.subject in names and r.object in names, r
        assert 0 <= r.sentence < len(ex.sentences)
    for ms in ex.milestones:
        assert ms.project in names, ms


@SETTINGS
@given(texts)
def test_extract_never_raises_and_offsets_point_at_the_mention_text(raw):
    check_offsets(clean(raw))


@SETTINGS
@given(st.text(max_size=300))
def test_extract_handles_arbitrary_unicode(raw):
    check_offsets(clean(raw))


@SETTINGS
@given(texts)
def test_sentences_cover_the_cleaned_text_with_exact_offsets(raw):
    text = clean(raw)
    sentences = split_sentences(text, "2026")
    assert all(text[s.start : s.end] == s.text and s.text == s.text.strip() for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))


def test_offsets_hold_on_the_whole_report():
    check_offsets(clean(REPORT))
