"""Time every query of the library: rdflib's in-memory engine (``wujing-kg query``) against the SPARQL
endpoint (``wujing-kg serve``: Oxigraph behind the read-only proxy), and Oxigraph without the proxy.

Usage::

    python benchmarks/bench_queries.py [--build | --graph out/wujing.trig] [--repeat 5]
                                       [--out docs/benchmarks-queries.md]

``--build`` first builds the bundled report into a temporary folder (out/ is not touched).

Each query runs once to warm up, then ``--repeat`` times; the table gives the median wall time in
milliseconds.  Endpoint times are whole HTTP round trips (request, evaluation, JSON results read by
the client) from one client thread.  A burst of 500 queries from 8 threads measures throughput.
"""

from __future__ import annotations

import argparse
import atexit
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.store.endpoint import Endpoint, oxigraph_version  # noqa: E402
from graph.output import write_text  # noqa: E402
from graph.store.queries import DEFAULT_GRAPH, list_queries, load_graph, run_query  # noqa: E402


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median milliseconds of ``repeat`` calls after one warm-up call, and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def fetch(url: str, text: str) -> bytes:
    """POST the query (some library queries are longer than Oxigraph takes in a GET URL)."""
    req = urllib.request.Request(url, data=text.encode("utf-8"),
                                 headers={"Accept": "application/sparql-results+json",
                                          "Content-Type": "application/sparql-query"})
    with urllib.request.urlopen(req, timeout=120) as resp:
        return resp.read()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=DEFAULT_GRAPH, help="The built graph (TriG).")
    parser.add_argument("--build", action="store_true", help="Build the bundled report first, into a temporary folder.")
    parser.add_argument("--repeat", type=int, default=5, help="Timed runs per query (after one warm-up).")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks-queries.md",
                        help="Markdown file for the results.")
    args = parser.parse_args(argv)
    if args.build:
        from graph.build import build
        from graph.resources import DEFAULT_REPORT

        built_dir = Path(tempfile.mkdtemp(prefix="bench-queries-"))
        atexit.register(shutil.rmtree, built_dir, ignore_errors=True)
        build([DEFAULT_REPORT], out_dir=built_dir)
        args.graph = built_dir / "wujing.trig"
    if not args.graph.is_file():
        print(f"{args.graph}: not found; run `wujing-kg build` first", file=sys.stderr)
        return 1

    import rdflib

    t0 = time.perf_counter()
    ds = load_graph(args.graph)
    load_ms = (time.perf_counter() - t0) * 1000
    triples = len(set((s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))))
    queries = list_queries()

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        ep = Endpoint(args.graph, port=0, store_dir=Path(tmp) / "endpoint").start()
        start_ms = (time.perf_counter() - t0) * 1000
        try:
            t0 = time.perf_counter()
            ep.stop()
            ep = Endpoint(args.graph, port=0, store_dir=Path(tmp) / "endpoint").start()
            restart_ms = (time.perf_counter() - t0) * 1000
            host, port = ep._proxy.backend  # the private Oxigraph port: only to show the proxy's cost
            direct = f"http://{host}:{port}/query"
            for q in queries:
                ms_rdflib, result = timed(lambda: run_query(q.name, graph=args.graph, terms=True), args.repeat)
                ms_endpoint, _ = timed(lambda: fetch(ep.query_url, q.text), args.repeat)
                ms_direct, _ = timed(lambda: fetch(direct, q.text), args.repeat)
                rows.append((q.name, len(result), ms_rdflib, ms_endpoint, ms_direct))
                print(f"{q.name:32s} {len(result):5d} rows  rdflib {ms_rdflib:8.1f} ms  "
                      f"endpoint {ms_endpoint:7.1f} ms  oxigraph direct {ms_direct:7.1f} ms", flush=True)

            texts = [q.text for q in queries]
            t0 = time.perf_counter()
            with ThreadPoolExecutor(max_workers=8) as pool:
                sizes = list(pool.map(lambda i: len(fetch(ep.query_url, texts[i % len(texts)])), range(500)))
            burst_s = time.perf_counter() - t0
        finally:
            ep.stop()

    # the proxy parses a query text with rdflib once (to find SERVICE), then remembers the answer
    from graph.store.queries import _parsed_service

    screen_ms = []
    for q in queries:
        t0 = time.perf_counter()
        _parsed_service.__wrapped__(q.text)
        screen_ms.append((time.perf_counter() - t0) * 1000)

    total = [sum(r[i] for r in rows) for i in (2, 3, 4)]
    lines = [
        "# Query benchmark: rdflib in memory vs the SPARQL endpoint",
        "",
        f"Measured by `benchmarks/bench_queries.py` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC: "
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"rdflib {rdflib.__version__}, {oxigraph_version()}; load average {os.getloadavg()[0]:.1f} "
        "(the machine was shared with other work: compare columns, not runs).",
        f"Graph: `{args.graph.name}`{' of the bundled report, freshly built' if args.build else ''}, "
        f"{triples} distinct triples in "
        f"{len(list(ds.graphs() if hasattr(ds, 'graphs') else ds.contexts()))} named graphs.",
        "",
        f"Median of {args.repeat} runs after one warm-up, in milliseconds. *rdflib*: `run_query` on the graph "
        "loaded in memory (what `wujing-kg query` does after loading; parameters unbound). *endpoint*: an HTTP POST "
        "to `wujing-kg serve` (read-only proxy + Oxigraph), JSON results read by the client. "
        "*oxigraph direct*: the same request to Oxigraph's private port, without the proxy.",
        "",
        "| query | rows | rdflib (ms) | endpoint (ms) | oxigraph direct (ms) | rdflib / endpoint |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    def ratio(a: float, b: float) -> str:
        return f"{a / b:.1f}×" if a / b < 10 else f"{a / b:.0f}×"

    for name, n, a, b, c in rows:
        lines.append(f"| `{name}` | {n} | {a:.1f} | {b:.1f} | {c:.1f} | {ratio(a, b)} |")
    lines.append(f"| **all {len(rows)} queries** | | **{total[0]:.0f}** | **{total[1]:.0f}** | **{total[2]:.0f}** "
                 f"| **{ratio(total[0], total[1])}** |")
    lines += [
        "",
        f"- Loading the TriG file into rdflib (once per `wujing-kg query` process): {load_ms:.0f} ms.",
        f"- Starting the endpoint with a new store (oxigraph load + union + server start): {start_ms:.0f} ms; "
        f"restarting with the store reused: {restart_ms:.0f} ms.",
        f"- Burst: 500 queries (the whole library in turn) from 8 threads through the endpoint in {burst_s:.1f} s "
        f"({500 / burst_s:.0f} queries/s), {sum(1 for s in sizes if s)} answered.",
        f"- The endpoint times above are for query texts the proxy has seen before. The first time, it parses "
        f"the text with rdflib to look for SERVICE: {statistics.median(screen_ms):.0f} ms median, "
        f"{max(screen_ms):.0f} ms at most for these queries, once per distinct text.",
        "",
    ]
    write_text(args.out, "\n".join(lines))
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
