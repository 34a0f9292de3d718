"""The industry vocabulary (``ontology/industries.ttl``, ``ontology/industry-umbrellas.tsv``) as plain data.

The extract layer sees no rdflib term, so the SKOS scheme is read here with a small reader of the
Turtle the file is written in (prefixes, IRIs, prefixed names, strings with a language or a datatype,
``;`` and ``,`` lists); anything else in the file (blank nodes, collections, long strings) is a
one-line :class:`VocabularyError` naming the line, never a wrong vocabulary.
``tests/extract/test_industries.py`` checks that what it reads is what rdflib reads.  See
``ontology/INDUSTRIES.md`` for the scheme itself.

Examples
--------
>>> vocab = load_vocabulary()
>>> vocab.concept_of("集成电路产业").label
'集成电路'
>>> vocab.concept_of("集成电路产业集群").slug
'integrated-circuits'
>>> [vocab.concepts[s].label for s in vocab.ancestors("integrated-circuits")]
['电子核心产业', '新一代信息技术']
>>> vocab.concept_of("制造业") is None, "制造业" in vocab.umbrellas
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.errors import WujingError
from graph.resources import ontology_file

__all__ = ["TAILS", "Concept", "IndustryVocabulary", "VocabularyError", "load_vocabulary", "read_turtle"]

#: Generic tails a report puts after an industry's name (集成电路产业集群, 金融行业), longest first;
#: the vocabulary lists the forms with 产业/行业 but never with 集群 (INDUSTRIES.md).
TAILS = ("产业集群", "产业", "行业", "集群")

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SKOS = "http://www.w3.org/2004/02/skos/core#"


class VocabularyError(WujingError, ValueError):
    """The industry vocabulary or the umbrella list cannot be read."""


@dataclass(frozen=True)
class Concept:
    """One industry of the scheme: its IRI's slug, zh prefLabel, every zh label and broader concept."""

    slug: str
    label: str
    labels: tuple[str, ...]
    broader: str | None = None


@dataclass(frozen=True)
class IndustryVocabulary:
    """The concepts by slug, each zh label's concept, and the umbrella terms that are never one."""

    namespace: str
    concepts: dict[str, Concept]
    by_label: dict[str, str]
    umbrellas: frozenset[str]
    #: ``skos:hiddenLabel`` -> concept: abbreviations that name the industry only inside a name of a
    #: place or works of it (航电 in 航电基地; 航电枢纽 is a hydropower works), never as a mention.
    by_hidden: dict[str, str] = field(default_factory=dict)

    def iri(self, slug: str) -> str:
        """The concept's IRI (``…/id/industry/integrated-circuits``)."""
        return self.namespace + slug

    def concept_of(self, name: str) -> Concept | None:
        """The concept a name is a label of, also with a generic tail (…产业集群, …集群); None if none."""
        slug = self.by_label.get(name)
        if slug is None:
            for tail in TAILS:
                if name.endswith(tail) and name[: -len(tail)] in self.by_label:
                    slug = self.by_label[name[: -len(tail)]]
                    break
        return self.concepts[slug] if slug else None

    def labels_in(self, name: str) -> list[tuple[int, int, Concept]]:
        """(start, end, concept) of the vocabulary's labels and hidden labels written inside ``name``,
        longest first where they overlap, in text order.

        Examples
        --------
        >>> [(s, e, c.label) for s, e, c in load_vocabulary().labels_in("航电基地一期")]
        [(0, 2, '航空电子')]
        """
        found = []
        for n in range(len(name), 1, -1):
            for i in range(len(name) - n + 1):
                slug = self.by_label.get(name[i : i + n]) or self.by_hidden.get(name[i : i + n])
                if slug and not any(s < i + n and i < e for s, e, _ in found):
                    found.append((i, i + n, self.concepts[slug]))
        return sorted(found, key=lambda x: x[0])

    def ancestors(self, slug: str) -> list[str]:
        """The broader concepts of ``slug``, nearest first, up to its top concept."""
        out: list[str] = []
        current = self.concepts[slug].broader
        while current and current not in out:
            out.append(current)
            current = self.concepts[current].broader if current in self.concepts else None
        return out


# --------------------------------------------------------------------------- the Turtle reader

_TOKEN = re.compile(
    r"""(?P<ws>[ \t\r]+)|(?P<nl>\n)|(?P<comment>\#[^\n]*)
    |(?P<iri><[^<>"{}|^`\\\s]*>)
    |(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
        (?:@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?P<dt><[^>\s]*>|[A-Za-z][\w-]*:[\w-]*))?
    |(?P<directive>@prefix|@base|PREFIX\b|BASE\b)
    |(?P<pname>(?:[A-Za-z][\w-]*)?:(?:[\w-]+(?:\.[\w-]+)*)?)
    |(?P<a>a(?=[\s<"']))
    |(?P<punct>[;,.])""",
    re.VERBOSE,
)
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def _unescape(body: str) -> str:
    def one(m: re.Match) -> str:
        code = m.group(1)
        if code[0] in "uU" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code not in _ESCAPES:
            raise ValueError(f"unknown escape \\{code}")
        return _ESCAPES[code]

    return _ESCAPE.sub(one, body)


def _tokens(text: str, where: str):
    """(kind, value, line) of each token; a character no rule knows is a VocabularyError."""
    pos, line = 0, 1
    while pos < len(text):
        m = None if text.startswith(('"""', "'''"), pos) else _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise VocabularyError(f"{where}:{line}: cannot read the Turtle here: {text[pos:pos + 20]!r}")
        kind = m.lastgroup if m.lastgroup not in ("lang", "dt") else "string"
        if m.group("string") is not None:
            kind = "string"
        pos = m.end()
        if kind == "nl":
            line += 1
        elif kind not in ("ws", "comment"):
            yield kind, m, line


def read_turtle(path: Path | str) -> list[tuple[str, str, tuple]]:
    """The triples of a Turtle file written without blank nodes, collections or long strings.

    Subjects and predicates are IRIs; an object is ``("iri", iri)`` or
    ``("literal", text, language, datatype)`` (``""`` for none).
    """
    path = Path(path)
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{where}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    prefixes: dict[str, str] = {}
    triples: list[tuple[str, str, tuple]] = []
    tokens = list(_tokens(text, where))
    i = 0

    def fail(message: str, at: int):
        line = tokens[min(at, len(tokens) - 1)][2] if tokens else 1
        raise VocabularyError(f"{where}:{line}: {message}")

    def expand(pname: str, at: int) -> str:
        prefix, _, local = pname.partition(":")
        if prefix not in prefixes:
            fail(f"undeclared prefix {prefix + ':'!r}", at)
        return prefixes[prefix] + local

    def term(at: int) -> str:
        kind, m, _ = tokens[at]
        if kind == "iri":
            return m.group(0)[1:-1]
        if kind == "pname":
            return expand(m.group(0), at)
        if kind == "a":
            return _RDF_TYPE
        fail(f"expected an IRI, found {m.group(0)!r}", at)

    def punct(at: int) -> str:
        return tokens[at][1].group(0) if at < len(tokens) and tokens[at][0] == "punct" else ""

    while i < len(tokens):
        kind, m, _ = tokens[i]
        if kind == "directive":
            if m.group(0) not in ("@prefix", "PREFIX") or i + 2 >= len(tokens):
                fail(f"unsupported directive {m.group(0)}", i)
            name, iri = tokens[i + 1], tokens[i + 2]
            if name[0] != "pname" or not name[1].group(0).endswith(":") or iri[0] != "iri":
                fail("expected @prefix name: <iri>", i)
            prefixes[name[1].group(0)[:-1]] = iri[1].group(0)[1:-1]
            i += 3
            if m.group(0) == "@prefix":
                if punct(i) != ".":
                    fail("expected '.' after @prefix", i)
                i += 1
            continue
        subject = term(i)
        i += 1
        while True:  # predicate object (, object)* (; predicate ...)* .
            if i >= len(tokens):
                fail("the statement does not end with '.'", i)
            predicate = term(i)
            i += 1
            while True:
                if i >= len(tokens):
                    fail("an object is missing", i)
                okind, om, _ = tokens[i]
                if okind == "string":
                    body = om.group("string")[1:-1]
                    try:
                        value = _unescape(body)
                    except ValueError as exc:
                        fail(str(exc), i)
                    dt = om.group("dt") or ""
                    if dt:
                        dt = dt[1:-1] if dt.startswith("<") else expand(dt, i)
                    obj: tuple = ("literal", value, (om.group("lang") or "").lower(), dt)
                else:
                    obj = ("iri", term(i))
                triples.append((subject, predicate, obj))
                i += 1
                if punct(i) != ",":
                    break
                i += 1
            sep = punct(i)
            if sep == ";":
                i += 1
                while punct(i) == ";":
                    i += 1
                if punct(i) == ".":
                    i += 1
                    break
                continue
            if sep == ".":
                i += 1
                break
            fail(f"expected ';', ',' or '.', found {tokens[i][1].group(0) if i < len(tokens) else 'the end'!r}", i)
    return triples


# --------------------------------------------------------------------------- the vocabulary


def _umbrellas(path: Path) -> frozenset[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    terms = set()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        term, tab, why = line.partition("\t")
        if not tab or not term.strip() or not why.strip():
            raise VocabularyError(f"{path}:{lineno}: expected term<TAB>why")
        terms.add(term.strip())
    return frozenset(terms)


def load_vocabulary(path: Path | str | None = None, umbrellas: Path | str | None = None) -> IndustryVocabulary:
    """Read the concept scheme and the umbrella terms (default: the files of ``ontology/``).

    Raises :class:`VocabularyError` when a file cannot be read, a zh label names two concepts or a
    concept has no zh prefLabel.
    """
    path = Path(path) if path else ontology_file("industries.ttl")
    umbrellas = Path(umbrellas) if umbrellas else ontology_file("industry-umbrellas.tsv")
    return _load(path, umbrellas)


@lru_cache(maxsize=4)
def _load(path: Path, umbrella_path: Path) -> IndustryVocabulary:
    triples = read_turtle(path)
    schemes = sorted({s for s, p, o in triples if p == _RDF_TYPE and o == ("iri", _SKOS + "ConceptScheme")})
    if len(schemes) != 1:
        raise VocabularyError(f"{path}: expected one skos:ConceptScheme, found {len(schemes)}")
    namespace = schemes[0]
    subjects = sorted({s for s, p, o in triples if p == _RDF_TYPE and o == ("iri", _SKOS + "Concept")})
    pref: dict[str, list[str]] = {s: [] for s in subjects}
    alt: dict[str, list[str]] = {s: [] for s in subjects}
    hidden: dict[str, list[str]] = {s: [] for s in subjects}
    broader: dict[str, str] = {}
    for s, p, o in triples:
        if s not in pref:
            continue
        if p in (_SKOS + "prefLabel", _SKOS + "altLabel") and o[0] == "literal" and o[2] == "zh":
            (pref if p.endswith("prefLabel") else alt)[s].append(o[1])
        elif p == _SKOS + "hiddenLabel" and o[0] == "literal" and o[2] == "zh":
            hidden[s].append(o[1])
        elif p == _SKOS + "broader" and o[0] == "iri":
            broader[s] = o[1]
    concepts: dict[str, Concept] = {}
    by_label: dict[str, str] = {}

    def slug(iri: str) -> str:
        return iri.removeprefix(namespace)

    for s in subjects:
        if len(pref[s]) != 1:
            raise VocabularyError(f"{path}: {slug(s)} needs exactly one zh prefLabel")
        labels = tuple(dict.fromkeys(pref[s] + alt[s]))
        for label in labels:
            if by_label.get(label, slug(s)) != slug(s):
                raise VocabularyError(f"{path}: the label {label!r} names {by_label[label]} and {slug(s)}")
            by_label[label] = slug(s)
        concepts[slug(s)] = Concept(slug(s), pref[s][0], labels, slug(broader[s]) if s in broader else None)
    by_hidden: dict[str, str] = {}
    for s in subjects:
        for label in hidden[s]:
            if by_label.get(label, slug(s)) != slug(s) or by_hidden.get(label, slug(s)) != slug(s):
                raise VocabularyError(f"{path}: the hidden label {label!r} names another concept too")
            by_hidden[label] = slug(s)
    return IndustryVocabulary(namespace, concepts, by_label, _umbrellas(umbrella_path), by_hidden)
