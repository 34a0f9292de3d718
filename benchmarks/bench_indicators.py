"""What the indicators add to a build: reading the figures, writing the Data Cube, checking it.

Times, for the bundled report, :func:`graph.indicators.extract_indicators`,
:func:`graph.indicators.add_observations` (with the concept scheme) and
:func:`graph.indicators.validate_indicators` on :func:`graph.indicators.cube_graph`; then the same
for the report repeated K times (as K reports with their own slugs, so every observation is new).

Usage::

    python benchmarks/bench_indicators.py [--copies 1 4] [--repeat 3]

Figures measured on the project's 2-core machine while other jobs ran (load about 4): the bundled
report (170 observations, 4,141 triples to check) read in 0.02 s, RDF 0.10 s, SHACL 1.2 s; four
copies (680 observations) 0.07 s, 0.38 s and 6.4 s.  SHACL dominates: pyshacl parses the SPARQL of
the integrity constraints on every run and rdflib evaluates them slowly.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace


def _time(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    from rdflib import Dataset

    from graph.resources import DEFAULT_REPORT
    from graph.text.metadata import read_report
    from graph.extract.figures import extract_indicators
    from graph.rdf.cube import INDICATORS_GRAPH, add_observations, cube_graph, indicators_graph
    from graph.validate.cube import validate_indicators

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 4])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    report = read_report(DEFAULT_REPORT)
    validate_indicators(indicators_graph())  # warm up pyshacl
    for k in args.copies:
        reports = [replace(report, slug=f"{report.slug}-{i}") for i in range(k)]
        t_read, results = _time(lambda: [extract_indicators(r) for r in reports], args.repeat)

        def to_rdf():
            ds = Dataset()
            meta = ds.graph(INDICATORS_GRAPH)
            for triple in indicators_graph():
                meta.add(triple)
            for result in results:
                add_observations(ds, result)
            return ds

        t_rdf, ds = _time(to_rdf, args.repeat)
        cube = cube_graph(ds)
        t_shacl, report = _time(lambda: validate_indicators(cube), args.repeat)
        conforms = report.conforms
        n = sum(len(r.observations) for r in results)
        print(f"reports {k:2d}  observations {n:5d}  read {t_read:6.2f} s  rdf {t_rdf:6.2f} s  "
              f"shacl {t_shacl:6.2f} s  triples {len(cube):6d}  conforms {conforms}")


if __name__ == "__main__":
    main()
