"""The extractor is built once per process and its shortcuts find what the full pipeline finds.

Speed work (issue 7) replaced a second spaCy pass with a phrase matcher for the names typed in the
first pass, builds docs without spaCy's word/space alignment, and builds the pipeline in the parent
of a forked pool.  These tests pin each shortcut to what it replaced.
"""

from __future__ import annotations

import multiprocessing
import os

import pytest
import spacy

from graph.corpus import batch
from graph.extract import pipeline
from graph.extract.components import CANDIDATES
from graph.model import Report
from graph.text.sentences import SENTENCE_END, split_sentences

# fmt: off
SENTENCES = [
    "推动养老科技平台落地，养老科 技平台与华东师大合作。",   # a space inside a name: the tokenizer folds it
    "华东 师大孵化器、养老科技平台相继落地。",
    "与AgeClub协同构建\u2002市级银发经济供销与服务平台。",  # an en space is a token of its own
    "没有已知名字的句子。",
]
KNOWN = {
    "养老科技平台": ("Platform", "养老科技平台"),
    "养老科 技平台": ("Platform", "养老科 技平台"),
    "华东师大": ("University", "华东师范大学"),
    "\u2002市级银发经济": ("Enterprise", "\u2002市级银发经济"),
}
# fmt: on


def _candidates(spans):
    return [(s.start_char, s.end_char, s.label_, s.kb_id_, s.id_) for s in spans]


def _span_ruler_pipeline(table: dict[str, tuple[str, str]]) -> spacy.language.Language:
    """What the names rulers replaced: spaCy's span ruler and ``wj_merge_rulers``."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("wj_init")
    ruler = nlp.add_pipe("span_ruler", name="wj_known", config={"spans_key": "wj_known", "overwrite": True})
    ruler.add_patterns([{"label": cls, "pattern": s, "id": canonical} for s, (cls, canonical) in sorted(table.items())])
    nlp.add_pipe("wj_merge_rulers")
    return nlp


def test_known_names_are_found_as_a_span_ruler_of_them_finds_them():
    full = _span_ruler_pipeline(KNOWN)
    nlp = pipeline._nlp(False)
    ruler = pipeline._KnownRuler(nlp, KNOWN)
    in_pipeline = pipeline.make_nlp(None, KNOWN)  # the same names as a component of the pipeline
    found_any = 0
    for text in SENTENCES:
        reference = full(text)
        expected = [c for c in _candidates(reference.spans[CANDIDATES]) if c[4] == "known"]
        doc = next(pipeline.make_docs(nlp, [text]))
        assert _candidates(ruler.spans(doc)) == expected, text
        piped = in_pipeline(text)
        assert [c for c in _candidates(piped.spans[CANDIDATES]) if c[4] == "known"] == expected, text
        found_any += len(expected)
    assert found_any >= 5  # both spellings of 养老科技平台 match both names, 华东 师大 matches 华东师大


def test_docs_are_tokenised_as_the_chinese_tokenizer_does_and_keep_their_text():
    nlp = pipeline._nlp(True)
    texts = SENTENCES + [" 前导空格", "两个  空格", "A B\tC", "末尾空格 "]
    for text, doc in zip(texts, pipeline.make_docs(nlp, texts)):
        reference = nlp.make_doc(text)
        assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in reference]
        assert doc.user_data["wj_text"] == doc.text == text


def test_the_pipeline_is_built_once_for_many_reports(monkeypatch):
    built = []
    make_nlp = pipeline.make_nlp
    monkeypatch.setattr(pipeline, "make_nlp", lambda *a, **k: built.append(1) or make_nlp(*a, **k))
    pipeline._nlp.cache_clear()
    try:
        for town in ("甲", "乙", "丙"):
            text = f"依托{town}镇产业园，引进{town}鸿微球、{town}顺洁柔等3家企业。\n推动{town}鸿微球落地。\n"
            ex = pipeline.extract(Report(slug=town, text=text, year="2026"))
            assert f"{town}鸿微球" in ex.entities
    finally:
        pipeline._nlp.cache_clear()
    assert len(built) == 1


def test_sentence_pieces_end_at_a_sentence_end_or_the_end_of_the_line():
    text = "引进A公司。 推进B项目；；完成C\n\n  一、标题\n末句没有句号"
    sentences = split_sentences(text, "2026")
    assert [s.text for s in sentences] == ["引进A公司。", "推进B项目；", "；", "完成C", "一、标题", "末句没有句号"]
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text[-1] in SENTENCE_END or text[s.end : s.end + 1] in ("", "\n")


_SEEN_IN_PARENT = []


def _mark_parent():
    _SEEN_IN_PARENT.append(os.getpid())


def _warmed_by(_item):
    return list(_SEEN_IN_PARENT)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="only forked workers inherit the parent")
def test_forked_workers_inherit_what_the_parent_warmed_up():
    _SEEN_IN_PARENT.clear()
    results = batch.parallel_map(_warmed_by, [1, 2, 3], jobs=2, warm_up=_mark_parent)
    assert results == [[os.getpid()]] * 3  # run once, here, before the pool forked


def test_parallel_extraction_builds_the_pipeline_before_the_workers_start():
    pipeline._nlp.cache_clear()
    reports = [Report(slug=town, text=f"推动{town}鸿微球落地。\n", year="2026") for town in "甲乙"]
    extractions, _ = batch.extract_reports(reports, jobs=2)
    assert [sorted(e.entities) for e in extractions] == [["甲鸿微球"], ["乙鸿微球"]]
    if multiprocessing.get_start_method() == "fork":
        assert pipeline._nlp.cache_info().currsize == 1
