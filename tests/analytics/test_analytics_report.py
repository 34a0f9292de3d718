"""Analytics, its RDF and its commands on the bundled report: main facts, checked against rdflib."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import PROV

from graph.analytics import measures as A
from graph.analytics.rdf import ANALYTICS_GRAPH, ANALYTICS_ONTOLOGY, add_analytics, analytics_graph
from graph.rdf.namespaces import WJ as WJA
from graph.cli import main
from graph.model import RELATION_PROPERTIES
from graph.rdf.namespaces import PREFIXES, WJ
from graph.network.convert import find_entity, to_networkx


@pytest.fixture(scope="module")
def G(built):
    return to_networkx(built.dataset)


@pytest.fixture(scope="module")
def trig(built):
    return str(built.out_dir / "wujing.trig")


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result


def test_degree_equals_the_relations_counted_with_rdflib(built, G):
    props = {WJ[p] for p in RELATION_PROPERTIES}
    counted = {n: 0 for n in G}
    for s, p, o in built.union:
        if p in props and s != o and str(s) in counted and str(o) in counted:
            counted[str(s)] += 1
            counted[str(o)] += 1
    assert {n: v["degree"] for n, v in A.centrality(G).items()} == counted


def test_east_china_normal_university_is_among_the_most_connected(G):
    ecnu = find_entity(G, "华东师范大学")
    overall = sorted(G, key=lambda n: -G.degree(n))[:10]
    assert G.degree(ecnu) >= G.degree(overall[-1])
    assert ecnu in [r["iri"] for r in A.rank_by_class(G, top=2)["University"]]


def test_path_gives_the_cooperation_and_its_sentence(G):
    (chain,) = A.shortest_paths(G, "华东师范大学", "奥锐特")
    (step,) = chain
    assert (step["source_label"], step["prop"], step["target_label"]) == ("华东师范大学", "cooperatesWith", "奥锐特")
    assert "奥锐特" in step["text"] and "华东师大" in step["text"]


def test_path_from_catl_to_its_institute_is_stated_the_other_way_round(G):
    (chain,) = A.shortest_paths(G, "宁德时代", "宁德时代未来能源研究院")
    assert [(s["prop"], s["forward"]) for s in chain] == [("affiliatedWith", False)]
    assert "宁德时代未来能源研究院" in chain[0]["text"]


def test_every_step_of_a_chain_is_a_relation_of_the_graph(G):
    for chain in A.shortest_paths(G, "宁德时代", "上海交通大学", max_length=8):
        for s in chain:
            a, b = (s["source"], s["target"]) if s["forward"] else (s["target"], s["source"])
            assert G.has_edge(a, b, key=s["prop"])
            assert s["text"]


def test_park_cluster_matrix_equals_a_sparql_count(built, G):
    q = """SELECT ?park ?cluster (COUNT(DISTINCT ?m) AS ?n) WHERE {
             ?m wj:locatedIn ?park ; wj:inCluster ?cluster .
             ?park a wj:Park . ?cluster a wj:IndustryCluster .
             FILTER NOT EXISTS { ?m a wj:Park } FILTER NOT EXISTS { ?m a wj:IndustryCluster }
           } GROUP BY ?park ?cluster"""
    expected = {(str(r.park), str(r.cluster)): int(r.n) for r in built.union.query(q, initNs=PREFIXES)}
    stated_q = """SELECT DISTINCT ?park ?cluster WHERE {
             { ?park wj:inCluster ?cluster } UNION { ?cluster wj:locatedIn ?park }
             ?park a wj:Park . ?cluster a wj:IndustryCluster . }"""
    stated = {(str(r.park), str(r.cluster)) for r in built.union.query(stated_q, initNs=PREFIXES)}
    m = A.park_cluster_matrix(G)
    got = {(p, c): n for p, row in zip(m["parks"], m["counts"]) for c, n in zip(m["clusters"], row) if n}
    got_stated = {(p, c) for p, row in zip(m["parks"], m["stated"]) for c, s in zip(m["clusters"], row) if s}
    assert got == expected and got_stated == stated
    assert expected and stated  # the report links parks to clusters both ways


def test_the_elderly_care_park_serves_the_elderly_care_cluster(G):
    cells = {(c["park"], c["cluster"]): c for c in A.park_cluster_matrix(G)["cells"]}
    cell = cells[("上海市养老科技产业园", "养老科技")]
    assert "银发无忧" in cell["members"] and cell["count"] >= 2


def test_every_community_is_connected_and_disjoint(G):
    import networkx as nx

    comms = A.communities(G)
    seen = set()
    for c in comms:
        assert nx.is_connected(A.undirected(G).subgraph(c["members"]))
        assert not seen & set(c["members"])
        seen |= set(c["members"])
    assert [c["id"] for c in comms] == list(range(1, len(comms) + 1))
    assert [c["size"] for c in comms] == sorted((c["size"] for c in comms), reverse=True)


# ------------------------------------------------------------------------------------------ RDF


def test_analytics_terms_are_declared_in_their_own_ontology_file():
    from rdflib import OWL

    onto = Graph().parse(ANALYTICS_ONTOLOGY, format="turtle")
    declared = {str(s) for s in onto.subjects(RDF.type, OWL.DatatypeProperty)}
    assert declared == {str(WJA[t]) for t in ("degree", "betweenness", "pageRank", "community")}
    core = Graph().parse(ANALYTICS_ONTOLOGY.parent / "wujing.ttl", format="turtle")
    assert not {URIRef(t) for t in declared} & set(core.subjects())  # new terms, no clash


def test_analytics_graph_holds_the_measures_apart_from_the_facts(built, G):
    ds = Dataset()
    for s, p, o, c in built.dataset.quads((None, None, None, None)):
        ds.graph(c.identifier if hasattr(c, "identifier") else c).add((s, p, o))
    before = {str(c.identifier): len(c) for c in ds.graphs()}
    g = add_analytics(ds, G)
    add_analytics(ds, G)  # twice: replaced, not doubled
    after = {str(c.identifier): len(c) for c in ds.graphs()}
    assert {k: v for k, v in after.items() if v and k != str(ANALYTICS_GRAPH)} == {k: v for k, v in before.items() if v}
    reports = sorted({s for s, *_ in ds.quads((None, RDF.type, WJ.Report, None))})
    assert after[str(ANALYTICS_GRAPH)] == len(analytics_graph(G, reports))
    assert reports and set(g.objects(ANALYTICS_GRAPH, PROV.wasDerivedFrom)) == set(reports)
    ecnu = URIRef(find_entity(G, "华东师范大学"))
    assert g.value(ecnu, WJA.degree).toPython() == G.degree(str(ecnu))
    assert g.value(ecnu, WJA.community).toPython() == A.community_of(G)[str(ecnu)]


def test_sparql_can_rank_by_the_written_back_degree(built, G):
    ds = Dataset(default_union=True)
    for s, p, o, c in built.dataset.quads((None, None, None, None)):
        ds.graph(c).add((s, p, o))
    add_analytics(ds, G)
    q = f"""SELECT ?label ?d WHERE {{ GRAPH <{ANALYTICS_GRAPH}> {{ ?e wj:degree ?d }}
             ?e rdfs:label ?label . FILTER(lang(?label) = "zh") }} ORDER BY DESC(?d) ?label LIMIT 3"""
    rows = [(str(r.label), int(r.d)) for r in ds.query(q, initNs=PREFIXES)]
    top = sorted(G, key=lambda n: (-G.degree(n), G.nodes[n]["label"]))[:3]
    assert rows == [(G.nodes[n]["label"], G.degree(n)) for n in top]


# ------------------------------------------------------------------------------------------ CLI


def test_analyze_prints_rankings_bridges_and_communities(trig):
    result = run("analyze", "--graph", trig)
    assert result.exit_code == 0, result.output
    for heading in ("Most central entities by degree", "Bridges", "Articulation points", "Communities"):
        assert heading in result.output
    assert "华东师范大学" in result.output


def test_analyze_json_and_csv_are_machine_readable(trig, G):
    as_json = json.loads(run("analyze", "--graph", trig, "--format", "json", "--top", "0").output)
    assert sum(len(v) for v in as_json["rankings"].values()) == G.number_of_nodes()
    rows = list(csv.DictReader(io.StringIO(run("analyze", "--graph", trig, "--format", "csv", "--top", "3").output)))
    assert list(rows[0]) == ["class", "rank", "label", "degree", "betweenness", "pagerank", "community", "iri"]
    assert all(1 <= int(r["rank"]) <= 3 for r in rows)
    assert {r["iri"] for r in rows} <= set(G)


def test_analyze_by_betweenness_sorts_each_class_by_it(trig):
    rows = list(csv.DictReader(io.StringIO(
        run("analyze", "--graph", trig, "--format", "csv", "--by", "betweenness", "--top", "0").output)))
    for cls in {r["class"] for r in rows}:
        values = [float(r["betweenness"]) for r in rows if r["class"] == cls]
        assert values == sorted(values, reverse=True)


def test_path_command_shows_each_step_and_its_sentence(trig):
    result = run("path", "华东师范大学", "奥锐特", "--graph", trig)
    assert result.exit_code == 0, result.output
    assert "华东师范大学 cooperatesWith 奥锐特" in result.output
    assert "wujing-2026/s" in result.output


def test_path_command_by_pinyin_and_as_json(trig):
    result = run("path", "ningdeshidai", "宁德时代未来能源研究院", "--graph", trig, "--format", "json")
    assert result.exit_code == 0, result.output
    (chain,) = json.loads(result.output)
    assert chain[0]["prop"] == "affiliatedWith"


@pytest.mark.parametrize("args, message", [
    (["path", "不存在的公司", "奥锐特"], "no entity named '不存在的公司'"),
    (["path", "华东师范大学", "奥锐特", "--max", "0"], "Invalid value for '--max'"),
    (["analyze", "--format", "xml"], "Invalid value for '--format'"),
])
def test_bad_input_is_one_line_without_traceback(trig, args, message):
    result = run(*args, "--graph", trig)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_no_chain_is_an_error_with_exit_status_1(trig, G):
    loner = next(G.nodes[n]["label"] for n in sorted(G) if G.degree(n) == 0)
    result = run("path", "华东师范大学", loner, "--graph", trig)
    assert result.exit_code == 1
    assert result.output.strip().startswith("wujing-kg: error: no chain of at most 6 relations")


def test_missing_or_broken_data_file_is_a_clear_error(tmp_path):
    result = run("analyze", "--graph", tmp_path / "nothing.trig")
    assert result.exit_code == 1 and "run `wujing-kg build` first" in result.output
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> {", encoding="utf-8")
    result = run("matrix", "--graph", bad)
    assert result.exit_code == 1 and "not valid TriG" in result.output and "Traceback" not in result.output


def test_matrix_csv_has_a_row_per_park_and_a_column_per_cluster(trig, G):
    result = run("matrix", "--graph", trig, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    m = A.park_cluster_matrix(G)
    assert rows[0] == ["park"] + m["cluster_labels"]
    assert [[int(x) for x in r[1:]] for r in rows[1:]] == m["counts"]
    table = run("matrix", "--graph", trig).output
    assert table.count("\n") == len(m["parks"]) + 2 + any(map(any, m["stated"]))  # header, rule, rows, the note on *
    assert table.count("*") == 1 + sum(map(sum, m["stated"]))  # each stated link, and the note


def test_export_command_writes_the_chosen_formats(trig, tmp_path):
    result = run("export", "--graph", trig, "--format", "gexf", "--format", "neo4j", "-o", tmp_path / "x")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "x").rglob("*") if p.is_file()) == [
        "x/neo4j/nodes.csv", "x/neo4j/relationships.csv", "x/wujing.gexf"]


def test_export_to_an_unwritable_place_is_a_one_line_error(trig, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("export", "--graph", trig, "--format", "neo4j", "-o", blocker / "x")
    assert result.exit_code == 1
    assert "cannot write" in result.output and "Traceback" not in result.output
