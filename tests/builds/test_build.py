"""Building the graph: output files, provenance, determinism, stable IRIs, the build command."""

import csv
import filecmp

from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, SKOS

from graph.build import build
from graph.resources import DEFAULT_REPORT
from graph.cli import main
from graph.rdf.iri import entity_iri
from graph.model import RELATION_PROPERTIES
from graph.rdf.namespaces import ID, WJ

PROVENANCE = ID["graph/provenance"]


def load_trig(path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds


def test_build_writes_the_three_files_under_their_fixed_names(built):
    for name in ("wujing.trig", "wujing.ttl", "entities.csv"):
        assert (built.out_dir / name).stat().st_size > 1000, name


def test_turtle_is_the_union_of_the_trig_graphs(built):
    ds = load_trig(built.out_dir / "wujing.trig")
    union = Graph()
    for g in ds.graphs():
        for t in g:
            union.add(t)
    ttl = Graph().parse(built.out_dir / "wujing.ttl", format="turtle")
    assert len(ttl) == len(union) > 1500
    assert isomorphic(ttl, union)


def test_a_second_build_is_byte_identical(built, tmp_path):
    again = tmp_path / "again"
    build([DEFAULT_REPORT], out_dir=again)
    for name in ("wujing.trig", "wujing.ttl", "entities.csv"):
        assert filecmp.cmp(built.out_dir / name, again / name, shallow=False), name


def test_iris_are_derived_from_canonical_names_only():
    assert str(entity_iri("华东师范大学")) == "https://w3id.org/wujing-kg/id/huadongshifandaxue-489549"
    assert entity_iri("华东师范大学") == entity_iri("华东师范大学")
    assert entity_iri("华东师范大学") != entity_iri("华东师大")


def test_every_relation_triple_sits_in_a_sentence_graph_with_its_text(built):
    ds = load_trig(built.out_dir / "wujing.trig")
    prov = ds.graph(PROVENANCE)
    properties = [WJ[p] for p in RELATION_PROPERTIES] + [WJ.hasMilestone]
    count = 0
    for g in ds.graphs():
        if g.identifier == PROVENANCE:
            continue
        for p in properties:
            for s, o in g.subject_objects(p):
                count += 1
                text = prov.value(g.identifier, PROV.value)
                assert text is not None, (g.identifier, s, p, o)
                assert prov.value(g.identifier, PROV.wasDerivedFrom) == ID["report/wujing-2026"]
    assert count > 100
    facts = sum(1 for p in properties for _ in built.union.triples((None, p, None)))
    assert count >= facts  # every triple of the union is found in some sentence graph


def test_sentence_graph_of_the_park_sentence_holds_its_facts(built):
    ds = load_trig(built.out_dir / "wujing.trig")
    yinfa, park = entity_iri("银发无忧"), entity_iri("上海市养老科技产业园")
    graphs = [g for g in ds.graphs() if (yinfa, WJ.locatedIn, park) in g]
    assert len(graphs) == 1
    text = str(ds.graph(PROVENANCE).value(graphs[0].identifier, PROV.value))
    assert "依托上海市养老科技产业园" in text and "银发无忧" in text
    assert (yinfa, RDF.type, WJ.Enterprise) in graphs[0]


def test_entities_have_one_chinese_label_a_pinyin_label_and_aliases(built):
    g = built.union
    hd = entity_iri("华东师范大学")
    labels = {(str(o), o.language) for o in g.objects(hd, RDFS.label)}
    assert labels == {("华东师范大学", "zh"), ("huá dōng shī fàn dà xué", "zh-Latn-pinyin")}
    assert Literal("华东师大", lang="zh") in set(g.objects(hd, SKOS.altLabel))
    assert (hd, RDF.type, WJ.University) in g


def test_report_is_described_as_a_prov_entity(built):
    g = built.union
    report = ID["report/wujing-2026"]
    assert (report, RDF.type, PROV.Entity) in g
    assert str(g.value(report, URIRef("http://purl.org/dc/terms/title"))) == "吴泾镇人民政府2026年工作报告"
    assert str(g.value(report, URIRef("http://purl.org/dc/terms/publisher"))) == "闵行区吴泾镇人民政府"


def test_entities_csv_has_one_row_per_entity(built):
    with open(built.out_dir / "entities.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["iri", "class", "label", "pinyin", "aliases", "mentions"]
    assert len(rows) == len(built.extractions[0].entities)
    by_label = {r["label"]: r for r in rows}
    assert by_label["华东师范大学"]["class"] == "University"
    assert "华东师大" in by_label["华东师范大学"]["aliases"].split("|")
    assert int(by_label["华东师范大学"]["mentions"]) >= 10


def test_main_facts_of_the_report_are_in_the_graph(built):
    g = built.union
    e = entity_iri
    assert (e("中航机载低空选型中心"), WJ.locatedIn, e("金领谷产业园")) in g
    assert (e("华东师范大学"), WJ.cooperatesWith, e("奥锐特")) in g or (e("奥锐特"), WJ.cooperatesWith, e("华东师范大学")) in g
    assert (e("宁德时代未来能源研究院"), WJ.affiliatedWith, e("宁德时代")) in g
    assert (e("银发无忧"), WJ.inCluster, e("养老科技")) in g
    milestones = {
        (str(g.value(m, WJ.stage)).rsplit("#", 1)[1], str(g.value(m, WJ.year)))
        for m in g.objects(e("航电基地一期"), WJ.hasMilestone)
    }
    assert ("Completed", "2025") in milestones


def test_build_command_prints_a_summary(tmp_path):
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    for word in ("entities:", "University 3", "relations:", "locatedIn", "triples:", "time:"):
        assert word in result.output
    assert (tmp_path / "o" / "wujing.trig").exists()


def test_no_lexicon_build_still_finds_most_entities(tmp_path):
    result = build([DEFAULT_REPORT], out_dir=None, use_lexicon=False)
    assert sum(result.summary()["entities"].values()) > 120


def test_missing_input_is_one_line_and_exit_status_1(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "nope.txt" in lines[0]
    assert "Traceback" not in result.output
