"""A small, fast, deterministic Turtle and TriG writer for the build's output.

rdflib's Turtle serializer spends most of its time looking up prefixes; the build calls it once
per named graph.  This writer keeps rdflib's layout (subjects, predicates and objects in rdflib's
order, ``;`` and ``,`` groups, ``a`` for ``rdf:type``, the same indentation), so the files read as
before, but names terms with one dictionary lookup each.  Its output parses back to the same
triples rdflib's output did:

* an IRI is written as a prefixed name when a bound namespace is a prefix of it and the rest is a
  valid local name (no escapes needed), else as ``<…>``;
* ``xsd:integer``, ``xsd:decimal``, ``xsd:double`` and ``xsd:boolean`` literals are written bare
  only when their lexical form is exactly what the bare Turtle token reads back as (``42``,
  ``1.5``, ``true``); the one exception is rdflib's: a decimal without a point (``"16"``) is
  written ``16.0``, as rdflib writes it, so the files say what they said before; every other
  typed literal is ``"…"^^datatype``;
* strings escape ``\\``, ``"`` and every control character, so any text round-trips;
* blank nodes are written ``_:b0``, ``_:b1``… in order of first use.

Only the prefixes used are declared.  The output is byte-identical for the same graph.

Both writers are rdflib serializer plugins, ``wujing-turtle`` and ``wujing-trig`` (registered when
this module is imported, and as ``rdf.plugins.serializer`` entry points in ``setup.cfg``), so
``g.serialize(format="wujing-turtle")`` is :func:`to_turtle` and ``ds.serialize(format="wujing-trig")``
is :func:`to_trig`.

Examples
--------
>>> from rdflib import Graph, Literal, Namespace, RDF
>>> EX = Namespace("https://example.org/")
>>> g = Graph()
>>> g.bind("ex", EX)
>>> g.add((EX.a, RDF.type, EX.Thing))
<Graph identifier=... (<class 'rdflib.graph.Graph'>)>
>>> g.add((EX.a, EX.name, Literal('say "hi"\\n', lang="en")))
<Graph identifier=... (<class 'rdflib.graph.Graph'>)>
>>> print(to_turtle(g), end="")
@prefix ex: <https://example.org/> .
<BLANKLINE>
ex:a a ex:Thing ;
    ex:name "say \\"hi\\"\\n"@en .
<BLANKLINE>
>>> g.serialize(format="wujing-turtle") == to_turtle(g)
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import IO

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef, plugin
from rdflib.serializer import Serializer

from graph.errors import WujingError


def serialize(ds: Dataset, union: Graph) -> tuple[str, str]:
    """TriG and Turtle text, byte-identical for the same input.

    One ``@prefix`` block (the prefixes used), then each non-empty named graph in order of graph
    IRI; subjects, predicates and objects sorted as rdflib's Turtle writer sorts them.  Written by
    :mod:`graph.turtle` (rdflib's writer, called once per graph, took most of the time of a build).

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> from graph.rdf.convert import union_graph
    >>> from graph.rdf.namespaces import WJ
    >>> ds = Dataset()
    >>> ds.bind("wj", str(WJ._NS))
    >>> s0001 = ds.graph(URIRef("https://w3id.org/wujing-kg/id/report/r/s0001"))
    >>> s0001.add((WJ.Park, WJ.year, Literal("2025", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> trig, ttl = serialize(ds, union_graph(ds))
    >>> print(trig, end="")
    @prefix wj: <https://w3id.org/wujing-kg/ontology#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    <BLANKLINE>
    <https://w3id.org/wujing-kg/id/report/r/s0001> {
        wj:Park wj:year "2025"^^xsd:gYear .
    }
    """
    return ds.serialize(format="wujing-trig"), union.serialize(format="wujing-turtle")


__all__ = ["Namer", "TrigSerializer", "TurtleSerializer", "quote", "serialize", "to_turtle", "to_trig",
           "turtle_body"]

# fmt: off
_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
         "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_CHARS = _BASE + "_\\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
# fmt: on
#: a local name that needs no escapes (``:`` and ``%xx`` left out: never needed here)
_LOCAL = re.compile(f"(?:[{_BASE}_0-9](?:[{_CHARS}.]*[{_CHARS}])?)?")
_PREFIX = re.compile(f"(?:[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?)?")
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# the bare tokens of Turtle and the datatype each reads back as
_BARE = {
    XSD.integer: re.compile(r"[+-]?[0-9]+"),
    XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD.double: re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+"),
    XSD.boolean: re.compile(r"true|false"),
}
_DIGITS = _BARE[XSD.integer]


def _escape_char(match: re.Match) -> str:
    ch = match.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def quote(text: str) -> str:
    """``text`` as a Turtle string: ``"…"`` with quotes, backslashes and control characters escaped."""
    return '"' + (_STRING_UNSAFE.sub(_escape_char, text) if _STRING_UNSAFE.search(text) else text) + '"'


#: How many IRIs and how many literals a :class:`Namer` keeps the text of: the most recent, the
#: cache emptied when full, so that writing a graph of any size holds a bounded number (a cache of
#: every term held 0.2 GB at 300 reports); a term's text depends on the term alone.
NAMER_CACHE = 100_000


class Namer:
    """Turtle text for RDF terms, with the prefixes of ``namespaces`` (``(prefix, IRI)`` pairs).

    ``used`` collects the prefixes the text refers to; the text of up to ``cache`` IRIs and
    ``cache`` literals is kept (the cache emptied when full), so memory stays bounded whatever
    the graph's size.  Blank node labels are kept for every blank node: they number them in order.

    >>> namer = Namer([("ex", "https://example.org/")], cache=1)
    >>> namer.term(URIRef("https://example.org/a")), namer.term(URIRef("https://example.org/b"))
    ('ex:a', 'ex:b')
    >>> len(namer._iris), namer.prefix_lines()
    (1, ['@prefix ex: <https://example.org/> .'])
    """
    def __init__(self, namespaces: Iterable[tuple[str, str]], cache: int = NAMER_CACHE):
        spaces = {(str(ns), p) for p, ns in namespaces if _PREFIX.fullmatch(p) and str(ns)}
        self._spaces = sorted(spaces, key=lambda x: (-len(x[0]), x[1], x[0]))  # longest namespace first
        self._cache = cache
        self._literals: dict[Literal, str] = {}
        self._iris: dict[str, str] = {}
        self._bnodes: dict[BNode, str] = {}
        self.used: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        """A prefixed name (``wj:Park``) or ``<…>``."""
        text = self._iris.get(iri)
        if text is None:
            for ns, prefix in self._spaces:
                if iri.startswith(ns) and _LOCAL.fullmatch(iri, len(ns)):
                    self.used[prefix] = ns
                    text = f"{prefix}:{iri[len(ns):]}"
                    break
            else:
                text = "<" + (_IRI_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", iri)) + ">"
            if len(self._iris) >= self._cache:
                self._iris.clear()
            self._iris[iri] = text
        return text

    def literal(self, lit: Literal) -> str:
        """A literal: bare when Turtle reads the bare token back as the same literal, else quoted."""
        lex, dt = str(lit), lit.datatype
        if dt is None:
            return quote(lex) + (f"@{lit.language}" if lit.language else "")
        bare = _BARE.get(dt)
        if bare is not None and bare.fullmatch(lex):
            return lex
        if dt == XSD.decimal and _DIGITS.fullmatch(lex):
            return lex + ".0"  # what rdflib writes, and so what wujing.trig has always said
        return f"{quote(lex)}^^{self.iri(dt)}"

    def term(self, node) -> str:
        """The text of an IRI, literal or blank node."""
        cls = type(node)  # type() first: isinstance() on rdflib's terms goes through ABCMeta
        if cls is URIRef:
            key = str(node)  # a plain str: the cache's keys are (a URIRef never equals a str)
            return self._iris.get(key) or self.iri(key)
        if cls is Literal or isinstance(node, Literal):
            text = self._literals.get(node)
            if text is None:
                if len(self._literals) >= self._cache:
                    self._literals.clear()
                text = self._literals[node] = self.literal(node)
            return text
        if isinstance(node, URIRef):
            return self.iri(str(node))
        if isinstance(node, BNode):
            return self._bnodes.setdefault(node, f"_:b{len(self._bnodes)}")
        raise TypeError(f"cannot write {node!r} as Turtle")

    def prefix_lines(self) -> list[str]:
        """``@prefix`` declarations of the prefixes used so far, sorted."""
        return sorted(f"@prefix {p}: <{ns}> ." for p, ns in self.used.items())


_TYPE, _LABEL, _CLASS = str(RDF.type), str(RDFS.label), str(RDFS.Class)


def _key(node):
    # plain strings hash and compare in C (rdflib's terms compare in Python); blank nodes stay apart
    return str(node) if type(node) is URIRef or not isinstance(node, BNode) else node


def turtle_body(triples: Iterable[tuple], namer: Namer, indent: str = "") -> list[str]:
    """The statements of ``triples``, one string per subject (without prefixes), in rdflib's order.

    Subjects typed ``rdfs:Class`` come first, then subjects by how often they are referred to as
    an object, then by IRI; blank nodes last.  Predicates: ``rdf:type``, ``rdfs:label``, then by
    IRI; objects in rdflib's term order.  Every line starts with ``indent``.
    """
    tree: dict = {}
    subjects: dict = {}
    refs: dict = {}
    for s, p, o in triples:
        ks = str(s) if type(s) is URIRef else _key(s)
        props = tree.get(ks)
        if props is None:
            subjects[ks] = s
            tree[ks] = {str(p): [o]}
        else:
            kp = str(p)
            objects = props.get(kp)
            if objects is None:
                props[kp] = [o]
            else:
                objects.append(o)
        cls = type(o)
        if cls is URIRef or (cls is not Literal and not isinstance(o, Literal)):
            ko = str(o) if cls is URIRef else _key(o)
            refs[ko] = refs.get(ko, 0) + 1
    top = [k for k, props in tree.items() if _TYPE in props and any(
        not isinstance(o, (Literal, BNode)) and str(o) == _CLASS for o in props[_TYPE])]
    skip = set(top)
    rest = sorted((type(k) is not str, refs.get(k, 0), str(k), k) for k in tree if k not in skip)
    order = sorted(top, key=lambda k: (type(k) is not str, str(k))) + [k for *_, k in rest]
    term, iri = namer.term, namer.iri
    sep_pred, sep_obj = " ;\n" + indent + "    ", ",\n" + indent + "        "
    out = []
    for ks in order:
        props = tree[ks]
        preds = sorted(props)
        if _LABEL in props:
            preds.remove(_LABEL)
            preds.insert(0, _LABEL)
        if _TYPE in props:
            preds.remove(_TYPE)
            preds.insert(0, _TYPE)
        parts = [indent, term(subjects[ks]) if type(ks) is not str else iri(ks)]
        for i, p in enumerate(preds):
            parts.append(sep_pred if i else " ")
            parts.append("a" if p == _TYPE else iri(p))
            objects = props[p]
            if len(objects) > 1:
                objects = sorted(objects)  # rdflib's order (literals by value), as its serializer sorts
            parts.append(" ")
            parts.append(term(objects[0]))
            for o in objects[1:]:
                parts.append(sep_obj)
                parts.append(term(o))
        parts.append(" .")
        out.append("".join(parts))
    return out


def to_turtle(g: Graph) -> str:
    """``g`` as a Turtle document with the prefixes bound in it (those used)."""
    namer = Namer(g.namespaces())
    body = turtle_body(g, namer)
    head = "".join(line + "\n" for line in namer.prefix_lines())
    return head + "".join(f"\n{stmt}\n" for stmt in body) + "\n"


def to_trig(ds: Dataset) -> str:
    """``ds`` as TriG: one ``@prefix`` block, then each non-empty graph in order of its IRI."""
    namer = Namer(ds.namespaces())
    parts = []
    for ctx in sorted(ds.graphs(), key=lambda c: str(c.identifier)):
        body = "\n\n".join(turtle_body(ctx.triples((None, None, None)), namer, indent="    "))
        if body:
            name = ctx.identifier
            label = f"<{name}>" if isinstance(name, URIRef) else namer.term(name)
            parts.append(f"\n{label} {{\n{body}\n}}\n")
    return "".join(line + "\n" for line in namer.prefix_lines()) + "".join(parts)


class TurtleSerializer(Serializer):
    """The rdflib serializer plugin ``wujing-turtle``: :func:`to_turtle` of the graph.

    Examples
    --------
    >>> g = Graph().parse(format="turtle", data="<https://example.org/a> <https://example.org/b> 1 .")
    >>> print(g.serialize(format="wujing-turtle"), end="")
    <BLANKLINE>
    <https://example.org/a> <https://example.org/b> 1 .
    <BLANKLINE>
    """

    def serialize(self, stream: IO[bytes], base: str | None = None, encoding: str | None = None, **args) -> None:
        stream.write(to_turtle(self.store).encode(encoding or "utf-8"))


class TrigSerializer(Serializer):
    """The rdflib serializer plugin ``wujing-trig``: :func:`to_trig` of a Dataset (a graph without
    named graphs is written as Turtle, which is TriG of the default graph)."""

    def serialize(self, stream: IO[bytes], base: str | None = None, encoding: str | None = None, **args) -> None:
        text = to_trig(self.store) if isinstance(self.store, Dataset) else to_turtle(self.store)
        stream.write(text.encode(encoding or "utf-8"))


plugin.register("wujing-turtle", Serializer, __name__, "TurtleSerializer")
plugin.register("wujing-trig", Serializer, __name__, "TrigSerializer")


class OntologyError(WujingError, ValueError):
    """The ontology or shapes file cannot be read."""


def read_turtle(path: Path) -> Graph:
    """A Turtle file as a Graph, or :class:`OntologyError` with one line saying what is wrong and where."""
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


@lru_cache(maxsize=16)
def read_package_turtle(path: Path) -> Graph:
    """A Turtle file of the package (``ontology/``), read once per process by :func:`read_turtle`.

    The ontology, the vocabularies and the shapes are read by the extractor's word lookup, the
    Data Cube, the validators and the stores; they share the one Graph, and none of them changes it.
    """
    return read_turtle(Path(path))

