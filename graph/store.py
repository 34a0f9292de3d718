"""Oxigraph as the store for large corpora: ``wujing-kg build --store oxigraph``.

The bundled build keeps everything in an rdflib :class:`~rdflib.Dataset`, which is fine for one
report (a few thousand triples) but needs about 1.3 GB and 15-20 s per SPARQL join at a million
triples.  With ``store="oxigraph"`` the build instead:

1. turns each report into RDF and validates it against ``ontology/shapes.ttl`` on its own, in a
   process pool (resolution, :mod:`graph.resolve`, has already made the cross-report facts agree:
   one class per entity, one fund size, achieved milestones not planned);
2. loads the reports' N-Quads into an on-disk Oxigraph store (pyoxigraph, RocksDB) at
   ``out/oxigraph/``, which stays there for fast querying (:func:`open_store`, :func:`run_query`);
3. writes ``wujing.trig`` and ``wujing.ttl`` from the store (Oxigraph's serialiser, ordered by the
   store's index: deterministic, but not byte-identical to rdflib's layout) and ``entities.csv``
   exactly as the rdflib build does.

The triples are the same as with rdflib: ``tests/test_merge_store.py`` compares the two builds quad
by quad.  In the persisted store the named graphs hold the facts as in ``wujing.trig`` and the
default graph holds their union (as in ``wujing.ttl``), so queries without ``GRAPH`` work as they do
on the Turtle file.

Examples
--------
>>> store = load_store(b'<https://e/a> <https://e/p> "1" <https://e/g> .', format="nq")
>>> [str(row["o"].value) for row in run_query(store, "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }")]
['1']
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .build import BuildError, BuildResult, entities_csv, shacl_summary, union_graph
from .model import Extraction
from .namespaces import PREFIXES
from .output import write_files

__all__ = [
    "STORES",
    "STORE_DIR",
    "OxigraphBuildResult",
    "build_with_oxigraph",
    "fill_union",
    "load_store",
    "open_store",
    "run_query",
    "to_oxigraph_term",
]

#: The stores ``build`` can use.
STORES = ("rdflib", "oxigraph")
#: The folder, inside the output folder, of the persisted Oxigraph store.
STORE_DIR = "oxigraph"

_BATCH_BYTES = 64 * 2**20
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_FORMATS = {
    "trig": "TRIG", "nq": "N_QUADS", "nquads": "N_QUADS", "ttl": "TURTLE", "turtle": "TURTLE", "nt": "N_TRIPLES",
}


@dataclass
class OxigraphBuildResult(BuildResult):
    """A build kept in Oxigraph: ``dataset`` and ``union`` are None, ``store`` holds the graph."""

    store: Any = None
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


def _format(name: str):
    from pyoxigraph import RdfFormat

    try:
        return getattr(RdfFormat, _FORMATS[name.lower().lstrip(".")])
    except KeyError:
        raise BuildError(f"unknown RDF format {name!r}: use one of {', '.join(sorted(_FORMATS))}") from None


def load_store(source: Path | str | bytes, format: str | None = None, path: Path | str | None = None):
    """A pyoxigraph Store holding an RDF file (TriG by default) or bytes; in memory unless ``path``."""
    from pyoxigraph import Store

    store = Store(str(path)) if path is not None else Store()
    if isinstance(source, bytes):
        store.load(source, format=_format(format or "trig"))
    else:
        source = Path(source)
        if not source.is_file():
            raise BuildError(f"{source}: file not found")
        try:
            store.bulk_load(path=str(source), format=_format(format or source.suffix))
        except SyntaxError as exc:
            raise BuildError(f"{source}: not valid RDF: {str(exc).splitlines()[0]}") from None
    return store


def open_store(out_dir: Path | str, read_only: bool = True):
    """The Oxigraph store a ``--store oxigraph`` build left in ``out_dir`` (``out/oxigraph/``)."""
    from pyoxigraph import Store

    path = Path(out_dir) / STORE_DIR
    if not path.is_dir():
        raise BuildError(f"{path}: no Oxigraph store here; build with --store oxigraph first")
    try:
        return Store.read_only(str(path)) if read_only else Store(str(path))
    except OSError as exc:
        raise BuildError(f"{path}: cannot open the Oxigraph store: {exc}") from None


def to_oxigraph_term(term):
    """An rdflib term (URIRef, Literal, BNode) as the pyoxigraph term with the same value."""
    from pyoxigraph import BlankNode, Literal as OxLiteral, NamedNode
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return NamedNode(str(term))
    if isinstance(term, BNode):
        return BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return OxLiteral(str(term), language=term.language)
        if term.datatype:
            return OxLiteral(str(term), datatype=NamedNode(str(term.datatype)))
        return OxLiteral(str(term))
    return term


def run_query(store, text: str, bindings: dict[str, Any] | None = None, union: bool | None = None):
    """Run a SPARQL query on a pyoxigraph Store; ``bindings`` (variable name -> term) are substituted.

    rdflib terms in ``bindings`` are converted.  The default graph is the union of all graphs (as
    rdflib's ``Dataset(default_union=True)``): the store's own default graph when it holds the union
    (a store built with ``--store oxigraph`` does), else Oxigraph's ``use_default_graph_as_union``
    (``union=True`` forces it), which repeats a triple once per graph that holds it: fine for
    ``DISTINCT`` answers, slower for big joins.  A bound variable that the query does not select is
    bound by a trailing ``VALUES`` clause instead.
    """
    from pyoxigraph import DefaultGraph, Variable

    if union is None:
        union = next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is None

    subs = {Variable(k): to_oxigraph_term(v) for k, v in (bindings or {}).items()}
    try:
        return store.query(text, use_default_graph_as_union=union, substitutions=subs or None, prefixes=PREFIXES)
    except RuntimeError:
        if not subs:
            raise
    # Oxigraph substitutes only variables of the SELECT clause: bind the others with a VALUES block at
    # the start of the WHERE clause, so that FILTERs see them as rdflib's initBindings do
    block = f"VALUES ({' '.join(f'?{k}' for k in bindings)}) {{ ({' '.join(str(t) for t in subs.values())}) }}"
    where = _WHERE.search(text)
    if where is None:
        raise BuildError("cannot bind variables the query does not select: it has no WHERE {")
    text = f"{text[: where.end()]} {block} {text[where.end():]}"
    return store.query(text, use_default_graph_as_union=union, prefixes=PREFIXES)


# ---------------------------------------------------------------- the build


def _report_nquads(job) -> tuple[bool, bytes | str]:
    """One report as N-Quads, validated on its own: (True, nquads) or (False, one-line problem)."""
    ex, meta, validate_shapes = job
    from .ontology import OntologyError, validate
    from .rdf import to_rdf
    from .reports import add_descriptions

    # the same steps as the rdflib build in graph/build.py, for one report
    ds = to_rdf([ex])
    if meta is not None:
        add_descriptions(ds, [meta])
    from .indicators import add_indicators  # figures as RDF Data Cube observations (issue 8)

    try:
        add_indicators(ds, [ex], validate=validate_shapes)
    except BuildError as exc:
        return False, str(exc)
    if validate_shapes:
        try:
            conforms, text = validate(union_graph(ds))
        except OntologyError as exc:
            return False, str(exc)
        if not conforms:
            problem = f"report {ex.report.slug}: {shacl_summary(text)}"
            return False, f"the built graph does not conform to ontology/shapes.ttl: {problem}"
    return True, ds.serialize(format="nquads", encoding="utf-8")


def _fill(store, extractions: list[Extraction], metas: dict, validate_shapes: bool, jobs: int,
          cache_dir: Path | None = None) -> None:
    from pyoxigraph import RdfFormat

    from .batch import parallel_imap
    from .cache import RDFCache, rdf_key

    cache = RDFCache(cache_dir) if cache_dir is not None else None
    keys: list[str] = []
    todo: list[int] = []
    # quads are loaded as they come, a few tens of MB at a time: memory stays flat, and the store gets
    # a few large files rather than one per report
    batch: list[bytes] = []
    size = 0

    def load(nquads: bytes) -> None:
        nonlocal batch, size
        batch.append(nquads)
        size += len(nquads)
        if size > _BATCH_BYTES:
            store.bulk_load(b"".join(batch), format=RdfFormat.N_QUADS)
            batch, size = [], 0

    for i, ex in enumerate(extractions):
        key = rdf_key(ex, metas.get(ex.report.slug), validate_shapes) if cache is not None else ""
        keys.append(key)
        hit = cache.get(key) if cache is not None else None
        if hit is None:
            todo.append(i)
        else:
            load(hit)
    jobs_ = [(extractions[i], metas.get(extractions[i].report.slug), validate_shapes) for i in todo]
    for j, (ok, payload) in parallel_imap(_report_nquads, jobs_, jobs=jobs, desc="to RDF"):
        if not ok:
            raise BuildError(payload)
        if cache is not None:
            cache.put(keys[todo[j]], payload)
        load(payload)
    if batch:
        store.bulk_load(b"".join(batch), format=RdfFormat.N_QUADS)


def _dump(store, path: Path, fmt, **kwargs) -> None:
    """Dump atomically: into a temporary file beside ``path``, then rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        store.dump(output=tmp, format=fmt, prefixes=PREFIXES, **kwargs)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fill_union(store) -> None:
    """Copy every triple of the named graphs into the default graph (once: the store keeps a set).

    Streamed, so memory stays flat: a SPARQL ``INSERT ... WHERE { GRAPH ?g ... }`` would first hold
    every solution in memory (about 1.5 KB a quad).
    """
    from pyoxigraph import DefaultGraph, Quad

    store.bulk_extend(
        Quad(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, None)
        if not isinstance(q.graph_name, DefaultGraph)
    )


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
) -> OxigraphBuildResult:
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

    t0 = time.perf_counter()
    metas = metas or {}
    if out_dir is None:
        store = Store()
        _fill(store, extractions, metas, validate_shapes, jobs, cache_dir)
        fill_union(store)
        triples, graphs = _counts(store)
        result = OxigraphBuildResult(extractions, None, None, store=store, triples=triples, graphs=graphs)
        result.seconds = time.perf_counter() - t0
        return result

    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".oxigraph-", dir=out_dir))
    except OSError as exc:
        raise BuildError(f"{out_dir}: cannot write output: {exc.strerror or exc}") from None
    try:
        store = Store(str(work))
        _fill(store, extractions, metas, validate_shapes, jobs, cache_dir)
        files = [out_dir / "wujing.trig", out_dir / "wujing.ttl", out_dir / "entities.csv"]
        _dump(store, files[0], RdfFormat.TRIG)
        fill_union(store)  # the default graph becomes the union of all graphs: what wujing.ttl holds
        _dump(store, files[1], RdfFormat.TURTLE, from_graph=DefaultGraph())
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
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    result = OxigraphBuildResult(
        extractions, None, None, files=files, store=open_store(out_dir), triples=triples, graphs=graphs
    )
    result.seconds = time.perf_counter() - t0
    return result
