"""The exports a build writes one at a time (export_writers) and the JSON-LD streamed from a store
(write_jsonld) are the bytes export_files and to_jsonld give."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from rdflib import RDF, XSD, BNode, Dataset, Literal, Namespace

from graph.exports import formats
from graph.exports.formats import FORMATS, export_files, export_writers, to_jsonld, write_jsonld
from graph.store.backend import OxigraphBackend

WJ = Namespace("https://w3id.org/wujing-kg/ontology#")
ID = Namespace("https://w3id.org/wujing-kg/id/")


@pytest.fixture(scope="module")
def store(built):
    """The bundled build's graph in an in-memory Oxigraph store."""
    return OxigraphBackend.from_dataset(built.dataset)


def _streamed(backend) -> bytes:
    buf = io.BytesIO()
    write_jsonld(backend, buf)
    return buf.getvalue()


def test_jsonld_streamed_from_a_store_is_the_jsonld_of_its_union(store):
    assert _streamed(store) == to_jsonld(store.union()).encode("utf-8")


def test_jsonld_streamed_from_the_build_is_the_file_the_build_wrote(store, built):
    assert _streamed(store) == (built.out_dir / "exports" / "wujing.jsonld").read_bytes()


def test_jsonld_of_an_empty_store_is_an_empty_graph():
    assert _streamed(OxigraphBackend.create()) == to_jsonld(Dataset().graph()).encode("utf-8")


def test_a_decimal_written_both_ways_is_one_value_when_streamed_too():
    ds = Dataset()
    g = ds.graph(ID["graph/g"])
    g.add((ID["a"], WJ.amountCNY, Literal("16", datatype=XSD.decimal)))
    g.add((ID["a"], WJ.amountCNY, Literal("16.0", datatype=XSD.decimal)))
    g.add((ID["b"], RDF.type, WJ.Fund))
    backend = OxigraphBackend.from_dataset(ds)
    assert _streamed(backend) == to_jsonld(backend.union()).encode("utf-8")
    assert b'"16.0"' in _streamed(backend)


def test_a_store_with_blank_nodes_falls_back_to_the_whole_graph_with_the_same_bytes():
    ds = Dataset()
    g = ds.graph(ID["graph/g"])
    note = BNode()
    g.add((ID["a"], RDF.type, WJ.Fund))
    g.add((ID["a"], WJ.note, note))
    g.add((note, WJ.text, Literal("说明", lang="zh")))
    backend = OxigraphBackend.from_dataset(ds)
    assert _streamed(backend) == to_jsonld(backend.union()).encode("utf-8")


def test_export_writers_write_the_bytes_of_export_files(built):
    files = export_files(built.backend, "x")
    written = {}
    for path, write in export_writers(built.backend, "x"):
        buf = io.BytesIO()
        write(buf)
        written[path] = buf.getvalue()
    assert written == files
    assert len(files) == len(FORMATS) + 1  # neo4j is two files


def test_export_writers_make_each_export_only_when_it_is_written(built, monkeypatch):
    made = []
    real = formats._gexf
    monkeypatch.setattr(formats, "_gexf", lambda F: made.append("gexf") or real(F))
    writers = export_writers(built.backend, "x", formats=["graphml", "gexf"])
    path, write = next(writers)
    write(io.BytesIO())
    assert path.name == "wujing.graphml" and made == []  # the GEXF is not made yet
    path, write = next(writers)
    assert made == []
    write(io.BytesIO())
    assert path.name == "wujing.gexf" and made == ["gexf"]


def test_export_writers_refuse_an_unknown_format(built):
    with pytest.raises(ValueError, match="unknown export format 'dot'"):
        next(export_writers(built.backend, "x", formats=["dot"]))


def test_the_measures_are_computed_once_for_every_export(built, monkeypatch):
    """Exact betweenness took about 20 minutes of a 1,000-report build, once for the flat graph and
    again for analytics.trig; the writers share one computation."""
    calls = []
    real = nx.betweenness_centrality
    monkeypatch.setattr(nx, "betweenness_centrality", lambda H, **kw: calls.append(1) or real(H, **kw))
    for _, write in export_writers(built.backend, "x"):
        write(io.BytesIO())
    assert len(calls) == 1
