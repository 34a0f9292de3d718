"""Clean a report's text and cut it into sentences that know their section and period.

Reports come out of Word files and web pages: they carry artifacts (``[bookmark: _GoBack]``),
titles broken over two lines, full-width digits and stray spaces.  :func:`clean` removes those;
every offset elsewhere in the pipeline refers to the cleaned text.

Examples
--------
>>> clean("[bookmark: _GoBack]关于《吴泾镇人民政府2026年工作\\n报告》的通知")
'关于《吴泾镇人民政府2026年工作报告》的通知\\n'
>>> [s.text for s in split_sentences("一、2025年工作回顾\\n引进A公司。推进B项目；完成C。", report_year="2026")][1:]
['引进A公司。', '推进B项目；', '完成C。']
"""

from __future__ import annotations

import re
import unicodedata

from .model import Sentence

_ARTIFACTS = re.compile(r"\[bookmark:[^\]]*\]|\[(?:image|picture):[^\]]*\]", re.IGNORECASE)
_FULLWIDTH_ALNUM = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF5B) if chr(cp).isalnum()}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")

#: Characters that end a sentence (a clause ending in a semicolon is its own sentence).
SENTENCE_END = "。！？；!?;"
# a piece of a line up to and with a sentence end, or the rest of the line (\Z: lines have no \n)
_PIECE = re.compile(f"[^{SENTENCE_END}]*[{SENTENCE_END}]|[^{SENTENCE_END}]+\\Z")

_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_H3 = re.compile(r"^\d{1,2}[.．、](?!\d)")
_REVIEW_YEAR = re.compile(r"(\d{4})年工作回顾")
_FIVE_YEAR_REVIEW = re.compile(r"^(这五年|“十[一二三四五六七八九]五”时期)")


def clean(text: str) -> str:
    """Return the report's text without conversion artifacts, one paragraph a line.

    Removes Word bookmarks, control characters, bidi overrides and soft hyphens, maps full-width
    digits and Latin letters to
    ASCII, strips spaces at the ends of lines, joins a line that leaves a 《title》 open with the
    next one, and folds runs of blank lines into one.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_FULLWIDTH_ALNUM)
    text = _ARTIFACTS.sub("", text)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].count("《") > joined[-1].count("》"):
            joined[-1] += line
        else:
            joined.append(line)
    out: list[str] = []
    for line in joined:
        if line or (out and out[-1]):
            out.append(line)
    return unicodedata.normalize("NFC", "\n".join(out).strip()) + "\n"


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


_TITLE = re.compile(r"^(.{2,40}?(\d{4})年(?:政府)?工作报告)$")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def read_metadata(text: str) -> dict[str, str]:
    """Read the title, issuing body, date and year of a report from its cleaned text.

    Examples
    --------
    >>> read_metadata("闵行区吴泾镇人民政府\\n2026年1月13日\\n吴泾镇人民政府2026年工作报告\\n")["date"]
    '2026-01-13'
    """
    meta = {"title": "", "issuer": "", "date": "", "year": ""}
    lines = [line.strip() for line in text.split("\n")[:80]]
    for i, line in enumerate(lines):
        if not meta["title"] and (m := _TITLE.match(line)):
            meta["title"], meta["year"] = m.group(1), m.group(2)
        if not meta["date"] and (m := _DATE.match(line)):
            y, mo, d = m.groups()
            meta["date"] = f"{y}-{int(mo):02d}-{int(d):02d}"
            if i > 0 and lines[i - 1].endswith(("政府", "委员会", "办公室")):
                meta["issuer"] = lines[i - 1]
    if not meta["year"] and meta["date"]:
        meta["year"] = meta["date"][:4]
    return meta
