"""graph/store.py without a build: loading, opening, binding variables, converting terms."""

from __future__ import annotations

import pytest
from rdflib import XSD, BNode, Literal, URIRef

from graph.build import build
from graph.errors import BuildError
from graph.store.oxigraph import load_store, open_store, run_query, to_oxigraph_term

DATA = b"""
<https://e/a> <https://e/label> "a"@zh <https://e/g1> .
<https://e/b> <https://e/label> "b"@zh <https://e/g1> .
<https://e/a> <https://e/label> "a"@zh <https://e/g2> .
"""


def test_rdflib_terms_become_the_same_oxigraph_terms():
    import pyoxigraph as ox

    assert to_oxigraph_term(URIRef("https://e/a")) == ox.NamedNode("https://e/a")
    assert to_oxigraph_term(Literal("吴泾", lang="zh")) == ox.Literal("吴泾", language="zh")
    assert to_oxigraph_term(Literal("2025", datatype=XSD.gYear)) == ox.Literal("2025", datatype=ox.NamedNode(str(XSD.gYear)))
    assert to_oxigraph_term(Literal("x")) == ox.Literal("x")
    assert isinstance(to_oxigraph_term(BNode("b1")), ox.BlankNode)


def test_without_a_default_graph_the_union_of_the_named_graphs_is_queried():
    store = load_store(DATA, format="nq")
    rows = run_query(store, "SELECT DISTINCT ?s WHERE { ?s ?p ?o } ORDER BY ?s")
    assert [r["s"].value for r in rows] == ["https://e/a", "https://e/b"]


def test_a_bound_variable_outside_the_select_clause_still_filters():
    store = load_store(DATA, format="nq")
    query = "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER (?o = ?wanted) }"
    rows = run_query(store, query, {"wanted": Literal("b", lang="zh")})
    assert [r["s"].value for r in rows] == ["https://e/b"]


def test_a_bound_variable_binds_a_grouped_query_and_its_subqueries():
    store = load_store(DATA, format="nq")
    grouped = "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s"
    assert [(r["s"].value, r["n"].value) for r in run_query(store, grouped, {"s": URIRef("https://e/b")})] == [("https://e/b", "1")]
    nested = "SELECT ?s ?o WHERE { { SELECT DISTINCT ?s ?o WHERE { ?s ?p ?o } } }"
    assert [r["o"].value for r in run_query(store, nested, {"s": URIRef("https://e/a")})] == ["a"]


def test_the_word_where_in_a_comment_or_string_is_not_where_values_go():
    store = load_store(DATA, format="nq")
    query = '# WHERE { is only a comment here\nSELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER (?o != "WHERE {" && ?o = ?wanted) }'
    rows = run_query(store, query, {"wanted": Literal("a", lang="zh")})
    assert [r["s"].value for r in rows] == ["https://e/a"]


def test_a_query_without_the_where_keyword_binds_what_it_selects():
    store = load_store(DATA, format="nq")
    rows = run_query(store, "SELECT ?s ?o { ?s ?p ?o }", {"s": URIRef("https://e/b")})
    assert [r["o"].value for r in rows] == ["b"]


def test_a_missing_or_broken_file_is_a_one_line_error(tmp_path):
    with pytest.raises(BuildError, match="no.trig: file not found"):
        load_store(tmp_path / "no.trig")
    bad = tmp_path / "bad.trig"
    bad.write_text("<https://e/a> <https://e/p> .\n", encoding="utf-8")
    with pytest.raises(BuildError, match="bad.trig: not valid RDF") as info:
        load_store(bad)
    assert "\n" not in str(info.value)


def test_opening_a_folder_without_a_store_says_how_to_make_one(tmp_path):
    with pytest.raises(BuildError, match="build with --store oxigraph first"):
        open_store(tmp_path)


def test_an_unknown_store_is_refused(tmp_path):
    with pytest.raises(BuildError, match="unknown store 'neo4j': use rdflib or oxigraph"):
        build(out_dir=None, store="neo4j")
