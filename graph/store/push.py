"""Load the graph into an external SPARQL 1.1 store over the Graph Store HTTP Protocol.

For corpora beyond one machine: ``wujing-kg push --endpoint URL`` reads the built graph (a build
folder of either store, or a graph file) and sends it to the store's Graph Store endpoint, either one
graph per sentence (each named graph with ``PUT URL?graph=IRI``: provenance queries with ``GRAPH ?g``
keep working) and their union into the default graph (``PUT URL?default``), so that queries without
``GRAPH`` answer too on a store whose default graph is not the union of its graphs (Oxigraph,
Fuseki, GraphDB); or the union alone.  ``PUT`` replaces a graph, so pushing the same
build twice leaves the store as after one push.  Bodies are N-Triples sent as ``text/turtle`` (every
store reads that); a graph larger than ``chunk_bytes`` goes as one ``PUT`` and then ``POST``s.

Graph Store endpoints of common stores (``tests/store/test_merge_push.py`` runs against a real Oxigraph
server):

============================  ==========================================================
Oxigraph (``oxigraph serve``)   ``http://localhost:7878/store``
Apache Jena Fuseki              ``http://localhost:3030/DATASET/data``
GraphDB                         ``http://localhost:7200/repositories/REPO/rdf-graphs/service``
Virtuoso                        ``http://localhost:8890/sparql-graph-crud-auth`` (``--digest``, ``--union-graph``)
============================  ==========================================================

Virtuoso (``tests/store/test_store_virtuoso.py`` runs against a real one) has no default graph to write
to: its queries without ``FROM`` read every graph it holds, a triple once per graph that states it.
Push the union into a named graph of its own there (``union_graph``, ``--union-graph IRI``) and
query with ``default-graph-uri=IRI`` for the answers of ``wujing-kg query``.

Examples
--------
>>> graph_url("http://localhost:7878/store", "https://w3id.org/wujing-kg/id/graph/provenance")
'http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Fwujing-kg%2Fid%2Fgraph%2Fprovenance'
>>> graph_url("http://localhost:7878/store", None)
'http://localhost:7878/store?default'
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from graph.errors import BuildError
from graph.store.backend import open_graph

__all__ = ["MODES", "PushError", "PushResult", "chunks", "graph_url", "push"]

#: ``graphs``: one named graph per sentence (and the provenance graph); ``union``: the default graph.
MODES = ("graphs", "union")

_CONTENT_TYPE = "text/turtle; charset=utf-8"  # N-Triples is Turtle: every store reads it


class PushError(BuildError):
    """The store could not be reached or refused the data."""


@dataclass
class PushResult:
    """What was sent."""
    graphs: int
    triples: int
    requests: int
    seconds: float


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store URL of a named graph (``?graph=IRI``) or of the default graph (``?default``)."""
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}default" if graph is None else f"{endpoint}{sep}graph={quote(graph, safe='')}"


def chunks(ntriples: bytes, size: int) -> Iterator[bytes]:
    """N-Triples cut at line ends into pieces of about ``size`` bytes (each line whole).

    Examples
    --------
    >>> [len(c) for c in chunks(b"a\\nbb\\nccc\\n", 4)]
    [5, 4]
    """
    start = 0
    while start < len(ntriples):
        end = ntriples.find(b"\n", min(start + size, len(ntriples)) - 1)
        end = len(ntriples) if end < 0 else end + 1
        yield ntriples[start:end]
        start = end


def _send(session, url: str, body: bytes, first: bool, timeout: float) -> None:
    import requests

    method = "PUT" if first else "POST"
    try:
        response = session.request(method, url, data=body, headers={"Content-Type": _CONTENT_TYPE}, timeout=timeout)
    except requests.exceptions.ConnectionError:
        raise PushError(f"{url.split('?')[0]}: cannot connect (is the store running?)") from None
    except requests.exceptions.Timeout:
        raise PushError(f"{url.split('?')[0]}: no answer within {timeout:g} s") from None
    except requests.exceptions.RequestException as exc:
        raise PushError(f"{url.split('?')[0]}: {exc}") from None
    if response.status_code >= 300:
        text = response.text
        if "html" in response.headers.get("Content-Type", "") or text.lstrip().startswith("<"):
            text = re.sub(r"<(title|h1)>.*?</\1>", " ", text, flags=re.S | re.I)  # Virtuoso's heading
            text = re.sub(r"<[^>]*>", " ", text)
        detail = " ".join(text.split())[:200]
        raise PushError(f"{method} {url}: HTTP {response.status_code} {response.reason}: {detail}".rstrip(": ")
                        + _HINTS.get(response.status_code, "")
                        + (_NO_DEFAULT_GRAPH if "not configured to have default graph" in text else ""))


_HINTS = {
    401: " (check --user and the password; Virtuoso wants --digest)",
    403: " (the user may not write here; on Virtuoso: GRANT SPARQL_UPDATE TO \"USER\")",
}
_NO_DEFAULT_GRAPH = (" (this store has no default graph to write to, as Virtuoso: push with --union-graph IRI "
                     "and query with default-graph-uri=IRI, or with --no-default-union)")


def push(
    source: Path | str,
    endpoint: str,
    mode: str = "graphs",
    user: str | None = None,
    password: str | None = None,
    digest: bool = False,
    timeout: float = 120.0,
    chunk_bytes: int = 16 * 2**20,
    default_union: bool = True,
    union_graph: str | None = None,
) -> PushResult:
    """Send the built graph ``source`` to a Graph Store endpoint.

    Parameters
    ----------
    source
        The built graph: a build folder of either store (``out/``) or a graph file, opened with
        :func:`~graph.store.backend.open_graph`.
    endpoint
        The store's Graph Store HTTP Protocol URL (see the module docstring).
    mode
        ``"graphs"``: every named graph as itself; ``"union"``: all triples into the default graph only.
    default_union
        With ``"graphs"``: also put the union of the graphs into the default graph, as a set.  A store
        such as a plain ``oxigraph serve``, Fuseki (without ``unionDefaultGraph``) or GraphDB reads
        queries without ``GRAPH`` (every library query) from its default graph, which is otherwise
        empty there; with it, the library queries give the answers of ``wujing-kg query``.
    union_graph
        Put the union (``default_union`` or ``"union"``) into this named graph instead of the default
        graph: for Virtuoso, whose default graph cannot be written; query it as the default graph
        with ``default-graph-uri``.  The union goes first, so a store that refuses it has been sent
        nothing else.
    user, password, digest
        HTTP authentication (basic, or digest as Virtuoso wants).
    timeout
        Seconds to wait for each answer.
    chunk_bytes
        Larger graphs are sent in pieces of about this size.
    """
    import requests
    from tqdm import tqdm

    if mode not in MODES:
        raise PushError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    if not endpoint.startswith(("http://", "https://")):
        raise PushError(f"{endpoint}: the endpoint must be an http:// or https:// URL")
    t0 = time.perf_counter()
    backend = open_graph(source)
    session = requests.Session()
    if user:
        session.auth = (requests.auth.HTTPDigestAuth if digest else requests.auth.HTTPBasicAuth)(user, password or "")
    requests_made = 0
    triples = 0
    names: list = backend.graph_names() if mode == "graphs" else []
    targets = ([None] if mode == "union" or default_union else []) + names  # None: the union
    with session, tqdm(total=len(targets), desc="pushing", unit="graph", delay=2.0, disable=None, leave=False) as bar:
        for g in targets:
            body = backend.ntriples(g)  # one graph in memory at a time
            url = graph_url(endpoint, union_graph if g is None else str(g))
            if g is not None or mode == "union":
                triples += body.count(b"\n")
            for i, piece in enumerate(chunks(body, chunk_bytes) if body else [b""]):
                _send(session, url, piece, first=i == 0, timeout=timeout)
                requests_made += 1
            bar.update()
    return PushResult(len(names) if mode == "graphs" else 1, triples, requests_made, time.perf_counter() - t0)
