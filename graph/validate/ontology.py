"""Load the ontology and the SHACL shapes, and validate a graph against them.

Examples
--------
>>> from rdflib import Graph
>>> report = validate(Graph())
>>> report.conforms, report.results
(True, ())
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path

from rdflib import Dataset, Graph

from graph.rdf.turtle import OntologyError, read_package_turtle
from graph.resources import ontology_file
from graph.validate import shacl
from graph.validate.results import Report, from_results_graph

ONTOLOGY_PATH = ontology_file("wujing.ttl")
SHAPES_PATH = ontology_file("shapes.ttl")


def load_ontology(path: Path = ONTOLOGY_PATH) -> Graph:
    """The ontology as an rdflib Graph (read once per process, shared: do not change it)."""
    return read_package_turtle(Path(path))


def load_shapes(path: Path = SHAPES_PATH) -> Graph:
    """The SHACL shapes as an rdflib Graph (read once per process, shared: do not change it)."""
    return read_package_turtle(Path(path))


__all__ = ["ENGINES", "OntologyError", "load_ontology", "load_shapes", "run_shacl", "validate"]

#: The SHACL engines :func:`validate` can use: the shapes compiled to SPARQL and run by Oxigraph
#: (:mod:`graph.validate.shacl`, fast), or pyshacl (the reference implementation).
ENGINES = ("oxigraph", "pyshacl")


def validate(data: Graph, shapes: Graph | None = None, ontology: Graph | None = None,
             engine: str = "oxigraph") -> Report:
    """Validate ``data`` (the union of all graphs) against the shapes: a :class:`Report` of the results.

    The ontology is mixed into the data, so ``sh:class`` follows ``rdfs:subClassOf``.  ``engine``
    is one of :data:`ENGINES`; shapes that :mod:`graph.validate.shacl` cannot compile fall back to
    pyshacl.  With the default shapes, the report says it is about ``ontology/shapes.ttl``.
    """
    report = run_shacl(
        data,
        shapes if shapes is not None else load_shapes(),
        ontology if ontology is not None else load_ontology(),
        engine,
    )
    if shapes is None:
        report = replace(report, shapes="ontology/shapes.ttl", subject="the built graph")
    return report


def run_shacl(data: Graph, shapes: Graph, ontology: Graph | None = None, engine: str = "oxigraph") -> Report:
    """The :class:`Report` of ``data`` against ``shapes`` with ``engine``; warnings do not fail it.

    ``data`` may also be an rdflib Dataset: its named graphs are validated as one union graph.
    pyshacl's result graph is read node by node (:func:`graph.validate.results.from_results_graph`).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r}: use one of {', '.join(ENGINES)}")
    if engine == "oxigraph":
        try:
            checks = shacl.compile_shapes(shapes)
        except shacl.UnsupportedShape as exc:
            warnings.warn(f"{exc}: validating with pyshacl instead (slower)", stacklevel=2)
        else:
            return shacl.validate(data, shapes, ontology, checks)
    from pyshacl import validate as shacl_validate  # heavy: import only when validating

    if isinstance(data, Dataset):  # pyshacl would validate each named graph on its own
        union = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        data = union
    _, results, _ = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                   allow_warnings=True)
    return Report(from_results_graph(results))
