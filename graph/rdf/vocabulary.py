"""The names of the ontology's terms, so that a user can write ``企业``, ``竣工`` or ``目标`` for them.

One owner for these word lists: the labels in ``ontology/wujing.ttl``, ``ontology/reports.ttl``
and ``ontology/indicators.ttl`` (the classes' ``rdfs:label`` and the SKOS concepts' ``skos:prefLabel``
and ``skos:altLabel``, in Chinese and English).  ``wujing-kg query --param class=企业`` /
``stage=竣工`` / ``kind=目标`` and ``wujing-kg map --classes 高校`` both read them from here.

A term is named by its local name (``Completed``, case ignored), an English label (``completed``,
``under construction``), a Chinese label, or one part of a Chinese label written ``谋划/筹备``; failing
that, by a word of two or more characters that only one term's Chinese label contains (``封顶`` ->
结构封顶 -> ``wj:ToppedOut``).  A lookup can be confined to one vocabulary (:data:`VOCABULARIES`:
the entity classes, the project stages, the kinds of figure ...), as the query parameters of that
name are: ``class=孵化器`` is the class, ``entity=孵化器`` an entity whose name contains it.

Examples
--------
>>> class_named("高校"), class_named("listedcompany"), class_named("Park"), class_named("火箭")
('University', 'ListedCompany', 'Park', None)
>>> str(term_named("竣工")), str(term_named("在建")), str(term_named("封顶", within="stage"))
('https://w3id.org/wujing-kg/ontology#Completed', 'https://w3id.org/wujing-kg/ontology#UnderConstruction', 'https://w3id.org/wujing-kg/ontology#ToppedOut')
>>> term_named("企业", within="stage") is None, str(term_named("力争目标", within="kind")).rsplit("#", 1)[-1]
(True, 'StretchTarget')
>>> stage_names()["InUse"]
'投入使用'
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from graph.model import ENTITY_CLASSES, STAGES
from graph.rdf.cube import WJI
from graph.rdf.namespaces import WJ
from graph.rdf.turtle import read_package_turtle
from graph.resources import ontology_file

__all__ = ["VOCABULARY_FILES", "VOCABULARIES", "GRAPH_SCHEMES", "class_named", "stage_names", "term_named", "term_names"]

#: The ontology files whose classes and concepts can be named.
VOCABULARY_FILES = ("wujing.ttl", "reports.ttl", "indicators.ttl")

#: Vocabularies a lookup can be confined to, by the name of the query parameters that take them:
#: the entity classes, or the concepts of one SKOS scheme.
VOCABULARIES: dict[str, frozenset[URIRef] | URIRef] = {
    "class": frozenset(WJ[c] for c in ENTITY_CLASSES),
    "stage": WJ.ProjectStages,
    "kind": WJI.Kinds,
    "area": WJI.Areas,
    "qualifier": WJI.Qualifiers,
}

#: Vocabularies whose concepts are in the built graph rather than in the ontology (the indicators of
#: ``graph/extract/indicators.tsv``, one SKOS scheme), by the name of the parameters that take them.
GRAPH_SCHEMES: dict[str, URIRef] = {"indicator": WJI.Indicators}


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, set[URIRef]], dict[URIRef, list[str]], dict[URIRef, set[URIRef]]]:
    """Exact names (normalised) -> terms, term -> its Chinese labels, term -> its schemes."""
    exact: dict[str, set[URIRef]] = {}
    chinese: dict[URIRef, list[str]] = {}
    schemes: dict[URIRef, set[URIRef]] = {}
    for name in VOCABULARY_FILES:
        g = read_package_turtle(ontology_file(name))
        terms = {s for s in g.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef)}
        terms |= {s for s in g.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef)}
        for term in sorted(terms):
            schemes.setdefault(term, set()).update(o for o in g.objects(term, SKOS.inScheme) if isinstance(o, URIRef))
            names = {re.split(r"[#/]", str(term))[-1]}
            for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
                for label in sorted(g.objects(term, prop)):
                    lang = (getattr(label, "language", None) or "").lower()
                    if lang == "zh":
                        names |= {str(label), *(p for p in re.split(r"[/／]", str(label)) if p.strip())}
                        chinese.setdefault(term, []).append(str(label))
                    elif lang in ("en", ""):
                        names.add(str(label))
            for n in names:
                exact.setdefault(_key(n), set()).add(term)
    return exact, chinese, schemes


def _in(term: URIRef, within: str | None) -> bool:
    if within is None:
        return True
    vocabulary = VOCABULARIES[within]
    if isinstance(vocabulary, frozenset):
        return term in vocabulary
    return vocabulary in _names()[2].get(term, set())


def term_names() -> dict[str, URIRef]:
    """Every exact name of a term (normalised: lower case, no spaces) that names one term only -> the term."""
    return {k: next(iter(v)) for k, v in _names()[0].items() if len(v) == 1}


def term_named(name: str, partial: bool = True, within: str | None = None) -> URIRef | None:
    """The class or concept of the ontology that ``name`` names, or ``None``.

    ``within`` confines the lookup to one of :data:`VOCABULARIES` (``"class"``, ``"stage"``,
    ``"kind"`` ...); ``partial=False`` takes exact names only (not the one label that contains the word).
    A name that names two terms names none.
    """
    exact, chinese, _schemes = _names()
    key = _key(name)
    if not key:
        return None
    hits = {t for t in exact.get(key, ()) if _in(t, within)}
    if len(hits) == 1:
        return hits.pop()
    if not hits and partial and len(key) >= 2 and re.search(r"[\u4e00-\u9fff]", key):  # one character: too little
        hits = {t for t, labels in chinese.items() if _in(t, within) and any(key in _key(label) for label in labels)}
        if len(hits) == 1:
            return hits.pop()
    return None


def class_named(name: str) -> str | None:
    """The entity class (local name, e.g. ``University``) that ``name`` names, or ``None``."""
    term = term_named(name, within="class")
    return None if term is None else str(term)[len(str(WJ._NS)):]


@lru_cache(maxsize=1)
def stage_names() -> dict[str, str]:
    """Each project stage (local name, in the order of :data:`graph.model.STAGES`) -> its Chinese name."""
    chinese = _names()[1]
    return {s: (chinese.get(WJ[s]) or [s])[0] for s in STAGES}
