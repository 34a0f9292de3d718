"""Entity resolution across reports: one name, one class, one set of facts per entity.

Every report is extracted on its own; this step runs once over all of them before the RDF is made.
An entity's IRI depends on its canonical name only (:func:`graph.iri.entity_iri`), so the same
canonical name in two reports is already one node; resolution makes sure the names, classes and
facts agree, and says what it did (:meth:`Resolution.to_csv`, written to ``out/resolution.csv``):

``alias``
    a surface form read as an entity's canonical name, by the curated lexicon (华东师大 ->
    华东师范大学, 上海交大 -> 上海交通大学) or by the extractor (航电基地一期项目 -> 航电基地一期);
``merged``
    names that are one entity, by the rules of :mod:`graph.corpus.merges` (the lexicon, a name
    that means a facility of the report's jurisdiction, spellings that differ only in width, quotes,
    brackets or the kind of dash, works forms, aliases, project words, modifier words, metro lines,
    short forms), each with its rule.  The name kept is the lexicon's, else one the rule chooses
    without counting mentions (the one written with the most full-width characters, the longest …),
    so IRIs stay put;
``class``
    an entity typed differently by two reports gets one class: the lexicon's, else the one most
    mentions support (a subclass wins over its parent: ListedCompany over Enterprise);
``dropped``
    a relation, milestone or ``skos:broader`` link whose ends no longer fit the ontology after a
    class was settled (a broader link joins two industry clusters);
``achieved``
    a milestone a plan announced (planned) and a later report states as done: not planned;
``amount``
    a fund whose size two reports give differently keeps the latest report's figure;
``kept-apart``
    near-duplicate names left as two entities (string similarity, rapidfuzz ``fuzz.ratio`` at or
    above :data:`NEAR_DUPLICATE_SCORE`, same top class): 航电基地 / 航电基地一期.  Review them and add an
    alias to ``graph/extract/lexicon.tsv`` when they are one.

With a single report nothing changes except the ``alias`` and ``kept-apart`` rows.

Examples
--------
>>> normal_form("上海交大－紫竹高新区") == normal_form("上海交大-紫竹高新区")
True
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from graph.corpus.merges import merge_names, normal_form
from graph.corpus.names import ReportNames, rename, report_names
from graph.extract.lexicon import EMPTY, load_lexicon
from graph.model import Entity, Extraction, label_of, top_class

__all__ = ["NEAR_DUPLICATE_SCORE", "Decision", "Plan", "Resolution", "near_duplicates", "normal_form", "plan", "resolve"]

#: rapidfuzz ``fuzz.ratio`` (0-100) from which two names of one top class are reported as near-duplicates.
NEAR_DUPLICATE_SCORE = 80

# mirror ontology/shapes.ttl: which classes may be the ends of each relation
_ORG = {"Enterprise", "University", "ResearchInstitute", "Fund", "Platform"}
_MILESTONE_HOLDERS = {"Project", "Platform", "ResearchInstitute", "Park", "Enterprise", "University", "Fund"}
_ACTIONS = ("merged", "alias", "class", "dropped", "achieved", "amount", "kept-apart")
_MAX_LISTED = 5


@dataclass(frozen=True, order=True)
class Decision:
    """One line of the resolution report."""
    action: str
    name: str
    target: str = ""
    cls: str = ""
    score: str = ""
    reports: tuple[str, ...] = ()
    rule: str = ""


@dataclass
class Resolution:
    """The resolved extractions and the decisions made on the way."""
    extractions: list[Extraction]
    decisions: list[Decision] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Number of decisions per action."""
        c = Counter(d.action for d in self.decisions)
        return {a: c[a] for a in _ACTIONS if c[a]}

    def to_csv(self) -> str:
        """The decisions as CSV: action, name, target, class, score, number of reports, reports, rule."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["action", "name", "target", "class", "score", "n_reports", "reports", "rule"])
        order = {a: i for i, a in enumerate(_ACTIONS)}
        for d in sorted(self.decisions, key=lambda d: (order[d.action], d.name, d.target, d.rule)):
            listed = "|".join(d.reports[:_MAX_LISTED]) + ("|…" if len(d.reports) > _MAX_LISTED else "")
            w.writerow([d.action, d.name, d.target, d.cls, d.score, len(d.reports), listed, d.rule])
        return buf.getvalue()


# ---------------------------------------------------------------- renaming


def _rename_extraction(ex: Extraction, mapping: dict[str, str]) -> Extraction:
    """The extraction with entity names replaced by ``mapping`` (entities that meet are merged)."""
    if not any(name in mapping for name in ex.entities):
        return ex

    def new(name: str) -> str:
        return mapping.get(name, name)

    entities: dict[str, Entity] = {}
    for name in sorted(ex.entities):
        e = ex.entities[name]
        target = new(name)
        mentions = [replace(m, canonical=target) if m.canonical != target else m for m in e.mentions]
        aliases = set(e.aliases) | ({name} if target != name else set())
        if target in entities:
            kept = entities[target]
            kept.aliases |= aliases
            kept.mentions = sorted(kept.mentions + mentions, key=lambda m: (m.start, m.end))
            kept.introduced_in = kept.introduced_in or e.introduced_in
            kept.amount_cny = kept.amount_cny or e.amount_cny
            kept.amount_text = kept.amount_text or e.amount_text
        else:
            entities[target] = replace(e, name=target, aliases=aliases, mentions=mentions)
    for e in entities.values():
        e.aliases.discard(e.name)

    relations = set()
    for r in ex.relations:
        s, o = new(r.subject), new(r.object)
        if s == o:
            continue
        if r.predicate == "cooperatesWith" and o < s:
            s, o = o, s
        relations.add(replace(r, subject=s, object=o))
    milestones = {replace(m, project=new(m.project)) for m in ex.milestones}
    # a broader link names a cluster at both ends: rename both, and a cluster is not broader than itself
    facts = {(new(n), k, new(v) if k == "broader" else v, i) for n, k, v, i in ex.facts}
    facts = {f for f in facts if not (f[1] == "broader" and f[0] == f[2])}
    return replace(
        ex, entities=entities, relations=sorted(relations), milestones=sorted(milestones), facts=sorted(facts)
    )


# ---------------------------------------------------------------- classes


def _choose_class(votes: Counter, lexicon_class: str | None) -> str:
    if lexicon_class:
        return lexicon_class
    tops = Counter()
    for cls, n in votes.items():
        tops[top_class(cls)] += n
    top = max(sorted(tops), key=lambda t: tops[t])
    within = {c: n for c, n in votes.items() if top_class(c) == top}
    subclasses = [c for c in within if c != top]
    pool = subclasses or list(within)
    return max(sorted(pool), key=lambda c: within[c])


def _fits(predicate: str, subject_cls: str, object_cls: str) -> bool:
    """Whether a relation between entities of these classes passes ``ontology/shapes.ttl``."""
    s, o = top_class(subject_cls), top_class(object_cls)
    if predicate == "locatedIn":
        return o == "Park" and s != "IndustryCluster"
    if predicate == "inCluster":
        return o == "IndustryCluster" and (s in _ORG or s in ("Park", "Project"))
    if predicate == "cooperatesWith":
        return s in _ORG and o in _ORG
    if predicate == "affiliatedWith":
        return s in ("Platform", "ResearchInstitute", "Fund", "Project", "University") and o in (
            "University",
            "Enterprise",
            "ResearchInstitute",
        )
    return True


# ---------------------------------------------------------------- near-duplicates


def near_duplicates(
    names: list[str], score: int = NEAR_DUPLICATE_SCORE, block: int = 2000
) -> list[tuple[str, str, int]]:
    """Pairs of different names whose rapidfuzz ``fuzz.ratio`` is at least ``score``, each pair once.

    Examples
    --------
    >>> near_duplicates(["航电基地", "航电基地一期", "华东师范大学"])
    [('航电基地', '航电基地一期', 80)]
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    names = sorted(set(names))
    pairs: list[tuple[str, str, int]] = []
    for start in range(0, len(names), block):
        rows = names[start : start + block]
        m = process.cdist(rows, names, scorer=fuzz.ratio, score_cutoff=score, dtype=np.uint8, workers=1)
        for i, j in zip(*np.nonzero(m)):
            a, b = start + int(i), int(j)
            if a < b:
                pairs.append((names[a], names[b], int(m[i, j])))
    return sorted(pairs)


# ---------------------------------------------------------------- the step


@dataclass
class Plan:
    """What resolution decided from the name index of every report, to apply to each extraction.

    ``mapping`` renames names, ``classes`` settles the class of a name that reports type
    differently, ``achieved`` are the (project, stage, period) that one report plans and another
    states as done, ``amounts`` the report whose figure each fund keeps.  :meth:`apply` does it to one
    extraction, so a build can stream them (:mod:`graph.corpus.stream`).
    """

    mappings: dict[str, dict[str, str]] = field(default_factory=dict)  # report slug -> its renames
    classes: dict[str, str] = field(default_factory=dict)
    achieved: set[tuple[str, str, str]] = field(default_factory=set)
    amounts: dict[str, str] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)

    def apply(self, ex: Extraction) -> tuple[Extraction, list[Decision]]:
        """The resolved extraction, and the relations and milestones dropped from it (``dropped`` rows)."""
        dropped: list[Decision] = []
        if mapping := self.mappings.get(ex.report.slug):
            ex = _rename_extraction(ex, mapping)
        if self.classes:
            ex = _settle_classes(ex, self.classes, dropped)
        if any(m.planned and (m.project, m.stage, m.period) in self.achieved for m in ex.milestones):
            fixed = {replace(m, planned=False) if (m.project, m.stage, m.period) in self.achieved else m
                     for m in ex.milestones}
            ex = replace(ex, milestones=sorted(fixed))
        slug = ex.report.slug
        drop = [f for f in ex.facts
                if f[1] in ("amountCNY", "amountText") and f[0] in self.amounts and self.amounts[f[0]] != slug]
        if drop:
            ex = replace(ex, facts=[f for f in ex.facts if f not in drop])
        return ex, dropped


def plan(index: list[ReportNames], use_lexicon: bool = True, score: int = NEAR_DUPLICATE_SCORE) -> Plan:
    """Decide, from the name index of every report (in build order), what resolution does.

    Parameters
    ----------
    index
        :func:`graph.corpus.names.report_names` of each report's extraction.
    use_lexicon
        Use the curated lexicon's canonical names and classes (as the extractor did).
    score
        Near-duplicate threshold for the ``kept-apart`` rows (rapidfuzz ``fuzz.ratio``, 0-100).
    """
    lexicon = load_lexicon() if use_lexicon else EMPTY
    decisions: list[Decision] = []

    def named_in(entries: list[ReportNames]) -> dict[str, list[int]]:
        """Entity name -> the positions of the reports that name it."""
        found: dict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(entries):
            for name in entry.names:
                found[name].append(i)
        return found

    def where(names: set[str] | str, found: dict[str, list[int]]) -> tuple[str, ...]:
        """The reports (in build order) that name any of ``names``."""
        names = {names} if isinstance(names, str) else names
        return tuple(index[i].slug for i in sorted({i for name in names for i in found.get(name, ())}))

    # 1. one name per entity (graph/corpus/merges.py)
    mappings, why = merge_names(index, lexicon)
    merged: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for entry, mapping, rules in zip(index, mappings, why):
        for name, target in mapping.items():
            merged[(name, target, rules[name])].append(entry.slug)
    for (name, target, rule), slugs in sorted(merged.items()):
        decisions.append(Decision("merged", name, target, reports=tuple(slugs), rule=rule))
    entries = [rename(entry, mapping) for entry, mapping in zip(index, mappings)]
    found = named_in(entries)

    # 2. one class per entity
    votes: dict[str, Counter] = defaultdict(Counter)
    for entry in entries:
        for name, n in entry.names.items():
            votes[name][n.cls] += max(1, n.mentions)
    chosen = {name: _choose_class(v, lexicon.classes.get(name)) for name, v in votes.items() if len(v) > 1}
    for name, cls in sorted(chosen.items()):
        was = ", ".join(f"{c} {n}" for c, n in sorted(votes[name].items()))
        decisions.append(Decision("class", name, cls, cls, reports=where(name, found), rule=f"votes: {was}"))

    # 3. facts that must agree across reports
    achieved = _achieved(entries, chosen, decisions)
    amounts = _latest_amounts(entries, decisions)

    # 4. report what looks alike but was kept apart, and the aliases read
    classes: dict[str, str] = {}
    surfaces: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entry in entries:
        for name, n in entry.names.items():
            classes.setdefault(name, chosen.get(name, n.cls))
            for text in n.texts:
                if text != label_of(name):  # 森马 is the label of 森马@Park, no alias of it
                    surfaces[(text, name)].add(entry.slug)
    for (text, name), slugs in sorted(surfaces.items()):
        rule = "lexicon" if lexicon.aliases.get(text) == name else "extractor"
        decisions.append(Decision("alias", text, name, classes[name], reports=tuple(sorted(slugs)), rule=rule))
    by_top: dict[str, list[str]] = defaultdict(list)
    for name, cls in classes.items():
        by_top[top_class(cls)].append(name)
    for top, names in sorted(by_top.items()):
        for a, b, s in near_duplicates(names, score):
            decisions.append(
                Decision("kept-apart", a, b, top, str(s), reports=where({a, b}, found), rule=f"fuzz.ratio >= {score}")
            )
    renames = {entry.slug: mapping for entry, mapping in zip(index, mappings) if mapping}
    return Plan(renames, chosen, achieved, amounts, decisions)


def resolve(extractions: list[Extraction], use_lexicon: bool = True, score: int = NEAR_DUPLICATE_SCORE) -> Resolution:
    """Resolve entities across ``extractions`` (one per report, in build order), all in memory.

    The same as :func:`plan` over their name index, then :meth:`Plan.apply` to each; a build of
    many reports does the two apart and streams the extractions (:mod:`graph.corpus.stream`).
    """
    decided = plan([report_names(ex) for ex in extractions], use_lexicon=use_lexicon, score=score)
    resolved, dropped = [], []
    for ex in extractions:
        ex, more = decided.apply(ex)
        resolved.append(ex)
        dropped += more
    return Resolution(resolved, decided.decisions + dropped)


def _settle_classes(ex: Extraction, chosen: dict[str, str], decisions: list[Decision]) -> Extraction:
    changed = {n for n, e in ex.entities.items() if n in chosen and e.cls != chosen[n]}
    if not changed:
        return ex
    entities = {n: (replace(e, cls=chosen[n]) if n in changed else e) for n, e in ex.entities.items()}
    cls = {n: e.cls for n, e in entities.items()}
    relations = []
    for r in ex.relations:
        if (r.subject in changed or r.object in changed) and not _fits(r.predicate, cls[r.subject], cls[r.object]):
            decisions.append(
                Decision("dropped", r.subject, f"{r.predicate} {r.object}", cls[r.subject], reports=(ex.report.slug,),
                         rule=f"sentence {r.sentence}: does not fit {cls[r.object]}")
            )
            continue
        relations.append(r)
    milestones = []
    for m in ex.milestones:
        if m.project in changed and top_class(cls[m.project]) not in _MILESTONE_HOLDERS:
            decisions.append(
                Decision("dropped", m.project, f"hasMilestone {m.stage} {m.period}", cls[m.project],
                         reports=(ex.report.slug,), rule=f"sentence {m.sentence}: cannot have milestones")
            )
            continue
        milestones.append(m)
    facts = []
    for f in ex.facts:  # skos:broader links two industry clusters (IndustryClusterShape)
        name, key, value, index = f
        if key == "broader" and (name in changed or value in changed) and not (
            cls.get(name) == cls.get(value) == "IndustryCluster"
        ):
            decisions.append(
                Decision("dropped", name, f"broader {value}", cls.get(name, ""), reports=(ex.report.slug,),
                         rule=f"sentence {index}: does not fit {cls.get(value, '')}")
            )
            continue
        facts.append(f)
    return replace(ex, entities=entities, relations=relations, milestones=milestones, facts=facts)


def _achieved(entries: list[ReportNames], chosen: dict[str, str], decisions: list[Decision]) -> set:
    """The milestones both planned (in a plan) and stated as done (in a later review): not planned.

    A milestone that settling classes drops (its project's class cannot have one) counts for neither.
    """
    planned: dict[tuple[str, str, str], set[bool]] = defaultdict(set)
    slugs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for entry in entries:
        for project, stage, period, is_planned in entry.milestones:
            cls = chosen.get(project)
            here = entry.names.get(project)
            if cls and here and here.cls != cls and top_class(cls) not in _MILESTONE_HOLDERS:
                continue
            planned[(project, stage, period)].add(is_planned)
            slugs[(project, stage, period)].add(entry.slug)
    achieved = {k for k, v in planned.items() if len(v) > 1}
    for k in sorted(achieved):
        decisions.append(
            Decision("achieved", k[0], f"{k[1]} {k[2]}", "Project", reports=tuple(sorted(slugs[k])),
                     rule="planned in one report, done in another")
        )
    return achieved


def _latest_amounts(entries: list[ReportNames], decisions: list[Decision]) -> dict[str, str]:
    """A fund's size (wj:amountCNY has at most one value) comes from the latest report that gives one:
    fund -> the slug of that report, for the funds whose reports disagree."""
    values: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for i, entry in enumerate(entries):
        for name, value in entry.amounts:
            values[name][i].add(value)
    keep: dict[str, str] = {}
    for name, per_report in values.items():
        if len(per_report) > 1 and len(set().union(*per_report.values())) > 1:
            latest = max(per_report, key=lambda i: (entries[i].year, entries[i].slug))
            keep[name] = entries[latest].slug
            decisions.append(
                Decision("amount", name, "/".join(sorted(per_report[latest])), "Fund",
                         reports=tuple(entries[i].slug for i in sorted(per_report)),
                         rule=f"latest report: {entries[latest].slug}")
            )
    return keep
