"""Which names of which reports are one entity: the merge rules of entity resolution.

An entity's IRI is made from its canonical name (:func:`graph.rdf.iri.entity_iri`), so the same
name in two reports is one node.  These rules rename what the texts show to be one entity under
several names, and write the jurisdiction into a name that means a different thing in each
jurisdiction.  Each merge carries its rule (``resolution.csv``); several rules are joined by ``+``:

``lexicon``
    the curated lexicon gives the name's canonical name (华东师大 -> 华东师范大学);
``jurisdiction``
    a name that opens with a level word (``graph/corpus/levels.tsv``) names a facility of the
    report's own jurisdiction: 区人民医院 in a report of 福田区 is 福田区人民医院, in one of 龙华区 another
    hospital.  Where the report does not say its jurisdiction the name stays as it is;
``normal-form``
    two names that differ only in width, case, quotes, brackets, spaces or the kind of dash;
``works-form``
    a project named by its works is the facility it is done on (区第三人民医院改扩建 ->
    区第三人民医院, by ``graph/extract/works.tsv``), when some report names that facility;
``alias``
    a report uses the name as an alias of a longer one (its mentions of the entity write it so):
    where another report makes it a name of its own, it is that entity too, if it is the alias of
    that one entity only and of the same class;
``project-word``
    within one jurisdiction, names that differ only by a project word at their end
    (``graph/corpus/endings.tsv``: 项目, 工程, 段 …) before which stands a specific name, of one
    class: 人大附中深圳学校高中部扩建项目 is 人大附中深圳学校高中部扩建 (the name without the word is
    kept; where no report writes it, the shortest, then the first in code-point order);
``modifier-word``
    within one jurisdiction, a name that is another with one modifier word inside it
    (``graph/corpus/modifiers.tsv``: 产业, 国际, 都市 …), of one class, a project, park, platform or
    fund, when the shorter is specific: 坝光孵化器 is 坝光产业孵化器.  The longer name is kept, unless
    two names are the shorter with a modifier word: 黄木岗交通枢纽 and 黄木岗综合枢纽 are 黄木岗枢纽;
``metro-line``
    within one jurisdiction, the lines written with different prefixes (地铁32号线一期, 轨道32号线一期,
    32号线一期) are one line: the longest name is kept;
``kind-word``
    within one jurisdiction, projects whose names differ only by a word for their kind of works
    (``graph/corpus/kinds.tsv``: 铁路, 高铁, 客专 …) are one: 深茂铁路, 深茂客专 and 深茂高铁, or
    赣深铁路龙华段 and 赣深高铁龙华段.  The name written with its kind's own word is kept (else the first
    in code-point order);
``short-form``
    within one jurisdiction, a specific name (four characters or more, not a kind of thing) that
    ends a longer one of the same class, when it ends only that one: the name without its place
    (海洋生物产业园三期 in a report of 大鹏新区 whose other reports write 大鹏海洋生物产业园三期).  Longer
    names that end one another are one chain and count once (深港科技创新合作区 in 河套深港科技创新合作区 and
    in 亲自部署河套深港科技创新合作区); two that do not (西涌星空公园, 大鹏半岛星空公园) leave it apart.  The
    longer name is kept unless fewer of the jurisdiction's reports write it than the short one: then
    it is the short name with words the extractor took with it (坪山新区和前海深港现代服务业合作区).
    The short name with a level word before it is no other longer name: it goes where the short name
    goes (市海洋博物馆 in a report of 大鹏新区, the city's museum, is the 海洋博物馆 its other reports call
    深圳海洋博物馆).

Nothing is merged across jurisdictions but by a name typed the same way, the lexicon, a works form
or an alias that points to one entity only.

Examples
--------
>>> levels = load_levels()
>>> qualify("区人民医院", "福田区", levels), qualify("区块链产业园", "福田区", levels)
('福田区人民医院', None)
>>> metro_core("地铁32号线一期"), metro_core("32号线一期")
('32号线一期', '32号线一期')
>>> kind_form("赣深铁路龙华段", load_kinds()), kind_form("深茂客专", load_kinds()), kind_form("深港机场铁路货场", load_kinds())
('赣深高铁龙华段', '深茂高铁', None)
>>> project_stem("龙澜大道北延段", load_endings()), project_stem("南澳码头工程（口岸）", load_endings())
('龙澜大道北延', '南澳码头（口岸）')
>>> sorted(without_modifier("梅观创新产业走廊", load_modifiers()))
['梅观创新走廊']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.corpus.names import ReportNames
from graph.errors import WujingError
from graph.extract.names import make_name_rules
from graph.model import top_class
from graph.resources import data_rows

__all__ = [
    "ENDINGS_PATH",
    "Ending",
    "EndingError",
    "KINDS_PATH",
    "KindError",
    "LEVELS_PATH",
    "Level",
    "LevelError",
    "MODIFIERS_PATH",
    "ModifierError",
    "load_endings",
    "load_kinds",
    "load_levels",
    "load_modifiers",
    "load_opening_modifiers",
    "merge_names",
    "kind_form",
    "metro_core",
    "normal_form",
    "project_stem",
    "qualify",
    "without_modifier",
]

#: The level words and what they must not stand before.
LEVELS_PATH = Path(__file__).with_name("levels.tsv")
#: The project words a name may end with or not (rule ``project-word``).
ENDINGS_PATH = Path(__file__).with_name("endings.tsv")
#: The modifier words a name may have inside it or not (rule ``modifier-word``).
MODIFIERS_PATH = Path(__file__).with_name("modifiers.tsv")
#: The words for a kind of works that stand for one another in a name (rule ``kind-word``).
KINDS_PATH = Path(__file__).with_name("kinds.tsv")
#: How short a name may be and still be the short form of a longer one (or the name without a modifier word).
SHORT_FORM_MIN = 4
#: The top classes whose names a modifier word leaves the same (a university's or a company's is its own).
MODIFIED_CLASSES = ("Project", "Park", "Platform", "Fund")

_QUOTES = re.compile(r"[\s“”\"'‘’「」『』《》()（）]")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−﹣－"})
_METRO = re.compile(r"^\D*?(\d{1,2}号线.*)$")
_QUALIFIER = re.compile(r"^(.+?)([（(][^（）()]+[）)])$")  # a name and the bracketed words that end it


class LevelError(WujingError, ValueError):
    """``levels.tsv`` is malformed."""


class EndingError(WujingError, ValueError):
    """``endings.tsv`` is malformed."""


class ModifierError(WujingError, ValueError):
    """``modifiers.tsv`` is malformed."""


class KindError(WujingError, ValueError):
    """``kinds.tsv`` is malformed."""


@dataclass(frozen=True)
class Level:
    """A level word (区, 市 …) and the characters after which it is part of another word."""

    word: str
    not_before: frozenset[str]


@lru_cache(maxsize=4)
def load_levels(path: Path | str = LEVELS_PATH) -> tuple[Level, ...]:
    """Read ``levels.tsv``, longest words first; raise :class:`LevelError` naming a bad line."""
    out = []
    path = Path(path)
    for lineno, cols in data_rows(path):
        if len(cols) != 2 or not cols[0].strip():
            raise LevelError(f"{path}:{lineno}: expected word<TAB>characters it must not stand before")
        out.append(Level(cols[0].strip(), frozenset(cols[1].split())))
    return tuple(sorted(out, key=lambda level: (-len(level.word), level.word)))


@dataclass(frozen=True)
class Ending:
    """A project word, and what a name must end with before it (empty: anything)."""

    word: str
    after: tuple[str, ...] = ()


@lru_cache(maxsize=4)
def load_endings(path: Path | str = ENDINGS_PATH) -> tuple[Ending, ...]:
    """Read ``endings.tsv``, longest words first; raise :class:`EndingError` naming a bad line."""
    out = {}
    path = Path(path)
    for lineno, cols in data_rows(path):
        if len(cols) != 3 or not cols[0].strip() or " " in cols[0].strip() or not cols[1].strip():
            raise EndingError(f"{path}:{lineno}: expected word<TAB>what stands before it (- for anything)<TAB>example")
        after = () if cols[1].strip() == "-" else tuple(cols[1].split())
        out[cols[0].strip()] = Ending(cols[0].strip(), after)
    return tuple(sorted(out.values(), key=lambda e: (-len(e.word), e.word)))


def project_stem(name: str, endings: tuple[Ending, ...]) -> str | None:
    """The name without the longest project word it ends with (two characters at least stay), or None.

    A word before a bracketed qualifier at the end counts too: 南澳码头工程（口岸） -> 南澳码头（口岸）.
    """
    for e in endings:
        stem = name[: -len(e.word)]
        if name.endswith(e.word) and len(stem) >= 2 and (not e.after or stem.endswith(e.after)):
            return stem
    if (m := _QUALIFIER.match(name)) and (stem := project_stem(m.group(1), endings)):
        return stem + m.group(2)
    return None


@lru_cache(maxsize=4)
def load_modifiers(path: Path | str = MODIFIERS_PATH) -> tuple[str, ...]:
    """Read ``modifiers.tsv``, longest words first; raise :class:`ModifierError` naming a bad line.

    The words that stand inside a name; those whose example has them open it are
    :func:`load_opening_modifiers`.
    """
    out = set()
    path = Path(path)
    for lineno, cols in data_rows(path):
        if len(cols) != 2 or not cols[0].strip() or " " in cols[0].strip() or " / " not in cols[1]:
            raise ModifierError(f"{path}:{lineno}: expected word<TAB>shorter name / longer name")
        if not _opens(cols):
            out.add(cols[0].strip())
    return tuple(sorted(out, key=lambda w: (-len(w), w)))


def _opens(cols: list[str]) -> bool:
    """Whether a modifiers.tsv line's example has its word open the longer name (皇岗口岸 / 新皇岗口岸)."""
    shorter, longer = (part.strip() for part in cols[1].split(" / ", 1))
    return longer == cols[0].strip() + shorter


@lru_cache(maxsize=4)
def load_opening_modifiers(path: Path | str = MODIFIERS_PATH) -> tuple[str, ...]:
    """The modifier words of ``modifiers.tsv`` whose example pair has the word open the longer name
    (皇岗口岸 / 新皇岗口岸: the new building of the port is the port's project).

    >>> load_opening_modifiers()
    ('新',)
    """
    load_modifiers(path)  # the file's errors, named
    out = {cols[0].strip() for _, cols in data_rows(Path(path)) if _opens(cols)}
    return tuple(sorted(out, key=lambda w: (-len(w), w)))


def without_modifier(name: str, modifiers: tuple[str, ...]) -> set[str]:
    """The names that ``name`` is with one modifier word inside it (two characters at least on each side)."""
    out = set()
    for word in modifiers:
        at = name.find(word, 2)
        while at != -1 and at + len(word) <= len(name) - 2:
            out.add(name[:at] + name[at + len(word):])
            at = name.find(word, at + 1)
    return out


@lru_cache(maxsize=4)
def load_kinds(path: Path | str = KINDS_PATH) -> tuple[tuple[str, str], ...]:
    """Read ``kinds.tsv`` as (word, its kind's word), longest words first; raise :class:`KindError`
    naming a bad line (a kind must be one of the words, listed as its own kind)."""
    out: dict[str, str] = {}
    path = Path(path)
    rows = list(data_rows(path))
    for lineno, cols in rows:
        if len(cols) != 3 or not cols[0].strip() or not cols[1].strip() or " / " not in cols[2]:
            raise KindError(f"{path}:{lineno}: expected word<TAB>kind<TAB>one name / another")
        out[cols[0].strip()] = cols[1].strip()
    for lineno, cols in rows:
        if out.get(cols[1].strip()) != cols[1].strip():
            raise KindError(f"{path}:{lineno}: the kind {cols[1].strip()!r} is not listed as a word of its own kind")
    return tuple(sorted(out.items(), key=lambda wk: (-len(wk[0]), wk[0])))


def kind_form(name: str, kinds: tuple[tuple[str, str], ...]) -> str | None:
    """The name with its kind word written as its kind, or None when it has none: the first kind word
    with two characters at least before it and nothing or a section (…段) after it."""
    for at in range(2, len(name)):
        for word, kind in kinds:
            rest = name[at + len(word):]
            if name.startswith(word, at) and (not rest or rest.endswith("段")):
                return name[:at] + kind + rest
    return None


def normal_form(name: str) -> str:
    """The form two spellings of one name share: NFKC, no quotes, brackets or spaces, one dash, lower case."""
    text = unicodedata.normalize("NFKC", name).translate(_DASHES)
    return _QUOTES.sub("", text).lower()


def qualify(name: str, jurisdiction: str, levels: tuple[Level, ...]) -> str | None:
    """The name with the jurisdiction in place of its level word, or None when it has none.

    >>> qualify("新区文体中心", "大鹏新区", load_levels()), qualify("区文体中心", "大鹏新区", load_levels())
    ('大鹏新区文体中心', '大鹏新区文体中心')
    >>> qualify("市民中心", "深圳市", load_levels()), qualify("区人民医院", "深圳市", load_levels())
    (None, None)
    """
    if not jurisdiction or name.startswith(jurisdiction):
        return None
    for level in levels:
        rest = name[len(level.word):]
        if (jurisdiction.endswith(level.word) and name.startswith(level.word) and len(rest) >= 2
                and rest[0] not in level.not_before):
            return jurisdiction + rest
    return None


def metro_core(name: str) -> str | None:
    """A metro line's name without what comes before its number (地铁, 轨道交通, 深圳地铁 …)."""
    m = _METRO.match(name)
    return m.group(1) if m else None


def _wide(name: str) -> int:
    """How many characters are full-width or CJK: Chinese typesetting prefers 上海交大－紫竹 to 上海交大-紫竹."""
    return sum(1 for c in name if unicodedata.east_asian_width(c) in "WF")


def scope_of(entry: ReportNames) -> str:
    """What the scoped rules compare within: the jurisdiction, or the report alone when it has none."""
    return entry.jurisdiction or f"report {entry.slug}"


class _Names:
    """The current name of every name of every report, renamed stage by stage."""

    def __init__(self, index: list[ReportNames]) -> None:
        self.index = index
        self.now = [{n: n for n in entry.names} for entry in index]
        self.rules: list[dict[str, list[str]]] = [defaultdict(list) for _ in index]

    def rename(self, i: int, mapping: dict[str, str], rule: str) -> None:
        for name, current in self.now[i].items():
            target = mapping.get(current, current)
            if target != current:
                self.now[i][name] = target
                self.rules[i][name].append(rule)

    def rename_all(self, mapping: dict[str, str], rule: str) -> None:
        if mapping:
            for i in range(len(self.index)):
                self.rename(i, mapping, rule)

    def classes(self) -> dict[str, str]:
        """Current name -> its class by mentions over all reports (ties: code-point order)."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for i, entry in enumerate(self.index):
            for name, n in entry.names.items():
                votes[self.now[i][name]][n.cls] += max(1, n.mentions)
        return {name: max(sorted(v), key=lambda c: v[c]) for name, v in votes.items()}

    def by_scope(self) -> dict[str, set[str]]:
        """Scope -> the current names of its reports."""
        out: dict[str, set[str]] = defaultdict(set)
        for i, entry in enumerate(self.index):
            out[scope_of(entry)].update(self.now[i].values())
        return out


def _settle(mapping: dict[str, str]) -> dict[str, str]:
    """Follow chains (a -> b -> c) to their end; a cycle keeps its first name in code-point order."""
    out = {}
    for name in sorted(mapping):
        seen, target = {name}, mapping[name]
        while target in mapping and target not in seen:
            seen.add(target)
            target = mapping[target]
        if target in seen:  # a cycle
            target = min(seen)
        if target != name:
            out[name] = target
    return out


def _normal_forms(names: set[str], keep_first: Callable[[str], bool]) -> dict[str, str]:
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        groups[normal_form(name)].append(name)
    mapping = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        preferred = [n for n in group if keep_first(n)]
        # not by mention counts, which a new report can change: the IRI stays put as reports are added
        target = preferred[0] if preferred else min(group, key=lambda t: (-_wide(t), t))
        mapping.update({n: target for n in group if n != target})
    return mapping


def _same_class(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and top_class(a) == top_class(b)


def _works_forms(names: set[str], classes: dict[str, str], facility_of: Callable[[str], str | None]) -> dict[str, str]:
    mapping = {}
    for name in sorted(names):
        facility = facility_of(name) if top_class(classes.get(name, "")) == "Project" else None
        if facility and facility in names and top_class(classes.get(facility, "")) == "Project":
            mapping[name] = facility
    return _settle(mapping)


def _aliases(now: _Names, classes: dict[str, str], generic: Callable[[str], bool]) -> dict[str, str]:
    """Names that some report uses as an alias of one other entity only, of the same class.

    The alias of a report of another jurisdiction counts only for a name that is not generic.
    """
    points: dict[str, set[str]] = defaultdict(set)  # the normal form of an alias -> its entities
    scopes: dict[str, set[str]] = defaultdict(set)  # ... -> the scopes whose reports use it so
    for i, entry in enumerate(now.index):
        for name, n in entry.names.items():
            for alias in n.aliases:
                points[normal_form(alias)].add(now.now[i][name])
                scopes[normal_form(alias)].add(scope_of(entry))
    where: dict[str, set[str]] = defaultdict(set)  # a current name -> its scopes
    by_form: dict[str, set[str]] = defaultdict(set)
    for i, entry in enumerate(now.index):
        for name in now.now[i].values():
            where[name].add(scope_of(entry))
            by_form[normal_form(name)].add(name)
    mapping = {}
    for form, targets in sorted(points.items()):
        if len(targets) != 1:
            continue
        (target,) = targets
        for name in sorted(by_form.get(form, ())):
            if name != target and _same_class(classes.get(name), classes.get(target)) and (
                    where[name] <= scopes[form] or not generic(name)):
                mapping[name] = target
    return _settle(mapping)


def _project_words(names: set[str], classes: dict[str, str], endings: tuple[Ending, ...],
                   is_specific: Callable[[str], bool]) -> dict[str, str]:
    groups: dict[str, set[str]] = defaultdict(set)  # a stem -> the names that are it and a project word
    for name in names:
        cls = classes.get(name)
        if cls in (None, "IndustryCluster") or metro_core(name):
            continue
        stem = project_stem(name, endings)
        if stem and is_specific(stem):
            groups[stem].add(name)
    mapping = {}
    for stem, group in sorted(groups.items()):
        members = group | ({stem} if stem in names else set())
        if len(members) < 2:
            continue
        target = stem if stem in names else min(members, key=lambda n: (len(n), n))
        mapping.update({n: target for n in sorted(members)
                        if n != target and _same_class(classes.get(n), classes.get(target))})
    return _settle(mapping)


def _modifier_words(names: set[str], classes: dict[str, str], modifiers: tuple[str, ...],
                    is_specific: Callable[[str], bool]) -> dict[str, str]:
    longer: dict[str, set[str]] = defaultdict(set)  # a name -> the names that are it with a modifier word
    opening = load_opening_modifiers()
    for name in sorted(names):
        cls = classes.get(name)
        if cls is None or top_class(cls) not in MODIFIED_CLASSES or metro_core(name):
            continue
        opened = {name[len(w):] for w in opening if name.startswith(w)}
        for short in without_modifier(name, modifiers) | opened:
            if short in names and len(short) >= SHORT_FORM_MIN and _same_class(classes.get(short), cls) \
                    and is_specific(short):
                longer[short].add(name)
    mapping: dict[str, str] = {}
    for short, group in sorted(longer.items()):
        if len(group) == 1:  # the fuller name: 深汕特别合作区, not 深汕合作区
            mapping.setdefault(short, min(group))
        else:  # 黄木岗交通枢纽 and 黄木岗综合枢纽 are both 黄木岗枢纽
            for name in sorted(group):
                mapping.setdefault(name, short)
    return _settle(mapping)


def _metro_lines(names: set[str], classes: dict[str, str]) -> dict[str, str]:
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        core = metro_core(name) if classes.get(name) == "MetroLine" else None
        if core:
            groups[core].append(name)
    mapping = {}
    for group in groups.values():
        target = min(group, key=lambda n: (-len(n), n))
        mapping.update({n: target for n in group if n != target})
    return mapping


def _kind_words(names: set[str], classes: dict[str, str], kinds: tuple[tuple[str, str], ...]) -> dict[str, str]:
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        form = kind_form(name, kinds) if top_class(classes.get(name, "")) == "Project" else None
        if form:
            groups[form].append(name)
    mapping = {}
    for form, group in groups.items():
        target = form if form in group else group[0]
        mapping.update({n: target for n in group if n != target and classes.get(n) == classes.get(target)})
    return mapping


def _short_forms(names: set[str], classes: dict[str, str], is_specific: Callable[[str], bool],
                 reports: Callable[[str], int], levels: tuple[Level, ...] = ()) -> dict[str, str]:
    ends: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for k in range(SHORT_FORM_MIN, len(name) - 1):
            ends[name[-k:]].add(name)
    level_words = {level.word for level in levels}
    mapping = {}
    for name in sorted(names):
        cls = classes.get(name)
        if cls in (None, "IndustryCluster") or len(name) < SHORT_FORM_MIN or metro_core(name):
            continue
        longer = {n for n in ends.get(name, ()) if _same_class(classes.get(n), cls)}
        # a level word before the name is no other thing (市海洋博物馆 in a district's report: the city's
        # 海洋博物馆, the one its other reports call 深圳海洋博物馆); it goes where the name goes
        leveled = {w + name for w in level_words if w + name in names and _same_class(classes.get(w + name), cls)}
        longer -= leveled
        # a longer name that ends another longer one is its short form's chain, not a second thing:
        # 深港科技创新合作区 < 河套深港科技创新合作区 < 亲自部署河套深港科技创新合作区
        longer = {n for n in longer if not any(n != m and n.endswith(m) for m in longer)}
        if len(longer) == 1 and is_specific(name):
            long = longer.pop()
            # the longer name, unless fewer reports write it: then it is the short name and words the
            # extractor took with it (坪山新区和前海深港现代服务业合作区, 助推前海蛇口自贸片区)
            if reports(long) < reports(name):
                mapping[long] = name
                mapping.update({n: name for n in leveled})
            else:
                mapping[name] = long
                mapping.update({n: long for n in leveled})
    return _settle(mapping)


def merge_names(index: list[ReportNames], lexicon) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """For each report (in build order), its names to rename -> their targets, and the rules of each.

    Parameters
    ----------
    index
        The name index of every report (:func:`graph.corpus.names.report_names`).
    lexicon
        The curated lexicon (:func:`graph.extract.lexicon.load_lexicon`), or an empty one.

    Returns
    -------
    The mapping of each report and, for each, name -> the rules that renamed it (``lexicon+normal-form``).
    """
    levels, endings, modifiers, kinds = load_levels(), load_endings(), load_modifiers(), load_kinds()
    rules = make_name_rules()
    now = _Names(index)

    for i, entry in enumerate(index):  # the report's own: its lexicon, its jurisdiction
        now.rename(i, {n: lexicon.canonical(n) for n in entry.names if lexicon.canonical(n) != n}, "lexicon")
        qualified = {}
        for name, n in entry.names.items():
            current = now.now[i][name]
            if n.cls != "IndustryCluster" and current not in lexicon.classes:
                if q := qualify(current, entry.jurisdiction, levels):
                    qualified[current] = q
        now.rename(i, qualified, "jurisdiction")

    every = {n for names in now.now for n in names.values()}
    now.rename_all(_normal_forms(every, lambda n: n in lexicon.classes), "normal-form")
    every = {n for names in now.now for n in names.values()}
    classes = now.classes()
    now.rename_all(_works_forms(every, classes, rules.facility_of), "works-form")
    classes = now.classes()
    now.rename_all(_aliases(now, classes, lambda n: n in rules.by_ending or not rules.is_specific(n)), "alias")

    classes = now.classes()
    specific = lambda n: rules.is_specific(n, industries=True)  # noqa: E731
    scoped = (("project-word", lambda names, reports: _project_words(names, classes, endings, specific)),
              ("modifier-word", lambda names, reports: _modifier_words(names, classes, modifiers, specific)),
              ("metro-line", lambda names, reports: _metro_lines(names, classes)),
              ("kind-word", lambda names, reports: _kind_words(names, classes, kinds)),
              ("short-form", lambda names, reports: _short_forms(names, classes, specific, reports.__getitem__,
                                                                  levels)))
    for scope, names in sorted(now.by_scope().items()):
        in_scope = [i for i, entry in enumerate(index) if scope_of(entry) == scope]
        for rule, rule_mapping in scoped:  # each rule sees the names the rules before it left
            reports = Counter(n for i in in_scope for n in set(now.now[i].values()))  # reports naming each
            mapping = rule_mapping(names, reports)
            for i in in_scope:
                now.rename(i, mapping, rule)
            names = {mapping.get(n, n) for n in names}

    mappings = [{n: t for n, t in names.items() if t != n} for names in now.now]
    why = [{n: "+".join(now.rules[i][n]) for n in mappings[i]} for i in range(len(index))]
    return mappings, why
