"""The RDF part of a ``--store oxigraph`` build: every report to N-Quads, validated, into Oxigraph.

See :mod:`graph.store.oxigraph` for the store and why it is used for large corpora.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import URIRef

from graph.corpus.batch import parallel_imap
from graph.corpus.cache import RDFCache, rdf_key
from graph.errors import BuildError
from graph.exports.entities import entities_csv
from graph.model import Extraction
from graph.output import write_files
from graph.rdf.baselines import oxigraph_links
from graph.rdf.convert import to_rdf
from graph.rdf.cube import INDICATORS_GRAPH, WJI, add_indicators
from graph.rdf.reports import add_descriptions
from graph.store.oxigraph import (
    _BATCH_BYTES,
    STORE_DIR,
    _dump,
    open_store,
    to_nquads,
    trig_prefixes,
)
from graph.validate.conformance import problem
from graph.validate.ontology import OntologyError


@dataclass(frozen=True)
class StoreBuild:
    """What an Oxigraph build leaves: the store, the files written, and its size."""
    store: Any
    files: list
    triples: int
    graphs: int


# ---------------------------------------------------------------- the build


def _report_nquads(job) -> tuple[bool, bytes | str]:
    """One report as N-Quads, validated on its own: (True, nquads) or (False, one-line problem)."""
    ex, meta, validate_shapes = job

    # the same steps as the rdflib build in graph/build.py, for one report
    ds = to_rdf([ex])
    if meta is not None:
        add_descriptions(ds, [meta])

    add_indicators(ds, [ex])
    quads, triples, trig = to_nquads(ds)
    if validate_shapes:
        problem = _shacl_problem(ds, triples)
        if problem:
            return False, f"report {ex.report.slug}: {problem}"
    # default-graph lines of N-Quads are triples: loaded as they are, they fill the union
    return True, quads + triples + _TRIG_MARK + trig


#: Between a report's N-Quads (named graphs, then their union as default-graph lines) and its TriG,
#: in what a worker returns and the cache keeps.
_TRIG_MARK = b"# TriG\n"


def _shacl_problem(ds, triples: bytes) -> str | None:
    """Why one report's graph does not conform to the shapes (both files), or None."""
    try:
        return problem(ds, triples)
    except OntologyError as exc:
        return str(exc)


def _fill(store, extractions: list[Extraction], metas: dict, validate_shapes: bool, jobs: int,
          cache_dir: Path | None, trig_path: Path | None) -> None:
    """Load every report's named graphs and their union (the default graph) into ``store``, and write
    the reports' TriG to ``trig_path`` in build order (None: no TriG)."""
    from pyoxigraph import RdfFormat


    cache = RDFCache(cache_dir) if cache_dir is not None else None
    keys: list[str] = []
    todo: list[int] = []
    # quads are loaded as they come, a few tens of MB at a time: memory stays flat, and the store gets
    # a few large files rather than one per report
    batch: list[bytes] = []
    size = 0
    trig = trig_path.open("wb") if trig_path is not None else None
    if trig is not None:
        trig.write(trig_prefixes().encode("utf-8"))

    def load(payload: bytes) -> None:
        nonlocal batch, size
        nquads, _, chunk = payload.partition(_TRIG_MARK)
        if trig is not None:
            trig.write(chunk)
        batch.append(nquads)
        size += len(nquads)
        if size > _BATCH_BYTES:
            store.bulk_load(b"".join(batch), format=RdfFormat.N_QUADS)
            batch, size = [], 0

    for ex in extractions:
        key = rdf_key(ex, metas.get(ex.report.slug), validate_shapes) if cache is not None else ""
        keys.append(key)
    hits = {i for i, key in enumerate(keys) if cache is not None and cache.has(key)}
    todo = [i for i in range(len(extractions)) if i not in hits]
    jobs_ = [(extractions[i], metas.get(extractions[i].report.slug), validate_shapes) for i in todo]
    results = parallel_imap(_report_nquads, jobs_, jobs=jobs, desc="to RDF")
    done: dict[int, bytes] = {}  # finished out of order, waiting for their turn (the TriG is in build order)
    try:
        for i in range(len(extractions)):
            payload = cache.get(keys[i]) if i in hits else None
            if payload is None:
                if i in hits:  # vanished or unreadable since has(): make it now
                    ok, payload = _report_nquads((extractions[i], metas.get(extractions[i].report.slug), validate_shapes))
                    if not ok:
                        raise BuildError(payload)
                else:
                    while i not in done:
                        j, (ok, got) = next(results)
                        if not ok:
                            raise BuildError(got)
                        if cache is not None:
                            cache.put(keys[todo[j]], got)
                        done[todo[j]] = got
                    payload = done.pop(i)
            load(payload)
        if batch:
            store.bulk_load(b"".join(batch), format=RdfFormat.N_QUADS)
            batch, size = [], 0
        load(_baseline_payload(store))  # read across reports: once they are all in the store
        store.bulk_load(b"".join(batch), format=RdfFormat.N_QUADS)
    finally:
        results.close()
        if trig is not None:
            trig.close()


def _baseline_payload(store) -> bytes:
    """The ``wji:baseline`` links of the targets in ``store`` (:mod:`graph.baselines`), as a report's
    payload: N-Quads of the indicators graph and of the default graph, then TriG."""
    from rdflib import Dataset


    ds = Dataset()
    g = ds.graph(INDICATORS_GRAPH)
    for target, base in oxigraph_links(store):
        g.add((URIRef(target), WJI.baseline, URIRef(base)))
    quads, triples, trig = to_nquads(ds)
    return quads + triples + _TRIG_MARK + trig


def _counts(store) -> tuple[int, int]:
    triples = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value
    graphs = sum(1 for _ in store.named_graphs())  # the default graph (the union) is not one of them
    return int(triples), graphs


def build_with_oxigraph(
    extractions: list[Extraction],
    metas: dict | None,
    out_dir: Path | None,
    validate_shapes: bool = True,
    jobs: int = 1,
    extra_files: dict[str, str] | None = None,
    cache_dir: Path | None = None,
) -> StoreBuild:
    """The RDF part of a build, in Oxigraph (see the module docstring).

    Parameters
    ----------
    extractions
        The resolved extractions, in build order.
    metas
        Report slug -> :class:`~graph.reports.ReportMeta` (descriptions to add), or None.
    out_dir
        Where to write ``wujing.trig``, ``wujing.ttl``, ``entities.csv``, the ``extra_files``
        (name -> text) and the store ``oxigraph/``; None keeps the store in memory.
    cache_dir
        Where :class:`~graph.cache.RDFCache` keeps each report's validated N-Quads; None: no cache.
    """
    from pyoxigraph import DefaultGraph, RdfFormat, Store

    metas = metas or {}
    if out_dir is None:
        store = Store()
        _fill(store, extractions, metas, validate_shapes, jobs, cache_dir, None)
        triples, graphs = _counts(store)
        return StoreBuild(store, [], triples, graphs)

    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".oxigraph-", dir=out_dir))
        scratch = Path(tempfile.mkdtemp(prefix=".trig-", dir=out_dir))
    except OSError as exc:
        raise BuildError(f"{out_dir}: cannot write output: {exc.strerror or exc}") from None
    try:
        store = Store(str(work))
        trig = scratch / "wujing.trig"
        _fill(store, extractions, metas, validate_shapes, jobs, cache_dir, trig)
        files = [out_dir / "wujing.trig", out_dir / "wujing.ttl", out_dir / "entities.csv"]
        _dump(store, files[1], RdfFormat.TURTLE, from_graph=DefaultGraph())  # the union
        os.replace(trig, files[0])
        triples, graphs = _counts(store)
        store.flush()
        del store
        gc.collect()  # the store's files are closed when the object goes
        tables = {files[2]: entities_csv(extractions), **{out_dir / n: t for n, t in (extra_files or {}).items()}}
        write_files(tables)
        files += list(tables)[1:]
        final = out_dir / STORE_DIR
        old = out_dir / f".{STORE_DIR}-old"
        if old.exists():
            shutil.rmtree(old)
        if final.exists():
            final.rename(old)
        work.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise BuildError(f"{out_dir}: cannot write output: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return StoreBuild(open_store(out_dir), files, triples, graphs)
