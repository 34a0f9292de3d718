"""Oxigraph's terms as rdflib's: the one conversion, for the store and the compiled SHACL checks.

Examples
--------
>>> import pyoxigraph as ox
>>> to_rdflib_term(ox.Literal("吴泾", language="zh")), to_rdflib_term(ox.Literal("a"))
(rdflib.term.Literal('吴泾', lang='zh'), rdflib.term.Literal('a'))
"""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef

__all__ = ["XSD_DECIMAL", "bcp47_case", "to_rdflib_term"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


def bcp47_case(tag: str) -> str:
    """A language tag in the case BCP 47 recommends (Oxigraph keeps tags in lower case).

    Examples
    --------
    >>> bcp47_case("zh-latn-pinyin"), bcp47_case("en-us"), bcp47_case("zh")
    ('zh-Latn-pinyin', 'en-US', 'zh')
    """
    parts = tag.split("-")
    out = [parts[0].lower()]
    private = False
    for part in parts[1:]:
        private = private or len(part) == 1  # after a singleton (x-, u-) the case means nothing
        if not private and len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif not private and len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def to_rdflib_term(term):
    """A pyoxigraph term as the rdflib term with the same value (``None`` stays ``None``).

    Plain strings come back without a datatype, language tags in BCP 47 case and decimals as
    ``wujing.trig`` writes them (``16.0``), so a term comes back as rdflib reads it from the TriG
    file of the same build: both stores give the same answers, and write the same bytes.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> to_rdflib_term(ox.Literal("16", datatype=ox.NamedNode(str(XSD_DECIMAL))))
    rdflib.term.Literal('16.0', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    from pyoxigraph import BlankNode, NamedNode

    if term is None:
        return None
    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if isinstance(term, BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=bcp47_case(term.language))
    datatype, value = term.datatype.value, term.value
    if datatype == _XSD_STRING:
        return Literal(value)
    if datatype == XSD_DECIMAL and "." not in value:
        value += ".0"  # Oxigraph writes 16, the TriG file (and rdflib reading it) 16.0
    return Literal(value, datatype=URIRef(datatype))
