"""``wujing-kg serve``: the built graph as a read-only SPARQL 1.1 endpoint, served by Oxigraph.

The SPARQL work is done by Oxigraph's own server (``oxigraph serve-read-only`` from the ``oxigraph``
package: SPARQL 1.1 Protocol, JSON/XML/CSV/TSV results, and the YASGUI files bundled with it).  Three
things are added around it, measured on Oxigraph 0.5 (the third in Chromium):

* **No outbound requests.**  Oxigraph evaluates ``SERVICE <http://...>`` by fetching from that
  address, and has no switch to turn federation off.  So it listens on a private loopback port and
  a small filtering proxy (this module, standard library only) is the only public door.  The proxy
  refuses (400) any query with a ``SERVICE`` clause, found both by rdflib's parser and by a keyword
  scan that ignores IRIs, strings and comments (so an unparseable query is still screened), and
  refuses (403) SPARQL UPDATE and every Graph Store write.  Reads pass through byte for byte, with
  their content negotiation.
* **A query page that fetches nothing from outside.**  Oxigraph's own page (``/``) lets YASGUI fetch
  prefix.cc from the user's browser; the proxy answers ``/`` and ``/prefixes.json`` itself with
  YASGUI set up for this graph (:mod:`graph.store.query_page`).
* **The default graph is the union, as a set.**  ``--union-default-graph`` makes Oxigraph read the
  default graph as a *bag* of the named graphs: a triple stated in three sentences matches three
  times (2397 rows for ``SELECT * { ?s ?p ?o }`` where the union of ``out/wujing.ttl`` has 2003).
  The store therefore holds the union itself in its default graph (the triples of
  ``out/wujing.ttl``), besides the sentence graphs, so library queries give exactly the answers of
  ``wujing-kg query``.

The store is built with the ``oxigraph`` command (``load``, then an ``INSERT`` of the union) into
``out/endpoint/store`` and reused while ``out/endpoint/stamp.json`` matches the graph file's SHA-256
and the Oxigraph version.

Examples
--------
>>> with Endpoint("out/wujing.trig", port=0) as ep:              # doctest: +SKIP
...     print(ep.query_url)
http://127.0.0.1:41234/query
"""

from __future__ import annotations

import atexit
import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qsl, urlsplit

from graph.errors import WujingError
from graph.output import write_text
from graph.resources import DEFAULT_OUT
from graph.store.oxigraph import STORE_DIR
from graph.store.query_page import page_for
from graph.store.sparql import uses_service

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "Endpoint", "EndpointError", "prepare_store", "screen", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
GRAPH_FILE = "wujing.trig"
DEFAULT_GRAPH = DEFAULT_OUT / GRAPH_FILE
#: The folder beside the graph file that holds the endpoint's store.
STORE_DIRNAME = "endpoint"
#: Changes when the way the store is built changes, so that old stores are rebuilt.
STORE_LAYOUT = "trig+union-default-graph/1"
UNION_UPDATE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
#: Paths of the SPARQL query service (Oxigraph answers on both).
QUERY_PATHS = ("/query", "/sparql")
MAX_BODY = 1 << 20
#: GET requests longer than this are passed to Oxigraph as a form POST (it limits headers to 8 KB).
LONG_GET = 4000
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
               "transfer-encoding", "upgrade", "server", "date", "content-length"}


class EndpointError(WujingError):
    """The endpoint cannot start: no graph, a port in use, Oxigraph missing or failing."""


# ------------------------------------------------------------------------------------------ the store


def oxigraph_command() -> str:
    """The ``oxigraph`` executable of the ``oxigraph`` package (beside Python first, then on PATH)."""
    here = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if not found:
        raise EndpointError("the `oxigraph` command is missing: pip install 'oxigraph>=0.4,<0.6'")
    return found


def oxigraph_version(command: str | None = None) -> str:
    out = subprocess.run([command or oxigraph_command(), "--version"], capture_output=True, text=True, timeout=30)
    return out.stdout.strip() or out.stderr.strip()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _run(args: list[str], what: str) -> None:
    out = subprocess.run(args, capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        lines = [ln for ln in (out.stderr or out.stdout).strip().splitlines() if ln.strip()]
        raise EndpointError(f"{what} failed: {lines[0] if lines else f'exit status {out.returncode}'}")


def prepare_store(graph: Path | str = DEFAULT_GRAPH, store_dir: Path | str | None = None) -> tuple[Path, bool]:
    """The Oxigraph store of ``graph``: reused if it was built from the same file, else (re)built.

    Returns the store folder and whether it was reused.  The named graphs are those of the TriG
    file; the default graph is their union.  A new store is built beside the old one and swapped in,
    so a failed build leaves the previous store in place.
    """
    graph = Path(graph)
    if not graph.is_file():
        hint = "; run `wujing-kg build` first" if graph == DEFAULT_GRAPH else ""
        raise EndpointError(f"{graph}: graph file not found{hint}")
    base = Path(store_dir) if store_dir is not None else graph.parent / STORE_DIRNAME
    store, stamp_path = base / "store", base / "stamp.json"
    command = oxigraph_command()
    stamp = {"graph": graph.name, "sha256": _sha256(graph), "oxigraph": oxigraph_version(command),
             "layout": STORE_LAYOUT}
    try:
        if store.is_dir() and json.loads(stamp_path.read_text(encoding="utf-8")) == stamp:
            return store, True
    except (OSError, ValueError):
        pass
    try:
        base.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="store.", suffix=".tmp", dir=base))
    except OSError as exc:
        raise EndpointError(f"{base}: cannot create the store: {exc.strerror or exc}") from None
    try:
        shutil.rmtree(tmp)  # oxigraph creates the folder itself
        _run([command, "load", "--location", str(tmp), "--file", str(graph)], f"loading {graph} into Oxigraph")
        _run([command, "update", "--location", str(tmp), "--update", UNION_UPDATE], "building the union graph")
        stamp_path.unlink(missing_ok=True)
        if store.exists():
            old = base / f"store.old.{os.getpid()}"
            shutil.rmtree(old, ignore_errors=True)
            store.rename(old)
            shutil.rmtree(old, ignore_errors=True)
        tmp.rename(store)
        write_text(stamp_path, json.dumps(stamp, indent=2) + "\n")
    except OSError as exc:
        raise EndpointError(f"{base}: cannot build the store: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return store, False


def _source(graph: Path | str | None) -> tuple[Path, Path | None]:
    """What to serve: (graph file, None), or (the build folder, its store) for a ``--store oxigraph``
    build, whose store already has the layout the endpoint needs (the union in the default graph)."""
    path = Path(graph) if graph is not None else DEFAULT_OUT
    if path.is_dir():
        if (path / STORE_DIR).is_dir():
            return path, path / STORE_DIR
        return path / GRAPH_FILE, None
    return path, None


# ------------------------------------------------------------------------------------------ screening


def _form(data: str) -> list[tuple[str, str]]:
    return parse_qsl(data, keep_blank_values=True, strict_parsing=False, encoding="utf-8", errors="strict")


def screen(method: str, target: str, content_type: str = "", body: bytes = b"") -> tuple[int, str] | None:
    """Whether a request may reach Oxigraph: ``None`` if it may, else ``(HTTP status, reason)``.

    Reads (the query page and its assets, SPARQL queries, Graph Store GET) pass; SPARQL UPDATE and
    Graph Store writes get 403; a query with ``SERVICE`` gets 400.  Every ``query`` parameter, in the
    URL or the body, is checked, whatever the path.

    Examples
    --------
    >>> screen("GET", "/query?query=ASK%7B%7D") is None
    True
    >>> screen("POST", "/query", "application/sparql-update", b"DROP ALL")
    (403, 'read-only endpoint: SPARQL UPDATE is refused')
    >>> screen("GET", "/query?query=SELECT+*+%7BSERVICE+%3Chttp%3A%2F%2Fx%2F%3E+%7B%3Fs+%3Fp+%3Fo%7D%7D")[0]
    400
    """
    method = method.upper()
    url = urlsplit(target)
    mime = content_type.split(";")[0].strip().lower()
    try:
        fields = _form(url.query)
        if method == "POST" and mime == "application/x-www-form-urlencoded":
            fields += _form(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return 400, "the request is not valid UTF-8 form data"
    names = {k for k, _ in fields}
    if names & {"update", "using-graph-uri", "using-named-graph-uri"} or mime == "application/sparql-update":
        return 403, "read-only endpoint: SPARQL UPDATE is refused"
    queries = [v for k, v in fields if k == "query"]
    if method == "POST":
        if url.path not in QUERY_PATHS:
            return 403, "read-only endpoint: only queries may be POSTed (to /query)"
        if mime == "application/sparql-query":
            try:
                queries.append(body.decode("utf-8"))
            except UnicodeDecodeError:
                return 400, "the query is not valid UTF-8"
        elif mime != "application/x-www-form-urlencoded":
            return 415, "POST a query as application/sparql-query or application/x-www-form-urlencoded"
    elif method not in ("GET", "HEAD", "OPTIONS"):
        return 403, f"read-only endpoint: {method} is refused"
    for text in queries:
        if uses_service(text):
            return 400, "SERVICE (federated query) is refused: this endpoint never fetches from other servers"
    return None


# --------------------------------------------------------------------------------------------- proxy


class _Handler(BaseHTTPRequestHandler):
    server_version = "wujing-kg"
    protocol_version = "HTTP/1.0"  # one request per connection: simple and robust

    def log_message(self, format: str, *args) -> None:  # quiet; refusals are logged by _refuse
        pass

    def _refuse(self, status: int, reason: str) -> None:
        log = self.server.log  # type: ignore[attr-defined]
        if log:
            log(f"refused ({status}): {self.command} {self.path[:120]} from {self.client_address[0]}: {reason}")
        data = (reason + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._refuse(411, "send the request body with a Content-Length")
            return None
        if self.headers.get("Content-Encoding", "identity").lower() != "identity":
            self._refuse(415, "compressed request bodies are not accepted")
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self._refuse(400, "bad Content-Length")
            return None
        if length > MAX_BODY:
            self._refuse(413, f"request body larger than {MAX_BODY} bytes")
            return None
        return self.rfile.read(length) if length > 0 else b""

    def _handle(self) -> None:
        body = b""
        if self.command in ("POST", "PUT", "PATCH", "DELETE"):
            body = self._body()
            if body is None:
                return
        refusal = screen(self.command, self.path, self.headers.get("Content-Type", ""), body)
        if refusal:
            self._refuse(*refusal)
            return
        own = page_for(urlsplit(self.path).path) if self.command in ("GET", "HEAD") else None
        if own:  # the query page, set up to fetch nothing from outside (graph.store.query_page)
            self._answer(*own)
            return
        self._forward(body)

    def _answer(self, content_type: str, data: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _forward(self, body: bytes) -> None:
        host, port = self.server.backend  # type: ignore[attr-defined]
        conn = http.client.HTTPConnection(host, port, timeout=self.server.backend_timeout)  # type: ignore[attr-defined]
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in _HOP_BY_HOP and k.lower() not in ("host", "content-encoding", "accept-encoding")}
        method, target = self.command, self.path
        url = urlsplit(target)
        if method == "GET" and url.path in QUERY_PATHS and len(target) > LONG_GET:
            # Oxigraph refuses request headers over 8 KB: send a long query as the equivalent form POST
            method, target, body = "POST", url.path, url.query.encode("ascii")
            headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if method == "POST":
            headers["Content-Length"] = str(len(body))
        try:
            conn.request(method, target, body=body if method == "POST" else None, headers=headers)
            resp = conn.getresponse()
        except OSError as exc:
            self._refuse(502, f"the SPARQL server did not answer: {exc}")
            conn.close()
            return
        try:
            self.send_response(resp.status, resp.reason)
            for k, v in resp.getheaders():
                if k.lower() not in _HOP_BY_HOP:
                    self.send_header(k, v)
            length = resp.getheader("Content-Length")
            if length is not None:
                self.send_header("Content-Length", length)
            self.end_headers()
            if self.command != "HEAD":
                while chunk := resp.read(1 << 16):
                    self.wfile.write(chunk)
        except OSError:  # the client went away
            pass
        finally:
            conn.close()

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _handle


class _Proxy(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True


# ------------------------------------------------------------------------------------------ endpoint

_running: set["Endpoint"] = set()


@atexit.register
def _stop_all() -> None:
    for ep in list(_running):
        ep.stop()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # Linux: Oxigraph ends if this process is killed
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Endpoint:
    """A running endpoint: the Oxigraph server on a private loopback port and the public proxy.

    Use it as a context manager (or call :meth:`start` and :meth:`stop`).  ``port=0`` picks a free
    port; ``.url`` is the query page, ``.query_url`` the SPARQL endpoint; ``.reused`` says whether
    the store was reused.
    """
    def __init__(self, graph: Path | str | None = None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 store_dir: Path | str | None = None, timeout: int = 30, cors: bool = False,
                 log: Callable[[str], None] | None = None):
        self.graph, self.built_store = _source(graph)
        self.host, self.port, self.store_dir = host, port, store_dir
        self.timeout, self.cors, self.log = timeout, cors, log
        self.reused = False
        self.store: Path | None = None
        self._proxy: _Proxy | None = None
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen | None = None
        self._log_file = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    def __enter__(self) -> "Endpoint":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> "Endpoint":
        if self.built_store is None and not self.graph.is_file():
            prepare_store(self.graph, self.store_dir)  # raises the one-line error
        proxy_class = _Proxy
        if ":" in self.host:
            proxy_class = type("_Proxy6", (_Proxy,), {"address_family": socket.AF_INET6})
        try:
            self._proxy = proxy_class((self.host, self.port), _Handler)
        except OSError as exc:
            raise EndpointError(f"cannot listen on {self.host}:{self.port}: {exc.strerror or exc}"
                                + (" (choose another --port)" if exc.errno in (98, 48, 10048) else "")) from None
        self.port = self._proxy.server_address[1]
        self._proxy.log = self.log
        self._proxy.backend_timeout = self.timeout + 30
        _running.add(self)
        try:  # the port is ours: now the store (maybe slow) and Oxigraph
            if self.built_store is not None:  # a --store oxigraph build: its own store, as it is
                self.store, self.reused = self.built_store, True
            else:
                self.store, self.reused = prepare_store(self.graph, self.store_dir)
            self._proxy.backend = ("127.0.0.1", self._start_oxigraph())
        except BaseException:
            self.stop()
            raise
        self._thread = threading.Thread(target=self._proxy.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="wujing-kg-sparql-proxy", daemon=True)
        self._thread.start()
        return self

    def _start_oxigraph(self) -> int:
        command = oxigraph_command()
        log_path = self._log_path()
        for _attempt in range(3):  # the free port may be taken between choosing and binding it
            port = _free_port()
            args = [command, "serve-read-only", "--location", str(self.store), "--bind", f"127.0.0.1:{port}",
                    "--timeout-s", str(self.timeout)] + (["--cors"] if self.cors else [])
            self._log_file = open(log_path, "wb")
            main_thread = threading.current_thread() is threading.main_thread()
            self._process = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=self._log_file, stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches us only; we stop Oxigraph after the proxy
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") and main_thread else None,
            )
            if self._wait_ready(port):
                return port
            self._stop_oxigraph()
        tail = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        raise EndpointError(f"the Oxigraph server did not start: {tail[-1] if tail else 'no message'}")

    def _log_path(self) -> Path:
        # beside the endpoint's own store; a build's store folder is left as the build made it
        if self.built_store is not None:
            return Path(tempfile.gettempdir()) / f"wujing-kg-oxigraph-{os.getpid()}.log"
        return self.store.parent / "oxigraph.log"

    def _wait_ready(self, port: int, seconds: float = 30.0) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                return False
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/query?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"})
                ok = conn.getresponse().status == 200
                conn.close()
                if ok:
                    return True
            except OSError:
                pass
            time.sleep(0.05)
        return False

    def _stop_oxigraph(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.terminate()
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
            self._process = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def alive(self) -> bool:
        """Whether the Oxigraph server is still running."""
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        """Stop accepting queries, then stop Oxigraph.  Safe to call twice."""
        if self._proxy is not None:
            if self._thread is not None:
                self._proxy.shutdown()
                self._thread.join(timeout=10)
                self._thread = None
            self._proxy.server_close()
            self._proxy = None
        self._stop_oxigraph()
        _running.discard(self)


def serve(graph: Path | str | None = None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          store_dir: Path | str | None = None, timeout: int = 30, cors: bool = False,
          echo: Callable[[str], None] = print) -> None:
    """Serve ``graph`` (a build folder, default ``out/``, or a graph file) until Ctrl-C (or SIGTERM),
    printing its addresses."""
    ep = Endpoint(graph, host, port, store_dir, timeout, cors, log=lambda m: echo(m))
    main_thread = threading.current_thread() is threading.main_thread()
    previous = {}
    if main_thread:
        def interrupt(signum, frame):
            raise KeyboardInterrupt
        # SIGINT too: a server started in the background by a shell script inherits SIGINT ignored,
        # and "Press Ctrl-C to stop" would not hold
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, interrupt)
    try:
        ep.start()
        made = "the build's own store" if ep.built_store is not None else ("reused" if ep.reused else "built") + f" from {ep.graph}"
        echo(f"store: {ep.store} ({made})")
        if host not in ("127.0.0.1", "localhost", "::1"):
            echo(f"warning: listening on {host}: other machines can query this endpoint")
        echo(f"query page:      {ep.url}/")
        echo(f"SPARQL endpoint: {ep.query_url}")
        echo("read-only; SERVICE is refused. Press Ctrl-C to stop.")
        while ep.alive():
            time.sleep(0.5)
        raise EndpointError(f"the Oxigraph server stopped unexpectedly; see {ep._log_path()}")
    except KeyboardInterrupt:
        echo("stopping")
    finally:
        if main_thread:  # a second Ctrl-C while stopping would leave Oxigraph behind
            for signum in (signal.SIGINT, signal.SIGTERM):
                previous.setdefault(signum, signal.signal(signum, signal.SIG_IGN))
        try:
            ep.stop()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
    echo("stopped")
