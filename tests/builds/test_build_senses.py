"""The bundled report writes 森马 for a firm and for its industrial park: two nodes of the built graph."""

from __future__ import annotations

from rdflib import RDF, RDFS, Dataset, Literal
from rdflib.namespace import PROV

import graph
from graph.network.parks import park_clusters
from graph.rdf.iri import entity_iri
from graph.rdf.namespaces import WJ


def test_the_bundled_build_has_a_name_both_as_a_park_and_as_an_enterprise(built):
    G = graph.to_networkx(graph.open_graph(built.out_dir))
    named = {n: G.nodes[n]["cls"] for n in G if G.nodes[n].get("label") == "森马"}
    assert sorted(named.values()) == ["Enterprise", "Park"]
    assert named[str(entity_iri("森马"))] == "Enterprise"  # the firm keeps the IRI it always had
    (park,) = [n for n, cls in named.items() if cls == "Park"]
    assert park in park_clusters(G).parks


def test_the_park_sense_comes_from_the_sentence_that_lists_it_among_parks(built_trig):
    ds = Dataset()
    ds.parse(built_trig, format="trig")
    parks = {(s, g) for s, _, _, g in ds.quads((None, RDF.type, WJ.Park, None))
             if (s, RDFS.label, Literal("森马", lang="zh")) in ds.graph(g)}
    assert len(parks) == 1
    (_, where), = parks
    sentence = ds.value(where, PROV.value) or next(o for _, _, o, _ in ds.quads((where, PROV.value, None, None)))
    assert "等一批产业园区" in str(sentence) and "森马" in str(sentence)
