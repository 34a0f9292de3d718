"""The fast SHACL engine (shapes compiled to SPARQL, run by Oxigraph) against pyshacl, the reference:
the same verdict and the same focus nodes on the built graph and on graphs broken on purpose."""

import warnings

import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.namespace import XSD as _XSD

from graph.validate import shacl
from graph.rdf.cube import QB, WJI, cube_graph
from graph.validate.cube import SHAPES_PATH as INDICATOR_SHAPES
from graph.rdf.namespaces import WJ
from graph.validate.ontology import load_ontology, load_shapes, run_shacl

HUADONG = URIRef("https://w3id.org/wujing-kg/id/huadongshifandaxue-489549")
EX = "https://example.org/"


def _pyshacl_focus(data, shapes, ontology):
    conforms, results, _ = pyshacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                            allow_warnings=True)
    focus = {(results.value(r, SH.focusNode), results.value(r, SH.resultSeverity))
             for r in results.subjects(RDF.type, SH.ValidationResult)}
    return bool(conforms), focus


def _fast_focus(data, shapes, ontology):
    report = shacl.validate(data, shapes, ontology)
    return report.conforms, {(v.focus, SH[v.severity]) for v in report.results}


def _copy(g):
    out = Graph()
    for t in g:
        out.add(t)
    return out


def _first(g, p, o=None):
    return sorted(g.subjects(p, o))[0]


def _retype(g, cls):
    g.remove((HUADONG, RDF.type, None))
    g.add((HUADONG, RDF.type, cls))


def _milestone_without_project(g):
    m = _first(g, RDF.type, WJ.Milestone)
    g.remove((None, WJ.hasMilestone, m))


def _bad_index(g):
    s = _first(g, WJ.sentenceIndex)
    g.set((s, WJ.sentenceIndex, Literal("四十二", datatype=_XSD.integer)))


def _literal_park(g):
    s = _first(g, WJ.locatedIn)
    g.add((s, WJ.locatedIn, Literal("a park")))


def _english_alias(g):
    g.add((HUADONG, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal("ECNU", lang="en")))


def _blank_entity(g):
    b = BNode()
    g.add((b, RDF.type, WJ.Park))
    g.add((b, RDFS.label, Literal("园", lang="zh")))
    g.add((b, RDFS.label, Literal("yuan", lang="zh-Latn-pinyin")))


def _cluster_located(g):
    cluster = _first(g, RDF.type, WJ.IndustryCluster)
    park = _first(g, RDF.type, WJ.Park)
    g.add((cluster, WJ.locatedIn, park))


def _affiliated_to_park(g):
    s = _first(g, WJ.affiliatedWith)
    g.add((s, WJ.affiliatedWith, _first(g, RDF.type, WJ.Park)))


def _two_stages(g):
    m = _first(g, RDF.type, WJ.Milestone)
    g.add((m, WJ.stage, WJ.Completed))
    g.add((m, WJ.stage, WJ.Started))


# fmt: off
MAIN_MUTATIONS = {
    "no change": lambda g: None,
    "no labels": lambda g: g.remove((HUADONG, RDFS.label, None)),
    "two Chinese labels": lambda g: g.add((HUADONG, RDFS.label, Literal("华东师范大学第二", lang="zh"))),
    "located in a university": lambda g: g.add((HUADONG, WJ.locatedIn, HUADONG)),
    "two classes": lambda g: g.add((HUADONG, RDF.type, WJ.Enterprise)),
    "a subclass kept": lambda g: _retype(g, WJ.ListedCompany),
    "no stages": lambda g: g.remove((None, WJ.stage, None)),
    "two stages": _two_stages,
    "a milestone of nothing": _milestone_without_project,
    "an ill-formed integer": _bad_index,
    "a literal as park": _literal_park,
    "an English alias": _english_alias,
    "a blank-node entity": _blank_entity,
    "a cluster located in a park": _cluster_located,
    "affiliated with a park": _affiliated_to_park,
    "a sentence without text": lambda g: g.remove((_first(g, RDF.type, WJ.SourceSentence), URIRef("http://www.w3.org/ns/prov#value"), None)),
}
# fmt: on


@pytest.mark.parametrize("name", sorted(MAIN_MUTATIONS))
def test_both_engines_find_the_same_violations_of_the_main_shapes(built, name):
    g = _copy(built.union)
    MAIN_MUTATIONS[name](g)
    expected = _pyshacl_focus(g, load_shapes(), load_ontology())
    assert _fast_focus(g, load_shapes(), load_ontology()) == expected
    assert expected[0] == (name in ("no change", "a subclass kept"))


def _drop_dimension(g):
    g.remove((_first(g, RDF.type, QB.Observation), WJI.refArea, None))


def _bad_period(g):
    g.set((_first(g, RDF.type, QB.Observation), WJI.refPeriod, Literal("2025年")))


def _unknown_cluster(g):
    g.set((_first(g, RDF.type, QB.Observation), WJI.cluster, URIRef(EX + "nowhere")))


def _untyped_clusters(g):
    for cluster in set(g.objects(None, WJI.cluster)):
        g.remove((cluster, RDF.type, WJ.IndustryCluster))


INDICATOR_MUTATIONS = {
    "no change": lambda g: None,
    "a dimension missing": _drop_dimension,
    "a period that is not a year": _bad_period,
    "a cluster not in the code list": _unknown_cluster,
    "clusters of no class (a warning)": _untyped_clusters,
}


@pytest.mark.parametrize("name", sorted(INDICATOR_MUTATIONS))
def test_both_engines_find_the_same_violations_of_the_indicator_shapes(built, name):
    g = cube_graph(built.dataset)
    INDICATOR_MUTATIONS[name](g)
    shapes = load_shapes(INDICATOR_SHAPES)
    expected = _pyshacl_focus(g, shapes, None)
    assert _fast_focus(g, shapes, None) == expected
    assert expected[0] == (name in ("no change", "clusters of no class (a warning)"))
    assert bool(expected[1]) == (name != "no change")


SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:ParkShape a sh:NodeShape ; sh:targetClass ex:Park ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ;
                  sh:message "A park {$this} has one name." ] ;
    sh:property [ sh:path ( ex:zone ex:code ) ; sh:pattern "^Z[0-9]+$" ] ;
    sh:property [ sh:path [ sh:inversePath ex:locatedIn ] ; sh:minCount 1 ;
                  sh:message "Something is located in {$this}." ] .
"""


def test_paths_counts_patterns_and_inverse_paths_on_a_hand_made_graph():
    data = Graph().parse(format="turtle", data="""
        @prefix ex: <https://example.org/> .
        ex:a a ex:Park ; ex:name "A" ; ex:zone [ ex:code "Z1" ] . ex:firm ex:locatedIn ex:a .
        ex:b a ex:Park ; ex:name "B", "Bee" ; ex:zone [ ex:code "Q" ] .
    """)
    report = shacl.validate(data, Graph().parse(format="turtle", data=SHAPES))
    assert not report.conforms
    found = {(str(v.focus), v.component) for v in report.results}
    assert found == {
        (EX + "b", "MaxCountConstraintComponent"),
        (EX + "b", "PatternConstraintComponent"),
        (EX + "b", "MinCountConstraintComponent"),
    }
    messages = {v.message for v in report.results}
    assert f"A park <{EX}b> has one name." in messages
    assert f"Something is located in <{EX}b>." in messages


def test_a_shape_the_compiler_does_not_know_falls_back_to_pyshacl_with_a_warning():
    shapes = Graph().parse(format="turtle", data=SHAPES + "ex:ParkShape sh:closed true .")
    data = Graph().parse(format="turtle", data="@prefix ex: <https://example.org/> . ex:a a ex:Park .")
    with pytest.raises(shacl.UnsupportedShape, match="sh:closed"):
        shacl.compile_shapes(shapes)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = run_shacl(data, shapes)
    assert not report.conforms
    assert any("Something is located in" in v.message for v in report.violations)
    assert any("pyshacl" in str(w.message) for w in caught)


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown SHACL engine"):
        run_shacl(Graph(), Graph(), engine="jena")


def test_an_ill_formed_year_is_not_a_gyear(built):
    """Stricter than pyshacl, which accepts any text typed xsd:gYear (rdflib does not parse gYear)."""
    g = _copy(built.union)
    m = _first(g, WJ.year)
    g.set((m, WJ.year, Literal("二〇二五", datatype=_XSD.gYear)))
    report = shacl.validate(g, load_shapes(), load_ontology())
    assert not report.conforms
    assert {(v.focus, v.component) for v in report.results} == {(m, "DatatypeConstraintComponent")}
