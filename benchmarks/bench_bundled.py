"""The bundled build against the bare imports it cannot avoid: ``python build_graph.py`` over
``python -c "import spacy, rdflib, networkx, pyvis.network"``.

Runs, alternating so that the shared machine's load falls on all three alike, ``--runs`` times each:
the bare imports; the build without cache (``--no-cache``, cold); the build with the extraction
cache (warm, after one build that fills it).  Each is a whole process (Python start-up included);
wall time and CPU time (user + system of the process and every child it waited for, from a
blocking ``wait4``, to the millisecond) are measured.  The ratios build / imports are of the medians; on a loaded machine the CPU
ratio is the steadier one (the 1-minute load average is recorded with every run).

Usage::

    python benchmarks/bench_bundled.py [--runs 5] [--label after] [--work /tmp/wkg-bundled] [--docs]

``--docs`` keeps the result under its label in ``docs/benchmarks-bundled.json`` (``before`` and
``after`` side by side) and writes the table of the section "Bundled build against its imports"
of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_scale import BUILD, PY, load_average, machine  # noqa: E402

KEPT = ROOT / "docs" / "benchmarks-bundled.json"
DOC = ROOT / "docs" / "benchmarks.md"
IMPORTS = "import spacy, rdflib, networkx, pyvis.network"
HEADING = "## Bundled build against its imports"
HEADER = ("| | imports wall / CPU (s) | cold build wall / CPU (s) | warm build wall / CPU (s) | "
          "cold / imports wall, CPU | warm / imports wall, CPU | load (1 min) |")


def run_cpu(cmd: list[str], timeout: float) -> dict:
    """Run ``cmd`` to its end: wall seconds and CPU seconds (user + system of the process and the
    children it waited for, from a blocking ``wait4``: no polling, so both to the millisecond)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        log.seek(0)
        tail = log.read().decode("utf-8", errors="replace").splitlines()[-5:]
    return {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "rc": os.waitstatus_to_exitcode(status), "load": load_average(), "tail": tail}


def measure(work: Path, runs: int) -> dict:
    """``runs`` alternating runs of the imports, the cold build and the warm build."""
    commands = {
        "imports": [PY, "-c", IMPORTS],
        "cold": [PY, str(BUILD), "--out", str(work / "cold"), "--no-cache"],
        "warm": [PY, str(BUILD), "--out", str(work / "warm")],
    }
    run_cpu(commands["warm"], 600)  # fills the cache of the warm builds
    found: dict[str, list[dict]] = {k: [] for k in commands}
    for i in range(runs):
        for key, cmd in commands.items():
            r = run_cpu(cmd, 600)
            assert r["rc"] == 0, r["tail"]
            found[key].append({"wall_s": r["wall_s"], "cpu_s": r["cpu_s"], "load": r["load"]})
            print(f"run {i + 1} {key}: {r['wall_s']} s wall, {r['cpu_s']} s CPU, load {r['load']}", flush=True)
    med = {k: {m: statistics.median(x[m] for x in v) for m in ("wall_s", "cpu_s")} for k, v in found.items()}
    ratios = {f"{k}/imports {m}": round(med[k][m] / med["imports"][m], 2)
              for k in ("cold", "warm") for m in ("wall_s", "cpu_s")}
    return {"runs": found, "medians": med, "ratios": ratios, "load_end": load_average(), "machine": machine()}


def row(label: str, r: dict) -> str:
    """The Markdown row of one kept result: its medians and ratios."""
    med, rat = r["medians"], r["ratios"]
    loads = [x["load"] for v in r["runs"].values() for x in v]
    return (f"| {label} | {med['imports']['wall_s']:.2f} / {med['imports']['cpu_s']:.2f} "
            f"| {med['cold']['wall_s']:.2f} / {med['cold']['cpu_s']:.2f} "
            f"| {med['warm']['wall_s']:.2f} / {med['warm']['cpu_s']:.2f} "
            f"| {rat['cold/imports wall_s']:.2f}×, {rat['cold/imports cpu_s']:.2f}× "
            f"| {rat['warm/imports wall_s']:.2f}×, {rat['warm/imports cpu_s']:.2f}× "
            f"| {min(loads):.1f}–{max(loads):.1f} |")


def table(kept: dict, written: str = "") -> str:
    """The Markdown table: the rows already ``written`` in order, those of a kept label rewritten,
    then the kept labels not written yet (rows typed in by hand, with no JSON, stay as they are).

    >>> r = {"medians": {k: {"wall_s": 1.0, "cpu_s": 1.0} for k in ("imports", "cold", "warm")},
    ...      "ratios": {f"{k}/imports {m}": 1.0 for k in ("cold", "warm") for m in ("wall_s", "cpu_s")},
    ...      "runs": {"cold": [{"load": 0.5}]}}
    >>> [line.split(" | ")[0] for line in table({"new": r}, "| old | typed |").splitlines()[2:]]
    ['| old', '| new']
    """
    lines = [HEADER, "|---|---:|---:|---:|---:|---:|---:|"]
    seen = set()
    for line in written.splitlines():
        label = line.split("|")[1].strip() if line.startswith("| ") else ""
        if not label or line in lines:
            continue
        seen.add(label)
        lines.append(row(label, kept[label]) if label in kept else line)
    lines += [row(label, r) for label, r in kept.items() if label not in seen]
    return "\n".join(lines)


def write_docs(kept: dict, doc: Path = DOC) -> None:
    """Rewrite the table under ``HEADING`` in ``doc`` (the prose around it stays as written)."""
    text = doc.read_text(encoding="utf-8")
    start = text.index(HEADING)
    begin = text.index("| |", start)
    end = text.index("\n\n", begin)
    doc.write_text(text[:begin] + table(kept, text[begin:end]) + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each of the three (default 5)")
    parser.add_argument("--label", default="after", help="the name of this measurement (before, after ...)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "wkg-bundled")
    parser.add_argument("--docs", action="store_true", help="keep the result and rewrite the table in docs/benchmarks.md")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    result = measure(args.work, args.runs)
    print(json.dumps(result["ratios"]))
    (args.work / f"{args.label}.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if args.docs:
        kept = json.loads(KEPT.read_text(encoding="utf-8")) if KEPT.exists() else {}
        kept[args.label] = result
        KEPT.write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        write_docs(kept)
    return 0


if __name__ == "__main__":
    sys.exit(main())
