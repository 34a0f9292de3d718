"""Industry clusters linked to the industry vocabulary (``ontology/industries.ttl``).

An ``wj:IndustryCluster`` whose name is a label of one of the scheme's concepts is
``skos:exactMatch`` that concept (集成电路 -> ``ind:integrated-circuits``); a cluster the vocabulary
does not list gets no link.  Between the clusters of one report, the scheme's hierarchy becomes
``skos:broader``: each cluster points to the nearest of its broader concepts that the report also
names (集成电路 -> 新一代信息技术 when the report names no 电子核心产业), as the ontology does for
民用航空机载装备产业集群 -> 民用航空.  The links go into the graph of the sentence that first names the
narrower cluster, with the entity's other facts.

Examples
--------
>>> from graph.model import Entity, Mention
>>> def cluster(name, sentence):
...     return Entity(name, "IndustryCluster", mentions=[Mention(name, 0, len(name), "IndustryCluster", "t", sentence)])
>>> entities = {n: cluster(n, i) for i, n in enumerate(["集成电路", "新一代信息技术", "眼镜产业带"])}
>>> for name, link, target, sentence in industry_links(entities):
...     print(name, link, target, sentence)
新一代信息技术 exactMatch https://w3id.org/wujing-kg/id/industry/new-generation-information-technology 1
集成电路 exactMatch https://w3id.org/wujing-kg/id/industry/integrated-circuits 0
集成电路 broader 新一代信息技术 0
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import URIRef
from rdflib.namespace import SKOS

from graph.extract.vocabulary import IndustryVocabulary, load_vocabulary
from graph.model import Entity, top_class
from graph.rdf.iri import entity_iri

__all__ = ["add_industry_links", "industry_links"]


def industry_links(entities: dict[str, Entity], vocabulary: IndustryVocabulary | None = None,
                   ) -> list[tuple[str, str, str, int]]:
    """(cluster, "exactMatch", concept IRI, sentence) and (cluster, "broader", cluster, sentence), sorted by name."""
    vocabulary = vocabulary or load_vocabulary()
    concepts = {}
    for name in sorted(entities):
        e = entities[name]
        if top_class(e.cls) == "IndustryCluster" and e.mentions:
            concept = vocabulary.concept_of(name)
            if concept is not None:
                concepts[name] = concept.slug
    by_concept: dict[str, str] = {}
    for name, slug in concepts.items():  # two clusters of one concept: the first name speaks for it
        by_concept.setdefault(slug, name)
    out = []
    for name, slug in concepts.items():
        first = entities[name].sentences[0]
        out.append((name, "exactMatch", vocabulary.iri(slug), first))
        broader = next((by_concept[a] for a in vocabulary.ancestors(slug) if a in by_concept), None)
        if broader is not None and broader != name:
            out.append((name, "broader", broader, first))
    return out


def add_industry_links(entities: dict[str, Entity], graph_of: Callable[[int], object]) -> None:
    """Add :func:`industry_links` to the sentence graphs (``graph_of(index)`` -> that sentence's graph)."""
    for name, link, target, sentence in industry_links(entities):
        obj = URIRef(target) if link == "exactMatch" else entity_iri(target)
        graph_of(sentence).add((entity_iri(name), SKOS.exactMatch if link == "exactMatch" else SKOS.broader, obj))
