"""Load the ontology and the SHACL shapes, and validate a graph against them.

Examples
--------
>>> from rdflib import Graph
>>> conforms, report = validate(Graph())
>>> conforms
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from graph.rdf.turtle import OntologyError, read_turtle
from graph.resources import ontology_file
from graph.validate import shacl

ONTOLOGY_PATH = ontology_file("wujing.ttl")
SHAPES_PATH = ontology_file("shapes.ttl")




@lru_cache(maxsize=2)
def load_ontology(path: Path = ONTOLOGY_PATH) -> Graph:
    """The ontology as an rdflib Graph."""
    return read_turtle(Path(path))


@lru_cache(maxsize=2)
def load_shapes(path: Path = SHAPES_PATH) -> Graph:
    """The SHACL shapes as an rdflib Graph."""
    return read_turtle(Path(path))


#: The SHACL engines :func:`validate` can use: the shapes compiled to SPARQL and run by Oxigraph
#: (:mod:`graph.shacl`, fast), or pyshacl (the reference implementation).
__all__ = ["ENGINES", "OntologyError", "load_ontology", "load_shapes", "run_shacl", "shacl_summary", "validate"]

ENGINES = ("oxigraph", "pyshacl")


def validate(data: Graph, shapes: Graph | None = None, ontology: Graph | None = None,
             engine: str = "oxigraph") -> tuple[bool, str]:
    """Validate ``data`` (the union of all graphs) against the shapes; return (conforms, report text).

    The ontology is mixed into the data, so ``sh:class`` follows ``rdfs:subClassOf``.  ``engine``
    is one of :data:`ENGINES`; shapes that :mod:`graph.shacl` cannot compile fall back to pyshacl.
    """
    return run_shacl(
        data,
        shapes if shapes is not None else load_shapes(),
        ontology if ontology is not None else load_ontology(),
        engine,
    )


def run_shacl(data: Graph, shapes: Graph, ontology: Graph | None = None, engine: str = "oxigraph") -> tuple[bool, str]:
    """(conforms, report text) of ``data`` against ``shapes`` with ``engine``; warnings do not fail it.

    ``data`` may also be an rdflib Dataset: its named graphs are validated as one union graph.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r}: use one of {', '.join(ENGINES)}")
    if engine == "oxigraph":

        try:
            checks = shacl.compile_shapes(shapes)
        except shacl.UnsupportedShape as exc:
            import warnings

            warnings.warn(f"{exc}: validating with pyshacl instead (slower)", stacklevel=2)
        else:
            conforms, text, _ = shacl.validate(data, shapes, ontology, checks)
            return conforms, text
    from pyshacl import validate as shacl_validate  # heavy: import only when validating
    from rdflib import Dataset

    if isinstance(data, Dataset):  # pyshacl would validate each named graph on its own
        union = Graph()
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        data = union
    conforms, _, text = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                       allow_warnings=True)
    return bool(conforms), text


def shacl_summary(text: str) -> str:
    """The first violation of a pyshacl report, on one line: its focus node and message."""
    focus = next((ln.split(":", 1)[1].strip() for ln in text.splitlines() if "Focus Node:" in ln), "?")
    message = next((ln.split(":", 1)[1].strip() for ln in text.splitlines() if "Message:" in ln), "?")
    count = re.search(r"Results \((\d+)\)", text)
    return f"{count.group(1) if count else '?'} violation(s), first: {focus}: {message}"
