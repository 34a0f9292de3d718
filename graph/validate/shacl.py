"""Fast SHACL validation: the shapes compiled to SPARQL queries that Oxigraph answers.

pyshacl is the reference SHACL engine, but it walks the data graph node by node through rdflib,
about 2 s for one report's graph (both shape files); a thousand reports would spend half an hour
there.  This module turns each constraint of a shapes graph into one SPARQL ``SELECT`` that returns
the violations (focus node and value node), and runs them all in an in-memory Oxigraph store: the
same report in about 0.1 s.

Only the SHACL Core constructs the project's shape files use are compiled (targets by class,
subject, object and node; property paths of every kind; the value type, cardinality, value range,
string, language, logical, shape-based, qualified and ``sh:hasValue``/``sh:in`` components) plus
SPARQL-based constraints with ``$this``.  A shapes graph that uses anything else raises
:class:`UnsupportedShape`, and :func:`graph.ontology.validate` then falls back to pyshacl, so a new
shape never goes unchecked.  ``tests/validate/test_shacl_engines.py`` runs both engines on the built graph and
on deliberately broken ones and checks that they report the same focus nodes.

As with pyshacl's ``inference="none"`` and ``ont_graph``, the ontology's triples are added to the
data, so ``sh:class`` and ``sh:targetClass`` follow ``rdfs:subClassOf``.

Examples
--------
>>> from rdflib import Graph
>>> shapes = Graph().parse(format="turtle", data='''
...     @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
...     ex:S a sh:NodeShape ; sh:targetClass ex:Park ;
...         sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "A park has a name." ] .''')
>>> data = Graph().parse(format="turtle", data='''
...     @prefix ex: <https://example.org/> . ex:p1 a ex:Park ; ex:name "P1" . ex:p2 a ex:Park .''')
>>> [(str(v.focus), v.message) for v in run_checks(compile_shapes(shapes), to_store(data))]
[('https://example.org/p2', 'A park has a name.')]
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from graph.rdf.terms import to_rdflib_term
from graph.validate.results import Report, Violation, sort_key

__all__ = [
    "Check",
    "UnsupportedShape",
    "compile_shapes",
    "run_checks",
    "to_store",
    "validate",
]


class UnsupportedShape(ValueError):
    """The shapes use a SHACL construct this module does not compile (use pyshacl instead)."""


@dataclass(frozen=True)
class Check:
    """One constraint as a query: each row (``?this``, optional ``?value``) is a violation."""
    shape: str  # the source shape, as N3 (an IRI or a blank node of the shapes graph)
    component: str  # e.g. "MinCountConstraintComponent"
    path: str | None  # the property path in SPARQL syntax, for property shapes
    severity: str  # "Violation", "Warning" or "Info"
    message: str  # sh:message, or a default; {?var} and {$this} are filled from the row
    query: str
    # a SPARQL constraint: its focus-node pattern and the query around it, to run once per focus node
    focus: str | None = None
    around: tuple[str, str] | None = None


_SH_NS = str(SH)
_TYPE_PATH = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
_XSD_STRING = str(XSD.string)
# lexical forms of the datatypes whose literals the shapes check; others: the datatype IRI alone
_LEXICAL = {
    XSD.integer: r"^[+-]?[0-9]+$",
    XSD.decimal: r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$",
    XSD.boolean: r"^(true|false|1|0)$",
    XSD.gYear: r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$",
}
# the parameters each compiled component reads; any other sh: predicate on a shape is unsupported
_KNOWN = {
    SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.property, SH.path,
    SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.deactivated,
    SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.languageIn, SH.pattern, SH.flags,
    SH.minLength, SH.maxLength, SH.minCount, SH.maxCount, SH.uniqueLang, SH.hasValue, SH["or"],
    SH["and"], SH["not"], SH.xone, SH.node, SH.qualifiedValueShape, SH.qualifiedMinCount,
    SH.qualifiedMaxCount, SH.sparql, SH.minInclusive, SH.minExclusive, SH.maxInclusive, SH.maxExclusive,
}


def _n3(term) -> str:
    """A term in SPARQL syntax: ``<iri>``, ``"text"@zh``, ``"1"^^<...#integer>``."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise UnsupportedShape(f"blank node {term} used as a value in a shape")


class _Compiler:
    def __init__(self, shapes: Graph):
        self.g = shapes
        self.fresh = (f"?_v{i}" for i in itertools.count())

    # ------------------------------------------------------------ shapes graph helpers

    def one(self, node, pred):
        values = list(self.g.objects(node, pred))
        if len(values) > 1:
            raise UnsupportedShape(f"shape {node.n3()} has {len(values)} values for {pred.n3()}")
        return values[0] if values else None

    def items(self, node) -> list:
        return list(Collection(self.g, node))

    def path(self, node) -> str:
        if isinstance(node, URIRef):
            return f"<{node}>"
        if (node, RDF.first, None) in self.g:
            return "/".join(f"({self.path(p)})" for p in self.items(node))
        for pred, fmt in ((SH.inversePath, "^({})"), (SH.zeroOrMorePath, "({})*"),
                          (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
            inner = self.one(node, pred)
            if inner is not None:
                return fmt.format(self.path(inner))
        alt = self.one(node, SH.alternativePath)
        if alt is not None:
            return "(" + "|".join(f"({self.path(p)})" for p in self.items(alt)) + ")"
        raise UnsupportedShape(f"unsupported property path {node.n3()}")

    def int_param(self, node, pred) -> int | None:
        value = self.one(node, pred)
        return None if value is None else int(value)

    # ------------------------------------------------------------ conditions on one value

    def value_conditions(self, shape, v: str) -> list[tuple[str, str]]:
        """(component, SPARQL expression true when ``v`` conforms) for each value-based constraint."""
        g, out = self.g, []
        for cls in sorted(g.objects(shape, SH["class"])):
            out.append(("ClassConstraintComponent", f"EXISTS {{ {v} {_TYPE_PATH} {_n3(cls)} }}"))
        for dt in sorted(g.objects(shape, SH.datatype)):
            if dt == RDF.langString:
                cond = f"(isLiteral({v}) && LANG({v}) != \"\")"
            else:
                cond = f"(isLiteral({v}) && sameTerm(DATATYPE({v}), {_n3(dt)})"
                if dt in _LEXICAL:
                    cond += f" && REGEX(STR({v}), {Literal(_LEXICAL[dt]).n3()})"
                cond += ")"
            out.append(("DatatypeConstraintComponent", cond))
        for kind in sorted(g.objects(shape, SH.nodeKind)):
            tests = {SH.IRI: f"isIRI({v})", SH.BlankNode: f"isBlank({v})", SH.Literal: f"isLiteral({v})",
                     SH.BlankNodeOrIRI: f"(isBlank({v}) || isIRI({v}))",
                     SH.BlankNodeOrLiteral: f"(isBlank({v}) || isLiteral({v}))",
                     SH.IRIOrLiteral: f"(isIRI({v}) || isLiteral({v}))"}
            if kind not in tests:
                raise UnsupportedShape(f"unknown sh:nodeKind {kind.n3()}")
            out.append(("NodeKindConstraintComponent", tests[kind]))
        for lst in g.objects(shape, SH["in"]):
            terms = self.items(lst)
            cond = " || ".join(f"sameTerm({v}, {_n3(t)})" for t in terms) or "false"
            out.append(("InConstraintComponent", f"({cond})"))
        for lst in g.objects(shape, SH.languageIn):
            tags = " || ".join(f"langMatches(LANG({v}), {Literal(str(t)).n3()})" for t in self.items(lst))
            out.append(("LanguageInConstraintComponent", f"(isLiteral({v}) && ({tags or 'false'}))"))
        for pattern in g.objects(shape, SH.pattern):
            flags = self.one(shape, SH.flags)
            args = f"{Literal(str(pattern)).n3()}" + (f", {Literal(str(flags)).n3()}" if flags else "")
            out.append(("PatternConstraintComponent", f"(!isBlank({v}) && REGEX(STR({v}), {args}))"))
        for pred, op, name in ((SH.minLength, ">=", "MinLength"), (SH.maxLength, "<=", "MaxLength")):
            n = self.int_param(shape, pred)
            if n is not None:
                out.append((f"{name}ConstraintComponent", f"(!isBlank({v}) && STRLEN(STR({v})) {op} {n})"))
        for pred, op, name in ((SH.minInclusive, ">=", "MinInclusive"), (SH.minExclusive, ">", "MinExclusive"),
                               (SH.maxInclusive, "<=", "MaxInclusive"), (SH.maxExclusive, "<", "MaxExclusive")):
            bound = self.one(shape, pred)
            if bound is not None:
                out.append((f"{name}ConstraintComponent", f"COALESCE({v} {op} {_n3(bound)}, false)"))
        for lst in g.objects(shape, SH["or"]):
            members = [self.conforms(m, v) for m in self.items(lst)]
            out.append(("OrConstraintComponent", "(" + " || ".join(members or ["false"]) + ")"))
        for lst in g.objects(shape, SH["and"]):
            members = [self.conforms(m, v) for m in self.items(lst)]
            out.append(("AndConstraintComponent", "(" + " && ".join(members or ["true"]) + ")"))
        for lst in g.objects(shape, SH.xone):
            members = [f"IF({self.conforms(m, v)}, 1, 0)" for m in self.items(lst)]
            out.append(("XoneConstraintComponent", f"(({' + '.join(members or ['0'])}) = 1)"))
        for member in g.objects(shape, SH["not"]):
            out.append(("NotConstraintComponent", f"!({self.conforms(member, v)})"))
        for member in sorted(g.objects(shape, SH.node)):
            out.append(("NodeConstraintComponent", self.conforms(member, v)))
        return out

    def conforms(self, shape, v: str) -> str:
        """A SPARQL expression: ``v`` conforms to ``shape`` (a shape nested in sh:or, sh:not, ...)."""
        self.check_known(shape)
        if (shape, SH.sparql, None) in self.g or (shape, SH.qualifiedValueShape, None) in self.g:
            raise UnsupportedShape(f"SPARQL or qualified constraints inside a nested shape {shape.n3()}")
        parts = []
        path = self.one(shape, SH.path)
        if path is None:
            parts += [cond for _, cond in self.value_conditions(shape, v)]
        else:
            p = self.path(path)
            x = next(self.fresh)
            for _, cond in self.value_conditions(shape, x):
                parts.append(f"NOT EXISTS {{ {v} {p} {x} . FILTER (!({cond})) }}")
            low, high = self.int_param(shape, SH.minCount), self.int_param(shape, SH.maxCount)
            if low and low > 1 or high not in (None, 0) or (shape, SH.uniqueLang, None) in self.g \
                    or (shape, SH.hasValue, None) in self.g:
                raise UnsupportedShape(f"counts other than sh:minCount 1 / sh:maxCount 0 in nested shape {shape.n3()}")
            if low == 1:
                parts.append(f"EXISTS {{ {v} {p} {next(self.fresh)} }}")
            if high == 0:
                parts.append(f"NOT EXISTS {{ {v} {p} {next(self.fresh)} }}")
        for prop in self.g.objects(shape, SH.property):
            parts.append(self.conforms(prop, v))
        return "(" + " && ".join(parts or ["true"]) + ")"

    def check_known(self, shape) -> None:
        for pred in self.g.predicates(shape, None):
            if str(pred).startswith(_SH_NS) and pred not in _KNOWN:
                raise UnsupportedShape(f"shape {shape.n3(self.g.namespace_manager)} uses "
                                       f"{pred.n3(self.g.namespace_manager)}")

    # ------------------------------------------------------------ top-level shapes

    def targets(self, shape) -> str | None:
        g, parts = self.g, []
        for cls in sorted(g.objects(shape, SH.targetClass)):
            parts.append(f"?this {_TYPE_PATH} {_n3(cls)} .")
        for p in sorted(g.objects(shape, SH.targetSubjectsOf)):
            parts.append(f"?this {_n3(p)} [] .")
        for p in sorted(g.objects(shape, SH.targetObjectsOf)):
            parts.append(f"[] {_n3(p)} ?this .")
        nodes = sorted(g.objects(shape, SH.targetNode))
        if nodes:
            parts.append("VALUES ?this { " + " ".join(_n3(n) for n in nodes) + " }")
        if not parts:
            return None
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(f"{{ {p} }}" for p in parts) + " } }"

    def severity(self, shape) -> str:
        sev = self.one(shape, SH.severity)
        return str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation"

    def message(self, node, default: str) -> str:
        messages = sorted(self.g.objects(node, SH.message), key=lambda m: (m.language or "", str(m)))
        return str(messages[0]) if messages else default

    def shape_checks(self, shape, focus: str, parent_severity: str | None = None) -> list[Check]:
        self.check_known(shape)
        if self.one(shape, SH.deactivated) == Literal(True):
            return []
        g, checks = self.g, []
        name = shape.n3()
        severity = self.severity(shape) if (shape, SH.severity, None) in g else (parent_severity or "Violation")
        path_node = self.one(shape, SH.path)
        path = self.path(path_node) if path_node is not None else None
        shown = path_node.n3(g.namespace_manager) if path_node is not None and isinstance(path_node, URIRef) else path

        def add(component, message, body, select="?this ?value"):
            checks.append(Check(name, component, path, severity, self.message(shape, message),
                                f"SELECT DISTINCT {select} WHERE {{ {focus} {body} }}"))

        conditions = self.value_conditions(shape, "?value")
        for component, cond in conditions:
            default = f"{component}: value {{?value}} of {shown or 'the focus node'} does not conform"
            if path is None:
                add(component, default, f"BIND (?this AS ?value) FILTER (!({cond}))")
            else:
                add(component, default, f"?this {path} ?value . FILTER (!({cond}))")
        if path is not None:
            low, high = self.int_param(shape, SH.minCount), self.int_param(shape, SH.maxCount)
            for n, op, comp, word in ((low, "<", "MinCountConstraintComponent", "Less"),
                                      (high, ">", "MaxCountConstraintComponent", "More")):
                if n is None or (op == "<" and n == 0):
                    continue
                query = (f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?value }} }} "
                         f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {op} {n})")
                checks.append(Check(name, comp, path, severity,
                                    self.message(shape, f"{word} than {n} values on {{$this}}->{shown}"), query))
            if self.one(shape, SH.uniqueLang) == Literal(True):
                query = (f"SELECT ?this WHERE {{ {focus} ?this {path} ?value . FILTER (LANG(?value) != \"\") "
                         f"BIND (LCASE(LANG(?value)) AS ?lang) }} GROUP BY ?this ?lang HAVING (COUNT(DISTINCT ?value) > 1)")
                checks.append(Check(name, "UniqueLangConstraintComponent", path, severity,
                                    self.message(shape, f"more than one value per language on {{$this}}->{shown}"), query))
            for value in sorted(g.objects(shape, SH.hasValue)):
                add("HasValueConstraintComponent", f"{{$this}} has no value {value} for {shown}",
                    f"FILTER NOT EXISTS {{ ?this {path} {_n3(value)} }}", select="?this")
            q_shape = self.one(shape, SH.qualifiedValueShape)
            if q_shape is not None:
                if self.one(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
                    raise UnsupportedShape(f"sh:qualifiedValueShapesDisjoint on {name}")
                cond = self.conforms(q_shape, "?value")
                for pred, op, comp in ((SH.qualifiedMinCount, "<", "QualifiedMinCountConstraintComponent"),
                                       (SH.qualifiedMaxCount, ">", "QualifiedMaxCountConstraintComponent")):
                    n = self.int_param(shape, pred)
                    if n is None:
                        continue
                    query = (f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?value . FILTER ({cond}) }} }} "
                             f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {op} {n})")
                    checks.append(Check(name, comp, path, severity,
                                        self.message(shape, f"{comp} on {{$this}}->{shown}"), query))
        else:
            for value in sorted(g.objects(shape, SH.hasValue)):
                add("HasValueConstraintComponent", f"focus node is not {value}",
                    f"BIND (?this AS ?value) FILTER (!sameTerm(?this, {_n3(value)}))")
        for constraint in sorted(g.objects(shape, SH.sparql), key=str):
            checks.append(self.sparql_check(shape, constraint, focus, severity, path))
        for prop in sorted(g.objects(shape, SH.property), key=lambda p: self.g.value(p, SH.path) or p):
            if path is not None:
                raise UnsupportedShape(f"sh:property inside the property shape {name}")
            checks += self.shape_checks(prop, focus, severity)
        return checks

    def sparql_check(self, shape, constraint, focus: str, severity: str, path: str | None) -> Check:
        if self.one(constraint, SH.deactivated) == Literal(True):
            return Check(shape.n3(), "SPARQLConstraintComponent", path, severity, "", "SELECT ?this WHERE { FILTER (false) }")
        select = self.one(constraint, SH.select)
        if select is None:
            raise UnsupportedShape(f"SPARQL constraint {constraint.n3()} without sh:select")
        text = str(select)
        for var in ("$currentShape", "$shapesGraph", "$PATH"):
            if var in text:
                raise UnsupportedShape(f"{var} in the SPARQL constraint of {shape.n3()}")
        prefixes = []
        for decl_holder in self.g.objects(constraint, SH.prefixes):
            for decl in self.g.objects(decl_holder, SH.declare):
                prefixes.append(f"PREFIX {self.one(decl, SH.prefix)}: <{self.one(decl, SH.namespace)}>")
        text = text.replace("$this", "?this")
        where = text.upper().find("WHERE")
        brace = text.find("{", where if where >= 0 else 0)
        if brace < 0:
            raise UnsupportedShape(f"cannot read the SPARQL constraint of {shape.n3()}")
        head = "\n".join(sorted(set(prefixes))) + "\n" + text[: brace + 1]
        return Check(shape.n3(), "SPARQLConstraintComponent", path, self.severity(constraint) if
                     (constraint, SH.severity, None) in self.g else severity,
                     self.message(constraint, self.message(shape, "SPARQL constraint violated")),
                     f"{head} {focus} {text[brace + 1:]}", focus=focus, around=(head, text[brace + 1:]))


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every targeted shape in ``shapes``, as queries (raises :class:`UnsupportedShape`)."""
    c = _Compiler(shapes)
    checks = []
    roots = {s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
             for s in shapes.subjects(p, None)}
    for shape in sorted(roots, key=str):
        if (shape, RDF.type, RDFS.Class) in shapes:
            raise UnsupportedShape(f"implicit class target of {shape.n3()}")
        checks += c.shape_checks(shape, c.targets(shape))
    return checks


def to_store(*graphs: Graph):
    """An in-memory Oxigraph store holding the triples of ``graphs`` in its default graph.

    Each of ``graphs`` is an rdflib Graph, an rdflib Dataset (the union of its graphs) or N-Triples bytes.
    """
    from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, RdfFormat, Store
    from pyoxigraph import Literal as OxLiteral

    cache: dict = {}

    def term(t):
        found = cache.get(t)
        if found is None:
            if isinstance(t, URIRef):
                found = NamedNode(t)
            elif isinstance(t, BNode):
                found = BlankNode(t)
            elif t.language:
                found = OxLiteral(t, language=t.language)
            elif t.datatype is not None:
                found = OxLiteral(t, datatype=term(t.datatype))
            else:
                found = OxLiteral(t)
            cache[t] = found
        return found

    def triples(g):
        if isinstance(g, Dataset):
            return ((s, p, o) for s, p, o, _ in g.quads((None, None, None, None)))
        return iter(g)

    store = Store()
    default = DefaultGraph()
    for g in graphs:
        if isinstance(g, bytes):
            store.bulk_load(g, format=RdfFormat.N_TRIPLES)
        else:
            store.bulk_extend(Quad(term(s), term(p), term(o), default) for s, p, o in triples(g))
    return store


#: A SPARQL constraint runs once per focus node when it has at most this many: a constraint that
#: groups every observation of every data set (IC-12) held 3 GiB at 1,000 reports as one query, and
#: is bounded by the largest data set so; past this many focus nodes the queries would cost more time.
PER_FOCUS_LIMIT = 5000


def _queries(check: Check, store):
    """The queries of ``check``: itself, or one per focus node (see :data:`PER_FOCUS_LIMIT`)."""
    if check.around is None:
        yield check.query
        return
    nodes = [row["this"] for row in store.query(f"SELECT DISTINCT ?this WHERE {{ {check.focus} }} LIMIT {PER_FOCUS_LIMIT + 1}")]
    if len(nodes) > PER_FOCUS_LIMIT or any(str(n).startswith("_:") for n in nodes):  # no blank node in VALUES
        yield check.query
        return
    head, tail = check.around
    for node in nodes:
        yield f"{head} VALUES ?this {{ {node} }} {tail}"


def run_checks(checks: list[Check], store) -> list[Violation]:
    """Run ``checks`` on ``store`` (its default graph); the results (:class:`Violation`), sorted."""
    found = set()
    for check in checks:
        for row in (r for q in _queries(check, store) for r in store.query(q)):
            values = {}
            for var in ("this", "value"):
                try:
                    values[var] = row[var]
                except (KeyError, IndexError):
                    values[var] = None
            focus = to_rdflib_term(values["this"])
            if focus is None:
                continue
            value = to_rdflib_term(values["value"])
            message = _fill(check.message, row) if "{" in check.message else check.message
            found.add(Violation(focus, value, check.shape, check.component, check.path, check.severity, message))
    return sorted(found, key=sort_key)


def _fill(message: str, row) -> str:
    """Put the row's values into ``{?name}`` placeholders of a message."""
    def value(match):
        try:
            term = row[match.group(1)]
        except (KeyError, IndexError):
            return match.group(0)
        return match.group(0) if term is None else to_rdflib_term(term).n3()

    return re.sub(r"\{[?$](\w+)\}", value, message)


def validate(data: Graph, shapes: Graph, ontology: Graph | None = None,
             checks: list[Check] | None = None) -> Report:
    """Validate ``data`` (with ``ontology`` mixed in) against ``shapes``: the :class:`Report` of its results."""
    if checks is None:
        checks = compile_shapes(shapes)
    store = to_store(data, *([ontology] if ontology is not None else []))
    return Report(tuple(run_checks(checks, store)))
