"""Validation results as data: both engines give the same Violation objects (pyshacl's read from its
result graph), and one_line says a report the way a build does."""

from rdflib import RDFS, Graph, Literal, URIRef

from graph.validate import conformance, shacl
from graph.validate.ontology import run_shacl
from graph.validate.results import Report, Violation, one_line

EX = "https://example.org/"
SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:ParkShape a sh:NodeShape ; sh:targetClass ex:Park ;
    sh:property [ sh:path ex:name ; sh:maxCount 1 ; sh:message "A park has one name." ] ;
    sh:property [ sh:path ( ex:zone ex:code ) ; sh:pattern "^Z[0-9]+$" ; sh:message "A zone code is Z and digits." ] ;
    sh:property [ sh:path [ sh:inversePath ex:locatedIn ] ; sh:minCount 1 ; sh:message "Something is in it." ] ;
    sh:property [ sh:path ex:size ; sh:datatype xsd:integer ; sh:severity sh:Warning ; sh:message "A size is a number." ] .
"""
DATA = """
@prefix ex: <https://example.org/> .
ex:a a ex:Park ; ex:name "A" ; ex:zone [ ex:code "Z1" ] . ex:firm ex:locatedIn ex:a .
ex:b a ex:Park ; ex:name "B", "Bee" ; ex:zone [ ex:code "Q" ] ; ex:size "big" .
"""


def _report(engine, shapes=None):
    shapes = shapes if shapes is not None else Graph().parse(format="turtle", data=SHAPES)
    return run_shacl(Graph().parse(format="turtle", data=DATA), shapes, engine=engine)


def _fields(report):
    return [(v.focus, v.value, v.shape, v.component, v.path, v.severity, v.message) for v in report.results]


def test_pyshacl_results_are_read_from_its_result_graph_as_the_compiled_engine_gives_them():
    shapes = Graph().parse(format="turtle", data=SHAPES)
    fast, reference = _report("oxigraph", shapes), _report("pyshacl", shapes)
    assert _fields(reference) == _fields(fast)
    b = URIRef(EX + "b")
    # fmt: off
    assert [(v.focus, v.component, v.path, v.severity, v.value) for v in reference.results] == [
        (b, "PatternConstraintComponent", f"(<{EX}zone>)/(<{EX}code>)", "Violation", Literal("Q")),
        (b, "MaxCountConstraintComponent", f"<{EX}name>", "Violation", None),
        (b, "DatatypeConstraintComponent", f"<{EX}size>", "Warning", Literal("big")),
        (b, "MinCountConstraintComponent", f"^(<{EX}locatedIn>)", "Violation", None),
    ]
    # fmt: on


def test_a_warning_is_a_result_but_not_a_violation():
    report = _report("pyshacl")
    assert not report.conforms
    assert len(report.results) == 4
    assert [v.severity for v in report.violations] == ["Violation"] * 3
    assert Report(tuple(v for v in report.results if v.severity == "Warning")).conforms


def test_one_line_counts_the_violations_and_names_the_first():
    report = Report(_report("oxigraph").results, shapes="ex-shapes.ttl", subject="the park graph")
    assert one_line(report) == (f"the park graph does not conform to ex-shapes.ttl: 3 violation(s), "
                                f"first: <{EX}b>: A zone code is Z and digits.")


def test_one_line_stays_one_line_when_a_message_spans_lines():
    v = Violation(URIRef(EX + "x"), component="MinCountConstraintComponent", message="first line\n  second line")
    line = one_line(Report((v,), shapes="s.ttl"))
    assert "\n" not in line
    assert line.endswith(f"<{EX}x>: first line second line")


def test_a_result_without_a_message_is_named_by_its_component():
    v = Violation(URIRef(EX + "x"), component="ClassConstraintComponent")
    assert one_line(Report((v,))).endswith(f"<{EX}x>: ClassConstraintComponent")


def test_the_text_of_a_report_lists_every_result_with_its_path_and_value():
    text = str(_report("oxigraph"))
    assert text.startswith("Validation Report\nConforms: False\nResults (4):\n")
    assert text.count("\tFocus Node: <https://example.org/b>") == 4
    assert f"\tResult Path: ^(<{EX}locatedIn>)" in text
    assert '\tValue Node: "Q"' in text


def test_results_come_in_the_same_order_whatever_the_blank_node_names_of_the_shapes():
    """The first violation (what a build prints) does not depend on how the shapes' blank nodes are named."""
    orders = set()
    for _ in range(3):
        shapes = Graph().parse(format="turtle", data=SHAPES)  # fresh blank node names each time
        report = shacl.validate(Graph().parse(format="turtle", data=DATA), shapes)
        orders.add(tuple((v.component, v.path, v.message) for v in report.results))
    assert len(orders) == 1


def _without_labels(built):
    g = Graph()
    for t in built.union:
        g.add(t)
    g.remove((URIRef("https://w3id.org/wujing-kg/id/huadongshifandaxue-489549"), RDFS.label, None))
    return g


def test_a_build_check_says_the_same_first_violation_with_either_engine(built, monkeypatch):
    """conformance.check falls back to pyshacl when a shape cannot be compiled: the same one line up to
    the message (pyshacl leaves {$this} in a message as it is)."""
    g = _without_labels(built)
    fast = conformance.check(g)

    def unsupported(shapes):
        raise shacl.UnsupportedShape("pretend")

    monkeypatch.setattr(conformance, "_compiled", unsupported)
    reference = conformance.check(g)
    assert not fast.conforms and not reference.conforms
    assert (fast.shapes, fast.subject) == (reference.shapes, reference.subject) == ("ontology/shapes.ttl", "the built graph")
    assert [(v.focus, v.component, v.path) for v in fast.violations] == [
        (v.focus, v.component, v.path) for v in reference.violations]
    assert one_line(fast).split(": ")[:3] == one_line(reference).split(": ")[:3]
    assert one_line(fast).startswith("the built graph does not conform to ontology/shapes.ttl: ")
