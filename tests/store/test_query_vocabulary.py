"""Query parameters and ``map --classes`` name classes, stages and indicators in words, from one word list
(:mod:`graph.rdf.vocabulary`, the labels of the ontology)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph, RDFS
from rdflib.namespace import SKOS

from graph.cli import main
from graph.maps.style import CLASS_STYLES
from graph.maps.views import parse_classes
from graph.model import ENTITY_CLASSES, STAGES
from graph.rdf.namespaces import WJ
from graph.rdf.vocabulary import class_named, stage_names, term_named
from graph.resources import ontology_file
from graph.store.backend import open_graph
from graph.store.queries import ParameterError, run_query, to_term
from graph.store.tables import compact


def rows(name: str, graph, **params) -> set[tuple]:
    answer = run_query(name, graph=graph, **params)
    return {tuple(str(r.get(v)) for v in answer.vars) for r in answer}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_file("wujing.ttl"))


def test_every_class_and_stage_is_named_by_its_ontology_labels(onto):
    for cls in ENTITY_CLASSES:
        for label in onto.objects(WJ[cls], RDFS.label):
            assert class_named(str(label)) == cls and term_named(str(label)) == WJ[cls]
        assert class_named(cls.lower()) == cls
    for stage in STAGES:
        for label in onto.objects(WJ[stage], SKOS.prefLabel):
            for part in str(label).split("/"):
                assert term_named(part) == WJ[stage], part
    assert list(stage_names()) == list(STAGES)


def test_map_classes_and_query_parameters_read_the_same_names():
    for cls, style in CLASS_STYLES.items():
        assert parse_classes([style.name]) == {cls}
        assert to_term(style.name, "IRI", vocabulary="class") == WJ[cls]


@pytest.mark.parametrize("query, param, words, term", [
    ("projects_by_stage", "stage", "竣工", "wj:Completed"),
    ("projects_by_stage", "stage", "在建", "wj:UnderConstruction"),
    ("projects_by_stage", "stage", "开工", "wj:Started"),
    ("cluster_members", "class", "企业", "wj:Enterprise"),
    ("entities_introduced", "class", "创新平台", "wj:Platform"),
])
def test_a_parameter_in_words_gives_the_answer_of_its_term(built_trig, query, param, words, term):
    expected = rows(query, built_trig, **{param: term})
    assert expected  # the bundled report has such rows
    assert rows(query, built_trig, **{param: words}) == expected


def test_a_word_is_a_term_only_where_the_parameter_takes_that_vocabulary(built_trig):
    graph = open_graph(built_trig)
    assert to_term("孵化器", "IRI", graph, vocabulary="class") == WJ.Incubator
    # ?entity, ?park, ?host ...: an entity whose name has it (the bundled report names several)
    with pytest.raises(ParameterError, match=r"'孵化器' names \d+ entities: .*孵化器"):
        to_term("孵化器", "IRI", graph)
    named = sorted((str(o), s) for s, _, o in graph.triples((None, RDFS.label, None)) if str(o).endswith("孵化器"))
    assert named and all(to_term(label, "IRI", graph) == iri for label, iri in named[:3])
    with pytest.raises(ParameterError, match="'企业' is not a stage"):
        to_term("企业", "IRI", graph, vocabulary="stage")


def test_an_indicator_is_named_by_its_label(built_trig):
    by_label = rows("indicators_targets_vs_actuals", built_trig, indicator="财政总收入")
    by_iri = rows("indicators_targets_vs_actuals", built_trig,
                  indicator="https://w3id.org/wujing-kg/id/indicator/fiscal-revenue")
    assert by_label == by_iri and by_label
    assert rows("indicators_targets_vs_actuals", built_trig, indicator="Total fiscal revenue") == by_iri


def test_the_query_command_takes_words_for_indicators_stages_and_classes(built_trig):
    runner = CliRunner()
    for args in (["indicators_targets_vs_actuals", "--param", "indicator=财政总收入"],
                 ["projects_by_stage", "--param", "stage=竣工"],
                 ["cluster_members", "--param", "class=企业"]):
        result = runner.invoke(main, ["query", *args, "--graph", str(built_trig)])
        assert result.exit_code == 0, result.output
        assert "(0 rows)" not in result.output


def test_a_name_that_is_nothing_is_still_a_clear_error(built_trig):
    with pytest.raises(ParameterError, match="no entity named '火星基地'"):
        to_term("火星基地", "IRI", graph=open_graph(built_trig))


def test_indicator_tables_shorten_the_data_cube_iris(built_trig):
    result = CliRunner().invoke(main, ["query", "indicators_targets_vs_actuals", "--graph", str(built_trig)])
    assert result.exit_code == 0, result.output
    assert "https://w3id.org/wujing-kg/ontology/indicators#" not in result.output
    assert "wji:Target" in result.output and "wji:NoCluster" in result.output
    assert compact("http://purl.org/linked-data/cube#Observation") == "qb:Observation"
