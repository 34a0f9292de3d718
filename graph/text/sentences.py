"""Cut a report's cleaned text (:func:`graph.text.clean.clean`) into sentences that know their section and period.

A work report is a sequence of *parts*, each a review (results) or a plan (tasks and targets), of
one year or of five: the review of the last year (``一、2025年工作回顾``, ``过去一年``), the
five-year review (``过去五年``, ``“十四五”时期``, ``这五年``), this year's tasks (``二、2026年工作安排``,
``今年``) and the five-year plan (``“十五五”时期``, ``今后五年``).  Some parts have no period: the
preamble before the first heading, glossaries (``名词解释``) and annexes (``附件``).

Everything is read relative to the report's year ``Y``, nothing is fixed: a heading that names a
year before ``Y`` starts a review of that year, ``Y`` itself this year's plan; a five-year plan
number (``“十四五”``, ``第十五个五年规划``) is turned into its years (:func:`plan_years`) and is a
review when it ended before ``Y``, a plan when it starts in ``Y`` or later or is under way (unless the
heading reviews it).  A heading may name
several parts (``一、2025年和“十四五”时期工作回顾``): the section starts with the first, and a
paragraph that opens with another's words (``这五年，…``, ``“十五五”时期是…``) moves to it, for
the rest of the section.  A heading that names no time at all (``三、把改革开放扎实推向纵深``) carries
on the part before it; only after the preamble or a heading of the same vague kind are its words
(``回顾``, ``取得新成效`` / ``奋力``, ``重点工作``) enough to tell a review from a plan.

Examples
--------
>>> [s.text for s in split_sentences("一、2025年工作回顾\\n引进A公司。推进B项目；完成C。", report_year="2026")][1:]
['引进A公司。', '推进B项目；', '完成C。']
>>> [(s.period, s.planned) for s in split_sentences("一、2025年工作回顾\\n引进A。\\n二、2026年工作安排\\n推进B。\\n", "2026")]
[('2025', False), ('2025', False), ('2026', True), ('2026', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import WujingError
from graph.model import Sentence
from graph.text.numbers import parse_chinese_integer

__all__ = [
    "SENTENCE_END", "Part", "PartWordsError", "load_part_words", "plan_years", "split_sentences", "year_from_headings",
]

#: Characters that end a sentence (a clause ending in a semicolon is its own sentence).
SENTENCE_END = "。！？；!?;"
# a piece of a line up to and with a sentence end, or the rest of the line (\Z: lines have no \n)
_PIECE = re.compile(f"[^{SENTENCE_END}]*[{SENTENCE_END}]|[^{SENTENCE_END}]+\\Z")

_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_HEADING_MAX = 60  # a longer line that starts with 一、 is a paragraph of a list, not a heading

_PUNCTUATION = re.compile(r"[。；！？，：:;!?,]")
PARTS_TSV = Path(__file__).with_name("parts.tsv")
_ROLES = (
    "first-year", "past-five", "next-five", "past-year", "this-year", "reviewed", "review-word",
    "plan-word", "plan-turn", "glossary", "heading-start", "heading-end",
)  # fmt: skip


def load_part_words(path: Path = PARTS_TSV) -> dict[str, re.Pattern]:
    """The words of ``graph/text/parts.tsv`` (see that file), one regular expression per role.

    Raises :class:`PartWordsError` naming the line of a malformed row.

    Examples
    --------
    >>> bool(load_part_words()["past-five"].search("这五年，……"))
    True
    """
    found: dict[str, list[str]] = {role: [] for role in _ROLES}
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    rows = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not rows or rows[0][1].split("\t") != ["pattern", "role"]:
        raise PartWordsError(f"{Path(path).name}: the first row must name the columns pattern, role")
    for n, line in rows[1:]:
        cells = line.split("\t")
        if len(cells) != 2 or cells[1] not in found:
            raise PartWordsError(f"{Path(path).name}:{n}: expected a pattern, a tab and one of {', '.join(_ROLES)}")
        try:
            re.compile(cells[0])
        except re.error as exc:
            raise PartWordsError(f"{Path(path).name}:{n}: bad regular expression: {exc}") from None
        found[cells[1]].append(cells[0])
    missing = [role for role, patterns in found.items() if not patterns]
    if missing:
        raise PartWordsError(f"{Path(path).name}: no words for {', '.join(missing)}")
    return {role: re.compile("|".join(f"(?:{p})" for p in patterns)) for role, patterns in found.items()}


class PartWordsError(WujingError, ValueError):
    """``graph/text/parts.tsv`` cannot be read."""


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern]:
    """The words of ``parts.tsv``, read on first use, and the two patterns made of them."""
    words = load_part_words()
    # an unnumbered heading line: short, no punctuation, a time word first and a kind of part last
    start, end = words["heading-start"].pattern, words["heading-end"].pattern
    words["bare-heading"] = re.compile(f"^(?:{start}).{{0,30}}(?:{end})$")
    words["glossary"] = re.compile(f"(?:{words['glossary'].pattern})$")
    return words

# the N-th five-year plan: “十四五”, "十一五", 十四五规划, 第十五个五年规划 (“十五”, “九五” need quotes)
_PLAN_NUMBER = re.compile(
    r"[“\"]((?:十[一二三四五六七八九]?|[一二三四五六七八九])五)[”\"]"
    r"|(十[一二三四五六七八九]五)(?=时期|期间|规划|发展|末|以来|开局)"
    r"|第([一二三四五六七八九十]+)个五年规划"
)
_YEAR = re.compile(r"((?:19|20)\d\d)年(?!代)")
# a paragraph about one year: 2025年是…, 2013年，…, 刚刚过去的2025年…
_OPENING_YEAR = re.compile(r"^(?:刚刚过去的|过去的)?((?:19|20)\d\d)年(?:是|，|,|以来)|^刚刚过去的((?:19|20)\d\d)年")
# what may open a paragraph before the words that place it
_LEAD = re.compile(r"^(?:[—–\-－―]+|各位代表[！!：:，,]?|[\s])+")


@dataclass(frozen=True)
class Part:
    """A part of a report: a review or a plan (``planned``), and the period it is about (``""``: none)."""
    planned: bool
    period: str


_NONE = Part(False, "")


def plan_years(number: int) -> tuple[int, int]:
    """The first and last year of China's ``number``-th five-year plan.

    The first plan ran 1953-1957 and the second 1958-1962; after three years of adjustment
    (1963-1965) the third began in 1966, and every plan since has followed the one before.

    Examples
    --------
    >>> plan_years(14), plan_years(10), plan_years(1)
    ((2021, 2025), (2001, 2005), (1953, 1957))
    """
    start = 1953 + 5 * (number - 1) if number <= 2 else 1966 + 5 * (number - 3)
    return start, start + 4


def _plan_number(m: re.Match) -> int:
    if m.group(3):
        return parse_chinese_integer(m.group(3))
    return parse_chinese_integer((m.group(1) or m.group(2))[:-1])


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _mentions(text: str, year: int | None) -> list[tuple[int, Part]]:
    """The parts a heading (or the opening of a paragraph) names, with where it names them.

    Without the report's year only the years the text writes can be placed.
    """
    found: list[tuple[int, Part]] = []
    first_year = _words()["first-year"].search(text)
    for m in _YEAR.finditer(text):
        named = int(m.group(1))
        if year is None or named < year:
            plans = year is None and bool(_words()["plan-word"].search(text))
            found.append((m.start(), Part(plans, str(named))))
        elif named == year:
            found.append((m.start(), Part(True, str(named))))
        # a later year in a heading is a long-term goal (2035年远景目标), not a part of its own
    for m in _PLAN_NUMBER.finditer(text):
        start, end = plan_years(_plan_number(m))
        if year is None:
            continue
        if end < year:
            found.append((m.start(), Part(False, _span(start, end))))
        elif start >= year and not first_year:  # “十五五”开局工作 is this year's work
            found.append((m.start(), Part(True, _span(start, end))))
        elif start < year <= end and not first_year and not _words()["reviewed"].search(text):
            found.append((m.start(), Part(True, _span(start, end))))  # the plan under way
    if year is not None:
        for rx, part in (
            (_words()["first-year"], Part(True, str(year))),
            (_words()["past-five"], Part(False, _span(year - 5, year - 1))),
            (_words()["next-five"], Part(True, _span(year, year + 4))),
            (_words()["past-year"], Part(False, str(year - 1))),
            (_words()["this-year"], Part(True, str(year))),
        ):
            found += [(m.start(), part) for m in rx.finditer(text)]
    found.sort(key=lambda x: x[0])
    return found


def _heading_parts(heading: str, year: int | None) -> list[Part] | None:
    """The parts a heading starts, in the order it names them; None if it names no time."""
    if _words()["glossary"].search(heading):
        return [_NONE]
    parts: list[Part] = []
    for _, part in _mentions(heading, year):
        if part not in parts:
            parts.append(part)
    return parts or None


def _vague_heading_part(heading: str, year: int | None) -> Part | None:
    """A review or a plan from the words of a heading that names no time (``取得新成效``, ``奋力``)."""
    if year is None:
        return None
    if _words()["plan-word"].search(heading):
        return Part(True, str(year))
    if _words()["review-word"].search(heading):
        return Part(False, str(year - 1))
    return None


def _paragraph_part(line: str, year: int | None) -> Part | None:
    """The part a paragraph opens with (``这五年，…``, ``“十五五”时期是…``, ``2025年是…``), if any."""
    text = _LEAD.sub("", line)[:14]
    if m := _OPENING_YEAR.match(text):
        named = int(m.group(1) or m.group(2))
        if year is None or named > year:
            return None
        return Part(named == year, str(named))
    # a year anywhere else in the opening (2014年本市生产总值…) is a figure's, not the paragraph's
    found = [part for pos, part in _mentions(_YEAR.sub(lambda m: "#" * len(m.group(0)), text), year) if pos <= 5]
    return found[0] if found else None


def _moves(parts: list[Part], year: int | None) -> set[Part]:
    """The parts a section's paragraphs may move to: those its heading names, and for the last
    year's review or this year's plan the five years around it (``这五年`` in ``2025年工作回顾``)."""
    out = set(parts)
    if year is not None:
        pairs = (
            (Part(False, str(year - 1)), Part(False, _span(year - 5, year - 1))),
            (Part(True, str(year)), Part(True, _span(year, year + 4))),
        )
        for one, five in pairs:
            if one in out or five in out:
                out |= {one, five}
    return out


def _is_heading(line: str) -> bool:
    if len(line) > _HEADING_MAX:
        return False
    if _H1.match(line):
        return True
    bare = len(line) <= 40 and not _PUNCTUATION.search(line)
    return bare and bool(_words()["bare-heading"].match(line) or _words()["glossary"].search(line))


def _label(part: Part) -> str:
    five = "-" in part.period
    return {(False, False): "年度回顾", (False, True): "五年回顾", (True, False): "年度工作", (True, True): "五年规划"}[
        (part.planned, five)
    ]


def split_sentences(text: str, report_year: str = "") -> list[Sentence]:
    """Cut cleaned text into sentences, each with its section heading, period and whether it plans.

    A heading line (``一、``, ``（一）``, or an unnumbered one such as ``2013年工作回顾``) sets the
    section; the parts of the report are read as the module docstring says.  A paragraph in another
    part than its section's first gets the section ``一、… > 五年回顾（2021-2025）``.
    """
    year = int(report_year) if report_year.isdigit() else None
    sentences: list[Sentence] = []
    h1 = h2 = ""
    part = base = _NONE  # the preamble: no period until a heading or a paragraph names one
    moves: set[Part] | None = None  # the parts the section's paragraphs may move to (None: any)
    vague = True  # no heading that names a time yet
    offset = 0
    for paragraph_no, line in enumerate(text.split("\n")):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        if _is_heading(line):
            parts = _heading_parts(line, year)
            if parts is not None:
                vague = False
            elif vague and (found := _vague_heading_part(line, year)) is not None:
                parts = [found]
            elif year is not None and part.period and not part.planned and _words()["plan-turn"].search(line):
                parts = [Part(True, str(year))]  # reports review first, then plan
            if parts is not None:  # else the heading carries on the part before it
                part = base = parts[0]
                moves = _moves(parts, year)
            h1, h2 = line, ""
        elif _H2.match(line) and len(line) <= _HEADING_MAX:
            h2 = line
        elif (found := _paragraph_part(line, year)) is not None and (moves is None or found in moves):
            part = found
        section = " > ".join(h for h in (h1, h2) if h)
        if part != base and part.period:
            section = f"{h1} > {_label(part)}（{part.period}）" if h1 else f"{_label(part)}（{part.period}）"
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
                        period=part.period,
                        paragraph=paragraph_no,
                        planned=part.planned,
                    )
                )
    return sentences


def year_from_headings(text: str) -> str:
    """The year of a report whose title and date do not say it, from the years its headings name.

    A heading that names one year and plans (``二、2014年工作任务``) votes for that year, one that
    reviews (``一、2013年工作回顾``) for the year after, one that does both or neither not at all; the
    most votes win, the later year on a tie.  Without votes, headings that name a year and the next
    (``一、关于2019年工作``, ``二、关于2020年工作``) give the later, and a report of a new term whose
    headings name no year (``过去五年工作回顾``, ``未来五年工作思路和任务``) is of the first year of the
    latest five-year plan it names (“十四五” -> 2021).
    ``""`` when no heading names a year.

    Examples
    --------
    >>> year_from_headings("各位代表：\\n一、2013年工作回顾\\n过去一年……\\n二、2014年工作任务\\n")
    '2014'
    """
    votes: dict[int, int] = {}
    named_alone: set[int] = set()
    five_year_heading = False
    for line in text.split("\n"):
        if not _is_heading(line) or _words()["glossary"].search(line):
            continue
        five = _words()["past-five"].search(line) or _words()["next-five"].search(line)
        five_year_heading = five_year_heading or bool(five)
        years = {int(y) for y in _YEAR.findall(line)}
        if len(years) != 1:
            continue
        (named,) = years
        named_alone.add(named)
        review = bool(_words()["reviewed"].search(line))
        plan = bool(_words()["plan-word"].search(line))
        if review != plan:
            guess = named + 1 if review else named
            votes[guess] = votes.get(guess, 0) + 1
    if votes:
        return str(max(votes, key=lambda y: (votes[y], y)))
    # 一、关于2019年工作 / 二、关于2020年工作: a year and the next, the review then the plan
    following = [y for y in named_alone if y - 1 in named_alone]
    if following:
        return str(max(following))
    # a report of a new term (过去五年工作回顾, 未来五年…) drafts the latest five-year plan it names
    if five_year_heading:
        starts = [plan_years(_plan_number(m))[0] for m in _PLAN_NUMBER.finditer(text)]
        return str(max(starts)) if starts else ""
    return ""
