"""``skos:broader`` between industry clusters: from the vocabulary where it lists both, from the name
otherwise, and never pointing at what resolution makes something else than a cluster.
"""

from rdflib import SKOS

from graph.corpus.resolve import resolve
from graph.extract.oracle import extract_given
from graph.extract.unplaced import leave_out
from graph.extract.vocabulary import load_vocabulary
from graph.model import Report
from graph.rdf.convert import to_rdf, union_graph
from graph.rdf.iri import entity_iri
from graph.validate.ontology import validate


def given(slug: str, sentence: str, names: dict[str, str]):
    text = f"一、2025年工作回顾\n{sentence}\n"
    return extract_given(Report(slug=slug, text=text, year="2026"), [(n, c, []) for n, c in names.items()])


def broader(ex) -> set[tuple[str, str]]:
    return {(n, v) for n, k, v, _ in ex.facts if k == "broader"}


def test_a_cluster_the_vocabulary_lists_takes_no_broader_link_from_the_characters_of_its_name():
    names = ["新能源汽车", "新能源", "电子商务", "电子", "高端装备制造", "装备制造"]
    ex = given("t", "大力发展" + "、".join(names) + "。", {n: "IndustryCluster" for n in names})
    assert broader(ex) == set()


def test_a_cluster_the_vocabulary_does_not_list_is_narrower_than_the_cluster_that_heads_its_name():
    names = {"区块链金融": "IndustryCluster", "区块链": "IndustryCluster", "金融": "IndustryCluster"}
    assert load_vocabulary().concept_of("区块链金融") is None
    assert broader(given("t", "发展区块链、金融和区块链金融。", names)) == {("区块链金融", "金融")}


def test_a_broader_link_to_a_name_that_resolution_makes_no_cluster_is_dropped_and_the_graph_conforms():
    a = given("a-2025", "发展区块链金融和金融。", {"区块链金融": "IndustryCluster", "金融": "IndustryCluster"})
    b = given("b-2026", "推进金融建设，金融建成，金融开园，金融开业。", {"金融": "Park"})
    assert broader(a) == {("区块链金融", "金融")}
    res = resolve([a, b], use_lexicon=False)
    assert res.extractions[1].entities["金融"].cls == res.extractions[0].entities["金融"].cls == "Park"
    assert broader(res.extractions[0]) == set()
    assert [(d.name, d.target) for d in res.decisions if d.action == "dropped" and d.target.startswith("broader")] == [
        ("区块链金融", "broader 金融")]
    kept, _ = leave_out(res.extractions)
    g = union_graph(to_rdf(kept))
    assert (entity_iri("区块链金融"), SKOS.broader, entity_iri("金融")) not in g
    report = validate(g)
    assert report.conforms, str(report)


def test_a_broader_link_follows_the_names_resolution_merges():
    a = given("a-2025", "发展智能AI和AI。", {"智能AI": "IndustryCluster", "AI": "IndustryCluster"})
    b = given("b-2026", "发展ＡＩ。", {"ＡＩ": "IndustryCluster"})
    assert broader(a) == {("智能AI", "AI")}
    res = resolve([a, b], use_lexicon=False)
    assert [(d.name, d.target) for d in res.decisions if d.action == "merged"] == [("AI", "ＡＩ")]
    assert broader(res.extractions[0]) == {("智能AI", "ＡＩ")}
