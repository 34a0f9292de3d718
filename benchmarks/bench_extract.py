"""CPU time per character of the extractor on the real corpus, this checkout against another one.

Extracts every report of ``corpus/reports/`` in one process (with the lexicon, after a warm-up)
and prints the CPU time (``time.process_time``: the other processes of a shared machine count
less than in wall time) per character.  ``--before DIR`` runs the same in a checkout of an older
commit (``git worktree add /tmp/before b74edf3``), alternating with this one, ``--runs`` times
each, and prints the medians and their ratio.  Nothing is written.

    python benchmarks/bench_extract.py --before /tmp/before --runs 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in a child whose sys.path starts with the checkout: the extractor, and the reader of that
# checkout (graph.text.metadata now, graph.build before the layers).
CHILD = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
try:
    from graph.text.metadata import read_report
except ImportError:
    from graph.build import read_report
from graph.extract.pipeline import extract
import graph
assert graph.__file__.startswith(sys.argv[1]), graph.__file__
reports = [read_report(p) for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
extract(reports[0], use_lexicon=True)  # loads the pipeline
start = time.process_time()
for r in reports:
    extract(r, use_lexicon=True)
seconds = time.process_time() - start
print(json.dumps({"reports": len(reports), "chars": sum(len(r.text) for r in reports), "seconds": seconds}))
"""


def measure(checkout: Path, corpus: Path) -> dict:
    """One whole-process run in ``checkout``: reports, characters and CPU seconds."""
    out = subprocess.run([sys.executable, "-c", CHILD, str(checkout.resolve()), str(corpus.resolve())],
                         capture_output=True, text=True, check=True, cwd="/")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another checkout to compare with")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "reports")
    args = parser.parse_args(argv)
    checkouts = {"after": ROOT} | ({"before": args.before} if args.before else {})
    per_char: dict[str, list[float]] = {name: [] for name in checkouts}
    for _ in range(args.runs):
        for name, checkout in checkouts.items():
            run = measure(checkout, args.corpus)
            per_char[name].append(run["seconds"] / run["chars"] * 1e6)
            print(f"{name}: {run['reports']} reports, {run['chars']:,} characters, {run['seconds']:.2f} s CPU")
    medians = {name: statistics.median(values) for name, values in per_char.items()}
    for name, value in medians.items():
        print(f"{name}: median {value:.2f} µs per character")
    if "before" in medians:
        print(f"after / before: {medians['after'] / medians['before']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
