"""Industry clusters in any report: the vocabulary read without rdflib, the ``wj_industries`` component
(cues of industrial-policy prose, umbrella terms refused, new industries from their frame) and the
RDF links of each cluster to its concept (skos:exactMatch, skos:broader from the scheme)."""

from __future__ import annotations

from collections import defaultdict

import pytest
import spacy
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from graph.corpus.cache import extractor_files, extractor_version
from graph.extract.industries import canonical_industry
from graph.extract.pipeline import extract
from graph.extract.vocabulary import VocabularyError, load_vocabulary, read_turtle
from graph.model import Report
from graph.rdf.convert import to_rdf, union_graph
from graph.rdf.industry_links import industry_links
from graph.rdf.iri import entity_iri
from graph.rdf.namespaces import IND
from graph.resources import ontology_file
from graph.validate.conformance import check, one_line
from industry_helpers import clusters

VOCABULARY = ontology_file("industries.ttl")


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def extracted_clusters(text: str, use_lexicon: bool = False) -> dict:
    ex = extract(Report(slug="t", text=text + "\n", year="2026"), use_lexicon=use_lexicon)
    return {name: e for name, e in ex.entities.items() if e.cls == "IndustryCluster"}


# ---------------------------------------------------------------- the vocabulary, read without rdflib


def test_vocabulary_reader_finds_the_labels_preflabels_and_broader_concepts_rdflib_finds(vocab):
    g = Graph()
    g.parse(VOCABULARY, format="turtle")
    ns = str(IND)
    expected_labels = defaultdict(set)
    for c, p, o in g.triples((None, None, None)):
        if p in (SKOS.prefLabel, SKOS.altLabel) and isinstance(o, Literal) and o.language == "zh":
            expected_labels[str(c)[len(ns):]].add(str(o))
    concepts = {str(c)[len(ns):] for c in g.subjects(RDF.type, SKOS.Concept)}
    assert set(vocab.concepts) == concepts
    for slug, concept in vocab.concepts.items():
        assert set(concept.labels) == expected_labels[slug], slug
        (pref,) = [str(o) for o in g.objects(IND[slug], SKOS.prefLabel) if o.language == "zh"]
        assert concept.label == pref
        broader = [str(o)[len(ns):] for o in g.objects(IND[slug], SKOS.broader)]
        assert [concept.broader] == (broader or [None]), slug


def test_vocabulary_reader_reads_every_triple_of_the_file_as_rdflib_does():
    g = Graph()
    g.parse(VOCABULARY, format="turtle")
    expected = set()
    for s, p, o in g:
        obj = ("iri", str(o)) if isinstance(o, URIRef) else ("literal", str(o), o.language or "", str(o.datatype or ""))
        expected.add((str(s), str(p), obj))
    assert set(read_turtle(VOCABULARY)) == expected


def test_vocabulary_namespace_is_the_ind_prefix_of_the_graph(vocab):
    assert vocab.namespace == str(IND)
    assert vocab.iri("integrated-circuits") == str(IND["integrated-circuits"])


@pytest.mark.parametrize("turtle, where", [
    ('@prefix ind: <https://x/> .\nind: a ind:S ;\n    ind:p [ ind:q "x" ] .\n', ":3:"),  # a blank node
    ('@prefix ind: <https://x/> .\nind:a ind:p """long""" .\n', ":2: cannot read the Turtle here"),
    ('ind:a ind:p "x" .\n', ":1: undeclared prefix"),
    ('@prefix ind: <https://x/> .\nind:a ind:p "x"\n', ":2: expected ';', ',' or '.'"),
])
def test_turtle_the_reader_cannot_read_is_an_error_naming_the_line(tmp_path, turtle, where):
    path = tmp_path / "v.ttl"
    path.write_text(turtle, encoding="utf-8")
    with pytest.raises(VocabularyError, match=where.replace("(", r"\(")):
        read_turtle(path)


def test_a_zh_label_of_two_concepts_is_an_error(tmp_path):
    path = tmp_path / "v.ttl"
    path.write_text(
        "@prefix ind: <https://x/> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "ind: a skos:ConceptScheme .\n"
        'ind:a a skos:Concept ; skos:prefLabel "甲"@zh ; skos:altLabel "丙"@zh .\n'
        'ind:b a skos:Concept ; skos:prefLabel "乙"@zh ; skos:altLabel "丙"@zh .\n',
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match="丙"):
        load_vocabulary(path)


def test_an_umbrella_line_without_a_reason_is_an_error(tmp_path):
    path = tmp_path / "u.tsv"
    path.write_text("# header\n制造业\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"u\.tsv:2: expected term<TAB>why"):
        load_vocabulary(umbrellas=path)


@pytest.mark.parametrize("name, slug", [
    ("集成电路", "integrated-circuits"), ("集成电路产业", "integrated-circuits"),
    ("集成电路产业集群", "integrated-circuits"), ("低空经济", "low-altitude-economy"), ("金融业", "finance"),
])
def test_a_concept_is_found_by_any_label_with_or_without_a_generic_tail(vocab, name, slug):
    assert vocab.concept_of(name).slug == slug


def test_umbrella_terms_are_no_concept(vocab):
    for term in ("制造业", "战略性新兴产业", "总部经济", "未来产业"):
        assert vocab.concept_of(term) is None and term in vocab.umbrellas


def test_ancestors_lead_from_a_concept_to_its_top_concept(vocab):
    assert vocab.ancestors("integrated-circuits") == ["core-electronics", "new-generation-information-technology"]
    assert vocab.ancestors("new-generation-information-technology") == []


@pytest.mark.parametrize("name, canonical", [
    ("集成电路产业", "集成电路"), ("新能源汽车产业集群", "新能源汽车"), ("金融业", "金融"),
    ("防震减灾产业", "防震减灾"), ("快递业", "快递"), ("专业服务业", "专业服务"),
])
def test_canonical_name_is_the_preflabel_or_the_name_without_its_tail(vocab, name, canonical):
    assert canonical_industry(name, vocab) == canonical


# ---------------------------------------------------------------- the component


def test_component_is_a_factory_with_its_settings_in_the_config(nlp):
    config = nlp.config["components"]["wj_industries"]
    assert config["factory"] == "wj_industries"
    assert "发展" in config["develop_verbs"] and config["vocabulary"] == ""
    analysis = nlp.analyze_pipes()
    assert analysis["summary"]["wj_industries"]["assigns"] == ["doc.spans"]
    assert nlp.pipe_names.index("wj_industries") < nlp.pipe_names.index("wj_resolve")


@pytest.mark.parametrize("text, expected", [
    # a vocabulary term with a generic tail, with or without other words around it
    ("推动集成电路产业高质量发展", {"集成电路产业": "集成电路"}),
    ("电子信息产业增加值增长40.9%", {"电子信息产业": "电子信息"}),
    # right after a development verb
    ("大力发展低空经济", {"低空经济": "低空经济"}),
    ("培育壮大数据产业", {"数据产业": "数据产业"}),
    # an enumeration with an industry head: every item, also one no vocabulary lists
    ("推动钢铁、有色、化工、建材等产业提质升级", {"钢铁": "钢铁", "有色": "有色", "化工": "化工", "建材": "建材"}),
    ("积极发展会计、律师、咨询等专业服务业", {"会计": "会计", "律师": "律师", "咨询": "咨询", "专业服务业": "专业服务"}),
    ("优化存储器、智能终端等领域布局", {"存储器": "存储器", "智能终端": "智能终端"}),
    # a list after a development verb, A和B
    ("大力发展普惠金融和绿色金融", {"普惠金融": "普惠金融", "绿色金融": "绿色金融"}),
    # a modifier before a term after a development verb
    ("规范发展互联网金融", {"互联网金融": "互联网金融"}),
    ("大力发展设施农业", {"设施农业": "设施农业"}),
    # X产业 framed by a development verb, X unknown
    ("大力发展防震减灾产业", {"防震减灾产业": "防震减灾"}),
])
def test_industries_are_found_where_the_prose_develops_or_lists_them(nlp, text, expected):
    assert clusters(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "防范化解金融风险",            # 金融 in 金融风险
    "新建汽车站一座",              # 汽车 in 汽车站
    "加强食品安全监管",            # 食品 in 食品安全
    "发展壮大战略性新兴产业",      # umbrella terms
    "加快发展先进制造业和现代服务业",
    "大力发展总部经济",
    "发展文学艺术、新闻出版、广播影视、档案等事业",  # undertakings, not industries
    "加强教育、医疗、养老等领域投入",               # public services
    "实施水利、农机、现代种业等工程",               # works
    "促进大数据、云计算、物联网广泛应用",           # technologies put to use
    "坚持产业招引与培育并重",                      # a verb before 产业
    "省信息产业部批复",                            # a government body
    "聚焦“20+8”产业集群",                          # a group of clusters
])
def test_words_that_are_no_industry_mention_here_are_left_alone(nlp, text):
    assert clusters(nlp, text) == {}


def test_an_industry_inside_a_park_name_is_kept_for_the_park(nlp):
    doc = nlp("依托南山集成电路产业园，引进两家企业")
    assert [(s.text, s.kb_id_) for s in doc.spans["wj_industries"]] == [("集成电路", "集成电路")]


def test_an_industry_inside_a_park_name_becomes_a_cluster_of_the_park():
    ex = extract(Report(slug="t", text="依托南山集成电路产业园，引进两家企业。\n", year="2026"), use_lexicon=False)
    assert ex.entities["集成电路"].cls == "IndustryCluster"
    assert ("南山集成电路产业园", "inCluster", "集成电路") in {(r.subject, r.predicate, r.object) for r in ex.relations}


def test_an_industry_with_and_without_its_tail_is_one_entity_under_its_preflabel():
    found = extracted_clusters("推动集成电路产业集聚发展。大力发展集成电路、人工智能等产业。")
    assert set(found) == {"集成电路", "人工智能"}
    assert found["集成电路"].aliases == {"集成电路产业"}


def test_a_lexicon_cluster_keeps_the_lexicon_name_and_span():
    found = extracted_clusters("能源材料产业规模达到235亿元。", use_lexicon=True)
    assert "能源材料" in found and found["能源材料"].aliases == set()


def test_a_cluster_named_by_its_ending_gets_its_industry_as_name():
    found = extracted_clusters("打造千亿级新能源汽车产业集群。")
    assert set(found) == {"新能源汽车"}


def test_vocabulary_given_in_the_config_is_used(tmp_path):
    path = tmp_path / "v.ttl"
    path.write_text(
        "@prefix ind: <https://example.org/industry/> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "ind: a skos:ConceptScheme .\n"
        'ind:moon-cakes a skos:Concept ; skos:prefLabel "月饼"@zh ; skos:altLabel "月饼产业"@zh .\n',
        encoding="utf-8",
    )
    nlp = spacy.blank("zh")
    nlp.add_pipe("wj_init")
    nlp.add_pipe("wj_industries", config={"vocabulary": str(path)})
    nlp.add_pipe("wj_resolve")
    assert clusters(nlp, "大力发展月饼产业，推动集成电路研究") == {"月饼产业": "月饼"}


# ---------------------------------------------------------------- RDF: exactMatch and broader


@pytest.fixture(scope="module")
def cluster_graph():
    text = "大力发展集成电路、新一代信息技术、人工智能等产业。推动眼镜、防震减灾等产业集聚。\n"
    ex = extract(Report(slug="t", text=text, year="2026"), use_lexicon=False)
    return ex, union_graph(to_rdf([ex]))


def test_each_listed_cluster_is_exact_match_of_its_concept_and_a_new_one_of_none(cluster_graph):
    ex, g = cluster_graph
    assert (entity_iri("集成电路"), SKOS.exactMatch, IND["integrated-circuits"]) in g
    assert (entity_iri("人工智能"), SKOS.exactMatch, IND["artificial-intelligence"]) in g
    assert "防震减灾" in ex.entities
    assert list(g.objects(entity_iri("防震减灾"), SKOS.exactMatch)) == []


def test_clusters_get_the_nearest_broader_cluster_of_the_same_report(cluster_graph):
    _, g = cluster_graph
    # 集成电路 -> 电子核心产业 (not named) -> 新一代信息技术; 人工智能 -> 新一代信息技术
    assert set(g.objects(entity_iri("集成电路"), SKOS.broader)) == {entity_iri("新一代信息技术")}
    assert set(g.objects(entity_iri("人工智能"), SKOS.broader)) == {entity_iri("新一代信息技术")}
    assert list(g.objects(entity_iri("新一代信息技术"), SKOS.broader)) == []


def test_a_graph_with_industry_links_conforms_to_the_shapes(cluster_graph):
    report = check(cluster_graph[1])
    assert report.conforms, str(report)


def test_a_cluster_matching_two_concepts_does_not_conform(cluster_graph):
    g = Graph()
    for triple in cluster_graph[1]:
        g.add(triple)
    g.add((entity_iri("集成电路"), SKOS.exactMatch, IND["semiconductors"]))
    report = check(g)
    assert not report.conforms
    assert "exactMatch" in one_line(report)


def test_industry_links_name_concepts_of_the_vocabulary_only(vocab):
    ex = extract(Report(slug="t", text="大力发展集成电路、防震减灾等产业。\n", year="2026"), use_lexicon=False)
    links = industry_links(ex.entities, vocab)
    assert [(n, link) for n, link, _, _ in links] == [("集成电路", "exactMatch")]


def test_the_bundled_build_links_its_clusters_to_concepts_of_the_vocabulary(built, vocab):
    g = built.union if hasattr(built, "union") else union_graph(built.dataset)
    links = {(s, o) for s, o in g.subject_objects(SKOS.exactMatch)}
    concepts = {vocab.iri(slug) for slug in vocab.concepts}
    assert links and all(str(o) in concepts for _, o in links)
    assert (entity_iri("低空经济"), IND["low-altitude-economy"]) in links
    assert (entity_iri("能源材料"), IND["new-energy-materials"]) in links


def test_a_change_of_the_industry_vocabulary_invalidates_cached_extractions():
    names = {p.name for p in extractor_files()}
    assert {"industries.ttl", "industry-umbrellas.tsv"} <= names
    extractor_version.cache_clear()
    assert len(extractor_version()) == 16  # the files outside graph/ are hashed too
