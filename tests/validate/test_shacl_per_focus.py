"""A SPARQL constraint runs once per focus node (graph.validate.shacl.PER_FOCUS_LIMIT): the same
violations as one query over every focus node, whose grouping held 3 GiB at 1,000 reports."""

from __future__ import annotations

from rdflib import Graph

from graph.validate import shacl

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:DataSet ;
    sh:sparql [ sh:message "{?count} observations of {$this} share a key." ;
        sh:prefixes [ sh:declare [ sh:prefix "ex" ; sh:namespace "https://example.org/"^^<http://www.w3.org/2001/XMLSchema#anyURI> ] ] ;
        sh:select '''SELECT $this (COUNT(?obs) AS ?count) WHERE { ?obs ex:dataSet $this ; ex:key ?k . }
                     GROUP BY $this ?k HAVING (COUNT(?obs) > 1)''' ] .
"""
DATA = """
@prefix ex: <https://example.org/> .
ex:d1 a ex:DataSet . ex:d2 a ex:DataSet . ex:d3 a ex:DataSet .
ex:o1 ex:dataSet ex:d1 ; ex:key 1 . ex:o2 ex:dataSet ex:d1 ; ex:key 1 .
ex:o3 ex:dataSet ex:d2 ; ex:key 1 . ex:o4 ex:dataSet ex:d2 ; ex:key 2 .
ex:o5 ex:dataSet ex:d3 ; ex:key 7 . ex:o6 ex:dataSet ex:d3 ; ex:key 7 . ex:o7 ex:dataSet ex:d3 ; ex:key 7 .
"""


class CountingStore:
    def __init__(self, store):
        self.store, self.queries = store, []

    def query(self, text):
        self.queries.append(text)
        return self.store.query(text)


def found(store):
    checks = shacl.compile_shapes(Graph().parse(format="turtle", data=SHAPES))
    return [(str(v.focus), v.message) for v in shacl.run_checks(checks, store)]


def test_a_sparql_constraint_runs_once_per_focus_node_with_the_same_violations(monkeypatch):
    per_focus = CountingStore(shacl.to_store(Graph().parse(format="turtle", data=DATA)))
    violations = found(per_focus)
    assert [(focus, message.split(" ", 1)[0]) for focus, message in violations] == [
        ("https://example.org/d1", '"2"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        ("https://example.org/d3", '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')]
    assert len(per_focus.queries) == 1 + 3  # the focus nodes, then one query for each
    monkeypatch.setattr(shacl, "PER_FOCUS_LIMIT", 0)  # one query over every focus node, as before
    whole = CountingStore(shacl.to_store(Graph().parse(format="turtle", data=DATA)))
    assert found(whole) == violations and len(whole.queries) == 2
