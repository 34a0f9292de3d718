"""Shared inputs of the map tests: a tiny graph whose names try to break out of the HTML."""

from __future__ import annotations

from rdflib import RDF, RDFS, Dataset, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from graph.rdf.iri import entity_iri, report_iri, sentence_iri
from graph.rdf.namespaces import WJ
from graph.rdf.convert import PROVENANCE_GRAPH

# fmt: off
EVIL_NAME = "<img src=x onerror=alert(1)>"
EVIL_ALIAS = "</script><script>window.__pwned=1</script>"
EVIL_PARK = "\"'&<b>金领谷</b>"
EVIL_CLUSTER = "<!--民用航空"
EVIL_SENTENCE = "<script>window.__pwned=2</script> & <img src=y onerror=alert(3)> 引进企业。"
EVIL_TITLE = "</title><script>window.__pwned=3</script>报告"
# fmt: on


def evil_dataset() -> Dataset:
    """An enterprise located in a park that belongs to a cluster, every name hostile."""
    ds = Dataset()
    s1 = sentence_iri("evil", 1)
    g = ds.graph(s1)
    ent, park, cluster = entity_iri(EVIL_NAME), entity_iri(EVIL_PARK), entity_iri(EVIL_CLUSTER)
    for iri, cls, name in ((ent, WJ.Enterprise, EVIL_NAME), (park, WJ.Park, EVIL_PARK),
                           (cluster, WJ.IndustryCluster, EVIL_CLUSTER)):
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, Literal(name, lang="zh")))
        g.add((iri, RDFS.label, Literal("x", lang="zh-Latn-pinyin")))
    g.add((ent, SKOS.altLabel, Literal(EVIL_ALIAS, lang="zh")))
    g.add((ent, WJ.locatedIn, park))
    g.add((ent, WJ.inCluster, cluster))
    g.add((park, WJ.inCluster, cluster))
    prov = ds.graph(PROVENANCE_GRAPH)
    prov.add((s1, RDF.type, WJ.SourceSentence))
    prov.add((s1, PROV.value, Literal(EVIL_SENTENCE, lang="zh")))
    prov.add((report_iri("evil"), DCTERMS.title, Literal(EVIL_TITLE, lang="zh")))
    return ds
