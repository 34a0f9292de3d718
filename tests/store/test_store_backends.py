"""Both stores, one graph: two reports built with ``--store rdflib`` and ``--store oxigraph`` give the
same files byte for byte, and every command that reads a built graph gives the same answer on either."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from graph.build import build
from graph.cli import main
from graph.errors import BuildError
from graph.resources import DEFAULT_REPORT
from graph.store.backend import OxigraphBackend, RdflibBackend, open_graph
from graph.store.endpoint import Endpoint
from graph.store.push import push
from graph.store.queries import list_queries
from graph.store.sparql import GraphNotFound, ServiceRefused
from graph.validate.results import Report, Violation

ROOT = Path(__file__).resolve().parents[2]
REPORTS = [ROOT / "tests" / "data" / "merge" / "wujing-2025.txt", DEFAULT_REPORT]
STORES = ("rdflib", "oxigraph")


@pytest.fixture(scope="module")
def outs(tmp_path_factory) -> dict[str, Path]:
    """The two reports built into one folder per store (the extraction cache shared)."""
    cache = tmp_path_factory.mktemp("cache")
    found = {}
    for store in STORES:
        out = tmp_path_factory.mktemp(f"built-{store}")
        build(REPORTS, out_dir=out, store=store, cache_dir=cache, jobs=2).backend.close()
        found[store] = out
    return found


def run(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def on_both(outs, *args) -> str:
    """The output of a command on each build; asserts they are the same and returns it."""
    answers = {store: run(*args, "--graph", outs[store]) for store in STORES}
    assert answers["rdflib"] == answers["oxigraph"], args
    code, output = answers["rdflib"]
    assert code == 0, output
    return output


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not {".cache", "oxigraph"} & set(p.relative_to(folder).parts)}


# ------------------------------------------------------------------------------------- the build


def test_both_stores_write_the_same_files_byte_for_byte(outs):
    rdflib_files, oxigraph_files = files_of(outs["rdflib"]), files_of(outs["oxigraph"])
    assert {"wujing.trig", "wujing.ttl", "entities.csv", "resolution.csv", "exports/wujing.jsonld",
            "maps/park_cluster.html", "maps/network.html"} <= set(rdflib_files)
    assert rdflib_files.keys() == oxigraph_files.keys()
    assert [name for name in rdflib_files if rdflib_files[name] != oxigraph_files[name]] == []
    assert (outs["oxigraph"] / "oxigraph").is_dir() and not (outs["rdflib"] / "oxigraph").exists()


def test_the_summary_is_counted_in_the_backend_the_same_in_both(outs, tmp_path):
    summaries = {store: build(REPORTS, out_dir=None, store=store).summary() | {"seconds": 0} for store in STORES}
    assert summaries["rdflib"] == summaries["oxigraph"]
    ds = Dataset()
    ds.parse(outs["rdflib"] / "wujing.trig", format="trig")
    assert summaries["rdflib"]["triples"] == len({q[:3] for q in ds.quads()})
    assert summaries["rdflib"]["graphs"] == sum(1 for g in ds.graphs() if len(g))


def test_a_failed_oxigraph_build_leaves_the_previous_build_and_no_temporary_folder(outs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([DEFAULT_REPORT], out_dir=out, store="oxigraph").backend.close()
    before = files_of(out)
    broken = Report((Violation(URIRef("https://example.org/x"), message="a shape is violated"),))
    monkeypatch.setattr(OxigraphBackend, "check", lambda self: broken)
    with pytest.raises(BuildError, match="a shape is violated"):
        build(REPORTS, out_dir=out, store="oxigraph")
    assert files_of(out) == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".cache") == []
    assert open_graph(out).count_triples() > 1000  # the previous store is still there and opens


def test_an_rdflib_build_into_the_folder_of_an_oxigraph_build_replaces_its_store(tmp_path):
    out = tmp_path / "out"
    build([DEFAULT_REPORT], out_dir=out, store="oxigraph").backend.close()
    assert isinstance(open_graph(out), OxigraphBackend)
    two = build(REPORTS, out_dir=out)
    assert not (out / "oxigraph").exists()  # else the folder's graph would be the older store
    backend = open_graph(out)
    assert isinstance(backend, RdflibBackend) and backend.count_triples() == two.summary()["triples"]


# ---------------------------------------------------------------------------------- the backends


def two_graphs() -> Dataset:
    ds = Dataset()
    a, p = URIRef("https://e/a"), URIRef("https://e/p")
    for g in ("https://e/g1", "https://e/g2"):
        ds.graph(URIRef(g)).add((a, p, Literal("x", lang="zh-Latn-pinyin")))
    ds.graph(URIRef("https://e/g2")).add((a, p, Literal("16.0", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))))
    return ds


@pytest.mark.parametrize("make", [RdflibBackend, OxigraphBackend.from_dataset], ids=STORES)
def test_the_union_is_a_set_and_quads_are_those_of_the_named_graphs(make):
    backend = make(two_graphs())
    assert backend.count_triples() == 2 and backend.count_graphs() == 2  # the triple of both graphs once
    assert sorted(str(g) for *_, g in backend.quads()) == ["https://e/g1", "https://e/g2", "https://e/g2"]
    rows = backend.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    assert int(rows[0]["n"]) == 2
    assert {o for _, _, o in backend.triples()} == {Literal("x", lang="zh-Latn-pinyin"),
                                                   Literal("16.0", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))}
    bound = backend.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", {"o": Literal("16.0", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#decimal"))})
    assert [str(r["g"]) for r in bound] == ["https://e/g2"]


@pytest.mark.parametrize("make", [RdflibBackend, OxigraphBackend.from_dataset], ids=STORES)
def test_both_backends_refuse_service(make):
    with pytest.raises(ServiceRefused):
        make(two_graphs()).query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")


def test_both_backends_write_the_same_trig_and_turtle():
    import io

    texts = {}
    for name, backend in (("rdflib", RdflibBackend(two_graphs())), ("oxigraph", OxigraphBackend.from_dataset(two_graphs()))):
        trig, ttl = io.BytesIO(), io.BytesIO()
        backend.write_trig(trig)
        backend.write_turtle(ttl)
        texts[name] = (trig.getvalue(), ttl.getvalue())
    assert texts["rdflib"] == texts["oxigraph"]
    assert b'"x"@zh-Latn-pinyin' in texts["rdflib"][0]


def test_oxigraph_writes_a_large_graph_one_subject_at_a_time_with_the_same_bytes(outs, monkeypatch):
    """A graph above ``STREAM_ABOVE`` triples (in a build: the provenance graph, the union) is read
    one subject at a time, and the TriG and Turtle are those of the rdflib build byte for byte."""
    import io

    import graph.store.backend as store_backend

    streamed = []
    order = OxigraphBackend._subject_order
    monkeypatch.setattr(store_backend, "STREAM_ABOVE", 3)
    monkeypatch.setattr(OxigraphBackend, "_subject_order", lambda self, g: streamed.append(g) or order(self, g))
    backend = OxigraphBackend.open(outs["oxigraph"])
    trig, ttl = io.BytesIO(), io.BytesIO()
    backend.write_trig(trig)
    backend.write_turtle(ttl)
    assert len(streamed) > 2  # the union and named graphs were streamed, not read whole
    assert trig.getvalue() == (outs["rdflib"] / "wujing.trig").read_bytes()
    assert ttl.getvalue() == (outs["rdflib"] / "wujing.ttl").read_bytes()


def test_trig_and_turtle_bodies_go_to_disk_past_a_small_spool_with_the_same_bytes(outs, monkeypatch):
    """The body of the TriG and of the Turtle waits for its prefixes in a temporary file that keeps
    at most ``SPOOL_BYTES`` in memory; a spool of 64 bytes gives the same files as the build's."""
    import io
    import tempfile

    import graph.store.backend as store_backend

    assert store_backend.SPOOL_BYTES <= 2**20
    spools = []
    spooled = tempfile.SpooledTemporaryFile

    def spy(*args, **kwargs):
        spools.append(spooled(*args, **kwargs))
        return spools[-1]

    monkeypatch.setattr(store_backend, "SPOOL_BYTES", 64)
    monkeypatch.setattr(store_backend.tempfile, "SpooledTemporaryFile", spy)
    backend = OxigraphBackend.open(outs["oxigraph"])
    trig, ttl = io.BytesIO(), io.BytesIO()
    backend.write_trig(trig)
    backend.write_turtle(ttl)
    assert [s._max_size for s in spools] == [64, 64] and all(s._rolled for s in spools)  # on disk
    assert trig.getvalue() == (outs["oxigraph"] / "wujing.trig").read_bytes()
    assert ttl.getvalue() == (outs["oxigraph"] / "wujing.ttl").read_bytes()


def test_oxigraph_term_cache_is_bounded(outs, monkeypatch):
    """Reading every quad keeps at most ``TERM_CACHE`` converted terms, whatever the graph's size,
    and gives the same terms as an unbounded cache."""
    import graph.store.backend as store_backend

    assert 0 < store_backend.TERM_CACHE <= 10_000
    monkeypatch.setattr(store_backend, "TERM_CACHE", 50)
    backend = OxigraphBackend.open(outs["oxigraph"])
    quads = list(backend.quads())
    info = backend._term.cache_info()
    assert info.maxsize == info.currsize == 50
    monkeypatch.setattr(store_backend, "TERM_CACHE", None)
    assert quads == list(OxigraphBackend.open(outs["oxigraph"]).quads())


def test_a_streamed_graph_keeps_blank_nodes_and_classes_in_turtle_order(monkeypatch):
    import io

    from rdflib import RDF, RDFS, BNode

    import graph.store.backend as store_backend

    ds = two_graphs()
    g = ds.graph(URIRef("https://e/g3"))
    a, b, c, p = (URIRef(f"https://e/{x}") for x in "abcp")
    node = BNode()
    for t in [(c, RDF.type, RDFS.Class), (a, p, b), (b, p, c), (a, p, c), (node, p, a), (b, p, node),
              (a, RDFS.label, Literal("甲", lang="zh"))]:
        g.add(t)
    monkeypatch.setattr(store_backend, "STREAM_ABOVE", 0)
    texts = []
    for backend in (RdflibBackend(ds), OxigraphBackend.from_dataset(ds)):
        trig, ttl = io.BytesIO(), io.BytesIO()
        backend.write_trig(trig)
        backend.write_turtle(ttl)
        texts.append((trig.getvalue(), ttl.getvalue()))
    assert texts[0] == texts[1]
    assert b"_:b0" in texts[0][0]


def test_open_graph_picks_the_store_from_what_the_path_is(outs, tmp_path):
    assert isinstance(open_graph(outs["oxigraph"]), OxigraphBackend)
    assert isinstance(open_graph(outs["rdflib"]), RdflibBackend)
    assert isinstance(open_graph(outs["oxigraph"] / "wujing.trig"), RdflibBackend)
    with pytest.raises(GraphNotFound, match="no built graph in this folder"):
        open_graph(tmp_path)
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> {", encoding="utf-8")
    with pytest.raises(GraphNotFound, match="bad.trig: not valid TriG"):
        open_graph(bad)


# ---------------------------------------------------------------------------------- the commands


def test_every_library_query_answers_the_same_on_both(outs):
    for q in list_queries():
        on_both(outs, "query", q.name, "--format", "csv")
    rows = on_both(outs, "query", "university_cooperation", "--param", "university=华东师范大学", "--format", "json")
    assert "奥锐特" in rows
    on_both(outs, "query", "entity_profile", "--param", "entity=华东师大")  # a name looked up in the store
    on_both(outs, "query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("args", [
    ("analyze",), ("analyze", "--format", "json", "--by", "pagerank"), ("matrix", "--format", "json"),
    ("path", "华东师范大学", "奥锐特", "--format", "json"), ("indicators",), ("indicators", "--format", "csv"),
], ids=lambda a: " ".join(a))
def test_analytics_and_indicators_answer_the_same_on_both(outs, args):
    assert on_both(outs, *args).strip()


def test_a_focus_map_and_the_exports_are_the_same_from_both(outs, tmp_path):
    for store in STORES:
        code, output = run("map", "--focus", "华东师大", "--depth", "2", "-o", tmp_path / f"{store}.html",
                           "--graph", outs[store])
        assert code == 0, output
        code, output = run("export", "-o", tmp_path / f"exports-{store}", "--graph", outs[store])
        assert code == 0, output
    assert (tmp_path / "rdflib.html").read_bytes() == (tmp_path / "oxigraph.html").read_bytes()
    assert files_of(tmp_path / "exports-rdflib") == files_of(tmp_path / "exports-oxigraph")
    assert files_of(tmp_path / "exports-rdflib") == {k[len("exports/"):]: v for k, v in files_of(outs["rdflib"]).items()
                                                    if k.startswith("exports/")}


@pytest.mark.parametrize("old", ["--data", "--from"])
def test_the_old_names_of_the_graph_option_still_work_with_a_warning(outs, old):
    code, output = run("matrix", "--format", "csv", old, outs["oxigraph"])
    assert code == 0, output
    assert f"{old} is deprecated" in output
    assert output.split("\n", 1)[1] == run("matrix", "--format", "csv", "--graph", outs["oxigraph"])[1]
    assert old not in run("matrix", "--help")[1]  # hidden


def test_push_sends_the_same_graphs_from_both(outs):
    received: dict[str, dict] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_PUT(self):  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.setdefault(self.server.store, {})[self.path] = body
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    for store in STORES:
        httpd = HTTPServer(("127.0.0.1", 0), Handler)
        httpd.store = store
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            push(outs[store], f"http://127.0.0.1:{httpd.server_address[1]}/store")
        finally:
            httpd.shutdown()
            httpd.server_close()
    assert received["rdflib"] == received["oxigraph"]
    assert "/store?default" in received["rdflib"] and len(received["rdflib"]) > 100


def test_serve_answers_the_same_from_both(outs):
    query = next(q for q in list_queries() if q.name == "park_cluster_links").text
    answers = {}
    for store in STORES:
        with Endpoint(outs[store], port=0) as ep:
            r = requests.post(ep.query_url, data={"query": query}, headers={"Accept": "text/csv"}, timeout=30)
            assert r.status_code == 200, r.text
            answers[store] = r.text
            refused = requests.post(ep.query_url, data={"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
            assert refused.status_code == 400
        if store == "oxigraph":
            assert ep.store == outs[store] / "oxigraph"  # the build's own store, no copy
    assert answers["rdflib"] == answers["oxigraph"] and answers["rdflib"].count("\n") > 1


def test_a_store_closed_by_one_caller_opens_again_for_the_next(outs):
    first = open_graph(outs["oxigraph"])
    assert open_graph(outs["oxigraph"]) is first  # kept while unchanged: read once
    n = first.count_triples()
    first.close()
    again = open_graph(outs["oxigraph"])
    assert again is not first and not again.closed and again.count_triples() == n
