"""The industry vocabulary (ontology/industries.ttl) is a well-formed SKOS scheme the extractor can trust.

Each zh label names one industry only, umbrella terms (ontology/industry-umbrellas.tsv) are never
labels, and every industry can be grouped under a top concept through its broader chain.
"""

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
VOCABULARY = ONTOLOGY / "industries.ttl"
UMBRELLAS = ONTOLOGY / "industry-umbrellas.tsv"

IND = Namespace("https://w3id.org/wujing-kg/id/industry/")
SCHEME = URIRef(str(IND))
SEI = URIRef("https://w3id.org/wujing-kg/id/industry-notation/sei-2018")

# prefLabels that keep 产业 because the bare form is not the industry's name (INDUSTRIES.md)
TAIL_KEPT = {"电子核心产业", "数字经济核心产业", "数据产业", "文化产业", "体育产业", "粮食产业", "竹产业"}


@cache
def graph() -> Graph:
    g = Graph()
    g.parse(VOCABULARY, format="turtle")
    return g


def concepts() -> list[URIRef]:
    return sorted(graph().subjects(RDF.type, SKOS.Concept))


def labels(concept, lang="zh", props=(SKOS.prefLabel, SKOS.altLabel)) -> list[str]:
    return [str(o) for p in props for o in graph().objects(concept, p)
            if isinstance(o, Literal) and o.language == lang]


def label_index() -> dict[str, set]:
    index = defaultdict(set)
    for c in concepts():
        for label in labels(c):
            index[label].add(c)
    return index


def find(label: str) -> URIRef:
    found = label_index().get(label, set())
    assert len(found) == 1, f"{label!r} names {len(found)} concepts"
    return next(iter(found))


def pref_zh(concept) -> str:
    return labels(concept, props=(SKOS.prefLabel,))[0]


def broader(concept) -> list:
    return list(graph().objects(concept, SKOS.broader))


def ancestors(concept) -> list:
    chain, seen = [], {concept}
    current = concept
    while broader(current):
        (current,) = broader(current)
        assert current not in seen, f"cycle through {current}"
        seen.add(current)
        chain.append(current)
    return chain


def umbrella_terms() -> dict[str, str]:
    terms = {}
    for line in UMBRELLAS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        term, why = line.split("\t")
        terms[term] = why
    return terms


def test_vocabulary_parses_as_turtle_and_holds_a_few_hundred_concepts():
    assert 200 <= len(concepts()) <= 400


def test_scheme_has_title_description_and_named_sources():
    g = graph()
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in g
    for prop in (DCTERMS.title, DCTERMS.description):
        assert {o.language for o in g.objects(SCHEME, prop)} >= {"en", "zh"}
    sources = {str(o) for o in g.objects(SCHEME, DCTERMS.source)}
    assert any("战略性新兴产业分类（2018）" in s for s in sources)
    assert any("GB/T 4754-2017" in s for s in sources)


def test_every_concept_has_exactly_one_zh_and_one_en_preflabel():
    for c in concepts():
        for lang in ("zh", "en"):
            assert len(labels(c, lang, (SKOS.prefLabel,))) == 1, (c, lang)


def test_every_concept_is_in_the_scheme():
    for c in concepts():
        assert (c, SKOS.inScheme, SCHEME) in graph(), c


def test_top_concepts_have_no_broader_and_every_other_concept_has_one():
    g = graph()
    tops = set(g.subjects(SKOS.topConceptOf, SCHEME))
    assert tops == set(g.objects(SCHEME, SKOS.hasTopConcept))
    for c in concepts():
        assert len(broader(c)) == (0 if c in tops else 1), c


def test_broader_chain_of_every_concept_ends_at_a_top_concept_without_cycles():
    tops = set(graph().subjects(SKOS.topConceptOf, SCHEME))
    all_concepts = set(concepts())
    for c in concepts():
        chain = ancestors(c)
        assert set(chain) <= all_concepts, c
        assert (chain[-1] if chain else c) in tops, c


def test_related_concepts_are_never_each_others_ancestors():
    for c in concepts():
        for other in graph().objects(c, SKOS.related):
            assert other not in ancestors(c) and c not in ancestors(other), (c, other)


def test_the_nine_strategic_emerging_categories_are_top_concepts():
    g = graph()
    codes = {str(n): c for c, n in g.subject_objects(SKOS.notation) if n.datatype == SEI}
    for code in map(str, range(1, 10)):
        assert (codes[code], SKOS.topConceptOf, SCHEME) in g, code


def test_notations_are_unique_within_their_classification():
    seen = {}
    for c, n in graph().subject_objects(SKOS.notation):
        key = (n.datatype, str(n))
        assert key not in seen, (c, seen.get(key))
        seen[key] = c


def test_no_zh_label_is_used_by_two_concepts():
    shared = {label: cs for label, cs in label_index().items() if len(cs) > 1}
    assert shared == {}


def test_no_concept_repeats_a_zh_label():
    for c in concepts():
        zh = labels(c)
        assert len(zh) == len(set(zh)), c


def test_labels_are_trimmed_and_nonempty():
    for c in concepts():
        for lang in ("zh", "en"):
            for label in labels(c, lang):
                assert label and label == label.strip() and "\n" not in label, (c, label)


def test_zh_preflabels_drop_the_generic_tail_unless_it_is_part_of_the_name():
    for c in concepts():
        label = pref_zh(c)
        assert not label.endswith(("集群", "行业")), label
        assert not label.endswith("产业") or label in TAIL_KEPT, label


def test_concept_iris_are_lowercase_ascii_slugs_in_the_industry_namespace():
    for c in concepts():
        slug = str(c)[len(str(IND)):]
        assert str(c).startswith(str(IND)), c
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), c


def test_every_iri_in_the_file_is_ascii():
    for triple in graph():
        for term in triple:
            if isinstance(term, URIRef):
                assert str(term).isascii(), term


def test_umbrella_file_has_a_comment_header_and_a_reason_for_every_term():
    lines = UMBRELLAS.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    terms = umbrella_terms()
    assert len(terms) == len([ln for ln in lines if ln.strip() and not ln.startswith("#")])
    assert all(why.strip() for why in terms.values())


@pytest.mark.parametrize("term", ["制造业", "先进制造业", "服务业", "现代服务业", "生产性服务业", "实体经济", "工业",
                                  "农业", "战略性新兴产业", "新兴产业", "未来产业", "传统产业", "优势产业", "主导产业",
                                  "支柱产业", "特色产业", "高新技术产业", "民营经济", "县域经济", "总部经济",
                                  "楼宇经济", "夜间经济", "首店经济", "平台经济"])
def test_umbrella_terms_of_the_brief_are_listed(term):
    assert term in umbrella_terms()


def test_no_umbrella_term_is_a_label():
    index = label_index()
    assert [t for t in umbrella_terms() if t in index] == []


@pytest.mark.parametrize("label, concept, parent", [
    ("集成电路", "integrated-circuits", "电子核心产业"),
    ("集成电路产业", "integrated-circuits", "电子核心产业"),
    ("低空经济", "low-altitude-economy", "航空装备"),
    ("人工智能", "artificial-intelligence", "新一代信息技术"),
    ("生物医药", "biomedicine", "生物"),
    ("医药", "biomedicine", "生物"),
    ("人形机器人", "humanoid-robots", "机器人"),
    ("金融业", "finance", None),
    ("茶产业", "tea", "种植业"),
])
def test_known_industries_are_found_by_a_label_under_the_expected_broader(label, concept, parent):
    found = find(label)
    assert found == IND[concept]
    assert [pref_zh(b) for b in broader(found)] == ([parent] if parent else [])


@pytest.mark.parametrize("label", ["新能源汽车", "新能源车", "新能源汽车产业"])
def test_new_energy_vehicles_are_a_strategic_top_concept(label):
    found = find(label)
    assert found == IND["new-energy-vehicles"]
    assert (found, SKOS.topConceptOf, SCHEME) in graph()
    assert broader(find("智能网联汽车")) == [found]


def test_narrower_industries_group_under_their_top_concept():
    top = IND["new-generation-information-technology"]
    for label in ("集成电路", "6G", "量子科技", "具身智能", "软件和信息服务"):
        assert ancestors(find(label))[-1] == top, label
    assert ancestors(find("商业航天"))[-1] == IND["high-end-equipment"]
    assert ancestors(find("合成生物"))[-1] == IND["bioindustry"]


def test_new_generation_it_and_electronic_information_stay_separate_but_related():
    ngit, ei = find("新一代信息技术"), find("电子信息")
    assert ngit != ei
    assert (ngit, SKOS.related, ei) in graph() or (ei, SKOS.related, ngit) in graph()
