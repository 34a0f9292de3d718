"""Shared by the query and endpoint tests: the library's answers with rdflib (computed once per graph
file) and a normal form of answers that both engines share."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from rdflib import XSD, BNode, Literal, URIRef

from graph.store.queries import QUERY_DIR, run_query, term_value

#: Every query of the library (other issues add theirs to the same folder).
ALL_QUERIES = tuple(sorted(p.stem for p in QUERY_DIR.glob("*.rq")))


@lru_cache(maxsize=None)
def rdflib_answer(trig: str, name: str):
    """The rows (rdflib terms) of a library query on a graph file, computed once."""
    return run_query(name, graph=Path(trig), terms=True)


def normal(term) -> tuple:
    """A term in a form both engines agree on: numbers by value (1000000000.0 == 1000000000), language
    tags in lower case (Oxigraph lower-cases them), everything else by its text."""
    if term is None:
        return ("unbound",)
    if isinstance(term, URIRef):
        return ("iri", str(term))
    if isinstance(term, BNode):
        return ("bnode",)
    value = term_value(term)
    datatype = str(term.datatype or "")
    if isinstance(value, (int, float, bool)) or datatype == str(XSD.string):
        datatype = ""
    return ("literal", value, (term.language or "").lower(), datatype)


def bag(rows, columns) -> Counter:
    """The rows as a multiset of tuples in ``columns`` order."""
    return Counter(tuple(normal(row.get(c)) for c in columns) for row in rows)


def from_json(binding: dict | None):
    """An rdflib term from one value of SPARQL 1.1 JSON results."""
    if binding is None:
        return None
    kind = binding["type"]
    if kind == "uri":
        return URIRef(binding["value"])
    if kind == "bnode":
        return BNode(binding["value"])
    if "xml:lang" in binding:
        return Literal(binding["value"], lang=binding["xml:lang"])
    return Literal(binding["value"], datatype=URIRef(binding["datatype"]) if "datatype" in binding else None)
