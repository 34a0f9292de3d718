"""What a worker of an Oxigraph build sends back for one report: N-Quads, the union as N-Triples and
TriG, all three saying exactly what the report's rdflib Dataset says."""

from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import RdfFormat, Store
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD as _XSD

from graph.store.oxigraph import to_nquads, trig_prefixes

SENTENCE = URIRef("https://w3id.org/wujing-kg/id/report/r/s0001")
ENTITY = URIRef("https://w3id.org/wujing-kg/id/huadongshifandaxue-489549")
LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")


def _quads(data: bytes, fmt) -> set:
    store = Store()
    store.load(data, format=fmt)
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store}


def _dataset(texts) -> Dataset:
    ds = Dataset()
    g = ds.graph(SENTENCE)
    other = ds.graph(URIRef("https://w3id.org/wujing-kg/id/graph/provenance"))
    for i, text in enumerate(texts):
        g.add((ENTITY, LABEL, Literal(text, lang="zh")))
        other.add((ENTITY, URIRef(f"https://e/p{i}"), Literal(text)))
    g.add((ENTITY, URIRef("https://e/n"), Literal("16", datatype=_XSD.decimal)))
    other.add((ENTITY, URIRef("https://e/n"), Literal("16", datatype=_XSD.decimal)))  # in two graphs
    return ds


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=5))
def test_quads_union_and_trig_say_the_same_as_the_dataset(texts):
    ds = _dataset(texts)
    quads, triples, trig = to_nquads(ds)
    from_nquads = _quads(quads, RdfFormat.N_QUADS)
    assert from_nquads == _quads(trig_prefixes().encode() + trig, RdfFormat.TRIG)
    assert from_nquads == _quads(ds.serialize(format="nquads", encoding="utf-8"), RdfFormat.N_QUADS)  # rdflib's
    union = _quads(triples, RdfFormat.N_TRIPLES)
    assert {(s, p, o) for s, p, o, _ in union} == {(s, p, o) for s, p, o, _ in from_nquads}
    assert len(triples.splitlines()) == len(union)  # each triple once, though one is in two graphs


def test_the_same_dataset_gives_the_same_bytes():
    assert to_nquads(_dataset(["华东师大", 'a "quoted"\nline'])) == to_nquads(_dataset(["华东师大", 'a "quoted"\nline']))


def test_the_trig_of_two_reports_one_after_the_other_is_one_valid_dataset():
    a, b = _dataset(["甲"]), _dataset(["乙"])
    trig = trig_prefixes().encode() + to_nquads(a)[2] + to_nquads(b)[2]
    both = _quads(trig, RdfFormat.TRIG)
    assert both == _quads(to_nquads(a)[0] + to_nquads(b)[0], RdfFormat.N_QUADS)
    assert any("甲" in o for _, _, o, _ in both) and any("乙" in o for _, _, o, _ in both)
