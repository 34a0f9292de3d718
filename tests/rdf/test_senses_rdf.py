"""The two senses of one name in RDF: the majority sense keeps the name's IRI, the other has its own."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Literal

from graph.extract.pipeline import extract
from graph.model import Report
from graph.rdf.convert import to_rdf
from graph.rdf.iri import entity_iri
from graph.rdf.namespaces import WJ

TEXT = "深挖九坤、奥锐特存量企业潜力。\n推动九坤等企业落地。\n创E谷、九坤等一批产业园区转型提升，实现税收20亿元。\n"


@pytest.fixture(scope="module")
def ds():
    return to_rdf([extract(Report(slug="t", text=TEXT, year="2026"))])


def _types(ds, iri):
    return {o for _, _, o, _ in ds.quads((iri, RDF.type, None, None))}


def test_names_of_one_sense_and_the_majority_sense_keep_the_iri_of_their_name(ds):
    assert _types(ds, entity_iri("奥锐特")) == {WJ.Enterprise}
    assert _types(ds, entity_iri("创E谷")) == {WJ.Park}
    assert _types(ds, entity_iri("九坤")) == {WJ.Enterprise}


def test_the_second_sense_has_its_own_iri_and_the_same_label(ds):
    labelled = {s for s, _, _, _ in ds.quads((None, RDFS.label, Literal("九坤", lang="zh"), None))}
    assert len(labelled) == 2 and entity_iri("九坤") in labelled
    (park,) = labelled - {entity_iri("九坤")}
    assert _types(ds, park) == {WJ.Park}
    assert {str(o) for _, _, o, _ in ds.quads((park, RDFS.label, None, None))} == {"九坤", "jiǔ kūn"}
