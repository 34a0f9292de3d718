"""to_jsonld gives what rdflib's JSON-LD serializer gave, without going through it."""

from __future__ import annotations

import json

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace
from rdflib.collection import Collection
from rdflib.compare import isomorphic

from graph.exports.formats import CONTEXT, to_jsonld

WJ = Namespace("https://w3id.org/wujing-kg/ontology#")
ID = Namespace("https://w3id.org/wujing-kg/id/")


def _by_rdflib(g: Graph) -> Graph:
    """The JSON-LD rdflib's serializer writes for ``g`` (decimals made canonical first), read back."""
    canonical = Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype == XSD.decimal and "." not in o:
            o = Literal(f"{o}.0", datatype=XSD.decimal)
        canonical.add((s, p, o))
    text = canonical.serialize(format="json-ld", context=CONTEXT, auto_compact=True)
    return Graph().parse(data=text, format="json-ld")


def _read(text: str) -> Graph:
    return Graph().parse(data=text, format="json-ld")


def test_the_built_graph_reads_back_as_rdflib_wrote_it(built):
    assert isomorphic(_read(to_jsonld(built.union)), _by_rdflib(built.union))


def test_blank_nodes_lists_and_datatypes_read_back_as_rdflib_wrote_them():
    g = Graph()
    a, b = ID["a"], BNode()
    g.add((a, RDF.type, WJ.Fund))
    g.add((a, WJ.amountCNY, Literal("16", datatype=XSD.decimal)))
    g.add((a, WJ.planned, Literal(True)))
    g.add((a, WJ.charStart, Literal(3)))
    g.add((a, WJ.year, Literal("2025", datatype=XSD.gYear)))
    g.add((a, WJ.note, b))
    g.add((b, WJ.text, Literal("说明", lang="zh")))
    items = BNode()
    Collection(g, items, [Literal("x"), ID["c"]])
    g.add((a, WJ.items, items))
    assert isomorphic(_read(to_jsonld(g)), _by_rdflib(g))


def test_a_decimal_written_both_ways_is_one_value():
    g = Graph()
    g.add((ID["a"], WJ.amountCNY, Literal("16", datatype=XSD.decimal)))
    g.add((ID["a"], WJ.amountCNY, Literal("16.0", datatype=XSD.decimal)))
    doc = json.loads(to_jsonld(g))
    assert doc["@graph"][0]["wj:amountCNY"] == {"type": "xsd:decimal", "@value": "16.0"}  # one value, not a list
