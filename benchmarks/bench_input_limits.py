"""Why the readers refuse long sentences and long reports: the extractor's time against input size.

Times :func:`graph.extract.pipeline.extract` on

* one sentence of N characters without 。！？； (report characters with the punctuation taken out):
  the time grows with the square of N, hence ``graph.readers.MAX_SENTENCE_CHARS``;
* the bundled report repeated K times (ordinary sentences): the time grows linearly, hence
  ``graph.readers.MAX_CHARS`` (about 45 s of extraction at the limit).

Usage::

    python benchmarks/bench_input_limits.py [--sentence 2500 5000 10000 20000] [--copies 1 4 16]

Figures measured on the project's 2-core machine (docs/robustness.md), two runs: sentences of
5,000 / 10,000 / 20,000 / 40,000 / 80,000 characters took 0.5-1.0 / 1.3-2.5 / 2.4-8.6 / 8-20 / 45-85 s;
the report x16 (215,000 characters) 9.3-9.7 s.
"""

from __future__ import annotations

import argparse
import time


def main() -> None:
    from graph.resources import DEFAULT_REPORT
    from graph.extract.pipeline import extract
    from graph.model import Report
    from graph.text.readers import MAX_CHARS, MAX_SENTENCE_CHARS
    from graph.text.clean import clean

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentence", type=int, nargs="*", default=[2500, 5000, 10000, 20000])
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 4, 16])
    args = parser.parse_args()

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
