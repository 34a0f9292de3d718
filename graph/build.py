"""Build the knowledge graph: read reports, extract, convert to RDF, validate, write ``out/``.

Examples
--------
>>> result = build([DEFAULT_REPORT], out_dir=None)   # doctest: +SKIP
>>> result.summary()["triples"] > 1000                # doctest: +SKIP
True
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from graph.corpus.batch import extract_reports
from graph.corpus.resolve import resolve
from graph.errors import BuildError
from graph.exports.entities import entities_csv
from graph.exports.formats import write_exports
from graph.extract.figures import IndicatorError
from graph.maps.render import write_maps
from graph.model import Extraction, top_class
from graph.network.convert import to_networkx
from graph.output import write_files
from graph.oxigraph_build import build_with_oxigraph
from graph.rdf.baselines import add_to_dataset
from graph.rdf.convert import to_rdf, union_graph
from graph.rdf.cube import add_indicators
from graph.rdf.reports import add_descriptions
from graph.rdf.turtle import serialize
from graph.resources import DEFAULT_OUT, DEFAULT_REPORT
from graph.text.metadata import describe, read_report
from graph.text.readers import ReadError, expand_inputs
from graph.validate.conformance import problem
from graph.validate.ontology import OntologyError


@dataclass
class BuildResult:
    extractions: list[Extraction]
    dataset: Dataset
    union: Graph
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)

    def summary(self) -> dict:
        entities = Counter(top_class(e.cls) for ex in self.extractions for e in ex.entities.values())
        distinct = {(r.subject, r.predicate, r.object) for ex in self.extractions for r in ex.relations}
        relations = Counter(p for _, p, _ in distinct)
        relations["hasMilestone"] = len(
            {(m.project, m.stage, m.period) for ex in self.extractions for m in ex.milestones}
        )
        return {
            "reports": len(self.extractions),
            "entities": dict(sorted(entities.items())),
            "relations": dict(sorted(relations.items())),
            "triples": len(self.union),
            "graphs": sum(1 for g in self.dataset.graphs() if len(g)),
            "seconds": round(self.seconds, 2),
        }



@dataclass
class OxigraphBuildResult(BuildResult):
    """A build kept in Oxigraph: ``dataset`` and ``union`` are None, ``store`` holds the graph."""
    store: object = None
    triples: int = 0
    graphs: int = 0

    def summary(self) -> dict:
        return BuildResult.summary(_Counted(self))


class _Counted:
    """What :meth:`BuildResult.summary` reads, with the counts taken from the store."""
    def __init__(self, result: OxigraphBuildResult):
        self.extractions = result.extractions
        self.seconds = result.seconds
        self.union = range(result.triples)  # len() is all summary needs
        self.dataset = _Graphs(result.graphs)


class _Graphs:
    def __init__(self, n: int):
        self.n = n

    def graphs(self):
        return iter([range(1)] * self.n)  # non-empty graphs: summary counts those with len() > 0

    contexts = graphs


def build(
    inputs: list[Path] | None = None,
    out_dir: Path | None = DEFAULT_OUT,
    use_lexicon: bool = True,
    validate_shapes: bool = True,
    encoding: str | None = None,
    store: str = "rdflib",
    cache_dir: Path | None = None,
    jobs: int = 1,
    meta: dict | None = None,
) -> BuildResult:
    """Build the graph of ``inputs`` (default: the bundled report) and write it to ``out_dir``.

    A folder in ``inputs`` stands for every supported file in it; ``encoding`` forces the encoding
    of text and HTML inputs.  The files of ``out_dir`` are replaced only once all are written.
    Raises :class:`BuildError` with a one-line message for anything the user can fix.

    Many reports (see the README's "Many reports"): ``meta`` (key -> value, as ``--meta``) and each
    input's sidecar ``NAME.meta.yaml`` describe the reports (:mod:`graph.reports`); extractions are
    cached under ``cache_dir`` by content hash (:mod:`graph.cache`) and the rest run in ``jobs``
    processes (:mod:`graph.batch`); entities are resolved across reports (:mod:`graph.resolve`,
    written to ``resolution.csv``); ``store="oxigraph"`` keeps the graph in Oxigraph (:mod:`graph.store`).
    """
    t0 = time.perf_counter()
    try:
        paths = expand_inputs([Path(p) for p in (inputs or [DEFAULT_REPORT])])
    except ReadError as exc:
        raise BuildError(str(exc)) from exc
    if store not in ("rdflib", "oxigraph"):
        raise BuildError(f"unknown store {store!r}: use rdflib or oxigraph")

    described = [describe(read_report(p, encoding), p, meta) for p in paths]
    reports = [r for r, _ in described]
    metas = {m.slug: m for _, m in described}
    slugs = Counter(r.slug for r in reports)
    dupes = [s for s, n in slugs.items() if n > 1]
    if dupes:
        raise BuildError(f"two inputs have the same name {dupes[0]!r}: rename one")
    reports.sort(key=lambda r: r.slug)  # the order of the inputs never changes the output
    extractions, _ = extract_reports(reports, use_lexicon=use_lexicon, jobs=jobs, cache_dir=cache_dir)
    resolution = resolve(extractions, use_lexicon=use_lexicon)
    extractions = resolution.extractions
    if store == "oxigraph":

        stored = build_with_oxigraph(extractions, metas, out_dir, validate_shapes, jobs,
                                     {"resolution.csv": resolution.to_csv()}, cache_dir)
        result = OxigraphBuildResult(extractions, None, None, files=stored.files, store=stored.store,
                                     triples=stored.triples, graphs=stored.graphs)
        result.seconds = time.perf_counter() - t0
        return result
    ds = to_rdf(extractions)
    add_descriptions(ds, list(metas.values()))

    try:
        add_indicators(ds, extractions)
    except IndicatorError as exc:  # e.g. a malformed ontology/indicators.tsv: one line, no traceback
        raise BuildError(str(exc)) from exc

    add_to_dataset(ds)  # each target's baseline, read across reports
    union = union_graph(ds)
    if validate_shapes:  # ontology/shapes.ttl and ontology/indicator-shapes.ttl

        try:
            found = problem(union)
        except OntologyError as exc:
            raise BuildError(str(exc)) from exc
        if found:
            raise BuildError(found)
    result = BuildResult(extractions, ds, union)
    if out_dir is not None:
        trig, ttl = serialize(ds, union)
        out_dir = Path(out_dir)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            files = {
                out_dir / "wujing.trig": trig,
                out_dir / "wujing.ttl": ttl,
                out_dir / "entities.csv": entities_csv(extractions),
                out_dir / "resolution.csv": resolution.to_csv(),
            }
            write_files(files)  # all or nothing: a failed or killed build leaves the previous files

            G = to_networkx(ds)  # one networkx graph for the exports and the maps
            exported = write_exports(ds, out_dir / "exports", G=G, union=union)

            exported += write_maps(ds, out_dir / "maps", G=G)
        except OSError as exc:
            raise BuildError(f"{out_dir}: cannot write output: {exc.strerror or exc}") from None
        result.files = list(files) + exported
    result.seconds = time.perf_counter() - t0
    return result
