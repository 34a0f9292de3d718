"""What is no project, even with a stage: a water body kept up, housing, a land parcel (plain Python).

A report states stages of things that are no project (``tests/data/gold/GUIDE.md``, "Not projects,
even with a stage"): a river it keeps up (``加快乐道浜、家西河治理进度``: a natural feature, not
something built), the housing it completes (``万科青藤、光合上城等高品质住宅竣工``, 花厅安置房, also a
named housing 项目), the land it sells (``兰香湖商品住宅及高品质酒店地块出让``).  The name finders type
such names as projects by their ending or their list; :func:`leave_out_nonprojects` takes the ones
the words of ``nonprojects.tsv`` (documented in ``NONPROJECTS.md``) say are none out of the
entities, and lists them with a reason, for ``out/unplaced.csv`` (:mod:`graph.extract.unplaced`).

A name is

* **a water body kept up** when it ends like one (…河, …浜, …湖, …流域) and says its upkeep in its
  tail (布吉河综合整治, 滆湖治理) or, bare, stands in a clause that says it (治理, 清淤, 水质达标 …),
  in a list of works too (``开工长江池州段河道治理、…改造等工程``); a works named with a works head
  is a project (深圳河治理四期工程, 茅洲河碧道, 铁岗水库: they end otherwise);
* **housing** when it ends with a housing ending or kind, less any works and phase after it
  (花厅安置房, 人才公寓一期, 塘湾老街老旧住房改造, XX公共住房项目), or its list calls it so
  (``A、B等高品质住宅竣工``, ``A、B等保障性住房建设``); a named 棚改 project is urban renewal, a project;
* **a land parcel** when it ends so (…地块, …宗地) or its list calls it so; what is built on a
  parcel is named as such and ends otherwise (…地块幼儿园, …地块AI科技农业项目).

A water body or parcel the report names with a works head right after it (…地块项目, …河工程) is a
project in every sentence; housing is none, named so or not.  Names of the curated lexicon keep
their class.

Examples
--------
>>> rules = load_nonprojects()
>>> rules.what("乐道浜", "加快乐道浜、家西河治理进度", 2, 5)
'water'
>>> rules.what("深圳河治理四期工程", "推进深圳河治理四期工程建设", 2, 11) is None
True
>>> rules.what("万科青藤", "万科青藤、光合上城等高品质住宅竣工", 0, 4)
'housing'
>>> rules.what("兰香湖商品住宅及高品质酒店地块", "完成兰香湖商品住宅及高品质酒店地块出让", 2, 17)
'parcel'
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from graph.errors import WujingError
from graph.extract.families import load_works
from graph.extract.patterns import CLAUSE_BREAKS
from graph.model import Entity, Mention, Sentence, label_of, top_class
from graph.resources import data_rows

__all__ = ["KINDS", "NONPROJECTS_PATH", "REASONS", "NonProjects", "NonProjectsError", "leave_out_nonprojects",
           "load_nonprojects"]

#: The words of what is no project (``word<TAB>kind<TAB>example``; see ``NONPROJECTS.md``).
NONPROJECTS_PATH = Path(__file__).with_name("nonprojects.tsv")
#: The kinds of word of ``nonprojects.tsv``.
KINDS = ("water", "upkeep", "head", "housing", "parcel", "leisure")
#: Why a name is left out (the ``reason`` of its row of ``unplaced.csv``), by what it is.
REASONS = {
    "water": "no project: a water body kept up",
    "housing": "no project: housing",
    "parcel": "no project: a land parcel",
}

_CLAUSE_BREAKS = re.compile(f"[{CLAUSE_BREAKS}]")
#: A phase after a name (人才公寓一期, …（二期）): the phase of what the name is.
_PHASE = re.compile(r"[（(〔]?[一二三四五六七八九十]+期[）)〕]?$")
#: The other items of a list after a name (、B、C和D), up to what follows the list.
_LIST_TAIL = re.compile(r"^(?:[、和及与][^、，。；：！？等的]{1,15})+")
#: What calls a list's items something: 等 (等一批…), or a count (2个, 两所).
_LIST_HEAD = re.compile(r"^(?:等|[\d一二两三四五六七八九十几]+[个处所栋套宗条座项家类批])")
#: How far after 等 or the count a list's head may stand (等高品质住宅, 等2条河道).
_HEAD_SPAN = 12


class NonProjectsError(WujingError, ValueError):
    """The file of what is no project is malformed."""


@dataclass(frozen=True)
class NonProjects:
    """The words of ``nonprojects.tsv`` by kind, and the works words of ``works.tsv``.

    ``works`` are every word of works (改造, 建设, 项目 …) a housing name may end with; ``modifiers``
    the words that only qualify works (综合, 环境), which may stand in a water body's upkeep tail.
    """

    words: dict[str, tuple[str, ...]]
    works: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()

    def of(self, kind: str) -> tuple[str, ...]:
        """The words of one kind, longest first."""
        return self.words.get(kind, ())

    def what(self, name: str, clause: str, start: int, end: int) -> str | None:
        """What the name at ``clause[start:end]`` is, if it is no project: ``water``, ``housing``,
        ``parcel``, or None.

        Examples
        --------
        >>> rules = load_nonprojects()
        >>> rules.what("布吉河综合整治", "推进布吉河综合整治", 2, 9)
        'water'
        >>> rules.what("家西河", "家西河两岸风景优美", 0, 3) is None  # no upkeep said
        True
        >>> rules.what("长江池州段河道治理", "开工长江池州段河道治理、淠史杭灌区现代化改造等工程", 2, 11)
        'water'
        >>> rules.what("人才公寓一期", "人才公寓一期竣工", 0, 6), rules.what("龙东上井地块", "龙东上井地块", 0, 6)
        ('housing', 'parcel')
        >>> rules.what("福龙桃花园", "新建云森公园、福龙桃花园等6个公园", 7, 12) is None  # a garden among parks
        True
        """
        kind = self.of_name(name)
        head = self.list_head(clause[end:])
        if kind == "housing" and any(w in head for w in self.of("leisure")):
            return None  # 新建云森公园、福龙桃花园等6个公园: a garden among parks
        if kind:
            return kind
        if any(w in head for w in self.of("housing")):
            return "housing"
        if any(w in head for w in self.of("parcel")):
            return "parcel"
        if name.endswith(self.of("water")):
            said = clause[:start] + clause[end:]
            if any(w in said for w in self.of("upkeep")):
                return "water"  # 加快乐道浜、家西河治理进度
        return None

    def of_name(self, name: str) -> str | None:
        """What a name says it is by itself (its ending, less works and phase), or None.

        Examples
        --------
        >>> rules = load_nonprojects()
        >>> rules.of_name("花厅安置房"), rules.of_name("塘湾老街老旧住房改造"), rules.of_name("滆湖治理")
        ('housing', 'housing', 'water')
        >>> [rules.of_name(n) for n in ("紫竹科学园区09A-08A地块幼儿园", "茅洲河碧道", "虹台地块AI科技农业项目")]
        [None, None, None]
        """
        core = _PHASE.sub("", name)
        if _strip(core, self.works).endswith(self.of("housing")):
            return "housing"  # 花厅安置房, XX公共住房项目, 塘湾老街老旧住房改造
        if core.endswith(self.of("parcel")):
            return "parcel"
        base = _strip(name, self.of("upkeep") + self.modifiers)  # a phase (深圳河治理四期) names works
        if base != name and base.endswith(self.of("water")) and any(w in name[len(base):] for w in self.of("upkeep")):
            return "water"  # 布吉河综合整治, 滆湖治理: the upkeep is in the name
        return None

    def names_works(self, surface: str, after: str) -> bool:
        """Whether a name as written (``surface``) ends with a works head or one follows it (``after``):
        …地块项目, …河工程 name works, which are projects."""
        return surface.endswith(self.of("head")) or after.startswith(self.of("head"))

    def list_head(self, after: str) -> str:
        """What the list a name stands in calls its items: the words after 等 or a count that
        follow the list (``、光合上城、兰香湖贰号等高品质住宅竣工`` -> ``高品质住宅竣工``), or ``""``."""
        after = _CLAUSE_BREAKS.split(after, 1)[0]
        after = after[_LIST_TAIL.match(after).end():] if _LIST_TAIL.match(after) else after
        m = _LIST_HEAD.match(after)
        return after[m.end() : m.end() + _HEAD_SPAN] if m else ""


def _strip(name: str, words: tuple[str, ...]) -> str:
    """``name`` less a run of ``words`` at its end, leaving at least two characters."""
    changed = True
    while changed:
        changed = False
        for w in words:
            if name.endswith(w) and len(name) - len(w) >= 2:
                name, changed = name[: -len(w)], True
                break
    return name


def load_nonprojects(path: Path | str = NONPROJECTS_PATH) -> NonProjects:
    """Read ``nonprojects.tsv``; raise :class:`NonProjectsError` naming the line that is wrong."""
    path = Path(path)
    words: dict[str, list[str]] = {k: [] for k in KINDS}
    seen: set[tuple[str, str]] = set()
    for lineno, row in data_rows(path):
        cols = [c.strip() for c in row]
        if len(cols) < 3 or not cols[0] or not cols[2]:
            raise NonProjectsError(f"{path}:{lineno}: expected word<TAB>kind<TAB>example")
        if cols[1] not in KINDS:
            raise NonProjectsError(f"{path}:{lineno}: kind must be one of {', '.join(KINDS)}, not {cols[1]!r}")
        if (cols[0], cols[1]) in seen:
            raise NonProjectsError(f"{path}:{lineno}: {cols[0]!r} is listed twice")
        seen.add((cols[0], cols[1]))
        words[cols[1]].append(cols[0])
    works = load_works()
    return NonProjects(
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in words.items()},
        tuple(sorted((w for w, _ in works), key=len, reverse=True)),
        tuple(sorted((w for w, role in works if role == "modifier"), key=len, reverse=True)),
    )


def leave_out_nonprojects(
    entities: dict[str, Entity], sentences: list[Sentence], rules: NonProjects, keep: Container[str] = frozenset(),
) -> tuple[dict[str, Entity], list[tuple[str, str, int]]]:
    """The entities without the projects that are none, and ``(name, reason, sentence)`` of each.

    An entity of class ``Project`` is left out when its name, or any of its mentions in its clause,
    says it is a water body kept up, housing or a land parcel (:meth:`NonProjects.what`); the
    sentence is the one of that mention (of its first, when the name says it).  Names in ``keep``
    (the lexicon's) stay.

    Examples
    --------
    >>> s = Sentence(0, 0, 13, "加快乐道浜、家西河治理进度。", "", "2026")
    >>> ms = {n: Entity(n, "Project", mentions=[Mention(n, a, a + 3, "Project", "milestone", 0, n)])
    ...       for n, a in (("乐道浜", 2), ("家西河", 6))}
    >>> kept, left = leave_out_nonprojects(ms, [s], load_nonprojects())
    >>> kept, left
    ({}, [('乐道浜', 'no project: a water body kept up', 0), ('家西河', 'no project: a water body kept up', 0)])
    """
    by_index = {s.index: s for s in sentences}
    kept: dict[str, Entity] = {}
    left: list[tuple[str, str, int]] = []
    for key, e in entities.items():
        found = None
        if e.cls == "Project" and key not in keep and label_of(key) not in keep:
            found = _said(label_of(key), e.mentions, by_index, rules)
        if found:
            left.append((key, REASONS[found[0]], found[1]))
        else:
            kept[key] = e
    return kept, left


def _said(name: str, mentions: list[Mention], sentences: dict[int, Sentence], rules: NonProjects) -> tuple[str, int] | None:
    """(kind, sentence) of the first of the name's mentions that says it is no project, or None.

    A water body or parcel that one mention names with a works head (…地块项目) is a project;
    housing is none, named so or not (GUIDE.md).
    """
    found, works = None, False
    for m in mentions:
        s = sentences.get(m.sentence)
        if s is None or top_class(m.cls) != "Project":
            continue
        start, end = m.start - s.start, m.end - s.start
        left = max((b.end() for b in _CLAUSE_BREAKS.finditer(s.text, 0, start)), default=0)
        right = next((b.start() for b in _CLAUSE_BREAKS.finditer(s.text, end)), len(s.text))
        clause = s.text[left:right]
        works = works or rules.names_works(m.text, clause[end - left :])
        kind = found is None and rules.what(name, clause, start - left, end - left)
        if kind:
            found = (kind, m.sentence)
    if found and works and found[0] != "housing":
        return None
    return found
