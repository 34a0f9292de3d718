"""The figures as an RDF Data Cube: where the triples go, what they link to, and the integrity
constraints that tell a well-formed cube from a broken one."""

import re
from decimal import Decimal

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from graph.rdf.convert import union_graph
from graph.rdf.turtle import serialize
from graph.extract.figures import IndicatorError, load_indicators
from graph.rdf.cube import INDICATOR, INDICATORS_GRAPH, ONTOLOGY_PATH, QB, WJI, add_indicators, cube_graph, dataset_iri
from graph.validate.cube import SHAPES_PATH, indicators_problem, validate_indicators
from graph.rdf.iri import entity_iri, sentence_iri
from graph.rdf.namespaces import WJ
from graph.validate.ontology import ENGINES, load_shapes

SLUG = "wujing-2026"


@pytest.fixture(scope="module")
def ds(built) -> Dataset:
    return built.dataset


@pytest.fixture(scope="module")
def cube(ds) -> Graph:
    return cube_graph(ds)


def _observations(ds):
    return sorted({s for s, _, _, _ in ds.quads((None, RDF.type, QB.Observation, None))})


def _one(g, obs, p):
    values = list(g.objects(obs, p))
    assert len(values) == 1, (obs, p, values)
    return values[0]


def _find(g, indicator: str, period: str, kind, cluster=WJI.NoCluster, area=WJI.Whole):
    hits = [
        o
        for o in g.subjects(WJI.indicator, INDICATOR[indicator])
        if (o, WJI.refPeriod, Literal(period)) in g
        and (o, WJI.kind, kind) in g
        and (o, WJI.cluster, cluster) in g
        and (o, WJI.refArea, area) in g
    ]
    assert len(hits) == 1, (indicator, period, kind, hits)
    return hits[0]


# ---------------------------------------------------------------- where the triples are


def test_each_observation_is_in_the_named_graph_of_its_sentence(ds):
    observations = _observations(ds)
    assert len(observations) > 150
    for obs in observations:
        # what the sentence states; a target's wji:baseline is read across reports by the build
        graphs = {getattr(ctx, "identifier", ctx) for _, p, _, ctx in ds.quads((obs, None, None, None))
                  if p != WJI.baseline}
        assert len(graphs) == 1, obs
        (graph_iri,) = graphs
        assert re.fullmatch(rf"{re.escape(str(sentence_iri(SLUG, 0)))[:-4]}\d{{4}}", str(graph_iri))
        assert (obs, PROV.wasDerivedFrom, graph_iri) in ds.graph(graph_iri)


def test_the_baselines_the_build_links_are_in_the_indicators_graph(ds):
    links = [(s, o, ctx) for s, _, o, ctx in ds.quads((None, WJI.baseline, None, None))]
    assert {getattr(ctx, "identifier", ctx) for _, _, ctx in links} == {INDICATORS_GRAPH}
    assert all(any(ds.quads((o, RDF.type, QB.Observation, None))) for _, o, _ in links)
    short = {(str(s).split("/indicators/")[1], str(o).split("/indicators/")[1]) for s, o, _ in links}
    # 财政总收入 180亿元 and 力争200亿元 by 2030 against 142亿元 (2025, 预计); 新增国家高新技术企业200家
    # against the stock of 701 (2025)
    assert {("fiscal-revenue/2030/target/whole", "fiscal-revenue/2025/estimate/whole"),
            ("fiscal-revenue/2030/stretch-target/whole", "fiscal-revenue/2025/estimate/whole"),
            ("new-high-tech-enterprises/2026-2030/target/whole", "high-tech-enterprises/2025/actual/whole")} <= short


def test_the_sentence_an_observation_cites_holds_the_figure(built):
    g = built.union
    for obs in g.subjects(RDF.type, QB.Observation):
        sentence = _one(g, obs, PROV.wasDerivedFrom)
        assert (sentence, RDF.type, WJ.SourceSentence) in g
        text = str(_one(g, sentence, PROV.value))
        assert str(_one(g, obs, WJI.statedAs)) in text


def test_the_data_set_structure_and_concepts_are_in_the_indicators_graph(ds):
    meta = ds.graph(INDICATORS_GRAPH)
    assert (dataset_iri(SLUG), RDF.type, QB.DataSet) in meta
    assert (dataset_iri(SLUG), QB.structure, WJI.IndicatorStructure) in meta
    assert (WJI.IndicatorStructure, RDF.type, QB.DataStructureDefinition) in meta
    assert (INDICATOR["fiscal-revenue"], SKOS.inScheme, WJI.Indicators) in meta
    assert not list(meta.subjects(RDF.type, QB.Observation))


def test_every_concept_of_the_list_has_a_chinese_and_an_english_name_in_the_graph(ds):
    meta = ds.graph(INDICATORS_GRAPH)
    for c in load_indicators().values():
        labels = {(str(o), o.language) for o in meta.objects(INDICATOR[c.id], SKOS.prefLabel)}
        assert labels == {(c.zh, "zh"), (c.en, "en")}


# ---------------------------------------------------------------- values and links


def test_the_2025_fiscal_revenue_is_an_estimate_with_its_growth_and_its_value_in_yuan(built):
    g = built.union
    obs = _find(g, "fiscal-revenue", "2025", WJI.Estimate)
    assert _one(g, obs, WJI.value).toPython() == Decimal(142)
    assert str(_one(g, obs, WJI.unit)) == "亿元"
    assert _one(g, obs, WJI.valueCNY).toPython() == Decimal(14200000000)
    assert _one(g, obs, WJI.growthRate).toPython() == Decimal(16)
    assert _one(g, obs, WJI.growthBasis) == WJI.YearOnYear
    assert _one(g, obs, WJI.refArea) == WJI.Whole


def test_the_2030_targets_link_to_the_three_leading_cluster_entities(built):
    g = built.union
    expected = {"民用航空": 225, "养老科技": 40, "能源材料": 235}  # 生物医药（养老科技） is 养老科技
    for name, value in expected.items():
        cluster = entity_iri(name)
        assert (cluster, RDF.type, WJ.IndustryCluster) in g, name
        obs = _find(g, "leading-industry-output", "2030", WJI.Target, cluster)
        assert _one(g, obs, WJI.value).toPython() == Decimal(value)
        assert (WJI.LeadingClusters, SKOS.narrower, cluster) in g
    total = _find(g, "leading-industry-output", "2030", WJI.Target, WJI.LeadingClusters)
    assert _one(g, total, WJI.value).toPython() == Decimal(sum(expected.values()))


def test_the_stretch_target_is_the_higher_fiscal_revenue_figure(built):
    g = built.union
    target = _find(g, "fiscal-revenue", "2030", WJI.Target)
    stretch = _find(g, "fiscal-revenue", "2030", WJI.StretchTarget)
    assert _one(g, target, WJI.value).toPython() == 180
    assert _one(g, stretch, WJI.value).toPython() == 200
    assert _one(g, target, WJI.qualifier) == WJI.AtLeast


def test_enterprise_counts_link_to_the_enterprise_class_and_name_their_examples(built):
    g = built.union
    counts = ("high-tech-enterprises", "specialised-enterprises", "enterprises-introduced", "new-high-tech-enterprises")
    for indicator in counts:
        assert (INDICATOR[indicator], WJI.countedClass, WJ.Enterprise) in g
    assert (INDICATOR["incubators"], WJI.countedClass, WJ.Incubator) in g
    obs = _find(g, "enterprises-introduced", "2025", WJI.Actual, entity_iri("民用航空"))
    examples = set(g.objects(obs, WJI.example))
    assert {entity_iri("北辰航空"), entity_iri("寰宇织能")} <= examples
    for example in examples:
        assert (example, RDF.type, WJ.Enterprise) in g or (example, RDF.type, WJ.ListedCompany) in g


def test_additions_point_to_the_stock_they_add_to(built):
    g = built.union
    assert (INDICATOR["new-high-tech-enterprises"], WJI.incrementOf, INDICATOR["high-tech-enterprises"]) in g
    assert (INDICATOR["fiscal-revenue-growth-average"], WJI.growthOf, INDICATOR["fiscal-revenue"]) in g


# ---------------------------------------------------------------- vocabulary and shapes


def test_the_namespace_class_lists_exactly_the_terms_of_the_vocabulary_file():
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    ns = str(WJI._NS)
    declared = {str(s)[len(ns):] for s in g.subjects() if str(s).startswith(ns)}
    assert declared == set(WJI.__annotations__)
    with pytest.raises(AttributeError):
        WJI.Indicatr  # noqa: B018


def test_the_vocabulary_file_has_no_blank_nodes_so_the_build_stays_byte_identical():
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    assert not [t for t in g if any(type(x).__name__ == "BNode" for x in t)]


def test_the_duplicate_check_names_the_dimensions_of_the_structure():
    """IC-12 is written for the dimensions of wji:IndicatorStructure: the two lists agree."""
    vocabulary = Graph().parse(ONTOLOGY_PATH, format="turtle")
    specs = vocabulary.objects(WJI.IndicatorStructure, QB.component)
    dims = {vocabulary.value(spec, QB.dimension) for spec in specs}
    dims.discard(None)
    shapes_text = SHAPES_PATH.read_text(encoding="utf-8")
    ic12 = shapes_text[shapes_text.index("IC-12: {?count}") :].split('"""')[1]
    named = {WJI[m] for m in re.findall(r"wji:(\w+) \?", ic12)}
    assert named == dims
    assert len(dims) == 5


def test_the_built_cube_conforms_with_no_warning(cube):
    report = validate_indicators(cube)
    assert report.conforms, str(report)
    assert report.results == ()


def _small(g: Graph) -> Graph:
    """The cube with only a few of its observations (one with a growth rate): quick to validate."""
    observations = sorted(g.subjects(RDF.type, QB.Observation))
    keep = set(observations[:4]) | {sorted(g.subjects(WJI.growthRate, None))[0]}
    out = Graph()
    for t in g:
        if t[0] not in observations or t[0] in keep:
            out.add(t)
    return out


def _some_observation(g: Graph):
    return sorted(g.subjects(RDF.type, QB.Observation))[0]


def _drop(p):
    def mutate(g):
        obs = _some_observation(g)
        g.remove((obs, p, None))

    return mutate


def _duplicate(g):
    obs = _some_observation(g)
    twin = URIRef(str(obs) + "-twin")
    for _, p, o in list(g.triples((obs, None, None))):
        g.add((twin, p, o))


def _second_structure(g):
    extra = URIRef("https://example.org/otherStructure")
    g.add((extra, RDF.type, QB.DataStructureDefinition))
    g.add((dataset_iri(SLUG), QB.structure, extra))


def _wrong_code(g):
    obs = _some_observation(g)
    g.remove((obs, WJI.kind, None))
    g.add((obs, WJI.kind, WJI.Whole))


def _no_measure(g):
    g.remove((WJI.IndicatorStructure, QB.component, WJI.valueSpec))


def _second_dataset(g):
    obs = _some_observation(g)
    other = URIRef("https://example.org/otherDataSet")
    g.add((other, RDF.type, QB.DataSet))
    g.add((other, QB.structure, WJI.IndicatorStructure))
    g.add((obs, QB.dataSet, other))


def _optional_dimension(g):
    g.add((WJI.kindSpec, QB.componentRequired, Literal(False)))


def _unnamed_indicator(g):
    g.remove((INDICATOR["fiscal-revenue"], SKOS.prefLabel, Literal("Total fiscal revenue", lang="en")))


def _growth_without_basis(g):
    obs = next(g.subjects(WJI.growthRate, None))
    g.remove((obs, WJI.growthBasis, None))


# fmt: off
@pytest.mark.parametrize("mutate, constraint", [
    (_drop(QB.dataSet), "IC-1"),
    (_second_dataset, "IC-1"),
    (_second_structure, "IC-2"),
    (_no_measure, "IC-3"),
    (_optional_dimension, "IC-6"),
    (_drop(WJI.refArea), "IC-11"),
    (_duplicate, "IC-12"),
    (_drop(WJI.unit), "IC-13"),
    (_drop(WJI.value), "IC-14"),
    (_wrong_code, "IC-19"),
    (_unnamed_indicator, "one name in Chinese and one in English"),
    (_growth_without_basis, "growth rate comes with its basis"),
])
# fmt: on
@pytest.mark.parametrize("engine", ENGINES)
def test_a_deliberately_broken_cube_is_rejected(cube, mutate, constraint, engine):
    g = _small(cube)
    assert validate_indicators(g, engine=engine).conforms
    mutate(g)
    report = validate_indicators(g, engine=engine)
    assert not report.conforms
    assert any(constraint in v.message for v in report.violations), str(report)


def test_the_build_refuses_a_broken_cube_with_one_line(built, monkeypatch):
    from graph.rdf import cube as indicators
    from graph.rdf.convert import to_rdf

    real = indicators.add_observations

    def add_without_values(ds, result, extraction=None):
        real(ds, result, extraction)
        for s, _, o, ctx in list(ds.quads((None, WJI.value, None, None))):
            ds.remove((s, WJI.value, o, ctx))
            break

    monkeypatch.setattr(indicators, "add_observations", add_without_values)
    ds = to_rdf(built.extractions)
    add_indicators(ds, built.extractions)
    problem = indicators_problem(ds)
    assert problem is not None and "\n" not in problem
    assert "IC-14" in problem


def test_the_indicator_graphs_serialise_byte_for_byte_the_same_twice(built):
    texts = []
    for _ in range(2):
        ds = Dataset()
        add_indicators(ds, built.extractions)
        texts.append(serialize(ds, union_graph(ds))[0])
    assert texts[0] == texts[1]
    assert "qb:Observation" in texts[0]


def test_the_built_trig_reads_in_oxigraph_with_every_observation(built, built_trig):
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(built_trig), format=ox.RdfFormat.TRIG)
    query = "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a <http://purl.org/linked-data/cube#Observation> }"
    (row,) = list(store.query(query, use_default_graph_as_union=True))
    assert int(row["n"].value) == len(set(built.union.subjects(RDF.type, QB.Observation)))


def test_shapes_are_valid_turtle_with_a_message_for_each_integrity_constraint():
    text = SHAPES_PATH.read_text(encoding="utf-8")
    load_shapes(SHAPES_PATH)
    for ic in ("IC-1", "IC-2", "IC-3", "IC-4", "IC-5", "IC-6", "IC-11", "IC-12", "IC-13", "IC-14", "IC-19"):
        assert f'"{ic}:' in text, ic


# ---------------------------------------------------------------- the concept list


def test_a_malformed_concept_list_fails_with_the_line_it_is_on(tmp_path):
    header = "id\tzh\ten\tunit\tpattern\tcounts\tgrowth_of\tbasis\tincrement_of\tby_cluster\n"
    cases = {
        "dup.tsv": header + "a\t甲\tA\t家\t#\n" + "a\t乙\tB\t家\t#\n",
        "regex.tsv": header + "a\t甲\tA\t家\t(#\n",
        "ref.tsv": header + "a\t甲\tA\t%\t#\t\tnowhere\tYearOnYear\n",
        "english.tsv": header + "a\t甲\t\t家\t#\n",
        "class.tsv": header + "a\t甲\tA\t家\t#\tCompany\n",
        "header.tsv": "id\tname\n",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(IndicatorError) as err:
            load_indicators(path)
        assert name in str(err.value)
        assert "\n" not in str(err.value)


def test_every_row_of_the_concept_list_is_a_distinct_indicator():
    concepts = load_indicators()
    assert len({c.zh for c in concepts.values()}) == len(concepts)
    assert len({c.en for c in concepts.values()}) == len(concepts)
    for c in concepts.values():
        if c.basis:
            assert c.unit.fullmatch("%"), c.id
