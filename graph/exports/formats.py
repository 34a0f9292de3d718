"""Export the graph for other tools: GraphML and GEXF (Gephi, yEd, Cytoscape), JSON-LD with a
context (web developers), CSV files for ``neo4j-admin database import`` (Neo4j) and the network
measures as RDF (SPARQL stores).

Every export is deterministic (the same graph gives the same bytes); the files of one call are
written as a set, atomically (:func:`graph.output.write_files`); a build writes them one at a
time (:func:`export_writers`), the JSON-LD one subject at a time from the store
(:func:`write_jsonld`).  The JSON-LD writer is also the rdflib serializer plugin ``wujing-jsonld``
(``g.serialize(format="wujing-jsonld")``); the others take a networkx graph (or give several
files), not an rdflib graph, so they are no rdflib plugins.

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
import functools
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

import networkx as nx
from rdflib import RDF, XSD, Graph, Literal, URIRef, plugin
from rdflib.serializer import Serializer

from graph.analytics.measures import centrality, community_of
from graph.analytics.rdf import analytics_trig
from graph.network.convert import to_networkx
from graph.output import write_files
from graph.rdf.namespaces import PREFIXES
from graph.store.backend import RdflibBackend, as_backend

__all__ = [
    "FORMATS",
    "CONTEXT",
    "flat_graph",
    "to_graphml",
    "to_gexf",
    "to_jsonld",
    "JsonLdSerializer",
    "to_neo4j",
    "neo4j_type",
    "export_files",
    "export_writers",
    "write_exports",
    "write_jsonld",
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


def flat_graph(G: nx.MultiDiGraph, measures: tuple[dict, dict] | None = None) -> nx.MultiDiGraph:
    """``G`` with plain attributes only (what GraphML and GEXF can hold), and the measures.

    Nodes: ``label``, ``pinyin``, ``cls``, ``top``, ``aliases`` (``|``-separated), ``degree``,
    ``betweenness``, ``pagerank`` (6 decimals), ``community`` (absent for entities linked to
    nothing).  Edges (key: the property): ``prop``, ``sentences`` (space-separated IRIs) and
    ``evidence`` (the sentences' text, one per line).  ``measures``: ``(centrality(G),
    community_of(G))`` when the caller has them already.
    """
    scores, comm = measures if measures is not None else (centrality(G), community_of(G))
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


def _canonical(o: Literal) -> Literal:
    # "1000000000"^^xsd:decimal reads back from Turtle as "1000000000.0": write the canonical form
    # so that the export is the same whether it was made from the build or from wujing.trig
    if o.datatype == XSD.decimal and "." not in o and "e" not in o.lower():
        return Literal(f"{o}.0", datatype=XSD.decimal)
    return o


_LIST_TERMS = frozenset((RDF.first, RDF.rest, RDF.nil))


class _Triples:
    """The triples of a graph indexed by subject, decimals made canonical: the little of rdflib's
    ``Graph`` that :func:`rdflib.plugins.serializers.jsonld.from_rdf` calls, answered from
    dictionaries (rdflib's store looks up the contexts of every triple it returns)."""
    context_aware = False

    def __init__(self, g: Graph):
        self.identifier = g.identifier
        self.po: dict = {}  # subject -> [(predicate, object)]
        self.plain = True  # IRIs and literals only, no RDF lists: what _compact() handles
        po, decimal, lists = self.po, XSD.decimal, _LIST_TERMS  # (locals: rdflib's namespaces are slow)
        for s, p, o in g:
            cls = type(o)
            if cls is Literal:
                if o.datatype == decimal:
                    o = _canonical(o)
                    if (p, o) in po.get(s, ()):  # "16" and "16.0" are one triple once written "16.0"
                        continue
            elif cls is not URIRef or o in lists:
                self.plain = False
            if type(s) is not URIRef or p in lists:
                self.plain = False
            subject = po.get(s)
            if subject is None:
                po[s] = [(p, o)]
            else:
                subject.append((p, o))

    def subjects(self, predicate=None, object=None):
        if predicate is None and object is None:
            return iter(self.po)
        return iter([s for s, pos in self.po.items() for p, o in pos
                     if (predicate is None or p == predicate) and o == object])

    def predicate_objects(self, subject):
        return iter(self.po.get(subject, ()))

    def value(self, subject, predicate):
        return next((o for p, o in self.po.get(subject, ()) if p == predicate), None)


def _node_maker(context):
    """A function ``(subject, [(predicate, object)]) -> node``: the node rdflib's JSON-LD converter
    (``Converter.add_to_node``) makes of a subject whose triples are IRIs and literals, with each
    look-up in the context made once instead of once per triple; ``None`` when the context needs
    what this does not do (containers, a default language): rdflib's converter does those."""
    from rdflib.plugins.serializers.jsonld import PLAIN_LITERAL_TYPES
    from rdflib.plugins.shared.jsonld.context import UNDEF
    from rdflib.plugins.shared.jsonld.keys import ID, VOCAB

    if context.language or any(t.container for t in context.terms.values()):
        return None
    id_key, type_key, value_key, lang_key = context.id_key, context.type_key, context.value_key, context.lang_key
    iri_rules: dict = {}
    literal_terms: dict = {}
    shrunk: dict = {}

    def shrink(iri):
        text = shrunk.get(iri)
        if text is None:
            text = shrunk[iri] = context.shrink_iri(iri)
        return text

    def key_without_term(p):
        key = context.to_symbol(p)
        key_term = context.terms.get(key)
        return p if key_term and (key_term.type or key_term.container) else key

    def iri_rule(p):  # (key, how the object IRI is written)
        term = None
        for coercion in (ID, VOCAB, UNDEF):
            term = context.find_term(str(p), coercion, None)
            if term:
                break
        if term:
            return term.name, ("id" if term.type == ID else "symbol" if term.type == VOCAB else "node")
        if p == RDF.type:
            return type_key, "symbol"
        return key_without_term(p), "node"

    def literal(o, term):
        if term is not None:
            if term.type and (term.type == ID or str(o.datatype) == term.type):
                return o
            if not term.type and term.language and o.language == term.language:
                return str(o)
        native = o.datatype in PLAIN_LITERAL_TYPES  # the converter uses native types with a context
        v = o.toPython() if native else str(o)
        if o.datatype:
            return v if native else {type_key: context.to_symbol(o.datatype), value_key: v}
        if o.language:
            return {lang_key: o.language, value_key: v}
        return v

    def make(s, pos) -> dict:
        node = {id_key: shrink(s)}
        for p, o in pos:
            if type(o) is Literal:
                sig = (p, o.datatype, o.language)
                found = literal_terms.get(sig)
                if found is None:
                    term = context.find_term(str(p), str(o.datatype) if o.datatype else None, language=o.language)
                    found = literal_terms[sig] = (term, term.name if term else key_without_term(p))
                    if not term and p == RDF.type:
                        literal_terms[sig] = found = (None, type_key)
                term, key = found
                value = literal(o, term)
            else:
                rule = iri_rules.get(p)
                if rule is None:
                    rule = iri_rules[p] = iri_rule(p)
                key, how = rule
                value = shrink(o) if how == "id" else context.to_symbol(o) if how == "symbol" else {id_key: shrink(o)}
            existing = node.get(key)
            if existing:  # as the converter: a falsy first value is replaced, not listed
                if not isinstance(existing, list):
                    existing = [existing]
                existing.append(value)
                node[key] = existing
            else:
                node[key] = value
        return node

    make.shrink = shrink
    return make


def _compact(triples: _Triples, context) -> list[dict] | None:
    """The nodes rdflib's JSON-LD converter makes of a graph of IRIs and literals (:func:`_node_maker`).

    ``None`` when the graph or the context needs what this does not do (blank nodes, lists,
    containers, a default language): rdflib's converter does those.
    """
    make = _node_maker(context) if triples.plain else None
    if make is None:
        return None
    nodes: dict = {}
    for s, pos in triples.po.items():
        node_id = make.shrink(s)
        if node_id not in nodes:
            nodes[node_id] = make(s, pos)
    return list(nodes.values())


def _subject_triples(po: list) -> list:
    """The (predicate, object) pairs of one subject as :class:`_Triples` keeps them: decimals canonical,
    the pairs that are then the same once."""
    out: list = []
    decimal = XSD.decimal
    for p, o in po:
        if type(o) is Literal and o.datatype == decimal:
            o = _canonical(o)
            if (p, o) in out:
                continue
        out.append((p, o))
    return out


def _plain(s, po) -> bool:
    return type(s) is URIRef and all(
        p not in _LIST_TERMS and (type(o) is Literal or (type(o) is URIRef and o not in _LIST_TERMS))
        for p, o in po)


def _json_document(nodes: Iterable[dict], out: IO[bytes]) -> None:
    """Write ``{"@context": CONTEXT, "@graph": nodes}`` as ``json.dumps(..., indent=2)`` writes it,
    one node at a time (the nodes already sorted, each already :func:`_sort_json`-ed)."""
    head, tail = json.dumps({"@context": CONTEXT, "@graph": [0]}, ensure_ascii=False, indent=2).split("\n    0\n")
    first = True
    for node in nodes:
        text = json.dumps(node, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        out.write(f"{head}\n    {text}".encode() if first else f",\n    {text}".encode())
        first = False
    if first:
        out.write(json.dumps({"@context": CONTEXT, "@graph": []}, ensure_ascii=False, indent=2).encode("utf-8"))
    else:
        out.write(f"\n{tail}".encode())
    out.write(b"\n")


def write_jsonld(ds, out: IO[bytes]) -> None:
    """Write :func:`to_jsonld` of the union of ``ds`` (a backend, a Dataset or a Graph) to the binary
    file ``out``, the same bytes, holding one subject's triples at a time rather than the graph.

    The subjects are read once to sort them, then each one's triples from the backend (an Oxigraph
    store answers that from its index); a graph with blank nodes or RDF lists, which rdflib's
    converter must see whole, is made in memory by :func:`to_jsonld`.  An rdflib backend, in memory
    anyway, is written by :func:`to_jsonld` too.
    """
    from rdflib.plugins.shared.jsonld.context import Context

    backend = as_backend(ds)
    make = _node_maker(Context(CONTEXT))
    if make is None or isinstance(backend, RdflibBackend):
        out.write(to_jsonld(backend.union()).encode("utf-8"))
        return
    first: dict = {}  # node id -> its subject: the first of the subjects written as that id, as _compact
    last = None
    for s, _p, _o in backend.triples():  # a subject's triples come together
        if s == last:
            continue
        if type(s) is not URIRef:
            out.write(to_jsonld(backend.union()).encode("utf-8"))
            return
        last = s
        first.setdefault(make.shrink(s), s)
    order = sorted(first)

    def nodes():
        for node_id in order:
            s = first[node_id]
            po = [(p, o) for _s, p, o in backend.triples((s, None, None))]
            if not _plain(s, po):
                raise _NotPlain
            yield _sort_json(make(s, _subject_triples(po)))

    buf = out if out.seekable() else None
    start = buf.tell() if buf is not None else 0
    try:
        _json_document(nodes(), out)
    except _NotPlain:
        if buf is None:
            raise ValueError("a graph with blank nodes or RDF lists needs a seekable file") from None
        buf.seek(start)
        buf.truncate()
        out.write(to_jsonld(backend.union()).encode("utf-8"))


class _NotPlain(Exception):
    """A subject with an RDF list: the graph goes through rdflib's converter."""


def to_jsonld(g: Graph) -> str:
    """``g`` (e.g. the union graph, what ``wujing.ttl`` holds) as compacted JSON-LD with :data:`CONTEXT`.

    The per-sentence provenance of each fact stays in ``wujing.trig``; sentences themselves
    (``text``, position, section) are included.  The nodes are those rdflib's JSON-LD serializer
    makes (:func:`_compact` makes them faster, for graphs without blank nodes and lists).
    """
    from rdflib.plugins.serializers.jsonld import from_rdf
    from rdflib.plugins.shared.jsonld.context import Context

    triples = _Triples(g)
    nodes = _compact(triples, Context(CONTEXT))
    if nodes is None:  # what rdflib's serializer does, without its json.dumps()
        doc = from_rdf(triples, CONTEXT, auto_compact=True)
        if "@graph" not in doc:  # a graph with a single node is compacted to that node
            node = {k: v for k, v in doc.items() if k != "@context"}
            doc = {"@graph": [node] if node else []}
        nodes = doc["@graph"]
    nodes = sorted((_sort_json(n) for n in nodes), key=lambda n: n.get("id", ""))
    return json.dumps({"@context": CONTEXT, "@graph": nodes}, ensure_ascii=False, indent=2) + "\n"


class JsonLdSerializer(Serializer):
    """The rdflib serializer plugin ``wujing-jsonld``: :func:`to_jsonld` of the graph.

    Examples
    --------
    >>> g = Graph().parse(format="turtle", data='<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "甲"@zh .')
    >>> g.serialize(format="wujing-jsonld") == to_jsonld(g)
    True
    """

    def serialize(self, stream, base: str | None = None, encoding: str | None = None, **args) -> None:
        stream.write(to_jsonld(self.store).encode(encoding or "utf-8"))


plugin.register("wujing-jsonld", Serializer, __name__, "JsonLdSerializer")


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


def export_writers(ds, out_dir: Path | str, formats: Iterable[str] = FORMATS, G: nx.MultiDiGraph | None = None,
                   union: Graph | None = None) -> Iterator[tuple[Path, Callable[[IO[bytes]], None]]]:
    """The exports of ``ds`` in ``formats`` as ``(path, write)``, ``write(binary file)`` making and
    writing the file: each is made only when written, so a caller that writes one before asking for
    the next (a build) holds one export at a time, and the JSON-LD one subject at a time
    (:func:`write_jsonld`).  Arguments as :func:`export_files`.
    """
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown export format {unknown[0]!r}; available: {', '.join(FORMATS)}")
    backend = as_backend(ds)
    out = Path(out_dir)
    G = to_networkx(backend) if G is None else G
    # centrality and communities, computed once (if at all) for the flat graph and analytics
    measured = functools.cache(lambda: (centrality(G), community_of(G)))

    F = flat_graph(G, measured()) if {"graphml", "gexf", "neo4j"} & set(formats) else None

    def text(make):
        return lambda fh: fh.write(_utf8(make()))

    for fmt in formats:
        if fmt == "graphml":
            yield out / "wujing.graphml", text(lambda: _graphml(F))
        elif fmt == "gexf":
            yield out / "wujing.gexf", text(lambda: _gexf(F))
        elif fmt == "jsonld":
            if union is not None:
                yield out / "wujing.jsonld", text(lambda: union.serialize(format="wujing-jsonld"))
            else:
                yield out / "wujing.jsonld", lambda fh: write_jsonld(backend, fh)
        elif fmt == "neo4j":
            tables: dict = {}  # both tables are made by one call, kept until the second is written

            def table(name, tables=tables):
                if not tables:
                    tables.update(_neo4j(F))
                return tables.pop(name)

            for name in ("nodes.csv", "relationships.csv"):
                yield out / "neo4j" / name, text(lambda name=name: table(name))
        elif fmt == "analytics":
            yield out / "analytics.trig", text(lambda: analytics_trig(backend, G, measured()))


def _utf8(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def export_files(ds, out_dir: Path | str, formats: Iterable[str] = FORMATS,
                 G: nx.MultiDiGraph | None = None, union: Graph | None = None) -> dict[Path, bytes]:
    """The exports of ``ds`` (a backend of :mod:`graph.store.backend`, or an rdflib Dataset) in
    ``formats``, as file path -> content (UTF-8), without writing them.

    ``G`` (the networkx graph) and ``union`` (all triples as one graph) are computed from ``ds``
    when not given.  Raises ``ValueError`` for an unknown format.  A build writes the same files
    one at a time (:func:`export_writers`).
    """
    files: dict[Path, bytes] = {}
    for path, write in export_writers(ds, out_dir, formats, G=G, union=union):
        buf = io.BytesIO()
        write(buf)
        files[path] = buf.getvalue()
    return files


def write_exports(ds, out_dir: Path | str, formats: Iterable[str] = FORMATS,
                  G: nx.MultiDiGraph | None = None, union: Graph | None = None) -> list[Path]:
    """Write the exports of ``ds`` (see :func:`export_files`) to ``out_dir``; return the files written.

    Raises ``ValueError`` for an unknown format, ``OSError`` when a file cannot be written.
    """
    files = export_files(ds, out_dir, formats, G=G, union=union)
    write_files(files)  # all or nothing: a failure leaves the previous exports as they were
    return list(files)
