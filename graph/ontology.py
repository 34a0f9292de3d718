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

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_PATH = ROOT / "ontology" / "wujing.ttl"
SHAPES_PATH = ROOT / "ontology" / "shapes.ttl"


class OntologyError(ValueError):
    """The ontology or shapes file cannot be read."""


def _parse(path: Path) -> Graph:
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except FileNotFoundError:
        raise OntologyError(f"{path}: file not found") from None
    except Exception as exc:  # rdflib raises several parser errors; all mean the same to a user
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        # rdflib's BadSyntax: "at line 2 of <>:\nBad syntax (Prefix "wj:" not bound) at ^ in: ..."
        bad = re.search(r"at line (\d+).*?Bad syntax \((.*?)\) at \^", str(exc), re.S)
        first = f"line {bad.group(1)}: {bad.group(2)}" if bad else first
        raise OntologyError(f"{path}: not valid Turtle: {first}") from exc
    return g


@lru_cache(maxsize=2)
def load_ontology(path: Path = ONTOLOGY_PATH) -> Graph:
    """The ontology as an rdflib Graph."""
    return _parse(Path(path))


@lru_cache(maxsize=2)
def load_shapes(path: Path = SHAPES_PATH) -> Graph:
    """The SHACL shapes as an rdflib Graph."""
    return _parse(Path(path))


def validate(data: Graph, shapes: Graph | None = None, ontology: Graph | None = None) -> tuple[bool, str]:
    """Validate ``data`` (the union of all graphs) against the shapes; return (conforms, report text)."""
    from pyshacl import validate as shacl_validate  # heavy: import only when validating

    conforms, _, text = shacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        ont_graph=ontology if ontology is not None else load_ontology(),
        inference="none",
        allow_warnings=True,
    )
    return bool(conforms), text
