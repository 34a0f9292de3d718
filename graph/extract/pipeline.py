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
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from graph.extract import components  # noqa: F401  (registers the components)
from graph.extract.components import CANDIDATES, ENTITIES, resolve_spans
from graph.extract.lexicon import EMPTY, Lexicon, load_lexicon
from graph.extract.relations import find_relations
from graph.model import Entity, Extraction, Mention, Report, Sentence, top_class
from graph.text.sentences import split_sentences

_QUOTES = re.compile(r"[“”\"]")
_QUOTED_PROJECT = re.compile(r"“([^“”]+)”项目")
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
    quoted = _QUOTED_PROJECT.fullmatch(surface)
    name = kb_id or (quoted.group(1) if quoted else _QUOTES.sub("", surface))
    name = lexicon.canonical(name)
    if cls in ("Project", "MetroLine"):
        for tail in ("建设项目", "新建工程", "项目", "工程", "建设"):
            if name.endswith(tail) and name[: -len(tail)].endswith(_PROJECT_ENDS):
                return lexicon.canonical(name[: -len(tail)])
    return name


def make_docs(nlp: Language, texts) -> Iterator[Doc]:
    """Tokenise ``texts`` as ``nlp.make_doc`` does, keeping each text in ``doc.user_data``.

    The components read the text many times; spaCy would join it from the tokens on every
    ``doc.text``.  A text without whitespace is one token per character, built directly (what the
    character segmenter does, without its alignment of words and spaces).
    """
    vocab = nlp.vocab
    for text in texts:
        parts = text.split()
        if len(parts) == 1 and parts[0] == text:
            doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
        else:
            doc = nlp.make_doc(text)
        doc.user_data["wj_text"] = text
        yield doc


def _to_mentions(sent: Sentence, spans, lexicon: Lexicon) -> list[Mention]:
    out = []
    for span in spans:
        # the doc's text is the sentence's (spaCy keeps every character), so no join of tokens
        start, end, label = span.start_char, span.end_char, span.label_
        text = sent.text[start:end]
        canonical = _canonical(text, span.kb_id_, lexicon, label)
        out.append(Mention(text, sent.start + start, sent.start + end, label, span.id_, sent.index, canonical))
    return out


class _KnownRuler:
    """What a span ruler of the names typed elsewhere in the report finds, plus ``wj_merge_rulers``.

    ``make_nlp(names, known)`` would build a whole pipeline per report for this; here one phrase
    matcher (on the shared vocabulary) finds the token sequences of the names and the spans come
    out as the ruler's would: one per (class, canonical name) that the tokens spell, in the
    ruler's order, then turned into candidates with rule ``known``.
    """
    _KEY = "wj_known"

    def __init__(self, nlp: Language, known: dict[str, tuple[str, str]]):
        self.matcher = PhraseMatcher(nlp.vocab)
        # tokens, not text: the tokenizer folds a space into the token before it, so 养老科 技 is
        # the pattern 养老科技 (and matches both spellings), as in the span ruler
        self.names: dict[tuple[int, ...], set[tuple[str, str]]] = defaultdict(set)
        patterns = []
        for surface, value in sorted(known.items()):
            pattern = nlp.make_doc(surface)
            self.names[tuple(t.orth for t in pattern)].add(value)
            patterns.append(pattern)
        self.matcher.add(self._KEY, patterns)

    def __call__(self, doc: Doc) -> list[Span]:
        where = {(start, end) for _, start, end in self.matcher(doc) if start != end}
        if not where:
            return []
        ruled = sorted(  # a span ruler sorts its Spans (characters, then label and id)
            Span(doc, start, end, label=cls, span_id=canonical)
            for start, end in where
            for cls, canonical in self.names[tuple(doc[i].orth for i in range(start, end))]
        )
        out = []
        for span in ruled:  # as wj_merge_rulers does
            new = doc.char_span(span.start_char, span.end_char, label=span.label_)
            new.kb_id_ = span.id_
            new.id_ = "known"
            out.append(new)
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
    lengths = sorted({len(s) for s in surfaces})
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
    names = _surface_names(use_lexicon)
    nlp = _nlp(use_lexicon)
    # first pass: the lexicon and the patterns
    docs = list(nlp.pipe(make_docs(nlp, (s.text for s in sentences))))
    per_sentence = [_to_mentions(sent, doc.spans[ENTITIES], lexicon) for sent, doc in zip(sentences, docs)]
    known = _known_names([m for ms in per_sentence for m in ms], lexicon)
    # second pass: the names the first typed, found everywhere; the patterns' candidates do not
    # depend on them, so only a sentence where a known name occurs is resolved again
    if known:
        ruler = _KnownRuler(nlp, known)
        for i, (sent, doc) in enumerate(zip(sentences, docs)):
            found = ruler(doc)
            if not found:
                continue
            candidates = list(doc.spans[CANDIDATES])
            n_lexicon = len(doc.spans.get("wj_lexicon", ()))  # wj_merge_rulers put them first
            chosen = resolve_spans(doc, candidates[:n_lexicon] + found + candidates[n_lexicon:])
            per_sentence[i] = _to_mentions(sent, chosen, lexicon)
    mentions = [m for ms in per_sentence for m in ms]
    surfaces = {**{s: v for s, v in known.items()}, **names}
    mentions += _nested_names(mentions, surfaces)
    mentions.sort(key=lambda m: (m.start, m.end))
    entities = _entities(mentions, lexicon)
    relations, milestones, facts = find_relations(report, sentences, mentions, entities, lexicon)
    return Extraction(report, sentences, entities, relations, milestones, facts)


@lru_cache(maxsize=2)
def _surface_names(use_lexicon: bool) -> dict[str, tuple[str, str]]:
    """Every lexicon surface form -> (class, canonical name)."""
    lexicon = _lexicon(use_lexicon)
    return {s: (lexicon.classes[c], c) for s, c in lexicon.names().items()}


@lru_cache(maxsize=2)
def _nlp(use_lexicon: bool) -> Language:
    """The pipeline of this process, built once and reused for every report."""
    return make_nlp(_surface_names(use_lexicon))


def warm_up(use_lexicon: bool = True) -> None:
    """Load the lexicon and build the pipeline now (before a process pool forks, so workers share it)."""
    _nlp(use_lexicon)
