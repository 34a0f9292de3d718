"""Export the graph for other tools: GraphML and GEXF (Gephi, yEd, Cytoscape), JSON-LD with a
context (web developers), CSV files for ``neo4j-admin database import`` (Neo4j) and the network
measures as RDF (SPARQL stores).

Every export is deterministic (the same graph gives the same bytes); the files of one call are
written as a set, atomically (:func:`graph.output.write_files`).

=============  =====================================  ===============================================
format         files (in the export directory)        content
=============  =====================================  ===============================================
``graphml``    ``wujing.graphml``                     entities and relations, measures as attributes
``gexf``       ``wujing.gexf``                        the same, for Gephi
``jsonld``     ``wujing.jsonld``                      every triple of ``wujing.ttl``, compacted
``neo4j``      ``neo4j/nodes.csv``,                   ``id:ID,label,…,:LABEL`` and
               ``neo4j/relationships.csv``            ``:START_ID,:END_ID,:TYPE,…``
``analytics``  ``analytics.trig``                     ``wj:degree``, ``wj:community``… in the graph
                                                      ``…/id/graph/analytics``
=============  =====================================  ===============================================

Examples
--------
>>> import tempfile
>>> from rdflib import Dataset
>>> paths = write_exports(Dataset(), tempfile.mkdtemp(), formats=["graphml", "neo4j"])
>>> [p.name for p in paths]
['wujing.graphml', 'nodes.csv', 'relationships.csv']
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from rdflib import XSD, Dataset, Graph, Literal

from .analytics import centrality, community_of
from .namespaces import PREFIXES
from .network import to_networkx
from .output import write_files

__all__ = [
    "FORMATS",
    "CONTEXT",
    "flat_graph",
    "to_graphml",
    "to_gexf",
    "to_jsonld",
    "to_neo4j",
    "neo4j_type",
    "write_exports",
]

FORMATS = ("graphml", "gexf", "jsonld", "neo4j", "analytics")

_WJ = PREFIXES["wj"]

#: The JSON-LD context: short names for the terms a web page needs; everything else keeps a prefix.
CONTEXT: dict = {
    **{p: PREFIXES[p] for p in ("wj", "rdfs", "skos", "prov", "dcterms", "xsd", "schema", "org")},
    "id": "@id",
    "type": "@type",
    "label": {"@id": "rdfs:label", "@language": "zh"},
    "pinyin": {"@id": "rdfs:label", "@language": "zh-Latn-pinyin"},
    "alias": {"@id": "skos:altLabel", "@language": "zh"},
    **{p: {"@id": f"wj:{p}", "@type": "@id"}
       for p in ("locatedIn", "inCluster", "cooperatesWith", "affiliatedWith", "hasMilestone", "stage")},
    "period": "wj:period",
    "year": {"@id": "wj:year", "@type": "xsd:gYear"},
    "planned": "wj:planned",
    "text": {"@id": "prov:value", "@language": "zh"},
    "derivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
}


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G`` with plain attributes only (what GraphML and GEXF can hold), and the measures.

    Nodes: ``label``, ``pinyin``, ``cls``, ``top``, ``aliases`` (``|``-separated), ``degree``,
    ``betweenness``, ``pagerank`` (6 decimals), ``community`` (absent for entities linked to
    nothing).  Edges (key: the property): ``prop``, ``sentences`` (space-separated IRIs) and
    ``evidence`` (the sentences' text, one per line).
    """
    scores = centrality(G)
    comm = community_of(G)
    F = nx.MultiDiGraph()
    for n, d in sorted(G.nodes(data=True), key=lambda x: x[0]):
        attrs = {
            "label": d.get("label", n),
            "pinyin": d.get("pinyin", ""),
            "cls": d.get("cls", ""),
            "top": d.get("top", d.get("cls", "")),
            "aliases": "|".join(d.get("aliases", [])),
            "degree": int(scores[n]["degree"]),
            "betweenness": round(scores[n]["betweenness"], 6),
            "pagerank": round(scores[n]["pagerank"], 6),
        }
        if n in comm:
            attrs["community"] = comm[n]
        F.add_node(n, **attrs)
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        evidence = d.get("evidence", [])
        F.add_edge(u, v, key=k, prop=d.get("prop", k),
                   sentences=" ".join(s for s, _ in evidence), evidence="\n".join(t for _, t in evidence))
    return F


def _graphml(F: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(F, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _gexf(F: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(F, buf, encoding="utf-8", prettyprint=True)
    return re.sub(rb'<meta lastmodifieddate="[^"]*"', b"<meta", buf.getvalue(), count=1)


def to_graphml(G: nx.MultiDiGraph) -> bytes:
    """GraphML of the entity graph (read it back with ``networkx.read_graphml``)."""
    return _graphml(flat_graph(G))


def to_gexf(G: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 of the entity graph, for Gephi (without the date stamp, so builds stay identical)."""
    return _gexf(flat_graph(G))


def _sort_json(value):
    # JSON-LD arrays here are unordered sets: sort them so that the file is the same on every run
    if isinstance(value, dict):
        return {k: _sort_json(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sort_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _canonical_decimals(g: Graph) -> Graph:
    # "1000000000"^^xsd:decimal reads back from Turtle as "1000000000.0": write the canonical form
    # so that the export is the same whether it was made from the build or from wujing.trig
    fixed = [(s, p, o) for s, p, o in g if isinstance(o, Literal) and o.datatype == XSD.decimal
             and "." not in o and "e" not in o.lower()]
    if not fixed:
        return g
    out = Graph()
    for prefix, ns in g.namespaces():
        out.bind(prefix, ns, override=True)
    for triple in g:
        out.add(triple)
    for s, p, o in fixed:
        out.remove((s, p, o))
        out.add((s, p, Literal(f"{o}.0", datatype=XSD.decimal)))
    return out


def to_jsonld(g: Graph) -> str:
    """``g`` (e.g. the union graph, what ``wujing.ttl`` holds) as compacted JSON-LD with :data:`CONTEXT`.

    The per-sentence provenance of each fact stays in ``wujing.trig``; sentences themselves
    (``text``, position, section) are included.
    """
    doc = json.loads(_canonical_decimals(g).serialize(format="json-ld", context=CONTEXT, auto_compact=True))
    if "@graph" not in doc:  # a graph with a single node is compacted to that node
        node = {k: v for k, v in doc.items() if k != "@context"}
        doc = {"@context": doc.get("@context", CONTEXT), "@graph": [node] if node else []}
    nodes = sorted((_sort_json(n) for n in doc["@graph"]), key=lambda n: n.get("id", ""))
    return json.dumps({"@context": CONTEXT, "@graph": nodes}, ensure_ascii=False, indent=2) + "\n"


def neo4j_type(prop: str) -> str:
    """A relation property as a Neo4j relationship type: ``locatedIn`` -> ``LOCATED_IN``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", prop).upper()


def _csv(rows: Iterable[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerows(rows)
    return buf.getvalue()


def to_neo4j(G: nx.MultiDiGraph) -> dict[str, str]:
    """``nodes.csv`` and ``relationships.csv`` for ``neo4j-admin database import full``.

    Nodes carry the labels ``Entity``, the top-level class and the class (``Entity;Enterprise;
    ListedCompany``); arrays use Neo4j's default ``;`` delimiter.  Relationship types are upper
    snake case (``LOCATED_IN``) and keep the ontology property's IRI in ``property``.
    """
    return _neo4j(flat_graph(G))


def _neo4j(F: nx.MultiDiGraph) -> dict[str, str]:
    nodes = [["id:ID", "label", "pinyin", "aliases:string[]", "class", "degree:int", "betweenness:float",
              "pagerank:float", "community:int", ":LABEL"]]
    for n, d in F.nodes(data=True):
        labels = ["Entity"] + list(dict.fromkeys(x for x in (d["top"], d["cls"]) if x))
        nodes.append([n, d["label"], d["pinyin"], d["aliases"].replace("|", ";"), d["cls"], d["degree"],
                      f"{d['betweenness']:.6f}", f"{d['pagerank']:.6f}", d.get("community", ""), ";".join(labels)])
    rels = [[":START_ID", ":END_ID", ":TYPE", "property", "sentences:string[]", "evidence"]]
    for u, v, k, d in F.edges(keys=True, data=True):
        first = d["evidence"].split("\n", 1)[0]
        rels.append([u, v, neo4j_type(d["prop"]), _WJ + d["prop"], d["sentences"].replace(" ", ";"), first])
    return {"nodes.csv": _csv(nodes), "relationships.csv": _csv(rels)}


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def write_exports(ds: Dataset, out_dir: Path | str, formats: Iterable[str] = FORMATS,
                  G: nx.MultiDiGraph | None = None, union: Graph | None = None) -> list[Path]:
    """Write the exports of ``ds`` in ``formats`` to ``out_dir``; return the files written.

    ``G`` (the networkx graph) and ``union`` (all triples as one graph) are computed from ``ds``
    when not given.  Raises ``ValueError`` for an unknown format, ``OSError`` when a file cannot
    be written.
    """
    from .analytics_rdf import analytics_trig

    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown export format {unknown[0]!r}; available: {', '.join(FORMATS)}")
    out = Path(out_dir)
    G = to_networkx(ds) if G is None else G
    F = flat_graph(G) if {"graphml", "gexf", "neo4j"} & set(formats) else None  # measures once
    files: dict[Path, str | bytes] = {}
    for fmt in formats:
        if fmt == "graphml":
            files[out / "wujing.graphml"] = _graphml(F)
        elif fmt == "gexf":
            files[out / "wujing.gexf"] = _gexf(F)
        elif fmt == "jsonld":
            files[out / "wujing.jsonld"] = to_jsonld(union if union is not None else _union(ds))
        elif fmt == "neo4j":
            for name, text in _neo4j(F).items():
                files[out / "neo4j" / name] = text
        elif fmt == "analytics":
            files[out / "analytics.trig"] = analytics_trig(ds, G)
    write_files(files)  # all or nothing: a failure leaves the previous exports as they were
    return list(files)
