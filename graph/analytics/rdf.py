"""Write network measures back as RDF, in their own named graph, so that SPARQL can use them.

The terms (``wj:degree``, ``wj:betweenness``, ``wj:pageRank``, ``wj:community``) are declared in
``ontology/analytics.ttl``; the triples go to the graph ``…/id/graph/analytics`` and never into a
sentence's graph: they are computed, not stated by the report.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("https://w3id.org/wujing-kg/id/a", label="甲", cls="Enterprise")
>>> G.add_node("https://w3id.org/wujing-kg/id/b", label="乙", cls="Park")
>>> _ = G.add_edge("https://w3id.org/wujing-kg/id/a", "https://w3id.org/wujing-kg/id/b", key="locatedIn")
>>> g = analytics_graph(G)
>>> g.identifier == ANALYTICS_GRAPH
True
>>> g.value(URIRef("https://w3id.org/wujing-kg/id/a"), WJ.degree)
rdflib.term.Literal('1', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
>>> str(WJ.pageRank)
'https://w3id.org/wujing-kg/ontology#pageRank'
"""

from __future__ import annotations

from decimal import Decimal

import networkx as nx
from rdflib import RDF, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from graph.analytics.measures import centrality, community_of
from graph.network.convert import to_networkx
from graph.rdf.namespaces import ID, PREFIXES, WJ
from graph.resources import ontology_file

__all__ = ["ANALYTICS_GRAPH", "ANALYTICS_ONTOLOGY", "analytics_graph", "add_analytics", "analytics_trig"]

ANALYTICS_GRAPH = ID["graph/analytics"]
ANALYTICS_ONTOLOGY = ontology_file("analytics.ttl")


def _decimal(x: float) -> Literal:
    # six decimals: stable across platforms, and enough to rank 10,000 entities
    return Literal(Decimal(f"{x:.6f}"), datatype=XSD.decimal)


def analytics_graph(G: nx.MultiDiGraph, reports: list[URIRef] | tuple = (),
                    measures: tuple[dict, dict] | None = None) -> Graph:
    """The measures of every entity of ``G`` as a Graph named :data:`ANALYTICS_GRAPH`.

    ``reports`` (IRIs) are recorded as what the measures were derived from; ``measures`` is
    ``(centrality(G), community_of(G))`` when the caller has them already (exact betweenness
    took minutes at 1,000 reports, and the exports need it too).
    """
    g = Graph(identifier=ANALYTICS_GRAPH)
    for prefix in ("id", "wj", "dcterms", "prov", "xsd"):
        g.bind(prefix, Namespace(PREFIXES[prefix]))
    g.add((ANALYTICS_GRAPH, RDF.type, PROV.Entity))
    g.add((ANALYTICS_GRAPH, DCTERMS.description,
           Literal("Network measures computed by wujing-kg (networkx); not facts stated by a report.", lang="en")))
    for rep in sorted(reports):
        g.add((ANALYTICS_GRAPH, PROV.wasDerivedFrom, URIRef(rep)))
    scores, comm = measures if measures is not None else (centrality(G), community_of(G))
    for iri, s in scores.items():
        node = URIRef(iri)
        g.add((node, WJ.degree, Literal(s["degree"], datatype=XSD.integer)))
        g.add((node, WJ.betweenness, _decimal(s["betweenness"])))
        g.add((node, WJ.pageRank, _decimal(s["pagerank"])))
        if iri in comm:
            g.add((node, WJ.community, Literal(comm[iri], datatype=XSD.integer)))
    return g


def _reports(ds: Dataset) -> list[URIRef]:
    return sorted({s for s, _, _, _ in ds.quads((None, RDF.type, WJ.Report, None))})


def add_analytics(ds: Dataset, G: nx.MultiDiGraph | None = None) -> Graph:
    """Add (or replace) the analytics graph of ``ds``; ``G`` defaults to ``to_networkx(ds)``."""
    if G is None:
        G = to_networkx(ds)
    fresh = analytics_graph(G, _reports(ds))
    target = ds.graph(ANALYTICS_GRAPH)
    target.remove((None, None, None))
    for triple in fresh:
        target.add(triple)
    return target


def analytics_trig(ds: Dataset, G: nx.MultiDiGraph | None = None, measures: tuple[dict, dict] | None = None) -> str:
    """The analytics graph of ``ds`` alone, as deterministic TriG (load it beside ``wujing.trig``);
    ``measures`` as :func:`analytics_graph` takes them."""
    g = analytics_graph(G if G is not None else to_networkx(ds), _reports(ds), measures)
    text = g.serialize(format="turtle")
    header = "\n".join(line for line in text.splitlines() if line.startswith("@prefix"))
    body = "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")).strip()
    indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
    return f"{header}\n\n<{ANALYTICS_GRAPH}> {{\n{indented}\n}}\n"
