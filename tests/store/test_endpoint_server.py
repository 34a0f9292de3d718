"""The real endpoint: Oxigraph's server behind the read-only proxy, started on a free port.

Every library query answers as ``wujing-kg query`` does; SERVICE makes no outbound connection;
writes are refused; 500 queries from 8 threads all succeed; a restart serves the same data; the
``serve`` command prints its addresses and stops cleanly on Ctrl-C.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from graph.store.endpoint import Endpoint, EndpointError, prepare_store
from graph.store.queries import load_query

from queries_helpers import ALL_QUERIES, bag, from_json, rdflib_answer

JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def trig(built) -> Path:
    return built.out_dir / "wujing.trig"


@pytest.fixture(scope="module")
def endpoint(trig, tmp_path_factory):
    with Endpoint(trig, port=0, store_dir=tmp_path_factory.mktemp("endpoint")) as ep:
        yield ep


def request(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, content type, body) of an HTTP request; error statuses are returned, not raised."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


def sparql(ep: Endpoint, text: str, accept: str = JSON, post: bool = False):
    if post:
        return request(ep.query_url, text.encode("utf-8"),
                       {"Content-Type": "application/sparql-query", "Accept": accept})
    return request(ep.query_url + "?" + urllib.parse.urlencode({"query": text}), headers={"Accept": accept})


def endpoint_rows(ep: Endpoint, text: str) -> tuple[list[str], list[dict]]:
    status, ctype, body = sparql(ep, text)
    assert status == 200, body[:300]
    data = json.loads(body)
    columns = data["head"]["vars"]
    return columns, [{c: from_json(b.get(c)) for c in columns} for b in data["results"]["bindings"]]


@pytest.mark.parametrize("name", ALL_QUERIES)
def test_every_library_query_answers_as_the_query_command(endpoint, trig, name):
    expected = rdflib_answer(str(trig), name)
    columns, rows = endpoint_rows(endpoint, load_query(name).text)
    assert columns == expected.vars
    assert bag(rows, columns) == bag(expected, columns)


def test_default_graph_is_the_union_of_the_sentence_graphs(endpoint, built):
    _, rows = endpoint_rows(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(rows[0]["n"]) == len(built.union)  # each triple once, however many sentences state it
    _, rows = endpoint_rows(endpoint, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(rows[0]["n"]) == len(list(built.dataset.graphs() if hasattr(built.dataset, "graphs")
                                         else built.dataset.contexts())) - 1  # all but rdflib's empty default


def test_results_in_every_format(endpoint):
    text = "SELECT ?u WHERE { ?u a <https://w3id.org/wujing-kg/ontology#University> } ORDER BY ?u"
    for accept, ctype, marker in (
        (JSON, "application/sparql-results+json", b'"bindings"'),
        ("application/sparql-results+xml", "application/sparql-results+xml", b"<sparql"),
        ("text/csv", "text/csv", b"u\r\n"),
        ("text/tab-separated-values", "text/tab-separated-values", b"?u\n"),
    ):
        for post in (False, True):
            status, got, body = sparql(endpoint, text, accept, post)
            assert status == 200 and got.startswith(ctype) and marker in body, (accept, post, body[:200])
            assert b"huadongshifandaxue" in body


def test_a_long_query_works_by_get_as_by_post(endpoint):
    names = " ".join(f'"园区名称{i:04d}"@zh' for i in range(400))
    text = ("SELECT ?u WHERE { VALUES ?name { " + names + ' "华东师范大学"@zh } '
            "?u <http://www.w3.org/2000/01/rdf-schema#label> ?name }")
    assert len(urllib.parse.urlencode({"query": text})) > 8192  # more than Oxigraph takes in a URL
    for post in (False, True):
        status, _, body = sparql(endpoint, text, post=post)
        assert status == 200, body[:200]
        assert [b["u"]["value"] for b in json.loads(body)["results"]["bindings"]] == \
            ["https://w3id.org/wujing-kg/id/huadongshifandaxue-489549"]


def test_query_page_works_offline(endpoint):
    status, ctype, body = request(endpoint.url + "/")
    assert status == 200 and ctype.startswith("text/html") and b"Yasgui" in body
    assets = re.findall(rb'(?:src|href)="([^"]+)"', body)
    assert assets and not [a for a in assets if a.startswith((b"http:", b"https:", b"//"))]
    for asset in assets:
        assert request(urllib.parse.urljoin(endpoint.url + "/", asset.decode()))[0] == 200, asset


def test_service_makes_no_outbound_request(endpoint, listener):
    port, hits = listener
    socket.create_connection(("127.0.0.1", port)).close()  # the listener does see connections
    time.sleep(0.5)
    assert len(hits) == 1
    target = f"http://127.0.0.1:{port}/sparql"
    texts = [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ OPTIONAL {{ service silent <{target}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{target}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"ASK {{ \\u0053ERVICE <{target}> {{ ?s ?p ?o }} }}",
    ]
    for text in texts:
        for post in (False, True):
            status, _, body = sparql(endpoint, text, post=post)
            assert status == 400 and b"SERVICE" in body
        form = urllib.parse.urlencode({"query": text}).encode()
        status, _, _ = request(endpoint.query_url, form, {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 400
        status, _, _ = request(endpoint.url + "/sparql?" + urllib.parse.urlencode({"query": text}), b"",
                               {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 400
    time.sleep(1.0)
    assert len(hits) == 1, hits[1:]


def test_updates_and_graph_store_writes_are_refused(endpoint, built):
    before = endpoint_rows(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[1]
    triple = b"<https://example.org/a> <https://example.org/b> <https://example.org/c> ."
    for url, data, ctype, method in (
        ("/update", b"INSERT DATA { " + triple + b" }", "application/sparql-update", "POST"),
        ("/query", b"update=DROP+ALL", "application/x-www-form-urlencoded", "POST"),
        ("/store?default", triple, "text/turtle", "PUT"),
        ("/store?default", triple, "text/turtle", "POST"),
        ("/store?graph=" + urllib.parse.quote("https://w3id.org/wujing-kg/id/graph/provenance"), None, "", "DELETE"),
    ):
        status, _, body = request(endpoint.url + url, data, {"Content-Type": ctype} if ctype else {}, method)
        assert status == 403, (url, method, body)
    after = endpoint_rows(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[1]
    assert before == after
    status, _, body = request(endpoint.url + "/store?graph="
                              + urllib.parse.quote("https://w3id.org/wujing-kg/id/graph/provenance"),
                              headers={"Accept": "application/n-triples"})
    assert status == 200 and b"http://www.w3.org/ns/prov#value" in body  # Graph Store reads work


def test_500_queries_from_8_threads_all_succeed(endpoint, trig):
    names = [n for n in ALL_QUERIES if len(rdflib_answer(str(trig), n)) > 0]
    expected = {n: len(rdflib_answer(str(trig), n)) for n in names}
    texts = {n: load_query(n).text for n in names}

    def one(i: int):
        name = names[i % len(names)]
        status, _, body = sparql(endpoint, texts[name], post=bool(i % 2))
        return name, status, len(json.loads(body)["results"]["bindings"]) if status == 200 else body[:200]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(one, range(500)))
    failures = [r for r in results if r[1] != 200 or r[2] != expected[r[0]]]
    assert not failures, failures[:5]
    assert Counter(r[1] for r in results) == Counter({200: 500})


def test_restart_reuses_the_store_and_serves_the_same_data(trig, tmp_path):
    store = tmp_path / "store"
    with Endpoint(trig, port=0, store_dir=store) as ep:
        assert not ep.reused
        first = {n: endpoint_rows(ep, load_query(n).text) for n in ("park_cluster_links", "link_evidence")}
        first_port = ep.port
    with Endpoint(trig, port=first_port, store_dir=store) as ep:  # the port is free again after stop()
        assert ep.reused
        again = {n: endpoint_rows(ep, load_query(n).text) for n in first}
    assert {n: (c, bag(r, c)) for n, (c, r) in again.items()} == {n: (c, bag(r, c)) for n, (c, r) in first.items()}


def test_store_is_rebuilt_when_the_graph_changes(trig, tmp_path):
    graph = tmp_path / "wujing.trig"
    shutil.copy(trig, graph)
    assert prepare_store(graph)[1] is False
    assert prepare_store(graph) == (tmp_path / "endpoint" / "store", True)
    with graph.open("a", encoding="utf-8") as fh:
        fh.write('\n<https://example.org/g> { <https://example.org/new> '
                 '<http://www.w3.org/2000/01/rdf-schema#label> "新"@zh . }\n')
    with Endpoint(graph, port=0) as ep:
        assert not ep.reused
        _, rows = endpoint_rows(ep, 'SELECT ?s WHERE { ?s ?p "新"@zh }')
        assert [str(r["s"]) for r in rows] == ["https://example.org/new"]
    assert json.loads((tmp_path / "endpoint" / "stamp.json").read_text())["graph"] == "wujing.trig"


def test_a_port_in_use_is_a_clear_error(endpoint, trig, tmp_path):
    with pytest.raises(EndpointError, match=f"cannot listen on 127.0.0.1:{endpoint.port}.*another --port"):
        Endpoint(trig, port=endpoint.port, store_dir=tmp_path).start()


def test_a_missing_graph_is_a_clear_error(tmp_path):
    with pytest.raises(EndpointError, match="graph file not found"):
        Endpoint(tmp_path / "none.trig", port=0).start()


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _ignore_sigint():
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # what a shell does to a command it starts with &


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find the Oxigraph process (Linux)")
@pytest.mark.parametrize("started", ["in the foreground", "in the background of a script"])
def test_serve_command_prints_its_addresses_and_stops_on_ctrl_c(trig, tmp_path, started):
    cmd = [sys.executable, "-u", "-c", "from graph.cli import main; main()", "serve", "--graph", str(trig),
           "--port", "0", "--store", str(tmp_path / "store")]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"},
                            preexec_fn=_ignore_sigint if started != "in the foreground" else None)
    try:
        lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line.strip())
            if line.startswith("SPARQL endpoint:"):
                break
        page = next(ln for ln in lines if ln.startswith("query page:")).split()[-1]
        query_url = lines[-1].split()[-1]
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", page) and query_url == page + "query"
        status, _, body = request(query_url + "?query=" + urllib.parse.quote("ASK { ?s a ?c }"),
                                  headers={"Accept": JSON})
        assert status == 200 and json.loads(body)["boolean"] is True
        oxigraph = children_of(proc.pid)
        assert oxigraph, "Oxigraph runs as a child process"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert out.strip().endswith("stopped") and "Traceback" not in err
    time.sleep(0.2)
    assert not [pid for pid in oxigraph if Path(f"/proc/{pid}").exists()
                and "oxigraph" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")]


def test_serve_command_errors_are_one_line(endpoint, trig, tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    missing = tmp_path / "none.trig"
    result = CliRunner().invoke(main, ["serve", "--graph", str(missing)])
    assert result.exit_code == 1
    assert result.output.strip() == f"wujing-kg: error: {missing}: graph file not found"
    result = CliRunner().invoke(main, ["serve", "--graph", str(trig), "--port", str(endpoint.port),
                                       "--store", str(tmp_path / "store")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1].startswith(f"wujing-kg: error: cannot listen on 127.0.0.1:{endpoint.port}")
