"""Oxigraph helpers: open, load and query a pyoxigraph Store; terms between rdflib and Oxigraph.

The Oxigraph backend (:class:`graph.store.backend.OxigraphBackend`) is made of these.  A store that a
build leaves in ``OUT/oxigraph/`` holds the named graphs of ``wujing.trig`` and, in its default
graph, their union as a set (:func:`to_nquads` gives both for each report), so queries without
``GRAPH`` answer as on ``wujing.ttl``.

Examples
--------
>>> store = load_store(b'<https://e/a> <https://e/p> "1" <https://e/g> .', format="nq")
>>> [str(row["o"].value) for row in run_query(store, "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }")]
['1']
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rdflib import BNode, Literal, URIRef

from graph.errors import BuildError
from graph.rdf.namespaces import PREFIXES
from graph.rdf.terms import _XSD_STRING, XSD_DECIMAL, bcp47_case, to_rdflib_term  # noqa: F401 (XSD_DECIMAL: the examples)
from graph.rdf.turtle import quote
from graph.store.sparql import blank

__all__ = [
    "STORES",
    "STORE_DIR",
    "bcp47_case",
    "load_store",
    "nt",
    "open_store",
    "run_query",
    "to_nquads",
    "to_oxigraph_term",
    "to_rdflib_term",
]

#: The stores ``build`` can use.
STORES = ("rdflib", "oxigraph")
#: The folder, inside the output folder, of the persisted Oxigraph store.
STORE_DIR = "oxigraph"

#: How many bytes of N-Quads a build gathers before each bulk load: Oxigraph's bulk loader holds
#: several times its input while it sorts (a load of 64 MB peaked 0.42 GB above the process, one of
#: 16 MB 0.12 GB, in less time; 100 synthetic reports, stop 22).
_BATCH_BYTES = 16 * 2**20
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
    where = _WHERE.search(blank(text))
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


def nt(term) -> str:
    """An rdflib term in N-Triples syntax (full IRIs; strings quoted as :func:`graph.rdf.turtle.quote` does).

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> nt(URIRef("https://e/a")), nt(Literal("吴泾", lang="zh")), nt(Literal("16", datatype=URIRef(XSD_DECIMAL)))
    ('<https://e/a>', '"吴泾"@zh', '"16"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    """
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = quote(str(term))  # valid in N-Triples too
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{text}^^<{term.datatype}>"
        return text
    raise TypeError(f"not an RDF term: {term!r}")


def to_nquads(ds) -> tuple[bytes, bytes]:
    r"""A report's Dataset as N-Quads of its named graphs and N-Triples of their union (each triple once).

    Both are sorted (graphs by name, then statements), so the same Dataset gives the same bytes.
    Loaded together into Oxigraph (default-graph lines of N-Quads are triples), they give the layout
    of a built store: the named graphs, and their union in the default graph.

    Examples
    --------
    >>> from rdflib import Dataset, Literal, URIRef
    >>> ds = Dataset()
    >>> g = ds.graph(URIRef("https://w3id.org/wujing-kg/id/report/r/s0001"))
    >>> _ = g.add((URIRef("https://e/a"), URIRef("https://e/p"), Literal('say "hi"', lang="zh")))
    >>> quads, triples = to_nquads(ds)
    >>> quads
    b'<https://e/a> <https://e/p> "say \\"hi\\""@zh <https://w3id.org/wujing-kg/id/report/r/s0001> .\n'
    >>> triples
    b'<https://e/a> <https://e/p> "say \\"hi\\""@zh .\n'
    """
    cache: dict = {}

    def term(t) -> str:
        found = cache.get(t)
        if found is None:
            found = cache[t] = nt(t)
        return found

    quads, seen = [], set()
    for ctx in sorted(ds.graphs(), key=lambda c: str(c.identifier)):
        lines = [f"{term(s)} {term(p)} {term(o)}" for s, p, o in sorted(ctx)]
        if not lines:
            continue
        seen.update(lines)
        if str(ctx.identifier) == _DEFAULT:
            quads += [f"{line} .\n" for line in lines]
            continue
        name = term(ctx.identifier)
        quads += [f"{line} {name} .\n" for line in lines]
    triples = "".join(f"{line} .\n" for line in sorted(seen))
    return "".join(quads).encode("utf-8"), triples.encode("utf-8")


_DEFAULT = "urn:x-rdflib:default"
