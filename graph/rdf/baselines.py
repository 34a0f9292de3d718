"""The baseline of each target: the figure of the graph that a target is compared with.

A target (到2030年财政总收入达到180亿元) is compared with the latest one-year actual or estimate of the
same series that its town had published when it set the target: a figure of the same indicator (or,
for a target of additions such as 新增国家高新技术企业200家, of the stock it adds to: ``wji:incrementOf``),
area, industry cluster and unit, stated in the target's own report or in an earlier report of the same
jurisdiction (``wj:jurisdiction`` and ``wj:year`` of the reports; a report of the same year counts
as earlier).  Another town's figures and later reports are never a baseline.  Among the candidates
the latest period wins, then the latest report, then an actual before an estimate, then the greatest
IRI, so that each target has at most one.

The build links each target to it with ``wji:baseline`` (``ontology/indicators.ttl``), in the graph
``…/id/graph/indicators``, once every report is in the graph: the rule reads across reports, so it
cannot be part of one report's cached RDF.  ``queries/indicators_targets_vs_actuals.rq`` reads the link
and works out the growth a target needs; before, it chose the baseline itself, in a subquery that read
every figure of every report (1.7 s with Oxigraph at 1,000 reports, whatever the parameters).

:func:`baselines` works on plain strings, so that the rdflib build (:func:`add_to_dataset`) and the
Oxigraph build (:func:`oxigraph_links`) run the same rule: each gives it a function that lists the
(subject, object) pairs of a predicate.

Examples
--------
>>> T, A = "https://w3id.org/wujing-kg/ontology/indicators#Target", WJI.Actual
>>> facts = {
...     str(WJI.kind): [("t", T), ("a24", str(A)), ("a25", str(A))],
...     str(WJI.indicator): [("t", "rev"), ("a24", "rev"), ("a25", "rev")],
...     str(WJI.refPeriod): [("t", "2030"), ("a24", "2024"), ("a25", "2025")],
... }
>>> for p in (WJI.refArea, WJI.cluster, WJI.unit):
...     facts[str(p)] = [(o, "x") for o in ("t", "a24", "a25")]
>>> facts[str(QB.dataSet)] = [(o, "d") for o in ("t", "a24", "a25")]
>>> baselines(lambda p: facts.get(p, []))
[('t', 'a25')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rdflib import Dataset, URIRef
from rdflib.namespace import DCTERMS

from graph.rdf.cube import INDICATORS_GRAPH, QB, WJI
from graph.rdf.namespaces import WJ

#: (predicate IRI) -> the (subject, object) pairs of the graph with that predicate, as strings: an
#: IRI as itself, a literal as its lexical form.
Pairs = Callable[[str], Iterable[tuple[str, str]]]

_TARGETS = {str(WJI.Target), str(WJI.StretchTarget)}
_ACTUAL, _ESTIMATE = str(WJI.Actual), str(WJI.Estimate)


@dataclass(frozen=True)
class _Figure:
    """What the rule needs of one observation."""
    iri: str
    kind: str
    dataset: str
    series: tuple[str, str, str, str]  # indicator, area, cluster, unit
    period: str


def baselines(pairs: Pairs) -> list[tuple[str, str]]:
    """(target, baseline) for every target that has a baseline, sorted (see the module docstring)."""
    # every observation is a key of several tables: one string object for each IRI and value, and
    # only the observations the rule reads, so that the tables of a large corpus take what they must
    same: dict[str, str] = {}

    def table(predicate, keep: set[str] | None = None) -> dict[str, str]:
        return {same.setdefault(s, s): same.setdefault(o, o) for s, o in pairs(str(predicate))
                if keep is None or s in keep}

    kind = table(WJI.kind)
    wanted = {s for s, k in kind.items() if k in _TARGETS or k in (_ACTUAL, _ESTIMATE)}
    kind = {s: kind[s] for s in wanted}
    props = [table(p, wanted) for p in (WJI.indicator, WJI.refArea, WJI.cluster, WJI.unit, WJI.refPeriod, QB.dataSet)]
    same.clear()
    figures = [
        _Figure(s, kind[s], values[5], (values[0], values[1], values[2], values[3]), values[4])
        for s in sorted(wanted)
        if all(values := [p.get(s) for p in props])
    ]
    stock = table(WJI.incrementOf)
    report = table(DCTERMS.source)  # data set -> report
    year, place = table(WJ.year), table(WJ.jurisdiction)

    # the data sets whose figures a target of each data set may be compared with, with the year that
    # orders them: its own ("0000" without a year), and those of the same jurisdiction, not later
    datasets = sorted({f.dataset for f in figures})
    by_place: dict[str, list[str]] = defaultdict(list)
    for d in datasets:
        r = report.get(d)
        if r in place and r in year:
            by_place[place[r]].append(d)
    visible: dict[str, list[tuple[str, str]]] = {}
    for d in datasets:
        r = report.get(d)
        own = [(d, year.get(r, "0000"))]
        if r in place and r in year:
            own += [(e, year[report[e]]) for e in by_place[place[r]] if e != d and year[report[e]] <= year[r]]
        visible[d] = own

    # the candidates of each data set and series: one-year actuals and estimates
    candidates: dict[tuple[str, tuple], list[_Figure]] = defaultdict(list)
    for f in figures:
        if f.kind in (_ACTUAL, _ESTIMATE) and len(f.period) == 4:
            candidates[(f.dataset, f.series)].append(f)

    found = []
    for t in figures:
        if t.kind not in _TARGETS:
            continue
        indicator, *rest = t.series
        series = (stock.get(indicator, indicator), *rest)
        best = max(
            ((c.period, seen, c.kind == _ACTUAL, c.iri)
             for d, seen in visible[t.dataset] for c in candidates.get((d, series), ())),
            default=None,
        )
        if best is not None:
            found.append((t.iri, best[3]))
    return sorted(found)


def add_to_dataset(ds: Dataset) -> int:
    """Link the targets of an rdflib build to their baselines; returns how many links were added."""
    def pairs(predicate: str):
        return ((str(s), str(o)) for s, _, o, _ in ds.quads((None, URIRef(predicate), None, None)))

    links = baselines(pairs)
    g = ds.graph(INDICATORS_GRAPH)
    for target, base in links:
        g.add((URIRef(target), WJI.baseline, URIRef(base)))
    return len(links)


def oxigraph_links(store) -> list[tuple[str, str]]:
    """The (target, baseline) links of an Oxigraph store whose default graph is the union."""
    from pyoxigraph import DefaultGraph, Literal, NamedNode

    def value(term) -> str:
        return term.value if isinstance(term, (Literal, NamedNode)) else str(term)

    def pairs(predicate: str):
        return ((value(q.subject), value(q.object))
                for q in store.quads_for_pattern(None, NamedNode(predicate), None, DefaultGraph()))

    return baselines(pairs)
