"""Benchmarks on the real corpus: build time, peak memory and every library query, rdflib beside Oxigraph.

Builds every report of ``corpus/reports/`` (the development corpus: Shenzhen's districts over the
years, the city, the State Council, the provinces) into one graph, once with each store
(``wujing-kg build corpus/reports --no-cache --jobs 2 --store STORE``), ``--runs`` whole-process runs
each, the two stores alternating, measuring wall-clock time, CPU time (user + system of the build and
its workers: the machine is shared, so CPU time is the steadier figure) and peak memory (the
proportional set size of the build and its workers, as ``bench_scale.py`` does).
Then runs every library query (``queries/*.rq``, without parameters and with the parameters of its
``Example:`` line) on the graph of the Oxigraph build, with rdflib (the TriG loaded into memory, as
``wujing-kg query -g FILE`` does) and with Oxigraph (the build's store), in the same run, so that the
ratio of the two is measured at the same moment of this shared machine.

Results go to ``WORK/corpus-results.json`` step by step (a rerun skips what is there) and are kept
in ``docs/benchmarks-corpus.json``; ``benchmarks/bench_report.py`` writes them into the section
"The real corpus" of ``docs/benchmarks.md`` (``--docs`` does it here).

Usage::

    python benchmarks/bench_corpus.py --work /tmp/wkg-corpus [--runs 3] [--stores oxigraph,rdflib] [--docs]
                                      [--query-timeout 60]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_scale import BUILD, PY, engine_queries, load_average, machine, run_rusage, save  # noqa: E402

CORPUS = ROOT / "corpus" / "reports"
KEPT = ROOT / "docs" / "benchmarks-corpus.json"
STORES = ("oxigraph", "rdflib")


def corpus_size(corpus: Path) -> dict:
    """How many reports and characters the corpus holds (the files ``build`` reads)."""
    files = sorted(corpus.glob("*.txt"))
    return {"reports": len(files), "chars": sum(len(p.read_text(encoding="utf-8")) for p in files)}


def build_corpus(corpus: Path, out: Path, store: str, timeout: float) -> dict:
    """One whole-process build of the corpus with ``store``: wall and CPU seconds, peak PSS (MiB), the
    1-minute load average at the end."""
    r = run_rusage([PY, str(BUILD), str(corpus), "--out", str(out), "--store", store, "--jobs", "2",
                    "--no-cache"], timeout)
    r["load"] = load_average()
    return r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "wkg-corpus")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="The folder of reports (default corpus/reports).")
    parser.add_argument("--runs", type=int, default=3, help="whole-process builds per store (default 3)")
    parser.add_argument("--stores", default=",".join(STORES),
                        help="the stores to build with, comma-separated (default oxigraph,rdflib; the queries "
                             "need the Oxigraph build)")
    parser.add_argument("--build-timeout", type=float, default=7200)
    parser.add_argument("--query-timeout", type=float, default=60, help="seconds before a query is stopped")
    parser.add_argument("--docs", action="store_true",
                        help="keep the results in docs/benchmarks-corpus.json and rewrite docs/benchmarks.md")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    path = args.work / "corpus-results.json"
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    results.setdefault("machine", machine())
    results.setdefault("corpus", corpus_size(args.corpus))
    for run in range(args.runs):
        for store in args.stores.split(","):
            runs = results.setdefault(f"build_{store}", [])
            if len(runs) <= run:
                print(f"build --store {store}, run {run + 1} ...", flush=True)
                runs.append(build_corpus(args.corpus, args.work / f"out-{store}", store, args.build_timeout))
                save(results, path)
                r = runs[-1]
                print(f"  {r['wall_s']} s, {r['cpu_s']} s CPU, {r['peak_pss_mib']} MiB, rc {r['rc']}", flush=True)
    ox_out = args.work / "out-oxigraph"
    if all(r["rc"] == 0 for r in results["build_oxigraph"]):
        for engine, target in (("oxigraph", ox_out), ("rdflib", ox_out / "wujing.trig")):
            key = f"{engine}_queries"
            if key not in results:
                print(f"queries with {engine} ...", flush=True)
                t0 = time.perf_counter()
                results[key] = engine_queries(engine, target, args.query_timeout, args.build_timeout)
                results[key]["wall_s"] = round(time.perf_counter() - t0, 1)
                results[key]["load"] = load_average()
                save(results, path)
    if args.docs:
        from bench_report import write_corpus_section

        KEPT.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        write_corpus_section(results, ROOT / "docs" / "benchmarks.md")
        print(f"written: {KEPT}, docs/benchmarks.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
