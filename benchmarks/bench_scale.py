"""Scale benchmarks: build time, peak memory and SPARQL time from 1 to 1,000 reports.

Measures, on a synthetic corpus made by ``benchmarks/make_corpus.py``:

* the bundled report: ``python build_graph.py`` wall-clock time including Python start-up, without
  and with the extraction cache, and where the time goes (cProfile of one build);
* for 1, 10, 100 and 1,000 reports: wall-clock time and peak memory (proportional set size of the
  build process and its workers, summed, polled every 0.2 s) of ``wujing-kg build --no-cache --jobs 2``
  with ``--store oxigraph`` and, up to ``--rdflib-max``, the default rdflib store; and the time to
  add one report to a cached build;
* every library query (``queries/*.rq``, no parameters) on each size's graph: with rdflib
  (``Dataset(default_union=True)`` through :func:`graph.queries.run_text`, as ``wujing-kg query``
  does) and with Oxigraph (the store the build persisted, ``out/oxigraph/``), side by side;
* the time until each map of an rdflib build is drawn in Chromium (as ``benchmarks/bench_maps.py``).

Results go to ``WORK/results.json`` step by step (a rerun skips what is there: delete entries to redo
them) and the report to ``docs/benchmarks.md``.

``--memory`` measures only the builds' memory and CPU time (``--store oxigraph --jobs 2 --no-cache``
at each of ``--sizes``), with this checkout and, given ``--before TREE`` (a folder holding another
version of the ``graph`` package, put first on ``PYTHONPATH``), with that one, the two alternating
at each size, ``--memory-runs`` times each; it prints a table and writes ``WORK/memory.json``.

Usage::

    python benchmarks/bench_scale.py --work /tmp/wkg-bench [--sizes 1 10 100 1000] [--rdflib-max 100]
    python benchmarks/bench_scale.py --work /tmp/wkg-bench --report-only
    python benchmarks/bench_scale.py --work /tmp/wkg-bench --memory --sizes 10 100 1000 [--before /tmp/old-tree]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import re
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PY = sys.executable
BUILD = ROOT / "build_graph.py"
QUERIES = ROOT / "queries"
DOC = ROOT / "docs" / "benchmarks.md"
TARGETS = {"bundled_s": 3.0, "build_1000_s": 600.0, "query_1000_s": 1.0}


# ---------------------------------------------------------------- measuring processes


def _tree_rss_kb(pid: int) -> int:
    """Memory of a process and all its descendants, in KiB (Linux /proc): the sum of their proportional
    set sizes (PSS), so that pages a forked worker shares with its parent are counted once."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def run_measured(cmd: list[str], timeout: float) -> dict:
    """Run ``cmd``; wall seconds, peak RSS of its process tree (MiB), exit status, last output lines."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
    peak = 0
    done = threading.Event()

    def poll():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            done.wait(0.2)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    try:
        out, _ = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        timed_out = True
    done.set()
    watcher.join()
    text = out.decode("utf-8", errors="replace")
    return {
        "cmd": " ".join(str(c) for c in cmd[1:]),
        "wall_s": round(time.perf_counter() - t0, 2),
        "peak_mib": round(peak / 1024, 1),
        "rc": proc.returncode,
        "timed_out": timed_out,
        "tail": text.strip().splitlines()[-6:],
    }


def run_rusage(cmd: list[str], timeout: float, env: dict | None = None) -> dict:
    """Run ``cmd``: wall seconds, peak PSS of its process tree (polled, MiB), the largest RSS of any of
    its processes and their CPU seconds (user + system, from ``wait4``: the process and every worker it
    waited for), exit status and last output lines."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True, env=env)
        peak = 0
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_rss_kb(proc.pid))
            if time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read().decode("utf-8", errors="replace")
    return {
        "wall_s": round(time.perf_counter() - t0, 2),
        "peak_pss_mib": round(peak / 1024, 1),
        "max_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "rc": proc.returncode,
        "load": load_average(),
        "tail": text.strip().splitlines()[-4:],
    }


def memory_builds(work: Path, paths: list[Path], sizes: list[int], runs: int, before: Path | None,
                  timeout: float) -> dict:
    """Each size built with this checkout (``after``) and with the tree ``before``, alternating."""
    trees = {"after": None} if before is None else {"before": before, "after": None}
    out = {label: {} for label in trees}
    for n in sizes:
        corpus = corpus_dir(work, paths, n)
        for run in range(runs):
            for label, tree in trees.items():
                env = dict(os.environ)
                script = BUILD
                if tree is not None:
                    env["PYTHONPATH"] = str(tree) + os.pathsep + env.get("PYTHONPATH", "")
                    # a script's own folder comes first on sys.path: run the tree's, or this checkout's
                    # graph package would be imported whatever PYTHONPATH says
                    script = tree / BUILD.name if (tree / BUILD.name).exists() else BUILD
                dest = work / f"memory-{label}-{n}"
                cmd = [PY, str(script), str(corpus), "--out", str(dest), "--store", "oxigraph", "--jobs", "2",
                       "--no-cache"]
                print(f"{n} reports, {label}, run {run + 1} ...", flush=True)
                r = run_rusage(cmd, timeout, env)
                print(f"  {r['wall_s']} s, peak PSS {r['peak_pss_mib']} MiB, max RSS {r['max_rss_mib']} MiB, "
                      f"CPU {r['cpu_s']} s, load {r['load']}, rc {r['rc']}", flush=True)
                out[label].setdefault(str(n), []).append(r)
    return out


def memory_table(results: dict) -> str:
    """Markdown: per size and tree, the median of the runs."""
    lines = ["| reports | build | peak PSS (MiB) | max RSS (MiB) | CPU (s) | wall (s) | load | runs |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    sizes = sorted({int(n) for runs in results.values() for n in runs})
    for n in sizes:
        for label, by_size in results.items():
            rs = by_size.get(str(n), [])
            if not rs:
                continue

            def med(key: str) -> float:
                return statistics.median(r[key] for r in rs)

            lines.append(f"| {n:,} | {label} | {med('peak_pss_mib'):,.0f} | {med('max_rss_mib'):,.0f} | "
                         f"{med('cpu_s'):,.0f} | {med('wall_s'):,.0f} | {med('load'):.1f} | {len(rs)} |")
    return "\n".join(lines)


def _summary_value(tail: list[str], key: str) -> str:
    return next((line.split(":", 1)[1].strip() for line in tail if line.startswith(key + ":")), "")


# ---------------------------------------------------------------- the machine


def machine() -> dict:
    import importlib.metadata as md

    cpu = "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = "?"
    try:
        kib = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
        mem = f"{kib / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        pass
    versions = {}
    for pkg in ("rdflib", "pyoxigraph", "spacy", "pyshacl"):
        try:
            versions[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            versions[pkg] = "?"
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "memory": mem,
        "cpu": cpu,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "versions": versions,
    }


def load_average() -> float:
    return round(os.getloadavg()[0], 1)


# ---------------------------------------------------------------- the bundled report


PROFILE_STEPS = {
    "extraction (spaCy pipeline)": "extract_reports",
    "entity resolution": "resolve",
    "RDF (to_rdf)": "to_rdf",
    "indicators (issue 8)": "add_indicators",
    "SHACL validation (both shape files)": "problem",
    "TriG + Turtle serialisation": "serialize",
    "writing files": "write_files",
    "exports (issue 5)": "write_exports",
    "maps (issue 4)": "write_maps",
}


def bundled(work: Path, runs: int) -> dict:
    out = work / "bundled"
    cold = [run_measured([PY, str(BUILD), "--out", str(out / f"cold{i}"), "--no-cache"], 600) for i in range(runs)]
    run_measured([PY, str(BUILD), "--out", str(out / "warm")], 600)  # fills the cache
    warm = [run_measured([PY, str(BUILD), "--out", str(out / "warm")], 600) for _ in range(runs)]
    startup = [run_measured([PY, "-c", "import graph.cli"], 60)["wall_s"] for _ in range(runs)]
    profile = subprocess.run(
        [PY, "-c", (
            "import cProfile, pstats, json, time, sys\n"
            "from pathlib import Path\n"
            "t = time.perf_counter()\n"
            "from graph.build import build\n"
            "res = {'import graph.build': time.perf_counter() - t}\n"
            "pr = cProfile.Profile()\n"
            "t = time.perf_counter()\n"
            "pr.enable()\n"
            f"build(out_dir=Path({str(out / 'profiled')!r}))\n"
            "pr.disable()\n"
            "res['build() under cProfile'] = time.perf_counter() - t\n"
            "for (f, line, name), (cc, nc, tt, ct, callers) in pstats.Stats(pr).stats.items():\n"
            "    if name in sys.argv[1:] and '/graph/' in f:\n"
            "        res[name] = max(res.get(name, 0), ct)\n"
            "print(json.dumps(res))\n"
        ), *PROFILE_STEPS.values()],
        capture_output=True, text=True, cwd=ROOT,
    )
    try:
        steps = json.loads(profile.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        steps = {"error": profile.stderr.strip().splitlines()[-1:] or ["?"]}
    return {
        "cold_s": [r["wall_s"] for r in cold],
        "warm_s": [r["wall_s"] for r in warm],
        "peak_mib": max(r["peak_mib"] for r in cold),
        "import_cli_s": startup,
        "profile_s": steps,
        "rc": [r["rc"] for r in cold + warm],
        "load": load_average(),
    }


# ---------------------------------------------------------------- corpus and builds


def corpus_dir(work: Path, paths: list[Path], n: int) -> Path:
    """A folder with the first ``n`` reports of the corpus (and their sidecars), as symbolic links."""
    d = work / f"corpus-{n}"
    if not d.exists():
        d.mkdir(parents=True)
        for p in paths[:n]:
            for f in (p, p.with_name(p.stem + ".meta.yaml")):
                (d / f.name).symlink_to(f)
    return d


def build_size(work: Path, corpus: Path, n: int, store: str, timeout: float, extra: list[str] | None = None,
               out: Path | None = None) -> dict:
    out = out or work / f"out-{n}-{store}"
    cmd = [PY, str(BUILD), str(corpus), "--out", str(out), "--store", store, "--jobs", "2", *(extra or ["--no-cache"])]
    r = run_measured(cmd, timeout)
    r["triples"] = _summary_value(r["tail"], "triples")
    r["load"] = load_average()
    r["chars"] = sum(len(p.read_text(encoding="utf-8")) for p in corpus.glob("*.txt"))
    return r


def per_report(paths: list[Path], k: int = 3) -> dict:
    """Seconds per step for single synthetic reports, in one process (median of ``k`` reports)."""
    code = r"""
import json, statistics, sys, time
from pathlib import Path
from graph.build import read_report
from graph.extract.pipeline import extract
from graph.indicators import add_indicators
from graph.rdf import to_rdf
from graph.store import _shacl_problem, to_nquads
steps = {}
def timed(name, f, *a, **kw):
    t = time.perf_counter(); r = f(*a, **kw); steps.setdefault(name, []).append(time.perf_counter() - t); return r
extract(read_report(Path(sys.argv[1])))  # warm up: spaCy pipelines, lexicon
for p in sys.argv[1:]:
    report = timed("read (clean, metadata)", read_report, Path(p))
    ex = timed("extraction", extract, report)
    ds = timed("RDF (to_rdf)", to_rdf, [ex])
    timed("indicators (RDF)", add_indicators, ds, [ex], validate=False)
    quads, triples, trig = timed("N-Quads, union and TriG", to_nquads, ds)
    timed("SHACL, both shape files", _shacl_problem, ds, triples)
print(json.dumps({k: round(statistics.median(v), 3) for k, v in steps.items()}))
"""
    out = subprocess.run([PY, "-c", code, *map(str, paths[:k])], capture_output=True, text=True, cwd=ROOT)
    try:
        return json.loads(out.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": (out.stderr.strip().splitlines() or ["?"])[-1]}


def build_unvalidated(work: Path, corpus: Path, n: int, timeout: float) -> dict:
    """The same build with ``validate_shapes=False`` (Python API; the CLI always validates)."""
    out = work / f"out-{n}-oxigraph-unvalidated"
    code = ("import sys; from pathlib import Path; from graph.build import build; "
            "r = build([Path(sys.argv[1])], out_dir=Path(sys.argv[2]), store='oxigraph', jobs=2, "
            "validate_shapes=False); print('triples:', r.summary()['triples'])")
    r = run_measured([PY, "-c", code, str(corpus), str(out)], timeout)
    r["triples"] = _summary_value(r["tail"], "triples")
    r["load"] = load_average()
    return r


# ---------------------------------------------------------------- queries


def query_files() -> list[Path]:
    return sorted(QUERIES.glob("*.rq"))


def _worker(engine: str, target: str, skip: list[str]) -> None:
    """Child process: open the graph once, run every query, print one JSON line per event.

    ``engine`` is ``rdflib`` (``target``: a TriG file, loaded into ``Dataset(default_union=True)``,
    queries through :func:`graph.queries.run_text`) or ``oxigraph`` (``target``: a build's output
    folder with its persisted store; median of 3 runs, fewer when three would not fit in the timeout,
    which holds for the runs together).  Memory is capped so that a runaway query
    cannot take the machine down.
    """
    import resource
    import warnings

    warnings.simplefilter("ignore")
    cap = int(os.environ.get("BENCH_MEMORY_CAP_GIB", "12")) * 2**30
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    t = time.perf_counter()
    if engine == "rdflib":
        from rdflib import Dataset

        from graph.store.queries import load_query, run_text

        ds = Dataset(default_union=True)
        ds.parse(target, format="trig")

        from rdflib import RDFS, SKOS, Literal

        def named(label: str) -> bool:
            term = Literal(label, lang="zh")
            return (None, RDFS.label, term) in ds or (None, SKOS.altLabel, term) in ds

        def run(text: str, name: str, params: dict | None) -> int:
            declared = load_query(name[:-3]).params if params else None
            if params:  # an entity the synthetic corpus renames: by the name it has there
                kinds = {p.name: p.kind for p in declared}
                params = {k: next(filter(named, example_names(v)), v) if kinds.get(k) == "IRI" else v
                          for k, v in params.items()}
            return len(list(run_text(text, graph=ds, source=name, params=params, declared=declared)))

        repeat = 1
    else:
        from graph.store.oxigraph import open_store, run_query

        store = open_store(Path(target))

        def run(text: str, name: str, params: dict | None) -> int:
            bindings = oxigraph_bindings(store, name[:-3], params) if params else None
            rows = run_query(store, text, bindings)
            return 1 if isinstance(rows, bool) else sum(1 for _ in rows)

        repeat = 3
    print(json.dumps({"load_s": round(time.perf_counter() - t, 3)}), flush=True)
    timeout = float(os.environ.get("BENCH_QUERY_TIMEOUT", "120"))
    for q in query_files():
        for key, params in ((q.stem, None), (q.stem + EXAMPLE, example_params(q))):
            if key in skip or params == {}:
                continue
            print(json.dumps({"start": key}), flush=True)
            # each query in a forked child: the loaded graph is shared, and a query that runs too long is
            # stopped without loading the graph again
            child = os.fork()
            if child == 0:
                try:
                    runs = []
                    for _ in range(repeat):
                        t = time.perf_counter()
                        n = run(q.read_text(encoding="utf-8"), q.name, params)
                        runs.append(time.perf_counter() - t)
                        if sum(runs) * (repeat + 1) / len(runs) > timeout:  # the next runs would not fit
                            break
                    msg = {"query": key, "s": round(statistics.median(runs), 4), "rows": n}
                except MemoryError:
                    msg = {"query": key, "error": "out of memory (capped)"}
                except Exception as exc:
                    msg = {"query": key, "error": (str(exc).splitlines() or [type(exc).__name__])[0][:120]}
                print(json.dumps(msg), flush=True)
                os._exit(0)
            deadline = time.monotonic() + timeout
            while os.waitpid(child, os.WNOHANG) == (0, 0):
                if time.monotonic() > deadline:
                    os.kill(child, signal.SIGKILL)
                    os.waitpid(child, 0)
                    print(json.dumps({"query": key, "timeout": timeout}), flush=True)
                    break
                time.sleep(0.02)


EXAMPLE = " (example)"
_PARAM = re.compile(r"--param\s+([A-Za-z_]\w*)=(\S+)")


def example_params(path: Path) -> dict[str, str] | None:
    """The parameters of the query's ``Example:`` line; {} when it binds none (no second run)."""
    example = next((ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#   wujing-kg query")), "")
    return dict(_PARAM.findall(example))


def oxigraph_bindings(store, name: str, params: dict[str, str]) -> dict:
    """The example's values as terms; an entity given by its Chinese name is looked up in the store.

    The synthetic corpus renames most entities: a name the graph lacks is looked up again as town 0
    of the corpus calls it (``make_corpus.renamed``: 上海市养老科技产业园 -> 星澜市养老科技产业园), then as
    the renamed entity whose name it starts.
    """
    from rdflib import Literal

    from graph.store.queries import load_query, to_term
    from graph.store.oxigraph import run_query

    def entity(label: str):
        lookup = "SELECT ?e WHERE { { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } } LIMIT 1"
        rows = list(run_query(store, lookup, {"name": Literal(label, lang="zh")}))
        return rows[0]["e"] if rows else None

    kinds = {p.name: p.kind for p in load_query(name).params}
    out = {}
    for key, value in params.items():
        try:
            out[key] = to_term(value, kinds.get(key))
        except Exception:  # a name, not an IRI: find the entity by its label or alias
            found = next(filter(None, map(entity, example_names(value))), None)
            if found is None:
                raise LookupError(f"no entity named {value!r} in this graph") from None
            out[key] = found
    return out


def example_names(value: str) -> list[str]:
    """Where to look for an example's entity in the synthetic corpus: the name, the name town 0 gives it,
    then the renamed entities it starts (宁德时代 is extracted from 宁德时代未来能源研究院 by the lexicon,
    which does not know the renamed company)."""
    from make_corpus import renamed

    template = _template()
    return [value, renamed(value, template=template)] + [
        renamed(n, template=template) for n in template.renamed if n.startswith(value)]


@functools.lru_cache(maxsize=None)
def _template():
    """The corpus template (the bundled report, extracted), made once per process."""
    from make_corpus import Template

    return Template()


def engine_queries(engine: str, target: Path, timeout: float, load_timeout: float) -> dict:
    """Every query with one engine, each stopped after ``timeout`` seconds (the worker then restarts)."""
    result: dict = {"queries": {}}
    skip: list[str] = []
    peak = 0
    while True:
        env = {**os.environ, "BENCH_QUERY_TIMEOUT": str(timeout)}
        proc = subprocess.Popen([PY, __file__, "--worker", engine, str(target), *skip], stdout=subprocess.PIPE,
                                cwd=ROOT, start_new_session=True, env=env)
        fd = proc.stdout.fileno()
        pending = b""  # read the pipe unbuffered: a line left in a file object's buffer would not wake select()
        current, deadline = None, time.monotonic() + load_timeout
        finished, eof = True, False
        while not eof:
            ready, _, _ = select.select([fd], [], [], 1.0)
            peak = max(peak, _tree_rss_kb(proc.pid))
            if ready:
                chunk = os.read(fd, 1 << 16)
                eof = not chunk
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    msg = json.loads(line)
                    if "load_s" in msg:
                        result.setdefault("load_s", msg["load_s"])
                    elif "start" in msg:
                        current, deadline = msg["start"], time.monotonic() + 3 * timeout + 30
                    else:
                        result["queries"][msg["query"]] = {k: v for k, v in msg.items() if k != "query"}
                        current = None
                        deadline = time.monotonic() + 3 * timeout + 30
            elif time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                if current is None:  # still loading
                    result["load_s"] = f"> {load_timeout:.0f}"
                    break
                result["queries"][current] = {"timeout": timeout}
                finished = False
                break
        proc.wait()
        if current is not None and finished and current not in result["queries"]:
            result["queries"][current] = {"error": f"worker died (exit {proc.returncode})"}
            finished = False
        if finished or str(result.get("load_s", "")).startswith(">"):
            break
        skip = sorted(result["queries"])
    result["peak_mib"] = round(peak / 1024, 1)
    return result


#: The per-row cost of a looked-up value: the figures of one year, with 0 to 10 of their properties.
_LOOKUP_PROPERTIES = ["wji:kind", "wji:indicator", "wji:refArea", "wji:cluster", "wji:value", "wji:unit",
                      "wji:qualifier", "wji:statedAs", "wji:charStart", "prov:wasDerivedFrom"]


def lookup_cost(out: Path, period: str = "2025", runs: int = 3) -> dict:
    """What one looked-up value costs Oxigraph per row: the floor under a long listing.

    Times ``?obs wji:refPeriod "2025"`` joined with k of the figures' properties (k = 0, 2, ... 10;
    median of ``runs``) and fits a line: the slope is the time per row and property.  A listing of R rows
    that looks up P values per row takes at least R × P × slope.  Also times ``report_sections`` for the
    store's first report, against its time without parameters in the query table.

    >>> lookup_cost(Path("/tmp/wkg-bench/out-1000-oxigraph"))  # doctest: +SKIP
    {'rows': 15733, 'seconds': {'0': 0.06, '2': 0.41, ...}, 'us_per_lookup': 16.1, ...}
    """
    from pyoxigraph import Literal as OxLiteral
    from pyoxigraph import Variable

    from graph.store.oxigraph import open_store, run_query

    store = open_store(out)
    prefixes = ("PREFIX wji: <https://w3id.org/wujing-kg/ontology/indicators#> "
                "PREFIX prov: <http://www.w3.org/ns/prov#> ")
    seconds, rows = {}, 0
    for k in range(0, len(_LOOKUP_PROPERTIES) + 1, 2):
        body = " ".join(f"; {p} ?v{i}" for i, p in enumerate(_LOOKUP_PROPERTIES[:k]))
        text = f"{prefixes}SELECT * WHERE {{ ?obs wji:refPeriod ?period {body} }}"
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            rows = sum(1 for _ in store.query(text, substitutions={Variable("period"): OxLiteral(period)}))
            times.append(time.perf_counter() - t)
        seconds[str(k)] = round(statistics.median(times), 4)
    points = [(int(k), s) for k, s in seconds.items()]
    from bench_report import _fit

    _, slope, r2 = _fit(points)
    first = next(iter(run_query(store, "SELECT ?r WHERE { ?r a wj:Report } ORDER BY ?r LIMIT 1")))["r"]
    text = (QUERIES / "report_sections.rq").read_text(encoding="utf-8")
    times, sections = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        sections = sum(1 for _ in run_query(store, text, {"report": first}))
        times.append(time.perf_counter() - t)
    return {"period": period, "rows": rows, "seconds": seconds, "us_per_lookup": round(slope / rows * 1e6, 1),
            "r2": round(r2, 4), "load": load_average(),
            "report_sections_one_report": {"report": first.value, "s": round(statistics.median(times), 4),
                                           "rows": sections}}


# ---------------------------------------------------------------- maps


def map_times(out: Path, runs: int = 3) -> dict:
    maps = sorted((out / "maps").glob("*.html"))
    if not maps:
        return {"skipped": "no maps in this build"}
    try:
        from bench_maps import ARGS, CHROMIUM, open_times
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        return {"skipped": f"cannot measure: {exc}"}
    res = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for path in maps:
            try:
                t = open_times(browser, path, runs)
                res[path.stem] = {"ready_ms": statistics.median(t["ready"]), "wall_s": round(statistics.median(t["wall"]), 2),
                                  "kib": round(path.stat().st_size / 1024), "drawn": t["drawn"]}
            except BaseException as exc:  # a map too big to draw is a result too
                res[path.stem] = {"error": str(exc).splitlines()[0][:120], "kib": round(path.stat().st_size / 1024)}
        browser.close()
    return res


# ---------------------------------------------------------------- the run


def save(results: dict, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "wkg-bench")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--rdflib-max", type=int, default=100, help="largest size built and queried with rdflib")
    parser.add_argument("--runs", type=int, default=5, help="runs of the bundled build (default 5)")
    parser.add_argument("--unvalidated", type=int, nargs="*", default=[100],
                        help="sizes also built without SHACL validation, to show its share (default 100)")
    parser.add_argument("--build-timeout", type=float, default=7200)
    parser.add_argument("--query-timeout", type=float, default=300, help="seconds before an rdflib query is stopped")
    parser.add_argument("--report-only", action="store_true", help="only write docs/benchmarks.md from results")
    parser.add_argument("--memory", action="store_true", help="only measure the builds' memory (see above)")
    parser.add_argument("--memory-runs", type=int, default=1, help="with --memory: runs per size and tree (default 1)")
    parser.add_argument("--before", type=Path, default=None,
                        help="with --memory: a folder with another version of the graph package, built alternately")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker[0], args.worker[1], args.worker[2:])
        return

    args.work.mkdir(parents=True, exist_ok=True)
    if args.memory:
        from make_corpus import make_corpus

        paths = make_corpus(args.work / "corpus-all", max(args.sizes))
        memory = memory_builds(args.work, paths, args.sizes, args.memory_runs, args.before, args.build_timeout)
        (args.work / "memory.json").write_text(json.dumps({"machine": machine(), "results": memory},
                                                          ensure_ascii=False, indent=1), encoding="utf-8")
        print(memory_table(memory))
        return
    path = args.work / "results.json"
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if not args.report_only:
        results.setdefault("machine", machine())
        if "bundled" not in results:
            print("bundled report ...", flush=True)
            results["bundled"] = bundled(args.work, args.runs)
            save(results, path)
        from make_corpus import make_corpus

        corpus_all = args.work / "corpus-all"
        t0 = time.perf_counter()
        paths = make_corpus(corpus_all, max(args.sizes))
        results.setdefault("corpus", {"reports": max(args.sizes), "seconds": round(time.perf_counter() - t0, 1)})
        if "per_report" not in results:
            print("per-report steps ...", flush=True)
            results["per_report"] = per_report(paths)
            results["per_report"]["load"] = load_average()
            save(results, path)
        sizes = results.setdefault("sizes", {})
        for n in args.sizes:
            entry = sizes.setdefault(str(n), {})
            corpus = corpus_dir(args.work, paths, n)
            stores = ["oxigraph"] + (["rdflib"] if n <= args.rdflib_max else [])
            for store in stores:
                key = f"build_{store}"
                if key not in entry:
                    print(f"{n} reports: build --store {store} ...", flush=True)
                    entry[key] = build_size(args.work, corpus, n, store, args.build_timeout)
                    save(results, path)
                    print(f"  {entry[key]['wall_s']} s, {entry[key]['peak_mib']} MiB, rc {entry[key]['rc']}", flush=True)
            if n in args.unvalidated and "build_oxigraph_unvalidated" not in entry:
                print(f"{n} reports: build --store oxigraph without SHACL validation ...", flush=True)
                entry["build_oxigraph_unvalidated"] = build_unvalidated(args.work, corpus, n, args.build_timeout)
                save(results, path)
            ox_out = args.work / f"out-{n}-oxigraph"
            if "oxigraph_queries" not in entry and entry["build_oxigraph"]["rc"] == 0:
                print(f"{n} reports: queries with Oxigraph ...", flush=True)
                entry["oxigraph_queries"] = engine_queries("oxigraph", ox_out, args.query_timeout, 600)
                save(results, path)
            if n <= args.rdflib_max and "rdflib_queries" not in entry and entry["build_oxigraph"]["rc"] == 0:
                print(f"{n} reports: queries with rdflib ...", flush=True)
                entry["rdflib_queries"] = engine_queries("rdflib", ox_out / "wujing.trig", args.query_timeout,
                                                         args.build_timeout)
                save(results, path)
            rd_out = args.work / f"out-{n}-rdflib"
            if "maps" not in entry and (rd_out / "maps").is_dir():
                print(f"{n} reports: maps ...", flush=True)
                entry["maps"] = map_times(rd_out)
                save(results, path)
        largest = args.work / f"out-{max(args.sizes)}-oxigraph"
        if "lookup_cost" not in results and (largest / "oxigraph").is_dir():
            print(f"{max(args.sizes)} reports: the cost of a looked-up value ...", flush=True)
            results["lookup_cost"] = {"reports": max(args.sizes), **lookup_cost(largest)}
            save(results, path)
        n = 100 if 100 in args.sizes else min(args.sizes)  # one size is enough to show it
        if "incremental" not in sizes[str(n)]:
            print(f"{n} reports: cached build, then one more report ...", flush=True)
            out = args.work / f"out-{n}-cached"
            fill = build_size(args.work, corpus_dir(args.work, paths, n), n, "oxigraph", args.build_timeout,
                              extra=["--cache"], out=out)
            again = build_size(args.work, corpus_dir(args.work, paths, n), n, "oxigraph", args.build_timeout,
                               extra=["--cache"], out=out)
            plus = corpus_dir(args.work, paths, n + 1)
            one_more = build_size(args.work, plus, n + 1, "oxigraph", args.build_timeout, extra=["--cache"], out=out)
            sizes[str(n)]["incremental"] = {"fill": fill, "unchanged": again, "plus_one": one_more}
            save(results, path)
    from bench_report import write_report

    write_report(results, DOC)
    print(f"written: {DOC}")


if __name__ == "__main__":
    main()
