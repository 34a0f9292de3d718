"""Turn extractions into an rdflib Dataset: one named graph per source sentence.

Layout of the dataset (see the README's "Ontology tour"):

* the graph ``…/id/report/<slug>/s0042`` holds the facts taken from sentence 42: the types and
  labels of the entities it mentions, the relations and milestones it states;
* the graph ``…/id/graph/provenance`` describes the reports and their sentences
  (``prov:value`` = the sentence text, its position and section);
* the graph ``…/id/graph/ontology`` is not written here: the ontology lives in ``ontology/``.

Examples
--------
>>> from graph.model import Report
>>> from graph.extract.pipeline import extract
>>> ds = to_rdf([extract(Report(slug="t", text="推动纳鸿微球落地。\\n", year="2026"))])
>>> sorted(str(o) for _, _, o, _ in ds.quads((None, RDFS.label, None, None)))
['nà hóng wēi qiú', '纳鸿微球']
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, PROV, SKOS

from graph.model import Extraction, label_of
from graph.rdf.industry_links import add_industry_links
from graph.rdf.iri import entity_iri, milestone_iri, pinyin, report_iri, sentence_iri
from graph.rdf.namespaces import ID, PREFIXES, WJ


def union_graph(ds: Dataset) -> Graph:
    """All triples of all graphs, each once, as one Graph (what ``out/wujing.ttl`` holds).

    The Graph keeps its triples in rdflib's ``SimpleMemory`` store, which knows no named graphs: a
    graph of the ``Memory`` store looks up, for every triple it adds or returns, every graph that
    holds it (the bundled report's union: 0.06 s CPU in a ``Memory`` store, 0.03 s in this one).
    """
    g = Graph(store="SimpleMemory")
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True)
    add = g.store.add
    for triple in Dataset(store=ds.store, default_union=True).triples((None, None, None)):
        add(triple, g)
    return g






PROVENANCE_GRAPH = ID["graph/provenance"]


def _bind(ds: Dataset) -> None:
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, Namespace(ns), override=True)


def to_rdf(extractions: Iterable[Extraction]) -> Dataset:
    """Build the dataset of one or more reports' extractions."""
    ds = Dataset()
    _bind(ds)
    prov = ds.graph(PROVENANCE_GRAPH)
    for ex in extractions:
        _report(ds, prov, ex)
    return ds


def _report(ds: Dataset, prov, ex: Extraction) -> None:
    r = ex.report
    rep = report_iri(r.slug)
    prov.add((rep, RDF.type, WJ.Report))
    prov.add((rep, RDF.type, PROV.Entity))
    if r.title:
        prov.add((rep, DCTERMS.title, Literal(r.title, lang="zh")))
    if r.issuer:
        prov.add((rep, DCTERMS.publisher, Literal(r.issuer, lang="zh")))
    if r.date:
        prov.add((rep, DCTERMS.issued, Literal(r.date, datatype=XSD.date)))
    if r.year:
        prov.add((rep, WJ.year, Literal(r.year, datatype=XSD.gYear)))
    if r.source:
        prov.add((rep, DCTERMS.source, Literal(r.source)))

    used: set[int] = set()

    def graph_of(index: int):
        used.add(index)
        return ds.graph(sentence_iri(r.slug, index))

    entities = ex.entities
    for name in sorted(entities):
        e = entities[name]
        iri = entity_iri(name)  # the key: a name's second sense (森马@Park) has an IRI of its own
        for index in e.sentences:
            g = graph_of(index)
            g.add((iri, RDF.type, WJ[e.cls]))
            g.add((iri, RDFS.label, Literal(e.label, lang="zh")))
            g.add((iri, RDFS.label, Literal(pinyin(e.label), lang="zh-Latn-pinyin")))
            for m in e.mentions:
                alias = m.text.replace("“", "").replace("”", "")
                if m.sentence == index and alias in e.aliases:
                    g.add((iri, SKOS.altLabel, Literal(alias, lang="zh")))
        # lexicon aliases never seen in this report still help search: keep them with the first mention
        first = graph_of(e.sentences[0])
        for alias in sorted(e.aliases):
            first.add((iri, SKOS.altLabel, Literal(alias, lang="zh")))

    add_industry_links(entities, graph_of)  # skos:exactMatch ind:…, skos:broader from the industry scheme
    for rel in ex.relations:
        graph_of(rel.sentence).add((entity_iri(rel.subject), WJ[rel.predicate], entity_iri(rel.object)))

    for ms in ex.milestones:
        g = graph_of(ms.sentence)
        m = milestone_iri(ms.project, ms.stage, ms.period)
        g.add((entity_iri(ms.project), WJ.hasMilestone, m))
        g.add((m, RDF.type, WJ.Milestone))
        g.add((m, WJ.stage, WJ[ms.stage]))
        g.add((m, WJ.period, Literal(ms.period)))
        if ms.year:
            g.add((m, WJ.year, Literal(ms.year, datatype=XSD.gYear)))
        g.add((m, WJ.planned, Literal(ms.planned)))
        g.add((m, RDFS.label, Literal(f"{label_of(ms.project)} {ms.stage} {ms.period}", lang="zh")))

    for name, key, value, index in ex.facts:
        if name not in entities:
            continue
        g = graph_of(index)
        iri = entity_iri(name)
        if key == "introducedIn":
            g.add((iri, WJ.introducedIn, Literal(value, datatype=XSD.gYear)))
        elif key == "amountCNY":
            g.add((iri, WJ.amountCNY, Literal(value, datatype=XSD.decimal)))
        elif key == "amountText":
            g.add((iri, WJ.amountText, Literal(value)))
        elif key == "broader" and value in entities:
            # 民用航空机载装备产业集群 is a narrower cluster of 民用航空 (both skos:Concepts)
            g.add((iri, SKOS.broader, entity_iri(value)))
            if index not in entities[value].sentences:
                g.add((entity_iri(value), RDF.type, WJ[entities[value].cls]))
                g.add((entity_iri(value), RDFS.label, Literal(value, lang="zh")))
                g.add((entity_iri(value), RDFS.label, Literal(pinyin(value), lang="zh-Latn-pinyin")))

    for s in ex.sentences:
        if s.index not in used:
            continue
        add_sentence(prov, r.slug, s)


def add_sentence(prov, report_slug: str, s) -> None:
    """Describe a source sentence in the provenance graph: its text, position, section and report."""
    si = sentence_iri(report_slug, s.index)
    prov.add((si, RDF.type, WJ.SourceSentence))
    prov.add((si, RDF.type, PROV.Entity))
    prov.add((si, PROV.value, Literal(s.text, lang="zh")))
    prov.add((si, PROV.wasDerivedFrom, report_iri(report_slug)))
    prov.add((si, WJ.sentenceIndex, Literal(s.index)))
    prov.add((si, WJ.charStart, Literal(s.start)))
    prov.add((si, WJ.charEnd, Literal(s.end)))
    prov.add((si, WJ.period, Literal(s.period)))
    if s.section:
        prov.add((si, WJ.section, Literal(s.section, lang="zh")))
