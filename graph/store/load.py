"""Load the reports' RDF into a backend: one report at a time, in worker processes where that pays.

Each report becomes its own Dataset (:func:`report_rdf`: its sentence graphs, its provenance, its
description and its indicators).  For a backend that loads N-Quads fast (Oxigraph,
``Backend.parallel_load``), the Datasets are made in a process pool and sent back as N-Quads, each
cached by content (:class:`~graph.corpus.cache.RDFCache`) so that a rebuild remakes only the
reports that changed; rdflib builds them in this process, which costs less than parsing N-Quads.
Either way the backend receives the same quads, report by report in build order.

Examples
--------
>>> from graph.model import Report
>>> from graph.extract.pipeline import extract
>>> from graph.store.backend import RdflibBackend
>>> backend = RdflibBackend()
>>> load_reports(backend, [extract(Report(slug="t", text="推动纳鸿微球落地。\\n", year="2026"))], {})
>>> backend.count_graphs(), backend.count_triples() > 10  # a sentence, provenance, indicators
(3, True)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from rdflib import Dataset

from graph.corpus.batch import parallel_imap
from graph.corpus.cache import RDFCache, rdf_key
from graph.errors import BuildError
from graph.extract.figures import IndicatorError
from graph.model import Extraction
from graph.rdf.convert import to_rdf
from graph.rdf.cube import add_indicators
from graph.rdf.reports import add_descriptions
from graph.store.backend import Backend
from graph.store.oxigraph import to_nquads

__all__ = ["load_reports", "report_rdf"]


def report_rdf(ex: Extraction, meta=None) -> Dataset:
    """One report's graphs: its facts by sentence, provenance, description (``meta``) and indicators.

    Raises :class:`~graph.errors.BuildError` (one line) when the indicators cannot be made, e.g. a
    malformed ``ontology/indicators.tsv``.
    """
    ds = to_rdf([ex])
    if meta is not None:
        add_descriptions(ds, [meta])
    try:
        add_indicators(ds, [ex])
    except IndicatorError as exc:
        raise BuildError(str(exc)) from exc
    return ds


def _report_nquads(job) -> tuple[bool, bytes | str]:
    """A worker's job: one report as N-Quads (named graphs, then their union): (True, bytes) or
    (False, one-line problem)."""
    ex, meta = job
    try:
        quads, triples = to_nquads(report_rdf(ex, meta))
    except BuildError as exc:
        return False, f"report {ex.report.slug}: {exc}"
    return True, quads + triples


def load_reports(backend: Backend, extractions: Sequence[Extraction], metas: dict, jobs: int = 1,
                 cache_dir: Path | None = None, scheduler: str | None = None) -> None:
    """Add every report's graphs to ``backend``, in the order of ``extractions``.

    ``extractions`` is read in order, one report at a time, and at most a few reports per worker
    ahead: a lazy sequence (:class:`graph.corpus.stream.ResolvedReports`) that reads each from disk
    keeps a build of any size in bounded memory.  With ``cache_dir`` each report is read twice: once
    for the key of its RDF, once more to make the RDF when the cache does not have it.

    Parameters
    ----------
    backend
        Where the graphs go (:mod:`graph.store.backend`).
    extractions
        The resolved extractions, in build order.
    metas
        Report slug -> :class:`~graph.text.metadata.ReportMeta` (the descriptions to add).
    jobs
        Worker processes, for a backend that loads N-Quads (``parallel_load``).
    cache_dir
        Where each report's N-Quads are kept for the next build; None: no cache.
    scheduler
        Make the N-Quads on this Dask cluster instead (:mod:`graph.corpus.executors`).
    """
    if not backend.parallel_load:
        for ex in extractions:
            backend.add(report_rdf(ex, metas.get(ex.report.slug)))
        return
    cache = RDFCache(cache_dir) if cache_dir is not None else None
    keys: list[str] = []
    if cache is not None:
        keys = [rdf_key(ex, metas.get(ex.report.slug), False) for ex in extractions]
    hits = {i for i, key in enumerate(keys) if cache.has(key)}
    todo = [i for i in range(len(extractions)) if i not in hits]

    def jobs_of(indexes: list[int]) -> Iterator[tuple[Extraction, object]]:
        for i in indexes:
            ex = extractions[i]
            yield ex, metas.get(ex.report.slug)

    results = parallel_imap(_report_nquads, jobs_of(todo), jobs=jobs, desc="to RDF", scheduler=scheduler,
                            total=len(todo))
    done: dict[int, bytes] = {}  # finished out of order, waiting for their turn
    try:
        for i in range(len(extractions)):
            payload = cache.get(keys[i]) if i in hits else None
            if payload is None and i in hits:  # vanished or unreadable since has(): make it now
                ok, payload = _report_nquads(next(jobs_of([i])))
                if not ok:
                    raise BuildError(payload)
            elif payload is None:
                while i not in done:
                    j, (ok, got) = next(results)
                    if not ok:
                        raise BuildError(got)
                    if cache is not None:
                        cache.put(keys[todo[j]], got)
                    done[todo[j]] = got
                payload = done.pop(i)
            backend.add_nquads(payload)
    finally:
        results.close()
