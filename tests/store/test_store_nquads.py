"""What a worker sends back for one report (N-Quads, the union as N-Triples) says exactly what the
report's rdflib Dataset says, and Oxigraph gives the same rdflib terms back."""

from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import RdfFormat, Store
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD as _XSD

from graph.store.oxigraph import bcp47_case, to_nquads, to_rdflib_term

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
        g.add((ENTITY, LABEL, Literal(text, lang="zh-Latn-pinyin")))
        other.add((ENTITY, URIRef(f"https://e/p{i}"), Literal(text)))
    g.add((ENTITY, URIRef("https://e/n"), Literal("16.0", datatype=_XSD.decimal)))
    other.add((ENTITY, URIRef("https://e/n"), Literal("16.0", datatype=_XSD.decimal)))  # in two graphs
    return ds


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=5))
def test_quads_and_union_say_the_same_as_the_dataset(texts):
    ds = _dataset(texts)
    quads, triples = to_nquads(ds)
    from_nquads = _quads(quads, RdfFormat.N_QUADS)
    assert from_nquads == _quads(ds.serialize(format="nquads", encoding="utf-8"), RdfFormat.N_QUADS)  # rdflib's
    union = _quads(triples, RdfFormat.N_TRIPLES)
    assert {(s, p, o) for s, p, o, _ in union} == {(s, p, o) for s, p, o, _ in from_nquads}
    assert len(triples.splitlines()) == len(union)  # each triple once, though one is in two graphs


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=5))
def test_terms_come_back_from_oxigraph_as_the_rdflib_terms_that_went_in(texts):
    # (a decimal goes in as the TriG file writes it, 16.0: Oxigraph keeps 16, and gives 16.0 back)
    ds = _dataset(texts)
    store = Store()
    store.load(to_nquads(ds)[0], format=RdfFormat.N_QUADS)
    back = {(to_rdflib_term(q.subject), to_rdflib_term(q.predicate), to_rdflib_term(q.object)) for q in store}
    sent = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert back == sent
    # written as text too: rdflib compares language tags without case, a file would not
    assert {o.language for _, _, o in back if isinstance(o, Literal) and o.language} == {"zh", "zh-Latn-pinyin"}


def test_language_tags_come_back_in_bcp47_case():
    assert [bcp47_case(t) for t in ("zh-latn-pinyin", "EN-gb", "zh-hant-tw", "de-x-abcd")] == [
        "zh-Latn-pinyin", "en-GB", "zh-Hant-TW", "de-x-abcd"]


def test_the_same_dataset_gives_the_same_bytes():
    assert to_nquads(_dataset(["华东师大", 'a "quoted"\nline'])) == to_nquads(_dataset(["华东师大", 'a "quoted"\nline']))
