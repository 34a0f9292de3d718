"""Oxigraph as the store for large corpora: ``wujing-kg build --store oxigraph``.

The bundled build keeps everything in an rdflib :class:`~rdflib.Dataset`, which is fine for one
report (a few thousand triples) but needs about 1.3 GB and 15-20 s per SPARQL join at a million
triples.  With ``store="oxigraph"`` the build instead:

1. turns each report into RDF and validates it against ``ontology/shapes.ttl`` on its own, in a
   process pool (resolution, :mod:`graph.resolve`, has already made the cross-report facts agree:
   one class per entity, one fund size, achieved milestones not planned);
2. loads the reports' N-Quads into an on-disk Oxigraph store (pyoxigraph, RocksDB) at
   ``out/oxigraph/``, which stays there for fast querying (:func:`open_store`, :func:`run_query`),
   then the links that read across reports: each target's ``wji:baseline`` (:mod:`graph.baselines`);
3. writes ``wujing.trig`` from the reports' TriG, one after the other in build order (full IRIs, one
   statement a line: deterministic, but not rdflib's layout), ``wujing.ttl`` from the store's default
   graph (Oxigraph's serialiser) and ``entities.csv`` exactly as the rdflib build does.

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

from rdflib import URIRef

from .build import BuildError, BuildResult, entities_csv
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
    """Run a SPARQL query on a pyoxigraph Store; ``bindings`` (variable name -> term) are bound.

    rdflib terms in ``bindings`` are converted.  The default graph is the union of all graphs (as
    rdflib's ``Dataset(default_union=True)``): the store's own default graph when it holds the union
    (a store built with ``--store oxigraph`` does), else Oxigraph's ``use_default_graph_as_union``
    (``union=True`` forces it), which repeats a triple once per graph that holds it: fine for
    ``DISTINCT`` answers, slower for big joins.

    The bindings are a ``VALUES`` block at the start of the (outermost) ``WHERE`` clause, as rdflib's
    ``initBindings`` bind them, so that Oxigraph starts from the bound values; and, when the query
    selects them all, Oxigraph's own ``substitutions`` too, which reach into subqueries.  Either alone
    can be slow: substitutions only, ``report_sections`` for one report takes 2.3 s instead of 0.01 s
    at 1,000 reports; VALUES only, ``changes_between_years`` for two years 7.2 s instead of 2.3 s at 100.
    """
    from pyoxigraph import DefaultGraph

    if union is None:
        union = next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is None
    if not bindings:
        return store.query(text, use_default_graph_as_union=union, prefixes=PREFIXES)
    from pyoxigraph import BlankNode, Variable

    from .queries import _blank  # the text without IRIs, strings and comments, positions kept

    terms = {k: to_oxigraph_term(v) for k, v in bindings.items()}
    where = _WHERE.search(_blank(text))
    if where is None or any(isinstance(v, BlankNode) for v in terms.values()):
        # no WHERE keyword (SELECT * { ... }), or a blank node, which VALUES cannot hold: Oxigraph's
        # substitutions bind what the query selects
        subs = {Variable(k): v for k, v in terms.items()}
        return store.query(text, use_default_graph_as_union=union, substitutions=subs, prefixes=PREFIXES)
    block = f"VALUES ({' '.join(f'?{k}' for k in terms)}) {{ ({' '.join(str(v) for v in terms.values())}) }}"
    text = f"{text[: where.end()]} {block} {text[where.end():]}"
    try:  # and substituted too where Oxigraph can: that reaches the subqueries that select the variable
        return store.query(text, use_default_graph_as_union=union, prefixes=PREFIXES,
                           substitutions={Variable(k): v for k, v in terms.items()})
    except RuntimeError:  # a variable the query does not select
        return store.query(text, use_default_graph_as_union=union, prefixes=PREFIXES)


# ---------------------------------------------------------------- the build


def _report_nquads(job) -> tuple[bool, bytes | str]:
    """One report as N-Quads, validated on its own: (True, nquads) or (False, one-line problem)."""
    ex, meta, validate_shapes = job
    from .rdf import to_rdf
    from .reports import add_descriptions

    # the same steps as the rdflib build in graph/build.py, for one report
    ds = to_rdf([ex])
    if meta is not None:
        add_descriptions(ds, [meta])
    from .indicators import add_indicators  # figures as RDF Data Cube observations (issue 8)

    add_indicators(ds, [ex], validate=False)
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
    from .conformance import problem
    from .ontology import OntologyError

    try:
        return problem(ds, triples)
    except OntologyError as exc:
        return str(exc)


def to_nquads(ds) -> tuple[bytes, bytes, bytes]:
    r"""A report's Dataset as N-Quads, the N-Triples of its union (each triple once) and TriG, UTF-8.

    Each is sorted (graphs by name, then statements), so the same Dataset gives the same bytes.  The
    TriG has one statement a line, IRIs shortened by :data:`TRIG_PREFIXES` (declared once, by
    :func:`trig_prefixes`); the TriG of many reports put one after the other is still valid TriG (a
    graph may have several blocks).

    Examples
    --------
    >>> from rdflib import Dataset, Literal, URIRef
    >>> ds = Dataset()
    >>> g = ds.graph(URIRef("https://w3id.org/wujing-kg/id/report/r/s0001"))
    >>> _ = g.add((URIRef("https://e/a"), URIRef("https://e/p"), Literal('say "hi"', lang="zh")))
    >>> quads, triples, trig = to_nquads(ds)
    >>> quads
    b'<https://e/a> <https://e/p> "say \\"hi\\""@zh <https://w3id.org/wujing-kg/id/report/r/s0001> .\n'
    >>> print(trig.decode(), end="")
    id:report\/r\/s0001 {
        <https://e/a> <https://e/p> "say \"hi\""@zh .
    }
    <BLANKLINE>
    """
    from rdflib import BNode, Literal

    from .turtle import quote

    cache: dict = {}
    short: dict = {}

    def pname(term) -> str:
        """A prefixed name (``id:report\\/x\\/s0001``) where one of :data:`TRIG_PREFIXES` fits, else <iri>."""
        found = short.get(term)
        if found is None:
            found = nt(term)
            if isinstance(term, URIRef):
                for prefix, ns in _BY_LENGTH:
                    if term.startswith(ns):
                        local = term[len(ns):]
                        if _PN_LOCAL.fullmatch(local):
                            found = f"{prefix}:{local.replace('/', chr(92) + '/')}"
                        break
            short[term] = found
        return found

    def nt(term) -> str:
        found = cache.get(term)
        if found is None:
            if isinstance(term, URIRef):
                found = f"<{term}>"
            elif isinstance(term, BNode):
                found = f"_:{term}"
            elif isinstance(term, Literal):
                text = quote(str(term))  # valid in N-Triples too
                if term.language:
                    found = f"{text}@{term.language}"
                elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
                    found = f"{text}^^<{term.datatype}>"
                else:
                    found = text
            else:
                raise TypeError(f"not an RDF term: {term!r}")
            cache[term] = found
        return found

    quads, trig, seen = [], [], set()
    for ctx in sorted(ds.graphs(), key=lambda c: str(c.identifier)):
        triples = sorted(ctx)
        if not triples:
            continue
        lines = [f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in triples]
        seen.update(lines)
        body = "".join(f"    {pname(s)} {'a' if p == _RDF_TYPE else pname(p)} {pname(o)} .\n" for s, p, o in triples)
        if str(ctx.identifier) == _DEFAULT:
            quads += [f"{line} .\n" for line in lines]
            trig.append("{\n" + body + "}\n\n")
            continue
        name = nt(ctx.identifier)
        quads += [f"{line} {name} .\n" for line in lines]
        trig.append(f"{pname(ctx.identifier)} {{\n" + body + "}\n\n")
    triples = "".join(f"{line} .\n" for line in sorted(seen))
    return "".join(quads).encode("utf-8"), triples.encode("utf-8"), "".join(trig).encode("utf-8")


def trig_prefixes() -> str:
    """The ``@prefix`` lines that the TriG of :func:`to_nquads` relies on."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(TRIG_PREFIXES.items())) + "\n"


def _trig_prefix_table() -> dict[str, str]:
    from .indicators import INDICATOR, QB, WJI

    return {**PREFIXES, "wji": str(WJI._NS), "qb": str(QB), "indicator": str(INDICATOR)}


#: Prefixes of the TriG an Oxigraph build writes.
TRIG_PREFIXES = _trig_prefix_table()
_BY_LENGTH = sorted(TRIG_PREFIXES.items(), key=lambda item: -len(item[1]))
_PN_LOCAL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_./-]*[A-Za-z0-9_/-])?")
_RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_DEFAULT = "urn:x-rdflib:default"


def _fill(store, extractions: list[Extraction], metas: dict, validate_shapes: bool, jobs: int,
          cache_dir: Path | None, trig_path: Path | None) -> None:
    """Load every report's named graphs and their union (the default graph) into ``store``, and write
    the reports' TriG to ``trig_path`` in build order (None: no TriG)."""
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

    from .baselines import oxigraph_links
    from .indicators import INDICATORS_GRAPH, WJI

    ds = Dataset()
    g = ds.graph(INDICATORS_GRAPH)
    for target, base in oxigraph_links(store):
        g.add((URIRef(target), WJI.baseline, URIRef(base)))
    quads, triples, trig = to_nquads(ds)
    return quads + triples + _TRIG_MARK + trig


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
        _fill(store, extractions, metas, validate_shapes, jobs, cache_dir, None)
        triples, graphs = _counts(store)
        result = OxigraphBuildResult(extractions, None, None, store=store, triples=triples, graphs=graphs)
        result.seconds = time.perf_counter() - t0
        return result

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
    result = OxigraphBuildResult(
        extractions, None, None, files=files, store=open_store(out_dir), triples=triples, graphs=graphs
    )
    result.seconds = time.perf_counter() - t0
    return result
