"""What the endpoint lets through to Oxigraph: reads pass, writes and SERVICE are refused (no server needed)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest

from graph.store.endpoint import screen
from graph.store.queries import uses_service

SERVICE_QUERIES = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c .SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { OPTIONAL { { SELECT ?s WHERE { SERVICE ?endpoint { ?s ?p ?o } } } } }",
    "PREFIX ex: <http://example.org/>\nSELECT * WHERE {\n  # comment\n  SeRvIcE ex:endpoint { ?s ?p ?o }\n}",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE\n<http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o  # a query rdflib cannot parse",
    # escaped characters of local names are not quotes or comments that could hide the keyword
    "PREFIX ex: <http://e/>\nSELECT * WHERE { ?s ?p ex:a\\' . SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }"
    " ?s ?p ex:b\\' }",
    "PREFIX ex: <http://e/>\nSELECT * WHERE { ?s ?p ex:a\\# . SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
]
HARMLESS_QUERIES = [
    "SELECT * WHERE { ?s ?p \"SERVICE <http://127.0.0.1:9/>\" }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/>",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    "PREFIX service: <http://example.org/>\nSELECT ?service WHERE { ?service service:SERVICE ?o }",
    "SELECT * WHERE { ?s ?p '''a\nSERVICE <http://x/> { }''' }",
]


@pytest.mark.parametrize("text", SERVICE_QUERIES)
def test_service_is_found(text):
    assert uses_service(text)


@pytest.mark.parametrize("text", HARMLESS_QUERIES)
def test_service_as_text_is_not_a_service_clause(text):
    assert not uses_service(text)


@pytest.mark.parametrize("text", SERVICE_QUERIES)
def test_service_queries_are_refused_however_they_are_sent(text):
    assert screen("GET", "/query?" + urlencode({"query": text}))[0] == 400
    assert screen("GET", "/sparql?" + urlencode({"query": text}))[0] == 400
    assert screen("POST", "/query", "application/sparql-query; charset=utf-8", text.encode())[0] == 400
    assert screen("POST", "/query", "application/x-www-form-urlencoded", urlencode({"query": text}).encode())[0] == 400
    # Oxigraph also reads a POSTed form's query from the URL
    assert screen("POST", "/query?" + urlencode({"query": text}), "application/x-www-form-urlencoded", b"")[0] == 400
    # and percent-encoded parameter names and other paths are screened as well
    assert screen("GET", "/%71uery?%71uery=" + quote(text))[0] == 400


@pytest.mark.parametrize("method, target, ctype, body", [
    ("POST", "/update", "application/sparql-update", b"INSERT DATA { <a:a> <a:a> <a:a> }"),
    ("POST", "/query", "application/sparql-update", b"DROP ALL"),
    ("POST", "/query", "application/x-www-form-urlencoded", b"update=DROP+ALL"),
    ("GET", "/update?update=DROP%20ALL", "", b""),
    ("PUT", "/store?default", "text/turtle", b"<a:a> <a:a> <a:a> ."),
    ("POST", "/store?default", "text/turtle", b"<a:a> <a:a> <a:a> ."),
    ("DELETE", "/store?graph=https%3A%2F%2Fw3id.org%2Fwujing-kg%2Fid%2Fgraph%2Fprovenance", "", b""),
    ("PATCH", "/store", "text/turtle", b""),
    ("POST", "/", "application/sparql-query", b"ASK {}"),
])
def test_writes_are_refused_with_403(method, target, ctype, body):
    status, reason = screen(method, target, ctype, body)
    assert status == 403 and "read-only" in reason


@pytest.mark.parametrize("method, target, ctype, body", [
    ("GET", "/", "", b""),
    ("GET", "/yasgui.min.js", "", b""),
    ("HEAD", "/", "", b""),
    ("GET", "/query?query=" + quote("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), "", b""),
    ("POST", "/query", "application/sparql-query", "SELECT ?x WHERE { ?x ?p \"吴泾\"@zh }".encode()),
    ("POST", "/sparql", "application/x-www-form-urlencoded", b"query=ASK%7B%7D&default-graph-uri="),
    ("GET", "/store?graph=" + quote("https://w3id.org/wujing-kg/id/graph/provenance"), "", b""),
])
def test_reads_pass(method, target, ctype, body):
    assert screen(method, target, ctype, body) is None


def test_other_bodies_are_refused():
    assert screen("POST", "/query", "text/plain", b"ASK {}")[0] == 415
    assert screen("POST", "/query", "application/sparql-query", b"\xff\xfe")[0] == 400
    assert screen("GET", "/query?query=%FF")[0] == 400
