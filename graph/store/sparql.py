"""SPARQL text before it runs: parse it once, say where a syntax error is, refuse ``SERVICE``.

Every way of running a query (``wujing-kg query``, the backends of :mod:`graph.store.backend`, the
endpoint's proxy) screens it here first, so a federated query never reaches the network whatever
store answers it.

Examples
--------
>>> uses_service('SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
True
>>> uses_service('SELECT * WHERE { ?s ?p "SERVICE" }  # SERVICE in a string or a comment is fine')
False
>>> prepare("SELECT ?s WHERE { ?s ?p }", "my.rq")
Traceback (most recent call last):
...
graph.store.sparql.QuerySyntaxError: my.rq: line 1, column 19: syntax error: expected SelectQuery, found '?'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from graph.errors import WujingError
from graph.rdf.namespaces import PREFIXES

__all__ = [
    "GraphNotFound",
    "QueryError",
    "QuerySyntaxError",
    "ServiceRefused",
    "blank",
    "prepare",
    "uses_service",
]


class QueryError(WujingError):
    """A problem with a query, its parameters or its graph that the user can fix."""


class GraphNotFound(QueryError):
    """The graph file or build folder is missing or cannot be read."""


class ServiceRefused(QueryError):
    """The query uses ``SERVICE`` (or ``FROM`` a graph outside the dataset): it would reach the network."""
    exit_code = 2  # a usage error, as click's


class QuerySyntaxError(QueryError):
    """A query that does not parse: where (line and column, 1-based) and what was expected."""
    exit_code = 2  # a usage error, as click's

    def __init__(self, source: str, message: str, line: int | None = None, column: int | None = None):
        self.source, self.message, self.line, self.column = source, message, line, column
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"{source}: {where}syntax error: {message}")



# ------------------------------------------------------------------------------------- parsing, SERVICE

# IRIs, strings and comments: where a keyword is only text.  Blanking them (keeping the length, so that
# positions stay right) leaves the tokens a SPARQL parser sees.
_OPAQUE = re.compile(
    r"""<[^<>"{}|^`\\\x00-\x20]*>"""
    r"""|'''(?:[^'\\]|\\.|'(?!''))*'''"""
    r'''|"""(?:[^"\\]|\\.|"(?!""))*"""'''
    r"""|'(?:[^'\\\n\r]|\\.)*'"""
    r'''|"(?:[^"\\\n\r]|\\.)*"'''
    r"""|\#[^\n\r]*"""
    r"""|\\.""",  # outside strings a backslash escapes one character of a local name (ex:a\'b, ex:a\#b)
    re.S,
)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE = re.compile(r"(?<![\w:?$-])SERVICE(?![\w:-])", re.I)


def _unescape(text: str) -> str:
    # SPARQL applies \u and \U escapes to the whole query text before parsing it
    def char(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _UNICODE_ESCAPE.sub(char, text)


def blank(text: str) -> str:
    """``text`` with IRIs, strings and comments replaced by spaces (newlines kept)."""
    return _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _has_service_pattern(node: Any) -> bool:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_has_service_pattern(v) for v in node.values())
    if isinstance(node, (list, tuple, ParseResults)):
        return any(_has_service_pattern(v) for v in node)
    return False


def uses_service(text: str) -> bool:
    """Whether a SPARQL text contains a ``SERVICE`` clause (a federated query that would fetch).

    Two checks, either is enough: the ``SERVICE`` keyword outside IRIs, strings and comments (after
    ``\\u`` escapes are applied), and a ``ServiceGraphPattern`` in rdflib's parse tree.
    """
    text = _unescape(text)
    if _SERVICE.search(blank(text)):
        return True
    return _parsed_service(text)


@lru_cache(maxsize=4096)
def _parsed_service(text: str) -> bool:
    # parsing costs 10-100 ms: the endpoint sees the same (library) queries again and again
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except Exception:  # not parseable by rdflib: the keyword check has decided
        return False
    return _has_service_pattern(tree)


def _syntax_error(exc: Exception, text: str, source: str) -> QuerySyntaxError:
    line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
    message = str(exc)
    if line is not None:  # pyparsing: "Expected X, found 'Y'  (at char N), (line:L, col:C)"
        message = re.sub(r"\s*\(at char \d+\),\s*\(line:\d+, col:\d+\)\s*$", "", message)
        message = message[:1].lower() + message[1:]
        return QuerySyntaxError(source, message, line, column)
    if m := re.match(r"Unknown namespace prefix\s*:\s*(\S*)", message):
        prefix = m.group(1)
        found = re.search(rf"(?<![\w:.-]){re.escape(prefix)}:", blank(text))
        if found:
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        return QuerySyntaxError(source, f"unknown prefix '{prefix}:' (declare it with PREFIX {prefix}: <...>)",
                                line, column)
    first = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    return QuerySyntaxError(source, first)


@lru_cache(maxsize=256)
def _prepare(text: str, with_prefixes: bool):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text, initNs=PREFIXES if with_prefixes else {})


def prepare(text: str, source: str = "query", with_prefixes: bool = True):
    """Parse a query once (cached): an rdflib ``Query`` ready for ``initBindings``.

    ``with_prefixes`` pre-declares the project's prefixes (``wj:``, ``id:``, ``rdfs:``, ...) for
    ad-hoc queries; the library's files declare their own.  Raises :class:`ServiceRefused` for a
    ``SERVICE`` clause and :class:`QuerySyntaxError` (with line and column) when the text does not parse.
    """
    if uses_service(text):
        raise ServiceRefused(f"{source}: SERVICE (federated query) is refused: queries never reach the network")
    try:
        return _prepare(text, with_prefixes)
    except Exception as exc:
        raise _syntax_error(exc, text, source) from exc
