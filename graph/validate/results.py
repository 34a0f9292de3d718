"""Validation results as data: one :class:`Violation` per SHACL result, a :class:`Report` of them, and
:func:`one_line`, the one line a build prints when a graph does not conform.

Both engines give the same objects: the shapes compiled to SPARQL (:mod:`graph.validate.shacl`) make
them from query rows, and pyshacl's result graph is read as a graph, one ``sh:result`` node at a time
(:func:`from_results_graph`), never through its text report.

Examples
--------
>>> from rdflib import URIRef
>>> report = Report((Violation(URIRef("https://example.org/p2"), component="MinCountConstraintComponent",
...                            path="<https://example.org/name>", message="A park has a name."),),
...                 shapes="ontology/shapes.ttl", subject="the built graph")
>>> report.conforms
False
>>> one_line(report)
'the built graph does not conform to ontology/shapes.ttl: 1 violation(s), first: <https://example.org/p2>: A park has a name.'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

__all__ = ["SEVERITIES", "Report", "Violation", "from_results_graph", "one_line", "sort_key"]

#: The SHACL severities, most severe first; only a ``Violation`` makes a graph not conform.
SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True, order=True)
class Violation:
    """One validation result (``sh:ValidationResult``), whatever its severity.

    Parameters
    ----------
    focus
        The focus node (``sh:focusNode``).
    value
        The value node (``sh:value``), or None.
    shape
        The source shape, as N3 (``sh:sourceShape``: an IRI or a blank node of the shapes graph).
    component
        The constraint component's local name, e.g. ``"MinCountConstraintComponent"``.
    path
        The property path in SPARQL syntax (``<iri>``, ``^(<iri>)``...), or None for a node shape.
    severity
        One of :data:`SEVERITIES`.
    message
        ``sh:message`` of the shape (placeholders filled), or the engine's default message.
    """
    focus: Node
    value: Node | None = field(default=None, compare=False)
    shape: str = ""
    component: str = ""
    path: str | None = field(default=None, compare=False)
    severity: str = "Violation"
    message: str = ""


def sort_key(v: Violation) -> tuple:
    """The order results are reported in: by focus node, path, component, value, message and shape.

    The shape comes last: a shape that is a blank node has a new name in every run.
    """
    return str(v.focus), v.path or "", v.component, str(v.value), v.message, v.shape


@dataclass(frozen=True)
class Report:
    """The results of validating a graph against one set of shapes.

    ``shapes`` names the shapes (``"ontology/shapes.ttl"``) and ``subject`` what was validated
    (``"the built graph"``), for :func:`one_line`.  ``str(report)`` is the whole report, one
    result after the other, laid out as pyshacl lays out its text report.
    """
    results: tuple[Violation, ...] = ()
    shapes: str = "the shapes"
    subject: str = "the graph"

    @property
    def violations(self) -> tuple[Violation, ...]:
        """The results of severity ``Violation`` (warnings and infos left out)."""
        return tuple(v for v in self.results if v.severity == "Violation")

    @property
    def conforms(self) -> bool:
        """True when no result is a ``Violation`` (warnings do not make a graph fail)."""
        return not self.violations

    def __str__(self) -> str:
        lines = ["Validation Report", f"Conforms: {self.conforms}"]
        if self.results:
            lines.append(f"Results ({len(self.results)}):")
        for v in self.results:
            lines += [
                f"Constraint Violation in {v.component} ({SH[v.component]}):",
                f"\tSeverity: sh:{v.severity}",
                f"\tSource Shape: {v.shape}",
                f"\tFocus Node: {v.focus.n3()}",
            ]
            if v.value is not None:
                lines.append(f"\tValue Node: {v.value.n3()}")
            if v.path is not None:
                lines.append(f"\tResult Path: {v.path}")
            lines.append(f"\tMessage: {v.message}")
        return "\n".join(lines) + "\n"


def one_line(report: Report) -> str:
    """The report on one line: how many violations, and the first one's focus node and message.

    What a build says when it stops, and what ``BuildError`` carries.  Warnings are not counted.
    """
    found = report.violations
    if not found:
        return f"{report.subject} conforms to {report.shapes}"
    first = found[0]
    return (f"{report.subject} does not conform to {report.shapes}: {len(found)} violation(s), "
            f"first: {first.focus.n3()}: {_flat(first.message) or first.component}")


def _flat(text: str) -> str:
    return " ".join(text.split())


def from_results_graph(results: Graph) -> tuple[Violation, ...]:
    """The ``sh:result`` nodes of a SHACL validation report graph (pyshacl's), as violations, sorted.

    Examples
    --------
    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
    ...     [] a sh:ValidationReport ; sh:conforms false ; sh:result [ a sh:ValidationResult ;
    ...         sh:focusNode ex:p2 ; sh:resultPath ex:name ; sh:resultSeverity sh:Violation ;
    ...         sh:sourceConstraintComponent sh:MinCountConstraintComponent ; sh:sourceShape ex:S ;
    ...         sh:resultMessage "A park has a name." ] .''')
    >>> [(str(v.focus), v.path, v.component, v.message) for v in from_results_graph(g)]
    [('https://example.org/p2', '<https://example.org/name>', 'MinCountConstraintComponent', 'A park has a name.')]
    """
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(r, SH.resultSeverity)
        component = results.value(r, SH.sourceConstraintComponent)
        shape = results.value(r, SH.sourceShape)
        path = results.value(r, SH.resultPath)
        messages = sorted(results.objects(r, SH.resultMessage), key=lambda m: (m.language or "", str(m)))
        out.append(Violation(
            focus=results.value(r, SH.focusNode),
            value=results.value(r, SH.value),
            shape=shape.n3() if shape is not None else "",
            component=_local(component),
            path=_path(results, path) if path is not None else None,
            severity=_local(severity) or "Violation",
            message=str(messages[0]) if messages else "",
        ))
    return tuple(sorted(out, key=sort_key))


def _local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1] if iri is not None else ""


def _path(g: Graph, node) -> str:
    """A SHACL property path of ``g`` in SPARQL syntax, as the compiler writes it."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if (node, RDF.first, None) in g:
        return "/".join(f"({_path(g, p)})" for p in Collection(g, node))
    for pred, fmt in ((SH.inversePath, "^({})"), (SH.zeroOrMorePath, "({})*"),
                      (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
        inner = g.value(node, pred)
        if inner is not None:
            return fmt.format(_path(g, inner))
    alt = g.value(node, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(f"({_path(g, p)})" for p in Collection(g, alt)) + ")"
    return node.n3() if isinstance(node, BNode) else str(node)
