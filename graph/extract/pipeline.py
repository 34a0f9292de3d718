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
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Entity, Extraction, Mention, Report, Sentence, top_class
from ..text import split_sentences
from . import components  # noqa: F401  (registers the components)
from .components import CANDIDATES, ENTITIES
from .lexicon import EMPTY, Lexicon, load_lexicon
from .relations import find_relations

_QUOTES = re.compile(r"[“”\"]")
_OWNER_CLASSES = ("University", "Enterprise", "ListedCompany", "ResearchInstitute")
_OWNED_CLASSES = (
    "Platform", "Incubator", "Laboratory", "Alliance", "ResearchInstitute", "Fund", "Project",
    "University", "Park",
)
_RULE_RANK = {"lexicon": 0, "known": 5, "metro": 1, "suffix": 1, "enum": 2, "context": 3, "nested": 4}


@Language.component("wj_merge_rulers")
def merge_rulers(doc: Doc) -> Doc:
    """Move the span rulers' matches into the candidates (rule in ``id_``, canonical in ``kb_id_``)."""
    for key, rule in (("wj_lexicon", "lexicon"), ("wj_known", "known")):
        for span in doc.spans.get(key, []):
            new = doc.char_span(span.start_char, span.end_char, label=span.label_)
            new.kb_id_ = span.id_
            new.id_ = rule
            doc.spans[CANDIDATES].append(new)
    return doc


def make_nlp(names: dict[str, tuple[str, str]] | None = None, known: dict[str, tuple[str, str]] | None = None) -> Language:
    """Build the pipeline: a blank ``zh`` pipeline (character segmenter) and our components.

    Parameters
    ----------
    names
        Lexicon surface form -> (class, canonical name); matched by a span ruler.
    known
        Names typed elsewhere in the same report -> (class, canonical); matched by a second ruler,
        so that 华东师大 is found in every sentence once one sentence has typed it.
    """
    nlp = spacy.blank("zh")
    nlp.add_pipe("wj_init")
    for key, table in (("wj_lexicon", names), ("wj_known", known)):
        if table:
            ruler = nlp.add_pipe("span_ruler", name=key, config={"spans_key": key, "overwrite": True})
            ruler.add_patterns(
                [{"label": cls, "pattern": surface, "id": canonical} for surface, (cls, canonical) in sorted(table.items())]
            )
    nlp.add_pipe("wj_merge_rulers")
    for name in ("wj_suffix_names", "wj_metro_lines", "wj_enumerations", "wj_context_names", "wj_cooperation_names",
                 "wj_milestone_projects"):
        nlp.add_pipe(name)
    nlp.add_pipe("wj_resolve")
    return nlp


@lru_cache(maxsize=4)
def _lexicon(use_lexicon: bool) -> Lexicon:
    return load_lexicon() if use_lexicon else EMPTY


_PROJECT_ENDS = ("工程", "一期", "二期", "三期", "公寓", "学校", "院区", "安置房", "基地", "中心", "线", "路", "改造")


def _canonical(surface: str, kb_id: str, lexicon: Lexicon, cls: str = "") -> str:
    """The canonical name of a mention: lexicon name, else the text without quotes.

    A project named ``航电基地一期项目`` once and ``航电基地一期`` elsewhere is one project.
    """
    quoted = re.fullmatch(r"“([^“”]+)”项目", surface)
    name = kb_id or (quoted.group(1) if quoted else _QUOTES.sub("", surface))
    name = lexicon.canonical(name)
    if cls in ("Project", "MetroLine"):
        for tail in ("建设项目", "新建工程", "项目", "工程", "建设"):
            if name.endswith(tail) and name[: -len(tail)].endswith(_PROJECT_ENDS):
                return lexicon.canonical(name[: -len(tail)])
    return name


def _mentions(nlp: Language, sentences: list[Sentence], lexicon: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    for sent, doc in zip(sentences, nlp.pipe(s.text for s in sentences)):
        for span in doc.spans[ENTITIES]:
            out.append(
                Mention(
                    text=span.text,
                    start=sent.start + span.start_char,
                    end=sent.start + span.end_char,
                    cls=span.label_,
                    rule=span.id_,
                    sentence=sent.index,
                    canonical=_canonical(span.text, span.kb_id_, lexicon, span.label_),
                )
            )
    return out


def _known_names(mentions: list[Mention], lexicon: Lexicon) -> dict[str, tuple[str, str]]:
    """Surface forms typed by a pattern somewhere in the report -> (class, canonical)."""
    best: dict[str, tuple[int, str, str]] = {}
    for m in mentions:
        kind = m.rule.split(":", 1)[0]
        if kind == "lexicon" or len(m.text) < 2 or "“" in m.text or m.rule.endswith((":composed", ":shared")):
            continue  # a composed name (华东师大 -> 华东师大孵化器) says nothing about other 华东师大
        rank = _RULE_RANK.get(kind, 9)
        if m.text not in best or rank < best[m.text][0]:
            best[m.text] = (rank, m.cls, m.canonical)
    lex = lexicon.names()
    return {s: (cls, canon) for s, (_, cls, canon) in best.items() if s not in lex}


def _nested_names(mentions: list[Mention], surfaces: dict[str, tuple[str, str]]) -> list[Mention]:
    """Names inside longer names, as mentions of their own.

    * an owner at the start: 宁德时代 in 宁德时代未来能源研究院 (``nested:prefix``);
    * a park anywhere: 紫竹高新区 in 上海交大－紫竹高新区概念验证中心 (``nested:park``);
    * a cluster anywhere: 养老科技 in 上海市养老科技产业园 (``nested:cluster``).
    """
    by_class = sorted(surfaces.items(), key=lambda x: (-len(x[0]), x[0]))
    out = []
    for m in mentions:
        if m.cls not in _OWNED_CLASSES and m.cls not in ("Enterprise", "ListedCompany"):
            continue
        taken: set[int] = set()
        for surface, (cls, canon) in by_class:
            if canon == m.canonical or len(surface) >= len(m.canonical):
                continue
            if cls in _OWNER_CLASSES and m.cls in _OWNED_CLASSES and m.text.startswith(surface) and m.canonical.startswith(surface):
                rule, at = "nested:prefix", 0
            elif cls == "Park" and m.cls not in ("IndustryCluster", "Enterprise", "ListedCompany"):
                # a park that opens the name, or follows a dash (上海交大－紫竹高新区概念验证中心)
                at, rule = m.text.find(surface), "nested:park"
                if at < 0 or (at == 0 and m.cls == "Park") or (at > 0 and m.text[at - 1] not in "－-—"):
                    continue
            elif cls == "IndustryCluster" and m.cls not in ("IndustryCluster", "University"):
                at, rule = m.text.find(surface), "nested:cluster"
                if at < 0:
                    continue
            else:
                continue
            span = set(range(at, at + len(surface)))
            if span & taken:
                continue
            taken |= span
            out.append(Mention(surface, m.start + at, m.start + at + len(surface), cls, rule, m.sentence, canon))
    return out


def is_alias_mention(m: Mention) -> bool:
    """Whether the text of a mention is a name of its entity (not a part of a composed name)."""
    return not m.rule.endswith((":composed", ":shared")) and not m.rule.startswith("milestone:")


def _entities(mentions: list[Mention], lexicon: Lexicon) -> dict[str, Entity]:
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_name[m.canonical].append(m)
    entities: dict[str, Entity] = {}
    for name in sorted(by_name):
        ms = by_name[name]
        if name in lexicon.classes:
            cls = lexicon.classes[name]
        else:
            votes = Counter()
            for m in ms:
                votes[m.cls] += 10 - _RULE_RANK.get(m.rule.split(":", 1)[0], 9)
            # ListedCompany is more specific than Enterprise: keep it when any rule said so
            cls = max(sorted(votes), key=lambda c: (votes[c], c == "ListedCompany"))
            if "ListedCompany" in votes and top_class(cls) == "Enterprise":
                cls = "ListedCompany"
        # a composed name (华东师大 in 华东师大、莲谷等孵化器 -> 华东师大孵化器) is no alias of the whole
        aliases = {_QUOTES.sub("", m.text) for m in ms if is_alias_mention(m)}
        aliases |= {a for a, c in lexicon.aliases.items() if c == name}
        aliases.discard(name)
        entities[name] = Entity(name=name, cls=cls, aliases=aliases, mentions=sorted(ms, key=lambda m: m.start))
    return entities


def extract(report: Report, use_lexicon: bool = True) -> Extraction:
    """Extract entities, relations and milestones from a report.

    Parameters
    ----------
    report
        The report, with cleaned text (see :func:`graph.text.clean`).
    use_lexicon
        Use the curated lexicon; ``False`` measures what the patterns alone find.
    """
    lexicon = _lexicon(use_lexicon)
    sentences = split_sentences(report.text, report.year)
    names = {s: (lexicon.classes[c], c) for s, c in lexicon.names().items()}
    first = _mentions(_nlp(tuple(sorted(names.items())), ()), sentences, lexicon)
    known = _known_names(first, lexicon)
    mentions = _mentions(_nlp(tuple(sorted(names.items())), tuple(sorted(known.items()))), sentences, lexicon)
    surfaces = {**{s: v for s, v in known.items()}, **names}
    mentions += _nested_names(mentions, surfaces)
    mentions.sort(key=lambda m: (m.start, m.end))
    entities = _entities(mentions, lexicon)
    relations, milestones, facts = find_relations(report, sentences, mentions, entities, lexicon)
    return Extraction(report, sentences, entities, relations, milestones, facts)


@lru_cache(maxsize=8)
def _nlp(names: tuple, known: tuple) -> Language:
    return make_nlp(dict(names), dict(known))
