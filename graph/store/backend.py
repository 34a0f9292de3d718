"""One interface to a built graph, whichever store holds it: rdflib in memory, or Oxigraph.

A build loads each report's graphs into a :class:`Backend`; every command that reads a built graph
(``query``, ``serve``, ``push``, ``map``, ``analyze``, ``path``, ``matrix``, ``export``,
``indicators``) gets one from :func:`open_graph`, which picks the store from what the path is:

==============================================  ==================================================
path                                            backend
==============================================  ==================================================
a TriG, Turtle, N-Quads, N-Triples file         :class:`RdflibBackend` (the file parsed in memory)
an output folder holding ``oxigraph/``          :class:`OxigraphBackend` (the store, read-only)
an output folder holding ``wujing.trig``        :class:`RdflibBackend` of that file
==============================================  ==================================================

Both give the same answers: the same quads and triples as rdflib terms, the default graph the
union of the named graphs *as a set* (a triple stated in three sentences is one triple, not three;
Oxigraph's own ``use_default_graph_as_union`` would count it three times, so an Oxigraph store keeps
the union in its default graph), SPARQL with bound variables and ``SERVICE`` refused, the same counts,
and the same TriG and Turtle byte for byte (:mod:`graph.rdf.turtle`'s layout).
``tests/store/test_store_backends.py`` builds two reports into each and compares every command's output.

Examples
--------
>>> from rdflib import Dataset, Literal, URIRef
>>> ds = Dataset()
>>> for g in ("https://e/g1", "https://e/g2"):
...     _ = ds.graph(URIRef(g)).add((URIRef("https://e/a"), URIRef("https://e/p"), Literal("x")))
>>> for backend in (RdflibBackend(ds), OxigraphBackend.from_dataset(ds)):
...     print(backend.name, backend.count_triples(), backend.count_graphs(),
...           [str(r["g"]) for r in backend.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")])
rdflib 1 2 ['https://e/g1', 'https://e/g2']
oxigraph 1 2 ['https://e/g1', 'https://e/g2']
"""

from __future__ import annotations

import gc
import shutil
from decimal import Decimal, InvalidOperation
import tempfile
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import ResultRow
from rdflib.term import Variable

from graph.rdf.convert import to_rdf, union_graph
from graph.rdf.cube import add_indicators
from graph.rdf.turtle import Namer, turtle_body  # and the wujing-turtle, wujing-trig serializer plugins
from graph.resources import DEFAULT_OUT
from graph.store.oxigraph import (
    _BATCH_BYTES,
    STORE_DIR,
    nt,
    open_store,
    run_query,
    to_nquads,
    to_oxigraph_term,
    to_rdflib_term,
)
from graph.store.sparql import GraphNotFound, ServiceRefused, prepare, uses_service
from graph.validate.conformance import check
from graph.validate.results import Report
from graph.validate.ontology import load_ontology

#: How many rdflib terms an Oxigraph backend keeps converted (least recently used out): the
#: predicates, classes and entities that recur; a dict of every term read held 0.4 GB at 1,000
#: reports and was no faster, an LRU cache of 100,000 (full from 100 reports on, mostly of sentence
#: texts read once) 57 MB while the networkx graph was made of 300 reports, one of 10,000 6 MB,
#: in 6% more CPU.
TERM_CACHE = 10_000
#: Above how many triples a graph is written one subject at a time (:meth:`OxigraphBackend.write_trig`):
#: the provenance graph and the union grow with the corpus; the graph of one sentence does not.
STREAM_ABOVE = 50_000
#: How much of a TriG or Turtle body is kept in memory before it goes to a temporary file, while
#: its prefixes wait for it to end (:func:`_after_prefixes`): 64 MB held the whole TriG of 100
#: reports (42 MB) and 64 MB of every larger one (the TriG of 100 reports: 10.3 s CPU then, 10.8 s now).
SPOOL_BYTES = 2**20

__all__ = [
    "GRAPH_FILE",
    "Backend",
    "OxigraphBackend",
    "RdflibBackend",
    "Result",
    "as_backend",
    "build_namespaces",
    "open_graph",
]

#: The TriG file of a build folder.
GRAPH_FILE = "wujing.trig"
#: Where the ontology sits in an Oxigraph store while the store is validated (removed afterwards).
_ONTOLOGY_GRAPH = "urn:x-wujing-kg:validation-ontology"

Pattern = tuple


@dataclass
class Result:
    """A query's answer, the same whichever backend gave it (rdflib terms throughout).

    ``type`` is ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``; iterating gives the rows (rdflib
    ``ResultRow``: ``row.name`` or ``row["name"]``), ``vars`` names the columns, ``ask`` is the
    answer of an ASK, ``triples`` the triples of a CONSTRUCT or DESCRIBE.
    """
    type: str
    vars: list[str] = field(default_factory=list)
    rows: list[ResultRow] = field(default_factory=list)
    ask: bool | None = None
    triples: list[tuple] = field(default_factory=list)

    def __iter__(self) -> Iterator[ResultRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def _same(term):
    """A result term in the one form both engines give: decimals as the TriG file writes them, with a
    fractional digit (rdflib computes ``47`` and reads ``16.0``; Oxigraph says ``47`` and ``16``)."""
    if type(term) is Literal and term.datatype == _DECIMAL:
        try:
            text = format(Decimal(str(term)).normalize(), "f")
        except InvalidOperation:  # an ill-typed literal keeps its text
            return term
        return Literal(text if "." in text else text + ".0", datatype=_DECIMAL)
    return term


def _row(variables: list[Variable], values: dict) -> ResultRow:
    return ResultRow({v: _same(values[v]) for v in variables if values.get(v) is not None}, variables)


def build_namespaces() -> list[tuple[str, str]]:
    """The prefixes a build's Dataset has bound (rdflib's defaults, the project's, the Data Cube's):
    what the TriG and Turtle writers shorten IRIs with, so both backends write the same bytes."""
    global _NAMESPACES
    if _NAMESPACES is None:
        ds = to_rdf([])
        add_indicators(ds, [])
        _NAMESPACES = sorted((p, str(ns)) for p, ns in ds.namespaces())
    return _NAMESPACES


_NAMESPACES: list[tuple[str, str]] | None = None


class Backend(ABC):
    """A built graph: named graphs (one per source sentence, provenance, indicators) and their union.

    Reads take and give rdflib terms.  ``quads`` are those of the named graphs (the graph as its IRI);
    ``triples`` and SPARQL without ``GRAPH`` see the union, each triple once.
    """
    #: ``"rdflib"`` or ``"oxigraph"``.
    name: str = ""
    #: Whether a build should make the reports' RDF in worker processes and load it as N-Quads.
    parallel_load: bool = False
    #: Iterating over a backend gives the union's triples; JSON-LD export reads ``identifier``.
    identifier = URIRef("urn:x-wujing-kg:union")

    # -- loading
    @abstractmethod
    def add(self, ds: Dataset) -> None:
        """Add a Dataset's named graphs (a report's RDF, or links read across reports)."""

    @abstractmethod
    def add_nquads(self, data: bytes) -> None:
        """Add N-Quads: lines with a graph go to that graph; lines without one are union triples."""

    # -- reading
    @abstractmethod
    def quads(self, pattern: Pattern = (None, None, None, None)) -> Iterator[tuple]:
        """``(s, p, o, graph IRI)`` of the named graphs matching ``(s, p, o, graph)`` (None: any)."""

    @abstractmethod
    def triples(self, pattern: Pattern = (None, None, None)) -> Iterator[tuple]:
        """The triples of the union matching ``(s, p, o)``, each once."""

    @abstractmethod
    def graph_names(self) -> list[URIRef]:
        """The named graphs that hold something, sorted."""

    @abstractmethod
    def count_triples(self) -> int:
        """How many distinct triples the union holds (the triples of ``wujing.ttl``)."""

    def count_graphs(self) -> int:
        """How many named graphs hold something."""
        return len(self.graph_names())

    @abstractmethod
    def union(self) -> Graph:
        """The union as an rdflib Graph (for a large Oxigraph store this copies it into memory)."""

    def __iter__(self) -> Iterator[tuple]:
        return self.triples((None, None, None))

    def __len__(self) -> int:
        return self.count_triples()

    def __contains__(self, triple: tuple) -> bool:
        return next(iter(self.triples(triple)), None) is not None

    def namespaces(self) -> list[tuple[str, str]]:
        return build_namespaces()

    # -- SPARQL
    def query(self, text: str, bindings: dict[str, Any] | None = None, prepared=None) -> Result:
        """Run a SPARQL query on the union (``GRAPH`` reaches the named graphs), ``bindings`` bound.

        ``prepared`` is the query parsed by :func:`graph.store.sparql.prepare`, if the caller has it.
        ``SERVICE`` raises :class:`~graph.store.sparql.ServiceRefused`: a query never reaches the network.
        """
        if uses_service(text):
            raise ServiceRefused("query: SERVICE (federated query) is refused: queries never reach the network")
        return self._query(text, dict(bindings or {}), prepared)

    @abstractmethod
    def _query(self, text: str, bindings: dict, prepared) -> Result: ...

    # -- writing
    @abstractmethod
    def write_trig(self, out: IO[bytes]) -> None:
        """The named graphs as TriG (UTF-8): graphs by IRI, statements in :mod:`graph.rdf.turtle`'s order."""

    @abstractmethod
    def write_turtle(self, out: IO[bytes]) -> None:
        """The union as Turtle (UTF-8), in :mod:`graph.rdf.turtle`'s order."""

    def ntriples(self, graph: URIRef | None = None) -> bytes:
        """One named graph (None: the union) as sorted N-Triples, what ``push`` sends."""
        triples = self.triples((None, None, None)) if graph is None else (
            (s, p, o) for s, p, o, _ in self.quads((None, None, None, graph)))
        return "".join(sorted(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples)).encode("utf-8")

    # -- checking
    @abstractmethod
    def check(self) -> Report:
        """The graph validated against the SHACL shapes (both files): see :func:`graph.validate.conformance.check`."""

    def close(self) -> None:
        """Let go of the store (an Oxigraph store's files are closed)."""

    @property
    def closed(self) -> bool:
        """True once :meth:`close` let go of a store that cannot be read any more."""
        return False


# ------------------------------------------------------------------------------------------ rdflib


class RdflibBackend(Backend):
    """A graph held in an rdflib :class:`~rdflib.Dataset` in memory: for one report or a few.

    ``dataset`` is the Dataset itself (a plain :class:`~rdflib.Graph` is accepted too, as a graph
    without named graphs).
    """
    name = "rdflib"

    def __init__(self, ds: Dataset | Graph | None = None):
        self._own = ds is None  # an empty Dataset of our own: the first report's is taken over
        self.dataset = ds if ds is not None else Dataset()
        if self._own:
            for prefix, ns in build_namespaces():
                self.dataset.bind(prefix, ns, override=True)
        self._union: Graph | None = None
        self._view = None

    @property
    def _named(self) -> bool:
        return isinstance(self.dataset, Dataset)

    def add(self, ds: Dataset) -> None:
        self._union = None
        if self._own:
            self.dataset, self._own, self._view = ds, False, None  # the first report: no copy
            return
        self.dataset.addN((s, p, o, self.dataset.graph(c.identifier if isinstance(c, Graph) else c))
                          for s, p, o, c in ds.quads((None, None, None, None)))

    def add_nquads(self, data: bytes) -> None:
        ds = Dataset()
        ds.parse(data=data, format="nquads")
        ds.default_context.remove((None, None, None))  # the union lines: the union is computed here
        self.add(ds)

    def quads(self, pattern: Pattern = (None, None, None, None)) -> Iterator[tuple]:
        s, p, o, g = (tuple(pattern) + (None,) * 4)[:4]
        if not self._named:
            if g is None:
                for t in self.dataset.triples((s, p, o)):
                    yield (*t, None)
            return
        if g is not None:  # rdflib's quads() does not narrow to a graph given by its name
            try:
                ctx = self.dataset.get_graph(g) if g != DATASET_DEFAULT_GRAPH_ID else None
            except IndexError:  # rdflib 7: a Dataset without that graph (or without any)
                ctx = None
            if ctx is not None:
                for t in ctx.triples((s, p, o)):
                    yield (*t, g)
            return
        for s_, p_, o_, c in self.dataset.quads((s, p, o, None)):
            name = c.identifier if isinstance(c, Graph) else c
            if name != DATASET_DEFAULT_GRAPH_ID:
                yield s_, p_, o_, name

    def _union_view(self):
        if not self._named:
            return self.dataset
        if self._view is None or self._view.store is not self.dataset.store:
            # a view on the same store whose default graph is the union: each triple once
            self._view = Dataset(store=self.dataset.store, default_union=True)
            for prefix, ns in self.dataset.namespaces():
                self._view.bind(prefix, ns, override=True)
        return self._view

    def triples(self, pattern: Pattern = (None, None, None)) -> Iterator[tuple]:
        return self._union_view().triples(tuple(pattern))

    def graph_names(self) -> list[URIRef]:
        if not self._named:
            return []
        return sorted(g.identifier for g in self.dataset.graphs()
                      if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g))

    def union(self) -> Graph:
        if self._union is None:
            self._union = union_graph(self.dataset) if self._named else self.dataset
        return self._union

    def count_triples(self) -> int:
        return len(self.union())

    def namespaces(self) -> list[tuple[str, str]]:
        return [(p, str(ns)) for p, ns in self.dataset.namespaces()]

    def _query(self, text: str, bindings: dict, prepared) -> Result:
        result = self._union_view().query(prepared if prepared is not None else prepare(text),
                                          initBindings=bindings)
        if result.type == "ASK":
            return Result("ASK", ["ask"], ask=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Result(result.type, triples=[tuple(map(_same, t)) for t in result.graph])
        variables = list(result.vars)
        return Result("SELECT", [str(v) for v in variables],
                      [_row(variables, {v: row[i] for i, v in enumerate(variables)}) for row in result])

    def write_trig(self, out: IO[bytes]) -> None:
        self.dataset.serialize(out, format="wujing-trig")  # graph.rdf.turtle.to_trig, as an rdflib plugin

    def write_turtle(self, out: IO[bytes]) -> None:
        self.union().serialize(out, format="wujing-turtle")  # graph.rdf.turtle.to_turtle

    def check(self) -> Report:
        return check(self.union())


# ---------------------------------------------------------------------------------------- Oxigraph


class _WithOntology:
    """A store's ``query`` with the ontology graph added to the default graph (for SHACL's subclasses)."""
    def __init__(self, store, graph):
        from pyoxigraph import DefaultGraph

        self.store, self.graphs = store, [DefaultGraph(), graph]

    def query(self, text: str):
        return self.store.query(text, default_graph=self.graphs)


def _after_prefixes(out: IO[bytes], namer: Namer, write_body: Callable[[IO[bytes]], None]) -> None:
    """The prefix lines of what ``write_body`` writes, then that body: the prefixes a body uses are
    known only once it is written, so the body goes first into a temporary file (on disk past
    ``SPOOL_BYTES``).

    >>> import io
    >>> out, namer = io.BytesIO(), Namer([("ex", "https://example.org/")])
    >>> _after_prefixes(out, namer, lambda body: body.write(namer.term(URIRef("https://example.org/a")).encode()))
    >>> out.getvalue().splitlines()
    [b'@prefix ex: <https://example.org/> .', b'ex:a']
    """
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as body:
        write_body(body)
        out.write("".join(line + "\n" for line in namer.prefix_lines()).encode("utf-8"))
        body.seek(0)
        shutil.copyfileobj(body, out)


class OxigraphBackend(Backend):
    """A graph held in a pyoxigraph Store, on disk (``OUT/oxigraph/``) or in memory: for many reports.

    The named graphs are those of the TriG; the default graph holds their union, as a set.  Reports
    are loaded in batches of 16 MB (``add_nquads``, ``_BATCH_BYTES``), so memory stays flat while a build loads.
    """
    name = "oxigraph"
    parallel_load = True

    def __init__(self, store, location: Path | None = None, read_only: bool = False):
        self.store, self.location, self.read_only = store, location, read_only
        self._batch: list[bytes] = []
        self._size = 0
        # rdflib terms of the store's terms, the most used kept (predicates, classes, the entities)
        self._term = lru_cache(maxsize=TERM_CACHE)(to_rdflib_term)

    @classmethod
    def create(cls, location: Path | str | None = None) -> "OxigraphBackend":
        """A new, empty store: in memory, or in the folder ``location``."""
        from pyoxigraph import Store

        return cls(Store(str(location)) if location is not None else Store(),
                   Path(location) if location is not None else None)

    @classmethod
    def open(cls, out_dir: Path | str, read_only: bool = True) -> "OxigraphBackend":
        """The store a ``--store oxigraph`` build left in ``out_dir/oxigraph/``."""
        return cls(open_store(out_dir, read_only=read_only), Path(out_dir) / STORE_DIR, read_only)

    @classmethod
    def from_dataset(cls, ds: Dataset) -> "OxigraphBackend":
        """An in-memory store holding an rdflib Dataset (and its union)."""
        backend = cls.create()
        backend.add(ds)
        return backend

    # -- loading
    def add(self, ds: Dataset) -> None:
        quads, triples = to_nquads(ds)
        self.add_nquads(quads + triples)

    def add_nquads(self, data: bytes) -> None:
        self._batch.append(data)
        self._size += len(data)
        if self._size > _BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Load what ``add`` and ``add_nquads`` gathered."""
        if self._batch:
            from pyoxigraph import RdfFormat

            data, self._batch, self._size = b"".join(self._batch), [], 0
            self.store.bulk_load(data, format=RdfFormat.N_QUADS)

    # -- reading
    def _ox(self, term):
        return None if term is None else to_oxigraph_term(term)

    def quads(self, pattern: Pattern = (None, None, None, None)) -> Iterator[tuple]:
        from pyoxigraph import DefaultGraph

        self.flush()
        s, p, o, g = (self._ox(t) for t in (tuple(pattern) + (None,) * 4)[:4])
        term = self._term
        for q in self.store.quads_for_pattern(s, p, o, g):
            if not isinstance(q.graph_name, DefaultGraph):
                yield term(q.subject), term(q.predicate), term(q.object), term(q.graph_name)

    def triples(self, pattern: Pattern = (None, None, None)) -> Iterator[tuple]:
        from pyoxigraph import DefaultGraph

        self.flush()
        s, p, o = (self._ox(t) for t in (tuple(pattern) + (None,) * 3)[:3])
        term = self._term
        for q in self.store.quads_for_pattern(s, p, o, DefaultGraph()):
            yield term(q.subject), term(q.predicate), term(q.object)

    def graph_names(self) -> list[URIRef]:
        self.flush()
        return sorted(URIRef(g.value) for g in self.store.named_graphs()
                      if next(iter(self.store.quads_for_pattern(None, None, None, g)), None) is not None)

    def count_graphs(self) -> int:
        self.flush()
        return sum(1 for _ in self.store.named_graphs())  # a graph is named when a quad puts it there

    def count_triples(self) -> int:
        self.flush()
        rows = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(rows))["n"].value)

    def union(self) -> Graph:
        g = Graph()
        for prefix, ns in self.namespaces():
            g.bind(prefix, ns, override=True)
        for triple in self.triples():
            g.add(triple)
        return g

    def _query(self, text: str, bindings: dict, prepared) -> Result:
        from pyoxigraph import QueryBoolean, QuerySolutions

        self.flush()
        answer = run_query(self.store, text, bindings or None, union=False)
        term = self._term
        if isinstance(answer, QueryBoolean):
            return Result("ASK", ["ask"], ask=bool(answer))
        if isinstance(answer, QuerySolutions):
            variables = [Variable(v.value) for v in answer.variables]
            rows = [_row(variables, {v: term(s[str(v)]) for v in variables}) for s in answer]
            return Result("SELECT", [str(v) for v in variables], rows)
        triples = [(_same(term(t.subject)), term(t.predicate), _same(term(t.object))) for t in answer]
        return Result("DESCRIBE" if text.lstrip().upper().startswith("DESCRIBE") else "CONSTRUCT", triples=triples)

    # -- writing: streamed, one graph (or one subject) at a time, in the order of graph.rdf.turtle
    def write_trig(self, out: IO[bytes]) -> None:
        from pyoxigraph import NamedNode

        def graphs(body: IO[bytes]) -> None:
            for name in self.graph_names():
                statements = self._statements(NamedNode(str(name)), namer, indent="    ")
                first = next(statements, None)
                if first is None:
                    continue  # an empty graph is not written
                body.write(f"\n<{name}> {{\n{first}".encode("utf-8"))
                for stmt in statements:
                    body.write(f"\n\n{stmt}".encode("utf-8"))
                body.write(b"\n}\n")

        self.flush()
        namer = Namer(self.namespaces())
        _after_prefixes(out, namer, graphs)

    def write_turtle(self, out: IO[bytes]) -> None:
        from pyoxigraph import DefaultGraph

        def union(body: IO[bytes]) -> None:
            for stmt in self._statements(DefaultGraph(), namer):
                body.write(f"\n{stmt}\n".encode("utf-8"))

        self.flush()
        namer = Namer(self.namespaces())
        _after_prefixes(out, namer, union)
        out.write(b"\n")

    def _statements(self, graph, namer: Namer, indent: str = "") -> Iterator[str]:
        """The statements of one graph of the store (``graph``: a pyoxigraph graph name), as
        :func:`~graph.rdf.turtle.turtle_body` writes them.

        A graph of up to ``STREAM_ABOVE`` triples is read at once; a larger one (the union, the
        provenance graph: they grow with the corpus) one subject at a time, in the order that
        ``turtle_body`` gives its subjects, worked out without holding the triples.
        """
        term = self._term
        head = []
        quads = self.store.quads_for_pattern(None, None, None, graph)
        for q in quads:
            head.append((term(q.subject), term(q.predicate), term(q.object)))
            if len(head) > STREAM_ABOVE:
                break
        else:
            yield from turtle_body(head, namer, indent=indent)
            return
        del head, quads
        for subject in self._subject_order(graph):
            triples = [(term(q.subject), term(q.predicate), term(q.object))
                       for q in self.store.quads_for_pattern(subject, None, None, graph)]
            yield from turtle_body(triples, namer, indent=indent)

    def _subject_order(self, graph) -> list:
        """The subjects of ``graph`` (pyoxigraph terms) in the order of ``turtle_body``: typed
        ``rdfs:Class`` first, then by how often each is an object in the graph, then by IRI, blank
        nodes last; read from the store one quad at a time."""
        from pyoxigraph import BlankNode, NamedNode

        refs: dict = {}
        subjects: set = set()
        top: set = set()
        rdf_type, rdfs_class = RDF.type.toPython(), RDFS.Class.toPython()
        for q in self.store.quads_for_pattern(None, None, None, graph):
            s, o = q.subject, q.object
            ks = s.value if isinstance(s, NamedNode) else BNode(s.value)
            subjects.add(ks)
            if isinstance(o, NamedNode):
                refs[o.value] = refs.get(o.value, 0) + 1
                if q.predicate.value == rdf_type and o.value == rdfs_class:
                    top.add(ks)
            elif isinstance(o, BlankNode):
                ko = BNode(o.value)
                refs[ko] = refs.get(ko, 0) + 1
        order = sorted(top, key=lambda k: (type(k) is not str, str(k)))
        rest = sorted((type(k) is not str, refs.get(k, 0), str(k), k) for k in subjects if k not in top)
        del refs, subjects
        order += [k for *_, k in rest]
        del rest
        return [NamedNode(k) if type(k) is str else BlankNode(str(k)) for k in order]

    # -- checking
    def check(self) -> Report:
        """Check the store in place: the ontology is put in a graph of its own meanwhile."""
        from pyoxigraph import NamedNode, Quad

        self.flush()
        graph = NamedNode(_ONTOLOGY_GRAPH)
        self.store.bulk_extend(Quad(to_oxigraph_term(s), to_oxigraph_term(p), to_oxigraph_term(o), graph)
                               for s, p, o in load_ontology())
        try:
            return check(self.union, store=_WithOntology(self.store, graph))
        finally:
            self.store.remove_graph(graph)

    @property
    def closed(self) -> bool:
        return self.store is None

    def close(self) -> None:
        if self.store is None:
            return
        self.flush()
        if not self.read_only:
            self.store.flush()
        self.store = None
        self._term.cache_clear()
        gc.collect()  # the store's files are closed when the object goes


# --------------------------------------------------------------------------------------- opening

_opened: dict[Path, tuple[tuple, Backend]] = {}
_opened_lock = threading.Lock()


def _stamp(path: Path) -> tuple:
    st = path.stat()
    return (st.st_ino, st.st_mtime_ns, st.st_size)


_FORMAT_NAMES = {"trig": "TriG", "turtle": "Turtle", "nquads": "N-Quads", "nt": "N-Triples", "json-ld": "JSON-LD",
                 "xml": "RDF/XML", "n3": "N3"}


def _read_file(path: Path) -> RdflibBackend:
    from rdflib.util import guess_format

    fmt = guess_format(str(path)) or "trig"
    ds = Dataset()
    try:
        ds.parse(str(path), format=fmt)
    except Exception as exc:  # rdflib raises many parser errors; all mean "not that format" here
        first = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise GraphNotFound(f"{path}: not valid {_FORMAT_NAMES.get(fmt, fmt)}: {first}") from None
    return RdflibBackend(ds)


def open_graph(path: Path | str | None = None) -> Backend:
    """The backend of a built graph: a graph file, or a build's output folder (default ``out/``).

    A folder holding ``oxigraph/`` (a ``--store oxigraph`` build) opens that store read-only; a
    folder holding ``wujing.trig`` (an rdflib build) or any RDF file is parsed into rdflib.  Kept
    while the file or store is unchanged and open, so notebooks that run many queries read it once
    (after one caller closes it, the next opens it again).  Raises
    :class:`~graph.store.sparql.GraphNotFound` with one line when there is nothing to read.

    Examples
    --------
    >>> open_graph("no/such/folder")
    Traceback (most recent call last):
    ...
    graph.store.sparql.GraphNotFound: no/such/folder: no build folder or graph file there; run `wujing-kg build` first or give --graph
    """
    path = Path(path) if path is not None else DEFAULT_OUT
    hint = "; run `wujing-kg build` first" + ("" if path in (DEFAULT_OUT, DEFAULT_OUT / GRAPH_FILE) else " or give --graph")
    if path.is_dir():
        if (path / STORE_DIR).is_dir():
            target, kind = path / STORE_DIR, "oxigraph"
        elif (path / GRAPH_FILE).is_file():
            target, kind = path / GRAPH_FILE, "file"
        else:
            raise GraphNotFound(f"{path}: no built graph in this folder (neither {GRAPH_FILE} nor {STORE_DIR}/){hint}")
    elif path.is_file():
        target, kind = path, "file"
    elif path.suffix:
        raise GraphNotFound(f"{path}: graph file not found{hint}")
    else:
        raise GraphNotFound(f"{path}: no build folder or graph file there{hint}")
    key, stamp = target.resolve(), _stamp(target)
    with _opened_lock:
        cached = _opened.get(key)
        if cached and cached[0] == stamp and not cached[1].closed:
            return cached[1]
    backend = OxigraphBackend.open(path) if kind == "oxigraph" else _read_file(target)
    with _opened_lock:
        _opened[key] = (stamp, backend)
    return backend


def as_backend(graph: Backend | Dataset | Graph | Path | str | None) -> Backend:
    """``graph`` as a backend: a backend as it is, an rdflib Dataset or Graph wrapped (no copy), a
    path opened with :func:`open_graph` (None: ``out/``)."""
    if isinstance(graph, Backend):
        return graph
    if isinstance(graph, Graph):  # a Dataset is a Graph too
        return RdflibBackend(graph)
    return open_graph(graph)
