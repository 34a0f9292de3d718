"""Cut a report's cleaned text (:func:`graph.text.clean.clean`) into sentences that know their section and period.

Examples
--------
>>> [s.text for s in split_sentences("一、2025年工作回顾\\n引进A公司。推进B项目；完成C。", report_year="2026")][1:]
['引进A公司。', '推进B项目；', '完成C。']
"""

from __future__ import annotations

import re

from graph.model import Sentence

#: Characters that end a sentence (a clause ending in a semicolon is its own sentence).
SENTENCE_END = "。！？；!?;"
# a piece of a line up to and with a sentence end, or the rest of the line (\Z: lines have no \n)
_PIECE = re.compile(f"[^{SENTENCE_END}]*[{SENTENCE_END}]|[^{SENTENCE_END}]+\\Z")

_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_H3 = re.compile(r"^\d{1,2}[.．、](?!\d)")
_REVIEW_YEAR = re.compile(r"(\d{4})年工作回顾")
_FIVE_YEAR_REVIEW = re.compile(r"^(这五年|“十[一二三四五六七八九]五”时期)")


def _period_for_heading(heading: str, report_year: str) -> str:
    """The period a top-level section is about, from its heading."""
    m = _REVIEW_YEAR.search(heading)
    if m:
        return m.group(1)
    if "五年规划" in heading or "十五五" in heading and "说明" in heading:
        start = int(report_year) if report_year.isdigit() else 0
        return f"{start}-{start + 4}" if start else "plan"
    return report_year or "unknown"


def split_sentences(text: str, report_year: str = "") -> list[Sentence]:
    """Cut cleaned text into sentences, each with its section heading and period.

    A heading line (``一、``, ``（一）``) sets the section; a top-level heading sets the period
    (``2025年工作回顾`` -> ``2025``; a five-year plan -> ``2026-2030``; anything else -> the report's
    year); a review paragraph that opens with ``这五年`` is about the five years before.
    """
    sentences: list[Sentence] = []
    h1 = h2 = ""
    period = report_year or "unknown"
    offset = 0
    for paragraph_no, line in enumerate(text.split("\n")):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        is_heading = False
        if _H1.match(line) and len(line) <= 60:
            h1, h2, is_heading = line, "", True
            period = _period_for_heading(line, report_year)
        elif _H2.match(line) and len(line) <= 60:
            h2, is_heading = line, True
        para_period = period
        if not is_heading and _FIVE_YEAR_REVIEW.match(line) and period.isdigit():
            para_period = f"{int(period) - 4}-{period}"
        section = " > ".join(h for h in (h1, h2) if h)
        if para_period != period:
            section = f"{h1} > 五年回顾（{para_period}）"
        for m in _PIECE.finditer(line):
            piece = m.group(0)
            lead = len(piece) - len(piece.lstrip())
            piece_text = piece.strip()
            if piece_text:
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        start=line_start + m.start() + lead,
                        end=line_start + m.start() + lead + len(piece_text),
                        text=piece_text,
                        section=section,
                        period=para_period,
                        paragraph=paragraph_no,
                    )
                )
    return sentences
