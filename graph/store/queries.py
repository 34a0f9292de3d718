"""The query library: load ``queries/*.rq`` by name and run them with parameters bound as RDF terms.

Each ``.rq`` file starts with a comment block that says what it answers and which variables can be
bound::

    # Enterprises by park
    # 问题：每个园区里有哪些企业（含上市公司）？
    # Question: Which enterprises (including listed companies) are located in each park?
    #
    # Parameters (optional):
    #   ?park  IRI  a park: its IRI, a prefixed name (id:...) or its Chinese name
    #
    # Example:
    #   wujing-kg query enterprises_by_park --param park=上海市养老科技产业园

A query is parsed once (``prepareQuery``) and parameters are bound at run time through
``initBindings``, never pasted into the query text.  A parameter's kind (``IRI``, ``text``,
``text@zh``, ``xsd:gYear``, ``xsd:integer``, ``xsd:decimal``, ``xsd:boolean``, ``xsd:date``) says how
a string from the command line becomes an RDF term; an ``IRI`` parameter also accepts an entity's
Chinese name, alias or pinyin, looked up in the graph.

Queries run on either store (:mod:`graph.store.backend`: a graph file or an rdflib build in rdflib,
an Oxigraph build's store in Oxigraph), with the same answers.  They read the union of the named
graphs, as they do on the SPARQL endpoint, and never reach the network: ``SERVICE`` is refused
(:mod:`graph.store.sparql`) and ``FROM`` may only name graphs of the dataset.

Examples
--------
>>> "park_cluster_links" in [q.name for q in list_queries()]
True
>>> load_query("park_cluster_links").params
(Param(name='park', kind='IRI', description='a park: ...'), Param(name='cluster', kind='IRI', description='...'))
>>> load_query("no_such_query")
Traceback (most recent call last):
...
graph.store.queries.UnknownQuery: unknown query 'no_such_query'. Available names: affiliations, ...
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Identifier

from graph.model import ENTITY_CLASSES
from graph.rdf.iri import pinyin_plain
from graph.rdf.namespaces import PREFIXES, WJ
from graph.rdf.vocabulary import GRAPH_SCHEMES, VOCABULARIES, term_named
from graph.resources import DEFAULT_OUT, QUERY_DIR
from graph.store.backend import GRAPH_FILE, Backend, as_backend, open_graph
from graph.store.sparql import (
    GraphNotFound,
    QueryError,
    QuerySyntaxError,
    ServiceRefused,
    prepare,
    uses_service,
)

__all__ = [
    "DEFAULT_GRAPH",
    "KINDS",
    "QUERY_DIR",
    "GraphNotFound",
    "NamedQuery",
    "Param",
    "ParameterError",
    "QueryError",
    "QuerySyntaxError",
    "Rows",
    "ServiceRefused",
    "answer",
    "UnknownQuery",
    "list_queries",
    "load_graph",
    "load_query",
    "parse_header",
    "prepare",
    "run_file",
    "run_query",
    "run_text",
    "term_value",
    "to_term",
    "uses_service",
]

#: The graph queries run on unless told otherwise: the build folder (its store, else its TriG).
DEFAULT_GRAPH = DEFAULT_OUT
#: Parameter kinds a query header may declare.
KINDS = ("IRI", "text", "text@zh", "xsd:gYear", "xsd:integer", "xsd:decimal", "xsd:boolean", "xsd:date")



class UnknownQuery(QueryError, LookupError):
    """No query of that name; the message lists the names that exist."""
    exit_code = 2  # a usage error, as click's

    def __str__(self) -> str:  # LookupError would quote the message
        return str(self.args[0])


class ParameterError(QueryError):
    """A parameter that the query does not declare, or a value that is not of the declared kind."""
    exit_code = 2  # a usage error, as click's


@dataclass(frozen=True)
class Param:
    """A variable a query lets you bind: its name (without ``?``), kind and description."""
    name: str
    kind: str
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library, with what its comment block says about it."""
    name: str
    path: Path
    text: str
    title: str = ""
    question_zh: str = ""
    question_en: str = ""
    params: tuple[Param, ...] = ()
    example: str = ""

    @property
    def description(self) -> str:
        """One line for ``wujing-kg query --list``: the English question, else the title."""
        return self.question_en or self.title or self.question_zh

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


class Rows(list):
    """Query results: a list of dicts (one per row, keys in column order) with ``.vars``, the columns.

    ``pandas.DataFrame(rows, columns=rows.vars)`` keeps the column order even when there are no rows.
    """
    def __init__(self, rows: Iterable[dict] = (), vars: Iterable[str] = ()):
        super().__init__(rows)
        self.vars = list(vars)


# ---------------------------------------------------------------------------------------- the library


_PARAM_LINE = re.compile(r"^#\s+\?(\w+)\s+(\S+)\s*(.*)$")


def parse_header(text: str) -> dict[str, Any]:
    """Read the leading comment block of a query: title, questions, parameters, example.

    Examples
    --------
    >>> h = parse_header("# Funds\\n# 问题：有哪些基金？\\n# Question: Which funds?\\n# Parameters (optional):\\n"
    ...                  "#   ?fund  IRI  a fund\\n# Example:\\n#   wujing-kg query funds\\nSELECT * {}")
    >>> h["question_en"], h["params"][0], h["example"]
    ('Which funds?', Param(name='fund', kind='IRI', description='a fund'), 'wujing-kg query funds')
    """
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.rstrip())
    head: dict[str, Any] = {"title": "", "question_zh": "", "question_en": "", "params": [], "example": ""}
    example: list[str] = []
    in_example = in_params = False
    question = ""  # the question being read: it may go on over the next comment lines
    for i, line in enumerate(lines):
        body = line[1:].strip()
        if i == 0 and body and not re.match(r"^(问题|Question)\s*[:：]", body):
            head["title"] = body
        if m := re.match(r"^问题\s*[:：]\s*(.+)$", body):
            head["question_zh"], question = m.group(1).strip(), "question_zh"
            continue
        if m := re.match(r"^Question\s*:\s*(.+)$", body, re.I):
            head["question_en"], question = m.group(1).strip(), "question_en"
            continue
        if question and body and not re.match(r"^(\?|中文|English|Parameters|参数|Example)", body, re.I):
            sep = "" if question == "question_zh" else " "
            head[question] += sep + body
            continue
        question = ""
        if re.match(r"^(Parameters|参数)\b", body, re.I):
            in_params = True
            continue
        if in_params:
            if m := _PARAM_LINE.match(line):
                head["params"].append(Param(m.group(1), m.group(2), m.group(3).strip()))
                continue
            in_params = False
        if re.match(r"^Example[^:]*:", body, re.I):
            in_example = True
            continue
        if in_example:
            if not body:
                in_example = False
            elif line.startswith("#  "):
                example.append(body)
            else:
                in_example = False
    head["example"] = "\n".join(example)
    head["params"] = tuple(head["params"])
    return head


def _read(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    return NamedQuery(name=path.stem, path=path, text=text, **parse_header(text))


def list_queries(directory: Path | str = QUERY_DIR) -> list[NamedQuery]:
    """Every query of the library, sorted by name."""
    return [_read(p) for p in sorted(Path(directory).glob("*.rq"))]


def load_query(name: str, directory: Path | str = QUERY_DIR) -> NamedQuery:
    """The query ``name`` (the file name without ``.rq``); :class:`UnknownQuery` lists those that exist."""
    directory = Path(directory)
    path = directory / f"{name}.rq"
    if not re.fullmatch(r"[\w.-]+", name) or not path.is_file():
        stems = [p.stem for p in sorted(directory.glob("*.rq"))]
        close = difflib.get_close_matches(name, stems, n=1, cutoff=0.75)  # a renamed or misspelt name
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise UnknownQuery(f"unknown query {name!r}.{hint} Available names: {', '.join(stems) or '(none)'}")
    return _read(path)



# ------------------------------------------------------------------------------------------ the graph

def load_graph(path: Path | str = DEFAULT_OUT / GRAPH_FILE) -> Dataset:
    """The rdflib Dataset of a TriG (or Turtle, N-Quads, N-Triples, JSON-LD) file.

    Kept while the file keeps its size and modification time; :func:`~graph.store.backend.open_graph`
    also opens a build folder of either store.
    """
    path = Path(path)
    if path.is_dir():
        raise GraphNotFound(f"{path}: is a directory, not a graph file")
    backend = open_graph(path)
    return backend.dataset


def _graph(graph) -> Backend:
    return as_backend(graph if graph is not None else DEFAULT_GRAPH)


# ------------------------------------------------------------------------------------- terms and values

_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:([^\s<>\"]*)")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)")
_GYEAR = re.compile(r"-?\d{4,}(Z|[+-]\d\d:\d\d)?")


def _iri(value: str) -> URIRef | None:
    """An IRI written as <...>, http(s)://... or prefix:local with a known prefix; else None."""
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if re.match(r"(?i)^(https?|urn|mailto|file):", value) and not re.search(r"\s", value):
        return URIRef(value)
    m = _PREFIXED.fullmatch(value)
    if m and (m.group(1) or "") in PREFIXES:
        return URIRef(PREFIXES[m.group(1) or ""] + m.group(2))
    return None


def _n3_literal(value: str) -> Literal | None:
    """A literal written in SPARQL/Turtle syntax: "text", "text"@zh, "2025"^^xsd:gYear; else None."""
    m = re.fullmatch(r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?', value, re.S)
    if not m:
        return None
    text = re.sub(r'\\(["\\nt])', lambda e: {"n": "\n", "t": "\t"}.get(e.group(1), e.group(1)), m.group(1))
    if m.group(3):
        datatype = _iri(m.group(3))
        if datatype is None:
            raise ParameterError(f"unknown datatype {m.group(3)!r} in {value}")
        return Literal(text, datatype=datatype)
    return Literal(text, lang=m.group(2)) if m.group(2) else Literal(text)


def _names(g: Backend) -> dict[URIRef, tuple[str, set[str], str]]:
    """Entity IRI -> (Chinese label, aliases, toneless pinyin) for every entity of the graph."""
    names: dict[URIRef, tuple[str, set[str], str]] = {}
    for s in sorted({s for c in ENTITY_CLASSES for s, _, _ in g.triples((None, RDF.type, WJ[c])) if isinstance(s, URIRef)}):
        labels = [o for _, _, o in g.triples((s, RDFS.label, None)) if isinstance(o, Literal)]
        label = next((str(o) for o in labels if (o.language or "").lower() == "zh"), str(s).rsplit("/", 1)[-1])
        aliases = {str(o) for _, _, o in g.triples((s, SKOS.altLabel, None))} - {label}
        names[s] = (label, aliases, pinyin_plain(label))
    return names


def _is_entity(g: Backend, s) -> bool:
    return isinstance(s, URIRef) and any((s, RDF.type, WJ[c]) in g for c in ENTITY_CLASSES)


def _resolve_entity(name: str, g: Backend) -> URIRef:
    """The entity a name denotes: its Chinese label, else an alias, else its toneless pinyin, else the one
    label that contains the name.  Several entities with the same alias are an error, not a guess."""
    wanted = name.strip()
    # the usual case, an entity's exact Chinese name, by the label index (every entity has one)
    exact = sorted({s for s, _, _ in g.triples((None, RDFS.label, Literal(wanted, lang="zh"))) if _is_entity(g, s)})
    if len(exact) == 1:
        return exact[0]
    names = _names(g)
    plain = re.sub(r"[^a-z0-9]", "", wanted.lower())
    for match in (
        lambda label, aliases, py: label == wanted,
        lambda label, aliases, py: wanted in aliases,
        lambda label, aliases, py: bool(plain) and py == plain,
        lambda label, aliases, py: wanted in label or any(wanted in a for a in aliases),
    ):
        hits = sorted(iri for iri, (label, aliases, py) in names.items() if match(label, aliases, py))
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            listed = ", ".join(f"{names[i][0]} <{i}>" for i in hits[:8])
            more = f" and {len(hits) - 8} more" if len(hits) > 8 else ""
            raise ParameterError(f"{name!r} names {len(hits)} entities: {listed}{more}; "
                                 "give the full name or the IRI")
    raise ParameterError(f"no entity named {name!r} (search with: wujing-kg query search_entities "
                         f"--param text=...)")


def _concept_named(name: str, g: Backend, scheme: URIRef, what: str) -> URIRef:
    """The concept of ``scheme`` in the graph (an indicator) whose Chinese or English name is ``name``."""
    hits = {s for lang in ("zh", "en") for s, _, _ in g.triples((None, SKOS.prefLabel, Literal(name, lang=lang)))
            if isinstance(s, URIRef) and (s, SKOS.inScheme, scheme) in g}
    if len(hits) > 1:
        raise ParameterError(f"{name!r} names {len(hits)} {what}s: " + ", ".join(f"<{h}>" for h in sorted(hits)))
    if not hits:
        known = sorted(str(o) for s, _, o in g.triples((None, SKOS.prefLabel, None))
                       if getattr(o, "language", None) == "zh" and (s, SKOS.inScheme, scheme) in g)
        raise ParameterError(f"no {what} named {name!r}; {what}s: {'、'.join(known[:12])}"
                             + ("…" if len(known) > 12 else ""))
    return hits.pop()


def _vocabulary_example(vocabulary: str) -> str:
    return {"class": "企业, 高校, 园区", "stage": "开工, 在建, 竣工", "kind": "实际, 预计, 目标"}.get(vocabulary, "its name")


def to_term(value: Any, kind: str | None = None, graph: Backend | Graph | None = None,
            vocabulary: str | None = None) -> Identifier:
    """The RDF term for a parameter value, following the parameter's declared ``kind``.

    An rdflib term passes through unchanged.  Whatever the kind, a value in SPARQL syntax says what
    it is: ``<https://...>``, ``wj:Completed``, ``"华东"@zh``, ``"2025"^^xsd:gYear``.  Otherwise ``IRI``
    takes an IRI; for a parameter that takes one of the ontology's vocabularies (``vocabulary``:
    ``"class"``, ``"stage"``, ``"kind"``, see :data:`graph.rdf.vocabulary.VOCABULARIES`) the name of
    one of its terms (``企业``, ``竣工``, ``目标``); given ``graph``, for ``vocabulary="indicator"`` an
    indicator's name (``财政总收入``), else an entity's name, alias or pinyin; ``text`` makes a plain
    string, ``text@zh`` a Chinese one, and the ``xsd:`` kinds check the value.  Without a kind
    (ad-hoc queries) integers, decimals and true/false become numbers and booleans, anything else
    a plain string.

    Examples
    --------
    >>> to_term("wj:Completed", "IRI")
    rdflib.term.URIRef('https://w3id.org/wujing-kg/ontology#Completed')
    >>> to_term("2025", "xsd:gYear")
    rdflib.term.Literal('2025', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYear'))
    >>> to_term("竣工", "IRI", vocabulary="stage"), to_term("企业", "IRI", vocabulary="class")
    (rdflib.term.URIRef('https://w3id.org/wujing-kg/ontology#Completed'), rdflib.term.URIRef('https://w3id.org/wujing-kg/ontology#Enterprise'))
    >>> to_term("华东", "text@zh")
    rdflib.term.Literal('华东', lang='zh')
    >>> to_term("2026")
    rdflib.term.Literal('2026', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
    if isinstance(value, Identifier):
        return value
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, (int, float, Decimal)) and kind not in ("xsd:gYear", "text", "text@zh"):
        return Literal(value)
    text = str(value).strip()
    if kind is not None and kind not in KINDS:
        raise ParameterError(f"unknown parameter kind {kind!r}; kinds: {', '.join(KINDS)}")
    literal = _n3_literal(text)
    if literal is not None:
        return literal
    if kind in (None, "IRI"):
        iri = _iri(text)
        if iri is not None:
            return iri
    if kind == "IRI" and vocabulary in VOCABULARIES:
        # a class, stage or kind of figure in words (企业, 竣工, 目标): graph.rdf.vocabulary, as map --classes
        named = term_named(text, within=vocabulary)
        if named is None:
            raise ParameterError(f"{text!r} is not a {vocabulary} (the names are the labels in ontology/*.ttl, "
                                 f"e.g. {_vocabulary_example(vocabulary)})")
        return named
    if kind == "IRI":
        if graph is None:
            raise ParameterError(f"{text!r} is not an IRI (write <https://...> or a prefixed name like id:...)")
        if vocabulary in GRAPH_SCHEMES:  # an indicator by its name (财政总收入)
            return _concept_named(text, as_backend(graph), GRAPH_SCHEMES[vocabulary], vocabulary)
        return _resolve_entity(text, as_backend(graph))
    if kind == "text":
        return Literal(text)
    if kind == "text@zh":
        return Literal(text, lang="zh")
    if kind == "xsd:gYear":
        if not _GYEAR.fullmatch(text):
            raise ParameterError(f"{text!r} is not a year (xsd:gYear), e.g. 2025")
        return Literal(text, datatype=XSD.gYear)
    if kind == "xsd:integer":
        if not _INTEGER.fullmatch(text):
            raise ParameterError(f"{text!r} is not an integer")
        return Literal(int(text))
    if kind == "xsd:decimal":
        try:
            return Literal(Decimal(text), datatype=XSD.decimal)
        except InvalidOperation:
            raise ParameterError(f"{text!r} is not a decimal number") from None
    if kind == "xsd:boolean":
        if text.lower() not in ("true", "false", "1", "0"):
            raise ParameterError(f"{text!r} is not a boolean (true or false)")
        return Literal(text.lower() in ("true", "1"))
    if kind == "xsd:date":
        if not re.fullmatch(r"-?\d{4,}-\d\d-\d\d", text):
            raise ParameterError(f"{text!r} is not a date (YYYY-MM-DD)")
        return Literal(text, datatype=XSD.date)
    # no declared kind: the value's own form decides
    if _INTEGER.fullmatch(text):
        return Literal(int(text))
    if _DECIMAL.fullmatch(text):
        return Literal(Decimal(text), datatype=XSD.decimal)
    if text in ("true", "false"):
        return Literal(text == "true")
    return Literal(text)


_NUMERIC = {str(XSD[t]) for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
)}
_FLOATING = {str(XSD.decimal), str(XSD.double), str(XSD.float)}


def term_value(term: Identifier | None) -> Any:
    """A plain Python value for a term, for pandas, CSV and JSON.

    IRIs and everything textual become ``str`` (a literal's lexical form, without its language
    tag), integers ``int``, decimals and doubles ``float``, booleans ``bool``, unbound ``None``.

    Examples
    --------
    >>> [term_value(t) for t in (URIRef("https://e/a"), Literal(3), Literal("1.50", datatype=XSD.decimal),
    ...                          Literal("2025", datatype=XSD.gYear), Literal("吴泾", lang="zh"), None)]
    ['https://e/a', 3, 1.5, '2025', '吴泾', None]
    """
    if term is None:
        return None
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        dt = str(term.datatype) if term.datatype else ""
        try:
            if dt in _NUMERIC:
                return int(str(term))
            if dt in _FLOATING:
                return float(str(term))
            if dt == str(XSD.boolean):
                return str(term).strip() in ("true", "1")
        except ValueError:  # an ill-typed literal keeps its text
            return str(term)
    return str(term)


# -------------------------------------------------------------------------------------------- running


def _check_dataset_clause(query, g: Backend, source: str) -> None:
    # rdflib would download a FROM/FROM NAMED graph that is not in the dataset: refuse instead
    clauses = getattr(query.algebra, "datasetClause", None) or []
    names = set(g.graph_names()) if clauses else set()
    for clause in clauses:
        iri = clause.get("default") or clause.get("named")
        if iri is not None and iri not in names:
            raise ServiceRefused(f"{source}: FROM <{iri}>: no graph of that name in the dataset "
                                 "(queries never fetch graphs from the network)")


def run_text(
    text: str,
    graph: Path | str | Graph | Backend | None = None,
    params: dict[str, Any] | None = None,
    source: str = "query",
    declared: tuple[Param, ...] | None = None,
    terms: bool = False,
    with_prefixes: bool = True,
) -> Rows:
    """Run a SPARQL text on a graph with ``params`` bound as RDF terms.

    ``graph`` is a build folder (default ``out/``) or graph file, opened with
    :func:`~graph.store.backend.open_graph`, a backend, or an rdflib Dataset or Graph.

    ``declared`` (a named query's parameters) restricts and types the parameters; without it any
    variable can be bound and values are typed by their form (see :func:`to_term`).  Returns
    :class:`Rows` of plain values, or of rdflib terms with ``terms=True``.  ASK gives one row
    ``{"ask": bool}``; CONSTRUCT and DESCRIBE give ``subject``/``predicate``/``object`` rows.
    """
    query = prepare(text, source, with_prefixes)
    g = _graph(graph)
    _check_dataset_clause(query, g, source)
    bindings: dict[str, Identifier] = {}
    for key, value in (params or {}).items():
        name = key.lstrip("?$")
        kind = None
        if declared is not None:
            param = next((p for p in declared if p.name == name), None)
            if param is None:
                known = ", ".join(p.name for p in declared) or "none"
                raise ParameterError(f"{source}: no parameter {name!r}; parameters: {known}")
            kind = param.kind
        try:
            vocabulary = name if name in VOCABULARIES or name in GRAPH_SCHEMES else None
            bindings[name] = to_term(value, kind, g, vocabulary=vocabulary)
        except ParameterError as exc:
            raise ParameterError(f"{source}: parameter {name}: {exc}") from None
    try:
        result = g.query(text, bindings, prepared=query)
        if result.type == "ASK":
            return Rows([{"ask": bool(result.ask)}], ["ask"])
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            columns = ["subject", "predicate", "object"]
            triples = sorted(result.triples, key=lambda t: tuple(x.n3() for x in t))
            return Rows(({c: (x if terms else term_value(x)) for c, x in zip(columns, t)} for t in triples), columns)
        columns = result.vars
        rows = (
            {c: (row[i] if terms else term_value(row[i])) for i, c in enumerate(columns)}
            for row in result
        )
        return Rows(rows, columns)
    except QueryError:
        raise
    except Exception as exc:  # rdflib's evaluation errors: one line for the user, the cause kept
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise QueryError(f"{source}: the query failed: {first}") from exc


def run_file(
    path: Path | str,
    graph: Path | str | Graph | Backend | None = None,
    params: dict[str, Any] | None = None,
    terms: bool = False,
) -> Rows:
    """Run the query in a ``.rq`` file; a comment block in the library's format types its parameters."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"{path}: query file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query: {exc}") from None
    declared = parse_header(text)["params"] or None
    return run_text(text, graph, params, source=str(path), declared=declared, terms=terms)


def answer(
    name: str | None = None,
    path: Path | str | None = None,
    text: str | None = None,
    list_only: bool = False,
    params: dict[str, Any] | None = None,
    graph: Path | str | Graph | Backend | None = None,
) -> Rows:
    """What ``wujing-kg query`` shows, as rows of rdflib terms: the library (``list_only``), or the answer
    of the named query ``name``, the query file ``path`` or the SPARQL ``text``."""
    if list_only:
        return Rows(({"name": q.name, "parameters": ", ".join(p.name for p in q.params),
                      "question": q.description, "问题": q.question_zh} for q in list_queries()),
                    ["name", "parameters", "question", "问题"])
    if name is not None:
        return run_query(name, params, graph=graph, terms=True)
    if path is not None:
        return run_file(path, graph, params, terms=True)
    return run_text(text or "", graph, params, terms=True)


def run_query(
    name: str,
    params: dict[str, Any] | None = None,
    *,
    graph: Path | str | Graph | Backend | None = None,
    terms: bool = False,
    directory: Path | str = QUERY_DIR,
    **kwparams: Any,
) -> Rows:
    """Run the library query ``name`` with parameters, as rows an analyst can put in a DataFrame.

    Parameters
    ----------
    name : str
        The query's file name without ``.rq`` (``wujing-kg query --list`` shows them).
    params : dict, optional
        Values of the query's declared variables (strings, numbers or rdflib terms); keyword
        arguments are added to them (use ``params`` for a variable called ``graph`` or ``terms``).
    graph : path, backend or rdflib Graph/Dataset, optional
        What to query: a build folder of either store (default ``out/``), a graph file, a backend
        of :mod:`graph.store.backend` or an rdflib Dataset.
    terms : bool
        Return rdflib terms instead of plain Python values.

    Returns
    -------
    Rows
        A list of dicts, one per row; ``.vars`` holds the column names in order.

    Examples
    --------
    >>> import pandas as pd                                                    # doctest: +SKIP
    >>> rows = run_query("university_cooperation", university="华东师范大学")  # doctest: +SKIP
    >>> pd.DataFrame(rows, columns=rows.vars)[["universityLabel", "partnerLabel"]]  # doctest: +SKIP
      universityLabel partnerLabel
    0          华东师范大学          奥锐特
    """
    query = load_query(name, directory)
    merged = {**(params or {}), **kwparams}
    return run_text(query.text, graph, merged, source=f"{name}.rq", declared=query.params, terms=terms,
                    with_prefixes=False)
