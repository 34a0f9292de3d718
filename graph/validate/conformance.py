"""Does a built graph conform to the shapes?  Both shape files at once, the answer on one line.

The build checks every graph against ``ontology/shapes.ttl`` (with the ontology mixed in, so
``sh:class`` follows ``rdfs:subClassOf``) and against ``ontology/indicator-shapes.ttl`` (the RDF Data
Cube integrity constraints of the indicators).  Both are compiled to SPARQL and run on one Oxigraph
store of the data (:mod:`graph.shacl`); shapes the compiler does not know are checked by pyshacl.

Examples
--------
>>> from rdflib import Graph
>>> problem(Graph()) is None
True
"""

from __future__ import annotations

from graph.extract.figures import IndicatorError
from graph.validate import shacl
from graph.validate.cube import SHAPES_PATH as INDICATOR_SHAPES
from graph.validate.cube import _violations, validate_indicators
from graph.validate.ontology import (
    OntologyError,
    load_ontology,
    load_shapes,
    shacl_summary,
    validate,
)

__all__ = ["problem"]


def problem(data, triples: bytes | None = None, store=None) -> str | None:
    """Why ``data`` (an rdflib Graph or Dataset) does not conform, in one line; None if it does.

    ``triples``: the same data as N-Triples, if the caller has it (faster to load).  ``store``: a
    pyoxigraph Store (or anything with its ``query``) whose default graph holds the data and the
    ontology already, to check in place (an Oxigraph build's store); ``data`` is then a function
    that returns the rdflib graph, called only if pyshacl has to be used.
    Raises :class:`graph.ontology.OntologyError` when a shapes or ontology file cannot be read.
    """
    try:
        checks = [(_compiled(load_shapes(INDICATOR_SHAPES)), "indicator-shapes.ttl"), (_compiled(load_shapes()), "shapes.ttl")]
    except shacl.UnsupportedShape:  # the reference engine, one shape file at a time
        if store is not None:
            data = data()
        try:
            conforms, text = validate_indicators(data, engine="pyshacl")
        except IndicatorError as exc:
            raise OntologyError(str(exc)) from None
        if not conforms:
            return f"the indicators do not conform to ontology/indicator-shapes.ttl: {_violations(text)}"
        conforms, text = validate(data, engine="pyshacl")
        return None if conforms else f"the built graph does not conform to ontology/shapes.ttl: {shacl_summary(text)}"
    if store is None:
        store = shacl.to_store(triples if triples is not None else data, load_ontology())
    for compiled, name in checks:
        found = [v for v in shacl.run_checks(compiled, store) if v.severity == "Violation"]
        if found:
            what = "the indicators do" if name.startswith("indicator") else "the built graph does"
            return f"{what} not conform to ontology/{name}: {shacl_summary(shacl.report_text(found))}"
    return None


_COMPILED: dict[int, tuple] = {}


def _compiled(shapes) -> list:
    """The compiled checks of a shapes graph, once per graph (:func:`graph.ontology.load_shapes` caches
    the graphs, so each shapes file is compiled once per process)."""
    found = _COMPILED.get(id(shapes))
    if found is None or found[0] is not shapes:
        found = _COMPILED[id(shapes)] = (shapes, shacl.compile_shapes(shapes))
    return found[1]
