"""Build the knowledge graph: read reports, extract, resolve, RDF per report, store, validate, write ``out/``.

One path for both stores (:mod:`graph.store.backend`): read -> extract (:mod:`graph.corpus.batch`)
-> resolve across reports (:mod:`graph.corpus.resolve`) -> each report's RDF into the backend
(:mod:`graph.store.load`) -> targets' baselines, read across reports (:mod:`graph.rdf.baselines`) ->
SHACL validation of the whole graph -> outputs (TriG, Turtle, CSV, exports, maps; with Oxigraph
also the store ``oxigraph/``), all written before any is renamed into place.

Examples
--------
>>> result = build([DEFAULT_REPORT], out_dir=None)   # doctest: +SKIP
>>> result.summary()["triples"] > 1000                # doctest: +SKIP
True
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef

from graph.corpus.ahead import worth_it
from graph.corpus.cache import extractor_version
from graph.corpus.stream import resolve_reports
from graph.errors import BuildError
from graph.exports.entities import EntityTable
from graph.exports.formats import export_writers
from graph.extract.figures import load_indicators
from graph.extract.unplaced import unplaced_csv
from graph.extract.vocabulary import load_vocabulary
from graph.forked import ForkFailed, fork_call
from graph.maps import render
from graph.maps.render import map_writers
from graph.model import ENTITY_CLASSES, RELATION_PROPERTIES, Extraction, top_class
from graph.network.convert import to_networkx
from graph.output import replace_all, stage_file, temporary_folder
from graph.rdf.baselines import baselines
from graph.rdf import cube
from graph.rdf.cube import INDICATORS_GRAPH, WJI
from graph.rdf.namespaces import WJ
from graph.resources import DEFAULT_OUT, DEFAULT_REPORT
from graph.store.backend import GRAPH_FILE, Backend, OxigraphBackend, RdflibBackend
from graph.store.load import load_reports
from graph.store.oxigraph import STORE_DIR, STORES
from graph.text.metadata import describe, read_report
from graph.text.readers import ReadError, expand_inputs
from graph.validate import conformance
from graph.validate.ontology import OntologyError
from graph.validate.results import one_line

__all__ = ["BuildResult", "add_baselines", "build", "warm_up"]


@dataclass
class BuildResult:
    """What a build made: the extractions, the backend holding the graph, the files written.

    ``summary()`` counts what the backend holds.  ``dataset`` and ``union`` are the rdflib Dataset
    and union Graph (an Oxigraph build copies its union into memory for ``union``).
    """
    extractions: Sequence[Extraction]  # read from disk on demand (graph.corpus.stream.ResolvedReports)
    backend: Backend
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)
    unplaced: list = field(default_factory=list)  # what was left out (graph.extract.unplaced)

    @property
    def dataset(self) -> Dataset:
        if not isinstance(self.backend, RdflibBackend):
            raise AttributeError("an Oxigraph build has no rdflib Dataset: use result.backend")
        return self.backend.dataset

    @property
    def union(self) -> Graph:
        return self.backend.union()

    @property
    def triples(self) -> int:
        return self.backend.count_triples()

    def summary(self) -> dict:
        """Reports, entities per top-level class, relations per property, triples and graphs, seconds."""
        b = self.backend
        local = {WJ[c]: c for c in ENTITY_CLASSES}
        entities = Counter(top_class(local[o]) for _, _, o in b.triples((None, RDF.type, None)) if o in local)
        relations = Counter({p: sum(1 for _ in b.triples((None, WJ[p], None))) for p in RELATION_PROPERTIES})
        relations = +relations  # the properties the graph uses
        relations["hasMilestone"] = sum(1 for _ in b.triples((None, WJ.hasMilestone, None)))
        return {
            "reports": len(self.extractions),
            "entities": dict(sorted(entities.items())),
            "relations": dict(sorted(relations.items())),
            "triples": b.count_triples(),
            "graphs": b.count_graphs(),
            "seconds": round(self.seconds, 2),
        }


def add_baselines(backend: Backend) -> int:
    """Link each target to its baseline (``wji:baseline``, :mod:`graph.rdf.baselines`), once every
    report is in ``backend``; returns how many links were added."""
    def pairs(predicate: str):
        return ((str(s), str(o)) for s, _, o in backend.triples((None, URIRef(predicate), None)))

    links = baselines(pairs)
    ds = Dataset()
    g = ds.graph(INDICATORS_GRAPH)
    for target, base in links:
        g.add((URIRef(target), WJI.baseline, URIRef(base)))
    if links:
        backend.add(ds)
    return len(links)


def _new_backend(store: str, out_dir: Path | None) -> tuple[Backend, Path | None]:
    """The backend to build into; an on-disk Oxigraph store starts in a temporary folder of ``out_dir``."""
    if store == "rdflib":
        return RdflibBackend(), None
    if out_dir is None:
        return OxigraphBackend.create(), None
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        work = temporary_folder(out_dir, prefix=f".{STORE_DIR}-")  # 0777 minus the umask, as mkdir gives
    except OSError as exc:
        raise BuildError(f"{out_dir}: cannot write output: {exc.strerror or exc}") from None
    return OxigraphBackend.create(work), work


def _write_outputs(backend: Backend, out_dir: Path, tables: dict[str, str], work: Path | None,
                   check_beside: bool = False) -> list[Path]:
    """Every output of a build, all complete before any replaces the previous build's.

    Each file is written into a temporary file beside its place as soon as it is made, and dropped
    (the tables, then the exports and the maps one at a time, then the TriG and Turtle streamed from
    the backend), so that no two are in memory at once; then the files are renamed into place, then
    the store's folder.  With ``check_beside`` the shapes check and the maps run in a forked process
    while this one writes the rest (:func:`_check_and_stage_maps`); a forked process that dies leaves
    both to this one.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    streamed: list[tuple[str, Path]] = []
    forked = fork_call(lambda: _check_and_stage_maps(backend, out_dir)) if check_beside else None
    try:
        for name, text in tables.items():
            _stage(streamed, out_dir / name, lambda fh, text=text: fh.write(text.encode("utf-8")))
        G = to_networkx(backend)  # one networkx graph for the exports and the maps
        for path, write in export_writers(backend, out_dir / "exports", G=G):
            _stage(streamed, path, write)
        maps_at = len(streamed)
        if forked is None:
            for path, write in map_writers(backend, out_dir / "maps", G=G):
                _stage(streamed, path, write)
        del G
        for name, write in ((GRAPH_FILE, backend.write_trig), ("wujing.ttl", backend.write_turtle)):
            _stage(streamed, out_dir / name, write)
        if forked is not None:
            try:
                maps = forked.result()
            except ForkFailed:
                maps = _check_and_stage_maps(backend, out_dir)
            forked = None
            streamed[maps_at:maps_at] = maps
        backend.close()  # an Oxigraph store's files must be closed before its folder moves
        replace_all(streamed)
    finally:
        if forked is not None:
            forked.stop()
        for tmp, _ in streamed:
            Path(tmp).unlink(missing_ok=True)
    # the store of the previous build goes too: a folder's graph is then the one just written
    final, old = out_dir / STORE_DIR, out_dir / f".{STORE_DIR}-old"
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    if work is not None:
        work.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    files = [path for _, path in streamed]
    return files[-2:] + files[:-2] + ([final] if work is not None else [])  # the TriG and Turtle first


def _stage(staged: list[tuple[str, Path]], path: Path, write) -> None:
    """Write ``path`` into a temporary file beside it and add (temporary name, path) to ``staged``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staged.append((stage_file(path, write), path))


def _check_and_stage_maps(backend: Backend, out_dir: Path) -> list[tuple[str, Path]]:
    """Check the shapes (:func:`check_shapes`), then write the maps into temporary files: (temporary
    name, path) of each.  What it wrote is removed if anything fails."""
    check_shapes(backend)
    staged: list[tuple[str, Path]] = []
    try:
        for path, write in map_writers(backend, out_dir / "maps"):
            _stage(staged, path, write)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    return staged


def check_shapes(backend: Backend) -> None:
    """Validate the whole graph against ontology/shapes.ttl and ontology/indicator-shapes.ttl;
    :class:`BuildError` with one line when it does not conform or the shapes cannot be read."""
    try:
        report = backend.check()
    except OntologyError as exc:
        raise BuildError(str(exc)) from exc
    if not report.conforms:
        raise BuildError(one_line(report))


def _fork_outputs(paths: list[Path], jobs: int, scheduler: str | None, store: str) -> bool:
    """Whether the shapes check and the maps go to a forked process: a build of one report with two
    CPUs to run on, as for its extraction (:func:`graph.corpus.ahead.worth_it`), into rdflib (an
    Oxigraph store's files must not be shared with a forked process; a build of many reports keeps
    its memory to one process)."""
    return store == "rdflib" and worth_it(paths, jobs, scheduler)


def warm_up() -> None:
    """Make what a build needs whatever its reports: the extractor's version (the cache keys), the
    vocabularies and indicator concepts, the shapes and the ontology, the maps' script and template.

    For a caller with time to spare before its extraction arrives, as ``wujing-kg build`` has while
    :mod:`graph.corpus.ahead` extracts.  Each is kept once made, so :func:`build` then skips making
    it; without this it makes them as it goes, with the same result.
    """
    extractor_version()
    load_vocabulary()
    load_indicators()
    cube.warm_up()
    try:
        conformance.warm_up()
    except OntologyError:  # build() says it, in one line, when it checks the shapes
        pass
    render.warm_up()


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
    scheduler: str | None = None,
    extracted: Path | None = None,
) -> BuildResult:
    """Build the graph of ``inputs`` (default: the bundled report) and write it to ``out_dir``.

    A folder in ``inputs`` stands for every supported file in it; ``encoding`` forces the encoding
    of text and HTML inputs.  The files of ``out_dir`` are replaced only once all are written.
    Raises :class:`BuildError` with a one-line message for anything the user can fix.

    Many reports (see the README's "Many reports"): ``meta`` (key -> value, as ``--meta``) and each
    input's sidecar ``NAME.meta.yaml`` describe the reports (:mod:`graph.text.metadata`); extractions
    are cached under ``cache_dir`` by content hash (:mod:`graph.corpus.cache`) and the rest run in
    ``jobs`` processes (:mod:`graph.corpus.batch`); entities are resolved across reports
    (:mod:`graph.corpus.resolve`, written to ``resolution.csv``).  ``scheduler`` (``"local"`` or
    ``"tcp://HOST:8786"``) runs the per-report work on a Dask cluster instead of the process pool
    (:mod:`graph.corpus.executors`), with the same result.  ``store`` is ``"rdflib"`` (in
    memory) or ``"oxigraph"`` (an Oxigraph store, left in ``out_dir/oxigraph/``): the same graph, the
    same files.  ``extracted`` is a folder of extractions another process made for this build
    (:mod:`graph.corpus.ahead`), taken like cached ones.
    """
    t0 = time.perf_counter()
    try:
        paths = expand_inputs([Path(p) for p in (inputs or [DEFAULT_REPORT])])
    except ReadError as exc:
        raise BuildError(str(exc)) from exc
    if store not in STORES:
        raise BuildError(f"unknown store {store!r}: use rdflib or oxigraph")

    described = [describe(read_report(p, encoding), p, meta) for p in paths]
    reports = [r for r, _ in described]
    metas = {m.slug: m for _, m in described}
    slugs = Counter(r.slug for r in reports)
    dupes = [s for s, n in slugs.items() if n > 1]
    if dupes:
        raise BuildError(f"two inputs have the same name {dupes[0]!r}: rename one")
    reports.sort(key=lambda r: r.slug)  # the order of the inputs never changes the output
    # pass 1: extractions to disk, names in memory, resolved from the names; pass 2 (load_reports)
    # reads each back resolved, without what the graph cannot hold, and gathers the tables on the way
    table = EntityTable()
    extractions = resolve_reports(reports, use_lexicon=use_lexicon, jobs=jobs, cache_dir=cache_dir,
                                  scheduler=scheduler, first_visit=table.add, extracted=extracted)
    del reports, described

    out_dir = Path(out_dir) if out_dir is not None else None
    backend, work = _new_backend(store, out_dir)
    try:
        load_reports(backend, extractions, metas, jobs=jobs, cache_dir=cache_dir, scheduler=scheduler)
        add_baselines(backend)
        forking = out_dir is not None and validate_shapes and _fork_outputs(paths, jobs, scheduler, store)
        if validate_shapes and not forking:  # the shapes, on the whole graph
            check_shapes(backend)
        assert extractions.visited, "every report goes through load_reports"
        result = BuildResult(extractions, backend, unplaced=extractions.unplaced)
        if out_dir is not None:
            tables = {"entities.csv": table.to_csv(), "resolution.csv": extractions.resolution().to_csv(),
                      "unplaced.csv": unplaced_csv(result.unplaced)}
            try:
                result.files = _write_outputs(backend, out_dir, tables, work, check_beside=forking)
            except OSError as exc:
                raise BuildError(f"{out_dir}: cannot write output: {exc.strerror or exc}") from None
            if work is not None:
                result.backend = OxigraphBackend.open(out_dir)
    except BaseException:
        backend.close()
        raise
    finally:
        if work is not None and work.exists():
            shutil.rmtree(work, ignore_errors=True)
    result.seconds = time.perf_counter() - t0
    return result
