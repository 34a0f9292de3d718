"""The figures of a report (:mod:`graph.extract.figures`) as RDF Data Cube observations.

Each ``qb:Observation`` goes in the named graph of the sentence it came from; the data set, its
structure and the indicator concepts go in ``…/id/graph/indicators`` (vocabulary:
``ontology/indicators.ttl``; shapes: ``ontology/indicator-shapes.ttl``, checked by
:mod:`graph.validate.cube`).

Examples
--------
>>> str(dataset_iri("wujing-2026"))
'https://w3id.org/wujing-kg/id/report/wujing-2026/indicators'
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, DefinedNamespace

from graph.extract.figures import (
    LEADING,
    OWN_LEVEL,
    WHOLE,
    Indicator,
    IndicatorError,
    Indicators,
    Observation,
    cluster_names,
    extract_indicators,
    load_indicators,
)
from graph.model import Extraction, Report, Sentence, top_class
from graph.rdf.convert import PROVENANCE_GRAPH, add_sentence
from graph.rdf.iri import entity_iri, report_iri, sentence_iri, slug
from graph.rdf.namespaces import ID, WJ
from graph.rdf.turtle import OntologyError, read_package_turtle
from graph.resources import ontology_file
from graph.text.numbers import format_decimal

ONTOLOGY_PATH = ontology_file("indicators.ttl")

QB = Namespace("http://purl.org/linked-data/cube#")
INDICATOR = Namespace(str(ID) + "indicator/")
INDICATORS_GRAPH = ID["graph/indicators"]


class WJI(DefinedNamespace):
    """Terms of ``ontology/indicators.ttl``; ``tests/rdf/test_indicators_rdf.py`` checks both agree."""
    _NS = Namespace("https://w3id.org/wujing-kg/ontology/indicators#")
    _fail = True

    Indicator: URIRef
    IndicatorStructure: URIRef
    # component specifications
    indicatorSpec: URIRef
    refAreaSpec: URIRef
    refPeriodSpec: URIRef
    kindSpec: URIRef
    clusterSpec: URIRef
    valueSpec: URIRef
    unitSpec: URIRef
    qualifierSpec: URIRef
    statedAsSpec: URIRef
    valueCNYSpec: URIRef
    growthRateSpec: URIRef
    growthBasisSpec: URIRef
    # dimensions, measure, attributes
    indicator: URIRef
    refArea: URIRef
    refPeriod: URIRef
    kind: URIRef
    cluster: URIRef
    value: URIRef
    unit: URIRef
    qualifier: URIRef
    statedAs: URIRef
    valueCNY: URIRef
    growthRate: URIRef
    growthBasis: URIRef
    # other properties
    countedClass: URIRef
    growthOf: URIRef
    incrementOf: URIRef
    baseline: URIRef
    example: URIRef
    charStart: URIRef
    charEnd: URIRef
    # code lists and codes
    Indicators: URIRef
    Areas: URIRef
    Whole: URIRef
    OwnLevel: URIRef
    Kinds: URIRef
    Actual: URIRef
    Estimate: URIRef
    Target: URIRef
    StretchTarget: URIRef
    Qualifiers: URIRef
    Exact: URIRef
    AtLeast: URIRef
    MoreThan: URIRef
    Nearly: URIRef
    Approximately: URIRef
    GrowthBases: URIRef
    YearOnYear: URIRef
    AverageAnnual: URIRef
    OverPeriod: URIRef
    EachYear: URIRef
    Clusters: URIRef
    NoCluster: URIRef
    LeadingClusters: URIRef


# ---------------------------------------------------------------- RDF

_KIND_ZH = {"Actual": "实际", "Estimate": "预计", "Target": "目标", "StretchTarget": "力争目标"}
_SLUG = {
    "Actual": "actual", "Estimate": "estimate", "Target": "target", "StretchTarget": "stretch-target",
    WHOLE: "whole", OWN_LEVEL: "own-level",
}  # fmt: skip
#: An area the report writes out (全镇（含紫竹）): a concept of wji:Areas minted from its words.
AREA = Namespace(str(ID) + "area/")


def _decimal(value: Decimal) -> Literal:
    return Literal(format_decimal(value), datatype=XSD.decimal)


def area_iri(area: str) -> URIRef:
    """The code of an area: ``wji:Whole``, ``wji:OwnLevel`` or, for an area the report writes out,
    a concept minted from its words (the same words give the same IRI in every report)."""
    if area == WHOLE:
        return WJI.Whole
    if area == OWN_LEVEL:
        return WJI.OwnLevel
    return AREA[slug(area)]


def _area_slug(area: str) -> str:
    return _SLUG.get(area) or slug(area)


def _area_zh(area: str) -> str:
    return {WHOLE: "", OWN_LEVEL: "本级"}.get(area, area)


def _cluster_iri(cluster: str | None) -> URIRef:
    if cluster is None:
        return WJI.NoCluster
    if cluster == LEADING:
        return WJI.LeadingClusters
    return entity_iri(cluster)


def dataset_iri(report_slug: str) -> URIRef:
    """The qb:DataSet of a report's figures."""
    return ID[f"report/{report_slug}/indicators"]


def observation_iri(report_slug: str, o: Observation) -> URIRef:
    """A stable IRI from the observation's dimensions (unique within its data set)."""
    parts = [o.indicator, o.period, _SLUG[o.kind], _area_slug(o.area)]
    if o.cluster == LEADING:
        parts.append("leading-clusters")
    elif o.cluster:
        parts.append(slug(o.cluster))
    return ID[f"report/{report_slug}/indicators/" + "/".join(parts)]


def _vocabulary(path: Path = ONTOLOGY_PATH) -> Graph:
    try:
        return read_package_turtle(Path(path))  # read once per process, not once per report
    except OntologyError as exc:
        raise IndicatorError(str(exc)) from None


def indicators_graph(concepts: dict[str, Indicator] | None = None) -> Graph:
    """The vocabulary, the data structure and the concept scheme (no observations)."""
    concepts = concepts if concepts is not None else load_indicators()
    g = Graph()
    for triple in _vocabulary():
        g.add(triple)
    for c in concepts.values():
        iri = INDICATOR[c.id]
        g.add((iri, RDF.type, WJI.Indicator))
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, SKOS.inScheme, WJI.Indicators))
        g.add((iri, SKOS.notation, Literal(c.id)))
        g.add((iri, SKOS.prefLabel, Literal(c.zh, lang="zh")))
        g.add((iri, SKOS.prefLabel, Literal(c.en, lang="en")))
        if c.counts:
            g.add((iri, WJI.countedClass, WJ[c.counts]))
        if c.growth_of:
            g.add((iri, WJI.growthOf, INDICATOR[c.growth_of]))
            g.add((iri, WJI.growthBasis, WJI[c.basis]))
        if c.increment_of:
            g.add((iri, WJI.incrementOf, INDICATOR[c.increment_of]))
    return g


@lru_cache(maxsize=1)
def _vocabulary_triples() -> tuple:
    """:func:`indicators_graph` of the concept list, made once per process: every report's RDF holds it."""
    return tuple(indicators_graph())


def warm_up() -> None:
    """Make what every report's indicators need (the concept list as triples) before the first comes."""
    _vocabulary_triples()


def _add_codes(meta: Graph, result: Indicators) -> None:
    """The codes a report's observations use beyond the vocabulary: the areas it writes out and its
    clusters (in wji:Clusters; those it gives as its leading ones narrower than wji:LeadingClusters)."""
    for o in result.observations:
        if o.area not in (WHOLE, OWN_LEVEL):
            code = area_iri(o.area)
            meta.add((code, RDF.type, SKOS.Concept))
            meta.add((code, SKOS.inScheme, WJI.Areas))
            meta.add((code, SKOS.prefLabel, Literal(o.area, lang="zh")))
            meta.add((code, SKOS.notation, Literal(slug(o.area))))
        if o.cluster not in (None, LEADING):
            meta.add((entity_iri(o.cluster), SKOS.inScheme, WJI.Clusters))
    for name in sorted(result.leading):
        meta.add((WJI.LeadingClusters, SKOS.narrower, entity_iri(name)))


def _describe_sentence(prov: Graph, report: Report, s: Sentence) -> None:
    """The provenance of a sentence, as :mod:`graph.rdf` writes it, unless it is there already."""
    if (sentence_iri(report.slug, s.index), RDF.type, WJ.SourceSentence) not in prov:
        add_sentence(prov, report.slug, s)


def _examples(o: Observation, counts: str, extraction: Extraction | None) -> list[URIRef]:
    if extraction is None or o.examples is None:
        return []
    a, b = o.examples
    names = {
        name
        for name, e in extraction.entities.items()
        if counts in (e.cls, top_class(e.cls))
        for m in e.mentions
        if a <= m.start and m.end <= b
    }
    return [entity_iri(n) for n in sorted(names)]


def add_observations(ds: Dataset, result: Indicators, extraction: Extraction | None = None) -> None:
    """Add one report's observations and its qb:DataSet to ``ds`` (see the module docstring)."""
    concepts = load_indicators()
    r = result.report
    dataset = dataset_iri(r.slug)
    meta = ds.graph(INDICATORS_GRAPH)
    meta.add((dataset, RDF.type, QB.DataSet))
    meta.add((dataset, QB.structure, WJI.IndicatorStructure))
    meta.add((dataset, DCTERMS.source, report_iri(r.slug)))
    meta.add((dataset, RDFS.label, Literal(f"{r.title or r.slug}：经济指标与目标", lang="zh")))
    meta.add((dataset, RDFS.label, Literal(f"Economic indicators and targets of {r.slug}", lang="en")))
    _add_codes(meta, result)
    prov = ds.graph(PROVENANCE_GRAPH)
    by_index = {s.index: s for s in result.sentences}
    for o in result.observations:
        concept = concepts[o.indicator]
        si = sentence_iri(r.slug, o.sentence)
        g = ds.graph(si)
        obs = observation_iri(r.slug, o)
        g.add((obs, RDF.type, QB.Observation))
        g.add((obs, QB.dataSet, dataset))
        g.add((obs, WJI.indicator, INDICATOR[o.indicator]))
        g.add((obs, WJI.refArea, area_iri(o.area)))
        g.add((obs, WJI.refPeriod, Literal(o.period)))
        g.add((obs, WJI.kind, WJI[o.kind]))
        g.add((obs, WJI.cluster, _cluster_iri(o.cluster)))
        g.add((obs, WJI.value, _decimal(o.value)))
        g.add((obs, WJI.unit, Literal(o.unit)))
        g.add((obs, WJI.qualifier, WJI[o.qualifier]))
        g.add((obs, WJI.statedAs, Literal(o.stated)))
        if o.cny is not None:
            g.add((obs, WJI.valueCNY, _decimal(o.cny)))
        if o.growth is not None:
            g.add((obs, WJI.growthRate, _decimal(o.growth)))
            g.add((obs, WJI.growthBasis, WJI[o.growth_basis]))
        for example in _examples(o, concept.counts, extraction):
            g.add((obs, WJI.example, example))
        g.add((obs, WJI.charStart, Literal(o.start)))
        g.add((obs, WJI.charEnd, Literal(o.end)))
        g.add((obs, PROV.wasDerivedFrom, si))
        where = "，".join(x for x in (_area_zh(o.area), o.cluster if o.cluster != LEADING else "主导产业") if x)
        label = f"{concept.zh} {o.period} {_KIND_ZH[o.kind]} {o.stated}" + (f"（{where}）" if where else "")
        g.add((obs, RDFS.label, Literal(label, lang="zh")))
        _describe_sentence(prov, r, by_index[o.sentence])


def add_indicators(ds: Dataset, extractions: list[Extraction]) -> list[Indicators]:
    """The build's hook: read the figures of every report and add them to ``ds``.

    :func:`graph.validate.cube.indicators_problem` checks the result against
    ``ontology/indicator-shapes.ttl``.
    """
    results = []
    meta = ds.graph(INDICATORS_GRAPH)
    meta.addN((s, p, o, meta) for s, p, o in _vocabulary_triples())
    for ex in extractions:
        result = extract_indicators(ex.report, clusters=cluster_names(ex))
        add_observations(ds, result, ex)
        results.append(result)
    ds.bind("wji", WJI._NS, override=True)
    ds.bind("qb", QB, override=True)
    ds.bind("indicator", INDICATOR, override=True)
    return results


def cube_graph(ds: Dataset) -> Graph:
    """What the shapes look at: the indicators graph, every observation, and the types of the
    sentences and clusters they refer to (validating this, not the whole union, keeps it fast)."""
    g = Graph()
    for triple in ds.graph(INDICATORS_GRAPH):
        g.add(triple)
    linked = set()
    for obs, _, _, _ in ds.quads((None, RDF.type, QB.Observation, None)):
        for s, p, o, _ in ds.quads((obs, None, None, None)):
            g.add((s, p, o))
            if p in (PROV.wasDerivedFrom, WJI.cluster):
                linked.add(o)
    for node in linked:
        for s, p, o, _ in ds.quads((node, RDF.type, None, None)):
            g.add((s, p, o))
    return g
