"""Do the figures conform to ``ontology/indicator-shapes.ttl`` (the RDF Data Cube integrity constraints)?

Examples
--------
>>> from rdflib import Graph
>>> indicators_problem(Graph()) is None
True
"""

from __future__ import annotations

from rdflib import Graph

from graph.extract.figures import IndicatorError
from graph.resources import ontology_file
from graph.validate.ontology import OntologyError, load_shapes, run_shacl, shacl_summary

SHAPES_PATH = ontology_file("indicator-shapes.ttl")


def _violations(text: str) -> str:
    """How many violations a pyshacl report lists (warnings aside), and the first, on one line."""
    blocks = [b for b in text.split("Validation Result in ") if "Severity: sh:Violation" in b]
    if not blocks:
        return shacl_summary(text)
    first = shacl_summary(blocks[0]).split(", first: ", 1)[-1]
    return f"{len(blocks)} violation(s), first: {first}"


def indicators_problem(data: Graph) -> str | None:
    """Why ``data`` does not conform to ``ontology/indicator-shapes.ttl``, in one line; None if it does."""
    conforms, text = validate_indicators(data)
    return None if conforms else f"the indicators do not conform to ontology/indicator-shapes.ttl: {_violations(text)}"


def validate_indicators(data: Graph, engine: str = "oxigraph") -> tuple[bool, str]:
    """Validate indicator data against ``ontology/indicator-shapes.ttl``; (conforms, report text).

    ``data`` holds the observations, their data set and structure, and the types of the
    sentences and clusters they refer to (:func:`cube_graph`, the union of all graphs, or the
    Dataset itself).
    Warnings (a cluster the extractor did not find) do not make it fail.  ``engine``: one of
    :data:`graph.ontology.ENGINES`.
    """
    try:
        shapes = load_shapes(SHAPES_PATH)
    except OntologyError as exc:
        raise IndicatorError(str(exc)) from None
    return run_shacl(data, shapes, None, engine)
