"""The indicator queries of the library: each is self-contained, gives the same answers in rdflib and
Oxigraph, and gives the answers worked out here from the graph (or the report) another way."""

import math
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from graph.rdf.cube import INDICATOR, QB, WJI
from graph.rdf.iri import entity_iri
from graph.rdf.namespaces import WJ

ROOT = Path(__file__).resolve().parents[2]
QUERIES = sorted((ROOT / "queries").glob("indicators_*.rq"))
NAMES = [q.stem for q in QUERIES]


@pytest.fixture(scope="module")
def union(built) -> Graph:
    return built.union


@pytest.fixture(scope="module")
def store(built_trig):
    s = ox.Store()
    s.load(path=str(built_trig), format=ox.RdfFormat.TRIG)
    return s


def _text(name: str) -> str:
    return (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def _py(term):
    """An rdflib or Oxigraph term as a plain Python value, so the two engines can be compared."""
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, URIRef)):
        return str(term.value if isinstance(term, ox.NamedNode) else term)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value.rsplit("#", 1)[-1]
        if dt == "decimal":
            return Decimal(term.value).normalize()
        if dt == "integer":
            return int(term.value)
        return term.value
    value = term.toPython()
    if isinstance(value, Decimal):
        return value.normalize()
    return value if isinstance(value, (int, str)) else str(term)


def run_rdflib(union: Graph, name: str, **bindings) -> list[dict]:
    query = prepareQuery(_text(name))
    result = union.query(query, initBindings=bindings)
    return [{str(v): _py(row[v]) for v in result.vars} for row in result]


def run_oxigraph(store, name: str, **bindings) -> list[dict]:
    subs = {
        ox.Variable(k): ox.NamedNode(str(v)) if isinstance(v, URIRef) else ox.Literal(str(v))
        for k, v in bindings.items()
    }
    result = store.query(_text(name), use_default_graph_as_union=True, substitutions=subs)
    names = [v.value for v in result.variables]
    return [{n: _py(row[n]) for n in names} for row in result]


def _sorted(rows):
    return sorted(rows, key=lambda r: repr(sorted(r.items())))


def test_the_library_has_the_four_indicator_queries():
    assert NAMES == [
        "indicators_cluster_targets",
        "indicators_counts_by_class",
        "indicators_for_year",
        "indicators_targets_vs_actuals",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_each_query_says_what_it_answers_and_declares_its_prefixes(name):
    text = _text(name)
    head = [line for line in text.splitlines() if line.startswith("#")]
    assert any(line.startswith("# 问题：") for line in head)
    assert any(line.startswith("# Question:") for line in head)
    assert any("Parameters" in line for line in head)
    assert any(re.match(r"#\s+\?\w+\s+(IRI|text)\s", line) for line in head)
    assert any(line.startswith("# Example:") for line in head)
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    body_without_iris = re.sub(r"<[^>]*>|\"[^\"]*\"", "", body)
    used = set(re.findall(r"(?<![\w])([a-z]+):[A-Za-z]", body_without_iris))
    declared = set(re.findall(r"^PREFIX (\w+):", body, re.M))
    assert used <= declared, used - declared
    prepareQuery(text)  # parses without any predeclared prefix


@pytest.mark.parametrize("name", NAMES)
def test_rdflib_and_oxigraph_give_the_same_answers(union, store, name):
    a, b = run_rdflib(union, name), run_oxigraph(store, name)
    assert a
    assert _sorted(a) == _sorted(b)


def _observations(union, **where):
    out = set()
    for obs in union.subjects(RDF.type, QB.Observation):
        if all((obs, WJI[p], v) in union for p, v in where.items()):
            out.add(str(obs))
    return out


def test_indicators_for_2025_are_the_observations_of_2025(union, store):
    rows = run_rdflib(union, "indicators_for_year", period=Literal("2025"))
    assert {r["obs"] for r in rows} == _observations(union, refPeriod=Literal("2025"))
    assert all(r["period"] == "2025" and r["statedAs"] in r["text"] for r in rows)
    (fiscal,) = [r for r in rows if r["indicatorLabel"] == "财政总收入" and r["area"] == str(WJI.Whole)]
    assert (fiscal["value"], fiscal["valueCNY"], fiscal["growthRate"]) == (142, 14200000000, 16)
    assert fiscal["kind"] == str(WJI.Estimate)
    assert len(run_oxigraph(store, "indicators_for_year", period="2025")) == len(rows)


def test_indicators_for_every_period_are_every_observation(union):
    rows = run_rdflib(union, "indicators_for_year")
    assert len(rows) == len(_observations(union))


def _growth(target: float, base: float, years: int) -> Decimal:
    return Decimal(str(round((math.pow(target / base, 1 / years) - 1) * 100, 2))).normalize()


def test_targets_are_compared_with_the_2025_values_and_the_growth_they_need(union):
    rows = run_rdflib(union, "indicators_targets_vs_actuals")
    targets = _observations(union, kind=WJI.Target) | _observations(union, kind=WJI.StretchTarget)
    assert {r["target"] for r in rows} == targets
    with_base = {(r["indicatorLabel"], r["targetValue"]): r for r in rows if r["baseValue"] is not None}
    # target, level to reach, base value read in 2025, years: worked out from the report's text
    expected = {
        ("财政总收入", 180): (180, 142, 5),
        ("财政总收入", 200): (200, 142, 5),
        ("新增国家高新技术企业", 200): (701 + 200, 701, 5),
        ("新增专精特新企业", 150): (307 + 150, 307, 5),
    }
    assert set(with_base) == set(expected)
    for key, (level, base, years) in expected.items():
        r = with_base[key]
        assert (r["targetLevel"], r["baseValue"], r["years"], r["baseYear"]) == (level, base, years, 2025)
        assert r["growthNeededPct"] == _growth(level, base, years)
        assert r["perYear"] == Decimal(str(round((level - base) / years, 2))).normalize()
    assert with_base[("财政总收入", 180)]["growthNeededPct"] == Decimal("4.86")


def test_targets_can_be_asked_for_one_indicator(union, store):
    indicator = INDICATOR["fiscal-revenue"]
    rows = run_rdflib(union, "indicators_targets_vs_actuals", indicator=indicator)
    assert sorted(r["targetValue"] for r in rows) == [180, 200]
    assert _sorted(rows) == _sorted(run_oxigraph(store, "indicators_targets_vs_actuals", indicator=indicator))


def test_the_cluster_targets_are_those_of_the_three_leading_clusters(union):
    rows = run_rdflib(union, "indicators_cluster_targets")
    introduced = {"民用航空": 11, "养老科技": 26, "能源材料": 10}
    targets = {"民用航空": 225, "养老科技": 40, "能源材料": 235}
    assert {r["clusterLabel"] for r in rows} == set(targets)
    for r in rows:
        name = r["clusterLabel"]
        cluster = entity_iri(name)
        assert r["cluster"] == str(cluster)
        assert (r["value"], r["total"], r["period"]) == (targets[name], 500, "2030")
        assert r["sharePct"] == Decimal(str(round(targets[name] / 500 * 100, 1))).normalize()
        assert r["introduced"] == introduced[name]
        members = {
            m
            for m in union.subjects(WJ.inCluster, cluster)
            if (m, RDF.type, WJ.Enterprise) in union or (m, RDF.type, WJ.ListedCompany) in union
        }
        assert r["enterprises"] == (len(members) or None)


def test_the_cluster_targets_can_be_asked_for_one_cluster(union):
    rows = run_rdflib(union, "indicators_cluster_targets", cluster=entity_iri("能源材料"))
    assert [(r["clusterLabel"], r["value"]) for r in rows] == [("能源材料", 235)]


def test_counts_by_class_compare_the_report_count_with_the_entities_of_the_graph(union):
    rows = run_rdflib(union, "indicators_counts_by_class")
    counting = {str(i): str(c) for i, c in union.subject_objects(WJI.countedClass)}
    expected_obs = {
        str(o) for o in union.subjects(RDF.type, QB.Observation) if str(union.value(o, WJI.indicator)) in counting
    }
    assert {r["obs"] for r in rows} == expected_obs
    subclasses = {
        str(WJ.Enterprise): {WJ.Enterprise, WJ.ListedCompany},
        str(WJ.Incubator): {WJ.Incubator},
        str(WJ.Platform): {WJ.Platform, WJ.Incubator, WJ.Laboratory, WJ.Alliance},
    }
    for r in rows:
        members = {e for cls in subclasses[r["class"]] for e in union.subjects(RDF.type, cls)}
        assert r["entitiesInGraph"] == len(members)
        assert r["namedExamples"] == len(set(union.objects(URIRef(r["obs"]), WJI.example)))
    high_tech = [r for r in rows if r["indicatorLabel"] == "高新技术企业"]
    assert [(r["class"], r["value"]) for r in high_tech] == [(str(WJ.Enterprise), 701)]


def test_counts_can_be_asked_for_one_class(union):
    rows = run_rdflib(union, "indicators_counts_by_class", **{"class": WJ.Incubator})
    assert [(r["indicatorLabel"], r["value"]) for r in rows] == [("孵化器", 7)]


def _growth_block() -> str:
    text = _text("indicators_targets_vs_actuals")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "AS ?ratio)" in line)
    end = next(i for i, line in enumerate(lines) if "AS ?growthNeededPct)" in line)
    return "\n".join(lines[start : end + 1])


# fmt: off
CASES = [(t, b, y) for t, b in [("180", "142"), ("200", "142"), ("901", "701"), ("457", "307"), ("1", "5"),
                                 ("5", "1"), ("99.5", "100"), ("414", "200"), ("0.52", "0.5")]
         for y in (1, 2, 5, 10)]
# fmt: on


def test_the_sparql_growth_formula_is_the_power_rounded_to_a_hundredth(store):
    """The series that stand in for x ** (1 / years) give the rounded growth rate in both engines."""
    values = " ".join(f"({t} {b} {y})" for t, b, y in CASES)
    query = (
        "SELECT ?targetLevel ?baseValue ?years ?growthNeededPct WHERE {\n"
        f"  VALUES (?targetLevel ?baseValue ?years) {{ {values} }}\n{_growth_block()}\n}}"
    )
    rdflib_rows = {
        (r["targetLevel"], r["baseValue"], r["years"]): r["growthNeededPct"]
        for r in ({str(v): _py(row[v]) for v in res.vars} for res in [Graph().query(query)] for row in res)
    }
    ox_rows = {
        (_py(r["targetLevel"]), _py(r["baseValue"]), _py(r["years"])): _py(r["growthNeededPct"])
        for r in store.query(query)
    }
    assert rdflib_rows == ox_rows
    assert len(rdflib_rows) == len(CASES)
    for (level, base, years), got in rdflib_rows.items():
        exact = (math.pow(float(level) / float(base), 1 / years) - 1) * 100
        assert got is not None and abs(float(got) - exact) <= 0.0051, (level, base, years, got, exact)
