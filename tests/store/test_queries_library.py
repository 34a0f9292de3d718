"""The query library on the built graph: every ``queries/*.rq`` file is documented, portable and runs;
each query of issue 3 gives the answer computed independently from the built graph (rdflib triples,
not SPARQL) and finds what the report clearly states."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest
from rdflib import RDF, RDFS, XSD, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from graph.rdf.iri import entity_iri, pinyin_plain
from graph.model import ENTITY_CLASSES
from graph.rdf.namespaces import WJ
from graph.store.queries import KINDS, load_query, prepare, run_query
from graph.network.convert import to_networkx
from graph.network.parks import park_clusters
from graph.rdf.convert import PROVENANCE_GRAPH

from queries_helpers import ALL_QUERIES, rdflib_answer

#: The queries issue 3 added; each has an expected-results test below (see test_every_own_query_is_checked).
OWN_QUERIES = (
    "affiliations", "cluster_members", "cluster_targets", "cooperation_partners", "enterprises_by_park",
    "entities_by_class", "entities_introduced", "entity_profile", "entity_sentences", "funds", "link_evidence",
    "most_connected", "park_cluster_links", "park_members", "projects_by_stage", "projects_completed",
    "projects_planned", "report_sections", "reports", "search_entities", "university_cooperation",
    "university_platforms",
)
CHECKED: set[str] = set()
ENTITY = {WJ[c] for c in ENTITY_CLASSES}
RELATIONS = (WJ.locatedIn, WJ.inCluster, WJ.cooperatesWith, WJ.affiliatedWith)
PLATFORMISH = {WJ.Platform, WJ.Incubator, WJ.Laboratory, WJ.Alliance, WJ.ResearchInstitute, WJ.Fund}

HDSD = str(entity_iri("华东师范大学"))
ART = str(entity_iri("奥锐特"))


def checks(name: str):
    CHECKED.add(name)
    return lambda f: f


@pytest.fixture(scope="module")
def trig(built):
    return built.out_dir / "wujing.trig"


@pytest.fixture(scope="module")
def g(built):
    """The union of all graphs (what out/wujing.ttl holds)."""
    return built.union


@pytest.fixture(scope="module")
def ds(built):
    return built.dataset


def ask(trig, name, **params):
    return run_query(name, graph=trig, **params)


def zh(g, s) -> str:
    return next(str(o) for o in g.objects(s, RDFS.label) if isinstance(o, Literal) and o.language == "zh")


def class_of(g, s):
    return next(o for o in g.objects(s, RDF.type) if str(o).startswith(str(WJ._NS)))


def entities(g):
    return {s for s, o in g.subject_objects(RDF.type) if o in ENTITY}


def by_label(rows, key: str) -> set[str]:
    return {r[key] for r in rows}


# ------------------------------------------------------------------------------- every file of queries/


@pytest.mark.parametrize("name", ALL_QUERIES)
def test_query_file_starts_with_its_question_parameters_and_an_example(name):
    q = load_query(name)
    assert re.search(r"[\u4e00-\u9fff]", q.question_zh), f"{name}: no Chinese question (# 问题：...)"
    assert q.question_en.endswith("?"), f"{name}: no English question (# Question: ...?)"
    assert f"wujing-kg query {name}" in q.example, f"{name}: no example (# Example: wujing-kg query {name} ...)"
    for p in q.params:
        assert p.kind in KINDS, f"{name}: ?{p.name} has unknown kind {p.kind}"
        assert re.search(rf"\?{p.name}\b", q.text.split("\nSELECT", 1)[-1]), f"{name}: ?{p.name} is not in the query"


@pytest.mark.parametrize("name", ALL_QUERIES)
def test_query_file_declares_its_prefixes_and_parses_alone(name):
    """Without the project's prefixes predeclared, as any other SPARQL tool reads it."""
    import pyoxigraph

    text = load_query(name).text
    prepare(text, name, with_prefixes=False)
    pyoxigraph.Store().query(text)  # Oxigraph's parser: standard SPARQL 1.1, every prefix declared


@pytest.mark.parametrize("name", ALL_QUERIES)
def test_query_file_runs_on_the_built_graph(name, trig):
    rows = rdflib_answer(str(trig), name)
    assert rows.vars and all(set(r) == set(rows.vars) for r in rows)


def test_the_library_has_at_least_15_queries_and_reads_the_union_or_uses_graph():
    assert len(ALL_QUERIES) >= 15
    for name in OWN_QUERIES:
        text = load_query(name).text
        assert "FROM" not in re.sub(r"#.*", "", text).upper().split(), name
        if "GRAPH" in text.split("\nSELECT", 1)[1]:
            assert "Uses GRAPH" in text, f"{name}: say in the comment that it reads named graphs"


def test_every_own_query_is_checked():
    assert set(OWN_QUERIES) <= set(ALL_QUERIES)
    assert CHECKED == set(OWN_QUERIES)


# ------------------------------------------------------------------------------------------ own queries


@checks("enterprises_by_park")
def test_enterprises_by_park(trig, g):
    rows = ask(trig, "enterprises_by_park")
    expected = {(str(p), str(e)) for e, p in g.subject_objects(WJ.locatedIn)
                if class_of(g, e) in (WJ.Enterprise, WJ.ListedCompany) and class_of(g, p) == WJ.Park}
    assert {(r["park"], r["enterprise"]) for r in rows} == expected
    assert all(r["parkLabel"] == zh(g, entity_iri(r["parkLabel"])) for r in rows)
    one_park = ask(trig, "enterprises_by_park", park="上海市养老科技产业园")
    assert "银发无忧" in by_label(one_park, "enterpriseLabel")
    assert by_label(one_park, "parkLabel") == {"上海市养老科技产业园"}


@checks("park_members")
def test_park_members(trig, g):
    rows = ask(trig, "park_members")
    expected = {(str(p), str(m), str(class_of(g, m))) for m, p in g.subject_objects(WJ.locatedIn)
                if class_of(g, p) == WJ.Park}
    assert {(r["park"], r["member"], r["class"]) for r in rows} == expected
    jlg = ask(trig, "park_members", park="金领谷产业园")
    assert "中航机载低空选型中心" in by_label(jlg, "memberLabel")
    platforms = ask(trig, "park_members", **{"class": "wj:Platform"})
    assert platforms and {r["class"] for r in platforms} == {str(WJ.Platform)}


@checks("cluster_members")
def test_cluster_members(trig, g):
    rows = ask(trig, "cluster_members")
    expected = {(str(c), str(m)) for m, c in g.subject_objects(WJ.inCluster) if class_of(g, c) == WJ.IndustryCluster}
    assert {(r["cluster"], r["member"]) for r in rows} == expected
    assert all(r["class"] == str(class_of(g, entity_iri(r["memberLabel"]))) for r in rows)
    elderly = ask(trig, "cluster_members", cluster="养老科技", **{"class": "wj:Enterprise"})
    assert "银发无忧" in by_label(elderly, "memberLabel")
    assert {r["class"] for r in elderly} == {str(WJ.Enterprise)}


@checks("park_cluster_links")
def test_park_cluster_links(trig, ds):
    # the counts of the one owner of the rule, which `wujing-kg matrix` and the park-cluster map read
    pc = park_clusters(to_networkx(ds))
    expected = {link: (len(members), int(pc.is_stated(*link))) for link, members in pc.links.items()}
    rows = ask(trig, "park_cluster_links")
    assert {(r["park"], r["cluster"]): (r["members"], r["direct"]) for r in rows} == expected
    assert [r["members"] for r in rows] == sorted((r["members"] for r in rows), reverse=True)
    link = ask(trig, "park_cluster_links", park="上海市养老科技产业园", cluster="养老科技")
    assert len(link) == 1 and link[0]["members"] >= 1 and link[0]["direct"] == 1  # 银发无忧 and the park itself


@checks("university_cooperation")
def test_university_cooperation(trig, g):
    pairs = {(a, b) for a, b in g.subject_objects(WJ.cooperatesWith)}
    pairs |= {(b, a) for a, b in pairs}
    expected = {(str(u), str(x)) for u, x in pairs if class_of(g, u) == WJ.University}
    rows = ask(trig, "university_cooperation")
    assert {(r["university"], r["partner"]) for r in rows} == expected
    assert (HDSD, ART) in {(r["university"], r["partner"]) for r in rows}
    by_partner = ask(trig, "university_cooperation", partner="奥锐特")
    assert by_label(by_partner, "universityLabel") == {"华东师范大学"}


@checks("cooperation_partners")
def test_cooperation_partners_sees_each_pair_from_both_sides(trig, g):
    stored = set(g.subject_objects(WJ.cooperatesWith))
    rows = ask(trig, "cooperation_partners")
    got = {(r["entity"], r["partner"]) for r in rows}
    assert got == {(str(a), str(b)) for a, b in stored} | {(str(b), str(a)) for a, b in stored}
    assert by_label(ask(trig, "cooperation_partners", entity="奥锐特"), "partnerLabel") == {"华东师范大学"}
    assert "奥锐特" in by_label(ask(trig, "cooperation_partners", entity="华东师范大学"), "partnerLabel")


@checks("university_platforms")
def test_university_platforms(trig, g):
    expected = {(str(u), str(x)) for x, u in g.subject_objects(WJ.affiliatedWith)
                if class_of(g, u) == WJ.University and class_of(g, x) in PLATFORMISH}
    rows = ask(trig, "university_platforms")
    assert rows and {(r["university"], r["platform"]) for r in rows} == expected
    assert {r["class"] for r in rows} <= {str(c) for c in PLATFORMISH}
    hdsd = ask(trig, "university_platforms", university="华东师范大学")
    assert by_label(hdsd, "universityLabel") == {"华东师范大学"}
    assert {r["platform"] for r in hdsd} == {x for u, x in expected if u == HDSD}


@checks("affiliations")
def test_affiliations(trig, g):
    rows = ask(trig, "affiliations")
    assert {(r["unit"], r["host"]) for r in rows} == {(str(a), str(b)) for a, b in g.subject_objects(WJ.affiliatedWith)}
    catl = ask(trig, "affiliations", host="宁德时代")
    assert "宁德时代未来能源研究院" in by_label(catl, "unitLabel")


def milestones(g):
    for p, m in g.subject_objects(WJ.hasMilestone):
        year = g.value(m, WJ.year)
        yield (str(p), str(g.value(m, WJ.stage)), str(g.value(m, WJ.period)),
               str(year) if year is not None else None, g.value(m, WJ.planned).toPython())


@checks("projects_by_stage")
def test_projects_by_stage(trig, g):
    rows = ask(trig, "projects_by_stage")
    assert {(r["project"], r["stage"], r["period"], r["year"], r["planned"]) for r in rows} == set(milestones(g))
    completed = ask(trig, "projects_by_stage", stage="wj:Completed", period="2025")
    assert "航电基地一期" in by_label(completed, "projectLabel")
    assert {(r["stage"], r["period"], r["year"]) for r in completed} == {(str(WJ.Completed), "2025", "2025")}
    order = ["Planned", "Started", "UnderConstruction", "ToppedOut", "Completed", "InUse"]
    for period in {r["period"] for r in rows}:
        steps = [order.index(r["stage"].rsplit("#", 1)[1]) for r in rows if r["period"] == period]
        assert steps == sorted(steps)


@checks("projects_completed")
def test_projects_completed_lists_every_done_completion_with_its_period(trig, g):
    rows = ask(trig, "projects_completed")
    expected = {(p, stage, period) for p, stage, period, _, planned in milestones(g)
                if not planned and stage in (str(WJ.Completed), str(WJ.InUse))}
    assert {(r["project"], r["stage"], r["period"]) for r in rows} == expected
    assert ("航电基地一期", str(WJ.Completed), "2025") in {(r["projectLabel"], r["stage"], r["period"]) for r in rows}
    in_2025 = ask(trig, "projects_completed", period="2025")
    assert in_2025 and {r["period"] for r in in_2025} == {"2025"}
    assert {(r["project"], r["stage"]) for r in in_2025} == {(p, s) for p, s, period in expected if period == "2025"}


@checks("projects_planned")
def test_projects_planned_lists_every_plan_with_its_period(trig, g):
    rows = ask(trig, "projects_planned")
    expected = {(p, stage, period) for p, stage, period, _, planned in milestones(g) if planned}
    assert rows and {(r["project"], r["stage"], r["period"]) for r in rows} == expected
    started = ask(trig, "projects_planned", period="2026", stage="wj:Started")
    assert started and {(r["stage"], r["period"]) for r in started} == {(str(WJ.Started), "2026")}
    assert {r["project"] for r in started} == {p for p, s, period in expected if s == str(WJ.Started) and period == "2026"}


@checks("entity_profile")
def test_entity_profile_lists_every_statement_about_the_entity(trig, g):
    hdsd = entity_iri("华东师范大学")
    rows = ask(trig, "entity_profile", entity="华东师范大学")
    out = {(str(p), str(o)) for p, o in g.predicate_objects(hdsd)}
    inc = {(str(p), str(s)) for s, p in g.subject_predicates(hdsd)}
    assert {(r["property"], r["value"]) for r in rows if r["direction"] == "out"} == out
    assert {(r["property"], r["value"]) for r in rows if r["direction"] == "in"} == inc
    assert {r["entityLabel"] for r in rows} == {"华东师范大学"}
    assert (str(WJ.cooperatesWith), ART) in out | inc  # the pair is stored one way; the profile shows it
    by_pinyin = ask(trig, "entity_profile", entity="huadongshifandaxue")
    assert by_pinyin == rows


@checks("link_evidence")
def test_link_evidence_gives_the_sentences_of_each_link(trig, ds, g):
    props = (*RELATIONS, WJ.hasMilestone)
    expected = set()
    for s, p, o, ctx in ds.quads((None, None, None, None)):
        if p in props and ctx != PROVENANCE_GRAPH:
            expected.add((str(s), str(p), str(o), str(ctx)))
            if p == WJ.cooperatesWith:
                expected.add((str(o), str(p), str(s), str(ctx)))
    rows = ask(trig, "link_evidence")
    assert {(r["subject"], r["property"], r["object"], r["sentence"]) for r in rows} == expected
    prov = ds.graph(PROVENANCE_GRAPH)
    assert all(r["text"] == str(prov.value(rdflib_iri(r["sentence"]), PROV.value)) for r in rows)
    for a, b in (("华东师范大学", "奥锐特"), ("奥锐特", "华东师范大学")):
        found = ask(trig, "link_evidence", subject=a, property="wj:cooperatesWith", object=b)
        assert found and all("奥锐特" in r["text"] for r in found)


def rdflib_iri(text):
    from rdflib import URIRef

    return URIRef(text)


@checks("entity_sentences")
def test_entity_sentences(trig, ds):
    expected = {(str(s), str(ctx)) for s, p, o, ctx in ds.quads((None, RDF.type, None, None))
                if o in ENTITY and ctx != PROVENANCE_GRAPH}
    rows = ask(trig, "entity_sentences")
    assert {(r["entity"], r["sentence"]) for r in rows} == expected
    catl = ask(trig, "entity_sentences", entity="宁德时代")
    assert catl and [r["index"] for r in catl] == sorted(r["index"] for r in catl)
    assert all(r["text"] and r["section"] for r in catl)


@checks("funds")
def test_funds(trig, g):
    rows = ask(trig, "funds")
    funds = {s for s in g.subjects(RDF.type, WJ.Fund)}
    assert {r["fund"] for r in rows} == {str(f) for f in funds}
    for r in rows:
        amount = g.value(rdflib_iri(r["fund"]), WJ.amountCNY)
        assert r["amountCNY"] == (float(amount) if amount is not None else None)
    amounts = [r["amountCNY"] for r in rows if r["amountCNY"] is not None]
    assert amounts == sorted(amounts, reverse=True)
    assert any(r["amountCNY"] == 1e9 and r["amountText"] == "总规模10亿元" for r in rows)  # 算力设备基金


@checks("entities_introduced")
def test_entities_introduced(trig, g):
    expected = {(str(s), str(y)) for s, y in g.subject_objects(WJ.introducedIn)}
    rows = ask(trig, "entities_introduced")
    assert {(r["entity"], r["year"]) for r in rows} == expected
    in_2025 = ask(trig, "entities_introduced", year="2025")
    assert in_2025 and {r["year"] for r in in_2025} == {"2025"}
    assert {r["entity"] for r in in_2025} == {s for s, y in expected if y == "2025"}
    assert ask(trig, "entities_introduced", year="1999") == []


@checks("cluster_targets")
def test_cluster_targets_reads_the_plan_spans_of_each_report(trig, ds, g):
    prov = ds.graph(PROVENANCE_GRAPH)
    expected = set()
    for s, _, o, ctx in ds.quads((None, RDF.type, WJ.IndustryCluster, None)):
        period = str(prov.value(ctx, WJ.period)) if ctx != PROVENANCE_GRAPH else ""
        if "-" not in period:
            continue
        year = int(str(prov.value(prov.value(ctx, PROV.wasDerivedFrom), WJ.year)))
        if int(period.split("-")[0]) < year:  # a review span (2021-2025 of a 2026 report) is no plan
            continue
        text = str(prov.value(ctx, PROV.value))
        names = [str(n) for n in (*g.objects(s, RDFS.label), *g.objects(s, SKOS.altLabel)) if n.language == "zh"]
        for name in names:
            m = re.match(r"(\d+(?:\.\d+)?)亿元", text.split(name, 1)[1]) if name in text else None
            if m:
                expected.add((period, str(s), m.group(0), float(m.group(1)) * 1e8, str(ctx)))
    rows = ask(trig, "cluster_targets")
    assert {(r["period"], r["cluster"], r["target"], r["targetCNY"], r["sentence"]) for r in rows} == expected
    targets = {r["clusterLabel"]: r["target"] for r in rows}
    assert targets.get("民用航空") == "225亿元" and targets.get("能源材料") == "235亿元"  # as the report says
    assert ask(trig, "cluster_targets", period="2021-2025") == []  # the review span states no plan


@checks("most_connected")
def test_most_connected(trig, g):
    links: Counter = Counter()
    others: dict = defaultdict(set)
    for p in RELATIONS:
        for s, o in g.subject_objects(p):
            for a, b in ((s, o), (o, s)):
                links[a] += 1
                others[a].add(b)
    ranked = sorted((e for e in links if e in entities(g)),
                    key=lambda e: (-links[e], -len(others[e]), zh(g, e), str(e)))[:20]
    rows = ask(trig, "most_connected")
    assert [(r["entity"], r["links"], r["neighbours"]) for r in rows] == \
        [(str(e), links[e], len(others[e])) for e in ranked]
    enterprises = ask(trig, "most_connected", **{"class": "wj:Enterprise"})
    assert enterprises and {r["class"] for r in enterprises} == {str(WJ.Enterprise)}


@checks("entities_by_class")
def test_entities_by_class(trig, g):
    expected = Counter(str(class_of(g, e)) for e in entities(g))
    rows = ask(trig, "entities_by_class")
    assert {r["class"]: r["entities"] for r in rows} == dict(expected)
    assert [r["entities"] for r in rows] == sorted(expected.values(), reverse=True)
    assert rows[0]["entities"] > 0


@checks("search_entities")
def test_search_entities(trig, g):
    def names(e):
        return [str(o) for o in (*g.objects(e, RDFS.label), *g.objects(e, SKOS.altLabel))]

    rows = ask(trig, "search_entities", text="航空")
    assert {r["entity"] for r in rows} == {str(e) for e in entities(g) if any("航空" in n for n in names(e))}
    assert "华东师范大学" in by_label(ask(trig, "search_entities", text="huadong"), "label")  # toneless, from the IRI
    assert "华东师范大学" in by_label(ask(trig, "search_entities", text="HUÁ DŌNG"), "label")  # tone-marked label
    assert pinyin_plain("华东师范大学") == "huadongshifandaxue"
    assert len(ask(trig, "search_entities")) == len(entities(g))


@checks("report_sections")
def test_report_sections(trig, ds):
    prov = ds.graph(PROVENANCE_GRAPH)
    sentences: dict = defaultdict(set)
    ents: dict = defaultdict(set)
    first: dict = {}
    for s, p, o, ctx in ds.quads((None, RDF.type, None, None)):
        if o in ENTITY and ctx != PROVENANCE_GRAPH:
            section = str(prov.value(ctx, WJ.section))
            sentences[section].add(ctx)
            ents[section].add(s)
            index = prov.value(ctx, WJ.sentenceIndex).toPython()
            first[section] = min(first.get(section, index), index)
    rows = ask(trig, "report_sections")
    assert {r["section"]: (r["sentences"], r["entities"], r["firstSentence"]) for r in rows} == \
        {k: (len(sentences[k]), len(ents[k]), first[k]) for k in sentences}
    assert [r["firstSentence"] for r in rows] == sorted(r["firstSentence"] for r in rows)


@checks("reports")
def test_reports(trig, ds):
    prov = ds.graph(PROVENANCE_GRAPH)
    rows = ask(trig, "reports")
    reports = set(prov.subjects(RDF.type, WJ.Report))
    assert {r["report"] for r in rows} == {str(r) for r in reports}
    for r in rows:
        report = rdflib_iri(r["report"])
        assert r["title"] == str(prov.value(report, DCTERMS.title))
        assert r["sentences"] == len(set(prov.subjects(PROV.wasDerivedFrom, report)))
        assert r["year"] == str(prov.value(report, WJ.year))
    assert any("吴泾" in (r["title"] or "") for r in rows)


def test_parameters_are_typed_by_their_declared_kind(trig):
    rows = run_query("entities_introduced", graph=trig, terms=True, year="2025")
    assert rows and all(r["year"] == Literal("2025", datatype=XSD.gYear) for r in rows)
    assert run_query("entities_introduced", graph=trig, year=2025) == run_query("entities_introduced", graph=trig,
                                                                                 year="2025")


def test_readme_lists_every_library_query():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Query the graph", 1)[1].split("\n## ", 1)[0]
    missing = [name for name in ALL_QUERIES if f"| `{name}` |" not in section]
    assert not missing, f"add these queries to the table in README.md's 'Query the graph': {missing}"
    assert "wujing-kg query " in section and "curl " in section and "wujing-kg serve" in section


