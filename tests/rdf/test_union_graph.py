"""The union of a dataset's graphs (graph.rdf.convert.union_graph): every triple of every graph, once,
in a store without named graphs, and written as Turtle the same as from rdflib's own store."""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef

from graph.rdf.convert import union_graph

A, P = URIRef("https://e/a"), URIRef("https://e/p")


def three_graphs() -> Dataset:
    ds = Dataset()
    ds.bind("e", "https://e/")
    for g in ("https://e/g1", "https://e/g2"):
        ds.graph(URIRef(g)).add((A, P, Literal("吴泾", lang="zh")))
    ds.graph(URIRef("https://e/g2")).add((A, P, URIRef("https://e/b")))
    ds.add((URIRef("https://e/b"), P, Literal("1")))  # the default graph is in the union too
    return ds


def test_union_holds_each_triple_of_every_graph_once():
    g = union_graph(three_graphs())
    assert len(g) == 3
    assert set(g) == {(A, P, Literal("吴泾", lang="zh")), (A, P, URIRef("https://e/b")),
                      (URIRef("https://e/b"), P, Literal("1"))}


def test_union_knows_no_named_graphs_and_keeps_the_prefixes():
    g = union_graph(three_graphs())
    assert not g.store.context_aware
    assert ("e", URIRef("https://e/")) in set(g.namespaces())


def test_union_is_written_as_turtle_as_a_graph_of_rdflibs_memory_store():
    ds = three_graphs()
    plain = Graph()
    for prefix, ns in ds.namespaces():
        plain.bind(prefix, ns, override=True)
    for triple in union_graph(ds):
        plain.add(triple)
    assert union_graph(ds).serialize(format="wujing-turtle") == plain.serialize(format="wujing-turtle")
