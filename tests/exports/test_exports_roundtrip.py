"""Every export read back with a real reader finds the same entities and relations.

The files checked are the ones the build wrote to ``out/exports/`` (the session fixture ``built``).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef

from graph.analytics.measures import centrality, community_of
from graph.analytics.rdf import ANALYTICS_GRAPH
from graph.rdf.namespaces import WJ as WJA
from graph.exports.formats import FORMATS, neo4j_type, to_jsonld, write_exports
from graph.network.convert import to_networkx


@pytest.fixture(scope="module")
def G(built):
    return to_networkx(built.dataset)


@pytest.fixture(scope="module")
def exports(built):
    return built.out_dir / "exports"


def relations(G):
    return {(u, v, k) for u, v, k in G.edges(keys=True)}


def test_the_build_writes_every_export(built, exports):
    expected = {"wujing.graphml", "wujing.gexf", "wujing.jsonld", "neo4j/nodes.csv", "neo4j/relationships.csv",
                "analytics.trig"}
    assert {p.relative_to(exports).as_posix() for p in exports.rglob("*") if p.is_file()} == expected
    assert {p for p in built.files if exports in p.parents} == {exports / name for name in expected}


@pytest.mark.parametrize("name, read", [
    ("wujing.graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
    ("wujing.gexf", nx.read_gexf),
])
def test_graphml_and_gexf_read_back_with_networkx(G, exports, name, read):
    H = read(exports / name)
    assert set(H.nodes) == set(G.nodes)
    assert {(u, v, d["prop"]) for u, v, d in H.edges(data=True)} == relations(G)
    for n in G:
        assert H.nodes[n]["label"] == G.nodes[n]["label"]
        assert H.nodes[n]["cls"] == G.nodes[n]["cls"]
        assert H.nodes[n]["degree"] == G.degree(n)
    comm = community_of(G)
    assert {n: H.nodes[n]["community"] for n in H if "community" in H.nodes[n]} == comm


def test_graphml_edges_keep_their_evidence(G, exports):
    H = nx.read_graphml(exports / "wujing.graphml", force_multigraph=True)
    for u, v, k, d in G.edges(keys=True, data=True):
        (data,) = [e for e in H.get_edge_data(u, v).values() if e["prop"] == k]
        assert data["sentences"].split() == [s for s, _ in d["evidence"]]
        assert data["evidence"].split("\n") == [t for _, t in d["evidence"]]


def test_jsonld_reads_back_with_rdflib_as_the_same_triples(built, exports):
    back = Graph().parse(exports / "wujing.jsonld", format="json-ld")
    turtle = Graph().parse(built.out_dir / "wujing.ttl", format="turtle")
    assert set(back) == set(turtle)


def test_jsonld_uses_short_names_from_its_context(exports):
    doc = json.loads((exports / "wujing.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["label"] == {"@id": "rdfs:label", "@language": "zh"}
    (ecnu,) = [n for n in doc["@graph"] if n.get("label") == "华东师范大学"]
    assert ecnu["type"] == "wj:University"
    assert "华东师大" in (ecnu["alias"] if isinstance(ecnu["alias"], list) else [ecnu["alias"]])
    ids = [n["id"] for n in doc["@graph"]]
    assert ids == sorted(ids)


def test_jsonld_of_a_single_node_still_has_a_graph():
    from rdflib import RDFS, Literal

    g = Graph()
    g.add((URIRef("https://w3id.org/wujing-kg/id/x"), RDFS.label, Literal("某", lang="zh")))
    doc = json.loads(to_jsonld(g))
    assert doc["@graph"] == [{"id": "https://w3id.org/wujing-kg/id/x", "label": "某"}]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_neo4j_csv_files_have_import_headers_and_the_same_graph(G, exports):
    nodes = read_csv(exports / "neo4j" / "nodes.csv")
    rels = read_csv(exports / "neo4j" / "relationships.csv")
    assert nodes[0][0] == "id:ID" and nodes[0][-1] == ":LABEL" and "label" in nodes[0]
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    node_rows = [dict(zip(nodes[0], r)) for r in nodes[1:]]
    assert [r["id:ID"] for r in node_rows] == sorted(G.nodes)
    for r in node_rows:
        d = G.nodes[r["id:ID"]]
        assert r["label"] == d["label"] and r["degree:int"] == str(G.degree(r["id:ID"]))
        assert r[":LABEL"].split(";")[:2] == ["Entity", d["top"]] and d["cls"] in r[":LABEL"].split(";")
    got = {(r[0], r[1], r[2]) for r in rels[1:]}
    assert got == {(u, v, neo4j_type(k)) for u, v, k in relations(G)}
    assert all(len(r) == len(rels[0]) and r[4] for r in rels[1:])  # every relation has its sentences


def test_neo4j_relationship_types_are_upper_snake_case():
    assert [neo4j_type(p) for p in ("locatedIn", "inCluster", "cooperatesWith", "affiliatedWith")] == [
        "LOCATED_IN", "IN_CLUSTER", "COOPERATES_WITH", "AFFILIATED_WITH"]


def test_analytics_trig_holds_only_the_analytics_graph(G, exports):
    ds = Dataset()
    ds.parse(exports / "analytics.trig", format="trig")
    graphs = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert graphs == {str(ANALYTICS_GRAPH)}
    g = ds.graph(ANALYTICS_GRAPH)
    scores = centrality(G)
    for n in G:
        assert g.value(URIRef(n), WJA.degree).toPython() == G.degree(n)
        assert float(g.value(URIRef(n), WJA.pageRank)) == pytest.approx(scores[n]["pagerank"], abs=1e-6)


def test_an_unknown_format_is_refused(tmp_path, built):
    with pytest.raises(ValueError, match="available: " + ", ".join(FORMATS)):
        write_exports(built.dataset, tmp_path, formats=["dot"])


def test_exports_are_byte_identical_whatever_the_hash_seed(built, exports, tmp_path):
    """Exporting ``wujing.trig`` in fresh interpreters gives exactly the files the build wrote."""
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        cmd = [sys.executable, "-c", "from graph.cli import main; main()", "export", "--graph", str(built.out_dir / "wujing.trig"), "-o", str(out)]
        subprocess.run(cmd, check=True, env=env, capture_output=True)
        for f in exports.rglob("*"):
            if f.is_file():
                assert (out / f.relative_to(exports)).read_bytes() == f.read_bytes(), f.name
