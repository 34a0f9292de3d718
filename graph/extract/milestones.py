"""Project milestones: the stage a named project reached, or is to reach, in a clause (plain Python).

The stage words are data (``stages.tsv`` beside this module, documented in ``STAGES.md``): each
word gives one or two stages (建成通车 = Completed and InUse) and a *role*:

* ``stage``: the word states the stage wherever it stands (开工, 竣工, 投入使用, 前期工作);
* ``opener``: a verb that states the stage of the names after it unless a ``stage`` word says more
  (``完成X改造`` is Completed, ``完成X土地出让`` Planned; ``启动X建设`` Started);
* ``progress``: under construction, unless a ``stage`` word of the clause says more
  (``加快X建设``, ``X进展顺利``; but ``启动X建设`` is Started, ``完成X建设`` Completed);
* ``push``: pushing on (``推进X``, ``加快X``): under construction for a project only (or a name of a
  list the clause calls projects: ``推进A产业园、B等重大工程``), and not when a ``none`` word is what the
  clause does (``推动X落地``);
* ``none``: not a stage (落地, 打造, 签约, 引进, 征地拆迁): a clause whose other words only push or
  open gets no milestone (``推动X落地``, ``完成X征地拆迁``).

A word applies to the names of its clause that it governs: a word that opens the names
(``开工建设A、B``) to those after it, a word after the names (``A、B建成通车``) to those before it.
A clause with stage words and no name of its own that goes on from the clause before
(``加快推进X建设，争取年内投入运营``) applies them to that clause's projects.  The year is the
sentence's (:attr:`graph.model.Sentence.year`), unless the clause writes one before the stage word
(``2027年建成``).

Examples
--------
>>> [(w.word, w.stages) for _, _, w in stage_words_in("沪苏湖高铁建成通车")]
[('建成通车', ('Completed', 'InUse'))]
>>> [w.word for _, _, w in stage_words_in("加快推进轨道10号线建设")]
['加快推进', '建设']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import WujingError
from graph.extract.patterns import CLAUSE_BREAKS
from graph.model import STAGES, Mention, Milestone, Sentence
from graph.resources import data_rows

__all__ = ["STAGES_PATH", "StageWord", "StageWordsError", "load_stage_words", "stage_words_in", "clause_milestones"]

#: The stage words (``word<TAB>stages<TAB>role<TAB>example``; see ``STAGES.md``).
STAGES_PATH = Path(__file__).with_name("stages.tsv")
ROLES = ("stage", "opener", "progress", "push", "none")

#: Classes that take a milestone from any stage word; an enterprise takes one only where the clause
#: calls it a project (``中芯国际、深超光电等项目建设``) or the stage word follows it directly.
_BUILT_CLASSES = ("Project", "Park", "Platform", "ResearchInstitute", "University", "Fund")
_CALLED_PROJECT = re.compile("项目|工程|生产线|基地")
#: After a name: the list it stands in is called projects (``推进A产业园、B等重大工程``, ``加快A片区等棚改项目``),
#: so pushing it on is building it whatever its class (not a bare place of two characters: ``推进沙嘴、上沙等城中村
#: 改造项目`` names the villages the works are done in).
_LISTED_AS_PROJECTS = re.compile(r"[^，。；：！？]*?等[^，。；：！？]{0,12}?(?:项目|工程)")
#: A name right after one of these is where or with whom something is built, not what is built.
_NOT_BUILT_AFTER = ("依托", "在", "与", "借助", "围绕", "以", "携手", "联合", "由", "向", "到", "赴", "融入", "参与", "对接",
                    "助力", "服务")
#: The verbs of those that say so of every name of the list after them (融入A、B等专项规划布局; not 与, which
#: joins the parts of one name: 京杭运河与小清河航道连通工程、梁山港二期).
_NOT_BUILDING_A_LIST = tuple(w for w in _NOT_BUILT_AFTER if len(w) > 1)
#: What may stand between a name (and the other names of its list) and the stage word after it
#: (…等一批水源、水库工程建设加快).
_TAIL_FILLER = re.compile(r"^[^，。；：！？]{0,24}$")
#: After a stage word that follows its names: the clause ends, or a word that goes on about it
#: (…建设进度), or 并 and another stage (…完工并投入使用), or what the step came to (…规划审批取得突破性进展,
#: …总体规划获市政府审议通过, …设计方案通过评审, …设计方案完成国际竞赛; not …建设取得明显成效, what a
#: programme achieved).
_AFTER_TAIL = ("进度", "步伐", "顺利", "加快", "提速", "进展", "工作", "和", "与", "及", "、", "等", "的", "进程", "力度", "并",
               "取得突破", "取得重大", "取得重要", "取得积极", "取得阶段性", "取得实质性", "取得新", "获", "通过",
               "完成")
#: After a stage word that follows its names, how far the works have come (…主体结构施工80%以上).
_PROGRESS_FIGURE = re.compile(r"\d+(?:\.\d+)?%(?:以上|左右)?$")
#: What joins a stage word said of the names before it to the names after it (A开工和B建设).
_JOINING = ("和", "及", "与", "、")
#: A clause that goes on about the projects of the clause before it.
_GOES_ON = re.compile(
    r"^(?:并|同步|争取|力争|确保|实现|年内|年底|年中|全面|基本|全线|正式|已|尽快|及早|早日|按期|如期|提前|"
    r"\d{4}年(?:底|内|前)?|\d{1,2}月(?:底|前|份)?|前)+$"
)
_YEAR = re.compile(r"((?:19|20)\d{2})年(?:底|内|前|上半年|下半年)?(?!\d)")
_CLAUSE = re.compile(f"[^{CLAUSE_BREAKS}]+")


class StageWordsError(WujingError, ValueError):
    """The stage words file is malformed."""


@dataclass(frozen=True)
class StageWord:
    """A word of ``stages.tsv``: the stages it gives and its role (see the module docstring)."""

    word: str
    stages: tuple[str, ...]
    role: str


def load_stage_words(path: Path | str = STAGES_PATH) -> tuple[StageWord, ...]:
    """Read the stage words, longest first; raise :class:`StageWordsError` naming a wrong line."""
    path = Path(path)
    out: dict[str, StageWord] = {}
    for lineno, cols in data_rows(path):
        if len(cols) < 3:
            raise StageWordsError(f"{path}:{lineno}: expected word<TAB>stages<TAB>role<TAB>example")
        word, stages, role = cols[0].strip(), cols[1].strip(), cols[2].strip()
        names = () if stages == "-" else tuple(s.strip() for s in stages.split(","))
        if role not in ROLES:
            raise StageWordsError(f"{path}:{lineno}: role must be one of {', '.join(ROLES)}, not {role!r}")
        if any(s not in STAGES for s in names) or (role == "none") != (not names):
            raise StageWordsError(f"{path}:{lineno}: stages must be of {', '.join(STAGES)} (- for role none)")
        if word in out:
            raise StageWordsError(f"{path}:{lineno}: {word!r} is listed twice")
        out[word] = StageWord(word, tuple(sorted(names, key=STAGES.index)), role)
    return tuple(sorted(out.values(), key=lambda w: (-len(w.word), w.word)))


STAGE_WORDS = load_stage_words()
_BY_FIRST: dict[str, tuple[StageWord, ...]] = {}
for _w in STAGE_WORDS:
    _BY_FIRST[_w.word[0]] = (*_BY_FIRST.get(_w.word[0], ()), _w)


def stage_words_in(clause: str) -> list[tuple[int, int, StageWord]]:
    """The stage words of a clause as (start, end, word), longest first at each place, in text order."""
    found = []
    i = 0
    while i < len(clause):
        word = next((w for w in _BY_FIRST.get(clause[i], ()) if clause.startswith(w.word, i)), None)
        if word is None:
            i += 1
            continue
        found.append((i, i + len(word.word), word))
        i += len(word.word)
    return found


def _stages_of(words: list[StageWord]) -> tuple[str, ...]:
    """What the words that govern one name say together: stage words win over progress and push."""
    strong = [w for w in words if w.role == "stage"] or [w for w in words if w.role == "opener"]
    if strong:
        return tuple(sorted({s for w in strong for s in w.stages}, key=STAGES.index))
    if any(w.role in ("progress", "push") for w in words):
        return ("UnderConstruction",)
    return ()


def clause_milestones(
    sentence: Sentence,
    mentions: Iterable[Mention],
    class_of: Callable[[str], str | None],
) -> list[Milestone]:
    """The milestones one sentence states: per clause, what its stage words say of its projects.

    ``mentions`` are the sentence's mentions (nested ones are left out), ``class_of`` gives an
    entity's top-level class by canonical name.
    """
    text = sentence.text
    ms = sorted((m for m in mentions if not m.rule.startswith("nested:")), key=lambda m: m.start)
    out: list[Milestone] = []
    previous: list[Mention] = []
    for clause in _CLAUSE.finditer(text):
        cs, ce = clause.start(), clause.end()
        body = clause.group(0)
        in_clause = [m for m in ms if cs <= m.start - sentence.start < ce]
        words = stage_words_in(_masked(body, cs + sentence.start, in_clause))
        built = [m for m in in_clause if _may_be_built(m, body, cs, sentence.start, class_of, in_clause)]
        if not words:
            previous = built
            continue
        governing = _govern(body, cs, sentence.start, words, built, in_clause)
        if not built and previous and _GOES_ON.match(body[: words[0][0]]) and len(body) - words[-1][1] <= 2:
            governing = {id(m): (m, [w for _, _, w in words]) for m in previous}
        year_m = _YEAR.search(body, 0, words[0][0] + 1) if words else None
        for m, ws in governing.values():
            if class_of(m.canonical) != "Project" and all(w.role == "push" for w in ws) \
                    and not (len(m.canonical) > 2 and class_of(m.canonical) != "Enterprise"
                             and _LISTED_AS_PROJECTS.match(text, m.end - sentence.start, ce)):
                continue
            if any(w.role == "none" for w in ws) and all(w.role in ("push", "opener", "none") for w in ws):
                continue
            period = sentence.period
            if year_m and year_m.start() < _first_stage_at(words):
                period = year_m.group(1)
            for stage in _stages_of(ws):
                out.append(Milestone(m.canonical, stage, period, sentence.index, sentence.planned, "clause:stage"))
        if built:
            previous = built
    return out


def _masked(body: str, offset: int, names: list[Mention]) -> str:
    """The clause with its names blanked out: 建设 in “工业智能操作系统平台建设项目” is no stage word."""
    chars = list(body)
    for m in names:
        for i in range(max(0, m.start - offset), min(len(body), m.end - offset)):
            chars[i] = "\u3000"
    return "".join(chars)


def _first_stage_at(words: list[tuple[int, int, StageWord]]) -> int:
    return next((s for s, _, w in words if w.role == "stage"), words[0][0])


def _list_start(at: int, body: str, offset: int, names: Iterable[Mention]) -> int:
    """Where the list that the name at ``body[at]`` ends starts in the clause: back over the names and
    quoted items joined to it by 、 (融入“大零号湾”、紫竹高新区: at 大零号湾's opening quote).

    >>> ms = [Mention("A园", 2, 4, "Park", "t", 0), Mention("B区", 5, 7, "Park", "t", 0)]
    >>> _list_start(5, "融入A园、B区等规划", 0, ms), _list_start(7, "融入“甲乙”、B区等规划", 0, [])
    (2, 2)
    """
    starts = {n.end - offset: n.start - offset for n in names}
    while body[:at].endswith("、"):
        end = at - 1
        if end in starts:
            at = starts[end]
        elif body[:end].endswith("”") and (quote := body.rfind("“", 0, end)) >= 0:
            at = quote
        else:
            break
        at -= body[:at].endswith("“")
    return at


def _may_be_built(m: Mention, body: str, cs: int, s0: int, class_of, names: Iterable[Mention] = ()) -> bool:
    """Whether a name can take a milestone in this clause (its class; not a place or partner, nor a
    later name of a list that opens so: 融入A、B等专项规划布局)."""
    cls = class_of(m.canonical)
    at = m.start - s0 - cs
    before = body[:at].removesuffix("“")  # 融入“大零号湾”: where, as 融入大零号湾
    opens = _list_start(len(before), body, s0 + cs, names)
    if before.endswith(_NOT_BUILT_AFTER) or opens < len(before) and body[:opens].endswith(_NOT_BUILDING_A_LIST) \
            or body[:at].count("《") > body[:at].count("》"):
        return False  # 依托X建设Y: X is where Y is built; 《X规划》: X is in a title
    if cls in _BUILT_CLASSES:
        return True
    if cls == "Enterprise":
        after = body[at + len(m.text):]
        return bool(_CALLED_PROJECT.search(after)) or any(
            after.startswith(w.word) for w in _BY_FIRST.get(after[:1], ()) if w.role not in ("push", "none"))
    return False


def _closes_a_name_before(body: str, ws_start: int, ws_end: int, built, offset: int) -> bool:
    """Whether a stage word ends the name right before it and a conjunction joins what follows
    (``推进A开工和B建设``: 开工 is A's, B's stage is its own)."""
    if not body.startswith(_JOINING, ws_end):
        return False
    return any(m.end - offset <= ws_start and len(body[m.end - offset : ws_start]) <= 4 for m in built)


def _govern(body, cs, s0, words, built, names) -> dict[int, tuple[Mention, list[StageWord]]]:
    """Which stage words govern each name: the words before it that open it, the words after it.

    Between a name and a word after it stand only the other names of a list and a few words
    (``A、B等一批水源工程建设加快``); a word after the names of the next list is theirs, not the
    name's (``A等项目建设和B等项目竣工``: A is built, B completed).
    """
    out: dict[int, tuple[Mention, list[StageWord]]] = {}
    for m in built:
        start, end = m.start - s0 - cs, m.end - s0 - cs
        ws = []
        closed_at = None  # where the first word after the name that ends it ends
        for ws_start, ws_end, w in words:
            if ws_end <= start:  # a word before the name: it opens the names after it
                if not _closes_a_name_before(body, ws_start, ws_end, built, s0 + cs):
                    ws.append(w)
            elif ws_start >= end:  # a word after the name: it ends the names before it
                if closed_at is not None and any(closed_at <= o.start - s0 - cs < ws_start for o in names):
                    break  # A等项目建设和B等项目竣工: 竣工 ends B's list, A's ended at 建设
                between = body[end:ws_start]
                for other in names:
                    if end <= other.start - s0 - cs and other.end - s0 - cs <= ws_start:
                        between = between.replace(other.text, "", 1)
                after = body[ws_end:]
                if _TAIL_FILLER.match(between) and (not after or after.startswith(_AFTER_TAIL) or len(after) <= 4
                                                    or _PROGRESS_FIGURE.match(after)):
                    ws.append(w)
                    closed_at = ws_end if closed_at is None else closed_at
        if ws:
            out[id(m)] = (m, ws)
    return out
