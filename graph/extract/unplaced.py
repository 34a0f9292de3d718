"""What the graph cannot hold, left out of a build and listed: never a failed build.

A fact the shapes of ``ontology/`` would reject because the report does not say enough is not
turned into RDF: a figure or a milestone of a part of the report that has no period (the preamble,
a glossary 名词解释, an annex 附件; :mod:`graph.text.sentences`), an entity whose class is not one of
the ontology's (with its relations and milestones), a ``broader`` link that is not between two
industry clusters once resolution has settled each entity's class across reports (海洋生物 an
enterprise in one report, a cluster in another).  The names the extractor found and left out
itself are listed too (:attr:`graph.model.Extraction.left_out`: a river kept up, housing, a land
parcel are no projects, :mod:`graph.extract.nonprojects`).  :func:`leave_out` takes them out of the
extractions and lists them; the build writes the list to ``out/unplaced.csv`` and prints
:func:`summary_line`.

Examples
--------
>>> from graph.model import Extraction, Milestone, Report, Sentence
>>> s = Sentence(0, 0, 10, "名词解释：A馆于2019年建成。", "名词解释", "")
>>> ex = Extraction(Report("r", s.text), [s], {}, [], [Milestone("A馆", "Completed", "", 0)])
>>> kept, items = leave_out([ex])
>>> kept[0].milestones, [(i.kind, i.text, i.reason) for i in items]
([], [('milestone', 'A馆 Completed', 'no period')])
>>> summary_line(items, "out/unplaced.csv")
'left out: 1 milestone without a period (out/unplaced.csv)'
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, replace

from graph.extract.figures import NO_PERIOD, figures_without_period, load_indicators
from graph.extract.nonprojects import REASONS
from graph.model import ENTITY_CLASSES, Extraction, label_of

__all__ = ["Unplaced", "leave_out", "summary_line", "unplaced_csv"]

#: The columns of ``unplaced.csv``.
COLUMNS = ("report", "sentence", "kind", "text", "reason", "sentence_text")
NO_CLASS = "no class of the ontology"
NOT_CLUSTERS = "not between two industry clusters"


@dataclass(frozen=True, order=True)
class Unplaced:
    """One thing left out: of which report and sentence, what (``figure``, ``milestone``,
    ``entity``, ``broader link``), as the report writes it, and why."""
    report: str
    sentence: int
    kind: str
    text: str
    reason: str
    sentence_text: str = ""


def _without_class(ex: Extraction, texts: dict[int, str]) -> tuple[Extraction, list[Unplaced]]:
    bad = {name for name, e in ex.entities.items() if e.cls not in ENTITY_CLASSES}
    if not bad:
        return ex, []
    items = [
        Unplaced(ex.report.slug, e.sentences[0] if e.sentences else -1, "entity", name, NO_CLASS,
                 texts.get(e.sentences[0], "") if e.sentences else "")
        for name, e in ex.entities.items() if name in bad
    ]  # fmt: skip
    kept = replace(
        ex,
        entities={n: e for n, e in ex.entities.items() if n not in bad},
        relations=[r for r in ex.relations if r.subject not in bad and r.object not in bad],
        milestones=[m for m in ex.milestones if m.project not in bad],
        facts=[f for f in ex.facts if f[0] not in bad and f[2] not in bad],
    )
    return kept, items


def _misfit_facts(ex: Extraction, texts: dict[int, str]) -> tuple[Extraction, list[Unplaced]]:
    """``broader`` facts whose two ends are not both industry clusters (the shapes want them so)."""
    cls = {name: e.cls for name, e in ex.entities.items()}
    bad = [f for f in ex.facts if f[1] == "broader" and not cls.get(f[0]) == cls.get(f[2]) == "IndustryCluster"]
    if not bad:
        return ex, []
    items = [
        Unplaced(ex.report.slug, i, "broader link", f"{a} broader {b}", NOT_CLUSTERS, texts.get(i, "")) for a, _, b, i in bad
    ]
    return replace(ex, facts=[f for f in ex.facts if f not in bad]), items


def leave_out(extractions: list[Extraction]) -> tuple[list[Extraction], list[Unplaced]]:
    """The extractions without what cannot be placed, and the list of it, sorted.

    The figures are only listed here: :func:`graph.extract.figures.extract_indicators` leaves them
    out of the observations itself (``no period``).
    """
    concepts = load_indicators()
    kept: list[Extraction] = []
    items: list[Unplaced] = []
    for ex in extractions:
        texts = {s.index: s.text for s in ex.sentences}
        ex, dropped = _without_class(ex, texts)
        items += dropped
        ex, dropped = _misfit_facts(ex, texts)
        items += dropped
        items += [Unplaced(ex.report.slug, i, "entity", label_of(name), reason, texts.get(i, "")) for name, reason, i in ex.left_out]
        undated = [m for m in ex.milestones if not m.period]
        items += [
            Unplaced(ex.report.slug, m.sentence, "milestone", f"{m.project} {m.stage}", NO_PERIOD,
                     texts.get(m.sentence, ""))
            for m in undated
        ]
        if undated:
            ex = replace(ex, milestones=[m for m in ex.milestones if m.period])
        for s in ex.sentences:
            if not s.period:
                items += [
                    Unplaced(ex.report.slug, s.index, "figure", f.text, NO_PERIOD, s.text)
                    for f in figures_without_period(s, concepts)
                    if f.reason == NO_PERIOD
                ]
        kept.append(ex)
    return kept, sorted(set(items))


def unplaced_csv(items: list[Unplaced]) -> str:
    """The list as CSV (:data:`COLUMNS`), one row per thing left out."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for i in items:
        w.writerow([i.report, i.sentence, i.kind, i.text, i.reason, i.sentence_text])
    return buf.getvalue()


def summary_line(items: list[Unplaced], path: str = "unplaced.csv") -> str:
    """``left out: 37 figures without a period, 2 entities without a class (out/unplaced.csv)``;
    ``""`` when nothing was left out."""
    if not items:
        return ""
    counts = Counter((i.kind, i.reason) for i in items)
    words = {NO_PERIOD: "without a period", NO_CLASS: "without a class of the ontology",
             NOT_CLUSTERS: NOT_CLUSTERS, **{r: f"({r})" for r in REASONS.values()}}
    plural = {"figure": "figures", "milestone": "milestones", "entity": "entities", "broader link": "broader links"}
    parts = [
        f"{n} {kind if n == 1 else plural.get(kind, kind)} {words.get(reason, reason)}"
        for (kind, reason), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return f"left out: {', '.join(parts)} ({path})"
