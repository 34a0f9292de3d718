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

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from rdflib import URIRef

from graph.errors import BuildError
from graph.rdf.cube import INDICATOR, QB, WJI
from graph.rdf.namespaces import PREFIXES
from graph.rdf.turtle import quote
from graph.store.queries import _blank

__all__ = [
    "STORES",
    "STORE_DIR",
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
    from pyoxigraph import BlankNode, NamedNode
    from pyoxigraph import Literal as OxLiteral
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

    return {**PREFIXES, "wji": str(WJI._NS), "qb": str(QB), "indicator": str(INDICATOR)}


#: Prefixes of the TriG an Oxigraph build writes.
TRIG_PREFIXES = _trig_prefix_table()
_BY_LENGTH = sorted(TRIG_PREFIXES.items(), key=lambda item: -len(item[1]))
_PN_LOCAL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_./-]*[A-Za-z0-9_/-])?")
_RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_DEFAULT = "urn:x-rdflib:default"


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
