"""``wujing-kg push`` against a real Oxigraph server (``oxigraph serve``) started on a loopback port."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from graph.cli import main
from graph.store.backend import open_graph
from graph.store.push import chunks, graph_url, push
from graph.store.queries import list_queries, run_query


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    assert Path(found).exists(), "the oxigraph package (oxigraph serve) is a dependency: pip install -e ."
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An empty Oxigraph server; yields its base URL."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    proc = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                requests.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except requests.ConnectionError:
                if proc.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode(errors='replace')}")
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def count(base: str, query: str) -> int:
    r = requests.post(f"{base}/query", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    r.raise_for_status()
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def clear(base: str) -> None:
    requests.post(f"{base}/update", data={"update": "CLEAR ALL"}).raise_for_status()


QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_push_sends_every_sentence_graph_as_itself_and_their_union_as_the_default_graph(server, built):
    clear(server)
    trig = built.out_dir / "wujing.trig"
    result = CliRunner().invoke(main, ["push", "--endpoint", f"{server}/store", "--graph", str(trig)])
    assert result.exit_code == 0, result.output
    graphs = [g for g in built.dataset.graphs() if len(g)]
    assert count(server, QUADS) == sum(len(g) for g in graphs)
    assert count(server, GRAPHS) == len(graphs)
    assert count(server, DEFAULT) == len(built.union)  # each triple once, as wujing.ttl
    assert f"into {len(graphs)} named graphs and their union into the default graph" in result.output
    # provenance queries work on the server: the sentence that says 华东师大 works with 奥锐特
    ask = """PREFIX wj: <https://w3id.org/wujing-kg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?s { ?a wj:cooperatesWith ?b }
      GRAPH <https://w3id.org/wujing-kg/id/graph/provenance> { ?s prov:value ?text }
      FILTER (CONTAINS(?text, "奥锐特")) }"""
    assert count(server, ask) >= 1


def test_pushing_twice_leaves_the_store_as_after_one_push(server, built):
    clear(server)
    trig = built.out_dir / "wujing.trig"
    push(trig, f"{server}/store")
    once = count(server, QUADS)
    push(trig, f"{server}/store")
    assert count(server, QUADS) == once


def test_push_union_sends_all_triples_to_the_default_graph(server, built):
    clear(server)
    result = push(built.out_dir / "wujing.trig", f"{server}/store", mode="union")
    assert count(server, DEFAULT) == len(built.union) == result.triples
    assert count(server, QUADS) == 0 and result.requests == 1


def test_a_large_graph_goes_in_pieces_put_then_post(server, built):
    clear(server)
    result = push(built.out_dir / "wujing.trig", f"{server}/store", chunk_bytes=20_000)
    graphs = [g for g in built.dataset.graphs() if len(g)]
    assert result.requests > len(graphs)
    assert count(server, QUADS) == sum(len(g) for g in graphs)


def test_an_unreachable_store_is_a_one_line_error(built):
    trig = built.out_dir / "wujing.trig"
    result = CliRunner().invoke(main, ["push", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "--graph", str(trig)])
    assert result.exit_code == 1
    assert result.output.startswith("wujing-kg: error: http://127.0.0.1:") and "cannot connect" in result.output
    assert result.output.count("\n") == 1


def test_a_refusing_store_is_a_one_line_error_with_the_status(server, built):
    result = CliRunner().invoke(main, ["push", "--endpoint", f"{server}/nowhere", "--graph", str(built.out_dir / "wujing.trig")])
    assert result.exit_code == 1
    assert "HTTP 404" in result.output and result.output.count("\n") == 1


@pytest.mark.parametrize("endpoint", ["localhost:7878/store", "ftp://example.org/store"])
def test_an_endpoint_that_is_not_an_http_url_is_refused(endpoint, built):
    result = CliRunner().invoke(main, ["push", "--endpoint", endpoint, "--graph", str(built.out_dir / "wujing.trig")])
    assert result.exit_code == 1 and "must be an http:// or https:// URL" in result.output


def test_a_missing_dataset_file_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["push", "--endpoint", "http://127.0.0.1:1/store", "--graph", str(tmp_path / "no.trig")])
    assert result.exit_code == 1 and "no.trig: graph file not found" in result.output


def test_graph_urls_and_chunks():
    assert graph_url("http://h/ds/data?x=1", None) == "http://h/ds/data?x=1&default"
    assert graph_url("http://h/store", "urn:a b") == "http://h/store?graph=urn%3Aa%20b"
    body = b"".join(f"<urn:s{i}> <urn:p> <urn:o> .\n".encode() for i in range(100))
    pieces = list(chunks(body, 500))
    assert b"".join(pieces) == body and all(p.endswith(b"\n") for p in pieces) and len(pieces) > 1


def test_user_and_password_go_in_the_authorization_header(tmp_path, built, monkeypatch):
    """Basic authentication, checked against a tiny local server that records the header."""
    import base64
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_PUT(self):  # noqa: N802 (http.server's naming)
            seen.append(self.headers.get("Authorization", ""))
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(204)
            self.end_headers()

        do_POST = do_PUT

        def log_message(self, *args):
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("WUJING_KG_PASSWORD", "s3cret")
        url = f"http://127.0.0.1:{httpd.server_address[1]}/store"
        result = CliRunner().invoke(main, ["push", "--endpoint", url, "--union", "--user", "dba",
                                           "--graph", str(built.out_dir / "wujing.trig")])
        assert result.exit_code == 0, result.output
    finally:
        httpd.shutdown()
    assert seen == ["Basic " + base64.b64encode(b"dba:s3cret").decode()]


def test_without_the_default_union_the_default_graph_is_left_alone(server, built):
    clear(server)
    result = CliRunner().invoke(main, ["push", "--endpoint", f"{server}/store", "--no-default-union",
                                       "--graph", str(built.out_dir / "wujing.trig")])
    assert result.exit_code == 0, result.output
    assert count(server, DEFAULT) == 0 and count(server, QUADS) > 0
    assert "the default graph left as it was" in result.output


DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


def _value(text: str | None, datatype: str | None) -> str | None:
    """A value as text, decimals compared as numbers (Oxigraph writes 16 where the TriG says 16.0)."""
    if text is not None and datatype == DECIMAL:
        return str(Decimal(text).normalize())
    return text


def _server_rows(base: str, text: str) -> list[tuple]:
    r = requests.post(f"{base}/query", data={"query": text}, headers={"Accept": "application/sparql-results+json"})
    r.raise_for_status()
    data = r.json()
    names = data["head"]["vars"]
    return [tuple(_value((b.get(v) or {}).get("value"), (b.get(v) or {}).get("datatype")) for v in names)
            for b in data["results"]["bindings"]]


def test_every_library_query_answers_on_a_plain_oxigraph_server_after_push(server, built):
    """Issue 16 point 4: on ``oxigraph serve`` (default graph empty unless told) the library queries
    gave nothing after a push; with the union pushed into the default graph they give our answers."""
    clear(server)
    push(built.out_dir, f"{server}/store")
    here = open_graph(built.out_dir)  # read once, not once per query
    answered = 0
    for q in list_queries():
        local = run_query(q.name, graph=here, terms=True)
        remote = _server_rows(server, q.text)
        want = [tuple(None if v is None else _value(str(v), str(getattr(v, "datatype", None))) for v in row.values())
                for row in local]
        assert sorted(remote, key=str) == sorted(want, key=str), q.name
        answered += bool(remote)
    assert answered >= 20


@pytest.fixture(scope="module")
def oxigraph_build(tmp_path_factory):
    from graph.build import build
    from graph.resources import DEFAULT_REPORT

    out = tmp_path_factory.mktemp("oxigraph-build")
    build([DEFAULT_REPORT], out_dir=out, store="oxigraph").backend.close()
    return out


def test_push_reads_the_store_of_an_oxigraph_build_directly(server, built, oxigraph_build):
    """``--graph OUT`` of a --store oxigraph build: the persisted store, named graphs and union."""
    (oxigraph_build / "wujing.trig").unlink()  # the store alone is read
    clear(server)
    result = CliRunner().invoke(main, ["push", "--endpoint", f"{server}/store", "--graph", str(oxigraph_build)])
    assert result.exit_code == 0, result.output
    assert count(server, QUADS) == sum(len(g) for g in built.dataset.graphs())
    assert count(server, DEFAULT) == len(built.union)
    clear(server)
    push(oxigraph_build, f"{server}/store", mode="union")
    assert count(server, DEFAULT) == len(built.union) and count(server, QUADS) == 0
