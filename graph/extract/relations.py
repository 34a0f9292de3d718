"""Relations and milestones from sentence and paragraph structure (plain Python, no spaCy).

Each rule reads one sentence (and, for industry topics, its paragraph) with the entity mentions
found in it, and says which fact it supports:

* ``locatedIn``: ``X落地P``; ``依托P，引进A、B…``; a name that contains a park's name;
* ``inCluster``: a name that contains a cluster's name; a ``民用航空方面，…`` topic that runs to the
  next topic; a sentence of an industry paragraph that names one cluster (and the ``引进…``
  sentence right after it);
* ``cooperatesWith``: ``A与B…合作/合资``;
* ``affiliatedWith``: an owner's name at the start of a platform's name (华东师大孵化器);
  ``A设立P``; ``A与B合资建设P``;
* milestones: projects before a stage word (``…项目竣工``), in the sentence's period.
"""

from __future__ import annotations

import re
from collections import defaultdict

from graph.extract.components import stage_words_in
from graph.extract.lexicon import Lexicon
from graph.extract.patterns import MILESTONE_OPENERS, OPENER_STAGES, VERB_FIRST_STAGES
from graph.model import (
    Entity,
    Mention,
    Milestone,
    Relation,
    Report,
    Sentence,
    top_class,
)

_MEMBER_CLASSES = ("Enterprise", "Platform", "ResearchInstitute", "Fund", "Park")
_OWNER_CLASSES = ("University", "Enterprise", "ResearchInstitute")
_RUN_CLASSES = ("Platform", "ResearchInstitute", "Fund")
_MILESTONE_CLASSES = ("Project", "Platform", "ResearchInstitute", "Park", "Enterprise")
_LOCATE_VERBS = ("落地", "落户", "入驻", "位于", "建于")
_INTRO_WORDS = ("引进", "落地", "成立", "注册", "入驻")
_CLAUSE = re.compile(r"[^，。；：！？]+")
_TOPIC = re.compile(r"^(?P<name>[^，。、“”]{2,6})方面，")
_AMOUNT = re.compile(r"总规模(?P<n>\d+(?:\.\d+)?)(?P<unit>亿|万)?元")


def _clauses(sent: Sentence) -> list[tuple[int, int]]:
    """Clause spans of a sentence, as absolute offsets."""
    return [(sent.start + m.start(), sent.start + m.end()) for m in _CLAUSE.finditer(sent.text)]


def find_relations(
    report: Report,
    sentences: list[Sentence],
    mentions: list[Mention],
    entities: dict[str, Entity],
    lexicon: Lexicon,
) -> tuple[list[Relation], list[Milestone], list[tuple[str, str, str, int]]]:
    """Return the relations, milestones and extra facts (introducedIn, fund sizes) of a report."""
    text = report.text
    cls = {name: top_class(e.cls) for name, e in entities.items()}
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    rels: set[Relation] = set()
    milestones: set[Milestone] = set()
    facts: set[tuple[str, str, str, int]] = set()

    def rel(s: str, p: str, o: str, sent: int, rule: str) -> None:
        if s == o or s not in cls or o not in cls:
            return
        if p == "cooperatesWith" and o < s:
            s, o = o, s  # symmetric: keep one direction
        rels.add(Relation(s, p, o, sent, rule))

    clusters = _surfaces(entities, "IndustryCluster")
    # a named cluster inside a broader one (民用航空机载装备产业集群 ⊃ 民用航空) counts as the broader
    base = {
        c: next((b for surf, b in clusters if b != c and surf in c), c)
        for c in {c for _, c in clusters}
    }
    for narrow, broad in sorted(base.items()):
        if narrow != broad:
            first = entities[narrow].sentences[0]
            facts.add((narrow, "broader", broad, first))

    # names inside names: the owner at the start runs it, a park inside locates it, a cluster types it;
    # the name says so wherever it stands, so the first sentence that names it is the evidence
    seen_names: set[tuple[str, str]] = set()
    for m in mentions:
        if not m.rule.startswith("nested:"):
            continue
        outer = next(
            (
                o for o in by_sentence[m.sentence]
                if o.start <= m.start and m.end <= o.end and not o.rule.startswith("nested:") and o.canonical != m.canonical
            ),
            None,
        )
        if outer is None or (outer.canonical, m.canonical) in seen_names:
            continue
        seen_names.add((outer.canonical, m.canonical))
        if m.rule == "nested:park":
            rel(outer.canonical, "locatedIn", m.canonical, m.sentence, "name:park")
        elif m.rule == "nested:cluster":
            rel(outer.canonical, "inCluster", m.canonical, m.sentence, "name:cluster")
        elif cls.get(m.canonical) in _OWNER_CLASSES and cls.get(outer.canonical) in _RUN_CLASSES:
            rel(outer.canonical, "affiliatedWith", m.canonical, m.sentence, "name:owner-prefix")

    # paragraph topics: 民用航空方面，… up to the next topic; industry paragraphs
    paragraphs: dict[int, list[Sentence]] = defaultdict(list)
    for s in sentences:
        paragraphs[s.paragraph].append(s)
    for para in paragraphs.values():
        industry = any("产业专班" in s.text or _TOPIC.match(s.text) for s in para)
        topic: str | None = None
        previous: str | None = None
        for s in para:
            ms = by_sentence[s.index]
            t = _TOPIC.match(s.text)
            if t:
                topic = next((c for surf, c in clusters if surf == t.group("name")), None)
            named = sorted({base.get(m.canonical, m.canonical) for m in ms if cls.get(m.canonical) == "IndustryCluster"})
            implied = sorted({
                c for m in ms if cls.get(m.canonical) != "IndustryCluster" for surf, c in clusters if surf in m.text
            })
            sentence_cluster = None
            if industry and not t and "产业专班" not in s.text:
                if len(set(named) | set(implied)) == 1:
                    sentence_cluster = (named or implied)[0]
                elif not named and not implied and s.text.startswith("引进") and previous:
                    sentence_cluster = previous
            elif not industry and len(named) == 1 and not implied:
                sentence_cluster = named[0]
            previous = sentence_cluster if industry else None
            for m in ms:
                if cls.get(m.canonical) not in _MEMBER_CLASSES:
                    continue
                if m.rule.startswith("nested:") and not topic:
                    continue
                if topic:
                    rel(m.canonical, "inCluster", topic, s.index, "topic:方面")
                if sentence_cluster and cls.get(m.canonical) != "Park":
                    rel(m.canonical, "inCluster", sentence_cluster, s.index, "sentence:cluster")

    for s in sentences:
        ms = sorted((m for m in by_sentence[s.index] if not m.rule.startswith("nested:")), key=lambda m: m.start)
        if not ms:
            continue
        _focus(s, ms, cls, rel)
        _locations(s, ms, cls, rel)
        _cooperation_and_runs(s, ms, cls, rel, text)
        _milestones(s, ms, cls, milestones)
        _introductions(s, ms, cls, facts, text)
    return sorted(rels), sorted(milestones), sorted(facts)


def _surfaces(entities: dict[str, Entity], klass: str) -> list[tuple[str, str]]:
    """(surface form, canonical name) of every entity of a class, longest surface first."""
    out = [(s, e.name) for e in entities.values() if top_class(e.cls) == klass for s in {e.name, *e.aliases}]
    return sorted(out, key=lambda x: (-len(x[0]), x))


def _focus(s: Sentence, ms: list[Mention], cls: dict[str, str], rel) -> None:
    """``聚焦绿色化工、空间信息、AI制药，打造X``: X serves each cluster named after 聚焦."""
    clauses = _clauses(s)
    for (cs, ce), (ns, ne) in zip(clauses, clauses[1:]):
        if not s.text[cs - s.start :].startswith("聚焦"):
            continue
        named = [m for m in ms if cs <= m.start < ce and cls.get(m.canonical) == "IndustryCluster"]
        made = [m for m in ms if ns <= m.start < ne and cls.get(m.canonical) in _MEMBER_CLASSES]
        for m in made:
            for c in named:
                rel(m.canonical, "inCluster", c.canonical, s.index, "clause:聚焦…打造")


def _locations(s: Sentence, ms: list[Mention], cls: dict[str, str], rel) -> None:
    for cs, ce in _clauses(s):
        in_clause = [m for m in ms if cs <= m.start < ce]
        for p in in_clause:
            if cls.get(p.canonical) != "Park":
                continue
            before = s.text[: p.start - s.start]
            if before.endswith(_LOCATE_VERBS):
                for m in in_clause:
                    if m.end <= p.start and m.canonical != p.canonical and cls.get(m.canonical) not in ("IndustryCluster", "University"):
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "clause:落地P")
            if before.endswith("依托") and p.start - s.start == cs - s.start + 2:
                for m in ms:
                    if m.start > p.end and cls.get(m.canonical) == "Enterprise":
                        rel(m.canonical, "locatedIn", p.canonical, s.index, "sentence:依托P")


def _cooperation_and_runs(s: Sentence, ms: list[Mention], cls: dict[str, str], rel, text: str) -> None:
    for cs, ce in _clauses(s):
        clause = text[cs:ce]
        in_clause = [m for m in ms if cs <= m.start < ce]
        # A与B(、C)(等…)合作 / 合资
        for i, a in enumerate(in_clause):
            if text[a.end : a.end + 1] != "与" or cls.get(a.canonical) not in _OWNER_CLASSES:
                continue
            partners = []
            pos = a.end + 1
            for b in in_clause[i + 1 :]:
                if b.start != pos:
                    break
                partners.append(b)
                pos = b.end + (1 if text[b.end : b.end + 1] == "、" else 0)
            rest = text[pos:ce]
            if not partners or not re.search(r"合作|合资|协同|共建|签约", rest):
                continue
            for b in partners:
                if cls.get(b.canonical) in _OWNER_CLASSES:
                    rel(a.canonical, "cooperatesWith", b.canonical, s.index, "clause:A与B合作")
            if "合资" in rest:
                for p in in_clause:
                    if p.start >= pos and cls.get(p.canonical) in _RUN_CLASSES:
                        for owner in [a, *partners]:
                            rel(p.canonical, "affiliatedWith", owner.canonical, s.index, "clause:合资建设")
        # A(、B)设立P; 深化与A合作，设立P
        for m in re.finditer("设立", clause):
            at = cs + m.start()
            founders = [o for o in in_clause if o.end <= at and cls.get(o.canonical) in (*_OWNER_CLASSES, "Platform")]
            made = [p for p in in_clause if p.start >= at + 2 and cls.get(p.canonical) in ("Platform", "ResearchInstitute", "Fund")]
            for i, a in enumerate(founders if made else []):
                for b in founders[i + 1 :]:
                    rel(a.canonical, "cooperatesWith", b.canonical, s.index, "clause:A、B设立P")
            owners = [o for o in founders if cls.get(o.canonical) in _OWNER_CLASSES]
            if not owners and clause.startswith("设立"):
                before = text[s.start : cs]
                owners = [
                    o for o in ms
                    if o.end <= cs and cls.get(o.canonical) in _OWNER_CLASSES
                    and re.search("与" + re.escape(o.text) + r"[^，。；]{0,4}合作[，,]$", before)
                ]
            for p in made:
                for o in owners:
                    if o.canonical != p.canonical:
                        rel(p.canonical, "affiliatedWith", o.canonical, s.index, "clause:A设立P")


def _milestones(s: Sentence, ms: list[Mention], cls: dict[str, str], out: set[Milestone]) -> None:
    for cs, ce in _clauses(s):
        clause = s.text[cs - s.start : ce - s.start]
        opener = next((o for o in OPENER_STAGES if clause.startswith(o)), None)
        has_opener = clause.lstrip("持续稳步全力积极加快").startswith(MILESTONE_OPENERS)
        stages = stage_words_in(clause)
        first = next((v for v in VERB_FIRST_STAGES if clause.startswith(v)), None)
        if first and not stages:
            for p in ms:
                if cs <= p.start < ce and (cls.get(p.canonical) == "Project" or p.rule.startswith("milestone")):
                    out.add(Milestone(p.canonical, VERB_FIRST_STAGES[first], s.period, s.index, s.planned, "clause:verb-first"))
            continue
        region_start = cs
        for st, en, names in stages:
            before = [m for m in ms if region_start <= m.start and m.end <= cs + st and not m.rule.startswith("nested:")]
            # …等一批龙头项目达产投用: the clause itself calls what it lists projects
            called = bool(before) and re.search("项目|载体|工程|配套", s.text[before[-1].end - s.start : st + cs - s.start])
            projects = [
                m for m in before
                if cls.get(m.canonical) in _MILESTONE_CLASSES
                and (has_opener or called or cls.get(m.canonical) == "Project" or m.rule.startswith("milestone"))
            ]
            region_start = cs + en
            for p in projects:
                for stage in names:
                    if opener and stage in ("UnderConstruction", "Started"):
                        stage = OPENER_STAGES[opener]
                    out.add(Milestone(p.canonical, stage, s.period, s.index, s.planned, "clause:stage"))


def _introductions(s: Sentence, ms: list[Mention], cls: dict[str, str], facts: set, text: str) -> None:
    for cs, ce in _clauses(s):
        clause = text[cs:ce]
        in_clause = [m for m in ms if cs <= m.start < ce]
        if s.year and not s.planned and any(w in clause for w in _INTRO_WORDS):
            for m in in_clause:
                if cls.get(m.canonical) in ("Enterprise", "Platform", "ResearchInstitute", "Fund"):
                    facts.add((m.canonical, "introducedIn", s.year, s.index))
        amount = _AMOUNT.search(clause)
        if amount:
            n = float(amount.group("n")) * {"亿": 1e8, "万": 1e4, None: 1}[amount.group("unit")]
            for m in in_clause:
                if cls.get(m.canonical) == "Fund" and m.start >= cs + amount.start():
                    facts.add((m.canonical, "amountCNY", f"{n:.0f}", s.index))
                    facts.add((m.canonical, "amountText", amount.group(0), s.index))
