"""graph.turtle writes Turtle and TriG that parse back to the same triples, the same bytes every time."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

import graph.rdf.turtle
from graph.rdf.turtle import serialize
from graph.rdf.turtle import to_trig, to_turtle

ROOT = Path(__file__).resolve().parents[2]
EX = Namespace("https://example.org/ns#")
ID = Namespace("https://example.org/id/")


def _graph(*triples) -> Graph:
    g = Graph(bind_namespaces="none")
    g.bind("ex", EX)
    g.bind("id", ID)
    g.bind("xsd", XSD)
    g.bind("rdfs", RDFS)
    for t in triples:
        g.add(t)
    return g


def _read(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def _quads(ds: Dataset) -> set:
    quads = ds.quads((None, None, None, None))
    return {(s, p, o, str(c.identifier if isinstance(c, Graph) else c)) for s, p, o, c in quads}


def test_docstring_examples():
    assert doctest.testmod(graph.rdf.turtle, optionflags=doctest.ELLIPSIS).failed == 0


@settings(max_examples=300, deadline=None)
@given(text=st.text(), lang=st.sampled_from([None, "zh", "en", "zh-Latn-pinyin"]))
def test_any_string_round_trips(text, lang):
    lit = Literal(text, lang=lang)
    back = _read(to_turtle(_graph((ID.a, EX.says, lit))))
    assert list(back.objects(ID.a, EX.says)) == [lit]


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=0x7F)))  # control characters, quotes, backslashes
def test_any_ascii_string_round_trips_in_trig_too(text):
    ds = Dataset()
    ds.graph(ID["s1"]).add((ID.a, EX.says, Literal(text)))
    ds.graph(ID["s2"]).add((ID.a, EX.says, Literal(text, datatype=XSD.string)))
    back = Dataset().parse(data=to_trig(ds), format="trig")
    assert _quads(back) == _quads(ds)


# fmt: off
@pytest.mark.parametrize("lexical, datatype, written", [
    ("42", XSD.integer, "42"),
    ("-7", XSD.integer, "-7"),
    ("1.50", XSD.decimal, "1.50"),
    ("16", XSD.decimal, "16.0"),            # as rdflib writes it: the same value
    ("true", XSD.boolean, "true"),
    ("1.5E3", XSD.double, "1.5E3"),
    ("1.5", XSD.double, '"1.5"^^xsd:double'),  # 1.5 alone would read back as a decimal
    ("1e5", XSD.decimal, '"1e5"^^xsd:decimal'),  # 1e5 alone would read back as a double
    ("2025", XSD.gYear, '"2025"^^xsd:gYear'),
    ("2026-01-13", XSD.date, '"2026-01-13"^^xsd:date'),
    ("x", URIRef("https://example.org/dt"), '"x"^^<https://example.org/dt>'),
])
# fmt: on
def test_typed_literals_keep_their_datatype(lexical, datatype, written):
    lit = Literal(lexical, datatype=datatype, normalize=False)  # the writer sees this exact lexical form
    text = to_turtle(_graph((ID.a, EX.value, lit)))
    assert f"ex:value {written} ." in text
    (back,) = _read(text).objects(ID.a, EX.value)
    assert back.datatype == datatype
    assert back == Literal(lexical + ".0" if written == lexical + ".0" else lexical, datatype=datatype)


@pytest.mark.parametrize("iri, written", [
    (ID["huadongshifandaxue-489549"], "id:huadongshifandaxue-489549"),
    (ID["09a09a-dd1ddc"], "id:09a09a-dd1ddc"),
    (ID["华东师大"], "id:华东师大"),
    (ID["report/wujing-2026/s0042"], "<https://example.org/id/report/wujing-2026/s0042>"),
    (ID["a.b"], "id:a.b"),
    (ID["ends."], "<https://example.org/id/ends.>"),
    (ID["x(1)"], "<https://example.org/id/x(1)>"),
    (ID["50%"], "<https://example.org/id/50%>"),
    (URIRef("https://other.example/x"), "<https://other.example/x>"),
])
def test_iris_are_prefixed_names_only_where_turtle_allows(iri, written):
    text = to_turtle(_graph((iri, EX.p, ID.b)))
    assert f"\n{written} ex:p id:b .\n" in text
    assert set(_read(text)) == {(iri, EX.p, ID.b)}


def test_layout_groups_predicates_and_objects_with_type_first():
    g = _graph((ID.a, EX.z, Literal("2")), (ID.a, RDFS.label, Literal("甲", lang="zh")), (ID.a, RDF.type, EX.Thing),
               (ID.a, EX.z, Literal("1")), (ID.b, EX.link, ID.a))
    assert to_turtle(g) == (
        "@prefix ex: <https://example.org/ns#> .\n"
        "@prefix id: <https://example.org/id/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "\n"
        'id:b ex:link id:a .\n'
        "\n"
        'id:a a ex:Thing ;\n'
        '    rdfs:label "甲"@zh ;\n'
        '    ex:z "1",\n'
        '        "2" .\n'
        "\n"
    )


def test_only_used_prefixes_are_declared():
    text = to_turtle(_graph((ID.a, EX.p, Literal("x"))))
    assert [line for line in text.splitlines() if line.startswith("@prefix")] == [
        "@prefix ex: <https://example.org/ns#> .", "@prefix id: <https://example.org/id/> ."]


def test_blank_nodes_round_trip():
    b1, b2 = BNode(), BNode()
    g = _graph((ID.a, EX.p, b1), (b1, EX.q, b2), (b2, EX.q, b1), (b2, EX.r, Literal("x")))
    assert isomorphic(_read(to_turtle(g)), g)


def test_trig_has_one_prefix_block_and_graphs_in_order_of_iri():
    ds = Dataset()
    ds.bind("ex", EX)
    for name in ("s2", "s10", "s1"):
        ds.graph(ID[name]).add((ID.a, EX.p, Literal(name)))
    ds.graph(ID["empty"])
    text = to_trig(ds)
    assert text.count("@prefix") == 1 and text.startswith("@prefix ex: ")
    assert [line for line in text.splitlines() if line.endswith("{")] == [
        f"<{ID[n]}> {{" for n in ("s1", "s10", "s2")]
    assert _quads(Dataset().parse(data=text, format="trig")) == _quads(ds)


def test_the_built_trig_and_turtle_parse_back_to_the_built_graph(built):
    ds, union = built.dataset, built.union
    trig, ttl = serialize(ds, union)
    assert (built.out_dir / "wujing.trig").read_text(encoding="utf-8") == trig
    back = Dataset().parse(data=trig, format="trig")
    decimal = {(s, p, o, g) for s, p, o, g in _quads(ds) if getattr(o, "datatype", None) == XSD.decimal}
    assert _quads(back) - _quads(ds) == {  # only "16"^^xsd:decimal comes back as "16.0", the same value
        (s, p, Literal(f"{o}.0", datatype=XSD.decimal), g) for s, p, o, g in decimal if "." not in o}
    assert isomorphic(_read(ttl), Graph().parse(data=union.serialize(format="turtle"), format="turtle"))


def test_the_output_is_the_same_whatever_the_hash_seed(tmp_path):
    script = (
        "from rdflib import Dataset, Literal, Namespace\n"
        "from graph.rdf.turtle import serialize; from graph.rdf.convert import union_graph\n"
        "EX = Namespace('https://example.org/')\n"
        "ds = Dataset()\n"
        "ds.bind('ex', EX)\n"
        "for i in range(30):\n"
        "    g = ds.graph(EX[f'g{i % 7}'])\n"
        "    g.add((EX[f's{i % 5}'], EX[f'p{i % 3}'], Literal(f'v{i}', lang='zh')))\n"
        "    g.add((EX[f's{i % 5}'], EX.link, EX[f's{i % 4}']))\n"
        "trig, ttl = serialize(ds, union_graph(ds))\n"
        "print(trig + ttl)\n"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,
                             check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1 and "ex:s0" in outputs.pop()


def test_the_namer_keeps_a_bounded_number_of_texts_and_writes_the_same():
    from graph.rdf.turtle import Namer

    terms = [ID[f"n{i}"] for i in range(50)] + [Literal(f"句{i}", lang="zh") for i in range(50)]
    small, whole = Namer([("id", str(ID))], cache=7), Namer([("id", str(ID))], cache=10**6)
    assert [small.term(t) for t in terms * 2] == [whole.term(t) for t in terms * 2]
    assert len(small._iris) <= 7 and len(small._literals) <= 7
    assert small.prefix_lines() == whole.prefix_lines() == [f"@prefix id: <{ID}> ."]
