"""The extraction pipeline: report text -> mentions -> entities, relations and milestones.

This is the only module (with ``components``) that imports spaCy; what it returns is plain data
from :mod:`graph.model`.

Examples
--------
>>> from graph.model import Report
>>> ex = extract(Report(slug="t", text="依托上海市养老科技产业园，引进银发无忧、中顺洁柔等26家企业。\\n", year="2026"))
>>> sorted(ex.entities)
['上海市养老科技产业园', '中顺洁柔', '养老科技', '银发无忧']
>>> ('银发无忧', 'locatedIn', '上海市养老科技产业园') in {(r.subject, r.predicate, r.object) for r in ex.relations}
True
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from functools import lru_cache

import confection
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from graph.errors import UsageError
from graph.extract import components, industries  # noqa: F401  (registers the components)
from graph.extract.components import CANDIDATES, ENTITIES, NamesRuler, Resolver
from graph.extract.spans import make_docs
from graph.extract.lexicon import EMPTY, Lexicon, load_lexicon
from graph.extract.names import NameRules, make_name_rules
from graph.extract.nonprojects import NonProjects, leave_out_nonprojects, load_nonprojects
from graph.extract.patterns import (NAME_KEEPING_ENDINGS, PARK_SECTIONS, PLACE_WORDS, PROJECT_TAILS, SHORT_FORM_TAILS,
                                     ZONE_PARTS)
from graph.extract.relations import find_relations
from graph.extract.senses import HEAD_RULES, split_senses
from graph.extract.trained import MODES, add_trained_names
from graph.model import Entity, Extraction, Mention, Report, Sentence, label_of, top_class
from graph.text.sentences import split_sentences

_QUOTES = re.compile(r"[“”\"]")
_QUOTED_PROJECT = re.compile(r"“([^“”]+)”项目")
#: A company's name in quotes before the generic word for a company (引进“联合飞机”公司).
_QUOTED_COMPANY = re.compile(r"“([^“”]{2,})”(?:有限公司|公司|集团)")
_OWNER_CLASSES = ("University", "Enterprise", "ListedCompany", "ResearchInstitute")
_OWNED_CLASSES = (
    "Platform", "Incubator", "Laboratory", "Alliance", "ResearchInstitute", "Fund", "Project",
    "University", "Park",
)
#: What finds names by default (:data:`graph.extract.trained.MODES`): the rules, the trained model, or both.
DEFAULT_MODEL = "rules"
#: The components that find names by rules, in pipeline order (each a factory of
#: :mod:`graph.extract.components`, its word lists in its config): adding one is one line here.
RULE_COMPONENTS = (
    "wj_suffix_names",
    "wj_metro_lines",
    "wj_enumerations",
    "wj_context_names",
    "wj_cooperation_names",
    "wj_milestone_projects",
)


def make_nlp(names: dict[str, tuple[str, str]] | None = None, known: dict[str, tuple[str, str]] | None = None,
             model: str = "rules", validate: bool = False) -> Language:
    """Build the pipeline: a blank ``zh`` pipeline (character segmenter) and our components.

    Parameters
    ----------
    names
        Lexicon surface form -> (class, canonical name); matched by ``wj_names`` (a phrase matcher).
    known
        Names typed elsewhere in the same report -> (class, canonical); matched by a second ruler,
        so that 华东师大 is found in every sentence once one sentence has typed it.
    model
        ``"rules"`` (the pattern components), ``"model"`` (the trained model of
        :mod:`graph.extract.trained` instead of them) or ``"both"``; the lexicon ruler is there in
        every mode when ``names`` is given.
    validate
        Check every component's config against its factory's type hints (spaCy's config
        validation).  Off by default: the configs are this package's own defaults and the word
        tables, checking them costs more than half of making the pipeline (0.15 s CPU, see
        :func:`_unchecked_configs`), and ``tests/extract/test_pipeline_creation.py``
        builds the pipeline with it on.
    """
    if model not in MODES:
        raise UsageError(f"model must be one of {', '.join(MODES)}, not {model!r}")
    with nullcontext() if validate else _unchecked_configs():
        nlp = spacy.blank("zh")
        nlp.add_pipe("wj_init")
        for key, rule, table in (("wj_lexicon", "lexicon", names), ("wj_known", "known", known)):
            if table:
                nlp.add_pipe("wj_names", name=key, config={"names": {s: list(v) for s, v in table.items()}, "rule": rule},
                             validate=validate)
        for name in RULE_COMPONENTS if model != "model" else ():
            nlp.add_pipe(name, validate=validate)
        nlp.add_pipe("wj_industries", validate=validate)
        if model != "rules":
            add_trained_names(nlp)  # last before wj_resolve: it sees every other candidate
        nlp.add_pipe("wj_resolve", validate=validate)
        return nlp


@contextmanager
def _unchecked_configs() -> Iterator[None]:
    """Within: spaCy's registry fills the components' configs without checking their types.

    ``add_pipe(validate=False)`` turns off only spaCy's own check: confection 1.3's
    ``registry.resolve`` fills the config with ``validate=True`` whatever it is given, and type-checks
    every word of every list (0.08 s CPU of a cold ``make_nlp``).  The filled configs are the same.
    """
    own, fill = registry.__dict__.get("fill"), confection.registry.fill.__func__
    registry.fill = classmethod(lambda cls, config, **kw: fill(cls, config, **{**kw, "validate": False}))
    try:
        yield
    finally:
        if own is None:
            del registry.fill  # the inherited one again
        else:
            registry.fill = own


@lru_cache(maxsize=4)
def _lexicon(use_lexicon: bool) -> Lexicon:
    return load_lexicon() if use_lexicon else EMPTY


@lru_cache(maxsize=1)
def _name_rules() -> NameRules:
    return make_name_rules()


@lru_cache(maxsize=1)
def _nonprojects() -> NonProjects:
    return load_nonprojects()


def _canonical(surface: str, kb_id: str, lexicon: Lexicon, cls: str = "") -> str:
    """The canonical name of a mention: lexicon name, else the text without quotes.

    A project named ``航电基地一期项目`` once and ``航电基地一期`` elsewhere is one project; a project
    named by its works is the facility they are done on (``区第三人民医院改扩建`` is 区第三人民医院,
    :meth:`~graph.extract.names.NameRules.facility_of`), with the works as an alias.
    """
    quoted = _QUOTED_PROJECT.fullmatch(surface)
    name = kb_id or (quoted.group(1) if quoted else _QUOTES.sub("", surface))
    name = lexicon.canonical(name)
    if cls == "Project" and name not in lexicon.classes:
        facility = _name_rules().facility_of(name)
        if facility:  # 区第三人民医院改扩建 is the works on 区第三人民医院: one project in every report
            return lexicon.canonical(facility)
    if cls in ("Project", "MetroLine"):
        for tail in PROJECT_TAILS:
            if name.endswith(tail) and name[: -len(tail)].endswith(NAME_KEEPING_ENDINGS):
                return lexicon.canonical(name[: -len(tail)])
    return name


def _to_mentions(sent: Sentence, spans, lexicon: Lexicon) -> list[Mention]:
    out = []
    for span in spans:
        # the doc's text is the sentence's (spaCy keeps every character), so no join of tokens
        start, end, label = span.start_char, span.end_char, span.label_
        text = sent.text[start:end]
        canonical = _canonical(text, span.kb_id_, lexicon, label)
        out.append(Mention(text, sent.start + start, sent.start + end, label, span.id_, sent.index, canonical))
    return out


def _KnownRuler(nlp: Language, known: dict[str, tuple[str, str]]) -> NamesRuler:
    """The names typed elsewhere in the report as a ruler: one phrase matcher on the shared
    vocabulary (``make_nlp(names, known)`` would build a whole pipeline per report for this)."""
    return NamesRuler(nlp, {s: list(v) for s, v in known.items()}, "known")


_METRO = re.compile(r"^(?P<prefix>\D*?)(?P<n>\d{1,2})号线(?P<ext>.*)$")


def _metro_names(mentions: list[Mention]) -> list[Mention]:
    """One canonical name per metro line of a report: the prefix the report writes for it.

    ``轨交23号线`` and ``23号线`` are one line; a line the report never writes with a prefix gets the
    prefix the report writes most (轨交15号线南延伸段 when 轨交 is the report's word).
    """
    parsed = {i: _METRO.match(m.canonical) for i, m in enumerate(mentions) if m.cls == "MetroLine" and m.rule.startswith("metro")}
    parsed = {i: p for i, p in parsed.items() if p}
    if not parsed:
        return mentions
    prefixes = Counter(p.group("prefix") for p in parsed.values() if p.group("prefix"))
    by_line: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for p in parsed.values():
        if p.group("prefix"):
            by_line[(p.group("n"), p.group("ext"))][p.group("prefix")] += 1
            by_line[(p.group("n"), "")][p.group("prefix")] += 1
    default = prefixes.most_common(1)[0][0] if prefixes else ""
    out = list(mentions)
    for i, p in parsed.items():
        n, ext = p.group("n"), p.group("ext")
        seen = by_line.get((n, ext)) or by_line.get((n, ""))
        prefix = seen.most_common(1)[0][0] if seen else default
        out[i] = replace(mentions[i], canonical=f"{prefix}{n}号线{ext}")
    return out


def _known_names(mentions: list[Mention], lexicon: Lexicon, resolver: Resolver) -> dict[str, tuple[str, str]]:
    """Surface forms typed by a pattern somewhere in the report -> (class, canonical)."""
    best: dict[str, tuple[int, str, str]] = {}
    for m in mentions:
        kind = m.rule.split(":", 1)[0]
        if kind == "lexicon" or len(m.text) < 2 or "“" in m.text or m.rule.endswith((":composed", ":shared")):
            continue  # a composed name (华东师大 -> 华东师大孵化器) says nothing about other 华东师大
        rank = resolver.rank(m.rule)
        if m.text not in best or rank < best[m.text][0]:
            best[m.text] = (rank, m.cls, m.canonical)
    lex = lexicon.names()
    return {s: (cls, canon) for s, (_, cls, canon) in best.items() if s not in lex}


#: What a project's name adds to the name of what it is a phase of (三期工程, 二期项目): such a project
#: names the other (南京禄口机场 in 南京禄口机场三期工程).  Works on a thing (铁岗水库扩建, 滨海大道下沉改造)
#: are the thing's project itself (:func:`_canonical`), not a second one inside them.
_WORKS_TAIL = re.compile(r"^(?:[一二三四五六七八九十]期(?:工程|项目)?|工程|项目)$")


#: Rules of names that name works on something (…扩建, …改造): no project is named inside them.
_WORKS_ENDINGS = tuple(f"suffix:{w}" for w in ("改扩建", "扩建", "改造", "提标改造", "整治", "治理"))


def _prefix_names(docs: list[Doc], lexicon: Lexicon) -> dict[str, tuple[str, str]]:
    """Names a family's ending found at the start of a longer name that was chosen instead of them.

    深圳大学 in 深圳大学龙岗创新研究院, 南京禄口机场 in 南京禄口机场三期工程, 鹏城实验室 in
    鹏城实验室石壁龙园区一期项目: each is a name of its own (GUIDE.md, "Nested names"), and
    :func:`_nested_names` makes it a mention.  A research institute inside a longer name is left out
    (中国科学院 is annotated only where the report names it on its own).
    """
    out: dict[str, tuple[str, str]] = {}
    for doc in docs:
        if len(doc.spans[CANDIDATES]) <= len(doc.spans[ENTITIES]):
            continue  # every candidate was chosen: none inside another
        chosen = {s.start_char: s for s in doc.spans[ENTITIES]}
        for c in doc.spans[CANDIDATES]:
            outer = chosen.get(c.start_char)
            if (outer is None or c.end_char >= outer.end_char or c.label_ in ("IndustryCluster", "ResearchInstitute")
                    or not c.id_.startswith("suffix") or len(c.text) < 3 or any(d in c.text for d in "－-—")):
                continue
            tail = outer.text[len(c.text):]
            if top_class(c.label_) == "Project" and (not _WORKS_TAIL.match(tail) or c.id_.endswith(_WORKS_ENDINGS)):
                continue  # 南京禄口机场 of 南京禄口机场三期工程, not 虹台地块 of 虹台地块AI科技农业项目
            out.setdefault(c.text, (c.label_, _canonical(c.text, c.kb_id_, lexicon, c.label_)))
    return out


def _cluster_names(mentions: list[Mention]) -> dict[str, tuple[str, str]]:
    """The industries the report writes on their own, to be looked up inside its other names too (时尚 of
    大浪时尚小镇 where the report also names 时尚): surface -> (class, canonical)."""
    out: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.cls == "IndustryCluster":
            for form in (m.canonical, m.text):
                out.setdefault(form, (m.cls, m.canonical))
    return out


#: The classes of a company's works, plant, base or R&D centre, named after the company (柔宇科技生产线).
_WORKS_CLASSES = ("Project", "Platform", "Laboratory", "ResearchInstitute")


def _owner_names(mentions: list[Mention], text: str = "") -> dict[str, tuple[str, str]]:
    """The enterprises and universities that names open with (京东 of 京东总部, 香港中文大学 of
    香港中文大学（深圳）, 柔宇科技 of 柔宇科技生产线): surface -> (class, canonical).

    :func:`_nested_names` makes each a mention inside the longer name (GUIDE.md, "Nested names"),
    and the relations make the longer name affiliatedWith it (:meth:`NameRules.owner_of`,
    :meth:`NameRules.works_owner`).  A company of a works' name is no company when the report
    ``text`` writes its start as a place (宝安 of 宝安新能源项目, where it writes 宝安区: :func:`_placed`).

    >>> ms = [Mention("柔宇科技生产线", 0, 7, "Project", "suffix:生产线", 0, "柔宇科技生产线"),
    ...       Mention("宝安新能源项目", 8, 15, "Project", "suffix:项目", 0, "宝安新能源项目")]
    >>> _owner_names(ms, "柔宇科技生产线、宝安新能源项目。宝安区")
    {'柔宇科技': ('Enterprise', '柔宇科技')}
    """
    rules = _name_rules()
    out: dict[str, tuple[str, str]] = {}
    for m in mentions:
        owner = rules.owner_of(m.text) if m.cls != "IndustryCluster" else None
        if owner:
            cls = "University" if rules.suffix_class(owner) == "University" else "Enterprise"
            out.setdefault(owner, (cls, owner))
        elif m.cls in _WORKS_CLASSES and (owner := rules.works_owner(m.text)) and not _placed(owner, text):
            out.setdefault(owner, ("Enterprise", owner))
    return out




def _placed(name: str, text: str) -> bool:
    """Whether ``name`` opens with a place of the report: its first two or three characters followed
    by a jurisdiction's word somewhere in ``text`` (宝安 of 宝安新能源, where the report writes 宝安区).

    >>> _placed("宝安新能源", "宝安区加快发展"), _placed("柔宇科技", "宝安区加快发展")
    (True, False)
    """
    return any(name[:n] + w in text for n in (2, 3) for w in PLACE_WORDS)


#: After a park's name at the start of a park's name: a part of it (宝龙科技城核心区, 国际低碳城坪西片区).
_PART_OF_PARK = re.compile(r"^[^，。、]{0,4}(?:" + "|".join(ZONE_PARTS + PARK_SECTIONS) + ")$")


def _nested_names(mentions: list[Mention], surfaces: dict[str, tuple[str, str]]) -> list[Mention]:
    """Names inside longer names, as mentions of their own.

    * an owner at the start: 宁德时代 in 宁德时代未来能源研究院 (``nested:prefix``);
    * a park anywhere: 紫竹高新区 in 上海交大－紫竹高新区概念验证中心 (``nested:park``), also at the start
      of a park that is a part of it, when the report writes it alone too: 宝龙科技城 in 宝龙科技城核心区;
    * a cluster anywhere: 养老科技 in 上海市养老科技产业园 (``nested:cluster``);
    * any other name at the start: 南京禄口机场 in 南京禄口机场三期工程 (``nested:name``).
    """
    lengths = sorted({len(s) for s in surfaces})
    alone = {m.text for m in mentions}
    out = []
    for m in mentions:
        if m.cls not in _OWNED_CLASSES and m.cls not in ("Enterprise", "ListedCompany"):
            continue
        taken: set[int] = set()
        # only the surfaces that occur in the name can nest in it: look its substrings up
        text = m.text
        inside = {text[i : i + n] for n in lengths for i in range(len(text) - n + 1)}
        inside = sorted((s for s in inside if s in surfaces), key=lambda s: (-len(s), s))
        for surface in inside:
            cls, canon = surfaces[surface]
            if canon == m.canonical or len(surface) >= len(m.canonical):
                continue
            if cls in _OWNER_CLASSES and m.cls in _OWNED_CLASSES and m.text.startswith(surface) and m.canonical.startswith(surface):
                rule, at = "nested:prefix", 0
            elif cls == "Park" and m.cls not in ("IndustryCluster", "Enterprise", "ListedCompany"):
                # a park that opens the name, or follows a dash (上海交大－紫竹高新区概念验证中心)
                at, rule = m.text.find(surface), "nested:park"
                # a park's part opens with the park's name (宝龙科技城核心区), a name the report also writes alone
                part = at == 0 and m.cls == "Park" and _PART_OF_PARK.match(m.text[len(surface):]) and surface in alone
                if at < 0 or (at == 0 and m.cls == "Park" and not part) or (at > 0 and m.text[at - 1] not in "－-—"):
                    continue
            elif cls == "IndustryCluster" and m.cls not in ("IndustryCluster", "University"):
                at, rule = m.text.find(surface), "nested:cluster"
                if at < 0:
                    continue
            elif m.text.startswith(surface) and m.canonical.startswith(surface) and m.text[len(surface):len(surface) + 1] != "〔":
                rule, at = "nested:name", 0  # 南京禄口机场 in 南京禄口机场三期工程
            else:
                continue
            span = set(range(at, at + len(surface)))
            if span & taken:
                continue
            taken |= span
            out.append(Mention(surface, m.start + at, m.start + at + len(surface), cls, rule, m.sentence, canon))
    return out


def _short_forms(mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """One entity for a name the report writes with and without a tail of :data:`SHORT_FORM_TAILS`.

    华为 and 华为公司, 天安云谷 and 天安云谷产业园 in one report are one entity named by the fuller
    form; a short form that two fuller forms share (华为公司, 华为集团) is left as it is, and so is a
    pair of different classes or a name of the lexicon.  So are a park's, platform's or
    organisation's name and the same name after a place (东方航天港 and 烟台东方航天港, 国际创新中心 and
    深圳国际创新中心: :func:`_without_place`), named by the shorter form the report writes too.

    Examples
    --------
    >>> ms = [Mention("华为", 0, 2, "Enterprise", "enum:等", 0, "华为"),
    ...       Mention("华为公司", 9, 13, "Enterprise", "suffix:公司", 1, "华为公司")]
    >>> [m.canonical for m in _short_forms(ms, EMPTY)]
    ['华为公司', '华为公司']
    >>> ms = [Mention("东方航天港", 0, 5, "Park", "suffix:航天港", 0, "东方航天港"),
    ...       Mention("烟台东方航天港", 9, 16, "Park", "suffix:航天港", 1, "烟台东方航天港"),
    ...       Mention("烟台丁字湾", 20, 25, "Park", "enum:list", 2, "烟台丁字湾")]
    >>> [m.canonical for m in _short_forms(ms, EMPTY)]
    ['东方航天港', '东方航天港', '烟台丁字湾']
    """
    classes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        classes[m.canonical][top_class(m.cls)] += 1
    fuller: dict[str, set[str]] = defaultdict(set)
    for name, votes in classes.items():
        tail = next((t for t in SHORT_FORM_TAILS if name.endswith(t) and len(name) - len(t) >= 2), None)
        short = name[: -len(tail)] if tail else None
        if (short in classes and name not in lexicon.classes and short not in lexicon.classes
                and classes[short].most_common(1)[0][0] == votes.most_common(1)[0][0]):
            fuller[short].add(name)
    renamed = {short: names.pop() for short, names in fuller.items() if len(names) == 1}
    renamed = {short: name for short, name in renamed.items() if name not in renamed}
    for name in sorted(classes):
        rest = _without_place(name, classes)
        if rest and name not in lexicon.classes and name not in renamed and classes[rest].most_common(1)[0][0] == \
                classes[name].most_common(1)[0][0]:
            renamed[name] = renamed.get(rest, rest)  # 烟台东方航天港 is 东方航天港, wherever the report names it so
    return [replace(m, canonical=renamed[m.canonical]) if m.canonical in renamed else m for m in mentions]


#: The classes whose names a report writes with and without the city before them (烟台东方航天港).
_PLACED_CLASSES = ("Park", "Platform", "Enterprise", "ResearchInstitute", "Fund")
#: How long the rest of such a name is at least: a name of its own, not a kind (国际创新中心, not 科学城).
_PLACED_REST = 4


def _without_place(name: str, classes: dict[str, Counter]) -> str | None:
    """The name of the report that ``name`` is after a place's name (two characters, or three with 市
    or 省), or None: 东方航天港 of 烟台东方航天港, 国际创新中心 of 深圳国际创新中心, 香蜜湖片区 of 中部香蜜湖片区;
    not after a level word (国家超算中心 is no 超算中心), and not a project's (区人民医院 is no 人民医院).
    Two characters are taken for a place as they stand: a company's name before a name of the report
    (因诺 of 因诺转化医学研究院, where 转化医学研究院 was cut from another name) is merged too.

    Examples
    --------
    >>> _without_place("深圳市国际创新中心", {"国际创新中心": Counter(Park=1)})
    '国际创新中心'
    >>> _without_place("国家技术创新中心", {"技术创新中心": Counter(Platform=1)}) is None
    True
    """
    rules = _name_rules()
    for n in (2, 3):
        rest, place = name[n:], name[:n]
        if len(rest) < _PLACED_REST or rest not in classes or (n == 3 and place[-1] not in "市省"):
            continue
        if not all("\u4e00" <= ch <= "\u9fff" for ch in place):
            continue  # +1科技有限公司: no place's name
        if classes[rest].most_common(1)[0][0] not in _PLACED_CLASSES or place in rules.kind_words:
            continue
        if rules.left_words & {place, place[:2]} or not rules.is_specific(rest, industries=True):
            continue
        return rest
    return None


def is_alias_mention(m: Mention) -> bool:
    """Whether the text of a mention is a name of its entity (not a part of a composed name)."""
    return not m.rule.endswith((":composed", ":shared")) and not m.rule.startswith("milestone:")


def _class_of(name: str, ms: list[Mention], lexicon: Lexicon, resolver: Resolver) -> str:
    """The class of the entity named ``name``: the lexicon's, else the vote of its mentions' rules."""
    if name in lexicon.classes:
        return lexicon.classes[name]
    votes = Counter()
    for m in ms:
        votes[m.cls] += 10 - resolver.rank(m.rule)
    # ListedCompany is more specific than Enterprise: keep it when any rule said so
    cls = max(sorted(votes), key=lambda c: (votes[c], c == "ListedCompany"))
    if "ListedCompany" in votes and top_class(cls) == "Enterprise":
        cls = "ListedCompany"
    return cls


def _industry_core(text: str) -> str:
    """An industry's mention without the generic tail it keeps (``industries.KEPT_TAILS``: 智能装备产业):
    the name the report gives the industry.

    >>> _industry_core("智能装备产业"), _industry_core("数字经济")
    ('智能装备', '数字经济')
    """
    tail = next((t for t in industries.KEPT_TAILS if text.endswith(t) and len(text) - len(t) >= 2), "")
    return text[: len(text) - len(tail)]


def _entities(mentions: list[Mention], lexicon: Lexicon, resolver: Resolver) -> dict[str, Entity]:
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_name[m.canonical].append(m)
    entities: dict[str, Entity] = {}
    for name in sorted(by_name):
        ms = by_name[name]
        cls = _class_of(name, ms, lexicon, resolver)
        # a composed name (华东师大 in 华东师大、莲谷等孵化器 -> 华东师大孵化器) is no alias of the whole
        aliases = {_QUOTES.sub("", m.text) for m in ms if is_alias_mention(m)}
        if top_class(cls) == "IndustryCluster":  # 智能装备产业 of 智能制造装备: the report's name is 智能装备
            aliases |= {_industry_core(a) for a in aliases}
        if top_class(cls) == "Enterprise":  # “联合飞机”公司: the quoted name is the company's
            aliases |= {q.group(1) for m in ms if (q := _QUOTED_COMPANY.fullmatch(m.text))}
        aliases |= {a for a, c in lexicon.aliases.items() if c == name}
        aliases -= {name, label_of(name)}  # the second sense of 森马 (森马@Park) is labelled 森马
        entities[name] = Entity(name=name, cls=cls, aliases=aliases, mentions=sorted(ms, key=lambda m: m.start))
    return entities


def extract(report: Report, use_lexicon: bool = True, model: str = DEFAULT_MODEL) -> Extraction:
    """Extract entities, relations and milestones from a report.

    Parameters
    ----------
    report
        The report, with cleaned text (see :func:`graph.text.clean`).
    use_lexicon
        Use the curated lexicon; ``False`` measures what the patterns alone find.
    model
        What finds the names besides the lexicon: ``"rules"``, ``"model"`` (the trained model) or
        ``"both"`` (see :func:`make_nlp`).
    """
    lexicon = _lexicon(use_lexicon)
    sentences = split_sentences(report.text, report.year)
    names = _surface_names(use_lexicon)
    nlp = _nlp(use_lexicon, model)
    resolver: Resolver = nlp.get_pipe("wj_resolve")
    # first pass: the lexicon and the patterns
    docs = list(nlp.pipe(make_docs(nlp, (s.text for s in sentences))))
    per_sentence = [_to_mentions(sent, doc.spans[ENTITIES], lexicon) for sent, doc in zip(sentences, docs)]
    known = _known_names(_metro_names([m for ms in per_sentence for m in ms]), lexicon, resolver)
    # second pass: the names the first typed, found everywhere; the patterns' candidates do not
    # depend on them, so only a sentence where a known name occurs is resolved again
    if known:
        ruler = _KnownRuler(nlp, known)
        for i, (sent, doc) in enumerate(zip(sentences, docs)):
            found = ruler.spans(doc)
            if not found:
                continue
            candidates = list(doc.spans[CANDIDATES])
            n_lexicon = doc.user_data.get("wj_n_lexicon", 0)  # the lexicon's candidates come first
            chosen = resolver.resolve_spans(doc, candidates[:n_lexicon] + found + candidates[n_lexicon:])
            per_sentence[i] = _to_mentions(sent, chosen, lexicon)
    mentions = _metro_names([m for ms in per_sentence for m in ms])
    parks = {m.text for m in mentions if top_class(m.cls) == "Park"}
    surfaces = {**_cluster_names(mentions), **_owner_names(mentions, report.text), **industries.industry_names(docs, sorted(parks)),
                **_prefix_names(docs, lexicon), **known, **names}
    mentions += _nested_names(mentions, surfaces)
    mentions = _short_forms(mentions, lexicon)
    mentions.sort(key=lambda m: (m.start, m.end))
    heads = {(sent.start + c.start_char, sent.start + c.end_char): (c.label_, c.id_)
             for sent, doc in zip(sentences, docs) for c in reversed(doc.spans[CANDIDATES]) if c.id_ in HEAD_RULES}
    mentions = split_senses(mentions, heads, lambda name, ms: _class_of(name, ms, lexicon, resolver))
    entities = _entities(mentions, lexicon, resolver)
    # a river kept up, housing, a land parcel: found as projects by their ending or list, and none (listed)
    entities, left_out = leave_out_nonprojects(entities, sentences, _nonprojects(), lexicon.classes)
    mentions = [m for m in mentions if m.canonical in entities]
    relations, milestones, facts = find_relations(report, sentences, mentions, entities, lexicon)
    return Extraction(report, sentences, entities, relations, milestones, facts, left_out)


@lru_cache(maxsize=2)
def _surface_names(use_lexicon: bool) -> dict[str, tuple[str, str]]:
    """Every lexicon surface form -> (class, canonical name)."""
    lexicon = _lexicon(use_lexicon)
    return {s: (lexicon.classes[c], c) for s, c in lexicon.names().items()}


@lru_cache(maxsize=6)
def _nlp(use_lexicon: bool, model: str = DEFAULT_MODEL) -> Language:
    """The pipeline of this process, built once and reused for every report."""
    return make_nlp(_surface_names(use_lexicon), model=model)


def warm_up(use_lexicon: bool = True, model: str = DEFAULT_MODEL) -> None:
    """Load the lexicon and build the pipeline now (before a process pool forks, so workers share it)."""
    _nlp(use_lexicon, model)
