"""Do the figures conform to ``ontology/indicator-shapes.ttl`` (the RDF Data Cube integrity constraints)?

Examples
--------
>>> from rdflib import Graph
>>> indicators_problem(Graph()) is None
True
"""

from __future__ import annotations

from dataclasses import replace

from rdflib import Graph

from graph.extract.figures import IndicatorError
from graph.resources import ontology_file
from graph.validate.ontology import OntologyError, load_shapes, run_shacl
from graph.validate.results import Report, one_line

__all__ = ["SHAPES_PATH", "indicators_problem", "validate_indicators"]

SHAPES_PATH = ontology_file("indicator-shapes.ttl")


def indicators_problem(data: Graph) -> str | None:
    """Why ``data`` does not conform to ``ontology/indicator-shapes.ttl``, in one line
    (:func:`graph.validate.results.one_line`); None if it does."""
    report = validate_indicators(data)
    return None if report.conforms else one_line(report)


def validate_indicators(data: Graph, engine: str = "oxigraph") -> Report:
    """Validate indicator data against ``ontology/indicator-shapes.ttl``: the :class:`Report` of the results.

    ``data`` holds the observations, their data set and structure, and the types of the
    sentences and clusters they refer to (:func:`graph.rdf.cube.cube_graph`, the union of all
    graphs, or the Dataset itself).  Warnings (a cluster the extractor did not find) do not make it
    fail.  ``engine``: one of :data:`graph.validate.ontology.ENGINES`.
    """
    try:
        shapes = load_shapes(SHAPES_PATH)
    except OntologyError as exc:
        raise IndicatorError(str(exc)) from None
    report = run_shacl(data, shapes, None, engine)
    return replace(report, shapes="ontology/indicator-shapes.ttl", subject="the indicator graph")
