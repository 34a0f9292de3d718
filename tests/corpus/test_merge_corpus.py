"""Two reports, one graph: a short 2025 report (tests/data/merge/) and the bundled 2026 report.

The 2025 report reviews 2024: 航电基地一期 started (开工), 华东师大 cooperates with 奥锐特, and it writes
上海交大-紫竹高新区概念验证中心 with an ASCII hyphen where the 2026 report has a full-width one.  Its
sidecar ``wujing-2025.meta.yaml`` describes it; the 2026 report has no sidecar.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from graph.build import build
from graph.resources import DEFAULT_REPORT
from graph.rdf.iri import entity_iri, report_iri
from graph.rdf.namespaces import WJ
from graph.rdf.convert import PROVENANCE_GRAPH
from graph.rdf.namespaces import WJ as WJR

ROOT = Path(__file__).resolve().parents[2]
REPORT_2025 = ROOT / "tests" / "data" / "merge" / "wujing-2025.txt"
QUERY = ROOT / "queries" / "changes_between_years.rq"

HDSD = entity_iri("华东师范大学")
ART = entity_iri("奥锐特")
HDJD = entity_iri("航电基地一期")


@pytest.fixture(scope="module")
def cache_dir(extraction_cache) -> Path:
    return extraction_cache


@pytest.fixture(scope="module")
def merged(built_two_years):
    """The 2025 and the 2026 report built together (tests/conftest.py, once per session)."""
    assert [ex.report.slug for ex in built_two_years.extractions] == [REPORT_2025.stem, DEFAULT_REPORT.stem]
    return built_two_years


def report_of(graph_iri) -> str:
    """``…/id/report/wujing-2025/s0008`` -> ``wujing-2025``."""
    return str(graph_iri).split("/report/")[1].split("/")[0]


def graphs_stating(ds, triple) -> set:
    return {ctx.identifier for ctx in ds.graphs() if triple in ctx}


def test_both_reports_are_in_the_graph_each_its_own_prov_entity(merged):
    prov = merged.dataset.graph(PROVENANCE_GRAPH)
    for slug, year in (("wujing-2025", "2025"), ("wujing-2026", "2026")):
        node = report_iri(slug)
        assert (node, RDF.type, WJ.Report) in prov
        assert (node, RDF.type, PROV.Entity) in prov
        assert (node, WJ.year, Literal(year, datatype=XSD.gYear)) in prov


def test_every_sentence_graph_points_to_its_report(merged):
    prov = merged.dataset.graph(PROVENANCE_GRAPH)
    sentence_graphs = [c.identifier for c in merged.dataset.graphs() if "/report/" in str(c.identifier) and len(c)]
    assert {report_of(g) for g in sentence_graphs} == {"wujing-2025", "wujing-2026"}
    for g in sentence_graphs:
        assert (g, PROV.wasDerivedFrom, report_iri(report_of(g))) in prov


def test_the_same_university_in_two_reports_is_one_node_with_facts_from_both(merged):
    graphs = graphs_stating(merged.dataset, (HDSD, WJ.cooperatesWith, ART))
    assert {report_of(g) for g in graphs} == {"wujing-2025", "wujing-2026"}
    labels = set(merged.union.objects(HDSD, SKOS.altLabel))
    assert Literal("华东师大", lang="zh") in labels


def test_a_project_keeps_its_2024_start_and_its_2025_completion_each_with_its_source(merged):
    ds, prov = merged.dataset, merged.dataset.graph(PROVENANCE_GRAPH)
    milestones = {}
    for m in merged.union.objects(HDJD, WJ.hasMilestone):
        stage = merged.union.value(m, WJ.stage)
        year = merged.union.value(m, WJ.year)
        milestones[(stage, str(year))] = m
    assert (WJ.Started, "2024") in milestones
    assert (WJ.Completed, "2025") in milestones
    started = graphs_stating(ds, (HDJD, WJ.hasMilestone, milestones[(WJ.Started, "2024")]))
    completed = graphs_stating(ds, (HDJD, WJ.hasMilestone, milestones[(WJ.Completed, "2025")]))
    assert {report_of(g) for g in started} == {"wujing-2025"}
    assert "wujing-2026" in {report_of(g) for g in completed}
    assert any("开工" in str(prov.value(g, PROV.value)) for g in started)
    assert any("竣工" in str(prov.value(g, PROV.value)) for g in completed)


def test_names_that_differ_only_in_the_dash_become_one_entity(merged):
    fullwidth, ascii_ = "上海交大－紫竹高新区概念验证中心", "上海交大-紫竹高新区概念验证中心"
    kept, gone = entity_iri(fullwidth), entity_iri(ascii_)
    assert (kept, SKOS.altLabel, Literal(ascii_, lang="zh")) in merged.union
    assert (gone, None, None) not in merged.union
    graphs = graphs_stating(merged.dataset, (kept, RDF.type, WJ.Platform))
    assert {report_of(g) for g in graphs} == {"wujing-2025", "wujing-2026"}


def rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_the_resolution_report_lists_merges_aliases_and_near_duplicates(merged):
    table = rows(merged.out_dir / "resolution.csv")
    merged_rows = [r for r in table if r["action"] == "merged"]
    assert {(r["name"], r["target"], r["rule"]) for r in merged_rows} >= {
        ("上海交大-紫竹高新区概念验证中心", "上海交大－紫竹高新区概念验证中心", "normal-form")
    }
    alias = next(r for r in table if r["action"] == "alias" and r["name"] == "华东师大" and r["target"] == "华东师范大学")
    assert alias["rule"] == "lexicon"
    assert alias["n_reports"] == "2" and alias["reports"] == "wujing-2025|wujing-2026"
    apart = {(r["name"], r["target"]) for r in table if r["action"] == "kept-apart"}
    assert ("航电基地", "航电基地一期") in apart
    assert all(int(r["score"]) >= 80 for r in table if r["action"] == "kept-apart")


def test_each_report_has_its_jurisdiction_and_level_from_its_sidecar_or_its_text(merged):
    prov = merged.dataset.graph(PROVENANCE_GRAPH)
    described, plain = report_iri("wujing-2025"), report_iri("wujing-2026")
    assert (described, WJR.jurisdiction, Literal("吴泾镇", lang="zh")) in prov
    assert (described, WJR.level, WJR.Town) in prov
    assert "synthetic report" in str(prov.value(described, DCTERMS.source))
    assert prov.value(described, DCTERMS.issued) == Literal("2025-01-10", datatype=XSD.date)
    # no sidecar: its issuer line (闵行区吴泾镇人民政府) names the town
    assert (plain, WJR.jurisdiction, Literal("吴泾镇", lang="zh")) in prov
    assert (plain, WJR.level, WJR.Town) in prov


# ---------------------------------------------------------------- changes_between_years.rq


def run_changes(ds, **years):
    """Run the query as the query library does: the default graph is the union of all graphs."""
    from rdflib import Dataset
    from rdflib.plugins.sparql import prepareQuery

    q = prepareQuery(QUERY.read_text(encoding="utf-8"))
    bindings = {k: Literal(v, datatype=XSD.gYear) for k, v in years.items()}
    return list(Dataset(store=ds.store, default_union=True).query(q, initBindings=bindings))


def local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1]


def expected_changes(extractions, year_a: str, year_b: str) -> set[tuple]:
    """What the query must answer, computed from the extractions without RDF or SPARQL: each stage a
    project had in ``year_a`` paired with each stage (planned or reached) it has in ``year_b``, each side
    with its first sentence (report, then position) and the number of sentences that state it."""
    side_a, side_b = {}, {}
    for ex in extractions:
        for m in ex.milestones:
            if m.year == year_a:
                side_a.setdefault((m.project, m.stage), set()).add((ex.report.slug, m.sentence))
            if m.year == year_b:
                side_b.setdefault((m.project, m.stage, m.planned), set()).add((ex.report.slug, m.sentence))
    return {
        (project, stage_a, stage_b, min(a), min(b), len(a), len(b))
        for (project, stage_a), a in side_a.items()
        for (other, stage_b, _planned), b in side_b.items()
        if other == project
    }


def test_changes_between_years_matches_the_milestones_of_both_reports(merged):
    answer = run_changes(merged.dataset, yearA="2024", yearB="2025")
    got = {
        (str(r.projectLabel), local(r.stageA), local(r.stageB), (report_of(r.sentenceA), int(str(r.sentenceA)[-4:])),
         (report_of(r.sentenceB), int(str(r.sentenceB)[-4:])), r.sentencesA.toPython(), r.sentencesB.toPython())
        for r in answer
    }
    assert got == expected_changes(merged.extractions, "2024", "2025")
    assert len(got) == len(answer)  # one row per project and pair of stages, however many sentences state them
    row = next(r for r in answer if str(r.projectLabel) == "航电基地一期" and local(r.stageB) == "Completed")
    assert local(row.stageA) == "Started" and row.changed.toPython() is True
    assert (str(row.yearA), str(row.yearB)) == ("2024", "2025")
    assert row.reportA == report_iri("wujing-2025") and row.reportB == report_iri("wujing-2026")
    assert "开工" in str(row.textA) and "竣工" in str(row.textB)
    prov = merged.dataset.graph(PROVENANCE_GRAPH)
    assert row.textA == prov.value(row.sentenceA, PROV.value) and row.textB == prov.value(row.sentenceB, PROV.value)


def test_changes_between_years_gives_one_row_per_change_when_many_sentences_state_it(tmp_path):
    """Two reports of two towns that both state the same milestones: one row, counted twice, not four."""
    from graph.text.metadata import read_report

    text = REPORT_2025.read_text(encoding="utf-8")
    first = tmp_path / "town-a-2025.txt"
    second = tmp_path / "town-b-2025.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("吴泾", "马桥"), encoding="utf-8")
    result = build([first, second, DEFAULT_REPORT], out_dir=tmp_path / "out")
    answer = run_changes(result.dataset, yearA="2024", yearB="2025")
    rows = [r for r in answer if str(r.projectLabel) == "航电基地一期" and local(r.stageB) == "Completed"]
    assert len(rows) == 1
    assert rows[0].sentencesA.toPython() == 2 and report_of(rows[0].sentenceA) == "town-a-2025"
    assert read_report(first).slug == "town-a-2025"


def test_changes_between_years_unbound_compares_every_earlier_and_later_year(merged):
    answer = run_changes(merged.dataset)
    pairs = {(str(r.yearA), str(r.yearB)) for r in answer}
    assert ("2024", "2025") in pairs and ("2025", "2026") in pairs
    assert all(a < b for a, b in pairs)
    bound = run_changes(merged.dataset, yearA="2025", yearB="2026")
    assert len(bound) == sum(1 for r in answer if (str(r.yearA), str(r.yearB)) == ("2025", "2026"))


def test_changes_between_years_gives_the_same_answer_in_oxigraph(merged):
    from graph.store.oxigraph import load_store, run_query

    store = load_store(merged.out_dir / "wujing.trig")
    ox = run_query(store, QUERY.read_text(encoding="utf-8"),
                   {"yearA": Literal("2024", datatype=XSD.gYear), "yearB": Literal("2025", datatype=XSD.gYear)})
    got = {(row["projectLabel"].value, row["stageA"].value, row["stageB"].value, row["sentenceA"].value,
            row["sentenceB"].value) for row in ox}
    want = {(str(r.projectLabel), str(r.stageA), str(r.stageB), str(r.sentenceA), str(r.sentenceB))
            for r in run_changes(merged.dataset, yearA="2024", yearB="2025")}
    assert got == want and got


# ---------------------------------------------------------------- the Oxigraph store


def canonical_quads(path: Path) -> set[str]:
    """N-Quads lines of a TriG file with language tags in lower case and decimals in canonical form."""
    from decimal import Decimal

    import pyoxigraph as ox

    out = set()
    for q in ox.parse(path=str(path)):
        o = q.object
        if isinstance(o, ox.Literal) and o.datatype.value == str(XSD.decimal):
            o = ox.Literal(str(Decimal(o.value).normalize()), datatype=o.datatype)
        elif isinstance(o, ox.Literal) and o.language:
            o = ox.Literal(o.value, language=o.language.lower())
        out.add(str(ox.Quad(q.subject, q.predicate, o, q.graph_name)))
    return out


@pytest.fixture(scope="module")
def merged_oxigraph(tmp_path_factory, cache_dir, merged):
    out = tmp_path_factory.mktemp("merged-oxigraph")
    result = build([REPORT_2025, DEFAULT_REPORT], out_dir=out, cache_dir=cache_dir, store="oxigraph", jobs=2)
    result.out_dir = out
    return result


def test_the_oxigraph_store_holds_the_same_quads_as_rdflib(merged, merged_oxigraph):
    assert canonical_quads(merged_oxigraph.out_dir / "wujing.trig") == canonical_quads(merged.out_dir / "wujing.trig")
    assert canonical_quads(merged_oxigraph.out_dir / "wujing.ttl") == canonical_quads(merged.out_dir / "wujing.ttl")
    for name in ("entities.csv", "resolution.csv"):
        assert (merged_oxigraph.out_dir / name).read_bytes() == (merged.out_dir / name).read_bytes()
    assert merged_oxigraph.summary() | {"seconds": 0} == merged.summary() | {"seconds": 0}


def test_the_oxigraph_build_is_byte_identical_when_repeated(tmp_path, cache_dir, merged_oxigraph):
    again = build([REPORT_2025, DEFAULT_REPORT], out_dir=tmp_path, cache_dir=cache_dir, store="oxigraph")
    for name in ("wujing.trig", "wujing.ttl", "entities.csv"):
        assert (tmp_path / name).read_bytes() == (merged_oxigraph.out_dir / name).read_bytes()
    assert again.triples == merged_oxigraph.triples


def test_the_persisted_store_answers_queries_on_the_union_and_on_named_graphs(merged, merged_oxigraph):
    from graph.store.oxigraph import open_store, run_query

    merged_oxigraph.backend.close()  # the build's handle: the store is opened again below
    store = open_store(merged_oxigraph.out_dir)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(next(iter(run_query(store, count, union=False)))["n"].value) == len(merged.union)
    named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert int(next(iter(run_query(store, named)))["n"].value) == sum(len(g) for g in merged.dataset.graphs())
    label = run_query(store, "SELECT ?l WHERE { ?e rdfs:label ?l } ", {"e": URIRef(HDSD)})
    assert {row["l"].value for row in label} == {"华东师范大学", "huá dōng shī fàn dà xué"}
