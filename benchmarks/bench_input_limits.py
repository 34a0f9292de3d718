"""Why the readers refuse what they refuse: the extractor's time against input size, and what a
parse costs for inputs built to blow it up.

Times :func:`graph.extract.pipeline.extract` on

* one sentence of N characters without 。！？； (report characters with the punctuation taken out):
  the time grows with the square of N, hence ``graph.readers.MAX_SENTENCE_CHARS``;
* the bundled report repeated K times (ordinary sentences): the time grows linearly, hence
  ``graph.readers.MAX_CHARS`` (about 45 s of extraction at the limit).

and reads each input of ``tests/bombs.py`` (a sidecar alias bomb, a deeply nested sidecar, a
``.docx`` zip bomb, a PDF whose page content unpacks 1,000 times, a page nested 100,000 deep, a page of a million tags) in a child process, with
the checks of :mod:`graph.text.readers.limits` and without them, and reports its time and peak
memory (the child is capped at ``--memory`` MB and ``--timeout`` seconds, so the benchmark never
takes the machine).

Usage::

    python benchmarks/bench_input_limits.py [--sentence 2500 5000 10000 20000] [--copies 1 4 16]
    python benchmarks/bench_input_limits.py --only parse [--memory 4000] [--timeout 60]

Figures measured on the project's 2-core machine (docs/robustness.md), two runs: sentences of
5,000 / 10,000 / 20,000 / 40,000 / 80,000 characters took 0.5-1.0 / 1.3-2.5 / 2.4-8.6 / 8-20 / 45-85 s;
the report x16 (215,000 characters) 9.3-9.7 s.  What the inputs that cost too much cost, with and
without their checks: docs/robustness.md, "Limits, and why".
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: name -> (how the input is made in ``tmp``, how it is read): code run in the child process
BOMBS = {
    "sidecar alias bomb (380 bytes)": ("(tmp / 'r.meta.yaml').write_text(bombs.alias_bomb())",
                                       "read_sidecar(tmp / 'r.meta.yaml')"),
    "sidecar nested 5,000 deep": ("(tmp / 'r.meta.yaml').write_text(bombs.nested_yaml(5000))",
                                  "read_sidecar(tmp / 'r.meta.yaml')"),
    ".docx zip bomb (0.5 MB -> 300 MB)": ("bombs.docx_bomb(tmp / 'b.docx', 300)", "read_text(tmp / 'b.docx')"),
    ".pdf bomb (0.3 MB -> 300 MB of page content)": ("bombs.pdf_bomb(tmp / 'b.pdf', 300)", "read_text(tmp / 'b.pdf')"),
    "page nested 100,000 deep": ("(tmp / 'd.html').write_text(bombs.nested_html(100_000))",
                                 "read_text(tmp / 'd.html')"),
    "page of 1,000,000 tags (7 MB)": ("(tmp / 't.html').write_text(bombs.flat_html(1_000_000))",
                                      "read_text(tmp / 't.html')"),
}

_CHILD = """
import sys, time, resource
from pathlib import Path
sys.path.insert(0, {tests!r})
import bombs
import graph.text.metadata, graph.text.readers.pdf, graph.text.readers.web, graph.text.readers.word
from graph.text.metadata import read_sidecar
from graph.text.readers import read_text
tmp = Path({tmp!r})
{make}
if not {checked}:
    off = lambda *args, **kw: None
    graph.text.metadata.check_yaml = off
    graph.text.readers.web.check_html_size = graph.text.readers.web.check_html_depth = off
    graph.text.readers.word.check_zip = off
    graph.text.readers.pdf.check_pdf = off
t0 = time.perf_counter()
try:
    {read}
    outcome = "read"
except Exception as exc:
    outcome = type(exc).__name__ + ": " + str(exc).replace(str(tmp) + "/", "")[:90]
print(f"{{time.perf_counter() - t0:.2f}}\t{{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}}\t{{outcome}}")
"""


def _bomb_row(name: str, checked: bool, memory_mb: int, timeout: float) -> str:
    make, read = BOMBS[name]
    with tempfile.TemporaryDirectory() as tmp:
        code = _CHILD.format(tests=str(ROOT / "tests"), tmp=tmp, make=make, read=read, checked=checked)

        def cap() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))

        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, preexec_fn=cap)
        t0 = time.perf_counter()
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return f"| {name} | {'yes' if checked else 'no'} | > {timeout:.0f} (stopped) | - | still parsing |"
        if proc.returncode != 0 or not out.strip():
            last = (err.strip().splitlines() or ["?"])[-1][:90]
            peak = f"> {memory_mb:,} (cap)" if "MemoryError" in err else "-"
            return f"| {name} | {'yes' if checked else 'no'} | {time.perf_counter() - t0:.2f} | {peak} | died: {last} |"
        seconds, peak, outcome = out.strip().split("\t", 2)
        return f"| {name} | {'yes' if checked else 'no'} | {seconds} | {int(peak):,} | {outcome} |"


def bombs(memory_mb: int, timeout: float) -> None:
    """What each input of ``tests/bombs.py`` costs to read (time and the child's peak memory, the
    Python interpreter and the readers' imports included), with the checks and without them."""
    print(f"\nchild processes capped at {memory_mb:,} MB of address space and {timeout:.0f} s")
    print("| input | checked | seconds | peak MB | outcome |")
    print("| --- | --- | ---: | ---: | --- |")
    for checked in (True, False):
        for name in BOMBS:
            print(_bomb_row(name, checked, memory_mb, timeout), flush=True)


def main() -> None:
    from graph.resources import DEFAULT_REPORT
    from graph.extract.pipeline import extract
    from graph.model import Report
    from graph.text.readers import MAX_CHARS, MAX_SENTENCE_CHARS
    from graph.text.clean import clean

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentence", type=int, nargs="*", default=[2500, 5000, 10000, 20000])
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 4, 16])
    parser.add_argument("--only", choices=["extract", "parse"], default=None,
                        help="extract: the extractor's time only; parse: the inputs that cost too much only")
    parser.add_argument("--memory", type=int, default=4000, help="MB of address space for each parse")
    parser.add_argument("--timeout", type=float, default=60, help="seconds for each parse")
    args = parser.parse_args()
    if args.only != "extract":
        bombs(args.memory, args.timeout)
    if args.only == "parse":
        return

    report = clean(DEFAULT_REPORT.read_text(encoding="utf-8"))
    extract(Report(slug="warm-up", text="吴泾镇。\n", year="2026"))  # build the pipelines once
    chars = "".join(c for c in report if c not in "。！？；!?;，、\n")
    print(f"limits: MAX_SENTENCE_CHARS={MAX_SENTENCE_CHARS:,}  MAX_CHARS={MAX_CHARS:,}")
    print("| input | characters | seconds | characters/s |")
    print("| --- | ---: | ---: | ---: |")
    for n in args.sentence:
        text = (chars * (n // len(chars) + 1))[:n] + "\n"
        t0 = time.perf_counter()
        extract(Report(slug="b", text=text, year="2026"))
        dt = time.perf_counter() - t0
        print(f"| one sentence | {n:,} | {dt:.2f} | {n / dt:,.0f} |", flush=True)
    for k in args.copies:
        text = report * k
        t0 = time.perf_counter()
        extract(Report(slug="b", text=text, year="2026"))
        dt = time.perf_counter() - t0
        print(f"| report x{k} | {len(text):,} | {dt:.2f} | {len(text) / dt:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
