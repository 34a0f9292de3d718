"""Analytics pinned on a small hand-made graph whose answers were worked out by hand.

The graph (8 entities, 9 relations) is two tight groups joined by one relation, plus a loner::

    乙企业 ── 甲园 ─┐                       某平台
      │      │     │                       /    \\
      └──── 航空 ── 甲企业 ── cooperatesWith ── 某大学 ── 丙企业     孤立企业
                                                 \\____/

    group A = {甲企业, 乙企业, 甲园, 航空}: 甲企业 and 乙企业 are each locatedIn 甲园 and inCluster
    航空, and 甲园 inCluster 航空 (5 relations); group B = {某大学, 某平台, 丙企业}: a triangle
    (某平台 affiliatedWith 某大学, 某大学 and 某平台 cooperatesWith 丙企业); 甲企业 cooperatesWith
    某大学 is the only link between the groups.

Worked out by hand (n = 8, so normalised betweenness = raw / 21):

* degree: 甲企业, 甲园, 航空, 某大学 3; 乙企业, 丙企业, 某平台 2; 孤立企业 0.
* betweenness: 甲企业 lies on all 3 x 3 paths between {乙企业, 甲园, 航空} and group B -> 9;
  某大学 on all 4 x 2 paths between group A and {某平台, 丙企业} -> 8; 甲园 and 航空 each carry half
  of the two shortest paths from 乙企业 to 甲企业 and to the 3 members of group B -> 4 x 0.5 = 2.
* bridges: only 甲企业–某大学 (4 | 3 entities); articulation points: 甲企业 (pieces 3 and 3) and
  某大学 (pieces 4 and 2).
* Louvain: {甲企业, 乙企业, 甲园, 航空} and {某大学, 某平台, 丙企业}, modularity
  (5/9 - (11/18)^2) + (3/9 - (7/18)^2) = 0.364; moving 甲企业 across gives 0.272.
* 乙企业 -> 丙企业: two chains of 4 relations, via 甲园 or via 航空, then 甲企业, 某大学.
* park x cluster: 甲园 x 航空 = 甲企业 + 乙企业 (located in 甲园, in 航空) = 2, and stated (甲园 inCluster 航空).
"""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.namespace import PROV

from graph.analytics import measures as A
from graph.rdf.namespaces import ID, WJ
from graph.network.convert import EntityNotFound, to_networkx

# fmt: off
ENTITIES = {  # key: (Chinese label, class)
    "e1": ("甲企业", "Enterprise"),
    "e2": ("乙企业", "Enterprise"),
    "e3": ("丙企业", "ListedCompany"),
    "p":  ("甲园", "Park"),
    "c":  ("航空", "IndustryCluster"),
    "u":  ("某大学", "University"),
    "l":  ("某平台", "Platform"),
    "x":  ("孤立企业", "Enterprise"),
}
RELATIONS = [  # subject, property, object, the sentence that states it
    ("e1", "locatedIn",      "p",  "甲企业落户甲园。"),
    ("e1", "inCluster",      "c",  "甲企业深耕航空。"),
    ("p",  "inCluster",      "c",  "甲园聚焦航空。"),
    ("e2", "locatedIn",      "p",  "乙企业入驻甲园。"),
    ("e2", "inCluster",      "c",  "乙企业从事航空。"),
    ("l",  "affiliatedWith", "u",  "某大学建设某平台。"),
    ("u",  "cooperatesWith", "e3", "某大学与丙企业合作。"),
    ("l",  "cooperatesWith", "e3", "某平台与丙企业合作。"),
    ("e1", "cooperatesWith", "u",  "甲企业与某大学合作。"),
]
# fmt: on


def iri(key: str) -> str:
    return str(ID[f"t/{key}"])


def make_dataset() -> Dataset:
    """The hand-made graph as the build lays it out: one named graph per sentence, texts in provenance."""
    ds = Dataset()
    prov = ds.graph(ID["graph/provenance"])
    first = ds.graph(ID["report/t/s0000"])
    for key, (label, cls) in ENTITIES.items():
        first.add((URIRef(iri(key)), RDF.type, WJ[cls]))
        first.add((URIRef(iri(key)), RDFS.label, Literal(label, lang="zh")))
    for i, (s, p, o, text) in enumerate(RELATIONS, start=1):
        sentence = ID[f"report/t/s{i:04d}"]
        ds.graph(sentence).add((URIRef(iri(s)), WJ[p], URIRef(iri(o))))
        prov.add((sentence, PROV.value, Literal(text, lang="zh")))
    return ds


@pytest.fixture(scope="module")
def G():
    return to_networkx(make_dataset())


def labels(G, iris):
    return [G.nodes[n]["label"] for n in iris]


def test_converter_keeps_every_entity_and_relation_with_its_sentence(G):
    assert G.number_of_nodes() == 8 and G.number_of_edges() == 9
    assert G.edges[iri("e1"), iri("p"), "locatedIn"]["evidence"] == [(str(ID["report/t/s0001"]), "甲企业落户甲园。")]


def test_converter_reads_only_the_sentences_behind_a_relation(monkeypatch):
    """The texts of the edges' evidence are looked up one sentence at a time: a sentence that is the
    evidence of no relation (here the one that types the entities) is never read, so the converter
    does not hold every sentence of the corpus (graph.network.convert._sentence_texts)."""
    from graph.store.backend import OxigraphBackend, RdflibBackend

    ds = make_dataset()
    ds.graph(ID["graph/provenance"]).add((ID["report/t/s0000"], PROV.value, Literal("只有实体。", lang="zh")))
    expected = to_networkx(RdflibBackend(ds))
    for backend in (RdflibBackend(ds), OxigraphBackend.from_dataset(ds)):
        asked = []
        triples = type(backend).triples

        def spy(self, pattern=(None, None, None), triples=triples):
            if pattern[1] == PROV.value:
                asked.append(str(pattern[0]))
            return triples(self, pattern)

        monkeypatch.setattr(type(backend), "triples", spy)
        G = to_networkx(backend)
        monkeypatch.undo()
        assert sorted(asked) == sorted(str(ID[f"report/t/s{i:04d}"]) for i in range(1, len(RELATIONS) + 1))
        assert list(G.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
        assert list(G.nodes(data=True)) == list(expected.nodes(data=True))


def test_degree_counts_relations_either_way(G):
    degree = {G.nodes[n]["label"]: s["degree"] for n, s in A.centrality(G).items()}
    # fmt: off
    assert degree == {"甲企业": 3, "甲园": 3, "航空": 3, "某大学": 3,
                      "乙企业": 2, "丙企业": 2, "某平台": 2, "孤立企业": 0}
    # fmt: on


def test_betweenness_matches_the_hand_count(G):
    between = {G.nodes[n]["label"]: s["betweenness"] for n, s in A.centrality(G).items()}
    assert between["甲企业"] == pytest.approx(9 / 21)
    assert between["某大学"] == pytest.approx(8 / 21)
    assert between["甲园"] == pytest.approx(2 / 21) and between["航空"] == pytest.approx(2 / 21)
    assert between["乙企业"] == between["丙企业"] == between["某平台"] == between["孤立企业"] == 0


def test_pagerank_is_a_distribution_equal_on_symmetric_entities(G):
    rank = {G.nodes[n]["label"]: s["pagerank"] for n, s in A.centrality(G).items()}
    assert sum(rank.values()) == pytest.approx(1)
    # swapping 甲园 and 航空 (or 某平台 and 丙企业) maps the graph onto itself
    assert rank["甲园"] == pytest.approx(rank["航空"])
    assert rank["某平台"] == pytest.approx(rank["丙企业"])
    assert min(rank, key=rank.get) == "孤立企业"


def test_rankings_are_per_top_level_class_most_central_first(G):
    ranked = A.rank_by_class(G, by="degree", top=0)
    assert list(ranked) == ["Enterprise", "IndustryCluster", "Park", "Platform", "University"]
    enterprises = labels(G, [r["iri"] for r in ranked["Enterprise"]])
    assert enterprises[0] == "甲企业" and enterprises[-1] == "孤立企业"
    assert set(enterprises[1:3]) == {"乙企业", "丙企业"}  # ListedCompany counts as Enterprise
    assert [r["label"] for r in A.rank_by_class(G, by="betweenness", top=1)["Enterprise"]] == ["甲企业"]


def test_rankings_reject_an_unknown_measure(G):
    with pytest.raises(ValueError, match="available: degree, betweenness, pagerank"):
        A.rank_by_class(G, by="closeness")


def test_the_only_bridge_joins_the_two_groups(G):
    (bridge,) = A.bridges(G)
    assert (bridge["source_label"], bridge["props"], bridge["target_label"]) == ("甲企业", ["cooperatesWith"], "某大学")
    assert bridge["sides"] == [4, 3]
    assert bridge["clusters"] == [["航空"], []]


def test_articulation_points_and_the_pieces_they_hold_together(G):
    points = A.articulation_points(G)
    assert [(p["label"], p["parts"], p["cut_off"]) for p in points] == [("甲企业", [3, 3], 3), ("某大学", [4, 2], 2)]
    assert points[1]["clusters"] == [["航空"], []]
    assert A.articulation_points(G, min_cut=3) == points[:1]


def test_louvain_finds_the_two_groups_and_summarises_them(G):
    first, second = A.communities(G)
    assert set(labels(G, first["members"])) == {"甲企业", "乙企业", "甲园", "航空"}
    assert set(labels(G, second["members"])) == {"某大学", "某平台", "丙企业"}
    assert (first["id"], first["size"], first["parks"], first["clusters"]) == (1, 4, ["甲园"], ["航空"])
    assert first["leaders"] == ["甲企业", "乙企业"]  # parks and clusters are listed apart
    assert second["leaders"] == ["某大学", "丙企业", "某平台"]  # by degree, then label
    assert first["classes"] == {"Enterprise": 2, "IndustryCluster": 1, "Park": 1}


@pytest.mark.parametrize("seed", [0, 1, 42, 2026])
def test_communities_do_not_depend_on_the_seed_when_the_split_is_clear(G, seed):
    assert A.community_of(G, seed=seed) == A.community_of(G)


def test_an_entity_linked_to_nothing_has_no_community(G):
    comm = A.community_of(G)
    assert iri("x") not in comm and len(comm) == 7


def test_shortest_chains_with_property_direction_and_evidence(G):
    chains = A.shortest_paths(G, "乙企业", "丙企业")
    assert [A.format_chain(c) for c in chains] == [
        "乙企业 —locatedIn→ 甲园 ←locatedIn— 甲企业 —cooperatesWith→ 某大学 —cooperatesWith→ 丙企业",
        "乙企业 —inCluster→ 航空 ←inCluster— 甲企业 —cooperatesWith→ 某大学 —cooperatesWith→ 丙企业",
    ]
    step = chains[0][1]
    assert (step["source"], step["target"], step["prop"], step["forward"]) == (iri("p"), iri("e1"), "locatedIn", False)
    assert (step["sentence"], step["text"]) == (str(ID["report/t/s0001"]), "甲企业落户甲园。")


def test_chains_longer_than_max_length_or_beyond_limit_are_left_out(G):
    assert A.shortest_paths(G, "乙企业", "丙企业", max_length=3) == []
    assert len(A.shortest_paths(G, "乙企业", "丙企业", limit=1)) == 1
    assert len(A.shortest_paths(G, "乙企业", "丙企业", max_length=4)) == 2


def test_no_chain_to_an_unlinked_entity_or_to_itself(G):
    assert A.shortest_paths(G, "甲企业", "孤立企业") == []
    assert A.shortest_paths(G, "甲企业", iri("e1")) == []


def test_an_unknown_name_raises_with_suggestions(G):
    with pytest.raises(EntityNotFound, match="甲企业"):
        A.shortest_paths(G, "企", "某大学")


def test_neighbourhood_grows_with_depth(G):
    assert set(labels(G, A.neighbourhood(G, "甲园"))) == {"甲园", "甲企业", "乙企业", "航空"}
    assert set(labels(G, A.neighbourhood(G, "甲园", depth=2))) == {"甲园", "甲企业", "乙企业", "航空", "某大学"}
    assert A.neighbourhood(G, "甲园").edges[iri("e1"), iri("p"), "locatedIn"]["prop"] == "locatedIn"


def test_park_cluster_matrix_counts_members_and_marks_the_parks_own_link_as_stated(G):
    m = A.park_cluster_matrix(G)
    assert (m["park_labels"], m["cluster_labels"], m["counts"], m["stated"]) == (["甲园"], ["航空"], [[2]], [[True]])
    assert m["cells"] == [{"park": "甲园", "cluster": "航空", "count": 2, "stated": True, "members": ["乙企业", "甲企业"]}]


def test_park_cluster_matrix_drops_parks_without_links_unless_asked(G):
    H = G.copy()
    H.add_node(iri("q"), label="乙园", cls="Park", top="Park", aliases=[], pinyin="")
    H.add_edge(iri("u"), iri("q"), key="locatedIn", prop="locatedIn", evidence=[])  # 某大学 has no cluster
    assert A.park_cluster_matrix(H)["park_labels"] == ["甲园"]
    full = A.park_cluster_matrix(H, nonzero=False)
    assert (full["park_labels"], full["counts"]) == (["甲园", "乙园"], [[2], [0]])


def test_analyze_bundles_everything_as_plain_data(G):
    import json

    result = A.analyze(G, top=2)
    assert (result["nodes"], result["edges"], result["isolated"]) == (8, 9, 1)
    assert result["communities"][0]["members"][0] == "甲企业"  # labels, not IRIs
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result


def test_results_are_the_same_on_every_run():
    runs = [A.analyze(to_networkx(make_dataset()), top=0) for _ in range(2)]
    assert runs[0] == runs[1]


def test_search_finds_by_name_alias_or_pinyin_best_linked_first(G):
    assert [r["label"] for r in A.search_entities(G, "企业")] == ["甲企业", "丙企业", "乙企业", "孤立企业"]
    assert [r["label"] for r in A.search_entities(G, "mou da xue")] == ["某大学"]
    assert A.search_entities(G, "没有") == []


def test_relations_of_an_entity_as_the_report_states_them(G):
    rows = A.relations_of(G, "某大学")
    assert [(r["subject"], r["prop"], r["object"]) for r in rows] == [
        ("某平台", "affiliatedWith", "某大学"),
        ("某大学", "cooperatesWith", "丙企业"),
        ("甲企业", "cooperatesWith", "某大学"),
    ]
    assert rows[0]["text"] == "某大学建设某平台。" and rows[0]["other"] == iri("l")


