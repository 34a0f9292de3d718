"""The ontology declares every term the code uses, and SHACL tells good graphs from broken ones."""

import ast
import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from graph.model import ENTITY_CLASSES, RELATION_PROPERTIES, STAGES
from graph.rdf.namespaces import WJ
from graph.validate.ontology import ENGINES, OntologyError, load_ontology, load_shapes, validate

ROOT = Path(__file__).resolve().parents[2]
WJNS = str(WJ._NS)


#: The files that declare terms of the wj: namespace (one closed namespace class, WJ, lists them all).
WJ_FILES = ("wujing.ttl", "reports.ttl", "analytics.ttl")


def declared() -> set[str]:
    g = Graph()
    for name in WJ_FILES:
        g.parse(ROOT / "ontology" / name, format="turtle")
    return {str(s)[len(WJNS):] for s in g.subjects() if str(s).startswith(WJNS)}


def terms_used_in_code() -> set[str]:
    """Every ``WJ.name`` and ``WJ["name"]`` in graph/ (string keys resolved where literal)."""
    used = set()
    for path in (ROOT / "graph").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "WJ":
                if not node.attr.startswith("_"):
                    used.add(node.attr)
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "WJ":
                if isinstance(node.slice, ast.Constant):
                    used.add(node.slice.value)
    return used


def test_every_wj_term_used_in_code_is_declared_in_the_ontology():
    assert terms_used_in_code() - declared() == set()


def test_namespace_class_lists_exactly_the_terms_of_the_three_ontology_files():
    annotations = set(WJ.__annotations__)
    assert annotations == declared()


def test_every_class_and_property_the_extractor_emits_exists():
    names = declared()
    assert set(ENTITY_CLASSES) <= names
    assert set(RELATION_PROPERTIES) <= names
    assert set(STAGES) <= names


def test_a_misspelt_term_fails_at_once():
    with pytest.raises(AttributeError):
        WJ.Enterprize  # noqa: B018


def test_fixed_terms_are_aligned_with_standard_vocabularies():
    g = load_ontology()
    org = "http://www.w3.org/ns/org#"
    schema = "https://schema.org/"
    assert (WJ.Enterprise, RDFS.subClassOf, URIRef(org + "Organization")) in g
    assert (WJ.Enterprise, RDFS.subClassOf, URIRef(schema + "Corporation")) in g
    assert (WJ.University, RDFS.subClassOf, URIRef(schema + "CollegeOrUniversity")) in g
    assert (WJ.ResearchInstitute, RDFS.subClassOf, URIRef(schema + "ResearchOrganization")) in g
    assert (WJ.Park, RDFS.subClassOf, URIRef(org + "Site")) in g
    assert (WJ.Project, RDFS.subClassOf, URIRef(schema + "Project")) in g
    assert (WJ.cooperatesWith, RDF.type, OWL.SymmetricProperty) in g


def test_the_built_graph_conforms_to_the_shapes(built):
    report = validate(built.union)
    assert report.conforms, str(report)


def _broken(built, mutate) -> Graph:
    g = Graph()
    for t in built.union:
        g.add(t)
    mutate(g)
    return g


HUADONG = URIRef("https://w3id.org/wujing-kg/id/huadongshifandaxue-489549")


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda g: g.remove((HUADONG, RDFS.label, None)), "rdfs:label"),
        (lambda g: g.add((HUADONG, RDFS.label, Literal("华东师范大学第二", lang="zh"))), "rdfs:label"),
        (lambda g: g.add((HUADONG, WJ.locatedIn, HUADONG)), "wj:Park"),
        (lambda g: g.add((HUADONG, RDF.type, WJ.Enterprise)), "exactly one class"),
        (lambda g: g.remove((None, WJ.stage, None)), "stage"),
    ],
)
@pytest.mark.parametrize("engine", ENGINES)
def test_a_deliberately_broken_graph_is_rejected(built, mutate, message, engine):
    report = validate(_broken(built, mutate), engine=engine)
    assert not report.conforms
    assert message in str(report)


def test_a_malformed_ontology_file_raises_one_clear_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix wj: <x#> .\nwj:A a wj:B , .", encoding="utf-8")
    with pytest.raises(OntologyError, match=re.escape(str(bad))):
        load_shapes(bad)  # an error is never cached
