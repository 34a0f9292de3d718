"""Does a built graph conform to the shapes?  Both shape files at once, the answer on one line.

The build checks every graph against ``ontology/shapes.ttl`` (with the ontology mixed in, so
``sh:class`` follows ``rdfs:subClassOf``) and against ``ontology/indicator-shapes.ttl`` (the RDF Data
Cube integrity constraints of the indicators).  Both are compiled to SPARQL and run on one Oxigraph
store of the data (:mod:`graph.shacl`); shapes the compiler does not know are checked by pyshacl.

Examples
--------
>>> from rdflib import Graph
>>> report = check(Graph())
>>> report.conforms
True
>>> one_line(report)
'the built graph conforms to ontology/indicator-shapes.ttl and ontology/shapes.ttl'
"""

from __future__ import annotations

from graph.extract.figures import IndicatorError
from graph.validate import shacl
from graph.validate.cube import SHAPES_PATH as INDICATOR_SHAPES
from graph.validate.cube import validate_indicators
from graph.validate.ontology import OntologyError, load_ontology, load_shapes, validate
from graph.validate.results import Report, one_line, sort_key

__all__ = ["check", "one_line", "warm_up"]

#: (file, what it checks) of the shape files, in the order they are checked
_SHAPE_FILES = (("ontology/indicator-shapes.ttl", "the indicator graph"), ("ontology/shapes.ttl", "the built graph"))


def check(data, triples: bytes | None = None, store=None) -> Report:
    """Validate ``data`` (an rdflib Graph or Dataset) against both shape files: a :class:`Report`.

    The report of the first shape file the data does not conform to; if it conforms to both, one
    report of both files' warnings.  :func:`one_line` says it on one line, as a build does.

    ``triples``: the same data as N-Triples, if the caller has it (faster to load).  ``store``: a
    pyoxigraph Store (or anything with its ``query``) whose default graph holds the data and the
    ontology already, to check in place (an Oxigraph build's store); ``data`` is then a function
    that returns the rdflib graph, called only if pyshacl has to be used.
    Raises :class:`graph.validate.ontology.OntologyError` when a shapes or ontology file cannot be read.
    """
    try:
        compiled = [_compiled(load_shapes(INDICATOR_SHAPES)), _compiled(load_shapes())]
    except shacl.UnsupportedShape:  # the reference engine, one shape file at a time
        if store is not None:
            data = data()
        try:
            report = validate_indicators(data, engine="pyshacl")
        except IndicatorError as exc:
            raise OntologyError(str(exc)) from None
        if not report.conforms:
            return report
        main = validate(data, engine="pyshacl")
        return main if not main.conforms else _both(report, main)
    if store is None:
        store = shacl.to_store(triples if triples is not None else data, load_ontology())
    reports = []
    for checks, (name, subject) in zip(compiled, _SHAPE_FILES):
        report = Report(tuple(shacl.run_checks(checks, store)), shapes=name, subject=subject)
        if not report.conforms:
            return report
        reports.append(report)
    return _both(*reports)


def warm_up() -> None:
    """Read and compile both shape files and read the ontology, as :func:`check` would on first use.
    Raises :class:`graph.validate.ontology.OntologyError` as :func:`check` does."""
    try:
        _compiled(load_shapes(INDICATOR_SHAPES)), _compiled(load_shapes())
    except shacl.UnsupportedShape:  # check() falls back to pyshacl for them
        pass
    load_ontology()


def _both(*reports: Report) -> Report:
    """One conforming report of several: their warnings, under the names of all their files."""
    results = sorted({v for r in reports for v in r.results}, key=sort_key)
    return Report(tuple(results), shapes=" and ".join(name for name, _ in _SHAPE_FILES), subject=_SHAPE_FILES[-1][1])


_COMPILED: dict[int, tuple] = {}


def _compiled(shapes) -> list:
    """The compiled checks of a shapes graph, once per graph (:func:`graph.validate.ontology.load_shapes`
    caches the graphs, so each shapes file is compiled once per process)."""
    found = _COMPILED.get(id(shapes))
    if found is None or found[0] is not shapes:
        found = _COMPILED[id(shapes)] = (shapes, shacl.compile_shapes(shapes))
    return found[1]
