"""The summary a build prints counts what the graph holds, also when several reports name one entity."""

from __future__ import annotations

from collections import Counter

from rdflib import RDF

from graph.model import ENTITY_CLASSES, top_class
from graph.rdf.namespaces import WJ


def classes_in_graph(union) -> Counter:
    local = {WJ[c]: c for c in ENTITY_CLASSES}
    return Counter(top_class(local[o]) for s, o in union.subject_objects(RDF.type) if o in local)


def test_summary_of_two_reports_counts_each_shared_entity_once(built_two_years):
    result = built_two_years
    summary = result.summary()
    in_graph = classes_in_graph(result.union)
    assert summary["entities"] == dict(sorted(in_graph.items()))
    # the two reports do name the same entities: counting per report would give more
    per_report = sum(len(ex.entities) for ex in result.extractions)
    assert per_report > sum(in_graph.values())
